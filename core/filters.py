"""The filters every dashboard page shares: pure pandas, no streamlit.

    state = Filters(countries=("OMN",), text="talks")
    view = apply(table, state)            # the rows that pass, in the table's order
    params = to_query(state)              # for the URL; from_query(params) gives the state back

A row passes when it passes every filter that is set; an unset filter (empty tuple, None, "")
lets everything through.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np
import pandas as pd

from core.table import EVENT_TYPES, STATUSES

COUNTRY_MODES = ("any", "all")
SEARCH_COLUMNS = ("summary", "quote", "evidence")


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()        # ISO alpha-3 codes
    country_mode: str = "any"              # "any": at least one of them; "all": every one of them
    actors: tuple[str, ...] = ()           # canonical names: a participant or the speaker
    event_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: dt.date | None = None       # rows whose date range overlaps [date_from, date_to]
    date_to: dt.date | None = None
    include_undated: bool = True           # rows with no date pass the date filter
    text: str = ""                         # words that must all appear in summary, quote or evidence

    def is_default(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


def _flatten(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(row position, value) for every item of a column of tuples."""
    lens = np.fromiter((len(v) for v in series), np.int64, len(series))
    rows = np.repeat(np.arange(len(series)), lens)
    vals = np.fromiter(itertools.chain.from_iterable(series), object, int(lens.sum()))
    return rows, vals


def involvement(table: pd.DataFrame, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Every (row position, value) pair for what rows involve, each pair once, in row order.
    ``kind`` "country": a row's countries, its speaker's and its location's; "actor": its actors
    and its speaker."""
    tuple_col, str_cols = INVOLVES[kind]
    rows, vals = _flatten(table[tuple_col])
    parts_r, parts_v = [rows], [vals]
    for c in str_cols:
        v = table[c].to_numpy(object)
        nz = np.flatnonzero(v != "")
        parts_r.append(nz)
        parts_v.append(v[nz])
    rows, vals = np.concatenate(parts_r), np.concatenate(parts_v)
    if not len(rows):
        return rows.astype(np.int64), vals
    pairs = pd.DataFrame({"r": rows, "v": vals}).drop_duplicates()
    order = np.argsort(pairs["r"].to_numpy(), kind="stable")
    return pairs["r"].to_numpy()[order].astype(np.int64), pairs["v"].to_numpy(object)[order]


INVOLVES = {"country": ("countries", ("speaker_country", "location_country")),
            "actor": ("actors", ("speaker",))}


def _grouped(n: int, rows: np.ndarray, vals: np.ndarray, index) -> pd.Series:
    out: list[list] = [[] for _ in range(n)]
    for r, v in zip(rows.tolist(), vals.tolist()):
        out[r].append(v)
    return pd.Series([tuple(x) for x in out], index=index, dtype="object")


def row_countries(table: pd.DataFrame) -> pd.Series:
    """Every country a row involves: its countries, the speaker's and the location's."""
    return _grouped(len(table), *involvement(table, "country"), table.index)


def row_actors(table: pd.DataFrame) -> pd.Series:
    """Every person or organisation a row involves: its actors and its speaker."""
    return _grouped(len(table), *involvement(table, "actor"), table.index)


class _Coded:
    """A column of values as integer codes, for fast membership tests."""

    def __init__(self, vals: np.ndarray):
        codes, uniques = pd.factorize(pd.Series(vals, dtype="object"))
        self.codes = codes.astype(np.int64)
        self.lookup = {v: i for i, v in enumerate(uniques)}

    def isin(self, wanted) -> np.ndarray:
        want = [self.lookup[w] for w in dict.fromkeys(wanted) if w in self.lookup]
        return np.isin(self.codes, np.array(want, dtype=np.int64))


def _pair_mask(n: int, rows: np.ndarray, coded: _Coded, wanted, mode: str = "any") -> np.ndarray:
    hit = coded.isin(wanted)
    if mode == "all":
        return np.bincount(rows[hit], minlength=n) >= len(set(wanted))
    ok = np.zeros(n, bool)
    ok[rows[hit]] = True
    return ok


def _by_count_pairs(vals: np.ndarray) -> list[str]:
    """Distinct non-empty values, most frequent first (ties alphabetical)."""
    c = pd.Series(vals, dtype="object").value_counts()
    c = c[c.index != ""]
    order = pd.DataFrame({"k": c.index.astype(str), "n": c.to_numpy()})
    return order.sort_values(["n", "k"], ascending=[False, True], kind="stable")["k"].tolist()


class TableIndex:
    """What filtering needs, computed once per table and never changed: the (row, value) pairs of
    countries and actors, event types and statuses, the date range of every row as day numbers,
    and the case-folded text of the searched columns. ``mask`` then
    costs a few vectorised passes, whatever the size of the table."""

    def __init__(self, table: pd.DataFrame):
        self.n = len(table)
        self.country_rows, self.country_vals = involvement(table, "country")
        self.actor_rows, self.actor_vals = involvement(table, "actor")
        self._countries = _Coded(self.country_vals)
        self._actors = _Coded(self.actor_vals)
        self._event_type = _Coded(table["event_type"].to_numpy(object))
        self._status = _Coded(table["status"].to_numpy(object))
        start = table["date"].to_numpy("datetime64[D]")
        end = table["date_end"].fillna(table["date"]).to_numpy("datetime64[D]")
        self.undated = np.isnat(start)
        self.start = np.where(self.undated, 0, start.astype(np.int64))
        self.end = np.where(np.isnat(end), self.start, end.astype(np.int64))
        self.countries = _by_count_pairs(self.country_vals)
        self.actors = _by_count_pairs(self.actor_vals)
        self.bounds = date_bounds(table)
        self.hay = haystack(table)

    def mask(self, f: Filters) -> np.ndarray:
        ok = np.ones(self.n, bool)
        if not self.n:
            return ok
        if f.countries:
            ok &= _pair_mask(self.n, self.country_rows, self._countries, f.countries, f.country_mode)
        if f.actors:
            ok &= _pair_mask(self.n, self.actor_rows, self._actors, f.actors)
        if f.event_types:
            ok &= self._event_type.isin(f.event_types)
        if f.statuses:
            ok &= self._status.isin(f.statuses)
        if f.date_from is not None or f.date_to is not None or not f.include_undated:
            d = np.ones(self.n, bool)
            if f.date_from is not None:
                d &= self.end >= np.datetime64(f.date_from, "D").astype(np.int64)
            if f.date_to is not None:
                d &= self.start <= np.datetime64(f.date_to, "D").astype(np.int64)
            ok &= (d & ~self.undated) | (self.undated & f.include_undated)
        if f.text.strip():
            ok &= _words_in(self.hay, f.text)
        return ok


def haystack(table: pd.DataFrame, columns=SEARCH_COLUMNS) -> pd.Series:
    """The searched columns of every row, joined and case-folded."""
    hay = table[columns[0]].astype("str")
    for c in columns[1:]:
        hay = hay + "\n" + table[c].astype("str")
    return hay.str.casefold()


def _words_in(hay: pd.Series, text: str) -> np.ndarray:
    ok = np.ones(len(hay), bool)
    for w in dict.fromkeys(text.casefold().split()):
        ok &= hay.str.contains(w, regex=False).to_numpy(bool)
    return ok


def text_mask(table: pd.DataFrame, text: str, columns=SEARCH_COLUMNS) -> np.ndarray:
    """Rows where every word of ``text`` appears (case-insensitive) in one of ``columns``."""
    if not text.split():
        return np.ones(len(table), bool)
    return _words_in(haystack(table, columns), text)


def mask(table: pd.DataFrame, f: Filters, index: TableIndex | None = None) -> np.ndarray:
    """Boolean mask of the rows that pass every filter (``index``: the table's TableIndex, when
    the caller keeps one)."""
    if not len(table):
        return np.ones(0, bool)
    return (index or TableIndex(table)).mask(f)


def apply(table: pd.DataFrame, f: Filters, index: TableIndex | None = None) -> pd.DataFrame:
    """The rows of ``table`` that pass ``f``, in order, with the table's columns and dtypes."""
    if f.is_default():
        return table
    return table[mask(table, f, index)]


def quotes(table: pd.DataFrame) -> pd.DataFrame:
    """The who-said-what rows: those with a quote."""
    return table[table["quote"].astype(str).str.len() > 0]


# --- choices offered to the user ------------------------------------------------------------

def country_options(table: pd.DataFrame) -> list[str]:
    """Country codes the table involves, most frequent first."""
    return _by_count_pairs(involvement(table, "country")[1])


def actor_options(table: pd.DataFrame) -> list[str]:
    """Actors and speakers the table names, most frequent first."""
    return _by_count_pairs(involvement(table, "actor")[1])


def type_options(table: pd.DataFrame) -> list[str]:
    present = set(table["event_type"])
    return [t for t in EVENT_TYPES if t in present]


def status_options(table: pd.DataFrame) -> list[str]:
    present = set(table["status"])
    return [s for s in STATUSES if s in present]


def date_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day the table covers, or None when no row has a date."""
    start = table["date"].dropna()
    if start.empty:
        return None
    end = table["date_end"].fillna(table["date"]).dropna()
    return start.min().date(), max(end.max(), start.max()).date()


# --- the URL --------------------------------------------------------------------------------

_LISTS = {"countries": "country", "actors": "actor", "event_types": "type", "statuses": "status"}
# every query parameter the filters own (pages may add their own beside them)
QUERY_KEYS = (*_LISTS.values(), "match", "from", "to", "undated", "q")


def to_query(f: Filters) -> dict[str, str | list[str]]:
    """Query parameters for a filter state (only what differs from the default)."""
    out: dict[str, str | list[str]] = {}
    for name, key in _LISTS.items():
        v = getattr(f, name)
        if v:
            out[key] = list(v)
    if f.country_mode != "any":
        out["match"] = f.country_mode
    if f.date_from:
        out["from"] = f.date_from.isoformat()
    if f.date_to:
        out["to"] = f.date_to.isoformat()
    if not f.include_undated:
        out["undated"] = "no"
    if f.text.strip():
        out["q"] = f.text.strip()
    return out


def _date(s) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def from_query(params: dict) -> Filters:
    """The filter state a URL describes; unknown or malformed values are ignored."""
    def lst(key):
        v = params.get(key, [])
        v = [v] if isinstance(v, str) else list(v)
        return tuple(x for item in v for x in str(item).split(",") if x)
    def one(key):
        v = params.get(key, "")
        return v[-1] if isinstance(v, list) and v else (v if isinstance(v, str) else "")
    mode = one("match")
    return Filters(
        countries=tuple(c.upper() for c in lst("country")),
        country_mode=mode if mode in COUNTRY_MODES else "any",
        actors=lst("actor"),
        event_types=tuple(t for t in lst("type") if t in EVENT_TYPES),
        statuses=tuple(s for s in lst("status") if s in STATUSES),
        date_from=_date(one("from")) if one("from") else None,
        date_to=_date(one("to")) if one("to") else None,
        include_undated=one("undated") != "no",
        text=one("q"),
    )


def describe(f: Filters, country_name=lambda c: c) -> list[str]:
    """The filters that are set, in words (for headers and briefings)."""
    out = []
    if f.countries:
        names = ", ".join(f"{country_name(c)} ({c})" for c in f.countries)
        out.append(f"Countries ({'all of' if f.country_mode == 'all' else 'any of'}): {names}")
    if f.actors:
        out.append("Actors or speakers: " + ", ".join(f.actors))
    if f.event_types:
        out.append("Event types: " + ", ".join(f.event_types))
    if f.statuses:
        out.append("Status: " + ", ".join(f.statuses))
    if f.date_from or f.date_to:
        a = f.date_from.isoformat() if f.date_from else "the start"
        b = f.date_to.isoformat() if f.date_to else "the end"
        out.append(f"Dates: {a} to {b}" + ("" if f.include_undated else ", undated rows left out"))
    elif not f.include_undated:
        out.append("Undated rows left out")
    if f.text.strip():
        out.append(f"Text contains: {f.text.strip()}")
    return out


def as_dict(f: Filters) -> dict:
    return asdict(f)


FIELDS = tuple(x.name for x in fields(Filters))
