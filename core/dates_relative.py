"""Handlers of core.dates rules for dates told from another time: yesterday, weekdays, "ago",
"last week", anaphors ("that day", "the quarter"), earnings comparisons, vague references
(PRESENT_REF ...), durations and sets. Each returns the TimeMention its rule makes of text[s:e]."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from core.dates_words import (
    DAYPARTS, GENERIC_AGE_NOUNS, MONTHS, QUARTER_WORDS, REL_PAST, SEASONS, UNITS, VAGUE_NUMBERS,
    WEEKDAYS, WEEKS_AGO_AS_WEEK,
)
from core.dates_grammar import MON, SEASON, TIME_CLOCK, WDAY
from core.dates_tense import _sentence_bounds
from core.dates_calendar import (
    _SPACES, _add_months, _day, _early_late, _half, _month, _num, _pvalue, _quarter, _shift, _strip_mod,
    _tense_dir, _unit_of, _week, _weekday_date, _weekend, _year, _year_of,
)
from core.dates_doc import (
    TimeMention, _Doc, _clock_suffix, _long_period_sentence, _mention, _money_sentence, _near,
    _unresolved,
)


# patterns the handlers below use at every mention of their rules
_WDAY_RE = re.compile(WDAY, re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_DAYPART_WORDS = [(re.compile(rf"\b{w}\b"), code) for w, code in DAYPARTS.items()]
_CLOCK_AFTER = re.compile(rf"(?<![A-Za-z]){TIME_CLOCK}", re.I)
_MONTH_NAME = re.compile(MON, re.I)
_SEASON_LOW = re.compile(SEASON)  # in a lower-cased span
_QUARTER_OR_PERIOD = re.compile(r"quarter|period")
_QUARTER_VALUE = re.compile(r"\d{4}-Q\d")  # a value such as 2024-Q3, with fullmatch
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")


_TIME_PREPOSITION = re.compile(r"(?:(?:around|about|by|at|until|before)\s+)?", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)


def _r_unit_end(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule unit_end."""
    text, ref = doc.text, doc.ref
    s += len(_TIME_PREPOSITION.match(span).group())
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
    # "since year-end" in a report on this year's figures: the end of last year
    y = ref.year - 1 if _SINCE_BEFORE.search(text[max(0, s - 8):s]) or ref.month == 1 else ref.year
    return _mention(doc, s, e, "DATE", _early_late(_year(y), "the end of"))


def _r_in_the_unit(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule in_the_unit."""
    ref = doc.ref
    if ref is None:
        return None
    unit = low.rsplit(" ", 1)[1]
    v = _year(ref.year) if unit == "year" else _month(ref.year, ref.month) if unit == "month" else _week(ref)
    return _mention(doc, s, e, "DATE", v)


def _r_current_adj(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule current_adj."""
    return _mention(doc, s, e, "DATE", ("PRESENT_REF", None, None, "unknown"))


def _r_dpart_alone(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule dpart_alone."""
    ref = doc.ref
    if ref is None:
        return None
    a = doc.last_day(s, 800)
    day = a.first if a is not None else ref
    if low == "overnight":
        return _mention(doc, s, e, "TIME", ((day - dt.timedelta(days=1)).isoformat() + "TNI",
                                            day - dt.timedelta(days=1), day - dt.timedelta(days=1), "day"))
    part = "MI" if low == "midday" else next(code for w, code in DAYPARTS.items() if low.endswith(w))
    v = _day(day)
    return _mention(doc, s, e, "TIME", (v[0] + "T" + part,) + v[1:])


_NEXT_OR_FOLLOWING = re.compile(r"next|following")
_MONTH_OR_YEAR_VALUE = re.compile(r"\d{4}(?:-\d\d)?")  # 2024, 2024-10, with fullmatch
_CLAUSE_AFTER_DAY = re.compile(r"\s+(?:that|as|when|on\s+which)\b")  # "the day that ...": no anaphor


def _r_day_anaphor(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule day_anaphor."""
    # the day of the latest dated mention nearby (chains allowed: "the next day ... the
    # following morning"); none nearby: no date
    a = doc.last_day(s, 1500)
    k = 1 if _NEXT_OR_FOLLOWING.search(low) else -1 if "previous" in low else 0
    b = doc.last_anchor()
    if k == 0 and b is not None and _near(doc, b, s, 400) and (a is None or b.start > a.start) \
            and b.precision in ("month", "year") and _MONTH_OR_YEAR_VALUE.fullmatch(b.value) \
            and doc.tense(s, e) == "past" and not _CLAUSE_AFTER_DAY.match(doc.text[e:e + 14]):
        # "killed last October ... crossed out that same day": a day of that month, unknown
        v = b.value + ("-XX" if b.precision == "month" else "-XX-XX")
        return doc.derive(_mention(doc, s, e, "DATE", (v, b.first, b.last, b.precision)))
    if a is None:
        return None
    part = next((code for w, code in DAYPARTS.items() if low.endswith(w)), None)
    d = a.first + dt.timedelta(days=k)
    v = _day(d)
    if part:
        v = (v[0] + "T" + part,) + v[1:]
    return doc.derive(_mention(doc, s, e, "TIME" if part else "DATE", v))


_LAST_DAYPART = re.compile(r"last (?:morning|afternoon|evening|night)")


def _r_day_rel(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules day_rel, day_rel_poss, day_dpart_rel, dpart_day_rel."""
    text, ref = doc.text, doc.ref
    if low in ("today's", "tomorrow's", "today", "tomorrow") and _generic_day(text, s, e):
        return None  # "in today's world", "the leaders of tomorrow": the present age, no day
    if _title_word(text, s, span):
        return None  # "USA Today", "the Today show", "The Tonight Show": a name, no day
    if rule == "day_rel_poss":
        e = s + len(span) - 2
        low = low[:-2]
    if "day before yesterday" in low:
        k = -2
    elif "day after tomorrow" in low:
        k = 2
    elif "yesterday" in low or _LAST_DAYPART.search(low):
        k = -1
    elif "tomorrow" in low:
        k = 1
    else:
        k = 0
    part = None
    for rx, code in _DAYPART_WORDS:
        if rx.search(low):
            part = code
    if "tonight" in low:
        part = "NI"
    if low == "today" and ref is not None:
        pass
    typ = "TIME" if part else "DATE"
    if ref is None:
        return _mention(doc, s, e, typ, _unresolved("XXXX-XX-XX" + (f"T{part}" if part else ""), "day"))
    d = ref + dt.timedelta(days=k)
    v = _day(d)
    if part:
        v = (v[0] + "T" + part,) + v[1:]
    return _mention(doc, s, e, typ, v)


_DAYPART_PLURAL_WORDS = [(re.compile(rf"\b{w}s?\b"), code) for w, code in DAYPARTS.items()]  # "mornings"


def _r_wday_set(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule wday_set."""
    wm = _WDAY_RE.search(span)
    if not wm or not wm.group()[0].isupper():
        return None
    wd = WEEKDAYS[wm.group().lower()]
    part = None
    for rx, code in _DAYPART_PLURAL_WORDS:
        if rx.search(low):
            part = code
    return _mention(doc, s, e, "SET", ("XXXX-WXX-%d" % wd + (f"T{part}" if part else ""), None, None, "unknown"))


_THE_DAY_BEFORE_AFTER = re.compile(r"^the day (?:before|after) ")
_EARLY_LATE_START = re.compile(r"^(?:early|late|earlier|later) ")


@lru_cache(maxsize=4096)
def _wday_reading(span: str, low: str):
    """What a weekday span says by itself (``low``: its form from _lowered): (offset of the
    weekday, its number, the words before it, the part of the day's code or None, the clock time
    after it or None, the relative word before it: "last", "this coming", "" ...); None when
    the weekday is not capitalised."""
    wm = _WDAY_RE.search(span)
    if not wm or not wm.group()[0].isupper():
        return None
    wd = WEEKDAYS[wm.group().lower()]
    pre = low[:wm.start()].strip()
    part = None
    for rx, code in _DAYPART_WORDS:
        if rx.search(low):
            part = code
    clock = _CLOCK_AFTER.search(span[wm.end():])  # not the "noon" of "afternoon"
    rel = _EARLY_LATE_START.sub("", _THE_DAY_BEFORE_AFTER.sub("", pre))
    return wm.start(), wd, pre, part, clock.group() if clock else None, rel


def _r_wday(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule wday."""
    text, ref = doc.text, doc.ref
    reading = _wday_reading(span, low)
    if reading is None:
        return None
    wstart, wd, pre, part, clock, rel = reading
    if wstart == 0 and _THE_BEFORE.search(text[max(0, s - 5):s]) \
            and _CAPITALISED_AFTER.match(text[e:e + 4]):
        return None  # "the Sunday Herald": a title
    if ref is None:
        val = f"XXXX-WXX-{wd}"
        return _mention(doc, s, e, "TIME" if part else "DATE", _unresolved(val, "day"))
    the_before = _THE_BEFORE.search(text[max(0, s - 5):s])
    if rel in ("previous", "following") and the_before and doc.last_day(s, 1500) is not None:
        # "the previous Friday": the one before the day in focus, not before today
        d = _weekday_date(doc.last_day(s, 1500).first, wd, "last" if rel == "previous" else "next")
        s -= len(the_before.group())
    elif rel in ("last", "past", "previous", "this past"):
        d = _weekday_date(ref, wd, "last")
    elif rel in ("next", "following"):
        d = _weekday_date(ref, wd, "next")
    elif rel in ("this coming", "coming"):
        d = _weekday_date(ref, wd, "future")
    elif rel == "this":
        # "this Friday": the one of the current week, forward by default
        t = doc.tense(s, e)
        d = _weekday_date(ref, wd, "past" if t == "past" else "future")
    elif low.endswith("'s") and not _SCHEDULED_AFTER.match(text, e):
        # "Wednesday's ruling": a day gone by; "Monday's debate" (a scheduled event): by tense
        d = _weekday_date(ref, wd, "past")
    else:
        d = _weekday_date(ref, wd, _tense_dir(doc.tense(s, e)))
    if pre.startswith("the day before"):
        d -= dt.timedelta(days=1)
    elif pre.startswith("the day after"):
        d += dt.timedelta(days=1)
    v = _day(d)
    typ = "DATE"
    if part:
        v = (v[0] + "T" + part,) + v[1:]
        typ = "TIME"
    if clock is not None:
        v = (v[0] + _clock_suffix(clock),) + v[1:]
        typ = "TIME"
    if low.endswith("'s"):
        e -= 2
    return _mention(doc, s, e, typ, v)


_AGO_WORD_END = re.compile(r"\s+(ago|earlier|later|before|after|from now|hence|previously|back)$")
_UNIT_WORD = r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)"  # a unit of time, as group 1
_AGO_UNIT_END = re.compile(_UNIT_WORD + r"(?:\s+or\s+\w+)?$")  # "two days", "a day or two"
_VAGUE_COUNT = re.compile(r"\b(?:few|several|many|some|number|numerous)\b")
_SOME_WORD = re.compile(r"some\s+\S+")  # with fullmatch: "some 40" is a number, "some time" is not


def _r_ago(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules ago, ago_bare."""
    text, ref = doc.text, doc.ref
    if rule == "ago_bare":
        unit = _unit_of(low.split()[0])
        return _mention(doc, s, e, "DATE", ("FUTURE_REF" if low.endswith("now") else "PAST_REF", None, None, "unknown"))
    dm = _AGO_WORD_END.search(low)
    direction = dm.group(1)
    qty = low[:dm.start()]
    um = _AGO_UNIT_END.search(qty)
    if not um:
        return None
    unit = _unit_of(um.group(1))
    nstr = qty[:um.start()].strip(" -")
    n = _num(nstr) if nstr and nstr not in ("the", "that", "this") else 1.0
    if nstr in ("the", "that", "this"):
        nstr = ""
    vague = nstr and _VAGUE_COUNT.search(nstr) and not _SOME_WORD.fullmatch(nstr) or (nstr and n is None)
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    if unit in ("S", "M") and UNITS.get(um.group(1).rstrip("s"), ("", False))[1]:
        # minutes/seconds/hours ago: the reference day
        if ref is None:
            return _mention(doc, s, e, "TIME", _unresolved("XXXX-XX-XX", "day"))
        return _mention(doc, s, e, "TIME", _day(ref))
    if unit == "H":
        if ref is None or n is None:
            return _mention(doc, s, e, "TIME", _unresolved("XXXX-XX-XX", "day"))
        return _mention(doc, s, e, "TIME", _day(ref + dt.timedelta(hours=sign * n) if False else ref + dt.timedelta(days=sign * int(n // 24))))
    if vague:
        return _mention(doc, s, e, "DATE", ("PAST_REF" if sign < 0 else "FUTURE_REF", None, None, "unknown"))
    anchor_based = direction in ("earlier", "later", "before", "after")
    if ref is None and not anchor_based:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX" if unit in "DW" else "XXXX", "unknown"))
    base = ref
    base_prec = None
    # financial convention: "a year ago" / "a year earlier" next to a quarter means that quarter
    if unit == "Y" and n == 1 and direction in ("ago", "earlier") and _long_period_sentence(text, s, e) \
            and _money_sentence(text, s, e) and doc.last_quarter(s, 2500) is not None:
        # "for the nine months, ... up from $1.4 billion a year earlier": the year before
        return doc.derive(_mention(doc, s, e, "DATE", _year(int(doc.last_quarter(s, 2500).value[:4]) - 1)))
    if unit == "Y" and n == 1:
        a = doc.last_anchor()
        if a is not None and a.precision == "quarter" and _near(doc, a, s, 600) and _QUARTER_VALUE.fullmatch(a.value) \
                and _money_sentence(text, s, e):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(a.value[:4]) - 1, int(a.value[-1]))))
        # an earnings report comparing figures with "a year earlier": the quarter it reports
        q = doc.last_quarter(s, 2500)
        if q is not None and direction in ("ago", "earlier") and _money_sentence(text, s, e):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
    if anchor_based:
        a = doc.last_anchor()
        if a is not None and _near(doc, a, s) and (unit not in "MQYEC" or a.precision in ("month", "quarter", "year")) \
                and not (unit in "DW" and a.precision not in ("day",)):
            base = a.first
            base_prec = a.precision if unit != "Y" else "year"
            if unit in "MQYEC" and a.precision == "year":
                base_prec = "year"
    if base is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX" if unit in "DW" else "XXXX", "unknown"))
    if n is None:
        n = 1.0
    if n != int(n):
        if unit == "Y":
            n, unit = n * 12, "M"
        elif unit == "M":
            n, unit = n * 30, "D"
        else:
            n = round(n)
    n = int(n)
    if unit == "W2":
        n, unit = n * 2, "W"
    if unit == "WE":
        n, unit = n, "W"
    if anchor_based and base is not ref:
        doc.derived.add(s)
    d = _shift(base, sign * n, unit)
    if base_prec in ("month", "quarter", "year") and unit in "MQY":
        prec = base_prec if unit != "M" or base_prec == "month" else "month"
    else:
        prec = {"D": "day", "W": "day", "M": "month", "Q": "quarter", "Y": "year", "E": "year", "C": "year"}[unit]
    if prec == "day" and unit == "W" and n >= WEEKS_AGO_AS_WEEK:
        return _mention(doc, s, e, "DATE", _week(d))  # "six weeks ago": that week, not a day
    if prec == "day":
        return _mention(doc, s, e, "DATE", _day(d))
    if prec == "month":
        return _mention(doc, s, e, "DATE", _month(d.year, d.month))
    if prec == "quarter":
        return _mention(doc, s, e, "DATE", _quarter(d.year, (d.month - 1) // 3 + 1))
    return _mention(doc, s, e, "DATE", _year(d.year))


_PERIOD_UNIT_END = re.compile(r"(week|weekend|month|year|quarter|half)$")
_THE_START = re.compile(r"^the ")
_KIND_OF_YEAR_END = re.compile(r"\s*(?:fiscal|calendar|financial|school|academic)$")
_FISCAL = re.compile(r"fiscal|financial")
_QUARTER_OR_PERIOD_AFTER = re.compile(r"['’]s\s+(?:quarter|period)\b")  # "last year's quarter"
_QUARTER_OR_PERIOD_BEFORE = re.compile(r"\b(?:quarter|period)\s+(?:of\s+)?$")  # "the period last year"


def _r_rel_unit(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules rel_unit, end_of."""
    text, ref = doc.text, doc.ref
    if span.istitle() and " " in span and text[max(0, s - 1):s] in ("\"", "“"):
        return None  # a programme title in quotes: ABC's "This Week"
    if low.endswith("'s"):
        e -= 2
        span, low = span[:-2], low[:-2]
    mod, rest = _strip_mod(span)
    rl = _SPACES.sub(" ", rest.lower())
    um = _PERIOD_UNIT_END.search(rl)
    if not um:
        return None
    unit = um.group(1)
    relw = rl[:um.start()].strip()
    relw = _THE_START.sub("", relw)
    relw = _KIND_OF_YEAR_END.sub("", relw).strip()
    fiscal = bool(_FISCAL.search(rl))
    if relw == "the" and mod:
        relw = "this"  # "the end of the month": the current one
    if relw in ("same", "that") or (relw == "the"):
        # anaphoric: same granularity as the last mention
        a = doc.last_anchor()
        if a is None or not _near(doc, a, s, 1500):
            return None
        tgt = {"week": "week", "month": "month", "year": "year", "quarter": "quarter"}.get(unit)
        if unit == "year" and a.first:
            return _mention(doc, s, e, "DATE", _year(a.first.year))
        if unit == "month" and a.first and a.precision in ("day", "month"):
            return _mention(doc, s, e, "DATE", _month(a.first.year, a.first.month))
        if unit == "quarter" and a.first and a.precision in ("day", "month", "quarter"):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(a.first.year, (a.first.month - 1) // 3 + 1)))
        if unit == "week" and a.first and a.precision in ("day", "week"):
            return doc.derive(_mention(doc, s, e, "DATE", _week(a.first)))
        return None
    if relw in ("following", "previous", "preceding") and rl.startswith("the"):
        a = doc.last_anchor()
        if a is not None and _near(doc, a, s, 1500) and a.first is not None:
            k = 1 if relw == "following" else -1
            base = a.first
            if unit == "year" and a.precision in ("day", "month", "quarter", "year"):
                return doc.derive(_mention(doc, s, e, "DATE", _year(base.year + k)))
            if unit == "month" and a.precision in ("day", "month"):
                y, m_ = _add_months(base.year, base.month, k)
                return doc.derive(_mention(doc, s, e, "DATE", _month(y, m_)))
            if unit == "week" and a.precision in ("day", "week"):
                return doc.derive(_mention(doc, s, e, "DATE", _week(base + dt.timedelta(weeks=k))))
    if ref is None:
        val = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
               "quarter": "XXXX-QX", "half": "XXXX-HX"}[unit]
        return _mention(doc, s, e, "DATE", _unresolved(val))
    if unit == "year" and relw == "last" and not mod:
        # "last year's quarter", "the corresponding period last year": the reported quarter
        # a year back
        q = doc.last_quarter(s, 2500)
        if q is not None and (_QUARTER_OR_PERIOD_AFTER.match(text[e:e + 12])
                              or _QUARTER_OR_PERIOD_BEFORE.search(text[max(0, s - 12):s])):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
    k = 0
    if relw in REL_PAST:
        k = -1
    elif relw in ("next", "coming", "following", "upcoming", "this coming"):
        k = 1
    # "the past year" / "the last month" (with "the"): the period up to now; TimeML values it
    # as the previous calendar unit, the way "last year" is
    if unit == "week":
        v = _week(ref + dt.timedelta(weeks=k))
    elif unit == "weekend":
        if k == 0:
            base = ref
            if ref.isoweekday() == 1 and relw == "this" and doc.tense(s, e) == "past":
                base = ref - dt.timedelta(days=1)
            v = _weekend(base)
        elif k < 0:
            # the weekend just past (this week's if it is over)
            base = ref - dt.timedelta(days=ref.isoweekday())  # last Sunday
            v = _weekend(base if ref.isoweekday() < 6 else base - dt.timedelta(days=7) if ref.isoweekday() == 7 else base)
        else:
            v = _weekend(ref + dt.timedelta(days=7))
    elif unit == "month":
        y, m = _add_months(ref.year, ref.month, k)
        v = _month(y, m)
    elif unit == "quarter":
        cq = (ref.month - 1) // 3 + 1
        y, m = _add_months(ref.year, 3 * cq - 2, 3 * k)
        v = _quarter(y, (m - 1) // 3 + 1)
    elif unit == "half":
        h = 1 if ref.month <= 6 else 2
        idx = ref.year * 2 + (h - 1) + k
        v = _half(idx // 2, idx % 2 + 1)
    else:
        v = _year(ref.year + k)
    if mod in ("earlier", "later"):
        mod = None
    return _mention(doc, s, e, "DATE", _early_late(v, mod))


def _r_the_weekend(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule the_weekend."""
    ref = doc.ref
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX-WXX-WE"))
    t = doc.tense(s, e)
    if t == "future":
        v = _weekend(ref if ref.isoweekday() < 6 else ref + dt.timedelta(days=7 - ref.isoweekday() + 1) if ref.isoweekday() == 7 else ref)
    else:
        back = ref if ref.isoweekday() >= 6 else ref - dt.timedelta(days=ref.isoweekday())
        v = _weekend(back)
    return _mention(doc, s, e, "DATE", v)


def _r_year_period(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_period."""
    text, ref = doc.text, doc.ref
    y = _year_of(span, ref)
    a = doc.reported_quarter()
    if _QUARTER_OR_PERIOD.search(low) and a is not None and _near(doc, a, s, 2500) \
            and not (low.endswith("period") and _long_period_sentence(text, s, e)):
        return doc.derive(_mention(doc, s, e, "DATE", _quarter(y, int(a.value[-1]))))
    return _mention(doc, s, e, "DATE", _year(y))


def _r_full_year(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule full_year."""
    ref = doc.ref
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
    return _mention(doc, s, e, "DATE", _year(ref.year))


_THE_QUARTER = re.compile(r"the (?:fiscal )?quarter")  # with fullmatch
_THE_LATEST_QUARTER = re.compile(r"the (?:latest|most recent) (?:quarter|period)")  # with fullmatch


def _r_the_quarter(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule the_quarter."""
    ref = doc.ref
    if low.endswith("'s"):  # "the latest quarter's results"
        e -= 2
        low = low[:-2]
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX-QX", "quarter"))
    if low.endswith(("ago", "earlier")):  # "the quarter a year ago": the reported quarter, a year back
        q = doc.reported_quarter()
        if q is None:
            return None
        return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
    a = doc.last_anchor("quarter")
    if _THE_QUARTER.fullmatch(low) and a is not None and _near(doc, a, s, 1500) \
            and _QUARTER_VALUE.fullmatch(a.value):
        return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(a.value[:4]), int(a.value[-1]))))
    rq = doc.reported_quarter()
    if _THE_LATEST_QUARTER.fullmatch(low) and rq is not None:
        # the quarter the earnings story reports (its fiscal number when it gave one)
        return _mention(doc, s, e, "DATE", _quarter(int(rq.value[:4]), int(rq.value[-1])))
    if low.startswith("this"):
        return _mention(doc, s, e, "DATE", _quarter(ref.year, (ref.month - 1) // 3 + 1))
    cq = (ref.month - 1) // 3 + 1
    y, m = _add_months(ref.year, 3 * cq - 2, -3)
    return _mention(doc, s, e, "DATE", _quarter(y, (m - 1) // 3 + 1))


_QUARTER_ORDINAL = re.compile(r"(first|second|third|fourth)[\s-]")
_PERIOD_WORD = re.compile(r"quarter|period|level|month")
_YEAR_VALUE = re.compile(r"\d{4}")  # with fullmatch


def _r_year_ago_adj(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_ago_adj."""
    text, ref = doc.text, doc.ref
    doc.derived.add(s)
    rq = doc.reported_quarter()
    qm = _QUARTER_ORDINAL.search(low)
    if _QUARTER_OR_PERIOD.search(low) and (rq is not None or qm):
        # "the year-ago quarter": the reported quarter a year back
        y = int(rq.value[:4]) if rq is not None else ref.year if ref else None
        q = QUARTER_WORDS[qm.group(1)] if qm else int(rq.value[-1])
        if y is not None:
            return _mention(doc, s, e, "DATE", _quarter(y - 1, q))
    if not _PERIOD_WORD.search(low):
        # "the year-ago results", "year-earlier net": in a story reporting a quarter, that
        # quarter a year back, unless the figures are for a longer stretch ("for the nine
        # months, ... year-earlier net"): then the year before the one reported on
        q = doc.last_quarter(s, 2500)
        if q is not None and rq is not None and not _long_period_sentence(text, s, e, before=True):
            return _mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1])))
        y = int(rq.value[:4]) if rq is not None else ref.year if ref else None
        if y is not None:
            return _mention(doc, s, e, "DATE", _year(y - 1))
    a = doc.last_anchor()
    if a is not None and a.precision == "quarter" and _QUARTER_VALUE.fullmatch(a.value) and _near(doc, a, s, 800):
        return _mention(doc, s, e, "DATE", _quarter(int(a.value[:4]) - 1, int(a.value[-1])))
    if a is not None and a.precision == "year" and _near(doc, a, s, 800) and _YEAR_VALUE.fullmatch(a.value):
        return _mention(doc, s, e, "DATE", _year(int(a.value) - 1))
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
    return _mention(doc, s, e, "DATE", _year(ref.year - 1))


_OR_SO_END = re.compile(r" or (?:two|three|so)$")
_IN_UNIT_END = re.compile(r"(days?|weeks?|months?|years?|fortnight)$")


def _r_in_units(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule in_units."""
    text, ref = doc.text, doc.ref
    if _OR_SO_END.search(low):  # "in a year or two": some time ahead
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
    um = _IN_UNIT_END.search(low)
    unit = _unit_of(um.group(1))
    nstr = low[:um.start()].strip(" -")
    n = _num(nstr) if nstr else 1.0
    if _IN_STRETCH_BEFORE.search(text, max(0, s - 60), s) or (
            _IN_NOT_BEFORE.search(text, max(0, s - 70), s) or doc.tense(s, e) == "past") \
            and doc.tense(s, e) != "future" and not _MODAL_BEFORE.search(text, _sentence_bounds(text, s, e)[0], s):
        # "the smallest gain in a year", "has not borrowed in three years", "its first bond issue
        # in 21 years", "cut the debt to $42,000 in five years": a stretch, not a date ahead
        return _mention(doc, s, e, "DURATION", (_pvalue(n, unit), None, None, "unknown"))
    if n is None or any(w in nstr for w in ("few", "several", "many", "some", "number")):
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX"))
    if unit == "W2":
        n, unit = n * 2, "W"
    d = _shift(ref, int(n), unit) if n == int(n) else ref + dt.timedelta(days=int(n * {"D": 1, "W": 7, "M": 30, "Y": 365}[unit]))
    if unit in ("D", "W"):
        return _mention(doc, s, e, "DATE", _day(d))
    if unit == "M":
        return _mention(doc, s, e, "DATE", _month(d.year, d.month))
    return _mention(doc, s, e, "DATE", _year(d.year))


_WITHIN_OR_IN = re.compile(r"(?:within|in)\s+", re.I)
_IN = re.compile(r"in\s+", re.I)
_PLURAL_UNIT_END = re.compile(r"(days|weeks|months|quarters|years|decades)$")


def _r_within(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules within, coming."""
    if rule == "within":
        # keep "within"/"in" out of the span (TimeML leaves prepositions out)
        m = _WITHIN_OR_IN.match(span)
        s += m.end()
    return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))


def _r_recent_units(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule recent_units."""
    m = _IN.match(span)
    if m:
        s += m.end()
    um = _PLURAL_UNIT_END.search(low)
    # "in recent days / years", "over the past few months": a vague stretch of the past, valued
    # PAST_REF as a date; recent weeks and months stay durations (PXW, PXM)
    if um.group(1) in ("days", "years", "decades") or not low.startswith(("recent", "in recent")):
        return _mention(doc, s, e, "DATE", ("PAST_REF", None, None, "unknown"))
    return _mention(doc, s, e, "DURATION", (_pvalue(None, _unit_of(um.group(1))), None, None, "unknown"))


_OF_AFTER = re.compile(r"\s+of\b")
_THE_TERM = re.compile(r"the (?:near|short|distant) term")  # with fullmatch
_WORD_CHAR = re.compile(r"[\w-]")


def _r_ref(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule ref."""
    text = doc.text
    lw = low.strip()
    if lw.startswith("in "):
        s += 3
        lw = lw[3:]
    if lw.endswith("future"):
        if lw == "the future" and _OF_AFTER.match(text[e:e + 4]):
            return None  # "the future of the alliance": its fate, not a time
        val = "FUTURE_REF"
    elif lw in ("recently", "lately", "the past", "once upon a time") or lw.endswith("past"):
        val = "PAST_REF"
    elif lw in ("so far", "to date"):
        return None
    elif "term" in lw:
        # "in the near term", "in the short term": the time ahead; "near-term earnings" and
        # "short-term debt" are adjectives, not times
        if not _THE_TERM.fullmatch(lw) or _WORD_CHAR.match(text[e:e + 1]):
            return None
        val = "FUTURE_REF"
    elif lw == "a later date":
        val = "FUTURE_REF"
    else:
        val = "PRESENT_REF"
        if lw == "now":
            # "now" as a discourse particle ("Now, ...") or in "now-defunct": still PRESENT_REF
            pass
    return _mention(doc, s, e, "DATE", (val, None, None, "unknown"))


def _r_duration(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule duration."""
    return _duration(doc, s, e, span, low)


def _r_set(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule set."""
    return _set(doc, s, e, span, low)


# events that are scheduled ahead as often as reported after: "Monday's debate" takes the tense
_SCHEDULED_AFTER = re.compile(
    r"\s+(?:(?:first|second|third|final|next|big|key|crucial|planned|scheduled|expected)\s+)?"
    r"(?:meeting|talks|summit|session|vote|voting|deadline|election|game|match|debate|encounter|"
    r"hearing|showdown|primary|primaries|caucus|caucuses|speech|rally|visit|trip|launch|"
    r"opening|ceremony|conference|meeting|round|showing)\b", re.I)
# what may stand before a capitalised word that opens a sentence or a quotation
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|\n\s*|[\"“‘(\[`']\s*|(?:--|—|–|_)\s*)$")


_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")  # "USA TODAY"
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _title_word(text: str, s: int, span: str) -> bool:
    """A capitalised "Today", "Tonight" or "Tomorrow" inside a sentence is part of a name ("USA
    Today", "VOA Today", "the Today show", "The Tonight Show"), not a day."""
    first = span.split()[0]
    if first.isupper() and first in ("TODAY", "TONIGHT") and _CAPS_WORD_BEFORE.search(text[max(0, s - 8):s]):
        return True  # "USA TODAY"
    if not span[:1].isupper() or first not in ("Today", "Tonight", "Tomorrow", "This"):
        return False
    if s == 0 or _OPENS_SENTENCE.search(text[max(0, s - 12):s]):
        return False
    a, b = text.rfind("\n", 0, s) + 1, text.find("\n", s)
    words = _WORD.findall(text[a:b if b >= 0 else len(text)])
    caps = sum(w[0].isupper() for w in words)
    line = text[a:b if b >= 0 else len(text)].rstrip()
    # a headline in title case (no full stop) keeps its "Today"
    return caps < 0.6 * len(words) or line.endswith(".")


_TWO_WORDS_AFTER = re.compile(r"(?:['’]s)?\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_THE_NOUN_OF_BEFORE = re.compile(r"\bthe\s+\w+\s+of\s+$", re.I)  # "the leaders of tomorrow"


def _generic_day(text: str, s: int, e: int) -> bool:
    """ "today's world", "many of today's computers", "the people of tomorrow": the present or
    future age in general, which TimeML leaves unannotated."""
    if text[e:e + 2] in ("'s", "’s") or text[s:e].lower().endswith(("'s", "’s")):
        nxt = _TWO_WORDS_AFTER.match(text[e:e + 40])
        if nxt and any(w and w.lower() in GENERIC_AGE_NOUNS for w in nxt.groups()):
            return True
    return text[s:e].lower() == "tomorrow" and bool(_THE_NOUN_OF_BEFORE.search(text[max(0, s - 30):s]))


_MODAL_TO_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must|to)\s+$", re.I)
_DURATION_UNIT_END = re.compile(_UNIT_WORD + r"(?:[\s-]+(?:long|old))?$")
_HYPHEN_QUARTERS = re.compile(r"\w-quarters\b")  # "three-quarters"
# "a quarter of the market" (a fraction), not "a quarter of the year", "the fourth quarter of 1998"
_FRACTION_OF_AFTER = re.compile(r"\s+of\s+(?!(?:the\s+|this\s+|next\s+|last\s+)?(?:fiscal\s+)?(?:\d{4}|year)\b)")
_YEAR_WORD = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_A_SECOND_OR_MINUTE = re.compile(r"an? (?:second|minute)")  # with fullmatch
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_TIME_WORD_AFTER = re.compile(r"\s+(?:ago|later|earlier|or|and|before|after|from|to)\b")
_MORE_END = re.compile(r"\s+more$")
_DURATION_HEDGES = re.compile(
    r"^(?:(?:nearly|almost|about|around|roughly|approximately|more than|less than|fewer than|over|under|"
    r"at least|at most|up to|no more than|just|barely|only|another|an additional|the first|the last|"
    r"the past|the next|the previous|the coming|the following|the|full|whole|entire|each of the past)\s+)+")
_THE_UNIT = re.compile(r"the (?:year|month|week|day|quarter|decade|century)")  # with fullmatch
_THE_SHORT_UNIT = re.compile(r"(?:the )?(?:second|minute|hour)")  # with fullmatch
_A_UNIT = re.compile(r"an?[ -](?:second|minute|hour|day|week|month|year)")  # with fullmatch
# money, a number or a count right before "a day": "$5 a day", "2 million a year", "twice a week"
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|dollars?|cents?|barrels|times|once|twice|per|million|billion|thousand|hundreds?|dozens?)[\s-]*$", re.I)


@lru_cache(maxsize=4096)
def _duration_reading(span: str, low: str):
    """What a duration span says by itself (``low``: its form from _lowered), the checks that
    need no context done: (unit word, its quarters read as a fraction by a hyphen, a lone "a
    second"/"a minute", a lone "a <unit>", unit, time unit, count); None when it is no duration
    ("6-year-old", "the 1988 quarter", "60 Minutes", "the year")."""
    extra_half = low.endswith(" and a half")
    low = low.removesuffix(" and a half")
    um = _DURATION_UNIT_END.search(low)
    if not um:
        return None
    uw = um.group(1)
    if low.endswith("old"):
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeML
    if _YEAR_WORD.search(low):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if uw[0] != span[um.start()] and _DIGIT.match(low):
        return None  # "60 Minutes" (a title)
    unit = _unit_of(uw)
    time_unit = UNITS.get(uw.rstrip("s") if uw != "centuries" else "century", ("", False))[1]
    nstr = low[:um.start()].strip(" -")
    nstr = _MORE_END.sub("", nstr)
    # "the first/past/last/next N units" keep the modifier in the span
    core_n = _DURATION_HEDGES.sub("", nstr)
    if core_n in ("", "full", "whole", "entire"):
        n = 1.0 if not uw.endswith("s") or uw == "centuries" and False else None
        if uw.endswith("s") and uw not in ("hours",) and core_n == "":
            n = None
        if uw.endswith("s"):
            n = None
    elif core_n in VAGUE_NUMBERS or core_n in ("many", "several", "few"):  # plain words
        n = None
    else:
        n = _num(core_n)
        if n is None:
            return None
    # bare singular unit with only "the" ("the year", "the month") is anaphoric, not a duration
    if _THE_UNIT.fullmatch(low):
        return None
    if _THE_SHORT_UNIT.fullmatch(low):
        return None
    if extra_half and n is not None:
        n += 0.5
    return (uw, uw.startswith("quarter") and bool(_HYPHEN_QUARTERS.search(low)),
            bool(_A_SECOND_OR_MINUTE.fullmatch(low)), bool(_A_UNIT.fullmatch(low)),
            unit, time_unit, n)


def _duration(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    # money, percentages, scores are not durations ("$5 a year" is handled as a set elsewhere)
    if low == "one day" and _MODAL_TO_BEFORE.search(text[max(0, s - 12):s]):
        # "Islam will one day be ...", "hopes to one day lead": some day ahead, not 24 hours
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
    reading = _duration_reading(span, low)
    if reading is None:
        return None
    uw, hyphen_quarters, second_or_minute, a_unit, unit, time_unit, n = reading
    if uw.startswith("quarter") and (hyphen_quarters or _FRACTION_OF_AFTER.match(text[e:e + 30])):
        return None  # fractions: "about three-quarters of its food", "more than a quarter of the market"
    if second_or_minute and _LOWER_WORD_AFTER.match(text[e:e + 3]) \
            and not _TIME_WORD_AFTER.match(text[e:e + 8]):
        return None  # "a second round", "a minute silence"
    # "a day" right after money, a number or a counted noun ("$5 a day", "$2 million a year",
    # "700 seats a week", "hundreds of interviews a day") is a rate: a set
    if a_unit:
        before = text[max(0, s - 40):s]
        if _AMOUNT_BEFORE.search(before) \
                or _COUNTED_NOUN_BEFORE.search(before):
            return _mention(doc, s, e, "SET", (_pvalue(1, unit, time_unit), None, None, "unknown"))
    # scores and tallies never reach here (no unit); "12-year-old" keeps its age reading (P12Y)
    # ages: "a 12-year-old" keep DURATION; plain quantities like "50 days" are durations
    return _mention(doc, s, e, "DURATION", (_pvalue(n, unit, time_unit), None, None, "unknown"))


_COUNTED_NOUN_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|hundreds|thousands|dozens|of))\s+[a-z]+s\s*$", re.I)


_NAME_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")  # "the Communist Party daily"
_NEWSPAPER_AFTER = re.compile(r"\s+(?:newspaper|paper|[A-Z])")
_SET_UNIT_END = re.compile(_UNIT_WORD + "$")
# "every other three weeks": the count between "every/each" and the unit, the search ending where
# the unit begins (its endpos)
_EVERY_COUNT = re.compile(r"(?:every|each)\s+(?:other\s+)?(.+?)\s+$")


def _set(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}
    if low in ("quarterly", "annually", "yearly"):
        return None  # mostly payment terms ("quarterly dividend"), rarely annotated
    if low == "daily" and (_NAME_BEFORE.search(text[max(0, s - 20):s])
                           or _NEWSPAPER_AFTER.match(text[e:e + 12])):
        return None  # "the Communist Party daily Granma": a newspaper
    if low in simple:
        return _mention(doc, s, e, "SET", (simple[low], None, None, "unknown"))
    mm = _MONTH_NAME.search(span)
    if mm and mm.group()[0].isupper() and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{MONTHS[mm.group().lower().rstrip('.')]:02d}", None, None, "unknown"))
    sm = _SEASON_LOW.search(low)
    if sm and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{SEASONS[sm.group()]}", None, None, "unknown"))
    um = _SET_UNIT_END.search(low)
    if not um:
        return None
    unit = _unit_of(um.group(1))
    time_unit = UNITS.get(um.group(1).rstrip("s"), ("", False))[1]
    nm = _EVERY_COUNT.search(low, 0, um.start())
    n = 1
    if nm:
        n = int(_num(nm.group(1)) or 1)
    if "other" in low:
        n *= 2
    if unit == "Q":
        return _mention(doc, s, e, "SET", ("P1Q" if n == 1 else f"P{3 * n}M", None, None, "unknown"))
    if unit == "WE":
        return _mention(doc, s, e, "SET", ("XXXX-WXX-WE", None, None, "unknown"))
    return _mention(doc, s, e, "SET", (_pvalue(n, unit, time_unit), None, None, "unknown"))


# "the smallest gain in a year", "the first time in two years", "the highest level in six months":
# after a superlative or "first/only time", "in <units>" is the stretch up to now, not a date ahead
# "has not tapped the market in three years", "never ... in 37 years", "its first bond issue in
# 21 years" (unless the clause looks ahead: "the first flight will leave in two weeks")
_IN_NOT_BEFORE = re.compile(r"\b(?:not|no|never|n't|first|only)\b[^.;!?]{0,60}?\s+in\s+$", re.I)
_MODAL_BEFORE = re.compile(r"\b(?:could|might|may|can|should|would|will|shall|must)\b", re.I)
_IN_STRETCH_BEFORE = re.compile(
    r"\b(?:(?:first|only)\s+time|(?:biggest|largest|smallest|highest|lowest|strongest|weakest|"
    r"sharpest|steepest|fastest|slowest|best|worst|most|least|deepest|widest|heaviest|lightest|"
    r"longest|shortest|lowest|latest|greatest|hottest|coldest|busiest)\b[^.;!?]{0,40}?|"
    r"\b(?:first|only)(?:\s+(?!(?:will|would|could|may|might|can|shall|should|must|to|is|are|was|were)\b)[\w'’-]+){0,4})"
    r"\s+in\s+$", re.I)


HANDLERS = {
    "unit_end": _r_unit_end,
    "in_the_unit": _r_in_the_unit,
    "current_adj": _r_current_adj,
    "dpart_alone": _r_dpart_alone,
    "day_anaphor": _r_day_anaphor,
    "day_rel": _r_day_rel,
    "day_rel_poss": _r_day_rel,
    "day_dpart_rel": _r_day_rel,
    "dpart_day_rel": _r_day_rel,
    "wday_set": _r_wday_set,
    "wday": _r_wday,
    "ago": _r_ago,
    "ago_bare": _r_ago,
    "rel_unit": _r_rel_unit,
    "end_of": _r_rel_unit,
    "the_weekend": _r_the_weekend,
    "year_period": _r_year_period,
    "full_year": _r_full_year,
    "the_quarter": _r_the_quarter,
    "year_ago_adj": _r_year_ago_adj,
    "in_units": _r_in_units,
    "within": _r_within,
    "coming": _r_within,
    "recent_units": _r_recent_units,
    "ref": _r_ref,
    "duration": _r_duration,
    "set": _r_set,
}
