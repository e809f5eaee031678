"""Calendar arithmetic of core.dates: each helper returns (value, first, last, precision), plus
the year a bare month, day or weekday resolves to and the modifiers ("early", "mid-", "late")."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from core.dates_words import NUMBER_WORDS, SEASON_START, UNITS
from core.dates_grammar import YEAR_SPELLED


# --------------------------------------------------------------------------------------------
# Calendar helpers: each returns (value, first, last, precision)
# --------------------------------------------------------------------------------------------
def _day(d: dt.date):
    return d.isoformat(), d, d, "day"


def _week(d: dt.date):
    y, w, _ = d.isocalendar()
    mon = d - dt.timedelta(days=d.weekday())
    return f"{y:04d}-W{w:02d}", mon, mon + dt.timedelta(days=6), "week"


def _weekend(d: dt.date):
    y, w, _ = d.isocalendar()
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return f"{y:04d}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1), "week"


def _month(y: int, m: int):
    if not 1 <= y <= 9999:
        return None
    return (f"{y:04d}-{m:02d}", dt.date(y, m, 1),
            dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def _quarter(y: int, q: int):
    return (f"{y:04d}-Q{q}", dt.date(y, 3 * q - 2, 1),
            dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter")


def _half(y: int, h: int):
    return (f"{y:04d}-H{h}", dt.date(y, 1 if h == 1 else 7, 1),
            dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31), "quarter")


def _season(y: int, code: str):
    m0 = SEASON_START[code]
    first = dt.date(y, m0, 1)
    ly, lm = (y + 1, 2) if code == "WI" else (y, m0 + 2)
    return f"{y:04d}-{code}", first, dt.date(ly, lm, calendar.monthrange(ly, lm)[1]), "quarter"


def _year(y: int):
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _decade(d3: int):
    return f"{d3:03d}", dt.date(max(d3 * 10, 1), 1, 1), dt.date(d3 * 10 + 9, 12, 31), "year"


def _century(c2: int):
    return f"{c2:02d}", dt.date(max(c2 * 100, 1), 1, 1), dt.date(c2 * 100 + 99, 12, 31), "year"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit in ("M", "Q", "Y", "E", "C"):
        months = n * {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit]
        y, m = _add_months(d.year, d.month, months)
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return d


_SPACES = re.compile(r"\s+")
_YEAR_DIGITS = re.compile(r"(?:1[0-9]|20)\d\d")  # 1000-2099, anywhere (no word boundary)
# the hedges and determiners before a number of units ("nearly two", "the past three")
_NUMBER_HEDGES = re.compile(
    r"^(?:(?:nearly|almost|about|around|roughly|approximately|some|more than|less than|"
    r"fewer than|over|under|at least|at most|up to|no more than|just|barely|only|another|"
    r"an additional|the first|the last|the past|the next|the previous|the coming|"
    r"the following|the)\s+)+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


def _num(s: str) -> float | None:
    s = _SPACES.sub(" ", s.strip().lower())
    s = _NUMBER_HEDGES.sub("", s)
    half = 0.5 if s.endswith((" and a half", " 1/2")) else 0.0
    s = s.removesuffix(" and a half").removesuffix(" 1/2")
    if _DECIMAL.fullmatch(s):
        return float(s) + half
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s] + half
    parts = _SPACES_OR_HYPHENS.split(s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and NUMBER_WORDS[parts[0]] >= 20 and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def _unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    if w == "centurie":
        w = "century"
    return UNITS.get(w, ("X", False))[0]


def _pvalue(n: float | None, unit: str, time_unit: bool = False) -> str:
    """ISO 8601 duration value: P3W, PT2H, PXY ..."""
    if unit == "W2":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit == "WE":
        return "P2D" if n in (None, 1) else f"P{int(n * 2)}D"
    t = "T" if time_unit else ""
    if n is None:
        return f"P{t}X{unit}"
    if n != int(n):
        if unit == "Y":
            return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M" if int(n) else f"P{int(n * 12)}M"
        if unit == "H":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M" if int(n) else f"PT{int(n * 60)}M"
        if unit == "M" and time_unit:  # "a minute and a half"
            return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S" if int(n) else f"PT{int(n * 60)}S"
        if unit == "D":
            return f"PT{int(n * 24)}H"
        if unit == "M" and not time_unit:
            return f"P{int(n * 30)}D"
        n = int(round(n))
    return f"P{t}{int(n)}{unit}"


# --------------------------------------------------------------------------------------------
# Resolution helpers
# --------------------------------------------------------------------------------------------
def _weekday_date(ref: dt.date, wd: int, direction: str) -> dt.date:
    """wd: 1=Monday..7=Sunday. direction: past (<= ref), future (>= ref), nearest,
    last (strictly before, the previous week's when 'last'), next (strictly after)."""
    delta = (ref.isoweekday() - wd) % 7  # days back to the most recent such day (0 = today)
    back = ref - dt.timedelta(days=delta)
    fwd = ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7)
    if direction == "past":
        return back
    if direction == "future":
        return fwd
    if direction == "last":
        return back if delta else ref - dt.timedelta(days=7)
    if direction == "next":
        return fwd if fwd != ref else ref + dt.timedelta(days=7)
    # nearest
    return back if (ref - back) <= (fwd - ref) else fwd


def _tense_dir(tense: str) -> str:
    return {"past": "past", "future": "future"}.get(tense, "nearest")


def _month_year(ref: dt.date, month: int, tense: str, dist: int = 0) -> int:
    """Year of a bare month name: the coming one in a future clause, the most recent one in a
    past clause, the nearest one otherwise (ties go to the past)."""
    if month == ref.month:
        return ref.year
    nxt = ref.year if month > ref.month else ref.year + 1
    prev = ref.year if month < ref.month else ref.year - 1
    if tense == "future":
        return nxt
    ahead = (month - ref.month) % 12
    if tense == "past" and (dist <= 3 or dist <= 8 and ahead > 2):
        return prev
    return nxt if ahead <= 4 else prev


def _day_month_year(ref: dt.date, month: int, day: int, tense: str, dist: int = 0) -> int:
    """Year of a day and month given without one: the nearest occurrence, moved to the coming
    one in a future clause and to the previous one in a clear past clause."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            pass
    if not cands:
        return ref.year
    # the nearest occurrence, with a slight bias to the past (news reports more than it announces)
    near = min(cands, key=lambda c: (abs((c - ref).days) * (1.25 if c > ref else 1.0), c > ref))
    if tense == "future" and (ref - near).days > 30:
        later = [c for c in cands if c >= ref]
        return later[0].year if later else near.year
    if tense == "past" and dist <= 8 and (near - ref).days > 14:
        earlier = [c for c in cands if c <= ref]
        return earlier[-1].year if earlier else near.year
    return near.year


def _early_late(v, mod: str | None):
    """Narrow (value, first, last, precision) for early / mid / late / end of."""
    if not mod or v is None or v[1] is None:
        return v
    value, first, last, prec = v
    span = (last - first).days + 1
    mod = mod.lower()
    if "end" in mod or mod.startswith("late"):
        a, b = first + dt.timedelta(days=span * 2 // 3), last
    elif mod.startswith(("early", "beginning", "start", "the beginning", "the start")):
        a, b = first, first + dt.timedelta(days=span // 3 - 1)
    elif mod.startswith(("mid", "the middle")):
        a, b = first + dt.timedelta(days=span // 3), first + dt.timedelta(days=span * 2 // 3 - 1)
    else:
        return v
    return value, a, max(a, b), prec


_MOD_RE = re.compile(r"^(early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end|start|beginning|the\s+turn\s+of)[\s-]+", re.I)


def _strip_mod(s: str) -> tuple[str | None, str]:
    m = _MOD_RE.match(s)
    if m:
        return _SPACES.sub(" ", m.group(1).lower()), s[m.end():]
    return None, s


_YEAR_SPELLED = re.compile(YEAR_SPELLED, re.I)


def _year_of(s: str, ref: dt.date | None) -> int | None:
    m = _YEAR_DIGITS.search(s)
    if m:
        return int(m.group())
    m = _YEAR_SPELLED.search(s)
    return _spelled_year(m.group()) if m else None


def _spelled_year(words: str) -> int | None:
    """1997 from "nineteen ninety-seven", 2001 from "two thousand and one"."""
    words = _SPACES.sub(" ", words.lower())
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].replace(" and", "").strip()
        v = _num(rest) if rest else 0
        return None if v is None else 2000 + int(v)
    rest = words[len("nineteen"):].strip(" -")
    if rest == "hundred":
        return 1900
    v = _num(rest)
    return None if v is None else 1900 + int(v)
