"""Temporal expressions in English news: find them, resolve them against a reference date.

    from core.dates import find_times, TimeMention, clause_tense
    find_times("The envoys met on Tuesday.", datetime.date(2026, 2, 12))
    -> [TimeMention(start=18, end=25, text='Tuesday', type='DATE', value='2026-02-10', ...)]

How it works
  1. A grammar of named rules (core.dates_grammar, built from the word lists in
     core.dates_words), longest forms first, finds candidate expressions left to right; at each
     token only the rules that can begin with it are tried (core.dates_index), in rule order.
  2. The rule's handler (core.dates_resolve) reads the matched text and resolves it with plain
     calendar arithmetic (core.dates_calendar) against the reference date (usually the
     publication date). Weekdays, month names and day-months without a year use the tense of
     their clause (``clause_tense``, core.dates_tense): past -> the most recent one, future ->
     the coming one.
  3. Values follow TimeML TIMEX3 (2026-02-10, 2026-W06, 2026-02, 2025-Q4, 2025-SU, 2025, 199,
     PRESENT_REF, P3W, XXXX-WXX-5 ...); spans follow the TimeML guidelines (prepositions such as
     "on", "in", "for" are left out; "the", "last", "early", "ago" are in).
No dateparser: every expression found here is resolved by the calendar code of these modules.
This module holds the scan itself (find_times), wire-story datelines and day pairs.
"""
from __future__ import annotations

import datetime as dt
import re

from core.dates_words import MONTHS
from core.dates_grammar import MON, YEAR
from core.dates_index import _ALL_RULES, _big_search, _candidates, _next_hit
from core.dates_calendar import _day
from core.dates_doc import TimeMention, _Doc
from core.dates_resolve import _try
from core.dates_tense import clause_tense
# read by the tests (the token index against the rules)
from core.dates_grammar import RULES  # noqa: F401
from core.dates_index import FIRST_WORDS, _ANY, _BY_START, _DIGIT, _QUOTE, _RULE_STARTS  # noqa: F401

__all__ = ["TimeMention", "find_times", "clause_tense"]


# "WASHINGTON, August 13 (Xinhua) --", "KARSK, Feb. 10 (Reuters) -": a wire story's dateline
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,4}},\s+(?P<mon>{MON})\s+(?P<day>[12]\d|3[01]|0?[1-9])"
    rf"(?:,?\s+(?P<year>{YEAR}))?\s*(?:\([^()\n]{{1,30}}\)\s*)?(?:--|—|–|-|_)")
DATELINE_MAX_SHIFT = 7  # days between the publication date and a dateline taken as the story's day


def _dateline_date(text: str, ref: dt.date | None) -> dt.date | None:
    """The day in a wire story's dateline, when it is within a week of the reference date: the
    story was written that day, so its "Thursday" and "yesterday" count from it (stories are
    often filed the day before they are published)."""
    if ref is None:
        return None
    m = _DATELINE.match(text, 0, 160)
    if not m:
        return None
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    day = int(m.group("day"))
    years = [int(m.group("year"))] if m.group("year") else [ref.year - 1, ref.year, ref.year + 1]
    best = None
    for y in years:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if abs((d - ref).days) <= DATELINE_MAX_SHIFT and (best is None or abs((d - ref).days) < abs((best - ref).days)):
            best = d
    return best


def find_times(text: str, reference_date: dt.date | None) -> list[TimeMention]:
    """Temporal expressions in ``text``, sorted by start and non-overlapping, resolved against
    ``reference_date`` (usually the publication date; None leaves relative ones unresolved)."""
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    doc = _Doc(text, _dateline_date(text, reference_date) or reference_date)
    pos = 0
    n = len(text)
    starts = _candidates(text)
    k = 0  # next candidate
    while pos < n:
        if starts is None:
            hit = _big_search(text, pos)
            hit = hit and (*hit, _ALL_RULES)
        else:
            hit, k = _next_hit(text, starts, k, pos)
        if not hit:
            break
        rule, s, e, tried = hit
        # a match must start and end on word boundaries
        if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (e < n and text[e - 1].isalnum() and text[e].isalnum()):
            pos = s + 1
            continue
        men = _try(doc, rule, s, e)
        if men is None:
            # the first alternative failed its checks: let the later rules tried here have a go
            men = _later_rule(doc, tried, rule, s)
        if men is None or men.end <= men.start:
            pos = s + 1
            continue
        if doc.out and men.start < doc.out[-1].end:
            pos = max(pos + 1, doc.out[-1].end)
            continue
        doc.out.append(men)
        pos = max(men.end, s + 1)
        if men.precision == "day" and rule in ("mdy", "wday_date") and men.first is not None:
            # "on April 24 and 25", "March 3-4": the second day shares the month and year
            pair = _next_day(text, men)
            if pair is not None:
                doc.out[-1] = pair[0]
                doc.out.append(pair[1])
                pos = pair[1].end
    return doc.out


def _later_rule(doc: _Doc, rules, failed: str, s: int) -> TimeMention | None:
    """The mention of the first rule after ``failed`` in ``rules`` (the rules that can begin at
    ``s``, in RULES order) that matches at s, ends on a word boundary and passes its checks."""
    text, n = doc.text, len(doc.text)
    names = [name for name, _ in rules]
    for name, rx in rules[names.index(failed) + 1:]:
        m2 = rx.match(text, s)
        if m2 and m2.end() > s and not (m2.end() < n and text[m2.end() - 1].isalnum() and text[m2.end()].isalnum()):
            men = _try(doc, name, s, m2.end())
            if men is not None:
                return men
    return None


_AND_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w.,]?\d|\s*(?:%|percent|per\s?cent|[ap]\.?m\b|million|billion|points?))", re.I)
_COMMA_YEAR = re.compile(r",?\s+((?:1[0-9]|20)\d\d)(?![\d%])")  # ", 2025" after "June 5 and 6"


def _next_day(text: str, men: TimeMention) -> tuple[TimeMention, TimeMention] | None:
    """In "April 24 and 25" / "June 5 and 6, 2025": the first day (its year fixed by a year after
    the second, if any) and the second day as a mention of its own, in the same month."""
    m = _AND_DAY.match(text, men.end)
    if not m or int(m.group(1)) <= men.first.day:
        return None
    s, e = m.start(1), m.end()
    first = men.first
    ym = _COMMA_YEAR.match(text[e:e + 8])
    if ym:
        e += ym.end()
        try:
            first = first.replace(year=int(ym.group(1)))
        except ValueError:
            return None
    try:
        d = first.replace(day=int(m.group(1)))
    except ValueError:
        return None
    head = TimeMention(men.start, men.end, men.text, men.type, *_day(first)) if first != men.first else men
    return head, TimeMention(s, e, text[s:e], "DATE", *_day(d))
