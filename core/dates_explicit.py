"""Handlers of core.dates rules for dates written out: ISO and numeric dates, day-month-year,
months, seasons, quarters, halves, decades, centuries, years, holidays. Each handler returns the
TimeMention its rule makes of text[s:e], or None."""
from __future__ import annotations

import datetime as dt
import re

from core.dates_words import (
    DECADE_WORDS, HOLIDAYS, MONTHS, ORDINALS, QUANTITY_AFTER_NUMBER, QUARTER_WORDS, SEASONS,
    WEEKDAYS,
)
from core.dates_grammar import MON, SEASON, WDAY, _alt
from core.dates_calendar import (
    _SPACES, _YEAR_DIGITS, _century, _day, _day_month_year, _decade, _early_late, _half, _month,
    _month_year, _quarter, _season, _spelled_year, _strip_mod, _week, _year, _year_of,
)
from core.dates_doc import TimeMention, _Doc, _mention, _unresolved

# patterns the handlers read their spans with (compiled here, once, not while documents are read)
_MONTH_NAME = re.compile(MON, re.I)
_WEEKDAY_NAME = re.compile(WDAY, re.I)
_SEASON_NAME = re.compile(SEASON, re.I)
_SEASON_LOW = re.compile(SEASON)  # in a lower-cased span
_ORDINAL_WORD = re.compile(_alt(ORDINALS), re.I)
_ORDINAL_LOW = re.compile(_alt(ORDINALS))  # in a lower-cased span
_DECADE_WORD_LOW = re.compile(_alt(DECADE_WORDS))  # in a lower-cased span
_EARLY_MID_LATE = re.compile(r"early|mid|late")


def _r_iso(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule iso."""
    d = dt.date.fromisoformat(span)
    return _mention(doc, s, e, "DATE", _day(d))


_DATE_SEPARATOR = re.compile(r"[/.-]")


def _r_numeric(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule numeric."""
    a, b, y = _DATE_SEPARATOR.split(span)
    a, b, y = int(a), int(b), int(y)
    sep = _DATE_SEPARATOR.search(span).group()
    if a > 12:
        d_, m_ = a, b
    elif b > 12:
        m_, d_ = a, b
    elif sep == "/":
        m_, d_ = a, b
    else:
        d_, m_ = a, b
    try:
        return _mention(doc, s, e, "DATE", _day(dt.date(y, m_, d_)))
    except ValueError:
        return None


_DAY_NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
# "may 20 percent", "May 5 people": a number of something after "may", not a day of May
_COUNT_AFTER_MAY = re.compile(r"\s+\d+\s*(?:%|percent|per|people|\w+s\b)", re.I)
_QUANTITY_AFTER = re.compile(r"\s*(?:%|percent|per\s?cent|million|billion|points?)")  # lower-cased


def _r_mdy(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules mdy, dmy, wday_date."""
    text, ref = doc.text, doc.ref
    mod, rest = _strip_mod(span)
    mm = _MONTH_NAME.search(rest)
    if not mm:
        return None
    month = MONTHS[mm.group().lower().rstrip(".")]
    if rule == "mdy" and not mm.group()[0].isupper():
        return None
    other = rest[:mm.start()] + " " + rest[mm.end():]
    dm = _DAY_NUMBER.search(other)
    day = None
    if dm:
        day = int(dm.group(1))
    else:
        om = _ORDINAL_WORD.search(other)
        if om:
            day = ORDINALS.get(_SPACES.sub("-", om.group().lower()))
    ym = _YEAR_DIGITS.search(other)
    year = int(ym.group()) if ym else None
    if day is None:
        return None
    # "May 5" where "May" could be the verb: require a capital M (checked) and a plausible day
    if mm.group().lower() == "may" and not ym and _COUNT_AFTER_MAY.match(rest[mm.end():]):
        return None
    # "June 20 percent": the number belongs to something else
    after = text[e:e + 12].lower()
    if not ym and _QUANTITY_AFTER.match(after):
        return None
    if year is None:
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}-{day:02d}", "day"))
        wdm = _WEEKDAY_NAME.search(span)
        if wdm:  # the weekday pins the year: pick the nearest year where it matches
            wd = WEEKDAYS[wdm.group().lower()]
            cands = []
            for yy in (ref.year - 1, ref.year, ref.year + 1):
                try:
                    c = dt.date(yy, month, day)
                except ValueError:
                    continue
                if c.isoweekday() == wd:
                    cands.append(c)
            if cands:
                c = min(cands, key=lambda c: abs((c - ref).days))
                return _mention(doc, s, e, "DATE", _day(c))
        year = _day_month_year(ref, month, day, *doc.tense2(s, e))
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if mod and rule == "mdy" and mod in ("early", "earlier", "late", "later"):
        pass
    return _mention(doc, s, e, "DATE", _day(d))


# "last March", "next May", "this June": the word before a month, in the lower-cased text before it
_LAST_BEFORE = re.compile(r"\blast\s+$")
_NEXT_BEFORE = re.compile(r"\bnext\s+$")
_THIS_BEFORE = re.compile(r"\bthis\s+$")


def _r_my(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules my, my_rel, month."""
    text, ref = doc.text, doc.ref
    mod, rest = _strip_mod(span)
    mm = _MONTH_NAME.match(rest)
    if not mm:
        return None
    mword = mm.group()
    if not mword[0].isupper():
        return None
    month = MONTHS[mword.lower().rstrip(".")]
    if rule == "month":
        if not _month_alone_ok(text, s, e, mword, mod):
            return None
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}", "month"))
        tense, dist = doc.tense2(s, e)
        before = text[max(0, s - 12):s].lower()
        if wm := _LAST_BEFORE.search(before):
            y = ref.year if month < ref.month else ref.year - 1
            s = s - len(wm.group())
        elif wm := _NEXT_BEFORE.search(before):
            y = ref.year if month > ref.month else ref.year + 1
            s = s - len(wm.group())
        elif wm := _THIS_BEFORE.search(before):
            y = ref.year
            s = s - len(wm.group())
        else:
            y = _month_year(ref, month, tense, dist)
        return _mention(doc, s, e, "DATE", _early_late(_month(y, month), mod))
    if rule == "my":
        y = _year_of(rest, ref)
    else:
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}", "month"))
        y = ref.year + (-1 if "last" in low else 1 if "next" in low else 0)
    return _mention(doc, s, e, "DATE", _early_late(_month(y, month), mod))


def _r_season_year(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules season_year, season_rel."""
    ref = doc.ref
    mod, rest = _strip_mod(span)
    sm = _SEASON_NAME.search(rest)
    code = SEASONS[sm.group().lower()]
    if rule == "season_year":
        y = _year_of(rest, ref)
        return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod))
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{code}", "quarter"))
    rel = rest[:sm.start()].strip().lower()
    # the season containing ref, or this year's
    cur_y = ref.year - 1 if (code == "WI" and ref.month <= 2) else ref.year
    first = _season(cur_y, code)[1]
    last = _season(cur_y, code)[2]
    if rel in ("last", "past", "previous"):
        y = cur_y if last < ref else cur_y - 1
    elif rel in ("next", "coming", "this coming", "upcoming", "following"):
        y = cur_y if first > ref else cur_y + 1
    else:
        y = cur_y
    return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod))


def _r_the_season(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule the_season."""
    ref = doc.ref
    if ref is None or span[-1].isupper():
        return None
    mod = _EARLY_MID_LATE.search(low)
    code = SEASONS[_SEASON_LOW.search(low).group()]
    cur_y = ref.year - 1 if (code == "WI" and ref.month <= 2) else ref.year
    first, last = _season(cur_y, code)[1:3]
    tense = doc.tense(s, e)
    if first <= ref <= last:
        y = cur_y
    elif tense == "future":
        y = cur_y if first > ref else cur_y + 1
    elif tense == "past":
        y = cur_y if last < ref else cur_y - 1
    else:  # the nearer one
        before = cur_y if last < ref else cur_y - 1
        after = cur_y if first > ref else cur_y + 1
        y = before if (ref - _season(before, code)[2]).days <= (_season(after, code)[1] - ref).days else after
    return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod.group() if mod else None))


_ENDED_AFTER = re.compile(r"\s+(?:ended|ending|to)\b")  # "the year ended March 31": a length


def _r_the_unit(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule the_unit."""
    text, ref = doc.text, doc.ref
    if _ENDED_AFTER.match(text[e:e + 8]):
        return _mention(doc, s, e, "DURATION", ("P1Y" if low.endswith("year") else "P1W", None, None, "unknown"))
    if ref is None:
        return None
    if low.endswith("year"):
        return _mention(doc, s, e, "DATE", _year(ref.year))
    a = doc.last_day(s, 1500)  # "Stocks fell on Friday. For the week, ...": that day's week
    return _mention(doc, s, e, "DATE", _week(a.first if a is not None else ref))


_QUARTER_NUMBER = re.compile(r"first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]")


def _r_quarter(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules quarter, qcode."""
    ref = doc.ref
    qm = _QUARTER_NUMBER.search(low)
    q = QUARTER_WORDS[qm.group()]
    if low.endswith("quarters"):
        return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-Q{q}"))
    y = _year_of(span, ref)
    if y is None and ref is not None:
        if "last year" in low:
            y = ref.year - 1
        elif "next year" in low:
            y = ref.year + 1
        elif "this year" in low:
            y = ref.year
        else:
            cq = (ref.month - 1) // 3 + 1
            if q < cq:
                y = ref.year
            elif q == cq:
                y = ref.year
            else:
                y = ref.year if doc.tense(s, e) == "future" else ref.year - 1
    if y is None:
        return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-Q{q}", "quarter"))
    return _mention(doc, s, e, "DATE", _quarter(y, q))


_FIRST = re.compile(r"first|1st")
_OF_DECADE_END = re.compile(r"of the ((?:1[0-9]|20)\d)0'?s$|of the '(\d)0s$")  # "... of the 1980s/'80s"


def _r_half(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule half."""
    ref = doc.ref
    h = 1 if _FIRST.search(low) else 2
    dm = _OF_DECADE_END.search(low)
    if dm:  # "the last half of the '80s": the decade, its early or late half
        if dm.group(1):
            d3 = int(dm.group(1))
        elif ref is not None:
            c = ref.year // 100
            d3 = c * 10 + int(dm.group(2)) if c * 100 + int(dm.group(2)) * 10 <= ref.year else (c - 1) * 10 + int(dm.group(2))
        else:
            return _mention(doc, s, e, "DATE", _unresolved(f"XX{dm.group(2)}", "year"))
        v = _decade(d3)
        mid = dt.date(d3 * 10 + 5, 1, 1)
        return _mention(doc, s, e, "DATE", (v[0], v[1] if h == 1 else mid, mid - dt.timedelta(days=1) if h == 1 else v[2], "year"))
    y = _year_of(span, ref)
    if y is None and ref is not None:
        y = ref.year - 1 if "last year" in low else ref.year + 1 if "next year" in low else ref.year
        if "the year" not in low and "this year" not in low and "last year" not in low and h == 2 and ref.month <= 6 and doc.tense(s, e) == "past":
            y = ref.year - 1
    if y is None:
        return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-H{h}", "quarter"))
    return _mention(doc, s, e, "DATE", _half(y, h))


_DECADE_DIGITS = re.compile(r"((?:1[0-9]|20)\d)0['’]?s")  # "1980s", "1980's"
_DECADE_SHORT = re.compile(r"['’](\d)0s")  # "'80s"
_DECADE_WORD_OPENING = re.compile(r"(?:the\s+|(?:early|mid|late)[\s-]+)")  # "the eighties", "mid-eighties"


def _r_decade(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule decade."""
    ref = doc.ref
    m4 = _DECADE_DIGITS.search(span)
    if m4:
        d3 = int(m4.group(1))
    else:
        m2 = _DECADE_SHORT.search(span)
        if m2:
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XX{m2.group(1)}", "year"))
            d = int(m2.group(1))
            c = ref.year // 100
            d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
        else:
            wm = _DECADE_WORD_LOW.search(low)
            if not wm or not _DECADE_WORD_OPENING.match(low):
                return None
            d = DECADE_WORDS[wm.group()]
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XX{d}", "year"))
            c = ref.year // 100
            d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
    mod = _EARLY_MID_LATE.search(low)
    return _mention(doc, s, e, "DATE", _early_late(_decade(d3), mod.group() if mod else None))


_CENTURY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")  # "21st"


def _r_century(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule century."""
    nm = _CENTURY_NUMBER.search(low)
    n = int(nm.group(1)) if nm else ORDINALS.get(_ORDINAL_LOW.search(low).group())
    if not n:
        return None
    mod = _EARLY_MID_LATE.search(low)
    return _mention(doc, s, e, "DATE", _early_late(_century(n - 1), mod.group() if mod else None))


_BACK = re.compile(r"last|past|previous")
_ON = re.compile(r"next|coming")


def _step(low: str) -> int:
    """-1 for a last/past/previous century or decade, +1 for a next/coming one, 0 for this one."""
    return -1 if _BACK.search(low) else 1 if _ON.search(low) else 0


def _r_rel_century(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule rel_century."""
    ref = doc.ref
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XX", "year"))
    return _mention(doc, s, e, "DATE", _century(ref.year // 100 + _step(low)))


def _r_rel_decade(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule rel_decade."""
    ref = doc.ref
    if ref is None:
        return _mention(doc, s, e, "DATE", _unresolved("XXX", "year"))
    if low.startswith("the") and "past" in low:
        # "the past decade" = the ten years up to now: a duration in TimeML
        return _mention(doc, s, e, "DURATION", ("P1E", None, None, "unknown"))
    return _mention(doc, s, e, "DATE", _decade(ref.year // 10 + _step(low)))


_FISCAL = re.compile(r"\bfiscal\b")


def _r_year_mod(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_mod."""
    ref = doc.ref
    mod, rest = _strip_mod(span)
    y = _year_of(rest, ref)
    if y is None:
        return None
    if _FISCAL.search(low):
        return _mention(doc, s, e, "DATE", _year(y))
    if mod in ("the end of", "end") and ref is not None and y == ref.year:
        return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))
    return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))


# a number after these is no year: "$2000", "No. 1990", "Route 1966", "Flight 1549"
_NUMBER_MARK_BEFORE = re.compile(r"(?:[$£€¥#]|\bUS|\bNo\.?|\bnumber|\bRoute|\bFlight|\bRoom)\s*$")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")  # "2000 rifles"
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|in|of|since|by|its|their|his|her|our|a|an|from|until|for|before|after)|['’]s)\s+$", re.I)
_TO_NUMBER_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d{1,3}\b(?!\d)")  # "1990 to 12", "2000-15": a list or a score
_DASH_TWO_DIGITS_AFTER = re.compile(r"\s*(?:-|–)\s*\d\d\b")  # "1990-91": a range of years


def _r_year(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year."""
    text, ref = doc.text, doc.ref
    if span[0] in "'’":
        if ref is None:
            return None
        yy = int(span[1:])
        c = ref.year // 100 * 100
        y = c + yy if c + yy <= ref.year + 10 else c - 100 + yy
        return _mention(doc, s, e, "DATE", _year(y))
    y = int(span)
    if QUANTITY_AFTER_NUMBER.match(text, e) or _NUMBER_MARK_BEFORE.search(text[max(0, s - 8):s]):
        return None
    # "seized 2000 rifles": a count, unless a determiner makes it a year ("the 2024 elections")
    if _PLURAL_AFTER.match(text[e:e + 25]) and not _DETERMINER_BEFORE.search(text[max(0, s - 12):s]):
        return None
    # a number in a list of numbers or a score/tally ("1990-1991" stays a year range)
    if _TO_NUMBER_AFTER.match(text[e:e + 8]) and not _DASH_TWO_DIGITS_AFTER.match(text[e:e + 6]):
        return None
    if ref is not None and y > ref.year + 60:
        return None
    return _mention(doc, s, e, "DATE", _year(y))


_THE_YEAR = re.compile(r"^the year ")


def _r_year_spelled(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_spelled."""
    n = _spelled_year(_THE_YEAR.sub("", low))
    if n is None:
        return None
    return _mention(doc, s, e, "DATE", _year(n))


def _holiday_in(low: str, at_start: bool = False) -> str | None:
    """The longest holiday named in ``low`` (a span lower-cased, its whitespace runs as single
    spaces, ’ as '), or at its start: for a name split by a line break or a double space
    ("New Year's\nEve"), which the look-ups in the span itself miss."""
    for h in sorted(HOLIDAYS, key=len, reverse=True):
        key = h.lower().replace("’", "'")
        if low.startswith(key) if at_start else key in low:
            return h
    return None


def _r_holiday_week(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule holiday_week."""
    ref = doc.ref
    # "as Easter week began": the week of the nearest such holiday, whatever the tense
    if ref is None:
        return None
    name = next((h for h in sorted(HOLIDAYS, key=len, reverse=True) if span.lower().replace("’", "'").startswith(h.lower().replace("’", "'"))), None) \
        or _holiday_in(low, at_start=True)
    if name is None:
        return None
    day = min((_holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)), key=lambda d: abs((d - ref).days))
    return _mention(doc, s, e, "DATE", _week(day))


# "Easter Island", "Christmas Island": a capitalised word after a holiday makes it a name
_NAME_AFTER_HOLIDAY = re.compile(r"\s+(?!(?:Day|Eve|Sunday|Monday|Week|Weekend)\b)[A-Z][a-z]")


def _r_holiday(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule holiday."""
    ref = doc.ref
    name = next((h for h in sorted(HOLIDAYS, key=len, reverse=True) if h.lower() in span.lower().replace("’", "'") or h.lower() in span.lower()), None) \
        or _holiday_in(low)
    if name is None:
        return None
    if name.lower() == "may day" and not span[0].isupper():
        return None
    if _NAME_AFTER_HOLIDAY.match(doc.text[e:e + 4]):
        return None  # "Easter Island", "Christmas Island", "Independence Hall": a name
    y = _year_of(span, ref)
    if y is None:
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX", "day"))
        cands = [_holiday_date(name, yy) for yy in (ref.year - 1, ref.year, ref.year + 1)]
        if low.startswith("last"):
            c = max(c for c in cands if c < ref)
        elif low.startswith("next"):
            c = min(c for c in cands if c > ref)
        else:
            tense, dist = doc.tense2(s, e)
            past = max(c for c in cands if c <= ref)
            fut = min(c for c in cands if c >= ref)
            if tense == "future":
                c = fut
            elif tense == "past":
                c = past
            else:
                c = past if (ref - past) <= (fut - ref) else fut
        return _mention(doc, s, e, "DATE", _day(c))
    return _mention(doc, s, e, "DATE", _day(_holiday_date(name, y)))


def _holiday_date(name: str, y: int) -> dt.date:
    rule = HOLIDAYS[name]
    if isinstance(rule, tuple):
        return dt.date(y, *rule)
    if rule == "thanksgiving":  # fourth Thursday of November (US)
        d = dt.date(y, 11, 1)
        return d + dt.timedelta(days=(3 - d.weekday()) % 7 + 21)
    if rule == "election":  # Tuesday after the first Monday of November (US)
        d = dt.date(y, 11, 2)
        return d + dt.timedelta(days=(1 - d.weekday()) % 7)
    # Easter (anonymous Gregorian computus)
    a, b, c = y % 19, y // 100, y % 100
    d_, e_ = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d_ - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e_ + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    easter = dt.date(y, month, day + 1)
    return easter - dt.timedelta(days=2) if rule == "good_friday" else easter


_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|by|until|till|through|during|from|to|before|after|early|late|mid|last|next|"
    r"this|that|since|between|and|or|nor|around|about|in\s+early|in\s+late|until\s+early|last|every|each|the)\s+|-)$",
    re.I)
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")
_SENTENCE_OPENER_AFTER = re.compile(r"\s+(?:I|The|A|In|On|At)\b")
_VERB_WORD_AFTER = re.compile(r"\s+(?:be|have|not|also|well|still|never)\b", re.I)  # "may be", "March also"


def _month_alone_ok(text: str, s: int, e: int, mword: str, mod: str | None) -> bool:
    """A month name with no day or year: reject verbs and names ("may", "March on", "April Smith")."""
    low = mword.lower().rstrip(".")
    after = text[e:e + 20]
    before = text[max(0, s - 25):s]
    # followed by a capitalised word: probably a name ("June Carter", "August Company")
    if _CAPITALISED_AFTER.match(after) and not _SENTENCE_OPENER_AFTER.match(after):
        if not _PREP_BEFORE.search(before):
            return False
    if low in ("may", "march"):
        # only after a preposition / modifier: "in May", "since March", "early May", "last March"
        return bool(mod) or bool(_PREP_BEFORE.search(before)) and not _VERB_WORD_AFTER.match(after)
    # sentence-initial month with no preposition is fine ("January was ...")
    return True


HANDLERS = {
    "iso": _r_iso,
    "numeric": _r_numeric,
    "mdy": _r_mdy,
    "dmy": _r_mdy,
    "wday_date": _r_mdy,
    "my": _r_my,
    "my_rel": _r_my,
    "month": _r_my,
    "season_year": _r_season_year,
    "season_rel": _r_season_year,
    "the_season": _r_the_season,
    "the_unit": _r_the_unit,
    "quarter": _r_quarter,
    "qcode": _r_quarter,
    "half": _r_half,
    "decade": _r_decade,
    "century": _r_century,
    "rel_century": _r_rel_century,
    "rel_decade": _r_rel_decade,
    "year_mod": _r_year_mod,
    "year": _r_year,
    "year_spelled": _r_year_spelled,
    "holiday_week": _r_holiday_week,
    "holiday": _r_holiday,
}
