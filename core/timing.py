"""When a row happened: the time expression that governs its clause, else the one in force in the
discourse, else the publication date, each marked as such (``date_source``: text, context,
published). Planned events with no date of their own stay undated (precision ``unknown``).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from core.dates import TimeMention

PLACEABLE_TYPES = ("DATE", "TIME")
# a context date carries over to later paragraphs only if it is this precise
CONTEXT_PRECISIONS = ("day", "week")
# how many paragraphs ahead an undated lead may look for the date the next paragraphs give it
LOOKAHEAD_PARAGRAPHS = 2
# "said on Tuesday", "said late on Tuesday": how far after a speech cue its date may start
CUE_GAP = 12
NO_DATE_YET = re.compile(
    r"\b(?:(?:a|no)\s+date\s+(?:has|had|have)?\s*(?:not\s+)?(?:yet\s+)?(?:been\s+)?(?:set|announced|fixed|agreed|decided)"
    r"|no\s+date\s+(?:was|has\s+been|had\s+been)\s+(?:set|announced|fixed|given)"
    r"|(?:date|timing)\s+(?:is|was|remains?)\s+(?:not\s+yet\s+|still\s+)?(?:unclear|unknown|undecided|to\s+be\s+(?:set|announced|determined))"
    r"|at\s+a\s+(?:later\s+)?date\s+(?:yet\s+)?to\s+be\s+(?:set|announced|determined))\b", re.I)


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date | None
    date_end: dt.date | None
    precision: str            # day, week, month, quarter, year, unknown
    text: str                 # the expression that fixed the date; "" from context or publication
    source: str               # text, context, published, or "" when undated

    @staticmethod
    def undated() -> "When":
        return When(None, None, "unknown", "", "")


def placeable(mentions: list[TimeMention]) -> list[TimeMention]:
    """The mentions a timeline can place: dates with a resolved range."""
    return [m for m in mentions if m.type in PLACEABLE_TYPES and m.first is not None
            and m.last is not None and m.precision != "unknown"]


def anchorless(mentions: list[TimeMention]) -> list[TimeMention]:
    """Dates that need a reference date the article does not give ("on Tuesday" with no date
    line): they still govern their clause, which then stays undated rather than borrowing
    another sentence's date."""
    return [m for m in mentions if m.type in PLACEABLE_TYPES and m.first is None and "X" in m.value]


def _inside(m: TimeMention, spans) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def from_mention(m: TimeMention, source: str) -> When:
    if m.first is None:   # an anchorless date of the row's own clause: said, but not placeable
        return When(None, None, "unknown", m.text, "")
    return When(m.first, m.last, m.precision, m.text if source == "text" else "", source)


_NEWLINE = re.compile("\n")


class Timeline:
    """The placeable time mentions of one article, with the paragraph each lies in, for dating
    the rows found there."""

    def __init__(self, text: str, mentions: list[TimeMention], quoted: list[tuple[int, int]] = ()):
        self.text = text
        self.paragraph_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.quoted = sorted(quoted)
        # mentions inside quoted or reported words say when *those* things happened, not when
        # anything was said or done around them: they never set the discourse date
        self.mentions = sorted(placeable(mentions) + anchorless(mentions), key=lambda m: m.start)
        self.discourse = [m for m in self.mentions if m.first is not None and not _inside(m, self.quoted)
                          and m.precision in CONTEXT_PRECISIONS]

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def governing(self, clause: tuple[int, int], anchor: int, exclude=()) -> TimeMention | None:
        """The mention in the clause nearest its anchor (trigger or cue), outside excluded spans."""
        a, b = clause
        inside = [m for m in self.mentions if a <= m.start and m.end <= b and not _inside(m, exclude)]
        return min(inside, key=lambda m: min(abs(m.start - anchor), abs(m.end - anchor)), default=None)

    def in_force(self, offset: int, look_ahead: bool) -> TimeMention | None:
        """The discourse date in force at an offset: the last one before it; for a lead with none
        before it, the first in the next paragraphs (a lead's date often comes a paragraph later)."""
        before = [m for m in self.discourse if m.end <= offset]
        if before:
            return before[-1]
        if look_ahead:
            limit = self.paragraph_of(offset) + LOOKAHEAD_PARAGRAPHS
            after = [m for m in self.discourse if m.start >= offset and self.paragraph_of(m.start) <= limit]
            return after[0] if after else None
        return None

    def said_when(self, sentence: tuple[int, int], cue: tuple[int, int], words: tuple[int, int],
                  published: dt.date | None) -> When:
        """When words were said: a time expression attached to the speech act ("At a briefing on
        Tuesday, X said", "X said on Tuesday", "..., the agency reported on Tuesday"), never one
        inside what was said; else the date in force; else publication. Never a date after
        publication: a report tells what was said by then ("X, who testifies tomorrow, said ...",
        "The envoys will return next week. X said the talks went well" were not said then)."""
        if cue[0] < 0:
            w = self.when(sentence, words[0], published, exclude=[words] + self.quoted)
            if published is not None and w.date is not None and w.date > published:
                return When(published, published, "day", "", "published")
            return w
        if words[0] >= cue[1]:
            # "X said (that) ...": the speaker's clause up to the cue, and a date right after it
            attached = [m for m in self.mentions if sentence[0] <= m.start and m.end <= cue[0]
                        or cue[1] <= m.start <= cue[1] + CUE_GAP]
        else:
            # "“...”, X said on Tuesday": everything after the words
            attached = [m for m in self.mentions if words[1] <= m.start and m.end <= sentence[1]]
        attached = [m for m in attached if not _inside(m, self.quoted) and not _inside(m, [words])
                    and (published is None or m.first is None or m.first <= published)]
        if attached:
            best = min(attached, key=lambda m: min(abs(m.start - cue[0]), abs(m.end - cue[0])))
            return from_mention(best, "text")
        m = self.in_force(sentence[0], look_ahead=False)
        if m is not None and (published is None or m.first <= published):
            return from_mention(m, "context")
        if published is None:
            return When.undated()
        return When(published, published, "day", "", "published")

    def when(self, clause: tuple[int, int], anchor: int, published: dt.date | None, *,
             planned: bool = False, future: bool = False, exclude=()) -> When:
        """Date a row whose clause (sentence) is ``clause`` and whose trigger or cue is at ``anchor``.

        ``exclude`` holds spans (the words said) whose time expressions do not date the row.
        A planned event in the future tense with no date of its own stays undated; so does any
        planned event whose sentence says the date is not set. A date in force after publication
        dates only planned events: what a report tells as done was done by then."""
        m = self.governing(clause, anchor, exclude)
        if m is not None:
            return from_mention(m, "text")
        if planned and (future or NO_DATE_YET.search(self.text, clause[0], clause[1])):
            return When.undated()
        m = self.in_force(clause[0], look_ahead=not planned)
        if m is not None and (planned or published is None or m.first <= published):
            return from_mention(m, "context")
        if planned or published is None:
            return When.undated()
        return When(published, published, "day", "", "published")
