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
