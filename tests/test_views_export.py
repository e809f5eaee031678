"""core.views_export: the CSV of any filtered view cut from one export of the table is exactly
core.table.to_csv_bytes of those rows."""
import pandas as pd
import pytest

import dashboard_data as data
from core import filters as F
from core.table import make_table, to_csv_bytes
from core.views_export import CsvExport


def tricky_table(n=60):
    cells = ["plain", "=SUM(A1)", "-12.5", "+44", "@home", "line\nbreak", "carriage\rreturn", 'say "no"',
             "a, b", "Zürich — Genève", "", "\ttab"]
    rows = []
    for i in range(n):
        c = cells[i % len(cells)]
        rows.append(dict(event_id=f"e{i}", article_id=f"a{i % 7}", event_type="talks", status="occurred",
                         date=f"2026-02-{1 + i % 27:02d}" if i % 5 else None,
                         date_end=f"2026-02-{1 + i % 27:02d}" if i % 5 else None,
                         date_precision="day" if i % 5 else "unknown", countries=("OMN", "KEN")[: 1 + i % 2],
                         actors=(c, "Talia Verran") if c else (), summary=f"{c} {i}", quote=c, evidence=c,
                         speaker=c, source="North Wire" if i % 3 else c, n_sources=1 + i % 3))
    return make_table(rows)


@pytest.mark.parametrize("background", [False, True])
def test_subsets_are_the_bytes_of_to_csv_bytes(background):
    t = tricky_table()
    ex = CsvExport(t, background=background)
    assert ex.wait(30) and not ex.error
    idx = F.TableIndex(t)
    for f in (F.Filters(), F.Filters(countries=("KEN",)), F.Filters(text="no"), F.Filters(include_undated=False),
              F.Filters(countries=("XXX",))):
        rows = F.apply(t, f, idx)
        assert ex.csv_bytes(rows) == to_csv_bytes(rows)
    assert ex.csv_bytes(F.quotes(t)) == to_csv_bytes(F.quotes(t))
    assert ex.csv_bytes(t.iloc[::-1]) == to_csv_bytes(t.iloc[::-1])          # any order of its rows


def test_rows_that_are_not_the_tables_fall_back_to_to_csv_bytes():
    t = data.table()
    ex = CsvExport(t)
    other = t.assign(summary="changed")[["event_id", "summary"]]
    assert ex.positions(other) is None and ex.csv_bytes(other) == to_csv_bytes(other)
    shifted = t.set_axis(range(100, 100 + len(t)))
    assert ex.positions(shifted) is None and ex.csv_bytes(shifted) == to_csv_bytes(shifted)


def test_a_table_with_its_own_index():
    t = tricky_table(20)
    t.index = pd.Index([f"r{i}" for i in range(len(t))])
    ex = CsvExport(t)
    rows = t.iloc[[3, 1, 7]]
    assert ex.positions(rows).tolist() == [3, 1, 7] and ex.csv_bytes(rows) == to_csv_bytes(rows)
