"""Events on an article written for the tests (invented people, real places)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import core

FIXTURE = Path(__file__).parent / "fixtures" / "vienna_talks.txt"


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    t = core.normalise(core.read_articles([FIXTURE]))
    return t[t["quote"] == ""]


def _one(events, etype):
    rows = events[events["event_type"] == etype]
    assert len(rows) == 1, rows[["event_type", "summary"]]
    return rows.iloc[0]


def test_meeting_with_date_place_and_countries(events):
    r = _one(events, "meeting")
    assert r["status"] == "occurred"
    assert r["actors"] == ("Mara Quell", "Ivo Brandt")
    assert set(r["countries"]) == {"AUT", "HUN"}
    assert (r["location"], r["location_country"]) == ("Vienna", "AUT")
    assert r["date"] == pd.Timestamp("2026-03-02") and r["date_text"] == "Monday" and r["date_source"] == "text"
    assert r["summary"] == "Quell meets Brandt in Vienna"
    assert r["plover"] == "CONSULT"


def test_postponed_visit_is_cancelled(events):
    r = _one(events, "visit")
    assert r["status"] == "cancelled"
    assert r["actors"] == ("Tomas Erland",)
    assert r["location"] == "Budapest" and "HUN" in r["countries"]
    assert r["summary"].startswith("Called off:")


def test_phone_call(events):
    r = _one(events, "call")
    assert r["actors"] == ("Ivo Brandt", "Pavel Drobny")
    assert r["date"] == pd.Timestamp("2026-03-04")


def test_future_talks_are_planned_for_next_month(events):
    r = _one(events, "talks")
    assert r["status"] == "planned"
    assert (r["date"], r["date_end"], r["date_precision"]) == (
        pd.Timestamp("2026-04-01"), pd.Timestamp("2026-04-30"), "month")
    assert r["location"] == "Geneva"
    assert {"AUT", "HUN"} <= set(r["countries"])
    assert r["summary"] == "Planned: talks between Austria and Hungary in Geneva"


def test_undated_future_plan_stays_undated():
    art = core.parse_article("2026-03-05\nNegotiators from Austria and Hungary will hold talks in Geneva.\n"
                             "A second round of talks has been agreed, but no date has been set.\nDanube Courier")
    t = core.normalise([art])
    talks = t[t["event_type"] == "talks"]
    assert len(talks) == 2
    assert talks["date"].isna().all()
    assert set(talks["date_precision"]) == {"unknown"}
    assert set(talks["status"]) == {"planned"}


def test_no_publication_date_means_no_invented_dates():
    art = core.parse_article("Austrian Foreign Minister Mara Quell met Ivo Brandt in Vienna on Monday.")
    t = core.normalise([art])
    assert len(t) >= 1
    assert t["date"].isna().all()


def test_event_told_in_reported_speech_keeps_its_date():
    art = core.parse_article("04-03-2026\nAustrian Foreign Minister Mara Quell met Ivo Brandt in Vienna on Tuesday, "
                             "the Danube Courier reported.\nDanube Courier")
    t = core.normalise([art])
    meeting = t[t["event_type"] == "meeting"].iloc[0]
    assert (meeting["date"], meeting["date_source"]) == (pd.Timestamp("2026-03-03"), "text")
