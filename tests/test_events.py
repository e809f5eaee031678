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


# --- general rules of news English (invented sentences) ------------------------------------------

def _events(body: str, date: str = "2026-03-05") -> pd.DataFrame:
    t = core.normalise([core.parse_article(f"{date}\n{body}\nDanube Courier")])
    return t[t["quote"] == ""]


@pytest.mark.parametrize("body", [
    "Officials said there were no plans for an emergency meeting of the Danube council.",
    "Austrian Foreign Minister Mara Quell did not meet Hungarian Foreign Minister Ivo Brandt in Vienna.",
    "Austria and Hungary failed to reach an agreement on the border in Vienna on Monday.",
])
def test_negated_events_are_not_events(body):
    t = _events(body)
    assert t[t["event_type"].isin(["meeting", "agreement"])].empty, t["summary"].tolist()


def test_reported_would_is_a_plan_and_the_reporter_is_not_a_participant():
    t = _events("The Kremlin said Russian negotiators would meet their Hungarian counterparts in Geneva in April.")
    r = t[t["event_type"] == "meeting"].iloc[0]
    assert r["status"] == "planned" and "Kremlin" not in r["actors"]
    assert (r["date"], r["location"]) == (pd.Timestamp("2026-04-01"), "Geneva")


def test_closing_attribution_is_not_a_participant():
    t = _events("Austrian Foreign Minister Mara Quell met Ivo Brandt in Vienna on Monday, Hungarian officials said.")
    assert t[t["event_type"] == "meeting"].iloc[0]["actors"] == ("Mara Quell", "Ivo Brandt")


def test_the_two_sides_are_the_parties_told_before():
    t = _events("Austrian Foreign Minister Mara Quell met Ivo Brandt of Hungary in Vienna on Monday.\n"
                "The two sides agreed to hold further talks in Geneva next month.")
    talks = t[t["event_type"] == "talks"].iloc[0]
    assert talks["status"] == "planned" and {"AUT", "HUN"} <= set(talks["countries"])
    assert {"Mara Quell", "Ivo Brandt"} <= set(talks["actors"])


def test_pronoun_subject_is_the_person_named_last():
    t = _events("Danube council chairman Ferenc Albrecht said on Sunday that river tolls were too high.\n"
                "He met with Austrian Foreign Minister Mara Quell on Monday.")
    r = t[t["event_type"] == "meeting"].iloc[0]
    assert r["actors"][:2] == ("Ferenc Albrecht", "Mara Quell")


def test_visit_goes_to_the_place_after_the_verb_not_the_source_of_the_news():
    t = _events("Quell is due to visit Budapest in April, officials in Vienna said.")
    r = t[t["event_type"] == "visit"].iloc[0]
    assert (r["status"], r["location"], r["location_country"]) == ("planned", "Budapest", "HUN")


def test_nominal_subject_takes_the_fate_of_its_predicate():
    t = _events("A meeting between Mara Quell and Ivo Brandt, which had been set for Thursday in Vienna, "
                "has been postponed, officials said.\n"
                "Talks on river tolls between Austria and Hungary will resume on Monday.")
    meeting = t[t["event_type"] == "meeting"].iloc[0]
    assert meeting["status"] == "cancelled" and meeting["location"] == "Vienna"
    talks = t[t["event_type"] == "talks"]
    assert list(talks["status"]) == ["planned"]


def test_present_tense_event_dated_after_publication_is_planned():
    t = _events("Austria and Hungary kick off border talks tomorrow in Geneva.")
    r = t[t["event_type"] == "talks"].iloc[0]
    assert (r["status"], r["date"]) == ("planned", pd.Timestamp("2026-03-06"))


def test_passive_agreement_and_host():
    t = _events("A border agreement was signed by Austria and Hungary in Vienna on Monday.\n"
                "Switzerland hosted talks between Austria and Hungary in Geneva on Tuesday.")
    assert t[t["event_type"] == "agreement"].iloc[0]["status"] == "occurred"
    talks = t[t["event_type"] == "talks"].iloc[0]
    assert talks["host"] == "CHE" and talks["summary"] == "Talks between Austria and Hungary hosted by Switzerland"


def test_sanction_has_no_location():
    t = _events("Austria imposed sanctions on two banks registered in Cyprus on Monday.")
    r = t[t["event_type"] == "sanction"].iloc[0]
    assert r["location"] == "" and set(r["countries"]) == {"AUT", "CYP"}


@pytest.mark.parametrize("body", [
    "Argentina could suspend payments if banks reject a loan request to meet 1987 growth targets.",
    "Dock workers will strike in a refusal to meet rollbacks in wages asked for by their employers.",
])
def test_meeting_a_target_is_not_a_meeting(body):
    assert _events(body)[lambda t: t["event_type"] == "meeting"].empty


def test_a_possessive_country_is_not_the_location():
    t = _events("The position was made clear to Austria's ambassador Ferenc Albrecht when he met "
                "Hungarian Foreign Minister Ivo Brandt last week.")
    r = t[t["event_type"] == "meeting"].iloc[0]
    assert r["location"] != "Austria" and {"AUT", "HUN"} <= set(r["countries"])


def test_relative_clause_holds_its_own_event_and_date():
    t = _events("Danube council chairman Ferenc Albrecht, who flew to Vienna yesterday from Budapest, "
                "will meet with Austrian Foreign Minister Mara Quell.")
    visit = t[t["event_type"] == "visit"].iloc[0]
    assert visit["actors"] == ("Ferenc Albrecht",) and visit["date"] == pd.Timestamp("2026-03-04")
    meeting = t[t["event_type"] == "meeting"].iloc[0]
    assert meeting["status"] == "planned" and pd.isna(meeting["date"])
    assert {"Ferenc Albrecht", "Mara Quell"} <= set(meeting["actors"])


def test_to_names_a_destination_for_visits_only():
    t = _events("Austrian Foreign Minister Mara Quell will meet grain exporters in Vienna today, and wheat "
                "sales to Hungary will likely be discussed.")
    assert t[t["event_type"] == "meeting"].iloc[0]["location"] == "Vienna"
    t = _events("Austrian Foreign Minister Mara Quell will meet grain exporters today, and wheat "
                "sales to Hungary will likely be discussed.")
    assert t[t["event_type"] == "meeting"].iloc[0]["location"] != "Hungary"


def test_next_weeks_meeting_is_planned():
    t = _events("Danube council chairman Ferenc Albrecht said he expects next week's ministerial meeting "
                "in Vienna to be brief.")
    r = t[t["event_type"] == "meeting"].iloc[0]
    assert (r["status"], r["location"], r["date"]) == ("planned", "Vienna", pd.Timestamp("2026-03-09"))


def test_a_group_subject_holds_a_meeting_in_an_unknown_place():
    t = _events("Envoys from Veloria met in Port Calder on Monday.")
    r = t[t["event_type"] == "meeting"].iloc[0]
    assert (r["actors"], r["location"], r["location_country"]) == (("Envoys from Veloria",), "Port Calder", "")
    assert _events("The river rose in Port Calder on Monday.").empty


@pytest.mark.parametrize("text", [
    "Delegates from Norvania and Estrelia held talks in Valdmor on Tuesday and agreed to meet again.",
    "The ministers met with envoys; talks were held later, and the summit was postponed. Visiting Orlin, "
    "she signed a new trade deal, rejected the offer and accused the council of delaying the meeting.",
    "Negotiations resumed after the phone call. They kicked off a second round of talks and telephone conversations.",
    # a Kelvin sign and a long s match "k" and "s" without case: words running into them are
    # tried too (after their first three letters, which pick the triggers to try, as before)
    "The tal\u212as resumed on Monday after negotiation\u017f in Valdmor.",
    # characters outside ASCII next to triggers (the scan reads every one as a non-letter)
    "“Talks” resumed in Zürich;éntalks stalled, naïve—talks in Malmö—visit ended. «Meeting» held.",
    "Summit\u00e9talks\u2014met\U0001F600meeting\tTalks\nvisits 3talks _talks talks_ met-talks.",
])
def test_trigger_matches_equal_the_whole_alternation(text):
    """trigger_matches tries only words that can open a trigger: the matches are those of the
    whole trigger alternation, left to right."""
    from core.events import _grammar, trigger_matches

    whole = _grammar()[0]
    expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in trigger_matches(text)] == expected
    assert len(expected) >= 2


@pytest.mark.parametrize("text", [
    "The envoys met. Talks resumed after the phone call and a visit.",
    # a dotted capital I is two characters in lower case: the words after it keep their offsets
    "İ met them.İtalks resumed;ıvisits and tal\u212as began.",
])
def test_trigger_matches_in_every_window_equal_the_whole_alternation(text):
    """trigger_matches(text, start, stop) finds what the whole alternation finds in that window,
    for every window, and find_events' once-per-text word scan finds the same per sentence."""
    from core.events import _grammar, _matches_from, _trigger_starts, trigger_matches

    whole = _grammar()[0]
    starts = _trigger_starts(text, 0, len(text))
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            expected = [(m.span(), m.lastgroup) for m in whole.finditer(text, a, b)]
            assert [(m.span(), m.lastgroup) for m in trigger_matches(text, a, b)] == expected, (a, b)
            assert [(m.span(), m.lastgroup) for m in _matches_from(text, starts, a, b)] == expected, (a, b)


def _random_texts(n: int, seed: int) -> list[str]:
    """Strings of words the status, negation, pair and meeting rules read, in any case, with
    characters that fold or change length in lower case (dotted and dotless i, long s, Kelvin
    sign, final sigma), curly apostrophes, punctuation and line breaks."""
    import random

    pieces = ["will", "WILL", "Would", "is", "are", "was due to", "were expected to", "had been set to",
              "plans to", "Plans", "upcoming", "postponed", "called off", "Called Off", "cancelled",
              "put off", "not", "NOT", "never", "didn’t", "don't", "failed to", "ruled out", "no",
              "held", "took place", "the two sides", "Both Leaders", "two men", "meet", "growth",
              "targets", "the", "a", "he", "She", "and", "that", "talks", "İ", "ı", "ſ", "\u212a",
              "Σ", "ΟΣ", "é", ",", ";", ".", "\n", "  ", "-", "’", "'", "x", "Valdmor", "deadline"]
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


def test_lowered_rules_find_what_the_case_free_patterns_find():
    """_Lowered.found / opens_string answer what the pattern compiled with re.I answers, at any
    start, on strings with capitals and characters that fold (the status and negation rules of
    events.json, the pair, meeting-object and pronoun-subject patterns)."""
    import re

    from core.events import (_MEET_OBJECT, _PAIR, _PRONOUN_SUBJECT, _Lowered, _status_rules)

    rules = dict(_status_rules())
    rules.update(pair=_Lowered(_PAIR.pattern), meet=_Lowered(_MEET_OBJECT.pattern),
                 pronoun=_Lowered(_PRONOUN_SUBJECT.pattern))
    assert all(r.low is not None for r in rules.values())   # every one takes the fast path
    hits = 0
    for s in _random_texts(3000, 11):
        for name, rule in rules.items():
            rx = re.compile(rule.rx.pattern, re.I)
            for pos in {0, 1, len(s) // 2}:
                expected = rx.search(s, pos) is not None
                assert rule.found(s, pos) is expected, (name, s, pos)
                hits += expected
            assert rule.opens_string(s) is (rx.match(s) is not None), (name, s)
    assert hits > 1000


@pytest.mark.parametrize("pattern, free", [
    (r"\bplans?\s+to\b", True),
    (r"[^a-z]\s*(?:was|were)?\d+[’']", True),
    (r"\bMonday\b", False),           # a capital: the lower-cased string has none
    (r"(?-i:[A-Z])\w+", False),       # a flag changed inside
    (r"[A-Z]+", False),
    (r"\bσ\b", False),                # a letter outside ASCII with a case (final sigma)
    (r"(a)\1", False),                # a back reference
])
def test_case_free_patterns(pattern, free):
    import re
    from re import _parser

    from core.events import _case_free

    assert _case_free(list(_parser.parse(pattern, re.I))) is free


def test_np_before_equals_the_whole_search():
    """_np_before starts its search later, where a match can begin: the same match (span and
    words) as searching the whole window."""
    from core.events import _NP_BEFORE, _np_before

    for s in _random_texts(600, 5):
        for lo in range(0, len(s) + 1, 3):
            for hi in range(lo, len(s) + 1, 2):
                a, b = _NP_BEFORE.search(s, lo, hi), _np_before(s, lo, hi)
                assert (a.span(), a.group()) == (b.span(), b.group()), (s, lo, hi)
