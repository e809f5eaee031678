"""What the rule handlers of core.dates share: the result type (TimeMention), the document
read so far (_Doc: its mentions, the anchors they offer, the clause tense) and the checks of
earnings stories (money sentences, the quarter reported, longer stretches)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from core.dates_tense import _is_deadline, _is_planned_for, _sentence_bounds, _tense_strength


# --------------------------------------------------------------------------------------------
# Result type
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    type: str               # DATE, TIME, DURATION, SET
    value: str              # TIMEX3 value
    first: dt.date | None   # first day covered (inclusive)
    last: dt.date | None    # last day covered (inclusive)
    precision: str          # day, week, month, quarter, year, unknown


# --------------------------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------------------------
_UNTIL_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+)Until\s+(?:\S+\s+)?$")  # "Until Thursday, ..."


class _Doc:
    def __init__(self, text: str, ref: dt.date | None):
        self.text = text
        self.ref = ref
        self.out: list[TimeMention] = []
        self.derived: set[int] = set()  # starts of mentions resolved from another mention

    def derive(self, m: TimeMention | None) -> TimeMention | None:
        if m is not None:
            self.derived.add(m.start)
        return m

    def tense(self, s: int, e: int) -> str:
        return self.tense2(s, e)[0]

    def tense2(self, s: int, e: int) -> tuple[str, int]:
        if _is_deadline(self.text, s):
            # "postponed until Tuesday", "extended to Nov. 20": ahead; a sentence-initial
            # "Until Thursday, they had not ..." only bounds a past state: the nearest one
            before = self.text[max(0, s - 60):s]
            return ("present", 99) if _UNTIL_OPENS_SENTENCE.search(before) else ("future", 0)
        if _is_planned_for(self.text, s):
            return "future", 0
        return _tense_strength(self.text, s, e)

    def last_quarter(self, pos: int, limit: int):
        """The latest explicit mention of a calendar quarter within limit chars (never one that
        was itself resolved from another mention, so year-ago quarters do not chain)."""
        for m in reversed(self.out):
            if pos - m.end > limit:
                return None
            if m.precision == "quarter" and _QVAL.fullmatch(m.value) and m.start not in self.derived:
                return m
        return None

    def reported_quarter(self):
        """The quarter an earnings story reports: its first explicit quarter that has begun by
        the reference date (later ones are comparisons and outlooks)."""
        for m in self.out:
            if m.precision == "quarter" and _QVAL.fullmatch(m.value) and m.start not in self.derived \
                    and (self.ref is None or m.first <= self.ref):
                return m
        return None

    def last_day(self, pos: int, limit: int):
        """The latest mention of one calendar day within limit chars before pos."""
        for m in reversed(self.out):
            if pos - m.end > limit:
                return None
            if m.precision == "day" and m.first is not None and m.first == m.last and m.value[:1].isdigit():
                return m
        return None

    def last_anchor(self, precision: str | None = None):
        for m in reversed(self.out):
            if m.start in self.derived:
                continue
            if m.first is not None and m.type in ("DATE", "TIME") and m.value[:1].isdigit():
                if precision is None or m.precision == precision:
                    return m
        return None


def _mention(doc: _Doc, s: int, e: int, typ: str, res) -> TimeMention | None:
    if res is None:
        return None
    text = doc.text
    # trim spaces / trailing punctuation that crept into the span
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    value, first, last, prec = res
    return TimeMention(s, e, text[s:e], typ, value, first, last, prec)


def _unresolved(value: str, prec: str = "unknown"):
    return value, None, None, prec


_AM_PM = re.compile(r"(\d{1,2})(?::(\d\d))?(am|pm)")  # "9am", "10:30pm" (dots and spaces removed)


def _clock_suffix(clock: str) -> str:
    c = clock.lower().replace(".", "").replace(" ", "")
    if c.startswith("noon"):
        return "T12:00"
    if c.startswith("midnight"):
        return "T24:00"
    m = _AM_PM.match(c)
    if not m:
        return ""
    h = int(m.group(1)) % 12 + (12 if m.group(3) == "pm" else 0)
    return f"T{h:02d}:{m.group(2) or '00'}"


_QVAL = re.compile(r"\d{4}-Q[1-4]")


_MONEY = re.compile(r"[$%#£]|\b(?:cents?|million|billion|pence|yen|marks|francs|guilders|share|sales|revenue|profit|earnings|net)\b", re.I)


def _money_sentence(text: str, s: int, e: int) -> bool:
    """The sentence around text[s:e] compares money figures (an earnings report)."""
    a, b = _sentence_bounds(text, s, e)
    return bool(_MONEY.search(text, a, b))


# figures for a stretch longer than a quarter: "for the nine months", "the first half", "the year
# ended", "1986 net income" (a year that is not a quarter's: "the 1989 third quarter", "the third
# quarter of 1989" are quarters)
_LONG_PERIOD = re.compile(
    r"\b(?:(?:six|nine|6|9)[\s-]+months?|(?:first|second)\s+half|(?:fiscal\s+)?year\s+(?:ended|ending)|"
    r"full[\s-]+year|(?<!of\s)(?:1[0-9]|20)\d\d(?!\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|quarter|"
    r"period|half|fiscal)\b)(?![\d%.,]|\s*(?:pct|percent|dlrs|mln|billion)))\b", re.I)


_QUARTER_WORD = re.compile(r"\bquarter", re.I)


def _long_period_sentence(text: str, s: int, e: int, before: bool = False) -> bool:
    """The sentence around text[s:e] (or, with ``before``, the one before it) reports figures for
    a stretch longer than a quarter, named before the mention with no quarter named after it:
    "a year earlier" there is that stretch a year back, not the quarter the story reports."""
    a, _ = _sentence_bounds(text, s, e)
    if _long_before(text, a, s):
        return True
    if before and a > 0:
        pa, _ = _sentence_bounds(text, max(0, a - 2), max(0, a - 1))
        return _long_before(text, pa, a)
    return False


def _long_before(text: str, a: int, b: int) -> bool:
    last = None
    for last in _LONG_PERIOD.finditer(text, a, b):
        pass
    return last is not None and not _QUARTER_WORD.search(text, last.end(), b)


def _near(doc: _Doc, anchor: TimeMention, pos: int, limit: int = 1200) -> bool:
    return pos - anchor.end <= limit
