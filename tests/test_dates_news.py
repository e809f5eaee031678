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


# ---- "in <units>": ahead, unless a superlative or "the first time" makes it the stretch up to now
@pytest.mark.parametrize("ref,text,span,typ,value", [
    (OCT, "Retail sales rose 0.2% in September, the smallest gain in a year.", "a year", "DURATION", "P1Y"),
    (OCT, "Exports of Karsk wool grew for the first time in three years.", "three years", "DURATION", "P3Y"),
    (OCT, "The index closed at its highest level in six months.", "six months", "DURATION", "P6M"),
    (OCT, "The new bridge over the Dorn will open in a year.", "a year", "DATE", "2026"),
    (OCT, "The ministry said the plant could reopen in two weeks.", "two weeks", "DATE", "2025-11-11"),
    # "in a year or two": some time ahead
    (OCT, "Doctors may, in a year or two, save more patients with the new drug.", "a year or two", "DATE", "FUTURE_REF"),
    # "will one day": some day ahead, not twenty-four hours
    (OCT, "Supporters say Lena Ostrova will one day lead the party.", "one day", "DATE", "FUTURE_REF"),
    (OCT, "The envoy hopes to one day see a treaty signed in Dorn.", "one day", "DATE", "FUTURE_REF"),
    (OCT, "The strike lasted one day.", "one day", "DURATION", "P1D"),
])
def test_in_units_and_some_day(ref, text, span, typ, value):
    hits = [m for m in find_times(text, ref) if m.text == span]
    assert hits, _texts(ref, text)
    assert (hits[0].type, hits[0].value) == (typ, value)


# ---- rates: "a year" after an amount or a counted noun is a set, not a stretch of time
@pytest.mark.parametrize("text,span,value", [
    ("The cuts should save Velmora Steel $500 million a year.", "a year", "P1Y"),
    ("The airline will add nearly 700 seats a week on the Dorn route.", "a week", "P1W"),
    ("The economy created jobs at a rate of 358,000 a month.", "a month", "P1M"),
    ("Police said they were doing hundreds of interviews a day.", "a day", "P1D"),
    ("Karsk flies four flights a week to the capital.", "a week", "P1W"),
])
def test_rates_are_sets(text, span, value):
    hits = [m for m in find_times(text, OCT) if m.text == span]
    assert hits, _texts(OCT, text)
    assert (hits[0].type, hits[0].value) == ("SET", value)


@pytest.mark.parametrize("text,span,value", [
    ("It takes a week to drive from Dorn to Karsk.", "a week", "P1W"),
    ("The hostage was killed within a week of his capture.", "a week", "P1W"),
])
def test_stretches_stay_durations(text, span, value):
    hits = [m for m in find_times(text, OCT) if m.text == span]
    assert hits, _texts(OCT, text)
    assert (hits[0].type, hits[0].value) == ("DURATION", value)


# ---- a fronted adverbial takes the tense of the main verb after it, however far that verb is
@pytest.mark.parametrize("ref,text,span,value", [
    (D(2025, 10, 25), "In January, a week after the anniversary of the founding of the Dorn republic, "
                      "a bomb in the old market of Karsk killed a guard.", "January", "2025-01"),
    (D(2025, 10, 25), "In January, a week after the anniversary of the founding of the Dorn republic, "
                      "the new assembly of Karsk will hold its first session.", "January", "2026-01"),
])
def test_fronted_adverbial(ref, text, span, value):
    assert _value(ref, text, span) == value


# ---- the stretch must be named before the comparison, and a year figure is a stretch too
@pytest.mark.parametrize("ref,text,span,value", [
    # the quarter's own figure, with the six months mentioned after it
    (OCT, "Dorn Foods said sales in the third quarter rose to $94 million from $80 million a year ago, "
          "bringing sales for the nine months to $260 million.", "a year ago", "2024-Q3"),
    # a figure for a named year
    (OCT, "Karsk Motors posted a fourth-quarter loss. Its 2025 net income fell to $101 million from "
          "year-ago $199 million.", "year-ago", "2024"),
    # a quarter named with its year stays a quarter
    (OCT, "Karsk Motors said net rose in the 2025 third quarter to $5 million from $4 million a year "
          "earlier.", "a year earlier", "2024-Q3"),
])
def test_long_period_named_before(ref, text, span, value):
    assert _value(ref, text, span) == value


# ---- "the fiscal year" like "the year": the current one, or a stretch when it "ended"
@pytest.mark.parametrize("ref,text,span,typ,value", [
    (D(1989, 11, 2), "The drop in net income will mean lower earnings for the fiscal year.", "the fiscal year", "DATE", "1989"),
    (D(1989, 11, 2), "In the fiscal year ended Jan. 31, Dorn Stores had sales of $1 billion.", "the fiscal year", "DURATION", "P1Y"),
    (D(1989, 11, 2), "For the year ended Sept. 30, Karsk Mills earned $42 million.", "the year", "DURATION", "P1Y"),
])
def test_fiscal_year(ref, text, span, typ, value):
    hits = [m for m in find_times(text, ref) if m.text == span]
    assert hits, _texts(ref, text)
    assert (hits[0].type, hits[0].value) == (typ, value)


# ---- "that same day" after a month: a day of that month (the day itself unknown)
def test_same_day_of_a_month():
    text = ("Two judges were threatened, most recently last October when a court in Dorn was attacked. "
            "The judge's name was removed from the list that same day.")
    found = {m.text: m for m in find_times(text, THU)}
    assert found["last October"].value == "2025-10"
    m = found["that same day"]
    assert (m.value, m.first, m.last) == ("2025-10-XX", D(2025, 10, 1), D(2025, 10, 31))


def test_same_day_of_a_day():
    text = "The convoy reached Dorn on Tuesday. Its commander met the mayor that same day."
    assert [(m.text, m.value) for m in find_times(text, THU)] == [("Tuesday", "2026-02-10"), ("that same day", "2026-02-10")]


# ---- "in the nine months" is the period reported on, not a date nine months ahead
@pytest.mark.parametrize("ref,text,span,typ,value", [
    (OCT, "In the nine months, Dorn Foods earned $6.6 million.", "the nine months", "DURATION", "P9M"),
    # "the next two weeks" is the stretch ahead (TimeML: a duration), "in two weeks" a day
    (OCT, "The plant will reopen in the next two weeks.", "the next two weeks", "DURATION", "P2W"),
    (OCT, "Velmora plans to invest $8 billion in the next five years.", "the next five years", "DURATION", "P5Y"),
    (OCT, "The plant will reopen in two weeks.", "two weeks", "DATE", "2025-11-11"),
    (OCT, "A pilot called the tower a minute and a half later.", "a minute and a half", "DURATION", "PT1M30S"),
])
def test_in_the_period_and_fractions(ref, text, span, typ, value):
    hits = [m for m in find_times(text, ref) if m.text == span]
    assert hits, _texts(ref, text)
    assert (hits[0].type, hits[0].value) == (typ, value)


# ---- "in <units>" in a past or negated clause is a stretch ("within"), in a future one a date ahead
@pytest.mark.parametrize("ref,text,span,typ,value", [
    (OCT, "Karsk Mining has not borrowed on the bond market in three years.", "three years", "DURATION", "P3Y"),
    (OCT, "It was the first strike by Dorn dockers in 25 years.", "25 years", "DURATION", "P25Y"),
    (OCT, "The party may hold its first contested congress in 40 years.", "40 years", "DURATION", "P40Y"),
    (OCT, "The mayor reduced the city's debt to $42 million in five years.", "five years", "DURATION", "P5Y"),
    (OCT, "The first ferry will leave Dorn in two weeks.", "two weeks", "DATE", "2025-11-11"),
    (OCT, "Envoys said the talks would resume in two weeks.", "two weeks", "DATE", "2025-11-11"),
])
def test_in_units_by_clause(ref, text, span, typ, value):
    hits = [m for m in find_times(text, ref) if m.text == span]
    assert hits, _texts(ref, text)
    assert (hits[0].type, hits[0].value) == (typ, value)


def test_same_day_that_clause_is_not_the_month():
    text = ("The talks began in March. The envoy was recalled on the same day that the minister "
            "resigned.")
    assert [m.value for m in find_times(text, THU) if m.text == "the same day"] != ["2026-03-XX"]


# ---- a capitalised "Today" inside a sentence is a name ("USA Today", "the Today show")
@pytest.mark.parametrize("text", [
    "The senator told USA Today that she would not run again.",
    "This is Radio Dorn Today.",
    "She appeared on the Today show to defend the plan.",
    "He was a guest on The Tonight Show last year.",
])
def test_today_in_names(text):
    assert not [m for m in find_times(text, THU) if m.text.lower().startswith(("today", "tonight"))], _texts(THU, text)


@pytest.mark.parametrize("text,span", [
    ("Today, the envoys resume their talks in Dorn.", "Today"),
    ("The talks failed. Today the envoys left Karsk.", "Today"),
    ("\u201cToday is a sad day for Dorn,\u201d the mayor said.", "Today"),
    ("``Today, I'm here to tell you we have a deal,'' Venn said.", "Today"),
    ("Dorn Talks to Resume Today in Karsk\n\nThe envoys arrived on Tuesday.", "Today"),
])
def test_today_still_a_day(text, span):
    assert _value(THU, text, span) == "2026-02-12"


# ---- closed quotations do not hide the verb that governs a date after them
@pytest.mark.parametrize("ref,text,span,value", [
    (D(2025, 10, 1), "The police reported \u201c2,521 shooting incidents\u201d in Dorn between January 1 "
                     "and September 18.", "September 18", "2025-09-18"),
    (D(2025, 10, 1), "Venn tweeted \"Thank you, Karsk!\" on Friday afternoon.", "Friday afternoon", "2025-09-26TAF"),
    (D(2025, 10, 1), "\u201cWe will meet on Friday,\u201d the envoy said.", "Friday", "2025-10-03"),
    # "between now and" looks ahead, whatever the verb before it
    (D(2025, 8, 10), "A historian said something \"has to be big\" for her support to drop between now "
                     "and Election Day.", "Election Day", "2025-11-04"),
])
def test_quotations_and_tense(ref, text, span, value):
    assert _value(ref, text, span) == value


# ---- a possessive weekday is a day gone by, unless it names a scheduled event
@pytest.mark.parametrize("ref,text,span,value", [
    (D(2025, 9, 26), "Lena Ostrova will use Monday's debate to attack her rival.", "Monday", "2025-09-29"),
    (D(2025, 9, 26), "Her rival will probably use Monday's encounter to make news.", "Monday", "2025-09-29"),
    (D(2025, 9, 26), "Lawyers said they would look for ways around Wednesday's ruling.", "Wednesday", "2025-09-24"),
    (D(2025, 9, 26), "Officials criticised Thursday's decision by the court.", "Thursday", "2025-09-25"),
])
def test_possessive_weekdays(ref, text, span, value):
    assert _value(ref, text, span) == value


# ---- names that hold a holiday or a day word
@pytest.mark.parametrize("text", [
    "The lecture was about Easter Island and its statues.",
    "The campaign manager told CBS This Morning that the polls were wrong.",
    "A USA TODAY analysis of the donations found more.",
])
def test_names_with_day_words(text):
    assert find_times(text, THU) == [], _texts(THU, text)


@pytest.mark.parametrize("text,span,typ,value", [
    ("Venn wants a $15-an-hour minimum wage in Dorn.", "an-hour", "SET", "PT1H"),
    ("Years from now, the people of Karsk will look back on this vote.", "Years from now", "DATE", "FUTURE_REF"),
    ("The mill closed years ago.", "years ago", "DATE", "PAST_REF"),
])
def test_rates_and_vague_distances(text, span, typ, value):
    hits = [m for m in find_times(text, THU) if m.text == span]
    assert hits, _texts(THU, text)
    assert (hits[0].type, hits[0].value) == (typ, value)
