"""Countries: how often each is involved, over time, and who dealt with whom."""
import plotly.graph_objects as go
import streamlit as st

from core import views
from core.table import to_csv_bytes
from pages._view import current_view, stop_unless_events

view = current_view()
st.title("Countries")

stop_unless_events(view, "co_reset")

totals = views.country_totals(view.filtered)
head = st.columns([3, 1], vertical_alignment="bottom")
head[0].caption("Click a country's bar to filter every page on it.")
head[1].download_button("Events (CSV)", data=to_csv_bytes(view.filtered), file_name="events.csv",
                        mime="text/csv", on_click="ignore", icon=":material/download:", key="dl_countries")
if not len(totals):
    st.info("None of these events names a country.")
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("Events per country")
    t = totals.head(25).iloc[::-1]
    fig = go.Figure(go.Bar(x=t["events"].tolist(), y=[f"{c} ({k})" for c, k in zip(t["country"], t["code"])],
                           orientation="h", customdata=t["code"].tolist(), marker_color="#1c3d6e",
                           hovertemplate="%{y}: %{x} events<extra></extra>"))
    fig.update_layout(height=max(240, 30 * len(t) + 80))
    picked = st.plotly_chart(views._style(fig), key="co_bars", on_select="rerun", selection_mode="points",
                             width="stretch", config={"displaylogo": False})
    codes = sorted({p.get("customdata") for p in (picked.selection.points if picked else [])} - {None})
    if codes and codes != st.session_state.get("_co_last_click"):
        st.session_state["_co_last_click"] = codes
        st.session_state["_pending_filters"] = {"f_countries": codes}
        st.rerun()
with right:
    st.subheader("Over time")
    ot = views.country_counts_over_time(view.filtered)
    fig = go.Figure()
    for name, g in ot.groupby("country", sort=False):
        fig.add_trace(go.Scatter(x=g["period"], y=g["events"], mode="lines+markers", name=name,
                                 hovertemplate=name + ": %{y} events, %{x|%d %b %Y}<extra></extra>"))
    fig.update_layout(height=max(240, 30 * min(len(totals), 25) + 80))
    st.plotly_chart(views._style(fig), width="stretch", key="co_time", config={"displaylogo": False})

matrix = views.country_matrix(view.filtered)
if len(matrix) > 1:
    st.subheader("Who dealt with whom")
    st.caption("Events involving both countries (busiest 20).")
    st.plotly_chart(views.matrix_figure(matrix), width="stretch", key="co_matrix",
                    config={"displaylogo": False})
