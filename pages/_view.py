"""What every page starts from: the filtered view that app.py computed for this run."""
from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st

from core import views


def current_view() -> views.View:
    """The view app.py put in the session. On a link straight to a page of a server that has not
    run the entry point yet, Streamlit runs the page alone (its old pages/ mode): run the entry
    point instead, which shows this page, and stop."""
    if "view" not in st.session_state:
        runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
        st.stop()
    return st.session_state["view"]


EMPTY_CORPUS = ("The corpus is empty: there are no events to show yet. Add articles on the **Articles** "
                "page, or start the dashboard on a folder of articles (`--corpus PATH`).")


def stop_unless_events(view: views.View, key: str) -> None:
    """Say so and stop the page when the corpus is empty or no event matches the filters
    (with a reset button keyed ``key``)."""
    if not len(view.table):
        st.info(EMPTY_CORPUS, icon=":material/inbox:")
        st.stop()
    if not len(view.filtered):
        st.warning(f"No events match the filters (the corpus has {len(view.table):,}).",
                   icon=":material/filter_alt_off:")
        st.button("Reset filters", key=key, on_click=lambda: st.session_state.update(_reset_filters=True))
        st.stop()


@st.cache_resource(max_entries=96, show_spinner=False)
def _memo(key: tuple, _compute):
    return _compute()


_PLAIN = (str, int, float, bool, type(None))


def cached(view: views.View, name, compute, *args):
    """``compute(*args)`` for this view, computed once per table version, filter state, ``name``
    and the plain (str, number) ``args``, and shared by every session: figures and counts drawn
    from ``view.filtered`` or ``view.table``. Anything else the result depends on goes in
    ``name``. What it returns must not be changed in place."""
    plain = tuple(a for a in args if isinstance(a, _PLAIN))
    return _memo((view.version, repr(view.filters), name, plain), lambda: compute(*args))


EAGER_ROWS = 10_000      # CSVs up to this many rows are made with the page (once per filter state)


def csv_download(view: views.View, rows, name, label: str, file_name: str, key: str, help: str):
    """A download button for ``rows`` as spreadsheet-safe CSV. Up to EAGER_ROWS rows the bytes are
    made with the page, once per table version, filter state and ``name``, and shared by every
    session; above that they are made when clicked. (A file made on click is not tied to the
    session in Streamlit 1.67, and two runs of other sessions before the browser fetches it
    delete it: a busy server then cancels the download. Small files avoid that race.) The bytes are
    cut from the table's CSV export (``view.export``), written once per table version."""
    from core.table import to_csv_bytes
    make = view.export.csv_bytes if view.export is not None else to_csv_bytes    # the same bytes
    data = cached(view, ("csv", name), make, rows) if len(rows) <= EAGER_ROWS else (lambda: make(rows))
    return st.download_button(label, data=data, file_name=file_name, mime="text/csv",
                              on_click="ignore", icon=":material/download:", key=key, help=help)
