"""The event table: its columns and their types, defined here and nowhere else, and checked here.

One row per event; a quotation is an event too. In memory list-valued columns hold tuples of
strings and dates are ``datetime64`` columns; in CSV lists are joined with "; ".
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import re

import numpy as np
import pandas as pd

try:   # pandas' own string array and frame builder: a one-article table in ~0.25 ms instead of ~0.6
    import pyarrow as pa
    from pandas.core.arrays.string_arrow import ArrowStringArray
    _FAST = hasattr(pd.DataFrame, "_from_arrays")
    _FROM_PYARROW = hasattr(ArrowStringArray, "_from_pyarrow_array")
except ImportError:   # pragma: no cover - other pandas builds: the public constructor
    _FAST = _FROM_PYARROW = False

EVENT_TYPES = ("talks", "meeting", "visit", "call", "statement", "agreement", "proposal", "demand",
               "rejection", "accusation", "threat", "sanction", "other")
PLOVER = {"talks": "CONSULT", "meeting": "CONSULT", "visit": "CONSULT", "call": "CONSULT",
          "statement": "STATEMENT", "agreement": "AGREE", "proposal": "COOPERATE", "demand": "DEMAND",
          "rejection": "REJECT", "accusation": "ACCUSE", "threat": "THREATEN", "sanction": "SANCTION",
          "other": "OTHER"}
STATUSES = ("occurred", "planned", "cancelled")
PRECISIONS = ("day", "week", "month", "quarter", "year", "unknown")
QUOTE_KINDS = ("", "direct", "partial", "indirect")
DATE_SOURCES = ("text", "context", "published", "")

# column -> kind: "str" text ("" when empty), "date" datetime64 (NaT when unknown),
# "tuple" tuple of strings, "int" integer
COLUMNS: dict[str, str] = {
    "event_id": "str",
    "article_id": "str",
    "event_type": "str",
    "plover": "str",
    "status": "str",
    "date": "date",
    "date_end": "date",
    "date_precision": "str",
    "date_text": "str",
    "date_source": "str",
    "actors": "tuple",
    "countries": "tuple",
    "speaker": "str",
    "speaker_role": "str",
    "speaker_country": "str",
    "quote": "str",
    "quote_kind": "str",
    "location": "str",
    "location_country": "str",
    "host": "str",             # the host or mediator of talks or a meeting (ISO alpha-3), if any
    "summary": "str",
    "evidence": "str",
    "evidence_start": "int",   # character offsets of the evidence in the article's text
    "evidence_end": "int",
    "source": "str",
    "published": "date",
    "title": "str",
    "article_name": "str",
    "n_sources": "int",        # how many articles report this row
    "sources": "tuple",        # their outlets (or file names when no outlet is known)
}
ENUMS = {"event_type": EVENT_TYPES, "status": STATUSES, "date_precision": PRECISIONS,
         "quote_kind": QUOTE_KINDS, "date_source": DATE_SOURCES}
LIST_SEPARATOR = "; "


class SchemaError(ValueError):
    """A table that breaks the event-table schema."""


def _tuple(v) -> tuple:
    if isinstance(v, tuple):
        return v
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ()
    if isinstance(v, str):
        return tuple(x.strip() for x in v.split(";") if x.strip())
    return tuple(v)


_NAT = np.datetime64("NaT", "s")
_DTYPES = {"str": "str", "date": "datetime64[s]", "tuple": "object", "int": "int64"}


def _day(v) -> np.datetime64:
    """A cell of a date column: a date, datetime, Timestamp, ISO string, None or NaT."""
    if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
        return _NAT
    if isinstance(v, dt.datetime):
        return np.datetime64(v.replace(tzinfo=None), "s")
    if isinstance(v, dt.date):
        return np.datetime64(v, "s")
    ts = pd.Timestamp(v)   # strings and numpy values; raises on what is not a date
    return _NAT if ts is pd.NaT else np.datetime64(ts.tz_localize(None) if ts.tzinfo else ts, "s")


def _column(kind: str, vals: list):
    if kind == "str":
        return ["" if v is None else str(v) for v in vals]
    if kind == "date":
        seen: dict = {}   # one article's rows repeat a few dates (its publication day in every row)
        out = []
        for v in vals:
            try:
                d = seen.get(v)
                if d is None:
                    d = seen[v] = _day(v)
            except TypeError:   # an unhashable cell: converted (or refused) by _day itself
                d = _day(v)
            out.append(d)
        return np.array(out, dtype="datetime64[s]")
    if kind == "tuple":
        out = np.empty(len(vals), dtype=object)
        out[:] = [_tuple(v) for v in vals]
        return out
    return np.array([0 if v is None else int(v) for v in vals], dtype="int64")


def plain_columns(rows: list[dict]) -> dict:
    """The schema's columns of row dicts as plain lists and numpy arrays (missing cells get
    their empty value), checked (SchemaError as ``validate`` words it): what ``frame_of`` builds
    a table from. Separate so that a caller can reorder rows before the frame exists."""
    columns = {col: _column(kind, [r.get(col) for r in rows]) for col, kind in COLUMNS.items()}
    if rows:
        _check_columns(columns)
    return columns


def take_columns(columns: dict, order: list[int]) -> dict:
    """Plain columns with their rows in ``order``."""
    out = {}
    for col, vals in columns.items():
        out[col] = [vals[i] for i in order] if isinstance(vals, list) else vals[order]
    return out


_STR = pd.Series(["x"]).dtype     # the text dtype pandas gives a column of strings ("str")


@functools.lru_cache(maxsize=1)
def _empty() -> pd.DataFrame:
    """The table with no rows (``astype`` over 30 columns costs ~7 ms: built once, copied)."""
    return pd.DataFrame({c: [] for c in COLUMNS}).astype({c: _DTYPES[k] for c, k in COLUMNS.items()})


_COLUMN_INDEX = pd.Index(list(COLUMNS))   # copied per frame (a shallow copy costs a fifth of a new one)


_TEXT_COLUMNS = [c for c, k in COLUMNS.items() if k == "str"]


_STR_ARRAY = pd.array([""], dtype=_STR)   # a string array whose cheap constructor the slices use


def _text_arrays(cols: list[list[str]], n: int):
    """The text columns as pandas string arrays, in order: one pyarrow conversion of all their
    cells, sliced per column (21 conversions cost ~1.6x more on one article's rows). Each slice
    becomes an array through pandas' constructor for pyarrow results (``_from_pyarrow_array``: no
    type checks or cast, half the cost of ``ArrowStringArray(...)``) where pandas has one."""
    if _STR.storage != "pyarrow":
        return iter([pd.array(c, dtype=_STR) for c in cols])
    flat = pa.array([s for c in cols for s in c], pa.large_string())
    if _FROM_PYARROW:
        return iter([_STR_ARRAY._from_pyarrow_array(flat.slice(i * n, n)) for i in range(len(cols))])
    return iter([ArrowStringArray(pa.chunked_array([flat.slice(i * n, n)]), dtype=_STR) for i in range(len(cols))])


def frame_of(columns: dict) -> pd.DataFrame:
    """The event table from ``plain_columns`` (already checked): one block per column, no
    inference, no copy; the same frame as ``pd.DataFrame(columns)`` with the schema's dtypes."""
    n = len(columns["event_id"])
    if not n:
        return _empty().copy()
    if not _FAST:
        return pd.DataFrame(columns)
    texts = _text_arrays([columns[c] for c in _TEXT_COLUMNS], n)
    arrays = [next(texts) if k == "str" else columns[c] for c, k in COLUMNS.items()]
    return pd.DataFrame._from_arrays(arrays, columns=_COLUMN_INDEX.copy(), index=pd.RangeIndex(n),
                                     verify_integrity=False)


def make_table(rows: list[dict]) -> pd.DataFrame:
    """The event table from row dicts (missing columns get their empty value), validated.
    Built from plain columns: per-column Series cost ~10x more, which dominates for the few
    rows of one article. The columns are checked before the frame is built (``_check_columns``):
    by construction they already have the schema's types, so only what a row can still get
    wrong is looked at, on lists and numpy arrays rather than through pandas (validating the
    frame cost more than building it)."""
    return frame_of(plain_columns(rows))


def _check_columns(columns: dict) -> None:
    """SchemaError, with validate's messages, for the plain columns ``_column`` built when they
    break the schema. Text, date and integer columns cannot (``_column`` converts every cell),
    so this checks tuple contents, the enumerations and date ranges, in validate's order."""
    for col, kind in COLUMNS.items():
        if kind == "tuple" and not all(all(isinstance(x, str) for x in v) for v in columns[col]):
            raise SchemaError(f"column {col!r} must hold tuples of strings")
    for col, allowed in ENUMS.items():
        bad = set(columns[col]) - set(allowed)
        if bad:
            raise SchemaError(f"column {col!r} has values outside {allowed}: {sorted(bad)}")
    date, end = columns["date"], columns["date_end"]
    inverted = ~np.isnat(end) & ~np.isnat(date) & (end < date)
    if inverted.any():
        raise SchemaError(f"{int(inverted.sum())} rows end before they start")
    if (np.isnat(date) & ~np.isnat(end)).any():
        raise SchemaError("rows with an end date but no start date")


def with_all_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a frame of rows with every column of the schema, in schema order: rows stored
    before a column existed get its empty value (extra columns are kept after them)."""
    table = frame.copy()
    missing = [c for c in COLUMNS if c not in table.columns]
    if not missing:
        return table
    blank = {"str": "", "int": 0, "tuple": (), "date": pd.NaT}
    for col in missing:
        kind = COLUMNS[col]
        table[col] = pd.Series([blank[kind]] * len(table), index=table.index, dtype=_DTYPES[kind])
    return table[list(COLUMNS) + [c for c in table.columns if c not in COLUMNS]]


def empty_table() -> pd.DataFrame:
    return make_table([])


def validate(table: pd.DataFrame) -> pd.DataFrame:
    """The table itself if it keeps the schema; SchemaError saying what is wrong otherwise."""
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise SchemaError(f"missing columns: {', '.join(missing)}")
    dtypes = table.dtypes
    texts = [c for c, k in COLUMNS.items() if k == "str"]
    for col, kind in COLUMNS.items():
        d = dtypes[col]
        if kind == "str":
            # an object column is text only if its cells are (the dtype alone cannot say)
            if not pd.api.types.is_string_dtype(table[col] if d == object else d):
                raise SchemaError(f"column {col!r} must hold text with no missing values")
        elif kind == "date":
            if not pd.api.types.is_datetime64_dtype(d):
                raise SchemaError(f"column {col!r} must be datetime64, not {d}")
        elif kind == "tuple":
            if not all(isinstance(v, tuple) and all(isinstance(x, str) for x in v) for v in table[col].tolist()):
                raise SchemaError(f"column {col!r} must hold tuples of strings")
        elif not pd.api.types.is_integer_dtype(d):
            raise SchemaError(f"column {col!r} must be integer, not {d}")
    if len(table):
        holes = table[texts].isna().any()
        if holes.any():
            raise SchemaError(f"column {holes[holes].index[0]!r} must hold text with no missing values")
    for col, allowed in ENUMS.items():
        bad = set(table[col].unique()) - set(allowed)
        if bad:
            raise SchemaError(f"column {col!r} has values outside {allowed}: {sorted(bad)}")
    inverted = table["date_end"].notna() & table["date"].notna() & (table["date_end"] < table["date"])
    if inverted.any():
        raise SchemaError(f"{int(inverted.sum())} rows end before they start")
    undated_with_end = table["date"].isna() & table["date_end"].notna()
    if undated_with_end.any():
        raise SchemaError("rows with an end date but no start date")
    return table


# --- export ----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# a plain number as a spreadsheet reads one: -12.5, +44, -1,200.50, 1.5e-3 (not "-inf", "-1_0", "\t5")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _is_number(s: str) -> bool:
    return any(c.isdigit() for c in s) and _NUMBER.fullmatch(s) is not None


def safe_cell(s: str) -> str:
    """A text cell an office suite will not run as a formula (OWASP CSV injection): cells starting
    with = + - @ tab or carriage return get a leading apostrophe, unless they are plain numbers."""
    if s and s.startswith(_FORMULA_START) and not _is_number(s):
        return "'" + s
    return s


def to_export_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The table as flat text for spreadsheets: lists joined, dates as ISO days, formulas defused."""
    out = pd.DataFrame(index=table.index)
    for col in table.columns:
        kind = COLUMNS.get(col, "str")
        s = table[col]
        if kind == "tuple":
            s = s.map(lambda v: LIST_SEPARATOR.join(_tuple(v)))
        elif kind == "date" or pd.api.types.is_datetime64_dtype(s):
            s = s.dt.strftime("%Y-%m-%d").fillna("")
        elif kind == "int":
            out[col] = s
            continue
        out[col] = s.fillna("").astype(str).map(safe_cell)
    return out


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with a byte-order mark so spreadsheets read accents right), spreadsheet-safe."""
    buf = io.StringIO()
    # CRLF line ends (RFC 4180) also make the writer quote every cell holding a CR or LF, so a stray
    # carriage return in a headline cannot split a row (pandas leaves a bare CR unquoted with "\n")
    to_export_frame(table).to_csv(buf, index=False, lineterminator="\r\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
