"""core.views: what the pages and the briefing show, without a browser."""
import datetime as dt
import html
import re

import pandas as pd
import pytest

import dashboard_data as data
from core import views, views_figures
from core.table import EVENT_TYPES, make_table


@pytest.fixture(scope="module")
def table():
    return data.table()


def test_every_event_type_has_one_colour():
    assert set(views.EVENT_COLOURS) == set(EVENT_TYPES)
    assert len(set(views.EVENT_COLOURS.values())) == len(EVENT_TYPES)


@pytest.mark.parametrize("a,b,p,label", [
    ("2026-03-02", "2026-03-02", "day", "2 Mar 2026"),
    ("2026-02-23", "2026-03-01", "week", "23 Feb – 1 Mar 2026"),
    ("2026-02-02", "2026-02-08", "week", "2–8 Feb 2026"),
    ("2026-01-01", "2026-01-31", "month", "Jan 2026"),
    ("2025-01-01", "2025-12-31", "year", "2025"),
    (None, None, "unknown", "no date"),
])
def test_date_label(a, b, p, label):
    assert views.date_label(pd.Timestamp(a) if a else pd.NaT, pd.Timestamp(b) if b else pd.NaT, p) == label


def test_timeline_frame_points_and_ranges(table):
    fr = views.timeline_frame(table, "country")
    assert fr["event_id"].nunique() == 8                     # the undated planned talks are not drawn
    kinds = fr.drop_duplicates("event_id").set_index("event_id")["kind"]
    week = next(r["event_id"] for r in data.rows() if r["date_precision"] == "week")
    assert kinds[week] == "range" and (kinds == "point").sum() == 6
    talks = fr[fr["event_id"] == data.rows()[0]["event_id"]]
    assert set(talks["lane"]) == {"Norway", "Kenya", "Oman"}  # one mark per country lane
    assert (fr["end"] > fr["start"]).all()


def _traces(fig):
    return [t for t in fig.data if t.x is not None and len(t.x) and t.x[0] is not None or t.type == "bar"]


def test_timeline_figure_marks(table):
    fig = views.timeline_figure(table, "country")
    ids = {c[0] for t in fig.data if t.customdata is not None for c in t.customdata}
    assert ids == set(table.loc[table["date"].notna(), "event_id"])
    bars = [t for t in fig.data if t.type == "bar"]
    assert {t.marker.color for t in bars} == {views.EVENT_COLOURS["meeting"], views.EVENT_COLOURS["agreement"]}
    planned = [t for t in fig.data if t.type == "scatter" and "planned" in (t.name or "")]
    assert planned and planned[0].marker.symbol == "circle-open"
    legend = [t.name for t in fig.data if t.showlegend]
    assert legend == [t for t in EVENT_TYPES if t in set(table["event_type"])]


def test_timeline_hover_is_escaped():
    t = make_table([dict(event_id="x", article_id="a", event_type="talks", status="occurred",
                         date="2026-01-02", date_end="2026-01-02", date_precision="day",
                         summary="<img src=x onerror=alert(1)> talks", countries=("OMN",))])
    fig = views.timeline_figure(t)
    hover = [c for tr in fig.data if tr.customdata is not None for c in tr.customdata][0][1]
    assert "<img" not in hover and "&lt;img" in hover


def selected_points(fig) -> list[dict]:
    """Every mark of ``fig`` as Streamlit's selection reports it (x, y, customdata)."""
    return [{"x": x, "y": y, "customdata": list(c)} for tr in fig.data if tr.customdata is not None
            for x, y, c in zip(tr.x, tr.y, tr.customdata)]


def test_timeline_aggregates_when_dense():
    rows = [dict(event_id=f"e{i}", article_id="a", event_type="statement" if i % 2 else "talks",
                 status="occurred", date=f"2026-01-{1 + i % 28:02d}", date_end=f"2026-01-{1 + i % 28:02d}",
                 date_precision="day", countries=("OMN",), summary=f"event {i}") for i in range(300)]
    t = make_table(rows)
    fig = views.timeline_figure(t, "country", dense=100)
    points = selected_points(fig)
    keys = views.selection_keys(points, fig.layout.meta)
    assert len(keys) == len(points) and all(k.startswith("agg|") for k in keys)
    assert sum(p["customdata"][1] for p in points) == 300
    chosen = views.rows_for_selection(t, keys[:1], "country")
    lane, start, end, et = keys[0].split("|")[1:]
    assert lane == "Oman" and et == "*" and len(chosen) == points[0]["customdata"][1]
    assert (chosen["date"] >= pd.Timestamp(start)).all() and (chosen["date"] <= pd.Timestamp(end)).all()


def test_rows_for_selection(table):
    ids = table["event_id"].tolist()[:2]
    assert views.selection_keys([{"customdata": [ids[0], "x"]}, {"x": 1}, {"customdata": [ids[1]]}]) == ids
    assert views.rows_for_selection(table, ids + [None])["event_id"].tolist() == ids


def test_undated_planned(table):
    assert views.undated_planned(table)["summary"].tolist() == [
        "Second round of Norway-Kenya talks agreed, no date set"]


def test_undated_planned_lists_a_plan_told_by_several_articles_once(table):
    plan = views.undated_planned(table)
    copies = pd.concat([table] + [plan.assign(article_id=f"other{i}", event_id=f"e{i}") for i in range(3)])
    again = views.undated_planned(copies)
    assert again["summary"].tolist() == plan["summary"].tolist()
    assert again["n_sources"].tolist() == [4]


def test_quotes_frame(table):
    q = views.quotes_frame(table)
    assert list(q.columns) == ["date", "speaker", "role", "country", "quote", "kind", "source"]
    assert len(q) == 4 and isinstance(q["date"].iloc[0], dt.date)
    assert q["country"].iloc[0] == "Norway" and q["source"].iloc[0] == "Caldera Courier"


def test_quotes_per_speaker(table):
    per = views.quotes_per_speaker(table)
    assert per["quotes"].sum() == 3                          # the unattributed quote is left out
    assert set(per["speaker"]) == {"Talia Verran", "Ossian Marek", "Imre Solvang"}


def test_speaker_figure_on_one_day_spans_days_not_milliseconds(table):
    per = views.quotes_per_speaker(table)
    one_day = per.assign(period=pd.Timestamp("2026-02-10"))
    lo, hi = views.speaker_figure(one_day).layout.xaxis.range
    assert pd.Timestamp(hi) - pd.Timestamp(lo) >= pd.Timedelta(days=6)


def test_paragraph_of_finds_the_quote_in_its_paragraph():
    a = data.articles()[0]
    q = "without guarantees on the northern corridor"
    before, span, after = views.paragraph_of(a.text, 0, 0, q)
    assert span == q and before.startswith("Kenyan envoy Ossian Marek") and after == '".'
    assert views.paragraph_of(a.text, -1, 5) == ("", "", "")


def test_country_views(table):
    tot = views.country_totals(table)
    assert tot.iloc[0].to_dict() == {"code": "KEN", "country": "Kenya", "events": 6}
    m = views.country_matrix(table)
    assert (m.to_numpy() == m.to_numpy().T).all()
    assert m.loc["KEN", "CHL"] == 1 and m.loc["OMN", "CHL"] == 2 and m.loc["OMN", "OMN"] == 4
    ot = views.country_counts_over_time(table)
    assert ot["events"].sum() == sum(len(set(r["countries"]) | ({r.get("speaker_country")} - {None, ""}) |
                                         ({r.get("location_country")} - {None, ""}))
                                     for r in data.rows() if r["date"])


def test_article_counts(table):
    arts = data.articles()
    c = views.article_counts(arts, table)
    assert c[["name", "events", "quotes"]].values.tolist() == [["caldera-courier.txt", 5, 2],
                                                                ["mirella-daily.txt", 4, 2]]
    only_table = views.article_counts([], table)
    assert only_table["name"].tolist() == ["caldera-courier.txt", "mirella-daily.txt"]


def test_marked_article_is_escaped_and_marks_mentions(table):
    a = data.articles()[0]
    rows = table[table["article_id"] == a.article_id]
    marks = views.article_marks(a, rows)
    kinds = {k for _, _, k, _ in marks}
    assert {"quote", "speaker", "country"} <= kinds
    out = views.marked_html(a.text, marks)
    assert "We remain ready to return to the table." in out
    assert re.sub(r"<[^>]+>", "", out).replace("&quot;", '"') == html.escape(a.text, quote=False).replace(
        "\n", "")
    evil = "Envoy <script>alert(1)</script> spoke & left."
    out = views.marked_html(evil, [(0, 5, "speaker", "speaker <b>")])
    assert "<script>" not in out and "&lt;script&gt;" in out and "speaker &lt;b&gt;" in out


def test_briefing_is_self_contained_and_escaped(table):
    t = table.copy()
    t.loc[0, "summary"] = "<script>alert('x')</script> talks"
    fig = views.timeline_figure(t)
    out = views.briefing_html(t, title="Briefing <Caldera>", filters=["Countries (any of): Oman (OMN)"],
                              fig=fig, articles=data.articles(), total=12)
    assert out.startswith("<!DOCTYPE html>") and "Briefing &lt;Caldera&gt;" in out
    assert "<script>alert" not in out and "&lt;script&gt;alert" in out
    assert "Countries (any of): Oman (OMN)" in out and "9 of 12 events shown" in out
    assert "We remain ready to return to the table." in out               # a key quote
    assert "Caldera Courier" in out and "Mirella Daily" in out           # sources
    assert "plotly" in out and not re.search(r"<script[^>]+src=['\"]https?:", out)  # offline
    assert "Key quotes" in out and out.index("“We remain") > 0


def test_briefing_never_puts_reported_speech_in_quotation_marks(table):
    out = views.briefing_html(table, title="T", filters=[])
    words = "Kenya must withdraw its objections before the next meeting"   # an indirect row
    assert words in out and f"“{words}" not in out
    block = out[out.rindex("<blockquote>", 0, out.index(words)):]
    assert "reported speech" in block[:block.index("</blockquote>")]
    assert "“We remain ready to return to the table.”" in out          # a direct one keeps its marks


def test_briefing_with_no_rows(table):
    out = views.briefing_html(table.iloc[:0], title="T", filters=[])
    assert "No events match these filters." in out and "Timeline" not in out


def test_read_event_csv_round_trips(tmp_path, table):
    from core.table import to_csv_bytes, to_export_frame
    p = tmp_path / "events.csv"
    p.write_bytes(to_csv_bytes(table))
    back = views.read_event_csv(p)
    pd.testing.assert_frame_equal(to_export_frame(back), to_export_frame(table))


def test_marks_on_the_same_lane_and_day_do_not_hide_each_other():
    rows = [dict(event_id=f"e{i}", article_id="a", event_type="statement", status="occurred",
                 date="2026-02-10", date_end="2026-02-10", date_precision="day", countries=("IRN",),
                 summary=f"s{i}") for i in range(12)]
    fig = views.timeline_figure(make_table(rows))
    ys = [y for tr in fig.data if tr.customdata is not None for y in tr.y]
    assert len(set(ys)) == 12 and max(ys) - min(ys) < 1                    # spread, inside the lane
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert hi - lo >= pd.Timedelta(days=6)                                 # days on the axis, not hours


def test_timeline_groups_per_month_when_weeks_are_too_many(monkeypatch):
    rows = [dict(event_id=f"e{i}", article_id="a", event_type="talks", status="occurred",
                 date=str(pd.Timestamp("2025-01-01") + pd.Timedelta(days=3 * i))[:10],
                 date_end=str(pd.Timestamp("2025-01-01") + pd.Timedelta(days=3 * i))[:10],
                 date_precision="day", countries=(("OMN", "QAT", "IRN")[i % 3],), summary=f"event {i}")
            for i in range(240)]                      # two years, a mark every third day
    t = make_table(rows)
    frame = views.timeline_frame(t, "country", labels=False)
    assert views.grouping(frame, most=10_000) == "W"
    assert views.grouping(frame, most=100) == "M"
    assert views.grouping(frame, most=30) == "Q"
    assert views.grouping(frame, most=10) == "Y"
    q = views.aggregate_marks(frame, "Q")
    assert q["n"].sum() == 240 and set(q["start"].dt.month) == {1, 4, 7, 10}
    assert set(q["stop"].dt.strftime("%m-%d")) == {"03-31", "06-30", "09-30", "12-31"}
    agg = views.aggregate_marks(frame, "M")
    assert agg["n"].sum() == 240 and (agg["start"].dt.day == 1).all()
    assert (agg["stop"] + pd.Timedelta(days=1)).dt.day.eq(1).all()      # the month's last day
    feb = agg[(agg["lane"] == "Oman") & (agg["start"] == pd.Timestamp("2025-02-01"))]
    assert feb["stop"].tolist() == [pd.Timestamp("2025-02-28")]
    monkeypatch.setattr(views_figures, "MAX_MARKS", 100)        # what timeline_figure reads
    fig = views.timeline_figure(t, "country", dense=100)
    keys = views.selection_keys(selected_points(fig), fig.layout.meta)
    assert len(keys) == len(agg) and "events</b> in %{x|%b %Y}" in fig.data[0].hovertemplate
    assert views.selection_keys([{"x": "2025-02-01 00:00", "customdata": ["Oman", 1, "talks"]}],
                                {"grouped": "M"}) == ["agg|Oman|2025-02-01|2025-02-28|*"]
    chosen = views.rows_for_selection(t, [k for k in keys if "|Oman|2025-02-01|" in k], "country")
    assert len(chosen) == int(feb["n"].iloc[0]) and (chosen["date"].dt.month == 2).all()


def _dated(days, start="2026-01-01", country="OMN", prefix="e"):
    return [dict(event_id=f"{prefix}{i}", article_id="a", event_type="talks", status="occurred",
                 date=str(pd.Timestamp(start) + pd.Timedelta(days=d))[:10],
                 date_end=str(pd.Timestamp(start) + pd.Timedelta(days=d))[:10], date_precision="day",
                 countries=(country,), summary=f"event {i}") for i, d in enumerate(days)]


def test_main_span_leaves_far_old_events_outside():
    rows = _dated(range(0, 300, 3)) + _dated([0, 40, 400], start="1987-05-01", prefix="old")
    t = make_table(rows)
    span = views.main_span(t)
    assert span is not None and span.outside == 3
    assert span.lo == dt.date(2026, 1, 1) and span.hi == dt.date(2026, 1, 1) + dt.timedelta(days=297)
    assert (span.first, span.last) == (dt.date(1987, 5, 1), span.hi)
    assert "3 events lie outside it (from 1987)" in views.span_note(span)
    fig = views.timeline_figure(t, span=(span.lo, span.hi))
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp("2025-12-01") < lo < pd.Timestamp("2026-01-01") and hi < pd.Timestamp("2026-12-01")
    ids = {c[0] for tr in fig.data if tr.customdata is not None for c in tr.customdata}
    assert {"old0", "old1", "old2"} <= ids                        # still in the figure, a zoom out away
    whole = views.timeline_figure(t)
    assert pd.Timestamp(whole.layout.xaxis.range[0]) < pd.Timestamp("1987-05-01")
    # a lane with nothing in the span shown goes below the others (here: a country only the old events name)
    rows += [dict(r, event_id=f"ussr{i}", countries=("SUN",), date="1986-01-02", date_end="1986-01-02")
             for i, r in enumerate(rows[-3:])]
    fig = views.timeline_figure(make_table(rows), span=(span.lo, span.hi))
    assert fig.layout.yaxis.ticktext == ("Oman", "Soviet Union")                 # top to bottom
    assert views.timeline_figure(make_table(rows)).layout.yaxis.ticktext == ("Soviet Union", "Oman")


def test_main_span_is_none_without_outliers_or_with_few_events():
    assert views.main_span(make_table(_dated(range(0, 300, 3)))) is None
    assert views.main_span(make_table(_dated([0, 1, 2, 9000]))) is None                 # too few to judge
    # a cluster ahead is left out too, and the span is all of the bulk (no gap inside it)
    rows = _dated(range(0, 730, 5)) + _dated([365 * 12, 365 * 12 + 3], prefix="far")
    span = views.main_span(make_table(rows))
    assert span.outside == 2 and span.lo == dt.date(2026, 1, 1) and span.hi == dt.date(2026, 1, 1) + dt.timedelta(days=725)
    assert "to 2038" in views.span_note(span)


@pytest.mark.parametrize("sort,speakers", [
    ("newest", ["Imre Solvang", "", "Talia Verran", "Ossian Marek"]),
    ("oldest", ["Talia Verran", "Ossian Marek", "Imre Solvang", ""]),
    ("speaker", ["Imre Solvang", "Ossian Marek", "Talia Verran", ""]),
    ("country", ["", "Ossian Marek", "Talia Verran", "Imre Solvang"]),       # Kenya, Kenya, Norway, Oman
    ("junk", ["Imre Solvang", "", "Talia Verran", "Ossian Marek"]),           # unknown: newest first
])
def test_quotes_frame_sorts(table, sort, speakers):
    assert views.quotes_frame(table, sort=sort)["speaker"].tolist() == speakers
    assert views.quotes_frame(table, limit=2, sort=sort)["speaker"].tolist() == speakers[:2]


def test_grouped_mark_names_its_most_frequent_types():
    kinds = ["talks"] * 3 + ["demand"] * 3 + ["visit"] + ["call"] * 2 + ["agreement"]
    rows = [dict(event_id=f"e{i}", article_id="a", event_type=k, status="occurred", date=f"2026-03-{1 + i:02d}",
                 date_end=f"2026-03-{1 + i:02d}", date_precision="day", countries=("OMN",), summary=f"s{i}")
            for i, k in enumerate(kinds)]
    rows.append(dict(rows[0], event_id="other-lane", countries=("KEN",), date="2026-04-02", date_end="2026-04-02"))
    frame = views.timeline_frame(make_table(rows), "country", labels=False)
    agg = views.aggregate_marks(frame, "M")
    assert agg[["lane", "n", "event_type", "detail"]].values.tolist() == [
        ["Kenya", 1, "talks", "talks"],
        ["Oman", 10, "demand", "demand, talks, call, agreement"]]          # ties: by name
    assert agg["start"].tolist() == [pd.Timestamp("2026-04-01"), pd.Timestamp("2026-03-01")]
    assert agg["stop"].tolist() == [pd.Timestamp("2026-04-30"), pd.Timestamp("2026-03-31")]
