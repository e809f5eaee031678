"""Who said what: every quote with its speaker, and the paragraph it came from."""
import streamlit as st
import plotly.graph_objects as go

from core import filters as F
from core import views
from pages._view import current_view
from core.table import to_csv_bytes

view = current_view()
st.title("Who said what")

all_quotes = F.quotes(view.table)
if not len(all_quotes):
    st.info("No quotes in the corpus yet. Add articles on the **Articles** page.", icon=":material/inbox:")
    st.stop()
shown = F.quotes(view.filtered)
top = st.columns([3, 1], vertical_alignment="bottom")
search = top[0].text_input("Search quotes", key="q_search", placeholder="speaker, role, words of the quote…")
if search.strip():
    shown = shown[F.text_mask(shown, search, ("quote", "speaker", "speaker_role", "source"))]
top[1].download_button("Quotes (CSV)", data=to_csv_bytes(shown), file_name="quotes.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", key="dl_quotes",
                       help="Exactly the quotes listed below, every column")
if not len(shown):
    st.warning(f"No quotes match the filters (the corpus has {len(all_quotes):,}).",
               icon=":material/filter_alt_off:")
    st.stop()

st.caption(f"{len(shown):,} of {len(all_quotes):,} quotes · click a column to sort, a row to read it in context")
frame = views.quotes_frame(shown)
event = st.dataframe(
    frame, key="q_table", on_select="rerun", selection_mode="single-row", hide_index=True, width="stretch",
    column_config={"date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
                   "speaker": st.column_config.TextColumn("Speaker"),
                   "role": st.column_config.TextColumn("Role"),
                   "country": st.column_config.TextColumn("Country", width="small"),
                   "quote": st.column_config.TextColumn("Quote", width="large"),
                   "kind": st.column_config.TextColumn("Kind", width="small"),
                   "source": st.column_config.TextColumn("Source")})

rows = event.selection.rows if event else []
if rows:
    r = shown.iloc[rows[0]]
    article = next((a for a in view.articles if a.article_id == r["article_id"]), None)
    who = ", ".join(x for x in (r["speaker"], r["speaker_role"]) if x) or "Unattributed"
    st.subheader(who)
    before, span, after = views.paragraph_of(article.text, int(r["evidence_start"]), int(r["evidence_end"]),
                                             r["quote"]) if article else ("", "", "")
    if span:
        st.html(views.context_html(before, span, after))
    else:
        st.html(views.context_html("", r["quote"], ""))
        if r["evidence"]:
            st.caption("Evidence: " + r["evidence"])
    st.caption(f"{views.date_label(r['date'], r['date_end'], r['date_precision'])} · "
               f"{r['source'] or r['article_name']} · {r['quote_kind'] or 'quote'}")

per = views.quotes_per_speaker(shown)
if len(per):
    st.subheader("Quotes per speaker over time")
    fig = go.Figure(go.Scatter(
        x=per["period"], y=per["speaker"], mode="markers",
        marker=dict(size=per["quotes"] ** 0.5 * 9 + 6, color=views.EVENT_COLOURS["statement"], opacity=0.8),
        customdata=per["quotes"], hovertemplate="%{y}: %{customdata} quotes, %{x|%d %b %Y}<extra></extra>"))
    fig.update_layout(height=max(220, 40 * per["speaker"].nunique() + 120))
    fig.update_yaxes(categoryorder="total ascending")
    st.plotly_chart(views._style(fig), width="stretch", key="q_per_speaker", config={"displaylogo": False})
