"""The filters every dashboard page shares: pure pandas, no streamlit.

    state = Filters(countries=("OMN",), text="talks")
    view = apply(table, state)            # the rows that pass, in the table's order
    params = to_query(state)              # for the URL; from_query(params) gives the state back

A row passes when it passes every filter that is set; an unset filter (empty tuple, None, "")
lets everything through.
"""
from __future__ import annotations

import datetime as dt
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


def row_countries(table: pd.DataFrame) -> pd.Series:
    """Every country a row involves: its countries, the speaker's and the location's."""
    def one(cs, sc, lc):
        out = list(cs)
        for c in (sc, lc):
            if c and c not in out:
                out.append(c)
        return tuple(out)
    return pd.Series([one(*v) for v in zip(table["countries"], table["speaker_country"],
                                            table["location_country"])],
                      index=table.index, dtype="object")


def row_actors(table: pd.DataFrame) -> pd.Series:
    """Every person or organisation a row involves: its actors and its speaker."""
    return pd.Series([tuple(a) + ((s,) if s and s not in a else ()) for a, s in
                      zip(table["actors"], table["speaker"])], index=table.index, dtype="object")


def _tuple_mask(values: pd.Series, wanted: tuple[str, ...], mode: str = "any") -> np.ndarray:
    want = set(wanted)
    if mode == "all":
        return np.fromiter((want <= set(v) for v in values), bool, len(values))
    return np.fromiter((not want.isdisjoint(v) for v in values), bool, len(values))


def _date_mask(table: pd.DataFrame, f: Filters) -> np.ndarray:
    start = table["date"]
    end = table["date_end"].fillna(start)
    ok = pd.Series(True, index=table.index)
    if f.date_from is not None:
        ok &= end >= pd.Timestamp(f.date_from)
    if f.date_to is not None:
        ok &= start <= pd.Timestamp(f.date_to)
    undated = start.isna()
    ok = (ok & ~undated) | (undated & f.include_undated)
    return ok.to_numpy(bool)


def text_mask(table: pd.DataFrame, text: str, columns=SEARCH_COLUMNS) -> np.ndarray:
    """Rows where every word of ``text`` appears (case-insensitive) in one of ``columns``."""
    words = [w for w in text.casefold().split() if w]
    if not words:
        return np.ones(len(table), bool)
    hay = table[list(columns[:1])[0]].astype(str)
    for c in columns[1:]:
        hay = hay + "\n" + table[c].astype(str)
    hay = hay.str.casefold()
    ok = np.ones(len(table), bool)
    for w in words:
        ok &= hay.str.contains(w, regex=False).to_numpy(bool)
    return ok


def mask(table: pd.DataFrame, f: Filters) -> np.ndarray:
    """Boolean mask of the rows that pass every filter."""
    ok = np.ones(len(table), bool)
    if not len(table):
        return ok
    if f.countries:
        ok &= _tuple_mask(row_countries(table), f.countries, f.country_mode)
    if f.actors:
        ok &= _tuple_mask(row_actors(table), f.actors, "any")
    if f.event_types:
        ok &= table["event_type"].isin(f.event_types).to_numpy(bool)
    if f.statuses:
        ok &= table["status"].isin(f.statuses).to_numpy(bool)
    if f.date_from is not None or f.date_to is not None or not f.include_undated:
        ok &= _date_mask(table, f)
    if f.text.strip():
        ok &= text_mask(table, f.text)
    return ok


def apply(table: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of ``table`` that pass ``f``, in order, with the table's columns and dtypes."""
    return table[mask(table, f)]


def quotes(table: pd.DataFrame) -> pd.DataFrame:
    """The who-said-what rows: those with a quote."""
    return table[table["quote"].astype(str).str.len() > 0]


# --- choices offered to the user ------------------------------------------------------------

def _by_count(values) -> list[str]:
    counts: dict[str, int] = {}
    for v in values:
        for x in v:
            if x:
                counts[x] = counts.get(x, 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))


def country_options(table: pd.DataFrame) -> list[str]:
    """Country codes the table involves, most frequent first."""
    return _by_count(row_countries(table))


def actor_options(table: pd.DataFrame) -> list[str]:
    """Actors and speakers the table names, most frequent first."""
    return _by_count(row_actors(table))


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
