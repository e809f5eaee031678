"""The date benchmark's sorting of value misses (bench/tempeval.py): which wrong values differ
from gold only in how they are written, and which name another period."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from tempeval import miss_kind, value_days  # noqa: E402  (bench/tempeval.py)


@pytest.mark.parametrize("value, first, last", [
    ("2026-02-10", "2026-02-10", "2026-02-10"),
    ("2026-02-10T09:00", "2026-02-10", "2026-02-10"),
    ("2026-W06", "2026-02-02", "2026-02-08"),
    ("2026-W06-WE", "2026-02-07", "2026-02-08"),
    ("2026-02", "2026-02-01", "2026-02-28"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-12", "2025-12-01", "2025-12-31"),
    ("2026-Q4", "2026-10-01", "2026-12-31"),
    ("2026-H1", "2026-01-01", "2026-06-30"),
    ("2025-WI", "2025-12-01", "2026-02-28"),
    ("2026", "2026-01-01", "2026-12-31"),
    ("199", "1990-01-01", "1999-12-31"),
    ("19", "1900-01-01", "1999-12-31"),
])
def test_value_days(value, first, last):
    assert value_days(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["P1W", "PAST_REF", "1989-WXX", "2026-13", "XXXX-02"])
def test_value_days_of_what_is_not_one_period(value):
    assert value_days(value) is None


@pytest.mark.parametrize("gold, ours, kind", [
    ("1989-WXX", "1989-W42", "placeholder"),
    ("1949-XX", "1949", "placeholder"),
    ("199X", "199", "placeholder"),
    ("1998-10-XX", "1998-W43", "placeholder"),   # a week inside the month gold gives
    ("1998-10-XX", "1998-W46", "kind"),
    ("2000-W7", "2000-W07", "unpadded"),
    ("2000-W7", "2000-W05", "apart"),
    ("1998-10", "1998-W43", "gold wider"),
    ("1988-Q3", "1988", "ours wider"),
    ("1990-08-09", "1990-08-16", "apart"),
    ("P1W", "1998-W33", "kind"),
    ("PRESENT_REF", "1998-03-05", "kind"),
])
def test_miss_kind(gold, ours, kind):
    assert miss_kind(gold, ours) == kind
