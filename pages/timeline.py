"""Timeline: what happened when, one lane per country, actor or event type."""
import streamlit as st

from core import views
from core.filters import describe
from core.places import country_name
from pages._view import cached, csv_download, current_view, stop_unless_events

view = current_view()
st.title("Timeline")

stop_unless_events(view, "tl_reset")

top = st.columns([3, 2, 2], vertical_alignment="bottom")
lane_by = top[0].segmented_control("Lanes by", list(views.LANE_BY), format_func=views.LANE_BY.get,
                                   key="tl_lanes", default="country") or "country"
with top[1]:
    csv_download(view, view.filtered, "events", "Events (CSV)", "events.csv", "dl_timeline",
                 "Exactly the rows the filters select, every column")
fig = cached(view, "timeline", views.timeline_figure, view.filtered, lane_by)


def briefing() -> bytes:
    return views.briefing_html(view.filtered, title="Negotiation briefing", total=len(view.table),
                               filters=describe(view.filters, country_name), fig=fig,
                               articles=view.articles).encode("utf-8")


top[2].download_button("Briefing (HTML)", data=briefing, file_name="briefing.html", mime="text/html",
                       on_click="ignore", icon=":material/slideshow:", key="dl_briefing",
                       help="One file that opens offline: filters, timeline, key quotes, sources")

upcoming = cached(view, "upcoming", views.undated_planned, view.filtered)
main, side = st.columns([4, 1]) if len(upcoming) else (st.container(), None)
with main:
    event = st.plotly_chart(fig, key="tl_chart", on_select="rerun", selection_mode=("points", "box"),
                            width="stretch", config={"displaylogo": False,
                                                     "modeBarButtonsToRemove": ["lasso2d", "toImage"]})
    st.caption("● occurred  ○ planned  ✕ cancelled · bars span a week, month or year · "
               "click or drag over marks to read their evidence below")
if side is not None:
    with side:
        st.markdown("**Upcoming, no date set**")
        st.html(views.event_cards_html(upcoming, evidence=False, limit=20))

keys = views.selection_keys(event.selection.points if event else [], fig.layout.meta)
if keys:
    chosen = views.rows_for_selection(view.filtered, keys, lane_by)
    st.subheader(f"Selected: {len(chosen):,} event{'s' if len(chosen) != 1 else ''}")
    st.html(views.event_cards_html(chosen))
