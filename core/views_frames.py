"""The dashboard's data, shaped for its pages: pure pandas, no streamlit, no plotly.

Loading the corpus (files, event CSVs) and the View every page starts from; dates in words; the
timeline's rows and lanes, the grouping of dense marks per period, the main span of the time axis
and the rows behind a selection; the who-said-what frame, its search and orders; per-country
counts and the country x country matrix; the list of articles. The figures drawn from these are
in ``core.views_figures``, the HTML pieces in ``core.views_html``; ``core.views`` has them all.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from core import filters as F
from core.table import COLUMNS, empty_table, validate

LANE_BY = {"country": "Country", "actor": "Actor", "event_type": "Event type"}
NO_LANE = {"country": "(no country)", "actor": "(no actor)", "event_type": "other"}
MAX_LANES = 40
DENSE = 1500          # more marks than this: aggregate per day, week, month or year
MAX_MARKS = 1200      # at most this many grouped marks (one per lane and period): else a longer period


# --- loading ---------------------------------------------------------------------------------

@dataclass
class Corpus:
    articles: list = field(default_factory=list)       # core.Article
    skipped: list = field(default_factory=list)        # core.articles.Skipped
    table: pd.DataFrame = field(default_factory=empty_table)
    error: str = ""                                    # why extraction failed, if it did


def read_event_csv(path) -> pd.DataFrame:
    """An event table written by ``python -m core normalise -o events.csv`` read back (column by
    column: a 100,000-row table reads in a couple of seconds)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    data = {}
    for col, kind in COLUMNS.items():
        if col not in raw.columns:
            s = pd.Series([""] * len(raw), dtype="str")
        else:
            s = raw[col].astype("str")
            guarded = s.str.startswith("'") & s.str[1:2].isin(list("=+-@\t\r"))
            if guarded.any():
                s = s.where(~guarded, s.str[1:])           # undo the spreadsheet guard
        if kind == "date":
            data[col] = pd.to_datetime(s.where(s != "", None), errors="raise").astype("datetime64[s]")
        elif kind == "tuple":
            data[col] = pd.Series([tuple(x.strip() for x in v.split(";") if x.strip()) if v else ()
                                   for v in s.tolist()], dtype="object")
        elif kind == "int":
            data[col] = pd.to_numeric(s.where(s != "", "0")).astype("int64")
        else:
            data[col] = s
    return validate(pd.DataFrame(data))


def is_event_table_path(path) -> bool:
    """A .csv file that is an event table (``python -m core normalise`` output), read as it is;
    any other CSV is a list of articles."""
    from core.readers.records import is_event_table_file
    p = Path(path)
    return p.suffix.lower() == ".csv" and p.is_file() and is_event_table_file(p)


def load_corpus(paths) -> Corpus:
    """Articles from files and folders, normalised into the event table; ``.csv`` paths are event
    tables read as they are. Unreadable inputs are listed in ``skipped`` with their reason."""
    import core
    from core.articles import Skipped

    paths = [Path(p) for p in paths]
    csvs = [p for p in paths if is_event_table_path(p)]
    rest = [p for p in paths if p not in csvs]
    res = core.read_corpus(rest) if rest else core.articles.ReadResult()
    out = Corpus(list(res.articles), list(res.skipped))
    tables = []
    for p in csvs:
        try:
            tables.append(read_event_csv(p))
        except Exception as e:  # noqa: BLE001 - reported to the user, never silently dropped
            out.skipped.append(Skipped(str(p), f"not an event table: {e}"))
    if out.articles:
        try:
            tables.append(core.normalise(out.articles))
        except Exception as e:  # noqa: BLE001
            out.error = f"Extraction failed on the corpus: {type(e).__name__}: {e}"
    out.table = concat_tables(tables)
    return out


def concat_tables(tables) -> pd.DataFrame:
    tables = [t for t in tables if t is not None and len(t)]
    if not tables:
        return empty_table()
    t = pd.concat(tables, ignore_index=True)
    t = t.drop_duplicates("event_id", keep="first").reset_index(drop=True)
    return validate(t)


# --- dates in words --------------------------------------------------------------------------

def _d(ts) -> str:
    return f"{ts.day} {ts:%b %Y}"


def date_label(date, date_end, precision: str = "day") -> str:
    """How a row's date reads to a person: "10 Feb 2026", "2–8 Feb 2026", "Feb 2026", "2025"."""
    if pd.isna(date):
        return "no date"
    date = pd.Timestamp(date)
    end = pd.Timestamp(date_end) if not pd.isna(date_end) else date
    if precision == "year" or (date.month == 1 and date.day == 1 and end.month == 12 and end.day == 31
                               and date.year == end.year):
        return f"{date.year}"
    if precision == "month" or (date.day == 1 and end == date + pd.offsets.MonthEnd(0)):
        return f"{date:%b %Y}"
    if precision == "quarter":
        return f"Q{(date.month - 1) // 3 + 1} {date.year}"
    if end == date:
        return _d(date)
    if date.year != end.year:
        return f"{_d(date)} – {_d(end)}"
    if date.month != end.month:
        return f"{date.day} {date:%b} – {_d(end)}"
    return f"{date.day}–{_d(end)}"


def date_labels(table: pd.DataFrame) -> pd.Series:
    return pd.Series([date_label(a, b, p) for a, b, p in
                      zip(table["date"], table["date_end"], table["date_precision"])],
                     index=table.index, dtype="str")


# --- timeline --------------------------------------------------------------------------------

def lane_pairs(table: pd.DataFrame, lane_by: str) -> tuple[np.ndarray, np.ndarray]:
    """(row position, lane name) for every lane a row belongs to; a row with none gets
    NO_LANE[lane_by]. Countries are named ("Oman"), actors and event types as they are."""
    from core.places import country_name

    n = len(table)
    if lane_by == "event_type":
        return np.arange(n), table["event_type"].to_numpy(object)
    rows, vals = F.involvement(table, "country" if lane_by == "country" else "actor")
    if lane_by == "country" and len(vals):
        codes, uniques = pd.factorize(pd.Series(vals, dtype="object"))
        vals = np.array([country_name(c) for c in uniques], dtype=object)[codes]
    missing = np.setdiff1d(np.arange(n), rows, assume_unique=False)
    if len(missing):
        rows = np.concatenate([rows, missing])
        vals = np.concatenate([vals, np.full(len(missing), NO_LANE[lane_by], dtype=object)])
        order = np.argsort(rows, kind="stable")
        rows, vals = rows[order], vals[order]
    return rows, vals


def timeline_frame(table: pd.DataFrame, lane_by: str = "country", labels: bool = True) -> pd.DataFrame:
    """One row per (dated event, lane) with what the timeline draws: start, end (exclusive, for
    bars), whether it is a point or a range, colour key and hover text. Lanes beyond the
    ``MAX_LANES`` busiest are folded into "Other". ``labels=False`` leaves the hover texts
    empty (for views that are aggregated anyway)."""
    cols = ["event_id", "lane", "start", "end", "kind", "event_type", "status", "summary",
            "when", "date_text", "source"]
    need = ["event_id", "date", "date_end", "date_precision", "event_type", "status", "summary", "date_text",
            "source", "article_name", *F.INVOLVES["country"][1], *F.INVOLVES["actor"][1], "countries", "actors"]
    dated = table[list(dict.fromkeys(need))]
    dated = dated[dated["date"].notna().to_numpy()]
    if dated.empty:
        return pd.DataFrame(columns=cols)
    rows, lanes = lane_pairs(dated, lane_by)
    d = dated.iloc[rows]
    start = d["date"].to_numpy()
    end = d["date_end"].fillna(d["date"]).to_numpy()
    frame = pd.DataFrame({
        "event_id": d["event_id"].to_numpy(), "lane": lanes, "start": start,
        "end": end + np.timedelta64(1, "D"),
        "kind": np.where((end > start) & (d["date_precision"].to_numpy(object) != "day"), "range", "point"),
        "event_type": d["event_type"].to_numpy(), "status": d["status"].to_numpy(),
        "summary": d["summary"].to_numpy(),
        "when": date_labels(dated).to_numpy()[rows] if labels else "",
        "date_text": d["date_text"].to_numpy(),
        "source": np.where(d["source"].to_numpy(object) != "", d["source"].to_numpy(object),
                           d["article_name"].to_numpy(object)) if labels else "",
    })
    counts = frame["lane"].value_counts()
    if len(counts) > MAX_LANES:
        keep = counts.index[:MAX_LANES - 1]
        frame.loc[~frame["lane"].isin(keep), "lane"] = f"Other ({len(counts) - MAX_LANES + 1})"
    return frame[cols]


# Periods the timeline groups dense marks by: the word its axis note uses and its hover phrase.
PERIODS = {"D": ("day", "on %{x|%d %b %Y}"), "W": ("week", "in the week of %{x|%d %b %Y}"),
           "M": ("month", "in %{x|%b %Y}"), "Q": ("quarter", "in the quarter from %{x|%b %Y}"),
           "Y": ("year", "in %{x|%Y}")}


def period_days(frame: pd.DataFrame, freq: str) -> np.ndarray:
    """The first day (days since 1970-01-01) of the day, week (from Monday), month, quarter or year each
    mark of ``frame`` starts in."""
    day = frame["start"].to_numpy("datetime64[D]")
    if freq in ("M", "Q"):
        month = day.astype("datetime64[M]").astype(np.int64)
        month = month - month % 3 if freq == "Q" else month          # 1970-01 began a quarter
        return month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    if freq == "Y":
        return day.astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    day = day.astype(np.int64)
    return day if freq == "D" else day - (day + 3) % 7     # 1970-01-01 was a Thursday: back to Monday


def grouping(frame: pd.DataFrame, most: int = MAX_MARKS) -> str:
    """The period dense timeline marks are grouped by: per day over a span of up to 120 days,
    else per week, coarser (month, quarter, year) while that still gives more than ``most`` marks (one
    per lane and period: beyond a few thousand the figure is slow to send and draw, and no one
    reads it mark by mark)."""
    span = (frame["start"].max() - frame["start"].min()).days
    lanes = pd.factorize(frame["lane"])[0].astype(np.int64)
    for freq in (("D",) if span <= 120 else ()) + ("W", "M", "Q"):
        if len(np.unique(lanes * 1_000_000 + period_days(frame, freq))) <= most:
            return freq
    return "Y"


def period_stop(start: np.ndarray, freq: str) -> np.ndarray:
    """The last day of the periods starting on ``start`` (datetime64[D])."""
    if freq == "D":
        return start
    if freq == "W":
        return start + np.timedelta64(6, "D")
    if freq in ("M", "Q"):
        months = 3 if freq == "Q" else 1
        return (start.astype("datetime64[M]") + months).astype("datetime64[D]") - np.timedelta64(1, "D")
    return (start.astype("datetime64[Y]") + 1).astype("datetime64[D]") - np.timedelta64(1, "D")


def aggregate_marks(frame: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Timeline marks grouped per lane and day (freq "D"), week from Monday ("W"), month ("M"),
    quarter ("Q") or year ("Y"): lane, start, stop (the period's first and last day), n (events), event_type (the
    most frequent), detail (up to four types, most frequent first). Sorted by lane, then period."""
    day = period_days(frame, freq)
    lane_code, lanes = pd.factorize(frame["lane"].to_numpy(object), sort=True)
    type_code, types = pd.factorize(frame["event_type"].to_numpy(object), sort=True)
    # one integer per (lane, period, type), counted in numpy (a groupby on the strings costs 5-10x)
    days, day_code = np.unique(day, return_inverse=True)
    n_days, n_types = len(days), len(types)
    key = (lane_code.astype(np.int64) * n_days + day_code) * n_types + type_code
    keys, k = np.unique(key, return_counts=True)
    cell, t = keys // n_types, keys % n_types
    # per cell (lane, period): types by count (most first), ties by type name
    order = np.lexsort((t, -k, cell))
    cell, t, k = cell[order], t[order], k[order]
    first = np.r_[True, cell[1:] != cell[:-1]]
    starts = np.flatnonzero(first)
    n = np.add.reduceat(k, starts)
    names = np.asarray(types, dtype=object)[t]
    detail = [", ".join(names[a:min(a + 4, b)]) for a, b in zip(starts, np.r_[starts[1:], len(cell)])]
    start = days[cell[first] % n_days].astype("datetime64[D]")
    stop = period_stop(start, freq)
    return pd.DataFrame({
        "lane": np.asarray(lanes, dtype=object)[cell[first] // n_days], "n": n,
        "event_type": names[first], "detail": detail,
        "start": start.astype("datetime64[s]"), "stop": stop.astype("datetime64[s]"),
    })


@dataclass(frozen=True)
class Span:
    """The part of the time axis that holds the bulk of the dated events (``main_span``)."""
    lo: dt.date                 # first and last day shown
    hi: dt.date
    outside: int                # dated events entirely before lo or after hi
    first: dt.date              # the whole span of the dated events
    last: dt.date


def main_span(table: pd.DataFrame, share: float = 0.9, stretch: float = 1.5) -> Span | None:
    """Where the bulk of the dated events lie, when a few far ones would stretch the timeline's
    axis (decades-old agreements a text cites, plans years ahead). The shortest stretch of time
    that holds ``share`` of the events' start days, grown on each side over every event closer to
    it than a fifth of its length (at least a month): clusters far from it stay outside. None when
    the whole span is less than ``stretch`` times that (nothing worth leaving out at first)."""
    start = table["date"].to_numpy("datetime64[D]")
    ok = ~np.isnat(start)
    if ok.sum() < 20:
        return None
    end = table["date_end"].fillna(table["date"]).to_numpy("datetime64[D]")[ok].astype(np.int64)
    start = start[ok].astype(np.int64)
    end = np.maximum(end, start)
    s = np.sort(start)
    n = len(s)
    k = max(2, int(np.ceil(share * n)))
    i = int(np.argmin(s[k - 1:] - s[:n - k + 1]))
    j, m = i, i + k - 1
    step = max(31, (s[m] - s[i]) // 5)
    gaps = np.diff(s)
    below = np.flatnonzero(gaps[:j] > step)
    j = int(below[-1]) + 1 if len(below) else 0
    above = np.flatnonzero(gaps[m:] > step)
    m = m + int(above[0]) if len(above) else n - 1
    lo, hi_start = s[j], s[m]
    hi = int(end[(start >= lo) & (start <= hi_start)].max())
    first, last = int(s[0]), int(end.max())
    if last - first + 1 < stretch * (hi - lo + 1):
        return None
    outside = int(((end < lo) | (start > hi)).sum())
    day = lambda d: np.datetime64(int(d), "D").astype(dt.date)   # noqa: E731
    return Span(day(lo), day(hi), outside, day(first), day(last))


def span_note(span: Span) -> str:
    """The events the main span leaves out, in words."""
    parts = []
    if span.first < span.lo:
        parts.append(f"from {span.first.year}" if span.first.year < span.lo.year else f"from {_d(span.first)}")
    if span.last > span.hi:
        parts.append(f"to {span.last.year}" if span.last.year > span.hi.year else f"to {_d(span.last)}")
    return (f"The axis shows {_d(span.lo)} – {_d(span.hi)}; {span.outside:,} event"
            f"{'s' if span.outside != 1 else ''} lie outside it ({' and '.join(parts)})")




def selection_keys(points, meta=None) -> list[str]:
    """What rows_for_selection reads for the timeline marks a user selected (the points of
    Streamlit's selection; ``meta`` the figure's layout.meta): each mark's event id, or for a
    mark grouped per period (meta {"grouped": freq}) "agg|lane|first day|last day|*"."""
    freq = (meta or {}).get("grouped") if isinstance(meta, dict) else None
    keys = []
    for p in points:
        c = p.get("customdata")
        if not c:
            continue
        if not freq:
            keys.append(c[0])
            continue
        x = p.get("x")
        start = (pd.Timestamp(x, unit="ms") if isinstance(x, (int, float)) else pd.Timestamp(x)).normalize()
        day = np.array([start.to_datetime64()], dtype="datetime64[D]")
        stop = pd.Timestamp(period_stop(day, freq)[0])
        keys.append(f"agg|{html.unescape(str(c[0]))}|{start:%Y-%m-%d}|{stop:%Y-%m-%d}|*")
    return keys


def rows_for_selection(table: pd.DataFrame, keys, lane_by: str = "country") -> pd.DataFrame:
    """The table rows behind selected timeline marks (customdata[0] of each selected point)."""
    keys = [k for k in keys if isinstance(k, str)]
    ids = {k for k in keys if not k.startswith("agg|")}
    ok = table["event_id"].isin(ids)
    aggs = [k.split("|", 4) for k in keys if k.startswith("agg|")]
    if aggs:
        frame = timeline_frame(table, lane_by, labels=False)
        hit = set()
        for _, lane, s, e, et in aggs:
            m = ((frame["lane"] == lane) & ((frame["event_type"] == et) | (et == "*")) &
                 (frame["start"] >= pd.Timestamp(s)) & (frame["start"] <= pd.Timestamp(e)))
            hit |= set(frame.loc[m, "event_id"])
        ok |= table["event_id"].isin(hit)
    return table[ok]


def undated_planned(table: pd.DataFrame) -> pd.DataFrame:
    """Planned events with no date yet ("a second round ... has been confirmed"), one per event
    type and summary: the same plan told by several articles is listed once, ``n_sources``
    counting the articles."""
    rows = table[(table["status"] == "planned") & table["date"].isna()]
    if len(rows) < 2:
        return rows
    n = rows.groupby(["event_type", "summary"], sort=False)["article_id"].transform("nunique")
    return rows.assign(n_sources=np.maximum(n.to_numpy(), rows["n_sources"].to_numpy())) \
        .drop_duplicates(["event_type", "summary"])


# --- who said what ---------------------------------------------------------------------------

def search_quotes(table: pd.DataFrame, text: str = "") -> pd.DataFrame:
    """The rows with a quote whose quote, speaker, role or source has every word of ``text``."""
    q = F.quotes(table)
    if text.strip():
        q = q[F.text_mask(q, text, ("quote", "speaker", "speaker_role", "source"))]
    return q


QUOTE_SORTS = {"newest": "Newest first", "oldest": "Oldest first", "speaker": "Speaker", "country": "Country",
               "source": "Source"}


def sort_quotes(q: pd.DataFrame, sort: str = "newest") -> pd.DataFrame:
    """Quote rows in one of the QUOTE_SORTS orders (undated rows and empty keys last; ties newest
    first). Countries sort by their names."""
    from core.places import country_name

    if sort not in QUOTE_SORTS:
        sort = "newest"
    by = q.sort_values("date", ascending=sort == "oldest", na_position="last", kind="stable")
    if sort in ("newest", "oldest"):
        return by
    col = by[{"speaker": "speaker", "country": "speaker_country", "source": "source"}[sort]].astype("str")
    if sort == "country":
        col = col.map({c: country_name(c) if c else "" for c in col.unique()}).astype("str")
    key = col.str.casefold().to_numpy(object)
    order = np.lexsort((key, key == ""))          # last key first: empty keys last, then A-Z, stable
    return by.iloc[order]


def quotes_frame(table: pd.DataFrame, limit: int | None = None, sort: str | None = None) -> pd.DataFrame:
    """The who-said-what table as shown: date, speaker, role, country, quote, kind, source (index:
    the table's). ``sort``: one of QUOTE_SORTS (None: the table's order). With ``limit``, and more
    quotes than that, the first ``limit`` in that order (the most recent when unsorted)."""
    from core.places import country_name

    q = F.quotes(table)
    if sort is not None:
        q = sort_quotes(q, sort)
    if limit is not None and len(q) > limit:
        q = (q if sort is not None else sort_quotes(q, "newest")).head(limit)
    return pd.DataFrame({
        "date": q["date"].dt.date, "speaker": q["speaker"], "role": q["speaker_role"],
        "country": q["speaker_country"].map({c: country_name(c) if c else ""
                                             for c in q["speaker_country"].unique()}).astype("str"),
        "quote": q["quote"], "kind": q["quote_kind"],
        "source": q["source"].where(q["source"] != "", q["article_name"]),
    }, index=q.index)


def quotes_per_speaker(table: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Quote counts per speaker per day (week when the span is long): speaker, period, quotes."""
    q = F.quotes(table)
    q = q[q["date"].notna() & (q["speaker"] != "")]
    if q.empty:
        return pd.DataFrame(columns=["speaker", "period", "quotes"])
    span = (q["date"].max() - q["date"].min()).days
    freq = "D" if span <= 60 else ("W-SUN" if span <= 730 else "M")
    busiest = q["speaker"].value_counts().index[:top]
    q = q[q["speaker"].isin(busiest)]
    out = q.groupby([q["speaker"], q["date"].dt.to_period(freq).dt.start_time.rename("period")]) \
        .size().rename("quotes").reset_index()
    return out.sort_values(["period", "speaker"]).reset_index(drop=True)


def paragraph_of(text: str, start: int, end: int, quote: str = "") -> tuple[str, str, str]:
    """The paragraph around a span of an article as (before, span, after). The span is the quote
    when it is found in that paragraph (else in the article), otherwise [start, end)."""
    if quote:
        pos = text.find(quote, max(0, text.rfind("\n", 0, max(start, 0)) + 1))
        if pos < 0:
            pos = text.find(quote)
        if pos >= 0:
            start, end = pos, pos + len(quote)
    if not (0 <= start < end <= len(text)):
        return "", "", ""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    return text[p0:start], text[start:end], text[end:p1]


# --- countries -------------------------------------------------------------------------------

def country_totals(table: pd.DataFrame) -> pd.DataFrame:
    """code, country, events: how many rows involve each country, most first."""
    from core.places import country_name

    _, codes = F.involvement(table, "country")
    if not len(codes):
        return pd.DataFrame({"code": [], "country": [], "events": []})
    c = pd.Series(codes, dtype="object").value_counts()
    c = c.iloc[np.lexsort((c.index.to_numpy(str), -c.to_numpy()))]
    return pd.DataFrame({"code": c.index.astype(str), "country": [country_name(x) for x in c.index],
                         "events": c.to_numpy()}).reset_index(drop=True)


def _period_freq(dates: pd.Series) -> str:
    span = (dates.max() - dates.min()).days
    return "D" if span <= 60 else ("W-SUN" if span <= 730 else "M")


def country_counts_over_time(table: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Events per country per period (day, week or month, depending on the span): country, period,
    events. The ``top`` busiest countries only."""
    from core.places import country_name

    dated = table[table["date"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["country", "period", "events"])
    rows, codes = F.involvement(dated, "country")
    period = dated["date"].dt.to_period(_period_freq(dated["date"])).dt.start_time.to_numpy()
    ex = pd.DataFrame({"code": codes, "period": period[rows]})
    busiest = ex["code"].value_counts().index[:top]
    ex = ex[ex["code"].isin(busiest)]
    out = ex.groupby(["code", "period"]).size().rename("events").reset_index()
    out["country"] = out["code"].map(country_name)
    return out[["country", "period", "events", "code"]].sort_values(["period", "country"]).reset_index(drop=True)


def country_matrix(table: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Who dealt with whom: a symmetric country x country frame counting rows that involve both
    (the diagonal counts rows involving the country at all). Index and columns are codes."""
    rows, codes = F.involvement(table, "country")
    keep = country_totals(table)["code"].head(top).tolist()
    pos = {c: i for i, c in enumerate(keep)}
    col = np.array([pos.get(c, -1) for c in codes], dtype=np.int64) if len(codes) else np.zeros(0, np.int64)
    hit = col >= 0
    m = np.zeros((len(table), len(keep)), np.int32)
    m[rows[hit], col[hit]] = 1
    return pd.DataFrame(m.T.astype(np.int64) @ m.astype(np.int64), index=keep, columns=keep, dtype="int64")


# --- articles --------------------------------------------------------------------------------

def article_counts(articles, table: pd.DataFrame) -> pd.DataFrame:
    """The corpus as a list: one row per article with its events and quotes. Articles known only
    from the table (an event table read from CSV) are listed from their rows."""
    ev = table.groupby("article_id").size() if len(table) else pd.Series(dtype="int64")
    qu = F.quotes(table).groupby("article_id").size() if len(table) else pd.Series(dtype="int64")
    rows = [(a.article_id, a.name, a.title, a.source, a.published) for a in articles]
    known = {a.article_id for a in articles}
    if len(table):
        extra = table[~table["article_id"].isin(known)].drop_duplicates("article_id")
        rows += [(r.article_id, r.article_name, r.title, r.source,
                  r.published.date() if not pd.isna(r.published) else None)
                 for r in extra.itertuples()]
    return pd.DataFrame({
        "article_id": [r[0] for r in rows], "name": [r[1] for r in rows], "title": [r[2] for r in rows],
        "source": [r[3] for r in rows], "published": [r[4] for r in rows],
        "events": [int(ev.get(r[0], 0)) for r in rows], "quotes": [int(qu.get(r[0], 0)) for r in rows],
    })


@dataclass
class View:
    """What every page needs, computed once per run by app.py."""
    corpus: Corpus
    articles: list            # corpus articles still shown, then the ones added in this session
    table: pd.DataFrame       # every event of those articles
    filtered: pd.DataFrame    # the rows that pass the filters
    filters: F.Filters
    paths: tuple = ()
    added_ids: frozenset = frozenset()    # articles added in this session (no store)
    version: str = ""                     # changes whenever the table does (a cache key)
    store: object = None                  # core.store.Store when the corpus is stored
    export: object = None                 # core.views_export.CsvExport of ``table`` (CSV downloads)
