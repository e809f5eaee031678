"""Who said what: every quote with its speaker, and the paragraph it came from."""
import streamlit as st

from core import filters as F
from core import views
from pages._view import cached, csv_download, current_view

SHOWN = 2000            # rows the table shows at once (the CSV has them all)

view = current_view()
st.title("Who said what")

n_all = cached(view, "n_quotes_all", lambda t: len(F.quotes(t)), view.table)
if not n_all:
    st.info("No quotes in the corpus yet. Add articles on the **Articles** page.", icon=":material/inbox:")
    st.stop()
top = st.columns([3, 1, 1], vertical_alignment="bottom")
# the search and the order live in the URL beside the filters (?quotes_q=...&quotes_sort=Speaker)
search = top[0].text_input("Search quotes", key="quotes_q", placeholder="speaker, role, words of the quote…",
                           bind="query-params") or ""
SORTS = {label: key for key, label in views.QUOTE_SORTS.items()}     # a bound widget puts the label in the URL
sort = SORTS.get(top[1].selectbox("Order", list(SORTS), key="quotes_sort", bind="query-params"), "newest")
shown = cached(view, "quotes", views.search_quotes, view.filtered, search.strip())
with top[2]:
    csv_download(view, shown, ("quotes", search.strip()), "Quotes (CSV)", "quotes.csv", "dl_quotes",
                 "Exactly the quotes the filters and the search select, every column")
if not len(shown):
    st.warning(f"No quotes match the filters (the corpus has {n_all:,}).", icon=":material/filter_alt_off:")
    st.stop()

frame = cached(view, ("quotes_frame", search.strip()), views.quotes_frame, shown, SHOWN, sort)
more = (f" · the first {SHOWN:,} in this order are listed (narrow the filters, or download the CSV for all)"
        if len(shown) > SHOWN else "")
st.caption(f"{len(shown):,} of {n_all:,} quotes{more} · click a row to read it in context")
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
    r = shown.loc[frame.index[rows[0]]]
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

per = cached(view, ("per_speaker", search.strip()), views.quotes_per_speaker, shown)
if len(per):
    st.subheader("Quotes per speaker over time")
    st.plotly_chart(views.speaker_figure(per), width="stretch", key="q_per_speaker", config={"displaylogo": False})
