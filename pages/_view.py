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
