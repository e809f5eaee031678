"""Publication dates as exports and feeds write them, to a calendar day (the day the source states,
not converted to UTC): ISO dates and timestamps, the text format's date lines, RFC 2822 (RSS),
GDELT's compact 20260212T083000Z, Unix timestamps in seconds or milliseconds."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

from core.articles import parse_date_line

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?$")
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")  # seconds or milliseconds since 1970, with fullmatch
_DIGIT = re.compile(r"\d")
_EARLIEST, _LATEST = dt.date(1800, 1, 1), dt.date(2200, 12, 31)


def _checked(d: dt.date | None) -> dt.date | None:
    return d if d is not None and _EARLIEST <= d <= _LATEST else None


def parse_published(value) -> dt.date | None:
    """The calendar day a metadata value names, or None when it names none."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    s = str(value).strip()
    if not s or len(s) > 80:
        return None
    m = _ISO.match(s) or _COMPACT.match(s)
    if m:
        try:
            return _checked(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    if _EPOCH.fullmatch(s):
        return _from_epoch(float(s))
    d = parse_date_line(s)
    if d is not None:
        return _checked(d)
    try:
        return _checked(email.utils.parsedate_to_datetime(s).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return _dateparser(s)


def _from_epoch(x: float) -> dt.date | None:
    if x > 1e11:  # milliseconds
        x /= 1000
    try:
        return _checked(dt.datetime.fromtimestamp(x, dt.timezone.utc).date())
    except (OverflowError, OSError, ValueError):
        return None


def _dateparser(s: str) -> dt.date | None:
    """Other spellings of a full date ("12 Feb. 2026 08:30 CET"); a value without a day is no date."""
    import dateparser

    if not _DIGIT.search(s):
        return None
    try:
        d = dateparser.parse(s, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                                           "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd input
        return None
    return _checked(d.date()) if d else None
