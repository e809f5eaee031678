"""The dashboard's pages in AppTest, on an invented negotiation (tests/dashboard_data.py)."""
from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import core
import dashboard_data as data
from core import filters as F
from core import views

ROOT = Path(__file__).resolve().parent.parent
PAGES = [str(ROOT / "pages" / f"{p}.py") for p in ("timeline", "quotes", "countries", "articles")]
# AppTest resets Streamlit's "pages/ folder" flag before every run, so an entry script that sits
# next to pages/ is run the old (v1) way from its second run on: the page alone, without the
# entry script and its sidebar. Running app.py from a script elsewhere avoids that.
APP_SCRIPT = f"import runpy; runpy.run_path({str(ROOT / 'app.py')!r}, run_name='__main__')"


def new_app():
    return AppTest.from_string(APP_SCRIPT, default_timeout=30)
OMAN_IDS = {r["event_id"] for r in data.rows()
            if "OMN" in r.get("countries", ()) or "OMN" in (r.get("speaker_country"), r.get("location_country"))}


@pytest.fixture
def corpus():
    return views.Corpus(articles=data.articles(), table=data.table())


@pytest.fixture(autouse=True)
def no_store(monkeypatch):
    """Tests choose their store themselves: none unless they set NEGOTIATION_STORE."""
    monkeypatch.delenv("NEGOTIATION_STORE", raising=False)
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)


@pytest.fixture
def app(monkeypatch, corpus):
    monkeypatch.setattr(views, "load_corpus", lambda paths: corpus)
    st.cache_data.clear()
    st.cache_resource.clear()
    return new_app()


def ok(at):
    assert not at.exception, at.exception
    return at


def shown(at) -> pd.DataFrame:
    return at.session_state["view"].filtered


def count_line(at) -> str:
    return next(m.value for m in at.sidebar.children.values() if getattr(m, "type", "") == "markdown"
                and " events shown" in m.value)


def qp(at, key) -> list[str]:
    v = at.query_params.get(key, [])
    return [v] if isinstance(v, str) else list(v)


def chart_ids(at, i=0) -> set[str]:
    spec = json.loads(at.get("plotly_chart")[i].proto.spec)
    return {c[0] for tr in spec["data"] for c in (tr.get("customdata") or []) if c}


def test_every_page_renders_the_corpus(app):
    at = ok(app.run())
    assert at.title[0].value == "Timeline"
    assert count_line(at) == "**9** of **9** events shown"
    for page, title in zip(PAGES, ["Timeline", "Who said what", "Countries", "Articles"]):
        ok(at.switch_page(page).run())
        assert at.title[0].value == title
        assert not at.error and not at.warning


def test_country_options_are_names_with_codes(app):
    at = ok(app.run())
    assert set(at.multiselect(key="f_countries").options) == {
        "Kenya (KEN)", "Oman (OMN)", "Chile (CHL)", "Norway (NOR)"}


def test_filter_by_oman_changes_the_rows_and_the_timeline(app):
    at = ok(app.run())
    dated_all = chart_ids(at)
    at.multiselect(key="f_countries").set_value(["OMN"])
    ok(at.run())
    assert set(shown(at)["event_id"]) == OMAN_IDS
    assert count_line(at) == f"**{len(OMAN_IDS)}** of **9** events shown"
    ids = chart_ids(at)
    assert ids and ids < dated_all and ids <= OMAN_IDS
    assert qp(at, "country") == ["OMN"]


def test_country_filter_all_of(app):
    at = ok(app.run())
    at.multiselect(key="f_countries").set_value(["OMN", "KEN"])
    any_of = set(ok(at.run()) and shown(at)["event_id"])
    at.radio(key="f_mode").set_value("all")
    all_of = set(ok(at.run()) and shown(at)["event_id"])
    assert all_of < any_of
    assert all(set(r["countries"]) >= {"OMN", "KEN"} for _, r in shown(at).iterrows())


def test_quotes_page_table_follows_the_filter(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[1]).run())
    df = at.dataframe[0].value
    assert list(df.columns) == ["date", "speaker", "role", "country", "quote", "kind", "source"]
    assert len(df) == 4
    at.multiselect(key="f_countries").set_value(["NOR"])
    df = ok(at.run()).dataframe[0].value
    assert df["quote"].tolist() == ["We remain ready to return to the table."]
    assert df["speaker"].tolist() == ["Talia Verran"] and df["country"].tolist() == ["Norway"]
    assert df["date"].tolist() == [dt.date(2026, 3, 2)]          # a date, not a timestamp


def test_quotes_page_search(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[1]).run())
    at.text_input(key="quotes_q").input("corridor")
    df = ok(at.run()).dataframe[0].value
    assert df["speaker"].tolist() == ["Ossian Marek"]


def test_filters_survive_page_switches(app):
    at = ok(app.run())
    at.multiselect(key="f_countries").set_value(["CHL"])
    ok(at.run())
    for page in PAGES[1:] + PAGES[:1]:
        ok(at.switch_page(page).run())
        assert at.multiselect(key="f_countries").value == ["CHL"]
        assert set(shown(at)["event_id"]) == {r["event_id"] for r in data.rows() if "CHL" in r["countries"]}


@pytest.mark.parametrize("widget,value,expected", [
    ("f_types", ["demand"], {"demand"}),
    ("f_statuses", ["planned"], {"talks", "meeting"}),
    ("f_actors", ["Imre Solvang"], {"demand"}),
])
def test_other_filters(app, widget, value, expected):
    at = ok(app.run())
    at.multiselect(key=widget).set_value(value)
    assert set(ok(at.run()) and shown(at)["event_type"]) == expected


def test_date_filter_and_undated(app):
    at = ok(app.run())
    at.date_input(key="f_dates").set_value((dt.date(2026, 3, 3), dt.date(2026, 3, 10)))
    ok(at.run())
    got = shown(at)
    assert set(got["summary"]) == {"Oman asks Kenya to withdraw its objections", "Oman and Chile to meet in Mirella",
                                   "=Kenya accuses the mediators of bias",
                                   "Second round of Norway-Kenya talks agreed, no date set"}
    assert qp(at, "from") == ["2026-03-03"]
    at.checkbox(key="f_undated").uncheck()
    assert shown(ok(at.run()))["date"].notna().all()


def test_text_search_and_reset(app):
    at = ok(app.run())
    at.text_input(key="f_text").input("mirella")
    ok(at.run())
    assert shown(at)["summary"].tolist() == ["Oman and Chile to meet in Mirella"]
    at.button(key="f_reset").click()
    ok(at.run())
    assert len(shown(at)) == 9 and at.text_input(key="f_text").value == ""
    assert dict(at.query_params) == {}


def test_filters_that_match_nothing_say_so(app):
    at = ok(app.run())
    at.text_input(key="f_text").input("zzzz-no-such-word")
    ok(at.run())
    assert "No events match the filters" in at.warning[0].value
    at.button(key="tl_reset").click()
    assert len(shown(ok(at.run()))) == 9


def test_link_reproduces_the_view(app):
    app.query_params["country"] = "KEN"
    app.query_params["type"] = ["demand", "accusation"]
    app.query_params["q"] = "withdraw"
    at = ok(app.run())
    assert at.multiselect(key="f_countries").value == ["KEN"]
    assert shown(at)["summary"].tolist() == ["Oman asks Kenya to withdraw its objections"]


def test_page_view_choices_are_in_the_url_beside_the_filters(app):
    # a link with the lane choice and a filter opens that view
    app.query_params["lanes"] = "Event type"
    app.query_params["country"] = "KEN"
    at = ok(app.run())
    assert at.button_group(key="lanes").value == "Event type"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    kenya = {r["event_type"] for r in data.rows() if r["event_id"] in set(shown(at)["event_id"]) and r.get("date")}
    assert set(spec["layout"]["yaxis"]["ticktext"]) == kenya
    # a filter change rewrites the filters' parameters and keeps the page's own
    at.multiselect(key="f_countries").set_value(["OMN"])
    ok(at.run())
    assert qp(at, "country") == ["OMN"] and qp(at, "lanes") == ["Event type"]
    at.multiselect(key="f_countries").set_value([])
    ok(at.run())
    assert "country" not in at.query_params and qp(at, "lanes") == ["Event type"]


def test_quote_search_and_order_come_from_the_url(app):
    app.query_params["quotes_q"] = "Mirella"
    app.query_params["quotes_sort"] = "Speaker"
    at = ok(app.run())
    ok(at.switch_page(PAGES[1]).run())
    assert at.text_input(key="quotes_q").value == "Mirella"
    assert at.selectbox(key="quotes_sort").value == "Speaker"
    df = at.dataframe[0].value
    expected = views.quotes_frame(views.search_quotes(data.table(), "Mirella"), sort="speaker")
    assert df["speaker"].tolist() == expected["speaker"].tolist() == ["Imre Solvang", ""]
    at.selectbox(key="quotes_sort").set_value("Oldest first")
    df = ok(at.run()).dataframe[0].value
    assert df["date"].tolist() == sorted(df["date"].tolist())


def _outlier_corpus():
    rows = [dict(event_id=f"e{i}", article_id="a", event_type="talks", status="occurred",
                 date=str(pd.Timestamp("2026-01-01") + pd.Timedelta(days=2 * i))[:10],
                 date_end=str(pd.Timestamp("2026-01-01") + pd.Timedelta(days=2 * i))[:10], date_precision="day",
                 countries=("OMN",), summary=f"round {i}", article_name="a.txt") for i in range(60)]
    rows += [dict(event_id=f"old{i}", article_id="a", event_type="agreement", status="occurred",
                  date=f"199{i}-06-01", date_end=f"199{i}-06-01", date_precision="day", countries=("OMN",),
                  summary=f"old treaty {i}", article_name="a.txt") for i in range(3)]
    return views.Corpus(table=core.table.make_table(rows))


def test_timeline_opens_on_the_main_span_and_the_url_widens_it(monkeypatch):
    monkeypatch.setattr(views, "load_corpus", lambda paths: _outlier_corpus())
    st.cache_resource.clear()
    at = ok(new_app().run())
    xr = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]["range"]
    assert pd.Timestamp(xr[0]) > pd.Timestamp("2025-11-01") and pd.Timestamp(xr[1]) < pd.Timestamp("2026-07-01")
    assert any("3 events lie outside it (from 1990)" in c.value for c in at.caption)
    assert len(shown(at)) == 63                         # the table and the CSV keep every row
    at = new_app()
    at.query_params["span"] = "Everything"
    ok(at.run())
    assert at.button_group(key="span").value == "Everything"
    xr = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]["range"]
    assert pd.Timestamp(xr[0]) < pd.Timestamp("1990-06-01")


def test_timeline_lanes_and_upcoming(app):
    at = ok(app.run())
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert set(spec["layout"]["yaxis"]["ticktext"]) == {"Norway", "Kenya", "Oman", "Chile"}
    assert any(tr["type"] == "bar" for tr in spec["data"])            # the week and the month
    assert "**Upcoming, no date set**" in [m.value for m in at.markdown]
    at.button_group(key="lanes").set_value("Event type")
    spec = json.loads(ok(at.run()).get("plotly_chart")[0].proto.spec)
    assert set(spec["layout"]["yaxis"]["ticktext"]) == {
        "talks", "statement", "demand", "meeting", "agreement", "accusation"}


def test_countries_page(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[2]).run())
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(specs) == 3
    bars = specs[0]["data"][0]
    assert "Oman (OMN)" in bars["y"], bars
    assert dict(zip(bars["customdata"], bars["x"]))["OMN"] == len(OMAN_IDS)


def test_articles_page_lists_the_corpus(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[3]).run())
    df = at.dataframe[0].value
    assert df["name"].tolist() == ["caldera-courier.txt", "mirella-daily.txt"]
    assert df["events"].tolist() == [5, 4] and df["quotes"].tolist() == [2, 2]


def _fake_normalise(articles):
    return core.table.make_table([
        dict(event_id=f"{a.article_id}-1", article_id=a.article_id, event_type="visit", status="occurred",
             date="2026-03-06", date_end="2026-03-06", date_precision="day", countries=("ISL",),
             summary="Envoy visits Hafnavik", source=a.source, article_name=a.name) for a in articles])


def test_paste_an_article_and_see_its_events(app, monkeypatch):
    monkeypatch.setattr(core, "normalise", _fake_normalise)
    at = ok(app.run())
    ok(at.switch_page(PAGES[3]).run())
    at.text_area(key="p_text").input("Envoy Brann Oddr visited Hafnavik in Iceland on Friday.")
    at.text_input(key="p_source").input("North Wire")
    next(b for b in at.button if b.label == "Add article").click()
    ok(at.run())
    assert any("Added 1 article" in s.value for s in at.success)
    assert len(at.session_state["view"].table) == 10
    assert "Iceland (ISL)" in at.multiselect(key="f_countries").options
    df = at.dataframe[0].value
    assert df["origin"].tolist() == ["corpus", "corpus", "added"] and df["events"].tolist()[-1] == 1


def test_pasting_nothing_is_a_clear_error(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[3]).run())
    next(b for b in at.button if b.label == "Add article").click()
    ok(at.run())
    assert "could not be read" in at.error[0].value


def test_empty_corpus(monkeypatch):
    monkeypatch.setattr(views, "load_corpus", lambda paths: views.Corpus())
    st.cache_data.clear()
    st.cache_resource.clear()
    at = ok(new_app().run())
    assert "corpus is empty" in at.info[0].value
    for page in PAGES[1:]:
        ok(at.switch_page(page).run())
        assert at.info, page


def test_corpus_from_env_and_skipped_files(monkeypatch, tmp_path):
    (tmp_path / "events.csv").write_bytes(core.table.to_csv_bytes(data.table()))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    monkeypatch.setenv("NEGOTIATION_CORPUS", str(tmp_path / "events.csv") + ":" + str(tmp_path / "notes.pdf"))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = ok(new_app().run())
    assert len(shown(at)) == 9
    assert "1 file(s) skipped" in at.sidebar.expander[0].label


def test_config_is_fit_for_a_briefing_room():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["headless"] is True and cfg["server"]["address"] in ("localhost", "127.0.0.1")
    assert cfg["client"]["toolbarMode"] == "minimal"
    assert cfg["client"]["showErrorDetails"] in ("type", "none")     # no traceback in the browser
    assert "use_container_width" not in "".join(p.read_text() for p in [ROOT / "app.py", *ROOT.glob("pages/*.py")])
    assert "unsafe_allow_html" not in "".join(p.read_text() for p in [ROOT / "app.py", *ROOT.glob("pages/*.py")])


def test_remove_an_article(app):
    at = ok(app.run())
    ok(at.switch_page(PAGES[3]).run())
    # AppTest cannot tick a dataframe row: the page's remove action is driven through its state
    at.session_state["removed_ids"] = {data.articles()[1].article_id}
    ok(at.run())
    assert at.dataframe[0].value["name"].tolist() == ["caldera-courier.txt"]
    assert len(shown(at)) == 5 and count_line(at) == "**5** of **5** events shown"


# --- with a store -------------------------------------------------------------------------------

@pytest.fixture
def stored(monkeypatch, tmp_path):
    """The dashboard on a temporary store, with the invented articles as its --corpus files."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "caldera-courier.txt").write_text(data.ARTICLE_1, encoding="utf-8")
    (folder / "mirella-daily.txt").write_text(data.ARTICLE_2, encoding="utf-8")
    monkeypatch.setenv("NEGOTIATION_STORE", str(tmp_path / "store.duckdb"))
    monkeypatch.setenv("NEGOTIATION_CORPUS", str(folder))
    st.cache_data.clear()
    st.cache_resource.clear()
    return tmp_path / "store.duckdb"


def test_store_holds_the_corpus_and_the_dashboard_reads_it(stored):
    from core.store import Store

    at = ok(new_app().run())
    with Store(stored, read_only=True) as s:
        table, n = s.table(), s.count()
    assert n == 2 and len(table)
    assert set(shown(at)["event_id"]) == set(table["event_id"])
    assert count_line(at) == f"**{len(table)}** of **{len(table)}** events shown"
    ok(at.switch_page(PAGES[3]).run())
    assert "origin" not in at.dataframe[0].value.columns
    assert sorted(at.dataframe[0].value["name"]) == ["caldera-courier.txt", "mirella-daily.txt"]
    # a server started again on the same store and corpus adds nothing twice
    st.cache_resource.clear()
    ok(new_app().run())
    with Store(stored, read_only=True) as s:
        assert s.count() == 2 and len(s.table()) == len(table)


def test_pasted_article_goes_into_the_store_and_other_sessions_see_it(stored):
    from core.store import Store

    at = ok(new_app().run())
    before = len(shown(at))
    ok(at.switch_page(PAGES[3]).run())
    at.text_area(key="p_text").input("Envoy Brann Oddr of Iceland met Norwegian negotiators in Hafnavik "
                                     "on Friday, the ministry said.")
    at.text_input(key="p_source").input("North Wire")
    next(b for b in at.button if b.label == "Add article").click()
    ok(at.run())
    assert any("Added 1 article" in s.value for s in at.success)
    with Store(stored, read_only=True) as s:
        assert s.count() == 3
        n_rows = len(s.table())
    assert n_rows > before and len(at.session_state["view"].table) == n_rows
    other = ok(new_app().run())                       # another browser session: same store
    assert len(other.session_state["view"].table) == n_rows
