"""Timeline: what happened when, one lane per country, actor or event type."""
import streamlit as st

from core import views
from core.filters import describe
from core.places import country_name
from pages._view import cached, csv_download, current_view, stop_unless_events

SPANS = {"main": "Main span", "all": "Everything"}

view = current_view()
st.title("Timeline")

stop_unless_events(view, "tl_reset")

span = cached(view, "main_span", views.main_span, view.filtered)     # None: no far events to leave out
top = st.columns([3, 2, 2, 2] if span is not None else [3, 2, 2], vertical_alignment="bottom")
# view choices live in the URL beside the filters (bound widgets: ?lanes=Actor&span=Everything), so a
# link reproduces the view
# (a bound widget puts its option's label in the URL: the options are the labels)
LANES = {label: key for key, label in views.LANE_BY.items()}
lane_by = LANES.get(top[0].segmented_control("Lanes by", list(LANES), key="lanes", default=views.LANE_BY["country"],
                                             required=True, bind="query-params"), "country")
shown_span = None
if span is not None:
    choice = top[1].segmented_control(
        "Time span", list(SPANS.values()), key="span", default=SPANS["main"], required=True,
        bind="query-params", help="Main span: where the bulk of the events lie. Everything: back to the "
                                  "oldest and on to the latest event (the table and the CSV always have every row)")
    shown_span = (span.lo, span.hi) if choice != SPANS["all"] else None
fig = cached(view, ("timeline", shown_span), views.timeline_figure, view.filtered, lane_by, views.DENSE, shown_span)
# the download buttons are filled in after the chart, so that the chart is sent first
buttons = top[-2].empty(), top[-1].empty()

upcoming = cached(view, "upcoming", views.undated_planned, view.filtered)
main, side = st.columns([4, 1]) if len(upcoming) else (st.container(), None)
with main:
    event = st.plotly_chart(fig, key="tl_chart", on_select="rerun", selection_mode=("points", "box"),
                            width="stretch", config={"displaylogo": False,
                                                     "modeBarButtonsToRemove": ["lasso2d", "toImage"]})
    note = ("● occurred  ○ planned  ✕ cancelled · bars span a week, month or year · "
            "click or drag over marks to read their evidence below")
    if shown_span is not None and span.outside:
        note += (f"  \n{views.span_note(span)}: choose **Everything** above, or zoom out "
                 "(the table and the CSV have every row)")
    st.caption(note)
if side is not None:
    with side:
        st.markdown("**Upcoming, no date set**")
        st.html(views.event_cards_html(upcoming, evidence=False, limit=20))

keys = views.selection_keys(event.selection.points if event else [], fig.layout.meta)
if keys:
    chosen = views.rows_for_selection(view.filtered, keys, lane_by)
    st.subheader(f"Selected: {len(chosen):,} event{'s' if len(chosen) != 1 else ''}")
    st.html(views.event_cards_html(chosen))


def briefing() -> bytes:
    return views.briefing_html(view.filtered, title="Negotiation briefing", total=len(view.table),
                               filters=describe(view.filters, country_name), fig=fig,
                               articles=view.articles).encode("utf-8")


with buttons[0].container():
    csv_download(view, view.filtered, "events", "Events (CSV)", "events.csv", "dl_timeline",
                 "Exactly the rows the filters select, every column")
buttons[1].download_button("Briefing (HTML)", data=briefing, file_name="briefing.html", mime="text/html",
                           on_click="ignore", icon=":material/slideshow:", key="dl_briefing",
                           help="One file that opens offline: filters, timeline, key quotes, sources")
