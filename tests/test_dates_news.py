"""Golden cases for core.dates.find_times: readings of English news added on top of the main table
(tests/test_dates.py). Each case: reference date, invented text, expected span and TIMEX3 value."""
from __future__ import annotations

import datetime as dt

import pytest

from core.dates import find_times

D = dt.date
OCT = D(2025, 10, 28)  # a Tuesday in the weeks when third-quarter results come out
THU = D(2026, 2, 12)


def _value(ref, text, span):
    found = find_times(text, ref)
    hits = [m for m in found if m.text == span]
    assert hits, f"no mention {span!r} in {[(m.text, m.value) for m in found]}"
    m = hits[0]
    assert text[m.start:m.end] == span
    return m.value


def _texts(ref, text):
    return [(m.text, m.value) for m in find_times(text, ref)]


# ---- earnings reports: the compared period is the one the figures are for
@pytest.mark.parametrize("ref,text,span,value", [
    # "year-earlier" / "year-ago" before a figure, in a story reporting a quarter: that quarter a year back
    (OCT, "Dorn Foods reported a third-quarter loss of $3.1 million, compared with year-earlier "
          "profit of $1.2 million.", "year-earlier", "2024-Q3"),
    (OCT, "Karsk Textiles said it lost $2 million in the third quarter. The year-ago results "
          "included a gain on the sale of a mill.", "The year-ago", "2024-Q3"),
    (OCT, "Velmora Steel earned $8 million in the second quarter and $5 million in the third "
          "quarter. Year-earlier results included a tax credit.", "Year-earlier", "2024-Q3"),
    # figures for nine or six months: the stretch a year back is not the quarter but the year
    (OCT, "Dorn Foods reported a third-quarter loss. For the nine months, it earned $9.4 million, "
          "up from $7.7 million a year earlier.", "a year earlier", "2024"),
    (OCT, "Dorn Foods reported a third-quarter loss. For the nine months, the company posted net "
          "income of $9.4 million, compared with year-earlier net of $7.7 million.", "year-earlier", "2024"),
    (OCT, "Dorn Foods reported a third-quarter loss. In the first nine months, net was $30 million, "
          "compared with $20 million in the 2024 period.", "the 2024 period", "2024"),
    (OCT, "Dorn Foods reported a third-quarter loss. For the first half, sales were $2 billion, "
          "against $1.8 billion a year ago.", "a year ago", "2024"),
    # ... while the quarter's own figures keep the quarter
    (OCT, "Dorn Foods reported a third-quarter loss. Sales fell to $400 million from $430 million "
          "a year earlier.", "a year earlier", "2024-Q3"),
    # "the latest period" / "the latest quarter's": the quarter the story reports, by its own number
    (OCT, "Karsk Airlines said net income for its fiscal fourth quarter ended Sept. 30 rose 8%. "
          "Sales in the latest period were $1.7 billion.", "the latest period", "2025-Q4"),
    (OCT, "Karsk Airlines posted third-quarter net of $40 million. The latest quarter's results "
          "included a gain of $3 million.", "The latest quarter", "2025-Q3"),
])
def test_earnings_periods(ref, text, span, value):
    assert _value(ref, text, span) == value
