"""Dispatch of a matched rule to its handler (core.dates_explicit, core.dates_relative); the
two rules that read another rule's match inside their own ("the week of March 6", "5 p.m.
Friday") live here."""
from __future__ import annotations

import re
from functools import lru_cache

from core.dates_grammar import TIME_CLOCK
from core.dates_index import _ALL_RULES, _match_at
from core.dates_calendar import _week
from core.dates_doc import TimeMention, _Doc, _clock_suffix, _mention
from core.dates_explicit import HANDLERS as EXPLICIT
from core.dates_relative import HANDLERS as RELATIVE


_THE_WEEK_OF = re.compile(r"the\s+week\s+of\s+", re.I)
_CLOCK = re.compile(TIME_CLOCK, re.I)
_ON_AFTER_CLOCK = re.compile(r"[\s,]*(?:on\s+)?", re.I)  # "5 p.m., on Friday"


def _r_week_of(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule week_of."""
    text = doc.text
    inner_s = s + _THE_WEEK_OF.match(span).end()
    sub = _match_at(text, inner_s, _ALL_RULES)
    inner = _handle(doc, sub[0], inner_s, sub[1]) if sub else None
    if inner is None or inner.first is None or inner.precision != "day":
        return None
    return _mention(doc, s, inner.end, "DATE", _week(inner.first))


def _r_clock_day(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule clock_day."""
    text = doc.text
    cm = _CLOCK.match(span)
    rest_s = s + cm.end()
    gap = _ON_AFTER_CLOCK.match(text[rest_s:rest_s + 12])
    sub_s = rest_s + gap.end()
    sub = _match_at(text, sub_s, _ALL_RULES)
    inner = None
    if sub:
        inner = _handle(doc, sub[0], sub_s, sub[1])
    if inner is None:
        return None
    v = inner.value
    if v[:1].isdigit() and "T" not in v:
        v = v + _clock_suffix(cm.group())
    return TimeMention(s, inner.end, text[s:inner.end], "TIME", v, inner.first, inner.last, inner.precision)


_SPACES = re.compile(r"\s+")
_HANDLERS = {**EXPLICIT, **RELATIVE, "week_of": _r_week_of, "clock_day": _r_clock_day}


@lru_cache(maxsize=4096)
def _lowered(span: str) -> str:
    """A matched span as the handlers read it: lower case, each whitespace run one space, curly
    apostrophes straight (the same few spans recur in every story: "Tuesday", "last year")."""
    return _SPACES.sub(" ", span.lower()).replace("’", "'")


def _handle(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    """The mention rule ``rule`` makes of text[s:e] (None: the match is no time expression)."""
    span = doc.text[s:e]
    low = _lowered(span)
    handler = _HANDLERS.get(rule)
    return handler(doc, rule, s, e, span, low) if handler is not None else None


def _try(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    try:
        return _handle(doc, rule, s, e)
    except (ValueError, OverflowError, KeyError, AttributeError, TypeError):
        return None
