"""Across articles: the same event or quotation reported by several articles becomes one row."""
from __future__ import annotations

import pandas as pd
import pytest

import core
from core.merge import EVIDENCE_SEPARATOR, merge_reports
from core.pipeline import corpus_table
from core.table import COLUMNS, make_table


def _event(article, source, etype="meeting", date="2026-03-02", end=None, actors=("Mara Quell", "Ivo Brandt"),
           countries=("AUT", "HUN"), status="occurred", start=0, **kw):
    return {"event_id": f"{article}-{start}", "article_id": article, "event_type": etype, "status": status,
            "date": pd.Timestamp(date) if date else None, "date_end": pd.Timestamp(end or date) if date else None,
            "date_precision": "day" if date else "unknown", "actors": actors, "countries": countries,
            "evidence": f"{source} says they met.", "evidence_start": start, "evidence_end": start + 10,
            "source": source, "sources": (source,), "n_sources": 1, "published": pd.Timestamp("2026-03-05"),
            "article_name": f"{article}.txt", **kw}


def _quote(article, source, speaker, text, start=0):
    return {"event_id": f"{article}-q{start}", "article_id": article, "event_type": "statement",
            "status": "occurred", "speaker": speaker, "quote": text, "quote_kind": "direct", "date_precision": "unknown",
            "actors": (speaker,), "evidence": f"“{text}”, {speaker} said.", "evidence_start": start,
            "evidence_end": start + 5, "source": source, "sources": (source,), "n_sources": 1,
            "published": pd.Timestamp("2026-03-05"), "article_name": f"{article}.txt"}


def test_same_meeting_in_three_articles_is_one_row():
    rows = [_event("a1", "Danube Courier"), _event("a2", "Alpine Post", actors=("Ivo Brandt",), location="Vienna",
                                                    location_country="AUT"),
            _event("a3", "Tisza Herald", date="2026-03-01", end="2026-03-07", countries=("HUN", "AUT", "CZE"))]
    t = corpus_table(rows)
    assert len(t) == 1
    r = t.iloc[0]
    assert r["n_sources"] == 3
    assert r["sources"] == ("Danube Courier", "Alpine Post", "Tisza Herald")
    assert r["event_id"] == "a1-0"                       # the first report's id and evidence
    assert r["actors"] == ("Mara Quell", "Ivo Brandt") and r["countries"] == ("AUT", "HUN", "CZE")
    assert (r["location"], r["location_country"]) == ("Vienna", "AUT")
    assert r["date"] == pd.Timestamp("2026-03-02") and r["date_end"] == pd.Timestamp("2026-03-02")
    ev = r["evidence"].split(EVIDENCE_SEPARATOR)
    assert ev == ["Danube Courier says they met.", "Alpine Post: Alpine Post says they met.",
                  "Tisza Herald: Tisza Herald says they met."]


def test_the_most_precise_date_wins():
    rows = [_event("a1", "A", date="2026-03-01", end="2026-03-31"), _event("a2", "B", date="2026-03-12")]
    r = corpus_table(rows).iloc[0]
    assert (r["date"], r["date_end"], r["n_sources"]) == (pd.Timestamp("2026-03-12"), pd.Timestamp("2026-03-12"), 2)


@pytest.mark.parametrize("change", [
    {"date": "2026-03-20"},                               # another day
    {"etype": "call"},                                    # another kind of event
    {"status": "planned"},                                # a plan, not the meeting held
    {"actors": ("Pavel Drobny",), "countries": ("CZE",)},  # other people
])
def test_different_events_stay_apart(change):
    rows = [_event("a1", "A"), _event("a2", "B", **change)]
    t = corpus_table(rows)
    assert len(t) == 2 and set(t["n_sources"]) == {1}


def test_rows_of_one_article_are_never_merged():
    rows = [_event("a1", "A", start=0), _event("a1", "A", start=50), _event("a2", "B")]
    t = corpus_table(rows)
    assert len(t) == 2
    assert sorted(t["n_sources"]) == [1, 2]


def test_events_without_actors_match_on_their_countries():
    rows = [_event("a1", "A", etype="talks", actors=(), countries=("AUT", "HUN", "CHE")),
            _event("a2", "B", etype="talks", actors=(), countries=("HUN", "AUT")),
            _event("a3", "C", etype="talks", actors=(), countries=("AUT", "CZE"))]
    t = corpus_table(rows)
    assert sorted(t["n_sources"]) == [1, 2]


def test_undated_events_merge_only_when_their_participants_are_the_same():
    rows = [_event("a1", "A", etype="talks", date=None, status="planned"),
            _event("a2", "B", etype="talks", date=None, status="planned"),
            _event("a3", "C", etype="talks", date=None, status="planned", actors=("Ivo Brandt",))]
    t = corpus_table(rows)
    assert sorted(t["n_sources"]) == [1, 2]
    assert t["date"].isna().all()


def test_same_quote_twice_is_one_row():
    words = "We will not sign any text that leaves the border question open for another decade"
    rows = [_quote("a1", "Danube Courier", "Mara Quell", words),
            _quote("a2", "Alpine Post", "Mara Quell", words.replace("decade", "decade,") + " or more"),
            _quote("a3", "Tisza Herald", "Mara Quell", "We will not sign."),
            _quote("a4", "Tisza Herald", "Ivo Brandt", words),
            _quote("a5", "Alpine Post", "", words)]
    t = corpus_table(rows)
    assert len(t) == 4
    merged = t[t["n_sources"] == 2].iloc[0]
    assert merged["speaker"] == "Mara Quell" and merged["sources"] == ("Danube Courier", "Alpine Post")
    assert merged["quote"] == words


def test_corpus_table_takes_a_frame_of_stored_rows():
    rows = [_event("a1", "A"), _event("a2", "B")]
    frame = make_table(rows).drop(columns=["host"])       # stored before the host column existed
    t = corpus_table(frame)
    assert list(t.columns) == list(COLUMNS) and len(t) == 1 and t.iloc[0]["n_sources"] == 2
    assert corpus_table(make_table(rows)).equals(corpus_table(rows))


def test_many_rows_merge_by_date_and_participants():
    rows = []
    for day in range(60):
        for k in range(5):
            date = (pd.Timestamp("2026-01-01") + pd.Timedelta(days=day)).date().isoformat()
            for art in range(3):
                rows.append(_event(f"d{day}-k{k}-a{art}", f"S{art}", date=date,
                                   actors=(f"Person {k}",), countries=()))
    t = merge_reports(make_table(rows))
    assert len(t) == 300 and set(t["n_sources"]) == {3}


def test_identical_articles_collapse_and_reports_merge():
    one = ("2026-03-05\nQuell and Brandt meet in Vienna\n\nAustrian Foreign Minister Mara Quell met "
           "Ivo Brandt in Vienna on Monday.\nDanube Courier")
    two = ("2026-03-04\nBrandt in Vienna\n\nHungarian Foreign Minister Ivo Brandt met Austria's Mara Quell "
           "in Vienna on Monday, officials said.\nTisza Herald")
    t = core.normalise([core.parse_article(one), core.parse_article(two)])
    meetings = t[t["event_type"] == "meeting"]
    assert len(meetings) == 1
    assert meetings.iloc[0]["sources"] == ("Tisza Herald", "Danube Courier")



def test_a_person_named_by_surname_in_another_article_is_the_same_actor():
    rows = [_event("a1", "A", actors=("Rosa Ibarren", "Julio Cardenal")), _event("a2", "B", actors=("Ibarren",)),
            _event("a3", "C", actors=("Foreign Ministry",), countries=("AUT",)),
            _event("a4", "D", actors=("Finance Ministry",), countries=("AUT",))]
    t = corpus_table(rows)
    assert sorted(t["n_sources"]) == [1, 1, 2]
