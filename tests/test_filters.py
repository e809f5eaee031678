"""core.filters on the invented negotiation of tests/dashboard_data.py."""
import datetime as dt

import pandas as pd
import pytest

import dashboard_data as data
from core import filters as F
from core.table import COLUMNS


@pytest.fixture(scope="module")
def table():
    return data.table()


def summaries(t):
    return set(t["summary"])


def test_no_filter_keeps_everything_in_order(table):
    out = F.apply(table, F.Filters())
    assert out["event_id"].tolist() == table["event_id"].tolist()
    assert list(out.columns) == list(COLUMNS) and (out.dtypes == table.dtypes).all()


def test_country_any_counts_speaker_and_location_countries(table):
    out = F.apply(table, F.Filters(countries=("OMN",)))
    assert "Oman asks Kenya to withdraw its objections" in summaries(out)       # speaker_country
    assert all("OMN" in (set(r.countries) | {r.speaker_country, r.location_country}) for r in out.itertuples())
    assert len(out) == 4


def test_country_all(table):
    anyof = F.apply(table, F.Filters(countries=("KEN", "CHL")))
    allof = F.apply(table, F.Filters(countries=("KEN", "CHL"), country_mode="all"))
    assert summaries(allof) == {"Kenya and Chile sign a transit agreement"}
    assert len(anyof) == 8                                                    # all but Verran's statement


def test_actor_matches_participants_and_speakers(table):
    assert summaries(F.apply(table, F.Filters(actors=("Talia Verran",)))) == {
        "Norway and Kenya hold talks in Port Caldera mediated by Oman", "Verran: Norway ready to return to the table"}


def test_types_and_status(table):
    assert len(F.apply(table, F.Filters(event_types=("demand",)))) == 2
    planned = F.apply(table, F.Filters(statuses=("planned",)))
    assert set(planned["status"]) == {"planned"} and len(planned) == 2


@pytest.mark.parametrize("lo,hi,undated,expected", [
    (dt.date(2026, 3, 1), dt.date(2026, 3, 1), False, {"Chile consults Omani mediators for a week"}),  # overlap
    (dt.date(2026, 1, 15), dt.date(2026, 1, 15), False, {"Kenya and Chile sign a transit agreement"}),
    (dt.date(2026, 3, 10), None, True, {"Oman and Chile to meet in Mirella",
                                        "Second round of Norway-Kenya talks agreed, no date set"}),
    (None, dt.date(2026, 1, 31), False, {"Kenya and Chile sign a transit agreement"}),
])
def test_dates_overlap_the_range(table, lo, hi, undated, expected):
    f = F.Filters(date_from=lo, date_to=hi, include_undated=undated)
    assert summaries(F.apply(table, f)) == expected


def test_undated_rows_can_be_left_out(table):
    out = F.apply(table, F.Filters(include_undated=False))
    assert out["date"].notna().all() and len(out) == 8


def test_text_search_all_words_any_column_case_insensitive(table):
    assert summaries(F.apply(table, F.Filters(text="NORTHERN corridor"))) == {
        "Marek demands guarantees on the northern corridor"}
    assert summaries(F.apply(table, F.Filters(text="caldera mediated"))) == {
        "Norway and Kenya hold talks in Port Caldera mediated by Oman"}          # evidence + summary
    assert len(F.apply(table, F.Filters(text="=sum(bias)"))) == 1               # no regex
    assert F.apply(table, F.Filters(text="nothing-like-this")).empty


def test_filters_combine(table):
    f = F.Filters(countries=("KEN",), event_types=("demand", "accusation"), text="withdraw")
    assert summaries(F.apply(table, f)) == {"Oman asks Kenya to withdraw its objections"}


def test_empty_table():
    from core.table import empty_table
    assert F.apply(empty_table(), F.Filters(countries=("OMN",), text="x")).empty
    assert F.date_bounds(empty_table()) is None


def test_options(table):
    assert F.country_options(table)[0] == "KEN"
    assert set(F.country_options(table)) == {"KEN", "OMN", "CHL", "NOR"}
    assert set(F.actor_options(table)) == {"Talia Verran", "Ossian Marek", "Imre Solvang"}
    assert F.date_bounds(table) == (dt.date(2026, 1, 1), dt.date(2026, 3, 10))
    assert F.type_options(table) == ["talks", "meeting", "statement", "agreement", "demand", "accusation"]


@pytest.mark.parametrize("f", [
    F.Filters(),
    F.Filters(countries=("OMN", "KEN"), country_mode="all", actors=("Imre Solvang",),
              event_types=("demand",), statuses=("occurred", "planned"),
              date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 5), include_undated=False,
              text="withdraw objections"),
])
def test_url_round_trip(f):
    assert F.from_query(F.to_query(f)) == f


def test_url_ignores_junk():
    f = F.from_query({"country": ["omn"], "match": "some", "type": ["nonsense", "talks"],
                      "from": "yesterday", "status": "planned"})
    assert f == F.Filters(countries=("OMN",), event_types=("talks",), statuses=("planned",))
    assert F.to_query(F.Filters()) == {}


def test_describe():
    lines = F.describe(F.Filters(countries=("OMN",), date_from=dt.date(2026, 3, 1), text="x"),
                       lambda c: {"OMN": "Oman"}[c])
    assert lines == ["Countries (any of): Oman (OMN)", "Dates: 2026-03-01 to the end", "Text contains: x"]


def _reference(table, f):
    """The filters written row by row, the plain way: what the vectorised index must agree with."""
    keep = []
    for r in table.itertuples():
        cs = set(r.countries) | ({r.speaker_country} - {""}) | ({r.location_country} - {""})
        actors = set(r.actors) | ({r.speaker} - {""})
        ok = True
        if f.countries:
            ok &= set(f.countries) <= cs if f.country_mode == "all" else bool(set(f.countries) & cs)
        if f.actors:
            ok &= bool(set(f.actors) & actors)
        if f.event_types:
            ok &= r.event_type in f.event_types
        if f.statuses:
            ok &= r.status in f.statuses
        if r.date is pd.NaT or pd.isna(r.date):
            ok &= f.include_undated
        else:
            end = r.date_end if not pd.isna(r.date_end) else r.date
            if f.date_from:
                ok &= end.date() >= f.date_from
            if f.date_to:
                ok &= r.date.date() <= f.date_to
        if f.text.strip():
            hay = f"{r.summary}\n{r.quote}\n{r.evidence}".casefold()
            ok &= all(w in hay for w in f.text.casefold().split())
        keep.append(ok)
    return table[keep]


@pytest.mark.parametrize("f", [
    F.Filters(countries=("OMN", "KEN"), country_mode="all"),
    F.Filters(countries=("KEN", "OMN", "KEN")),                     # a code twice counts once
    F.Filters(countries=("KEN", "CHL"), country_mode="all", statuses=("occurred",)),
    F.Filters(countries=("XXX",)),
    F.Filters(actors=("Imre Solvang", "Talia Verran"), event_types=("demand", "statement")),
    F.Filters(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 4), include_undated=False),
    F.Filters(date_to=dt.date(2026, 2, 28), text="CHILE"),
    F.Filters(text="corridor northern", countries=("KEN",)),
])
def test_index_agrees_with_the_row_by_row_filters(table, f):
    index = F.TableIndex(table)
    got = F.apply(table, f, index)
    assert got["event_id"].tolist() == _reference(table, f)["event_id"].tolist()
    assert F.apply(table, f)["event_id"].tolist() == got["event_id"].tolist()
