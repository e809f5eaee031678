"""Articles -> the event table: every extractor applied once per article, rows dated, articles merged.

``article_rows`` is the per-article function (pure, picklable inputs and outputs) that a process
pool or a cluster can run; ``normalise`` runs it over a corpus and builds the validated table.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib

import numpy as np
import pandas as pd

from core.actors import find_actors
from core.sentences import sentences
from core.articles import Article, parse_article, plain_spaces
from core.dates import find_times
from core.events import Event, Participant, asides, find_events, with_summary
from core.places import as_of, country_name, find_places
from core.merge import merge_reports
from core.quotes import Quote, find_quotes
from core.table import (PLOVER, empty_table, frame_of, make_table, plain_columns, take_columns, validate,
                        with_all_columns)
from core.timing import Timeline, When, from_mention

# stored articles normalised by another version are normalised again on the next ingest: raise it
# whenever the rows an article gives change (0.3.0: session 3's date rules, quotes as the source's
# characters; 0.4.0: indirect speech ends where the writer's own clause begins, holiday names split
# by a line break are dated; 0.5.0: hard-wrapped text unwrapped, nothing said or done dated after
# publication by the context, coordinated speech acts as reports of their own)
EXTRACTOR_VERSION = "0.5.0"


def _event_id(article_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


def _article_fields(art: Article) -> dict:
    return {"article_id": art.article_id, "source": art.source, "published": art.published,
            "title": art.title, "article_name": art.name, "n_sources": 1,
            "sources": (art.source or art.name,)}


def _dated(row: dict, when: When) -> dict:
    row.update(date=when.date, date_end=when.date_end, date_precision=when.precision,
               date_text=when.text, date_source=when.source)
    return row


ROYAL_TITLES = ("Sultan", "King", "Queen", "Emir", "Sheikh", "Prince", "Crown Prince", "Pope")


def _short_name(name: str, kind: str, role: str = "") -> str:
    """How a timeline names an actor: a ruler by title and given name ("Sultan Haitham"), another
    person by surname ("Larijani", "al-Busaidi"), the rest in full."""
    parts = name.split()
    if kind != "person" or len(parts) < 2:
        return name
    if role in ROYAL_TITLES:
        return f"{role} {parts[0]}"
    if parts[-2].lower() in ("bin", "ibn", "bint", "al", "el", "de", "van", "von", "da", "di"):
        return " ".join(parts[-2:])
    return parts[-1]


def quote_row(art: Article, q: Quote, timeline: Timeline, places, place_starts: list[int] | None = None) -> dict:
    """A quotation as a row: its speaker's country and the countries its words name are involved.
    ``places`` are in text order (as find_places gives them); ``place_starts``, their starts, let
    a quotation look only at the places inside it."""
    if place_starts is None:
        place_starts = [p.start for p in places]
    named = []
    for i in range(bisect.bisect_left(place_starts, q.start), len(places)):
        p = places[i]
        if p.start >= q.end:
            break
        if p.end <= q.end and p.code:
            named.append(p.code)
    countries = tuple(dict.fromkeys(c for c in (q.speaker_country, *named) if c))
    evidence = art.text[q.sentence_start:q.sentence_end]
    row = {**_article_fields(art),
           "event_id": _event_id(art.article_id, "quote", q.start, q.end),
           "event_type": q.event_type, "plover": PLOVER.get(q.event_type, "OTHER"), "status": "occurred",
           "actors": (q.speaker,) if q.speaker else (), "countries": countries,
           "speaker": q.speaker, "speaker_role": q.speaker_role, "speaker_country": q.speaker_country,
           "quote": art.text[q.start:q.end], "quote_kind": q.kind,
           "summary": quote_summary(q),
           "evidence": evidence, "evidence_start": q.sentence_start, "evidence_end": q.sentence_end}
    when = timeline.said_when((q.sentence_start, q.sentence_end), (q.cue_start, q.cue_end),
                              (q.start, q.end), art.published)
    return _dated(row, when)


def quote_summary(q: Quote) -> str:
    """A quotation's line on the timeline: the speaker's own words in quotation marks, reported
    speech (the writer's words for what was said) marked as such and without them, so that no
    paraphrase reads as a verbatim quote."""
    who = q.speaker or "Unattributed"
    if q.kind == "indirect":
        return f"{who} (reported): {_clip(q.text, 90)}"
    return f"{who}: “{_clip(q.text, 90)}”"


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1].rsplit(" ", 1)[0] + "…"


def event_row(art: Article, ev: Event, timeline: Timeline, direct: list[tuple[int, int]]) -> dict:
    """An event as a row, dated by its own clause; only words inside quotation marks are left out
    (an event told in reported speech, "X said they met on Tuesday", keeps its date)."""
    a, b = ev.evidence[0]
    row = {**_article_fields(art),
           "event_id": _event_id(art.article_id, ev.type, *ev.trigger),
           "event_type": ev.type, "plover": PLOVER[ev.type], "status": ev.status,
           "actors": tuple(ev.actors), "countries": tuple(ev.countries),
           "location": ev.location, "location_country": ev.location_country, "host": ev.host,
           "summary": ev.summary,
           "evidence": " … ".join(art.text[s:e] for s, e in ev.evidence),
           "evidence_start": a, "evidence_end": ev.evidence[-1][1]}
    when = timeline.when(ev.sentence, ev.trigger[0], art.published, planned=ev.status == "planned",
                         future=ev.future, exclude=list(direct) + asides(art.text, ev.sentence, ev.trigger))
    if ev.status == "occurred" and art.published and when.source == "text" and when.date is not None and \
            pd.Timestamp(when.date) > pd.Timestamp(art.published):
        # "Japan and the U.S. kick off trade talks tomorrow": told in the present, dated ahead
        row["status"] = "planned"
        row["summary"] = f"Planned: {ev.summary}"
    if when.source != "text" and ev.status != "planned":
        # an event told in several sentences takes the date a later one gives it
        for s in ev.evidence[1:]:
            m = timeline.governing(s, s[0], direct)
            if m is not None:
                when = from_mention(m, "text")
                break
    return _dated(row, when)


def _participants(idx) -> list[Participant]:
    """Named actors outside quotations, with the country and role the article gives them anywhere."""
    out = []
    for m in idx.mentions:
        if m.in_quote:
            continue
        actor = idx.actor(m.name)
        out.append(Participant(m.start, m.end, m.name, m.kind, m.country or (actor.country if actor else ""),
                               m.role or (actor.role if actor else "")))
    return out


def article_rows(art: Article) -> list[dict]:
    """Every row one article gives: its quotations and its events, dated. The extractors read
    the text with plain spaces for no-break ones (the same offsets); quotations and evidence are
    the article's own characters."""
    text = plain_spaces(art.text)
    sents = sentences(text)
    idx = find_actors(text)
    quotes = find_quotes(text, idx)
    places = as_of(find_places(text), art.published)
    direct = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    timeline = Timeline(text, find_times(text, art.published), [(q.start, q.end) for q in quotes])
    starts = [p.start for p in places]
    rows = [quote_row(art, q, timeline, places, starts) for q in quotes]
    cues = [(q.cue_start, q.cue_end) for q in quotes if q.cue_start >= 0]
    short = {m.name: _short_name(m.name, m.kind, m.role) for m in idx.mentions}
    for ev in find_events(text, sents, _participants(idx), places, skip=direct,
                          datelines=art.datelines):
        if any(a <= ev.trigger[0] < b for a, b in cues):
            continue  # the speech act is already a quotation row
        rows.append(event_row(art, with_summary(ev, short, country_name), timeline, direct))
    return rows


def corpus_table(rows) -> pd.DataFrame:
    """The event table of a corpus from its articles' rows (dicts, or a frame of stored rows):
    the reports of one event or quotation in several articles merged into one row
    (core/merge.py), validated and in timeline order. The one place per-article rows become the
    corpus table: the store reads through it too."""
    if isinstance(rows, pd.DataFrame):
        table = validate(with_all_columns(rows).reset_index(drop=True))
    else:
        rows = list(rows)
        if len(rows) <= _SORT_IN_PYTHON and len({r.get("article_id") for r in rows}) < 2:
            # one article's rows are never merged: put them in order before the frame exists
            columns = plain_columns(rows)
            order = _order(columns)
            return frame_of(columns if order == list(range(len(rows))) else take_columns(columns, order))
        table = make_table(rows)
    table = merge_reports(table)
    if len(table) <= _SORT_IN_PYTHON:
        order = _timeline_order(table)
        if order == list(range(len(table))):
            return table.reset_index(drop=True)
        return table.take(order).reset_index(drop=True)
    return table.sort_values(list(TIMELINE_ORDER), na_position="last", kind="stable").reset_index(drop=True)


TIMELINE_ORDER = ("date", "published", "article_id", "evidence_start")
# up to this many rows (one article's, a small corpus's) the timeline order is a Python sort of
# the key columns: pandas' sort_values costs ~0.4 ms however few the rows, more than the rest of
# a one-article table; larger tables use sort_values (the same stable order, NaT last)
_SORT_IN_PYTHON = 2000


def _timeline_order(table: pd.DataFrame) -> list[int]:
    """Row positions in timeline order: as ``sort_values(TIMELINE_ORDER, na_position="last",
    kind="stable")``: missing dates after every date, ties in table order."""
    return _order({c: table[c].to_numpy() if c in ("date", "published") else table[c].tolist()
                   for c in TIMELINE_ORDER})


def _order(columns: dict) -> list[int]:
    """``_timeline_order`` over plain columns (datetime64 arrays for the dates)."""
    def day_keys(col: str) -> list[tuple[bool, int]]:
        days = np.asarray(columns[col], dtype="datetime64[s]")
        return list(zip(np.isnat(days).tolist(), days.view("int64").tolist()))

    date, published = day_keys("date"), day_keys("published")
    article, start = list(columns["article_id"]), [int(x) for x in columns["evidence_start"]]
    return sorted(range(len(article)), key=lambda i: (date[i], published[i], article[i], start[i]))


def normalise(articles: list[Article]) -> pd.DataFrame:
    """The event table of a corpus: one row per event or quotation, validated against the schema."""
    rows: list[dict] = []
    for art in articles:
        rows.extend(article_rows(art))
    return corpus_table(rows)


def prepare() -> None:
    """Build every extractor's word lists, grammars and gazetteer now rather than inside the
    first article (~55 ms once per process; the gazetteer is read from its per-user cache):
    ``core`` calls it when imported, so the first article of a server, a worker or a benchmark
    costs what every other does."""
    from core import actors, events, places, quotes
    # the readers' modules (and their compiled patterns) too: core.articles imports them inside its
    # first read, as they import it; trafilatura, feedparser and dateparser still load on first use
    from core.readers import feeds, markup, published, records, walk  # noqa: F401

    actors._lex()
    quotes._lex()
    events._grammar()
    events._group_rx()
    places.gazetteer()
    places._historic()
    empty_table()   # an article without rows gets a copy of it
    # and whatever else a first article builds or loads once (the extractors' lazy tables, pyarrow's
    # string conversion, pandas' frame builder): one short invented article through the pipeline
    corpus_table(article_rows(parse_article(_WARM_UP, name="warm-up.txt")))


# invented people and places, wrapped as wire copy; a quotation, reported speech, a dated meeting, a
# country
_WARM_UP = """2020-03-02
Talks in Port Calder

Foreign Minister Ada Brunvik of Norway met envoy Ivo Lessard in Port
Calder on Tuesday. "We will return next week," Brunvik said. Lessard
said the talks had gone well and urged both sides to keep talking.
Wire
"""


prepare()
