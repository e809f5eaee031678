"""Countries: how often each is involved, over time, and who dealt with whom."""
import plotly.graph_objects as go
import streamlit as st

from core import views
from pages._view import cached, csv_download, current_view, stop_unless_events

view = current_view()
st.title("Countries")

stop_unless_events(view, "co_reset")

totals = cached(view, "country_totals", views.country_totals, view.filtered)
head = st.columns([3, 1], vertical_alignment="bottom")
head[0].caption("Click a country's bar to filter every page on it.")
with head[1]:
    csv_download(view, view.filtered, "events", "Events (CSV)", "events.csv", "dl_countries",
                 "Exactly the rows the filters select, every column")
if not len(totals):
    st.info("None of these events names a country.")
    st.stop()


def bars(totals):
    t = totals.head(25).iloc[::-1]
    fig = go.Figure(go.Bar(x=t["events"].tolist(), y=[f"{c} ({k})" for c, k in zip(t["country"], t["code"])],
                           orientation="h", customdata=t["code"].tolist(), marker_color="#1c3d6e",
                           hovertemplate="%{y}: %{x} events<extra></extra>"))
    fig.update_layout(height=max(240, 30 * len(t) + 80))
    return views.style(fig)


def over_time(table, n_countries):
    ot = views.country_counts_over_time(table)
    fig = go.Figure()
    for name, g in ot.groupby("country", sort=False):
        fig.add_trace(go.Scatter(x=g["period"], y=g["events"], mode="lines+markers", name=name,
                                 hovertemplate=name + ": %{y} events, %{x|%d %b %Y}<extra></extra>"))
    fig.update_layout(height=max(240, 30 * min(n_countries, 25) + 80))
    return views.style(fig)


def matrix(table):
    m = views.country_matrix(table)
    return views.matrix_figure(m) if len(m) > 1 else None


left, right = st.columns(2)
with left:
    st.subheader("Events per country")
    picked = st.plotly_chart(cached(view, "country_bars", bars, totals), key="co_bars", on_select="rerun",
                             selection_mode="points", width="stretch", config={"displaylogo": False})
    codes = sorted({p.get("customdata") for p in (picked.selection.points if picked else [])} - {None})
    if codes and codes != st.session_state.get("_co_last_click"):
        st.session_state["_co_last_click"] = codes
        st.session_state["_pending_filters"] = {"f_countries": codes}
        st.rerun()
with right:
    st.subheader("Over time")
    st.plotly_chart(cached(view, "country_time", over_time, view.filtered, len(totals)), width="stretch",
                    key="co_time", config={"displaylogo": False})

mfig = cached(view, "country_matrix", matrix, view.filtered)
if mfig is not None:
    st.subheader("Who dealt with whom")
    st.caption("Events involving both countries (busiest 20).")
    st.plotly_chart(mfig, width="stretch", key="co_matrix", config={"displaylogo": False})
