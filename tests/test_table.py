"""The event-table schema is defined once and enforced; exports are spreadsheet-safe."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from core.table import COLUMNS, SchemaError, empty_table, make_table, safe_cell, to_csv_bytes, validate

ROW = {"event_id": "e1", "article_id": "a1", "event_type": "meeting", "plover": "CONSULT",
       "status": "occurred", "date": dt.date(2026, 2, 10), "date_end": dt.date(2026, 2, 10),
       "date_precision": "day", "date_text": "on Tuesday", "date_source": "text",
       "actors": ("Mara Quell", "Ivo Brandt"), "countries": ("OMN", "IRN"), "summary": "Quell meets Brandt",
       "evidence": "Quell met Brandt on Tuesday.", "published": dt.date(2026, 2, 12)}


def test_columns_and_dtypes():
    t = make_table([ROW])
    assert list(t.columns) == list(COLUMNS)
    assert pd.api.types.is_datetime64_dtype(t["date"])
    assert t.loc[0, "actors"] == ("Mara Quell", "Ivo Brandt")
    assert t.loc[0, "quote"] == ""
    assert len(empty_table()) == 0 and list(empty_table().columns) == list(COLUMNS)


@pytest.mark.parametrize("change, message", [
    ({"event_type": "picnic"}, "event_type"),
    ({"status": "rumoured"}, "status"),
    ({"date_precision": "hour"}, "date_precision"),
    ({"date": dt.date(2026, 2, 11), "date_end": dt.date(2026, 2, 10)}, "end before"),
])
def test_bad_rows_raise(change, message):
    with pytest.raises(SchemaError, match=message):
        make_table([{**ROW, **change}])


def test_validate_catches_broken_frames():
    t = make_table([ROW])
    with pytest.raises(SchemaError, match="missing columns"):
        validate(t.drop(columns=["countries"]))
    bad = t.copy()
    bad["actors"] = ["Mara Quell"]
    with pytest.raises(SchemaError, match="tuples"):
        validate(bad)
    bad = t.copy()
    bad["date"] = bad["date"].dt.strftime("%Y-%m-%d")
    with pytest.raises(SchemaError, match="datetime64"):
        validate(bad)


@pytest.mark.parametrize("cell, want", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-12.5", "-12.5"), ("+44", "+44"), ("Quell met Brandt", "Quell met Brandt"), ("", ""),
])
def test_safe_cell(cell, want):
    assert safe_cell(cell) == want


def test_csv_round_trip_is_flat_and_safe():
    t = make_table([ROW, {**ROW, "event_id": "e2", "summary": "=1+1", "date": None, "date_end": None,
                          "date_precision": "unknown", "date_source": ""}])
    data = to_csv_bytes(t)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert list(back.columns) == list(COLUMNS)
    assert back.loc[0, "actors"] == "Mara Quell; Ivo Brandt"
    assert back.loc[0, "date"] == "2026-02-10"
    assert back.loc[1, "date"] == ""
    assert back.loc[1, "summary"] == "'=1+1"


def test_frame_of_is_the_public_constructors_frame():
    from core.table import frame_of, plain_columns
    rows = [ROW, {**ROW, "event_id": "e2", "date": None, "date_end": None, "quote": "We will talk.",
                  "quote_kind": "direct", "speaker": "Mara Quell", "evidence_start": 40}]
    cols = plain_columns(rows)
    pd.testing.assert_frame_equal(frame_of(cols), pd.DataFrame(cols))
    assert frame_of(cols)["quote"].str.len().tolist() == [0, 13]


def test_one_article_table_is_in_timeline_order():
    from core.pipeline import TIMELINE_ORDER, corpus_table
    rows = [{**ROW, "event_id": f"e{i}", "evidence_start": 50 - i,
             "date": d, "date_end": d} for i, d in enumerate([dt.date(2026, 2, 11), None, dt.date(2026, 2, 9),
                                                              dt.date(2026, 2, 9), None])]
    got = corpus_table(rows)
    want = make_table(rows).sort_values(list(TIMELINE_ORDER), na_position="last", kind="stable")
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True))
    assert got["event_id"].tolist() == ["e3", "e2", "e0", "e4", "e1"]
