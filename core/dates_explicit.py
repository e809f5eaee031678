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
    _century, _day, _day_month_year, _decade, _early_late, _half, _month, _month_year, _quarter,
    _season, _spelled_year, _strip_mod, _week, _year, _year_of,
)
from core.dates_doc import TimeMention, _Doc, _mention, _unresolved


def _r_iso(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule iso."""
    d = dt.date.fromisoformat(span)
    return _mention(doc, s, e, "DATE", _day(d))


def _r_numeric(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule numeric."""
    a, b, y = re.split(r"[/.-]", span)
    a, b, y = int(a), int(b), int(y)
    sep = re.search(r"[/.-]", span).group()
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


def _r_mdy(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules mdy, dmy, wday_date."""
    text, ref = doc.text, doc.ref
    mod, rest = _strip_mod(span)
    mm = re.search(MON, rest, re.I)
    if not mm:
        return None
    month = MONTHS[mm.group().lower().rstrip(".")]
    if rule == "mdy" and not mm.group()[0].isupper():
        return None
    other = rest[:mm.start()] + " " + rest[mm.end():]
    dm = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", other)
    day = None
    if dm:
        day = int(dm.group(1))
    else:
        om = re.search(_alt(ORDINALS), other, re.I)
        if om:
            day = ORDINALS.get(re.sub(r"\s+", "-", om.group().lower()))
    ym = re.search(r"(?:1[0-9]|20)\d\d", other)
    year = int(ym.group()) if ym else None
    if day is None:
        return None
    # "May 5" where "May" could be the verb: require a capital M (checked) and a plausible day
    if mm.group().lower() == "may" and not ym and re.match(r"\s+\d+\s*(?:%|percent|per|people|\w+s\b)", rest[mm.end():], re.I):
        return None
    # "June 20 percent": the number belongs to something else
    after = text[e:e + 12].lower()
    if not ym and re.match(r"\s*(?:%|percent|per\s?cent|million|billion|points?)", after):
        return None
    if year is None:
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}-{day:02d}", "day"))
        wdm = re.search(WDAY, span, re.I)
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


def _r_my(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules my, my_rel, month."""
    text, ref = doc.text, doc.ref
    mod, rest = _strip_mod(span)
    mm = re.match(MON, rest, re.I)
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
        if re.search(r"\blast\s+$", before):
            y = ref.year if month < ref.month else ref.year - 1
            s = s - len(re.search(r"last\s+$", before).group())
        elif re.search(r"\bnext\s+$", before):
            y = ref.year if month > ref.month else ref.year + 1
            s = s - len(re.search(r"next\s+$", before).group())
        elif re.search(r"\bthis\s+$", before):
            y = ref.year
            s = s - len(re.search(r"this\s+$", before).group())
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
    sm = re.search(SEASON, rest, re.I)
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
    mod = re.search(r"early|late|mid", low)
    code = SEASONS[re.search(SEASON, low).group()]
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


def _r_the_unit(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule the_unit."""
    text, ref = doc.text, doc.ref
    if re.match(r"\s+(?:ended|ending|to)\b", text[e:e + 8]):
        return _mention(doc, s, e, "DURATION", ("P1Y" if low.endswith("year") else "P1W", None, None, "unknown"))
    if ref is None:
        return None
    if low.endswith("year"):
        return _mention(doc, s, e, "DATE", _year(ref.year))
    a = doc.last_day(s, 1500)  # "Stocks fell on Friday. For the week, ...": that day's week
    return _mention(doc, s, e, "DATE", _week(a.first if a is not None else ref))


def _r_quarter(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rules quarter, qcode."""
    ref = doc.ref
    qm = re.search(r"first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]", low)
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


def _r_half(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule half."""
    ref = doc.ref
    h = 1 if re.search(r"first|1st", low) else 2
    dm = re.search(r"of the ((?:1[0-9]|20)\d)0'?s$|of the '(\d)0s$", low)
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


def _r_decade(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule decade."""
    ref = doc.ref
    m4 = re.search(r"((?:1[0-9]|20)\d)0['’]?s", span)
    if m4:
        d3 = int(m4.group(1))
    else:
        m2 = re.search(r"['’](\d)0s", span)
        if m2:
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XX{m2.group(1)}", "year"))
            d = int(m2.group(1))
            c = ref.year // 100
            d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
        else:
            wm = re.search(_alt(DECADE_WORDS), low)
            if not wm or not re.match(r"(?:the\s+|(?:early|mid|late)[\s-]+)", low):
                return None
            d = DECADE_WORDS[wm.group()]
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XX{d}", "year"))
            c = ref.year // 100
            d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
    mod = re.search(r"early|mid|late", low)
    return _mention(doc, s, e, "DATE", _early_late(_decade(d3), mod.group() if mod else None))


def _r_century(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule century."""
    nm = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    n = int(nm.group(1)) if nm else ORDINALS.get(re.search(_alt(ORDINALS), low).group())
    if not n:
        return None
    mod = re.search(r"early|mid|late", low)
    return _mention(doc, s, e, "DATE", _early_late(_century(n - 1), mod.group() if mod else None))


def _step(low: str) -> int:
    """-1 for a last/past/previous century or decade, +1 for a next/coming one, 0 for this one."""
    return -1 if re.search(r"last|past|previous", low) else 1 if re.search(r"next|coming", low) else 0


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


def _r_year_mod(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_mod."""
    ref = doc.ref
    mod, rest = _strip_mod(span)
    y = _year_of(rest, ref)
    if y is None:
        return None
    if re.search(r"\bfiscal\b", low):
        return _mention(doc, s, e, "DATE", _year(y))
    if mod in ("the end of", "end") and ref is not None and y == ref.year:
        return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))
    return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))


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
    if QUANTITY_AFTER_NUMBER.match(text, e) or re.search(r"(?:[$£€¥#]|\bUS|\bNo\.?|\bnumber|\bRoute|\bFlight|\bRoom)\s*$", text[max(0, s - 8):s]):
        return None
    # "seized 2000 rifles": a count, unless a determiner makes it a year ("the 2024 elections")
    if re.match(r"\s+[a-z]+s\b", text[e:e + 25]) and not re.search(
            r"(?:\b(?:the|in|of|since|by|its|their|his|her|our|a|an|from|until|for|before|after)|['’]s)\s+$",
            text[max(0, s - 12):s], re.I):
        return None
    # a number in a list of numbers or a score/tally ("1990-1991" stays a year range)
    if re.match(r"\s*(?:to|-|–)\s*\d{1,3}\b(?!\d)", text[e:e + 8]) and not re.match(r"\s*(?:-|–)\s*\d\d\b", text[e:e + 6]):
        return None
    if ref is not None and y > ref.year + 60:
        return None
    return _mention(doc, s, e, "DATE", _year(y))


def _r_year_spelled(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule year_spelled."""
    n = _spelled_year(re.sub(r"^the year ", "", low))
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


def _r_holiday(doc: _Doc, rule: str, s: int, e: int, span: str, low: str) -> TimeMention | None:
    """Rule holiday."""
    ref = doc.ref
    name = next((h for h in sorted(HOLIDAYS, key=len, reverse=True) if h.lower() in span.lower().replace("’", "'") or h.lower() in span.lower()), None) \
        or _holiday_in(low)
    if name is None:
        return None
    if name.lower() == "may day" and not span[0].isupper():
        return None
    if re.match(r"\s+(?!(?:Day|Eve|Sunday|Monday|Week|Weekend)\b)[A-Z][a-z]", doc.text[e:e + 4]):
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


def _month_alone_ok(text: str, s: int, e: int, mword: str, mod: str | None) -> bool:
    """A month name with no day or year: reject verbs and names ("may", "March on", "April Smith")."""
    low = mword.lower().rstrip(".")
    after = text[e:e + 20]
    before = text[max(0, s - 25):s]
    # followed by a capitalised word: probably a name ("June Carter", "August Company")
    if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:I|The|A|In|On|At)\b", after):
        if not _PREP_BEFORE.search(before):
            return False
    if low in ("may", "march"):
        # only after a preposition / modifier: "in May", "since March", "early May", "last March"
        return bool(mod) or bool(_PREP_BEFORE.search(before)) and not re.match(r"\s+(?:be|have|not|also|well|still|never)\b", after, re.I)
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
