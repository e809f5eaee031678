"""The HTML the dashboard shows and exports, every piece of text from articles escaped: an
article with its mentions marked, selected events as cards, a quote in its paragraph, and the
self-contained briefing file (its timeline works offline). No streamlit.
"""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from core import filters as F
from core.views_figures import EVENT_COLOURS
from core.views_frames import date_label

MARK_STYLES = {
    "quote": "background:#fff3bf;",
    "speaker": "font-weight:600;color:#1c3d6e;",
    "date": "text-decoration:underline;text-decoration-color:#0072B2;text-decoration-thickness:2px;"
            "text-underline-offset:3px;",
    "country": "border-bottom:2px dotted #009E73;",
}
MARK_LABELS = {"quote": "quote", "speaker": "speaker", "date": "date", "country": "country"}


def article_marks(article, rows: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, title) of the mentions to mark in an article's text: quotes and speakers
    from its rows in the table, dates from core.dates, countries from core.places."""
    text = article.text
    marks: list[tuple[int, int, str, str]] = []
    for q in dict.fromkeys(x for x in rows.get("quote", []) if x):
        pos = text.find(q)
        while pos >= 0:
            marks.append((pos, pos + len(q), "quote", "quote"))
            pos = text.find(q, pos + len(q))
    names = set()
    for s in rows.get("speaker", []):
        if s:
            names.add(s)
            if " " in s:
                names.add(s.split()[-1])
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name)
        while pos >= 0:
            before = text[pos - 1] if pos else " "
            after = text[pos + len(name)] if pos + len(name) < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                marks.append((pos, pos + len(name), "speaker", "speaker"))
            pos = text.find(name, pos + len(name))
    try:
        from core.dates import find_times
        ref = article.published or dt.date.today()
        for t in find_times(text, ref):
            first, last = getattr(t, "first", None), getattr(t, "last", None)
            tip = f"date: {first.isoformat()}" if first else "date"
            if first and last and last != first:
                tip += f" to {last.isoformat()}"
            marks.append((t.start, t.end, "date", tip))
    except Exception:  # noqa: BLE001 - marking is a reading aid; the article still shows
        pass
    try:
        from core.places import country_name, find_places
        for p in find_places(text):
            if p.code:
                marks.append((p.start, p.end, "country", f"country: {country_name(p.code)} ({p.code})"))
    except Exception:  # noqa: BLE001
        pass
    return sorted(marks)


def marked_html(text: str, marks) -> str:
    """The text as HTML, every character escaped, each marked span wrapped in a <span> whose
    inline style combines its kinds (a date inside a quote is underlined on yellow)."""
    n = len(text)
    kinds: list[set] = [set() for _ in range(n)]
    tips: list[list] = [[] for _ in range(n)]
    for s, e, k, tip in marks:
        for i in range(max(0, s), min(n, e)):
            kinds[i].add(k)
            if tip not in tips[i]:
                tips[i].append(tip)
    out = []
    i = 0
    while i < n:
        j = i
        while j < n and kinds[j] == kinds[i] and text[j] != "\n" and text[i] != "\n":
            j += 1
        j = max(j, i + 1)
        chunk = text[i:j]
        if text[i] == "\n":
            out.append("</p><p>")
        elif kinds[i]:
            style = "".join(MARK_STYLES[k] for k in sorted(kinds[i]))
            out.append(f'<span style="{style}" title="{html.escape("; ".join(tips[i]))}">'
                       f"{html.escape(chunk)}</span>")
        else:
            out.append(html.escape(chunk))
        i = j
    return "<p>" + "".join(out) + "</p>"


def legend_html() -> str:
    return " ".join(f'<span style="{MARK_STYLES[k]}">{MARK_LABELS[k]}</span>' for k in MARK_STYLES)


# --- briefing --------------------------------------------------------------------------------

_CSS = """
body{font-family:Helvetica,Arial,sans-serif;color:#1f2933;max-width:1100px;margin:2em auto;padding:0 1em;}
h1{font-size:1.7em;margin-bottom:.2em} h2{font-size:1.2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
.meta{color:#57606a} table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;vertical-align:top;padding:.35em .5em;border-bottom:1px solid #eaeef2}
th{background:#f6f8fa} blockquote{margin:.6em 0;padding:.4em .9em;border-left:4px solid #0072B2;background:#f6f8fa}
.who{color:#57606a;font-size:.9em} .dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
"""


def key_quotes(table: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The quotes a briefing leads with: direct ones first, then the most recent."""
    q = F.quotes(table)
    if q.empty:
        return q
    rank = q["quote_kind"].map({"direct": 0, "partial": 1, "indirect": 2}).fillna(3)
    return q.assign(_r=rank).sort_values(["_r", "date"], ascending=[True, False],
                                         na_position="last").head(n).drop(columns="_r")


def briefing_html(table: pd.DataFrame, *, title: str, filters: list[str], fig: go.Figure | None = None,
                  articles=(), total: int | None = None, generated: dt.datetime | None = None) -> str:
    """One self-contained HTML file of the current view: title, filters applied, the timeline
    (plotly.js embedded: works with no network), events, key quotes and sources. Every piece of
    text from articles is escaped."""
    e = html.escape
    generated = generated or dt.datetime.now()
    total = len(table) if total is None else total
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title>"
             f"<style>{_CSS}</style></head><body>",
             f"<h1>{e(title)}</h1>",
             f"<p class='meta'>Generated {generated:%d %b %Y %H:%M} · {len(table):,} of {total:,} events shown</p>",
             "<h2>Filters applied</h2>",
             "<ul>" + "".join(f"<li>{e(x)}</li>" for x in filters) + "</ul>" if filters
             else "<p>None: every event in the corpus.</p>"]
    if fig is not None and len(table):
        parts += ["<h2>Timeline</h2>", fig.to_html(include_plotlyjs=True, full_html=False,
                                                     config={"displaylogo": False, "responsive": True})]
    q = key_quotes(table)
    if len(q):
        parts.append("<h2>Key quotes</h2>")
        for _, r in q.iterrows():
            who = ", ".join(x for x in (r["speaker"], r["speaker_role"]) if x)
            when = date_label(r["date"], r["date_end"], r["date_precision"])
            # reported speech is the writer's words: no quotation marks, and said so
            reported = r["quote_kind"] == "indirect"
            words = e(r["quote"]) if reported else f"“{e(r['quote'])}”"
            kind = " · reported speech" if reported else ""
            parts.append(f"<blockquote>{words}<div class='who'>{e(who)} · {e(when)}{kind} · "
                         f"{e(r['source'] or r['article_name'])}</div></blockquote>")
    if len(table):
        ordered = table.sort_values("date", na_position="last")
        parts.append("<h2>Events</h2><table><tr><th>When</th><th>Type</th><th>Status</th>"
                     "<th>What</th><th>Source</th></tr>")
        for _, r in ordered.head(500).iterrows():
            colour = EVENT_COLOURS.get(r["event_type"], "#999")
            parts.append(f"<tr><td>{e(date_label(r['date'], r['date_end'], r['date_precision']))}</td>"
                         f"<td><span class='dot' style='background:{colour}'></span>{e(r['event_type'])}</td>"
                         f"<td>{e(r['status'])}</td><td>{e(r['summary'])}</td>"
                         f"<td>{e(r['source'] or r['article_name'])}</td></tr>")
        parts.append("</table>")
        if len(ordered) > 500:
            parts.append(f"<p class='meta'>… and {len(ordered) - 500:,} more events (see the CSV export).</p>")
    else:
        parts.append("<p>No events match these filters.</p>")
    ids = set(table["article_id"])
    arts = [a for a in articles if a.article_id in ids]
    if arts or len(table):
        parts.append("<h2>Sources</h2><ul>")
        if arts:
            for a in sorted(arts, key=lambda a: (a.published or dt.date.min), reverse=True):
                pub = f"{a.published.day} {a.published:%b %Y}" if a.published else "undated"
                parts.append(f"<li>{e(a.source or 'unknown outlet')}, {e(pub)}: "
                             f"{e(a.title or a.name)}</li>")
        else:
            for (src, name), _ in table.groupby(["source", "article_name"]):
                parts.append(f"<li>{e(src or 'unknown outlet')}: {e(name)}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


# --- small HTML pieces the pages show (all text escaped) ------------------------------------

def event_cards_html(rows: pd.DataFrame, evidence: bool = True, limit: int = 50) -> str:
    """Selected events as cards: when, type, summary, evidence sentence and source."""
    e = html.escape
    out = []
    for _, r in rows.head(limit).iterrows():
        colour = EVENT_COLOURS.get(r["event_type"], "#999")
        when = date_label(r["date"], r["date_end"], r["date_precision"])
        said = f" · “{e(r['date_text'])}”" if r["date_text"] else ""
        out.append(
            f"<div style='border-left:4px solid {colour};padding:.3em .8em;margin:.5em 0;'>"
            f"<div style='font-weight:600'>{e(r['summary'] or r['event_type'])}</div>"
            f"<div style='color:#57606a;font-size:.9em'>{e(when)}{said} · {e(r['event_type'])}, "
            f"{e(r['status'])} · {e(r['source'] or r['article_name'])}"
            + (f" ({int(r['n_sources'])} sources)" if int(r["n_sources"]) > 1 else "") + "</div>"
            + (f"<div style='margin-top:.2em'>{e(r['evidence'])}</div>" if evidence and r["evidence"] else "")
            + "</div>")
    if len(rows) > limit:
        out.append(f"<div style='color:#57606a'>… and {len(rows) - limit} more</div>")
    return "".join(out)


def context_html(before: str, span: str, after: str) -> str:
    """A paragraph with one span highlighted, escaped."""
    e = html.escape
    return (f"<p style='line-height:1.6'>{e(before)}<span style='{MARK_STYLES['quote']}font-weight:600'>"
            f"{e(span)}</span>{e(after)}</p>")
