"""core.timing.Timeline: which date a row gets (its own clause, the discourse date, publication).

Sentences are invented (invented people and places)."""
from __future__ import annotations

import datetime as dt

from core.dates import find_times
from core.timing import Timeline

D = dt.date
THU = D(2026, 2, 12)


def _timeline(text: str, quoted=()):
    return Timeline(text, find_times(text, THU), quoted)


def _clause(text: str, sentence: str) -> tuple[int, int]:
    i = text.index(sentence)
    return i, i + len(sentence)


def test_governing_date_of_the_clause():
    text = "The envoys met in Dorn on Tuesday. They will meet again on Friday."
    tl = _timeline(text)
    w = tl.when(_clause(text, "They will meet again on Friday."), text.index("meet again"), THU)
    assert (w.date, w.source, w.text) == (D(2026, 2, 13), "text", "Friday")


def test_a_day_told_from_another_dates_its_clause():
    text = "The talks opened in Dorn on Feb. 3. The next day, the envoys left for Karsk."
    tl = _timeline(text)
    w = tl.when(_clause(text, "The next day, the envoys left for Karsk."), text.index("left"), THU)
    assert (w.date, w.source, w.text) == (D(2026, 2, 4), "text", "The next day")


def test_discourse_date_carries_to_the_next_paragraph():
    text = "At a briefing on Tuesday, minister Arlo Venn spoke.\nHe said the envoys had made progress."
    tl = _timeline(text)
    second = _clause(text, "He said the envoys had made progress.")
    w = tl.when(second, text.index("made"), THU)
    assert (w.date, w.source) == (D(2026, 2, 10), "context")


def test_year_precision_does_not_carry_as_context():
    text = "Trade grew in 2024.\nThe envoys met in Dorn."
    tl = _timeline(text)
    w = tl.when(_clause(text, "The envoys met in Dorn."), text.index("met"), THU)
    assert (w.date, w.source) == (THU, "published")


def test_planned_event_without_a_date_is_undated():
    text = "A second round of talks has been confirmed, but a date has not been announced."
    tl = _timeline(text)
    w = tl.when(_clause(text, text), text.index("round"), THU, planned=True)
    assert (w.date, w.precision, w.source) == (None, "unknown", "")


def test_said_when_ignores_dates_inside_the_words_said():
    text = "\u201cWe met on Monday,\u201d Venn said on Wednesday."
    words = (1, text.index("\u201d"))
    cue = (text.index("said"), text.index("said") + 4)
    tl = _timeline(text, quoted=[words])
    w = tl.said_when((0, len(text)), cue, words, THU)
    assert (w.date, w.source, w.text) == (D(2026, 2, 11), "text", "Wednesday")


def test_vague_references_are_not_placed():
    text = "The current talks have stalled recently, officials said."
    tl = _timeline(text)
    assert tl.mentions == []
    w = tl.when((0, len(text)), text.index("stalled"), THU)
    assert (w.date, w.source) == (THU, "published")


def test_words_are_never_said_after_publication():
    # the date in force is a plan ("next week"): what the next sentence reports was said by the
    # time of publication, not next week
    text = "The envoys met in Dorn on Tuesday. They will return next week. Venn said the talks went well."
    sentence = _clause(text, "Venn said the talks went well.")
    cue = (text.index("said"), text.index("said") + 4)
    words = (text.index("the talks"), len(text) - 1)
    w = _timeline(text).said_when(sentence, cue, words, THU)
    assert (w.date, w.source) == (THU, "published")
    # a date in force on or before publication still dates it
    text = "The envoys met in Dorn on Tuesday. Venn said the talks went well."
    sentence = _clause(text, "Venn said the talks went well.")
    cue = (text.index("said"), text.index("said") + 4)
    words = (text.index("the talks"), len(text) - 1)
    w = _timeline(text).said_when(sentence, cue, words, THU)
    assert (w.date, w.source) == (D(2026, 2, 10), "context")


def test_a_plan_in_force_dates_plans_only():
    text = "The envoys will return to Dorn next week. The ministers signed the accord."
    tl = _timeline(text)
    done = _clause(text, "The ministers signed the accord.")
    w = tl.when(done, text.index("signed"), THU)
    assert (w.date, w.source) == (THU, "published")
    w = tl.when(done, text.index("signed"), THU, planned=True)
    assert (w.date, w.source) == (D(2026, 2, 16), "context")


def test_a_date_in_the_speakers_clause_after_publication_is_not_when_it_was_said():
    # "who will testify on Monday": the relative clause's date, after publication, says when the
    # testimony is, not when the words were said
    text = "Venn, who will testify in Dorn on Monday, said on Tuesday the talks went well."
    cue = (text.index("said"), text.index("said") + 4)
    words = (text.index("the talks"), len(text) - 1)
    w = _timeline(text).said_when((0, len(text)), cue, words, THU)
    assert (w.date, w.source, w.text) == (D(2026, 2, 10), "text", "Tuesday")
    text = "Venn, who will testify in Dorn on Monday, said the talks went well."
    cue = (text.index("said"), text.index("said") + 4)
    words = (text.index("the talks"), len(text) - 1)
    w = _timeline(text).said_when((0, len(text)), cue, words, THU)
    assert (w.date, w.source) == (THU, "published")


def test_words_without_a_cue_are_not_dated_after_publication():
    # a quotation with no speech verb takes its sentence's date, but never one after publication
    text = "The \u201cnew rules\u201d will take effect on Monday."
    words = (text.index("new"), text.index("\u201d"))
    w = _timeline(text, quoted=[words]).said_when((0, len(text)), (-1, -1), words, THU)
    assert (w.date, w.source) == (THU, "published")
    text = "The \u201cnew rules\u201d took effect on Monday."
    w = _timeline(text, quoted=[words]).said_when((0, len(text)), (-1, -1), words, THU)
    assert (w.date, w.source) == (D(2026, 2, 9), "text")
