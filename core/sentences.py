"""Sentence spans of an article text, shared by actors, quotes, events and the pipeline.

    from core.sentences import sentences
    sentences("Mr. Orlin met Sen. Whitcombe in the U.S. capital. He left.")
    # -> [(0, 49), (50, 58)]

A sentence ends at . ! ? (with any closing quotation marks or bracket after it) before a capital
letter, a digit or an opening quote, never after an abbreviation (Mr., Sen., U.S., an initial, No. before a number),
and always at a paragraph break (one paragraph per line). The result for a text is cached (the
pipeline and the actor index ask for the same text): treat the returned list as read-only.
"""
from __future__ import annotations

import functools
import re

ABBREVIATIONS = ("Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Prof|Rev|St|Jr|Sr|Ft|Mt|"
                 "Inc|Corp|Co|Ltd|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\\.S|U\\.N|U\\.K|E\\.U|[A-Z]")
# a run of . ! ? (and closing quotes or a bracket) before a capital, digit or opening quote, or a
# newline. Written to open with the character set [.!?\n] so that the engine skips to those
# characters in one C loop (a pattern opening with an alternation is tried at every position:
# three times slower); the lookbehinds tell which of the two alternatives the first one opened.
_SENT_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*['’\"”)]*(?=\s+['‘\"“(]?[A-Z0-9]))")
# an abbreviation ending at the end of the searched window: "Sen." "U.S." "J."
ABBR_END = re.compile(r"\b(?:" + ABBREVIATIONS + r")\.$")


# "No." before a number is the number sign ("the No. 2 in the leadership"); elsewhere it may end a
# sentence ("He said No.")
_NUMBER_SIGN = re.compile(r"(?<![A-Za-z])Nos?\.(?=\s{1,2}\d)")


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    if text[dot:dot + 1] != ".":
        return False
    before = text[max(0, dot - 5):dot]
    # cheap tests first, each a condition the regex needs (most full stops follow a long word):
    # every abbreviation ends with an ASCII letter and, after its last inner period, is at most
    # four word characters long, so five alphanumerics before the dot rule it out
    if before[-1:] in _ASCII_LETTERS and not (len(before) == 5 and before.isalnum()) \
            and ABBR_END.search(text, max(0, dot - 6), dot + 1) is not None:
        return True
    if not before.endswith(("No", "Nos")):   # what a number sign ending at the dot ends with
        return False
    m = _NUMBER_SIGN.search(text, max(0, dot - 3), dot + 4)
    return m is not None and m.end() == dot + 1


@functools.lru_cache(maxsize=8)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        if m.group() == "\n":
            end = m.start()
        else:
            if ends_with_abbreviation(text, m.start()):
                continue
            end = m.end()
        if end > start and not text[start:end].isspace():
            out.append((start, end))
        start = m.end()
        while start < n and text[start] in " \t\n":
            start += 1
    if start < n and text[start:].strip():
        out.append((start, n))
    return tuple(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text`` (see the module docstring)."""
    return list(_spans(text))
