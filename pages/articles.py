"""Articles: add them (upload or paste), list the corpus, read one with its mentions marked."""
import datetime as dt

import streamlit as st

from core import views
from core.articles import ArticleError, articles_from_bytes, make_article
from core.readers import SUFFIXES
from pages._view import cached, csv_download, current_view

view = current_view()
ss = st.session_state
st.title("Articles")

for level, msg in ss.pop("_flash", []):
    getattr(st, level)(msg)


def add(new: list) -> list[tuple[str, str]]:
    """Add new articles (to the store, or to this session without one); messages for the user."""
    known = {a.article_id for a in view.articles}
    added, msgs = [], []
    for a in new:
        if a.article_id in known:
            msgs.append(("warning", f"{a.name}: already in the corpus, not added again."))
            continue
        known.add(a.article_id)
        added.append(a)
    if added and view.store is not None:
        bar = st.progress(0.0, text=f"Reading {len(added)} articles…") if len(added) > 1 else None

        def progress(done, total):
            if bar is not None and total:
                bar.progress(done / total, text=f"Reading the articles: {done} of {total}")
        try:
            report = view.store.ingest(added, workers=1, progress=progress)
        except Exception as e:  # noqa: BLE001 - said to the user, nothing half-added (whole articles only)
            return [("error", f"The articles could not be added to the store: {e}")] + msgs
        failed = {n for n, _ in report.failed}
        msgs += [("error", f"{n} could not be read: {r}.") for n, r in report.failed]
        added = [a for a in added if a.name not in failed]
    elif added:
        ss["added_articles"] = list(ss.get("added_articles", [])) + added
    if added:
        msgs.insert(0, ("success", f"Added {len(added)} article{'s' if len(added) != 1 else ''}: "
                                   + ", ".join(a.name for a in added)))
    return msgs


up, paste = st.tabs(["Upload files", "Paste text"])
with up:
    with st.form("upload", clear_on_submit=True, border=False):
        files = st.file_uploader("Article files: text (date line, headline, body, source line), saved web "
                                 "pages, JSON / JSON lines / CSV exports, RSS or Atom feeds, or a .zip of them",
                                 type=[s.lstrip(".") for s in SUFFIXES if s], accept_multiple_files=True,
                                 key="up_files")
        if st.form_submit_button("Add articles", icon=":material/upload_file:"):
            new, msgs = [], []
            for f in files or []:
                res = articles_from_bytes(f.getvalue(), f.name)
                new.extend(res.articles)
                msgs.extend(("error", f"{s.name} could not be read: {s.reason}.") for s in res.skipped)
            if not files:
                msgs.append(("warning", "Choose one or more files first."))
            ss["_flash"] = add(new) + msgs
            st.rerun()
with paste:
    with st.form("paste", clear_on_submit=True, border=False):
        text = st.text_area("Article text", height=180, key="p_text",
                            placeholder="Paste the body of the article: one paragraph per line, or as copied (wrapped lines are joined)")
        c = st.columns(3)
        title = c[0].text_input("Headline", key="p_title")
        source = c[1].text_input("Source (outlet)", key="p_source")
        published = c[2].date_input("Published", value=dt.date.today(), key="p_date", format="YYYY-MM-DD")
        if st.form_submit_button("Add article", icon=":material/post_add:"):
            try:
                name = (title.strip() or "pasted article")[:60] + ".txt"
                ss["_flash"] = add([make_article(text, name, published, title, source)])
            except ArticleError as e:
                ss["_flash"] = [("error", f"The pasted text could not be read: {e}.")]
            st.rerun()

st.subheader("Corpus")
counts = cached(view, "article_counts", views.article_counts, view.articles, view.table)
if not len(counts):
    st.info("No articles yet: upload files or paste text above.", icon=":material/inbox:")
    st.stop()
if view.store is None:
    counts = counts.assign(origin=["added" if i in view.added_ids else "corpus" for i in counts["article_id"]])
    counts = counts[["origin"] + [c for c in counts.columns if c != "origin"]]
st.caption(f"{len(counts)} article{'s' if len(counts) != 1 else ''} · {int(counts['events'].sum()):,} events · "
           f"{int(counts['quotes'].sum()):,} quotes · select a row to read the article")
event = st.dataframe(
    counts.drop(columns="article_id"), key="a_table", on_select="rerun", selection_mode="single-row",
    hide_index=True, width="stretch",
    column_config={"published": st.column_config.DateColumn("Published", format="D MMM YYYY"),
                   "name": "File", "title": "Headline", "source": "Source", "origin": "Origin",
                   "events": st.column_config.NumberColumn("Events", width="small"),
                   "quotes": st.column_config.NumberColumn("Quotes", width="small")})
csv_download(view, view.filtered, "events", "Events (CSV)", "events.csv", "dl_articles",
             "The rows the filters select, every column")

rows = event.selection.rows if event else []
if rows:
    meta = counts.iloc[rows[0]]
    aid = meta["article_id"]
    article = next((a for a in view.articles if a.article_id == aid), None)
    st.divider()
    st.subheader(meta["title"] or meta["name"])
    pub = f"{meta['published'].day} {meta['published']:%b %Y}" if meta["published"] else "no publication date"
    st.caption(f"{meta['source'] or 'unknown outlet'} · {pub} · {meta['name']} · "
               f"{meta['events']} events, {meta['quotes']} quotes")
    if article is None:
        st.info("Only the events of this article are loaded (from an event table), not its text.")
    else:
        rows_of = view.table[view.table["article_id"] == aid]
        st.html("<div style='font-size:.85em;color:#57606a'>Marked: " + views.legend_html() + "</div>")
        st.html(views.marked_html(article.text, views.article_marks(article, rows_of)))

    def remove(aid=aid, name=meta["name"]):
        if view.store is not None:
            try:
                n = view.store.remove([aid])
            except Exception as e:  # noqa: BLE001 - said to the user
                ss["_flash"] = [("error", f"{name} could not be removed: {e}")]
                return
            ss["_flash"] = [("info", f"Removed {name} and its events from the store.")] if n else \
                [("warning", f"{name} was not in the store.")]
            return
        added = [a for a in ss.get("added_articles", []) if a.article_id != aid]
        if len(added) != len(ss.get("added_articles", [])):
            ss["added_articles"] = added
        else:
            ss["removed_ids"] = set(ss.get("removed_ids", set())) | {aid}
        ss["_flash"] = [("info", f"Removed {name} from this session's dashboard.")]

    st.button("Remove this article", key="a_remove", on_click=remove, icon=":material/delete:",
              help=("Removes the article and its events from the store; the original file is not deleted"
                    if view.store is not None else
                    "Takes the article and its events out of the dashboard for this session; files are not deleted"))
