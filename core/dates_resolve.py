"""Resolution of one matched rule into a TimeMention (core.dates): the handlers of every rule,
the document state they share (_Doc: mentions so far, anchors) and their checks."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from core.dates_words import (
    DAYPARTS, DECADE_WORDS, GENERIC_AGE_NOUNS, HOLIDAYS, MONTHS, ORDINALS,
    QUANTITY_AFTER_NUMBER, QUARTER_WORDS, REL_PAST, SEASONS, UNITS, VAGUE_NUMBERS, WEEKDAYS,
    WEEKS_AGO_AS_WEEK,
)
from core.dates_grammar import MON, SEASON, TIME_CLOCK, WDAY, _RULE_RE, _alt
from core.dates_index import _ALL_RULES, _match_at
from core.dates_tense import _is_deadline, _is_planned_for, _sentence_bounds, _tense_strength
from core.dates_calendar import (
    _add_months, _century, _day, _day_month_year, _decade, _early_late, _half, _month,
    _month_year, _num, _pvalue, _quarter, _season, _shift, _spelled_year, _strip_mod,
    _tense_dir, _unit_of, _week, _weekday_date, _weekend, _year, _year_of,
)


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
            return ("present", 99) if re.search(r"(?:^|[.!?]\s+)Until\s+(?:\S+\s+)?$", before) else ("future", 0)
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


def _handle(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    text, ref = doc.text, doc.ref
    span = text[s:e]
    low = re.sub(r"\s+", " ", span.lower()).replace("’", "'")
    rx = _RULE_RE[rule]

    if rule == "iso":
        d = dt.date.fromisoformat(span)
        return _mention(doc, s, e, "DATE", _day(d))

    if rule == "numeric":
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

    if rule in ("mdy", "dmy", "wday_date"):
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

    if rule in ("my", "my_rel", "month"):
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

    if rule in ("season_year", "season_rel"):
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

    if rule == "the_season":
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

    if rule == "the_unit":
        if re.match(r"\s+(?:ended|ending|to)\b", text[e:e + 8]):
            return _mention(doc, s, e, "DURATION", ("P1Y" if low.endswith("year") else "P1W", None, None, "unknown"))
        if ref is None:
            return None
        if low.endswith("year"):
            return _mention(doc, s, e, "DATE", _year(ref.year))
        a = doc.last_day(s, 1500)  # "Stocks fell on Friday. For the week, ...": that day's week
        return _mention(doc, s, e, "DATE", _week(a.first if a is not None else ref))

    if rule in ("quarter", "qcode"):
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

    if rule == "half":
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

    if rule == "decade":
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

    if rule == "century":
        nm = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
        n = int(nm.group(1)) if nm else ORDINALS.get(re.search(_alt(ORDINALS), low).group())
        if not n:
            return None
        mod = re.search(r"early|mid|late", low)
        return _mention(doc, s, e, "DATE", _early_late(_century(n - 1), mod.group() if mod else None))

    if rule == "rel_century":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XX", "year"))
        c = ref.year // 100
        if re.search(r"last|past|previous", low):
            c -= 1
        elif re.search(r"next|coming", low):
            c += 1
        return _mention(doc, s, e, "DATE", _century(c))

    if rule == "rel_decade":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXX", "year"))
        d3 = ref.year // 10
        if re.search(r"last|past|previous", low):
            if low.startswith("the") and "past" in low:
                # "the past decade" = the ten years up to now: a duration in TimeML
                return _mention(doc, s, e, "DURATION", ("P1E", None, None, "unknown"))
            d3 -= 1
        elif re.search(r"next|coming", low):
            d3 += 1
        return _mention(doc, s, e, "DATE", _decade(d3))

    if rule == "year_mod":
        mod, rest = _strip_mod(span)
        y = _year_of(rest, ref)
        if y is None:
            return None
        if re.search(r"\bfiscal\b", low):
            return _mention(doc, s, e, "DATE", _year(y))
        if mod in ("the end of", "end") and ref is not None and y == ref.year:
            return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))
        return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))

    if rule == "year":
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

    if rule == "year_spelled":
        n = _spelled_year(re.sub(r"^the year ", "", low))
        if n is None:
            return None
        return _mention(doc, s, e, "DATE", _year(n))

    if rule == "unit_end":
        s += len(re.match(r"(?:(?:around|about|by|at|until|before)\s+)?", span, re.I).group())
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        # "since year-end" in a report on this year's figures: the end of last year
        y = ref.year - 1 if re.search(r"\bsince\s+$", text[max(0, s - 8):s], re.I) or ref.month == 1 else ref.year
        return _mention(doc, s, e, "DATE", _early_late(_year(y), "the end of"))

    if rule == "in_the_unit":
        if ref is None:
            return None
        unit = low.rsplit(" ", 1)[1]
        v = _year(ref.year) if unit == "year" else _month(ref.year, ref.month) if unit == "month" else _week(ref)
        return _mention(doc, s, e, "DATE", v)

    if rule == "current_adj":
        return _mention(doc, s, e, "DATE", ("PRESENT_REF", None, None, "unknown"))

    if rule == "dpart_alone":
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

    if rule == "day_anaphor":
        # the day of the latest dated mention nearby (chains allowed: "the next day ... the
        # following morning"); none nearby: no date
        a = doc.last_day(s, 1500)
        k = 1 if re.search(r"next|following", low) else -1 if "previous" in low else 0
        b = doc.last_anchor()
        if k == 0 and b is not None and _near(doc, b, s, 400) and (a is None or b.start > a.start) \
                and b.precision in ("month", "year") and re.fullmatch(r"\d{4}(?:-\d\d)?", b.value) \
                and doc.tense(s, e) == "past":
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

    if rule in ("day_rel", "day_rel_poss", "day_dpart_rel", "dpart_day_rel"):
        if low in ("today's", "tomorrow's", "today", "tomorrow") and _generic_day(text, s, e):
            return None  # "in today's world", "the leaders of tomorrow": the present age, no day
        if rule == "day_rel_poss":
            e = s + len(span) - 2
            low = low[:-2]
        if "day before yesterday" in low:
            k = -2
        elif "day after tomorrow" in low:
            k = 2
        elif "yesterday" in low or re.search(r"last (?:morning|afternoon|evening|night)", low):
            k = -1
        elif "tomorrow" in low:
            k = 1
        else:
            k = 0
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}\b", low):
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

    if rule == "wday_set":
        wm = re.search(WDAY, span, re.I)
        if not wm or not wm.group()[0].isupper():
            return None
        wd = WEEKDAYS[wm.group().lower()]
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}s?\b", low):
                part = code
        return _mention(doc, s, e, "SET", ("XXXX-WXX-%d" % wd + (f"T{part}" if part else ""), None, None, "unknown"))

    if rule == "wday":
        wm = re.search(WDAY, span, re.I)
        if not wm or not wm.group()[0].isupper():
            return None
        if wm.start() == 0 and re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I) \
                and re.match(r"\s+[A-Z][a-z]", text[e:e + 4]):
            return None  # "the Sunday Herald": a title
        if low.endswith("'s") or low.endswith("’s"):
            pass
        wd = WEEKDAYS[wm.group().lower()]
        pre = low[:wm.start()].strip()
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}\b", low):
                part = code
        clock = re.search(TIME_CLOCK, span[wm.end():], re.I)
        if ref is None:
            val = f"XXXX-WXX-{wd}"
            return _mention(doc, s, e, "TIME" if part else "DATE", _unresolved(val, "day"))
        rel = re.sub(r"^the day (?:before|after) ", "", pre)
        rel = re.sub(r"^(?:early|late|earlier|later) ", "", rel)
        the_before = re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I)
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
        elif low.endswith("'s") and not re.match(r"\s+(?:meeting|talks|summit|session|vote|deadline|election|game|match)", text[e:e + 12]):
            d = _weekday_date(ref, wd, "past")  # "Wednesday's ruling"
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
        if clock:
            v = (v[0] + _clock_suffix(clock.group()),) + v[1:]
            typ = "TIME"
        if low.endswith("'s"):
            e -= 2
        return _mention(doc, s, e, typ, v)

    if rule == "week_of":
        inner_s = s + re.match(r"the\s+week\s+of\s+", span, re.I).end()
        sub = _match_at(text, inner_s, _ALL_RULES)
        inner = _handle(doc, sub[0], inner_s, sub[1]) if sub else None
        if inner is None or inner.first is None or inner.precision != "day":
            return None
        return _mention(doc, s, inner.end, "DATE", _week(inner.first))

    if rule == "clock_day":
        cm = re.match(TIME_CLOCK, span, re.I)
        rest_s = s + cm.end()
        gap = re.match(r"[\s,]*(?:on\s+)?", text[rest_s:rest_s + 12], re.I)
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

    if rule in ("ago", "ago_bare"):
        if rule == "ago_bare":
            unit = _unit_of(low.split()[0])
            return _mention(doc, s, e, "DATE", ("PAST_REF", None, None, "unknown"))
        dm = re.search(r"\s+(ago|earlier|later|before|after|from now|hence|previously|back)$", low)
        direction = dm.group(1)
        qty = low[:dm.start()]
        um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)(?:\s+or\s+\w+)?$", qty)
        if not um:
            return None
        unit = _unit_of(um.group(1))
        nstr = qty[:um.start()].strip(" -")
        n = _num(nstr) if nstr and nstr not in ("the", "that", "this") else 1.0
        if nstr in ("the", "that", "this"):
            nstr = ""
        vague = nstr and any(re.search(rf"\b{v}\b", nstr) for v in ("few", "several", "many", "some", "number", "numerous")) and not re.fullmatch(r"some\s+\S+", nstr) or (nstr and n is None)
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
            if a is not None and a.precision == "quarter" and _near(doc, a, s, 600) and re.fullmatch(r"\d{4}-Q\d", a.value) \
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

    if rule in ("rel_unit", "end_of"):
        if span.istitle() and " " in span and text[max(0, s - 1):s] in ("\"", "“"):
            return None  # a programme title in quotes: ABC's "This Week"
        if low.endswith("'s"):
            e -= 2
            span, low = span[:-2], low[:-2]
        mod, rest = _strip_mod(span)
        rl = re.sub(r"\s+", " ", rest.lower())
        um = re.search(r"(week|weekend|month|year|quarter|half)$", rl)
        if not um:
            return None
        unit = um.group(1)
        relw = rl[:um.start()].strip()
        relw = re.sub(r"^the ", "", relw)
        relw = re.sub(r"\s*(?:fiscal|calendar|financial|school|academic)$", "", relw).strip()
        fiscal = bool(re.search(r"fiscal|financial", rl))
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
            if q is not None and (re.match(r"['’]s\s+(?:quarter|period)\b", text[e:e + 12]) or re.search(
                    r"\b(?:quarter|period)\s+(?:of\s+)?$", text[max(0, s - 12):s])):
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

    if rule == "holiday_week":
        # "as Easter week began": the week of the nearest such holiday, whatever the tense
        if ref is None:
            return None
        name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if span.lower().replace("’", "'").startswith(h.lower().replace("’", "'")))
        day = min((_holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)), key=lambda d: abs((d - ref).days))
        return _mention(doc, s, e, "DATE", _week(day))

    if rule == "holiday":
        name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if h.lower() in span.lower().replace("’", "'") or h.lower() in span.lower())
        if name.lower() == "may day" and not span[0].isupper():
            return None
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

    if rule == "the_weekend":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-WXX-WE"))
        t = doc.tense(s, e)
        if t == "future":
            v = _weekend(ref if ref.isoweekday() < 6 else ref + dt.timedelta(days=7 - ref.isoweekday() + 1) if ref.isoweekday() == 7 else ref)
        else:
            back = ref if ref.isoweekday() >= 6 else ref - dt.timedelta(days=ref.isoweekday())
            v = _weekend(back)
        return _mention(doc, s, e, "DATE", v)

    if rule == "year_period":
        y = _year_of(span, ref)
        a = doc.reported_quarter()
        if re.search(r"quarter|period", low) and a is not None and _near(doc, a, s, 2500) \
                and not (low.endswith("period") and _long_period_sentence(text, s, e)):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(y, int(a.value[-1]))))
        return _mention(doc, s, e, "DATE", _year(y))

    if rule == "full_year":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        return _mention(doc, s, e, "DATE", _year(ref.year))

    if rule == "the_quarter":
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
        if re.fullmatch(r"the (?:fiscal )?quarter", low) and a is not None and _near(doc, a, s, 1500) \
                and re.fullmatch(r"\d{4}-Q\d", a.value):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(a.value[:4]), int(a.value[-1]))))
        rq = doc.reported_quarter()
        if re.fullmatch(r"the (?:latest|most recent) (?:quarter|period)", low) and rq is not None:
            # the quarter the earnings story reports (its fiscal number when it gave one)
            return _mention(doc, s, e, "DATE", _quarter(int(rq.value[:4]), int(rq.value[-1])))
        if low.startswith("this"):
            return _mention(doc, s, e, "DATE", _quarter(ref.year, (ref.month - 1) // 3 + 1))
        cq = (ref.month - 1) // 3 + 1
        y, m = _add_months(ref.year, 3 * cq - 2, -3)
        return _mention(doc, s, e, "DATE", _quarter(y, (m - 1) // 3 + 1))

    if rule == "year_ago_adj":
        doc.derived.add(s)
        rq = doc.reported_quarter()
        qm = re.search(r"(first|second|third|fourth)[\s-]", low)
        if re.search(r"quarter|period", low) and (rq is not None or qm):
            # "the year-ago quarter": the reported quarter a year back
            y = int(rq.value[:4]) if rq is not None else ref.year if ref else None
            q = QUARTER_WORDS[qm.group(1)] if qm else int(rq.value[-1])
            if y is not None:
                return _mention(doc, s, e, "DATE", _quarter(y - 1, q))
        if not re.search(r"quarter|period|level|month", low):
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
        if a is not None and a.precision == "quarter" and re.fullmatch(r"\d{4}-Q\d", a.value) and _near(doc, a, s, 800):
            return _mention(doc, s, e, "DATE", _quarter(int(a.value[:4]) - 1, int(a.value[-1])))
        if a is not None and a.precision == "year" and _near(doc, a, s, 800) and re.fullmatch(r"\d{4}", a.value):
            return _mention(doc, s, e, "DATE", _year(int(a.value) - 1))
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        return _mention(doc, s, e, "DATE", _year(ref.year - 1))

    if rule == "in_units":
        if re.search(r" or (?:two|three|so)$", low):  # "in a year or two": some time ahead
            return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
        um = re.search(r"(days?|weeks?|months?|years?|fortnight)$", low)
        unit = _unit_of(um.group(1))
        nstr = low[:um.start()].strip(" -")
        n = _num(nstr) if nstr else 1.0
        if _IN_STRETCH_BEFORE.search(text, max(0, s - 60), s):
            # "the smallest gain in a year", "the first time in two years": a stretch up to now
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

    if rule in ("within", "coming"):
        if rule == "within":
            # keep "within"/"in" out of the span (TimeML leaves prepositions out)
            m = re.match(r"(?:within|in)\s+", span, re.I)
            s += m.end()
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))

    if rule == "recent_units":
        m = re.match(r"in\s+", span, re.I)
        if m:
            s += m.end()
        um = re.search(r"(days|weeks|months|quarters|years|decades)$", low)
        # "in recent days / years", "over the past few months": a vague stretch of the past, valued
        # PAST_REF as a date; recent weeks and months stay durations (PXW, PXM)
        if um.group(1) in ("days", "years", "decades") or not low.startswith(("recent", "in recent")):
            return _mention(doc, s, e, "DATE", ("PAST_REF", None, None, "unknown"))
        return _mention(doc, s, e, "DURATION", (_pvalue(None, _unit_of(um.group(1))), None, None, "unknown"))

    if rule == "ref":
        lw = low.strip()
        if lw.startswith("in "):
            s += 3
            lw = lw[3:]
        if lw.endswith("future"):
            if lw == "the future" and re.match(r"\s+of\b", text[e:e + 4]):
                return None  # "the future of the alliance": its fate, not a time
            val = "FUTURE_REF"
        elif lw in ("recently", "lately", "the past", "once upon a time") or lw.endswith("past"):
            val = "PAST_REF"
        elif lw in ("so far", "to date"):
            return None
        elif "term" in lw:
            # "in the near term", "in the short term": the time ahead; "near-term earnings" and
            # "short-term debt" are adjectives, not times
            if not re.fullmatch(r"the (?:near|short|distant) term", lw) or re.match(r"[\w-]", text[e:e + 1]):
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

    if rule == "duration":
        return _duration(doc, s, e, span, low)

    if rule == "set":
        return _set(doc, s, e, span, low)

    return None


def _generic_day(text: str, s: int, e: int) -> bool:
    """ "today's world", "many of today's computers", "the people of tomorrow": the present or
    future age in general, which TimeML leaves unannotated."""
    if text[e:e + 2] in ("'s", "’s") or text[s:e].lower().endswith(("'s", "’s")):
        nxt = re.match(r"(?:['’]s)?\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[e:e + 40])
        if nxt and any(w and w.lower() in GENERIC_AGE_NOUNS for w in nxt.groups()):
            return True
    return text[s:e].lower() == "tomorrow" and bool(re.search(r"\bthe\s+\w+\s+of\s+$", text[max(0, s - 30):s], re.I))


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


def _clock_suffix(clock: str) -> str:
    c = clock.lower().replace(".", "").replace(" ", "")
    if c.startswith("noon"):
        return "T12:00"
    if c.startswith("midnight"):
        return "T24:00"
    m = re.match(r"(\d{1,2})(?::(\d\d))?(am|pm)", c)
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


def _duration(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    # money, percentages, scores are not durations ("$5 a year" is handled as a set elsewhere)
    if low == "one day" and re.search(r"\b(?:will|would|could|might|may|can|shall|should|must|to)\s+$", text[max(0, s - 12):s], re.I):
        # "Islam will one day be ...", "hopes to one day lead": some day ahead, not 24 hours
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
    extra_half = low.endswith(" and a half")
    low = low.removesuffix(" and a half")
    um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)(?:[\s-]+(?:long|old))?$", low)
    if not um:
        return None
    uw = um.group(1)
    if uw.startswith("quarter") and (re.search(r"\w-quarters\b", low) or re.match(
            r"\s+of\s+(?!(?:the\s+|this\s+|next\s+|last\s+)?(?:fiscal\s+)?(?:\d{4}|year)\b)", text[e:e + 30])):
        return None  # fractions: "about three-quarters of its food", "more than a quarter of the market"
    if low.endswith("old"):
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeML
    if re.search(r"\b(?:1[0-9]|20)\d\d\b", low):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if uw[0] != span[um.start()] and re.match(r"\d", low):
        return None  # "60 Minutes" (a title)
    if re.fullmatch(r"an? (?:second|minute)", low) and re.match(r"\s+[a-z]", text[e:e + 3]) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|before|after|from|to)\b", text[e:e + 8]):
        return None  # "a second round", "a minute silence"
    unit = _unit_of(uw)
    time_unit = UNITS.get(uw.rstrip("s") if uw != "centuries" else "century", ("", False))[1]
    nstr = low[:um.start()].strip(" -")
    nstr = re.sub(r"\s+more$", "", nstr)
    # "the first/past/last/next N units" keep the modifier in the span
    core_n = re.sub(r"^(?:(?:nearly|almost|about|around|roughly|approximately|more than|less than|fewer than|over|under|at least|at most|up to|no more than|just|barely|only|another|an additional|the first|the last|the past|the next|the previous|the coming|the following|the|full|whole|entire|each of the past)\s+)+", "", nstr)
    if core_n in ("", "full", "whole", "entire"):
        n = 1.0 if not uw.endswith("s") or uw == "centuries" and False else None
        if uw.endswith("s") and uw not in ("hours",) and core_n == "":
            n = None
        if uw.endswith("s"):
            n = None
    elif any(re.fullmatch(rf"{v}", core_n) for v in VAGUE_NUMBERS) or core_n in ("many", "several", "few"):
        n = None
    else:
        n = _num(core_n)
        if n is None:
            return None
    # bare singular unit with only "the" ("the year", "the month") is anaphoric, not a duration
    if re.fullmatch(r"the (?:year|month|week|day|quarter|decade|century)", low):
        return None
    if re.fullmatch(r"(?:the )?(?:second|minute|hour)", low):
        return None
    # "a day" right after money, a number or a counted noun ("$5 a day", "$2 million a year",
    # "700 seats a week", "hundreds of interviews a day") is a rate: a set
    if re.fullmatch(r"an? (?:second|minute|hour|day|week|month|year)", low):
        before = text[max(0, s - 40):s]
        if re.search(r"(?:\d|dollars?|cents?|barrels|times|once|twice|per|million|billion|thousand|hundreds?|dozens?)\s*$", before, re.I) \
                or _COUNTED_NOUN_BEFORE.search(before):
            return _mention(doc, s, e, "SET", (_pvalue(1, unit, time_unit), None, None, "unknown"))
    # scores and tallies never reach here (no unit); "12-year-old" keeps its age reading (P12Y)
    if extra_half and n is not None:
        n += 0.5
    val = _pvalue(n, unit, time_unit)
    # ages: "a 12-year-old" keep DURATION; plain quantities like "50 days" are durations
    return _mention(doc, s, e, "DURATION", (val, None, None, "unknown"))


_COUNTED_NOUN_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|hundreds|thousands|dozens|of))\s+[a-z]+s\s*$", re.I)


def _set(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}
    if low in ("quarterly", "annually", "yearly"):
        return None  # mostly payment terms ("quarterly dividend"), rarely annotated
    if low == "daily" and (re.search(r"[A-Z][\w.]*\s+$", text[max(0, s - 20):s])
                           or re.match(r"\s+(?:newspaper|paper|[A-Z])", text[e:e + 12])):
        return None  # "the Communist Party daily Granma": a newspaper
    if low in simple:
        return _mention(doc, s, e, "SET", (simple[low], None, None, "unknown"))
    mm = re.search(MON, span, re.I)
    if mm and mm.group()[0].isupper() and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{MONTHS[mm.group().lower().rstrip('.')]:02d}", None, None, "unknown"))
    sm = re.search(SEASON, low)
    if sm and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{SEASONS[sm.group()]}", None, None, "unknown"))
    um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)$", low)
    if not um:
        return None
    unit = _unit_of(um.group(1))
    time_unit = UNITS.get(um.group(1).rstrip("s"), ("", False))[1]
    nm = re.search(r"(?:every|each)\s+(?:other\s+)?(.+?)\s+" + re.escape(um.group(1)) + "$", low)
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


_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|by|until|till|through|during|from|to|before|after|early|late|mid|last|next|"
    r"this|that|since|between|and|or|nor|around|about|in\s+early|in\s+late|until\s+early|last|every|each|the)\s+|-)$",
    re.I)


# "the smallest gain in a year", "the first time in two years", "the highest level in six months":
# after a superlative or "first/only time", "in <units>" is the stretch up to now, not a date ahead
_IN_STRETCH_BEFORE = re.compile(
    r"\b(?:(?:first|only)\s+time|(?:biggest|largest|smallest|highest|lowest|strongest|weakest|"
    r"sharpest|steepest|fastest|slowest|best|worst|most|least|deepest|widest|heaviest|lightest|"
    r"longest|shortest|lowest|latest|greatest|hottest|coldest|busiest)\b[^.;!?]{0,40}?)\s+in\s+$", re.I)


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


def _try(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    try:
        return _handle(doc, rule, s, e)
    except (ValueError, OverflowError, KeyError, AttributeError, TypeError):
        return None
