"""The dashboard: loads the corpus, holds the shared filters, and navigates between the pages.

    streamlit run app.py -- --store .data/store.duckdb --corpus seeds/ [more/ events.csv ...]

With a store (``--store PATH``, or $NEGOTIATION_STORE) the ``--corpus`` articles are added to
it at start (articles already stored are skipped) and the dashboard shows everything the store
holds; articles added or removed on the Articles page are added to or removed from the store.
Without one, the corpus files are read into memory and additions last for the session.
``.csv`` corpus paths are event tables written by ``python -m core normalise`` (shown, not
stored). Without ``--corpus`` the corpus is $NEGOTIATION_CORPUS (paths separated by
``os.pathsep``) or ``seeds/`` next to this file, unless a store is given.

The corpus, its filter index, each filtered view and each figure are computed once and shared
(``st.cache_resource``: nothing copies the table on a rerun; nothing may change it in place).
The filters live here, with keys, so they survive page switches, and are mirrored in the URL so
that a link reproduces the view.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

from core import filters as F
from core import views
from core.places import country_name

ROOT = Path(__file__).resolve().parent
TITLE = "Negotiation timeline"



def page_icon():
    """The favicon, drawn here: a material icon as favicon is fetched from Google's servers, and
    the dashboard asks no host but itself for anything."""
    import numpy as np

    img = np.zeros((32, 32, 3), np.uint8)
    img[:] = (0x1C, 0x3D, 0x6E)                     # the theme's navy
    img[15:17, 4:28] = 255                          # the time axis
    for x, h in ((7, 6), (15, 9), (23, 5)):         # three events
        img[16 - h:16, x - 1:x + 2] = (0xE6, 0x9F, 0x00)
    from PIL import Image
    return Image.fromarray(img)


st.set_page_config(page_title=TITLE, page_icon=page_icon(), layout="wide", initial_sidebar_state="expanded")


def cli_args() -> tuple[tuple[str, ...], str | None]:
    """The corpus paths and the store path (None: no store) from the command line or environment."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--corpus", nargs="+")
    parser.add_argument("--store")
    args, _ = parser.parse_known_args(sys.argv[1:])
    store = args.store or os.environ.get("NEGOTIATION_STORE", "").strip() or None
    if args.corpus:
        return tuple(args.corpus), store
    env = os.environ.get("NEGOTIATION_CORPUS", "").strip()
    if env:
        return tuple(p for p in env.split(os.pathsep) if p), store
    return (() if store else (str(ROOT / "seeds"),)), store


# --- the corpus, shared by every session -------------------------------------------------------

@st.cache_resource(show_spinner="Reading the corpus…")
def load(paths: tuple[str, ...]) -> views.Corpus:
    """The corpus files read and normalised (no store), once per server."""
    return views.load_corpus(paths)


STORE_WAIT = 5.0   # seconds to wait at start for an ingest another process is running


@st.cache_resource(show_spinner="Adding the corpus to the store…")
def open_store(store_path: str, paths: tuple[str, ...]):
    """The store, with the corpus articles added (already stored ones are skipped) and the
    ``.csv`` event tables read: (store, Corpus of what was read but not stored, ingest report)."""
    from core.store import Store, StoreBusy

    store = Store(store_path, wait=STORE_WAIT)
    csvs = tuple(p for p in paths if views.is_event_table_path(p))
    files = views.load_corpus(csvs) if csvs else views.Corpus()
    rest = [p for p in paths if p not in csvs]
    report = None
    if rest:
        import core
        res = core.read_corpus(rest)
        files.skipped.extend(res.skipped)
        try:
            report = store.ingest(res.articles)
        except StoreBusy as e:   # a command-line ingest is writing: show what is stored meanwhile
            files.error = f"The corpus was not added at start ({e}); showing what the store holds"
    return store, files, report


@st.cache_resource(max_entries=2, show_spinner="Reading the store…")
def store_snapshot(store_path: str, revision: int, _store, _extra: pd.DataFrame) -> tuple[list, pd.DataFrame]:
    """The stored articles and their table (plus event tables read from CSV) at one revision."""
    return _store.articles(), views.concat_tables([_store.table(), _extra])


@st.cache_resource(max_entries=8, show_spinner="Indexing the events…")
def index_for(version: str, _table: pd.DataFrame) -> F.TableIndex:
    return F.TableIndex(_table)


@st.cache_resource(max_entries=64, show_spinner=False)
def filtered_for(version: str, key: str, _table: pd.DataFrame, _index: F.TableIndex,
                 _filters: F.Filters) -> pd.DataFrame:
    return F.apply(_table, _filters, _index)


@st.cache_resource(max_entries=4, show_spinner=False)
def export_for(version: str, _table: pd.DataFrame):
    """Every row of the table written as CSV once (in the background for large tables), so that
    the CSV of any filtered view is a join of its rows' bytes."""
    from core.views_export import CsvExport
    return CsvExport(_table, delay=2.0)     # after the first view's run (they share the interpreter)


@st.cache_resource(max_entries=8, show_spinner="Reading the added articles…")
def normalise_added(key: str, _articles: tuple) -> pd.DataFrame:
    import core
    return core.normalise(list(_articles)) if _articles else views.empty_table()


def session_table(corpus: views.Corpus, paths: tuple[str, ...]) -> tuple[list, pd.DataFrame, str]:
    """No store: the corpus minus the articles removed in this session, plus the ones added in it
    (articles, table, version). The shared table itself when the session changed nothing."""
    added = tuple(st.session_state.get("added_articles", ()))
    removed = frozenset(st.session_state.get("removed_ids", ()))
    base = "files:" + "|".join(paths)
    if not added and not removed:
        return corpus.articles, corpus.table, base
    sig = hashlib.sha1(repr((sorted(a.article_id for a in added), sorted(removed))).encode()).hexdigest()[:16]
    cached = st.session_state.get("_table_cache")
    if cached and cached[0] == sig:
        return cached[1], cached[2], f"{base}:{sig}"
    articles = [a for a in corpus.articles if a.article_id not in removed] + list(added)
    table = corpus.table
    if removed:
        table = table[~table["article_id"].isin(removed)].reset_index(drop=True)
    if added:
        try:
            key = ",".join(a.article_id for a in added)
            table = views.concat_tables([table, normalise_added(key, added)])
        except Exception as e:  # noqa: BLE001 - shown to the user
            st.session_state["_flash"] = [("error", f"The added articles could not be read: {e}")]
    st.session_state["_table_cache"] = (sig, articles, table)
    return articles, table, f"{base}:{sig}"


# --- filters -----------------------------------------------------------------------------------

KEYS = {"countries": "f_countries", "country_mode": "f_mode", "actors": "f_actors",
        "event_types": "f_types", "statuses": "f_statuses", "text": "f_text",
        "include_undated": "f_undated"}
DATE_KEY = "f_dates"


def defaults(index: F.TableIndex) -> dict:
    return {"f_countries": [], "f_mode": "any", "f_actors": [], "f_types": [], "f_statuses": [],
            "f_text": "", "f_undated": True, DATE_KEY: index.bounds or ()}


def reset_filters(index: F.TableIndex) -> None:
    for k, v in defaults(index).items():
        st.session_state[k] = v


def state_from(f: F.Filters, index: F.TableIndex) -> dict:
    """Widget values for a filter state (values the table does not offer are dropped)."""
    d = defaults(index)
    countries, actors = set(index.countries), set(index.actors)
    d.update({"f_countries": [c for c in f.countries if c in countries],
              "f_mode": f.country_mode, "f_actors": [a for a in f.actors if a in actors],
              "f_types": list(f.event_types), "f_statuses": list(f.statuses), "f_text": f.text,
              "f_undated": f.include_undated})
    if (f.date_from or f.date_to) and d[DATE_KEY]:
        lo, hi = d[DATE_KEY]
        d[DATE_KEY] = (max(lo, f.date_from or lo), min(hi, f.date_to or hi))
    return d


def filters_from_widgets(index: F.TableIndex) -> F.Filters:
    ss = st.session_state
    bounds = index.bounds
    dates = tuple(ss.get(DATE_KEY) or ())
    date_from = dates[0] if len(dates) >= 1 else None
    date_to = dates[1] if len(dates) >= 2 else None
    if bounds and date_from == bounds[0] and date_to in (bounds[1], None):
        date_from = None       # the whole span: no date filter (rows added later still show)
    if bounds and date_to == bounds[1]:
        date_to = None
    return F.Filters(countries=tuple(ss.get("f_countries", ())), country_mode=ss.get("f_mode", "any"),
                     actors=tuple(ss.get("f_actors", ())), event_types=tuple(ss.get("f_types", ())),
                     statuses=tuple(ss.get("f_statuses", ())), date_from=date_from, date_to=date_to,
                     include_undated=bool(ss.get("f_undated", True)), text=ss.get("f_text", ""))


def query_dict() -> dict:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def sidebar_filters(index: F.TableIndex) -> F.Filters:
    ss = st.session_state
    if "_filters_ready" not in ss:                       # first run: the URL sets the filters
        for k, v in state_from(F.from_query(query_dict()), index).items():
            ss[k] = v
        ss["_filters_ready"] = True
    if ss.pop("_reset_filters", False):                   # the reset button on a page
        reset_filters(index)
    for k, v in ss.pop("_pending_filters", {}).items():  # set by a page (a click on a country)
        ss[k] = v
    for k, v in defaults(index).items():
        # Re-assigning keeps a widget's value when the page changes (Streamlit otherwise drops
        # the state of widgets it has not seen on the new page's first run and uses the default).
        ss[k] = ss[k] if k in ss else v

    sb = st.sidebar
    sb.subheader("Filters")
    countries = index.countries
    known = set(countries)
    ss["f_countries"] = [c for c in ss["f_countries"] if c in known]
    sb.multiselect("Countries", countries, key="f_countries",
                   format_func=lambda c: f"{country_name(c)} ({c})", placeholder="All countries")
    sb.radio("Match", ["any", "all"], key="f_mode", horizontal=True,
             format_func={"any": "any of them", "all": "all of them"}.get,
             help="Any: events involving at least one selected country. All: events involving every one.")
    actors = index.actors
    known = set(actors)
    ss["f_actors"] = [a for a in ss["f_actors"] if a in known]
    sb.multiselect("Actors and speakers", actors, key="f_actors", placeholder="Everyone")
    sb.multiselect("Event types", list(F.EVENT_TYPES), key="f_types", placeholder="All types")
    sb.multiselect("Status", list(F.STATUSES), key="f_statuses", placeholder="Any status")
    bounds = index.bounds
    if bounds:
        v = [d for d in (ss.get(DATE_KEY) or ()) if isinstance(d, dt.date)] or list(bounds)
        ss[DATE_KEY] = tuple(min(max(d, bounds[0]), bounds[1]) for d in v)
        sb.date_input("Dates", key=DATE_KEY, format="YYYY-MM-DD", min_value=bounds[0],
                      max_value=bounds[1])
    sb.checkbox("Include undated events", key="f_undated")
    sb.text_input("Search", key="f_text", placeholder="words in summary, quote or evidence")
    sb.button("Reset filters", on_click=reset_filters, args=(index,), icon=":material/restart_alt:",
              width="stretch", key="f_reset")
    f = filters_from_widgets(index)
    sync_url(f)
    return f


def sync_url(f: F.Filters) -> None:
    """The filters' own query parameters set to ``f`` (only those that differ). The pages' view
    choices (``?lanes=``, ``?span=``, ...) are widgets bound to their own parameters and are
    left alone, so a link holds both."""
    wanted = F.to_query(f)
    for key in F.QUERY_KEYS:
        want = wanted.get(key, [])
        want = [want] if isinstance(want, str) else list(want)
        if st.query_params.get_all(key) != want:
            if want:
                st.query_params[key] = want if len(want) > 1 else want[0]
            else:
                del st.query_params[key]


# --- the run -----------------------------------------------------------------------------------

paths, store_path = cli_args()
store = None
if store_path:
    try:
        store, files, report = open_store(store_path, paths)
    except Exception as e:  # noqa: BLE001 - a store that cannot open is said, not a traceback
        st.error(f"The store {store_path} could not be opened: {e}")
        st.stop()
    corpus = views.Corpus(skipped=files.skipped, error=files.error)
    if report is not None and report.failed:
        from core.articles import Skipped
        corpus.skipped.extend(Skipped(n, r) for n, r in report.failed)
    revision = store.revision()
    articles, table = store_snapshot(store_path, revision, store, files.table)
    version = f"store:{store_path}:{revision}"
else:
    corpus = load(paths)
    articles, table, version = session_table(corpus, paths)
index = index_for(version, table)
filters = sidebar_filters(index)
filtered = filtered_for(version, repr(filters), table, index, filters)
st.session_state["view"] = views.View(
    corpus=corpus, articles=articles, table=table, filtered=filtered, filters=filters, paths=paths,
    added_ids=frozenset(a.article_id for a in st.session_state.get("added_articles", ())),
    version=version, store=store, export=export_for(version, table))

st.sidebar.markdown(f"**{len(filtered):,}** of **{len(table):,}** events shown")
if corpus.error:
    st.sidebar.error(corpus.error)
if corpus.skipped:
    with st.sidebar.expander(f"{len(corpus.skipped)} file(s) skipped"):
        for s in corpus.skipped:
            st.text(f"{Path(s.name).name}: {s.reason}")

pages = [
    st.Page(ROOT / "pages" / "timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page(ROOT / "pages" / "quotes.py", title="Who said what", icon=":material/format_quote:"),
    st.Page(ROOT / "pages" / "countries.py", title="Countries", icon=":material/public:"),
    st.Page(ROOT / "pages" / "articles.py", title="Articles", icon=":material/article:"),
]
st.navigation(pages, position="sidebar").run()
