"""Golden table for core.dates.find_times: every family of expression and every trap.

Each case: reference date, sentence, expected span text, TIMEX3 type, value, and (where given)
the first and last day covered. The sentences are invented (invented people and places).
Traps assert that no mention is found at all."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.dates import TimeMention, clause_tense, find_times

D = dt.date
THU = D(2026, 2, 12)   # the seed's publication day (Thursday)
MON = D(2026, 3, 2)    # a Monday
YEND = D(2025, 12, 30)  # a Tuesday at the turn of the year
ANY = object()          # first/last not checked for this case

# (ref, sentence, span, type, value, first, last)
CASES = [
    # ---- weekdays, past clauses: the most recent such day (the reference day itself included)
    (THU, "The envoys met on Tuesday in Velmora.", "Tuesday", "DATE", "2026-02-10", D(2026, 2, 10), D(2026, 2, 10)),
    (THU, "Talks ended on Monday without a deal.", "Monday", "DATE", "2026-02-09", D(2026, 2, 9), D(2026, 2, 9)),
    (THU, "The delegation arrived Sunday.", "Sunday", "DATE", "2026-02-08", ANY, ANY),
    (THU, "Minister Arlo Venn spoke on Thursday.", "Thursday", "DATE", "2026-02-12", D(2026, 2, 12), D(2026, 2, 12)),
    (THU, "The ceasefire took effect on Saturday.", "Saturday", "DATE", "2026-02-07", ANY, ANY),
    (THU, "Rebels said on Friday they had withdrawn.", "Friday", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The agency reported on Wednesday that the convoy was attacked.", "Wednesday", "DATE", "2026-02-11", ANY, ANY),
    (THU, "They met last Tuesday.", "last Tuesday", "DATE", "2026-02-10", ANY, ANY),
    (THU, "The accord was signed last Friday.", "last Friday", "DATE", "2026-02-06", ANY, ANY),
    (THU, "Fighting erupted early Tuesday near Dorn.", "early Tuesday", "DATE", "2026-02-10", ANY, ANY),
    (THU, "Officials criticised Friday's ruling by the court.", "Friday", "DATE", "2026-02-06", ANY, ANY),
    (MON, "The ministers met on Sunday in Karsk.", "Sunday", "DATE", "2026-03-01", ANY, ANY),
    (MON, "The talks collapsed on Friday.", "Friday", "DATE", "2026-02-27", ANY, ANY),
    (MON, "Envoy Mira Tal said on Monday that progress was slow.", "Monday", "DATE", "2026-03-02", ANY, ANY),
    (YEND, "The parliament voted on Saturday.", "Saturday", "DATE", "2025-12-27", ANY, ANY),
    # ---- weekdays, future clauses: the coming one
    (THU, "The envoys will meet on Friday.", "Friday", "DATE", "2026-02-13", D(2026, 2, 13), D(2026, 2, 13)),
    (THU, "The envoys will meet again on Wednesday.", "Wednesday", "DATE", "2026-02-18", ANY, ANY),
    (THU, "Larsen is due to visit Velmora on Monday.", "Monday", "DATE", "2026-02-16", ANY, ANY),
    (THU, "The sides are expected to sign the text on Saturday.", "Saturday", "DATE", "2026-02-14", ANY, ANY),
    (THU, "Negotiators are scheduled to resume work on Tuesday.", "Tuesday", "DATE", "2026-02-17", ANY, ANY),
    (THU, "The committee is to vote on Monday.", "Monday", "DATE", "2026-02-16", ANY, ANY),
    (THU, "They will meet next Tuesday.", "next Tuesday", "DATE", "2026-02-17", ANY, ANY),
    (MON, "The summit will open on Thursday.", "Thursday", "DATE", "2026-03-05", ANY, ANY),
    (YEND, "The new cabinet will be sworn in on Friday.", "Friday", "DATE", "2026-01-02", ANY, ANY),
    # ---- weekday with day part / clock time
    (THU, "Rockets struck Tuesday night.", "Tuesday night", "TIME", "2026-02-10TNI", D(2026, 2, 10), D(2026, 2, 10)),
    (THU, "The border reopened Monday morning.", "Monday morning", "TIME", "2026-02-09TMO", ANY, ANY),
    (THU, "The deadline passed at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2026-02-11T22:00", D(2026, 2, 11), D(2026, 2, 11)),
    (THU, "The offer expired at noon Tuesday.", "noon Tuesday", "TIME", "2026-02-10T12:00", ANY, ANY),
    # ---- weekday with explicit date
    (THU, "The vote took place on Tuesday, Feb. 10.", "Tuesday, Feb. 10", "DATE", "2026-02-10", ANY, ANY),
    (THU, "Talks open on Monday, 16 February.", "Monday, 16 February", "DATE", "2026-02-16", ANY, ANY),
    # ---- yesterday / today / tomorrow / tonight
    (THU, "The foreign minister left yesterday.", "yesterday", "DATE", "2026-02-11", D(2026, 2, 11), D(2026, 2, 11)),
    (THU, "The council meets today.", "today", "DATE", "2026-02-12", D(2026, 2, 12), D(2026, 2, 12)),
    (THU, "The envoy flies to Karsk tomorrow.", "tomorrow", "DATE", "2026-02-13", D(2026, 2, 13), D(2026, 2, 13)),
    (THU, "The president will speak tonight.", "tonight", "TIME", "2026-02-12TNI", D(2026, 2, 12), D(2026, 2, 12)),
    (THU, "Shelling resumed yesterday morning.", "yesterday morning", "TIME", "2026-02-11TMO", ANY, ANY),
    (THU, "Sirens sounded late yesterday.", "late yesterday", "DATE", "2026-02-11", ANY, ANY),
    (THU, "Clashes broke out last night.", "last night", "TIME", "2026-02-11TNI", D(2026, 2, 11), D(2026, 2, 11)),
    (THU, "The cabinet met this morning.", "this morning", "TIME", "2026-02-12TMO", ANY, ANY),
    (THU, "The deal was reached the day before yesterday.", "the day before yesterday", "DATE", "2026-02-10", ANY, ANY),
    (THU, "Results are due the day after tomorrow.", "the day after tomorrow", "DATE", "2026-02-14", ANY, ANY),
    (MON, "The mediator arrived yesterday.", "yesterday", "DATE", "2026-03-01", ANY, ANY),
    (YEND, "The vote is tomorrow.", "tomorrow", "DATE", "2025-12-31", ANY, ANY),
    # ---- ago / earlier / later / in N
    (THU, "The envoys met a week ago.", "a week ago", "DATE", "2026-02-05", D(2026, 2, 5), D(2026, 2, 5)),
    (THU, "The blockade began two weeks ago.", "two weeks ago", "DATE", "2026-01-29", ANY, ANY),
    (THU, "The envoy resigned three days ago.", "three days ago", "DATE", "2026-02-09", ANY, ANY),
    (THU, "The treaty lapsed a month ago.", "a month ago", "DATE", "2026-01", D(2026, 1, 1), D(2026, 1, 31)),
    (THU, "The dispute started two years ago.", "two years ago", "DATE", "2024", D(2024, 1, 1), D(2024, 12, 31)),
    (THU, "The border was closed a decade ago.", "a decade ago", "DATE", "2016", ANY, ANY),
    (THU, "The rivals split several years ago.", "several years ago", "DATE", "PAST_REF", None, None),
    (THU, "The talks opened on Feb. 3. Two days earlier, the envoys had arrived in Dorn.", "Two days earlier", "DATE", "2026-02-01", ANY, ANY),
    (THU, "The summit opened on March 3, 2025. The day before, crowds gathered in Karsk.", "The day before", "DATE", "2025-03-02", ANY, ANY),
    (THU, "The second round will take place in two weeks.", "two weeks", "DATE", "2026-02-26", ANY, ANY),
    (THU, "A decision is expected in three days.", "three days", "DATE", "2026-02-15", ANY, ANY),
    (THU, "A deal could come within days, the mediator said.", "days", "DATE", "FUTURE_REF", None, None),
    (THU, "More talks are planned in the coming weeks.", "the coming weeks", "DATE", "FUTURE_REF", None, None),
    # ---- last / this / next week, month, year, quarter, weekend, decade
    (THU, "Oman hosted talks last week.", "last week", "DATE", "2026-W06", D(2026, 2, 2), D(2026, 2, 8)),
    (THU, "The envoys met this week.", "this week", "DATE", "2026-W07", D(2026, 2, 9), D(2026, 2, 15)),
    (THU, "The envoys will meet next week.", "next week", "DATE", "2026-W08", D(2026, 2, 16), D(2026, 2, 22)),
    (THU, "Talks are set to resume in the coming week.", "the coming week", "DATE", "2026-W08", ANY, ANY),
    (THU, "The sides exchanged drafts earlier this week.", "earlier this week", "DATE", "2026-W07", ANY, ANY),
    (THU, "A reply is due later this week.", "later this week", "DATE", "2026-W07", ANY, ANY),
    (THU, "The ministers met last month.", "last month", "DATE", "2026-01", D(2026, 1, 1), D(2026, 1, 31)),
    (THU, "Trade rose this month.", "this month", "DATE", "2026-02", D(2026, 2, 1), D(2026, 2, 28)),
    (THU, "Elections are planned for next month.", "next month", "DATE", "2026-03", D(2026, 3, 1), D(2026, 3, 31)),
    (THU, "The previous month had been calm.", "The previous month", "DATE", "2026-01", ANY, ANY),
    (THU, "The diplomatic process collapsed last year.", "last year", "DATE", "2025", D(2025, 1, 1), D(2025, 12, 31)),
    (THU, "Growth slowed this year.", "this year", "DATE", "2026", D(2026, 1, 1), D(2026, 12, 31)),
    (THU, "A new round is planned next year.", "next year", "DATE", "2027", D(2027, 1, 1), D(2027, 12, 31)),
    (THU, "Exports fell over the past year.", "the past year", "DATE", "2025", ANY, ANY),
    (THU, "The sides met earlier this year.", "earlier this year", "DATE", "2026", ANY, ANY),
    (THU, "Output shrank later in the quarter; it fell last quarter.", "last quarter", "DATE", "2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
    (THU, "Profits rose this quarter.", "this quarter", "DATE", "2026-Q1", D(2026, 1, 1), D(2026, 3, 31)),
    (THU, "Sales should recover next quarter.", "next quarter", "DATE", "2026-Q2", D(2026, 4, 1), D(2026, 6, 30)),
    (THU, "Protesters marched last weekend.", "last weekend", "DATE", "2026-W06-WE", D(2026, 2, 7), D(2026, 2, 8)),
    (THU, "The leaders will meet this weekend.", "this weekend", "DATE", "2026-W07-WE", D(2026, 2, 14), D(2026, 2, 15)),
    (THU, "Protests spread over the weekend.", "the weekend", "DATE", "2026-W06-WE", D(2026, 2, 7), D(2026, 2, 8)),
    (THU, "Trade doubled in the last decade.", "the last decade", "DATE", "201", D(2010, 1, 1), D(2019, 12, 31)),
    (THU, "The region will change this decade.", "this decade", "DATE", "202", ANY, ANY),
    (THU, "Troops will leave by the end of the month.", "the end of the month", "DATE", "2026-02", ANY, D(2026, 2, 28)),
    (THU, "A deal is expected early next year.", "early next year", "DATE", "2027", D(2027, 1, 1), ANY),
    (MON, "Inflation eased last week.", "last week", "DATE", "2026-W09", D(2026, 2, 23), D(2026, 3, 1)),
    (MON, "The ministers met last month.", "last month", "DATE", "2026-02", D(2026, 2, 1), D(2026, 2, 28)),
    (YEND, "The envoys met last week.", "last week", "DATE", "2025-W52", D(2025, 12, 22), D(2025, 12, 28)),
    (YEND, "The treaty enters into force next month.", "next month", "DATE", "2026-01", ANY, ANY),
    (YEND, "Elections will be held next year.", "next year", "DATE", "2026", ANY, ANY),
    (YEND, "The talks will end this week.", "this week", "DATE", "2026-W01", D(2025, 12, 29), D(2026, 1, 4)),
    # ---- early / mid / late
    (THU, "The envoy will return in mid-February.", "mid-February", "DATE", "2026-02", ANY, ANY),
    (THU, "Violence peaked in late 2025.", "late 2025", "DATE", "2025", ANY, D(2025, 12, 31)),
    (THU, "The plan was drafted in early 2024.", "early 2024", "DATE", "2024", D(2024, 1, 1), ANY),
    (THU, "A deal is expected in early March.", "early March", "DATE", "2026-03", D(2026, 3, 1), ANY),
    (THU, "Fighting resumed in late January.", "late January", "DATE", "2026-01", ANY, D(2026, 1, 31)),
    (THU, "The law was passed in mid-1996.", "mid-1996", "DATE", "1996", ANY, ANY),
    (THU, "A vote is due by the end of 2026.", "the end of 2026", "DATE", "2026", ANY, D(2026, 12, 31)),
    # ---- seasons
    (THU, "The blockade began last autumn.", "last autumn", "DATE", "2025-FA", D(2025, 9, 1), D(2025, 11, 30)),
    (THU, "Talks resumed last fall.", "last fall", "DATE", "2025-FA", ANY, ANY),
    (THU, "The troops will leave this summer.", "this summer", "DATE", "2026-SU", D(2026, 6, 1), D(2026, 8, 31)),
    (THU, "A new round is planned for next spring.", "next spring", "DATE", "2026-SP", D(2026, 3, 1), D(2026, 5, 31)),
    (THU, "Floods hit the region in the summer of 2024.", "the summer of 2024", "DATE", "2024-SU", ANY, ANY),
    (THU, "Gas ran short last winter.", "last winter", "DATE", "2024-WI", D(2024, 12, 1), D(2025, 2, 28)),
    (MON, "The dam burst last summer.", "last summer", "DATE", "2025-SU", ANY, ANY),
    # ---- quarters and halves
    (THU, "Exports fell in the fourth quarter.", "the fourth quarter", "DATE", "2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
    (THU, "Output grew in the first quarter.", "the first quarter", "DATE", "2026-Q1", D(2026, 1, 1), D(2026, 3, 31)),
    (THU, "The firm lost money in the third quarter of 2024.", "the third quarter of 2024", "DATE", "2024-Q3", D(2024, 7, 1), D(2024, 9, 30)),
    (THU, "Third-quarter profit rose.", "Third-quarter", "DATE", "2025-Q3", ANY, ANY),
    (THU, "Revenue doubled in Q3 2024.", "Q3 2024", "DATE", "2024-Q3", ANY, ANY),
    (THU, "Imports slowed in the second half of 2025.", "the second half of 2025", "DATE", "2025-H2", D(2025, 7, 1), D(2025, 12, 31)),
    (D(1989, 11, 2), "Net income fell in the third quarter. Sales were flat a year earlier.", "a year earlier", "DATE", "1988-Q3", ANY, ANY),
    # ---- explicit dates
    (THU, "The talks were held on February 6.", "February 6", "DATE", "2026-02-06", D(2026, 2, 6), D(2026, 2, 6)),
    (THU, "The talks were held on 6 Feb in Dorn.", "6 Feb", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The accord was signed on Feb. 6, 2026.", "Feb. 6, 2026", "DATE", "2026-02-06", D(2026, 2, 6), D(2026, 2, 6)),
    (THU, "The accord was signed on 2026-02-06.", "2026-02-06", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The accord was signed on 6 February 2026.", "6 February 2026", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The accord was signed on February 6th.", "February 6th", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The accord was signed on the 6th of February.", "the 6th of February", "DATE", "2026-02-06", ANY, ANY),
    (THU, "The war ended on March 3, 1999.", "March 3, 1999", "DATE", "1999-03-03", ANY, ANY),
    (THU, "The truce was agreed on Jan. 15.", "Jan. 15", "DATE", "2026-01-15", ANY, ANY),
    (THU, "The envoy was expelled on Dec. 20.", "Dec. 20", "DATE", "2025-12-20", ANY, ANY),
    (THU, "The vote will be held on March 15.", "March 15", "DATE", "2026-03-15", D(2026, 3, 15), D(2026, 3, 15)),
    (THU, "The offer expires Feb. 20.", "Feb. 20", "DATE", "2026-02-20", ANY, ANY),
    (THU, "The envoy arrived on Sept. 14 and left on Sept. 16, 2025.", "Sept. 14", "DATE", "2025-09-14", ANY, ANY),
    (YEND, "The new law takes effect on January 1.", "January 1", "DATE", "2026-01-01", ANY, ANY),
    (THU, "12-02-2026 Dorn: the talks went on.", "12-02-2026", "DATE", "2026-02-12", ANY, ANY),
    (THU, "Filed on 02/12/2026 in Karsk.", "02/12/2026", "DATE", "2026-02-12", ANY, ANY),
    (THU, "Dated 25/12/2025 by the registry.", "25/12/2025", "DATE", "2025-12-25", ANY, ANY),
    (THU, "The court ruled on March eighth.", "March eighth", "DATE", "2025-03-08", ANY, ANY),
    # ---- month names alone, by tense
    (THU, "Elections will be held in March.", "March", "DATE", "2026-03", D(2026, 3, 1), D(2026, 3, 31)),
    (THU, "Protests began in March.", "March", "DATE", "2025-03", D(2025, 3, 1), D(2025, 3, 31)),
    (THU, "The envoy resigned in January.", "January", "DATE", "2026-01", ANY, ANY),
    (THU, "The blockade started in December.", "December", "DATE", "2025-12", ANY, ANY),
    (THU, "Talks will restart in May.", "May", "DATE", "2026-05", ANY, ANY),
    (THU, "The talks collapsed last May.", "last May", "DATE", "2025-05", ANY, ANY),
    (THU, "A summit is planned this September.", "this September", "DATE", "2026-09", ANY, ANY),
    (THU, "Turnout fell in March 2025.", "March 2025", "DATE", "2025-03", ANY, ANY),
    (THU, "The deal was struck in January this year.", "January this year", "DATE", "2026-01", ANY, ANY),
    (THU, "The envoy was appointed in June last year.", "June last year", "DATE", "2025-06", ANY, ANY),
    (THU, "The deal has held since May.", "May", "DATE", "2025-05", ANY, ANY),
    (MON, "The assembly will vote in February next year.", "February next year", "DATE", "2027-02", D(2027, 2, 1), D(2027, 2, 28)),
    # ---- years, decades, centuries
    (THU, "The treaty was signed in 2015.", "2015", "DATE", "2015", D(2015, 1, 1), D(2015, 12, 31)),
    (THU, "Sanctions were lifted in 2025.", "2025", "DATE", "2025", ANY, ANY),
    (THU, "Revenue fell in fiscal 2025.", "fiscal 2025", "DATE", "2025", ANY, ANY),
    (THU, "Planners spoke of the year 2000.", "the year 2000", "DATE", "2000", ANY, ANY),
    (THU, "The region boomed in the 1990s.", "the 1990s", "DATE", "199", D(1990, 1, 1), D(1999, 12, 31)),
    (THU, "The region boomed in the nineties.", "the nineties", "DATE", "199", ANY, ANY),
    (THU, "The feud dates from the '80s.", "the '80s", "DATE", "198", ANY, ANY),
    (THU, "The dam was built in the late 1970s.", "the late 1970s", "DATE", "197", ANY, D(1979, 12, 31)),
    (THU, "The border was drawn in the 20th century.", "the 20th century", "DATE", "19", D(1900, 1, 1), D(1999, 12, 31)),
    (THU, "The fort dates from the 11th century.", "the 11th century", "DATE", "10", ANY, ANY),
    (THU, "It is the worst drought this century.", "this century", "DATE", "20", ANY, ANY),
    (THU, "The town was founded in 1901.", "1901", "DATE", "1901", ANY, ANY),
    # ---- vague references
    (THU, "The sides are now closer to a deal.", "now", "DATE", "PRESENT_REF", None, None),
    (THU, "The envoy is currently in Dorn.", "currently", "DATE", "PRESENT_REF", None, None),
    (THU, "Prices are high these days.", "these days", "DATE", "PRESENT_REF", None, None),
    (THU, "The sides recently resumed contacts.", "recently", "DATE", "PAST_REF", None, None),
    (THU, "Both sides want a deal in the future.", "the future", "DATE", "FUTURE_REF", None, None),
    # ---- durations
    (THU, "The talks lasted for three weeks.", "three weeks", "DURATION", "P3W", None, None),
    (THU, "The siege lasted two years.", "two years", "DURATION", "P2Y", None, None),
    (THU, "The detainees were held for six months.", "six months", "DURATION", "P6M", None, None),
    (THU, "The curfew will last 48 hours.", "48 hours", "DURATION", "PT48H", None, None),
    (THU, "Exports fell over the past two months.", "the past two months", "DURATION", "P2M", None, None),
    (THU, "The region has been quiet for several weeks.", "several weeks", "DURATION", "PXW", None, None),
    (THU, "The dispute lasted nearly two years.", "nearly two years", "DURATION", "P2Y", None, None),
    (THU, "They agreed a two-year truce.", "two-year", "DURATION", "P2Y", None, None),
    (THU, "The permit is valid for 90 days.", "90 days", "DURATION", "P90D", None, None),
    (THU, "The hearing lasted a fortnight.", "a fortnight", "DURATION", "P2W", None, None),
    (THU, "The strike went on for a month and a half.", "a month and a half", "DURATION", "P45D", None, None),
    (THU, "The mission spent a decade in the valley.", "a decade", "DURATION", "P1E", None, None),
    (THU, "The talks lasted about half a day.", "about half a day", "DURATION", "PT12H", None, None),
    # ---- sets
    (THU, "The envoys meet every Friday.", "every Friday", "SET", "XXXX-WXX-5", None, None),
    (THU, "The council sits on Fridays.", "Fridays", "SET", "XXXX-WXX-5", None, None),
    (THU, "Inspectors visit each week.", "each week", "SET", "P1W", None, None),
    (THU, "The bulletin is published daily.", "daily", "SET", "P1D", None, None),
    (THU, "The board reports every month.", "every month", "SET", "P1M", None, None),
    (THU, "Talks are held twice a year.", "twice a year", "SET", "P1Y", None, None),
    (THU, "Patrols run every two weeks.", "every two weeks", "SET", "P2W", None, None),
    (THU, "The report comes out weekly.", "weekly", "SET", "P1W", None, None),
    # ---- no reference date: found, not resolved
    (None, "They met on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2", None, None),
    (None, "Oman hosted talks last week.", "last week", "DATE", "XXXX-WXX", None, None),
    (None, "The minister left yesterday.", "yesterday", "DATE", "XXXX-XX-XX", None, None),
    (None, "Elections will be held in March.", "March", "DATE", "XXXX-03", None, None),
    (None, "The truce began on March 6.", "March 6", "DATE", "XXXX-03-06", None, None),
    (None, "The accord was signed on Feb. 6, 2026.", "Feb. 6, 2026", "DATE", "2026-02-06", D(2026, 2, 6), D(2026, 2, 6)),
    (None, "The treaty was signed in 2015.", "2015", "DATE", "2015", D(2015, 1, 1), D(2015, 12, 31)),
    (None, "The process collapsed last year.", "last year", "DATE", "XXXX", None, None),
    (None, "The sides are now closer to a deal.", "now", "DATE", "PRESENT_REF", None, None),
    (None, "The talks lasted for three weeks.", "three weeks", "DURATION", "P3W", None, None),
]

TRAPS = [
    "Officials may meet the envoys soon.",
    "Thousands march through the capital.",
    "The opposition will march on the palace.",
    "We welcomed the offer.",
    "He sat with the delegates.",
    "The sun rose over the harbour.",
    "A second round of talks has been confirmed.",
    "It was the second meeting of the two sides.",
    "The motion passed 52-48 in the assembly.",
    "The home side won 3-1.",
    "Prices rose 4.5 percent.",
    "Prices rose 4.5% on the year's first trading session." .replace(" on the year's first trading session", ""),
    "The fund is worth $2026 million.",
    "The resolution passed by 2026 to 14.",
    "The candidate won 1990 votes in the district.",
    "Soldiers seized 2000 rifles at the port.",
    "The meeting started at 10:30 a.m.",
    "The session ended at 3 p.m. sharp.",
    "The delegation stayed in Room 2024.",
    "Prime Minister Ella May spoke to reporters.",
    "A 6-year-old boy was rescued.",
    "The 50-year-old alliance is under strain.",
    "The Communist Party daily Vorwa printed the text.",
    "The Sunday Herald printed the letter.",
    "The quarterly dividend was cut.",
    "It will march ahead, she may say.",
    "About 1,990 people attended.",
    "The score stood at 21 to 14.",
    "The delegates number 2030 in all.",
    "Two thirds of members voted yes.",
]


def _find(ref, sentence, span):
    found = find_times(sentence, ref)
    hits = [m for m in found if m.text == span]
    return found, hits


@pytest.mark.parametrize("ref,sentence,span,typ,value,first,last", CASES,
                         ids=[f"{i:03d}-{c[2]}" for i, c in enumerate(CASES)])
def test_golden(ref, sentence, span, typ, value, first, last):
    found, hits = _find(ref, sentence, span)
    assert hits, f"no mention {span!r} in {[(m.text, m.value) for m in found]}"
    m = hits[0]
    assert sentence[m.start:m.end] == m.text
    assert (m.type, m.value) == (typ, value)
    if first is not ANY:
        assert m.first == first
    if last is not ANY:
        assert m.last == last


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps(sentence):
    found = find_times(sentence, THU)
    assert found == [], [(m.text, m.value) for m in found]


def test_two_weekdays_are_two_mentions():
    found = find_times("The envoys met on Tuesday and Wednesday.", THU)
    assert [(m.text, m.value) for m in found] == [("Tuesday", "2026-02-10"), ("Wednesday", "2026-02-11")]


def test_said_then_will():
    s = "Envoy Mira Tal said on Monday that the talks will resume on Friday."
    found = find_times(s, THU)
    assert [(m.text, m.value) for m in found] == [("Monday", "2026-02-09"), ("Friday", "2026-02-13")]


SEED_SENTENCES = (
    "The two leaders \u201cdiscussed the latest developments in the Iranian-American negotiations\u201d, "
    "the official Oman News Agency reported on Tuesday.\n"
    "Oman hosted talks on Iran\u2019s nuclear program last week aimed at avoiding a conflict between "
    "Tehran and Washington, amid surging tensions and a growing US military build-up in the region.\n"
    "It was an outcome of concerted diplomatic efforts in the region to avert a conflict. A second "
    "round of talks has been confirmed, but a date has not been announced.\n"
)


def _seed_text():
    for p in (Path(__file__).resolve().parents[1] / "seeds" / "000_92f0c0f0fdb81621.txt",):
        if p.exists():
            return p.read_text(encoding="utf-8")
    return SEED_SENTENCES


@pytest.mark.parametrize("text", [SEED_SENTENCES, _seed_text()], ids=["embedded", "file"])
def test_seed(text):
    found = find_times(text, D(2026, 2, 12))
    by_text = {}
    for m in found:
        by_text.setdefault(m.text, []).append(m)
        assert text[m.start:m.end] == m.text
    tue = by_text["Tuesday"][0]
    assert (tue.value, tue.first, tue.last, tue.precision) == ("2026-02-10", D(2026, 2, 10), D(2026, 2, 10), "day")
    lw = by_text["last week"][0]
    assert (lw.value, lw.first, lw.last, lw.precision) == ("2026-W06", D(2026, 2, 2), D(2026, 2, 8), "week")
    # "A second round" is not a duration
    assert not any(m.text.lower() == "a second" for m in found)
    if "last year" in text:
        ly = by_text["last year"][0]
        assert (ly.value, ly.first, ly.last) == ("2025", D(2025, 1, 1), D(2025, 12, 31))


def test_sorted_non_overlapping_and_offsets():
    text = " ".join(c[1] for c in CASES[:80])
    found = find_times(text, THU)
    assert found
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert isinstance(m, TimeMention)
        assert text[m.start:m.end] == m.text
        assert m.precision in {"day", "week", "month", "quarter", "year", "unknown"}
        assert (m.first is None) == (m.last is None)
        if m.first:
            assert m.first <= m.last


@pytest.mark.parametrize("sentence,expected", [
    ("The envoys met on Tuesday.", "past"),
    ("The envoys will meet on Friday.", "future"),
    ("Talks are expected to resume on Friday.", "future"),
    ("The deal will be signed on Friday.", "future"),
    ("The deal was signed on Friday.", "past"),
    ("On Friday the envoys will meet again.", "future"),
])
def test_clause_tense(sentence, expected):
    i = sentence.index("Friday") if "Friday" in sentence else sentence.index("Tuesday")
    j = i + len("Friday") if "Friday" in sentence else i + len("Tuesday")
    assert clause_tense(sentence, i, j) == expected


def test_speed():
    import time
    text = " ".join(c[1] for c in CASES) * 2
    t0 = time.perf_counter()
    for _ in range(5):
        find_times(text, THU)
    assert (time.perf_counter() - t0) / 5 < 0.5


@pytest.mark.parametrize("ref,sentence,span,value", [
    (THU, "The offer follows last year's collapse of the talks.", "last year", "2025"),
    (THU, "The envoys prepared for next week's round in Dorn.", "next week", "2026-W08"),
    (THU, "Last month's vote was annulled.", "Last month", "2026-01"),
    (THU, "The prisoners were freed on Christmas Day.", "Christmas Day", "2025-12-25"),
    (THU, "The boy was rescued last Thanksgiving.", "last Thanksgiving", "2025-11-27"),
    (THU, "The truce should hold until Easter.", "Easter", "2026-04-05"),
    (THU, "The March accession was welcomed in Karsk.", "March", "2025-03"),
])
def test_possessives_holidays(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


# ---- limits and postponements; plans reported in the past
@pytest.mark.parametrize("ref,sentence,span,value", [
    (THU, "The ministry extended the offer to March 3.", "March 3", "2026-03-03"),
    (THU, "The board declared a dividend to holders of record March 20.", "March 20", "2026-03-20"),
    (THU, "Officials postponed the hearing until Tuesday.", "Tuesday", "2026-02-17"),
    (THU, "The deadline was extended until 9 a.m. Monday.", "9 a.m. Monday", "2026-02-16T09:00"),
    (THU, "The mediators gave the parties until mid-March to reply.", "mid-March", "2026-03"),
    (THU, "Until Tuesday, the police had not named a suspect.", "Tuesday", "2026-02-10"),
    (THU, "The offer had been due to expire Friday.", "Friday", "2026-02-06"),
    (THU, "The vote had been scheduled to take place on Monday.", "Monday", "2026-02-09"),
    (THU, "The team planned to leave Dorn on Saturday.", "Saturday", "2026-02-14"),
])
def test_deadlines_and_past_plans(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


# ---- earnings reports: "a year earlier" next to money figures is the reported quarter a year back
@pytest.mark.parametrize("ref,sentence,span,value", [
    (D(2025, 10, 28), "Velmora Mining Corp. said third-quarter net income fell 12%. The company cited "
     "higher energy costs and weak demand in its northern markets, and said it would close two of "
     "its older smelters over the coming months as part of a broad review of its operations. The "
     "review, led by chief executive Arlo Venn, will also cover the group's shipping arm. A year "
     "earlier, net income was $2.1 million, or six cents a share.", "A year earlier", "2024-Q3"),
    (D(2025, 10, 28), "Dorn Foods posted a loss for the third quarter. Sales fell 5% from a year "
     "ago.", "a year ago", "2024-Q3"),
    (D(2025, 10, 28), "Dorn Foods posted a loss for the third quarter. The plant was opened a year "
     "ago by the mayor.", "a year ago", "2024"),
])
def test_earnings_year_earlier(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


# ---- the token prefilter finds exactly what a full scan of the text finds
def _full_scan(text, ref, monkeypatch):
    import core.dates as dates
    with monkeypatch.context() as mp:
        mp.setattr(dates, "_candidates", lambda _text: None)
        return find_times(text, ref)


def test_prefilter_equals_full_scan(monkeypatch):
    texts = [c[1] for c in CASES] + TRAPS + [SEED_SENTENCES, " ".join(c[1] for c in CASES)]
    texts += ["Q3 2024 and mid-1990s, the '80s, 5 p.m. EST Nov. 9, earlymorning yesterday, "
              "ten days later, 1987-88 and '97, Tuesdays, every other week, 2026-02-06 and 6/2/2026.",
              "Sales fell in the\nfirst quarter, in the  1990s, in the '80s, for the-year, the\tlatest period, "
              "the day before, the 6th of May, the year-ago quarter, the past few years, The Week."]
    for text in texts:
        for ref in (THU, None):
            assert find_times(text, ref) == _full_scan(text, ref, monkeypatch), text


def test_join_heads_before_hyphens_and_punctuation_equal_full_scan(monkeypatch):
    """After a join head ("two", "year", "end" ...) the next word picks the rules; where no word
    follows ("two-year", "year's", "end-2025", "the" at the end) only the rules that can go on
    with something else are tried: the same mentions as a full scan."""
    import core.dates_index as di
    seps = [" ", "  ", "-", "\t", "\u2014", "'s ", "\u2019s ", ", ", ".", " \u201c", "/", "\n"]
    followers = ["year", "2025", "'90s", "quarter", "end", "days ago", "week", "Tuesday", "month", "half"]
    texts = []
    for head in sorted(di._JOIN_HEADS):
        for sep in seps:
            texts.append(" ".join(f"{w} {head}{sep}{f} and" for w, f in zip(["It was", "By", "In"] * 4, followers)))
        texts.append(f"It was {head}")
        texts.append(f"{head.title()}-year talks began {head}-end of March.")
    for text in texts:
        assert find_times(text, THU) == _full_scan(text, THU, monkeypatch), text


def _number_rules(text, e, digits):
    """The rules tried at a number of ``digits`` digits ending at ``e``: by the character after it,
    or after ASCII whitespace by the character after the whitespace; all number rules when that
    character is not ASCII."""
    import re
    import core.dates_index as di
    nxt = text[e] if e < len(text) else ""
    digits = min(digits, di._DIGIT_CAP)
    if nxt.isascii() and nxt.isspace():
        rest = text[e:].lstrip()
        after = rest[0] if rest else ""
        if after.isascii():
            return di._DIGIT_SPACE_RULES[digits, after]
    return di._DIGIT_RULES[digits, nxt] if nxt.isascii() else di._BY_START[di._DIGIT]


def _token_walk(text):
    """The candidates as a walk over every token finds them (the reference _candidates keeps to):
    each token's key (for "the", "a" ... the pair with the next token) and its rules, at every
    token not right after an ASCII letter or digit."""
    import re
    import core.dates_index as di
    out = []
    for m in re.finditer(r"[A-Za-z]+|\d+|['’](?=\d)", text):
        s, w = m.start(), m.group()
        if s > 0 and text[s - 1] in di._ALNUM:
            continue
        key = w.lower() if w[0].isascii() and w[0].isalpha() else di._DIGIT if w[0].isdigit() else di._QUOTE
        if key == di._DIGIT:  # a number: the rules its shape (digits, next character) can begin
            nxt = text[m.end()] if m.end() < len(text) else ""
            rules = _number_rules(text, m.end(), len(w))
            if rules:
                out.append((s, rules))
            continue
        if key in di._JOIN_HEADS:
            n = re.match(r"\s+([A-Za-z]+|\d|['’](?=\d))", text[m.end():])
            if n:
                w2 = n.group(1)
                k2 = w2.lower() if w2[0].isalpha() else di._DIGIT if w2[0].isdigit() else di._QUOTE
                key = f"{key} {k2}" if f"{key} {k2}" in di._PAIR_KEYS else f"{key} {di._OTHER}"
        if di._BY_START.get(key):
            out.append((s, di._BY_START[key]))
    return out


def test_candidates_equal_a_walk_over_every_token():
    import core.dates_index as di
    texts = [c[1] for c in CASES] + TRAPS + [SEED_SENTENCES,
             "Q3 2days 5th the\nfirst THE FIRST The 1990s, the '80s in\u00a0the week; the.\nA Am\u00e9ricain May "
             "came \u0663\u0664 days 12,500 and 3.5 years, the\u2019 90s, in the\u2014year; the-year; the",
             "a\ta few\rmore than some \u201cTuesday\u201d (Feb. 6) -- at\tthe end/of 2025's 'last' week"]
    for text in texts:
        assert di._candidates(text) == _token_walk(text), text


def test_number_shapes_keep_every_rule_that_can_match():
    """At a number, only the rules its shape (run length, next character, after whitespace the
    character after it) fits are tried: every rule that matches there must be among them,
    whatever follows the digits."""
    import re
    import core.dates_index as di
    every = di._BY_START[di._DIGIT]
    tails = ["", " p.m. Friday", ":30 a.m. Tuesday", " am Monday", "pm Feb. 6", "st century", "th of May",
             "-05-06", "/2/2026", ".2.2026", "-2-2026", "s", "'s", "’s", " years ago", "-year", " times a year",
             ".5 years", " 1/2 years", " first quarter", "nd half", " and a half years", " more days", "%",
             " percent", ",000", " Feb", " of March", "rd quarter", " 2025", " days later", "s-era", "0s",
             "  p.m. Friday", " \t years ago", "\u00a0years ago", " \u00a0 days later", "\n\nMarch 5", "   "]
    nexts = [chr(i) for i in range(32, 127)] + ["\t", "\n", "\u00a0", "\u2019", "\u2013", "\u0663", ""]
    for digits in ("1", "5", "12", "31", "199", "1990", "2026", "12345", "1234567", "3\u0663", "\u0663"):
        for nxt in nexts:
            for tail in tails:
                text = " " + digits + nxt + tail
                run = len(re.match(r"\d+", text[1:]).group())
                tried = _number_rules(text, 1 + run, run)
                for name, rx in every:
                    if rx.match(text, 1):
                        assert (name, rx) in tried, (text, name)


def test_word_list_tries_match_like_a_longest_first_alternation():
    """_alt writes a word list as a prefix tree; it must match what the plain alternation of the
    words, longest first, matches, also where a longer word has to give way to a shorter one."""
    import re
    from core.dates_grammar import _alt
    from core.dates_words import DECADE_WORDS, HOLIDAYS, NUMBER_WORDS, ORDINALS, VAGUE_NUMBERS
    for words in (NUMBER_WORDS, ORDINALS, HOLIDAYS, VAGUE_NUMBERS, DECADE_WORDS):
        plain = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
        probes = [w + tail for w in words for tail in ("", " ", "s", " of the", "  x", "-y")]
        probes += [w[:i] for w in words for i in range(1, len(w))]
        for after in ("", r"\b", r"\s+of\b", r"(?![\w-])", r"\s+x"):
            tree, flat = re.compile(f"(?:{_alt(words)}){after}", re.I), re.compile(f"(?:{plain}){after}", re.I)
            for probe in probes + [p.upper() for p in probes]:
                a, b = tree.match(probe), flat.match(probe)
                assert (a and a.span()) == (b and b.span()), (probe, after)
    assert _alt(["a", "an", "a few", "a dozen"]) == r"a(?:\s+(?:dozen|few)|n)?"
    with pytest.raises(ValueError):
        _alt(["May", "may"])


def test_every_rule_start_is_known():
    """Each rule's possible first words were read from its pattern (no rule is tried everywhere)."""
    import core.dates as dates
    assert all(dates._ANY not in starts for starts in dates._RULE_STARTS.values())
    assert {"the", "tuesday", "feb", "yesterday", "q", dates._DIGIT, dates._QUOTE} <= dates.FIRST_WORDS
    assert "may" in dates._RULE_STARTS["month"] and "of" not in dates.FIRST_WORDS
    # after "the", the next word picks the rules: "the first" may start a quarter, "the cat" nothing
    assert "the first" in dates._RULE_STARTS["quarter"] and "the cat" not in dates._BY_START
    names = [name for name, _ in dates._BY_START["the first"]]
    assert "quarter" in names and names == [n for n, _ in dates.RULES if n in names]  # rule order


def test_odd_letters_scan_in_full():
    # the Kelvin sign matches "k" case-insensitively: such texts take the full scan, same result
    assert [m.text for m in find_times("The envoys met on Tuesday \u212a.", THU)] == ["Tuesday"]


# ---- tense: adjectival participles, plans, quotation boundaries; vague stretches of the past
@pytest.mark.parametrize("ref,sentence,span,value", [
    # "-ed" after a determiner or adverb, or an "un-" participle, is an adjective, not a past verb
    (D(2025, 10, 26), "The dividend would be paid on a still unspecified date in January.", "January", "2026-01"),
    (D(2025, 10, 26), "Holders will vote on the revised offer in January.", "January", "2026-01"),
    # a plan made in the past for what lies ahead
    (THU, "Protesters planned a rally in Dorn on Saturday.", "Saturday", "2026-02-14"),
    (THU, "The official said that the accession was planned for early March.", "early March", "2026-03"),
    (THU, "Officials said the vote is set for Friday.", "Friday", "2026-02-13"),
    (THU, "The plan had been scheduled for Monday, officials said.", "Monday", "2026-02-09"),
    (THU, "The index fell from the record high set on Feb. 6.", "Feb. 6", "2026-02-06"),
    # a speech verb outside the quotation marks does not govern a time inside them
    (D(2026, 2, 11), "\u201cThe envoy will leave the besieged city of Dorn at 4 a.m. on Thursday,\u201d Venn said.", "4 a.m. on Thursday", "2026-02-12T04:00"),
    (THU, "He said, \"On Friday the two sides will sign the text.\"", "Friday", "2026-02-13"),
    ("ref_thu", "\u201cWe met on Friday,\u201d she said.", "Friday", "2026-02-06"),
    # vague stretches of the past
    (THU, "Trade has grown in recent years.", "recent years", "PAST_REF"),
    (THU, "Output fell over the past several quarters.", "the past several quarters", "PAST_REF"),
    (THU, "Rates have fallen in the last few months.", "the last few months", "PAST_REF"),
])
def test_tense_plans_quotes_vague_past(ref, sentence, span, value):
    ref = THU if ref == "ref_thu" else ref
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


def test_recent_weeks_stay_durations():
    m = _find(THU, "Funds have sold bonds in recent weeks.", "recent weeks")[1][0]
    assert (m.type, m.value) == ("DURATION", "PXW")


# ---- spoken years, days told from another day, year-end, "current", quarters and weeks in focus
@pytest.mark.parametrize("ref,sentence,span,value", [
    (THU, "January nineteen ninety-seven. A bomb exploded in Dorn.", "January nineteen ninety-seven", "1997-01"),
    (THU, "Oil fell to the level seen in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    (THU, "The pact was signed in nineteen eighty-nine.", "nineteen eighty-nine", "1989"),
    (THU, "The talks opened on Feb. 3. The next day, the envoys left Dorn.", "The next day", "2026-02-04"),
    (THU, "The talks opened on Feb. 3. The envoys left the following morning.", "the following morning", "2026-02-04TMO"),
    (THU, "The mayor was shot on Feb. 3. Earlier that day, he had met the envoys.", "Earlier that day", "2026-02-03"),
    (THU, "The truce began on Feb. 3. That same day, rockets hit Karsk.", "That same day", "2026-02-03"),
    (THU, "The index closed at 812 on Friday, Feb. 6, down 3% from the previous Friday.", "the previous Friday", "2026-01-30"),
    (THU, "The deal should close by year-end.", "year-end", "2026"),
    (THU, "The index has risen 8% since year-end.", "year-end", "2025"),
    (THU, "Heavy rain delayed planting earlier in the year.", "earlier in the year", "2026"),
    (THU, "Investors fretted over the current weakness in Dorn.", "current", "PRESENT_REF"),
    (THU, "The firm lost money in the third quarter. Results for that quarter included a charge.", "that quarter", "2025-Q3"),
    (D(1989, 11, 1), "Net fell in the third quarter. Sales for last year's quarter were $3 million.", "last year", "1988-Q3"),
    (D(1989, 11, 1), "Net fell in the third quarter, against $1.8 million for the corresponding period last year.", "last year", "1988-Q3"),
])
def test_spoken_years_anaphora_year_end(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


@pytest.mark.parametrize("sentence", [
    "Traders suffered losses on trades made that day.",            # no day in focus: no date
    "Baker said on ABC's \"This Week\" that the plan failed.",     # a programme title
    "The bank has a large current account deficit.",              # an account, not the present
    "Karsk imports about three-quarters of its grain.",           # fractions are not durations
    "The funds hold more than a quarter of the market.",
])
def test_traps_anaphora_titles(sentence):
    found = find_times(sentence, THU)
    assert found == [], [(m.text, m.value) for m in found]


# ---- earnings stories: "year-ago" forms go back from the quarter the story reports (its first
# quarter that has begun), not from later outlooks ("next year", "the third quarter of 2026")
@pytest.mark.parametrize("ref,sentence,span,value", [
    (D(1989, 10, 30), "Dorn Corp. posted a third-quarter loss. Revenue should recover next year. "
     "Sales rose 4% from $2.27 billion in the year-earlier quarter.", "the year-earlier quarter", "1988-Q3"),
    (D(1989, 10, 26), "Velmora Steel said third-quarter net fell. It expects a strong third quarter of 1990. "
     "In the year-ago period, Velmora earned $101 million.", "the year-ago period", "1988-Q3"),
    (D(1989, 10, 30), "Net fell in the third quarter. Karsk Corp. in the year-ago third quarter earned $22 million.",
     "the year-ago third quarter", "1988-Q3"),
    # the year-ago results of a quarter report are that quarter's (figures for nine months: the year,
    # tests/test_dates_news.py)
    (D(1989, 11, 2), "Net fell in the third quarter to $306 million. The year-ago results included a charge.",
     "The year-ago", "1988-Q3"),
    (D(1989, 10, 26), "Dorn Bank lost money in the third quarter. For the quarter a year ago, it earned $16 million.",
     "the quarter a year ago", "1988-Q3"),
    (D(1989, 10, 26), "Sales should recover in the first two quarters of 1990.", "the first two quarters", "P2Q"),
    (D(1989, 11, 1), "Profit rose in the third quarter, compared with the second quarter. "
     "In the 1989 period also, interest expense was lower.", "the 1989 period", "1989-Q3"),
])
def test_earnings_year_ago_forms(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


# ---- a wire story's dateline gives the day it was written (published the next morning)
def test_dateline_sets_the_story_day():
    text = "KARSK, Feb. 11 (Velmora Press) -- Envoys met today and will meet again tomorrow."
    got = {m.text: m.value for m in find_times(text, THU)}
    assert got == {"Feb. 11": "2026-02-11", "today": "2026-02-11", "tomorrow": "2026-02-12"}
    # a date more than a week away is not taken as the dateline day
    far = find_times("KARSK, Jan. 2 (Velmora Press) -- Envoys met today.", THU)
    assert [(m.text, m.value) for m in far] == [("Jan. 2", "2026-01-02"), ("today", "2026-02-12")]


# ---- "the summer", "for the year", "for the week"
@pytest.mark.parametrize("ref,sentence,span,typ,value", [
    (D(2025, 10, 26), "Orders rose from the low levels of the early summer.", "the early summer", "DATE", "2025-SU"),
    (D(2025, 10, 26), "Rivals cut prices over the summer.", "the summer", "DATE", "2025-SU"),
    (THU, "The mediators hope to finish the text by the summer.", "the summer", "DATE", "2026-SU"),
    (THU, "Dorn Foods expects a loss for the year.", "the year", "DATE", "2026"),
    (THU, "Revenue rose through the first nine months of the year.", "the year", "DATE", "2026"),
    (THU, "Karsk Corp. earned $4 million for the year ended Sept. 30.", "the year", "DURATION", "P1Y"),
    (THU, "Stocks fell on Friday. For the week, the index lost 3%.", "the week", "DATE", "2026-W06"),
])
def test_seasons_and_the_year(ref, sentence, span, typ, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert (hits[0].type, hits[0].value) == (typ, value)


@pytest.mark.parametrize("sentence", [
    "The fall of the old regime surprised the envoys.",
    "The approach of the year two thousand worried them.",
])
def test_season_and_year_traps(sentence):
    assert all(m.text.lower() not in ("the fall", "the year") for m in find_times(sentence, THU))


# ---- the present age is not a day; fractional counts
@pytest.mark.parametrize("sentence", [
    "Such threats are common in today's world.",
    "Many of today's personal computers use the chip.",
    "\"I would choose the people of tomorrow,\" the envoy said.",
])
def test_generic_today(sentence):
    assert find_times(sentence, THU) == []


@pytest.mark.parametrize("sentence,span,value", [
    ("Today's vote in Karsk was delayed.", "Today", "2026-02-12"),
    ("The offer ran in today's editions of the Dorn Courier.", "today", "2026-02-12"),
    ("She spent about 5 1/2 hours in Dorn.", "about 5 1/2 hours", "PT5H30M"),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
])
def test_today_kept_and_fractions(sentence, span, value):
    found, hits = _find(THU, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


# ---- a part of the day in focus
@pytest.mark.parametrize("sentence,span,value", [
    ("Shares fell on Friday. Dealers placed buy orders in the morning.", "the morning", "2026-02-06TMO"),
    ("By mid-afternoon, officials in Karsk were saying the road was open.", "mid-afternoon", "2026-02-12TAF"),
    ("The envoy is due to appear before the court at midday.", "midday", "2026-02-12TMI"),
    ("Shares were hit by overnight losses in Dorn.", "overnight", "2026-02-11TNI"),
])
def test_day_parts_alone(sentence, span, value):
    found, hits = _find(THU, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert (hits[0].type, hits[0].value) == ("TIME", value)


def test_half_of_a_decade_and_the_future_of():
    m = _find(THU, "Sales were flat in the last half of the '80s.", "the last half of the '80s")[1][0]
    assert (m.value, m.first, m.last) == ("198", D(1985, 1, 1), D(1989, 12, 31))
    m = _find(THU, "Prices rose in the first half of the 1990s.", "the first half of the 1990s")[1][0]
    assert (m.value, m.first, m.last) == ("199", D(1990, 1, 1), D(1994, 12, 31))
    assert find_times("The future of the alliance is unclear.", THU) == []
    assert [m.value for m in find_times("They will meet again in the future.", THU)] == ["FUTURE_REF"]


# ---- coordinated days and "the week of"
@pytest.mark.parametrize("sentence,expected", [
    ("The summit will be held on April 24 and 25.", [("April 24", "2026-04-24"), ("25", "2026-04-25")]),
    ("The floods of June 5 and 6, 2024 were severe.", [("June 5", "2024-06-05"), ("6, 2024", "2024-06-06")]),
    ("On March 3 and 4 percent of voters stayed home.", [("March 3", "2025-03-03")]),
    ("The deadline is Feb. 3 to 5 p.m.", [("Feb. 3", "2026-02-03")]),
    ("A hearing is set for the week of March 6.", [("the week of March 6", "2026-W10")]),
])
def test_coordinated_days_and_week_of(sentence, expected):
    assert [(m.text, m.value) for m in find_times(sentence, THU)] == expected


@pytest.mark.parametrize("ref,sentence,span,value", [
    (THU, "The envoys met six weeks ago.", "six weeks ago", "2026-W01"),
    (THU, "The blockade began two weeks ago.", "two weeks ago", "2026-01-29"),
    (D(1998, 3, 5), "Women's Day is this coming Sunday, March eighth.", "this coming Sunday, March eighth", "1998-03-08"),
])
def test_weeks_ago_and_weekday_dates(ref, sentence, span, value):
    found, hits = _find(ref, sentence, span)
    assert hits, [(m.text, m.value) for m in found]
    assert hits[0].value == value


def test_holiday_week():
    found = find_times("Protesters prayed as Easter week began.", D(2000, 4, 17))
    assert [(m.text, m.value, m.first, m.last) for m in found] == [
        ("Easter week", "2000-W16", D(2000, 4, 17), D(2000, 4, 23))]


@pytest.mark.parametrize("sentence,span,value", [
    ("The envoys left Dorn on New Year\u2019s\nEve.", "New Year\u2019s\nEve", "2025-12-31"),
    ("Shops in Karsk opened on Boxing  Day.", "Boxing  Day", "2025-12-26"),
    ("Marchers filled Velmora on May\u00a0Day.", "May\u00a0Day", "2025-05-01"),
])
def test_holiday_name_split_by_odd_whitespace(sentence, span, value):
    # the name is looked up with its whitespace folded (it used to raise StopIteration)
    found, hits = _find(THU, sentence, span)
    assert hits and hits[0].value == value, [(m.text, m.value) for m in found]


def test_first_letter_lookaheads_keep_the_word_alternations_matches():
    """NUM, VAGUE, UNIT, UNIT_SG and APPROX open their word alternation with a lookahead for the
    words' first letters: each matches, under re.I, where and as far as the same pattern with a
    lookahead for any letter (the former form) matches, on words of every list, their case
    variants, near misses, the letters re.I folds (long s, Kelvin sign) and non-words."""
    import random
    import re

    from core import dates_grammar as g
    from core.dates_words import APPROX_WORDS, NUMBER_WORDS, UNIT_WORDS, VAGUE_NUMBERS

    words = [*NUMBER_WORDS, *VAGUE_NUMBERS, *UNIT_WORDS, *APPROX_WORDS, "over", "under", "twenty-one",
             "ſeveral", "Kelvin", "\u212aey", "people", "votes", "zebra", "12", "3.5", "over the", "x"]
    rnd = random.Random(3)
    texts = []
    for w in words:
        texts += [w, w.upper(), w.title(), w + "s", w + " year", w[:-1], "-" + w]
    texts += [" ".join(rnd.choice(words) for _ in range(3)) for _ in range(2000)]
    for name in ("NUM", "VAGUE", "UNIT", "UNIT_SG", "APPROX"):
        narrowed = getattr(g, name)
        former = re.sub(r"\(\?=\[[a-z]+\]\)", "(?=[a-z])", narrowed, count=1)
        assert former != narrowed
        a, b = re.compile(narrowed, re.I), re.compile(former, re.I)
        for t in texts:
            ma, mb = a.match(t), b.match(t)
            assert (ma and ma.span()) == (mb and mb.span()), (name, t)


def test_span_readings_are_shared_but_context_still_decides():
    """Weekday and duration spans are read once per distinct span (cached); what their context
    decides must still differ from one place to the next, in either order."""
    def kinds(text):
        return [(m.text, m.type, m.value) for m in find_times(text, THU)]
    pairs = [
        ("Tolls cost $5 a day in Dorn.", "The envoy stayed for a day in Dorn."),
        ("The Sunday Herald printed the letter.", "The envoys met on Sunday."),
        ("The council voted in a second round.", "A second later the lights went out."),
        ("Karsk imports a quarter of its grain.", "Output fell for a quarter in Karsk."),
    ]
    for a, b in pairs + [(b, a) for a, b in pairs]:
        first, second = kinds(a), kinds(b)
        assert kinds(a) == first and kinds(b) == second
    assert kinds("Tolls cost $5 a day in Dorn.") == [("a day", "SET", "P1D")]
    assert kinds("The envoy stayed for a day in Dorn.") == [("a day", "DURATION", "P1D")]
    assert kinds("The Sunday Herald printed the letter.") == []
    assert kinds("The envoys met on Sunday.") == [("Sunday", "DATE", "2026-02-08")]
    assert kinds("The council voted in a second round.") == []
    assert kinds("Karsk imports a quarter of its grain.") == []


def test_deadline_and_plan_word_guards_keep_every_match():
    """_is_deadline and _is_planned_for skip their $-anchored searches where an ASCII text holds
    none of their words before the date: every way of saying a limit or a plan, in any case and
    spelt with letters that match ASCII ones without case (long s, Kelvin sign), must still be
    read as the searches alone read it."""
    import core.dates_tense as dtn

    def deadline(text, start):
        before = text[max(0, start - 60):start]
        before = dtn._DATE_MODIFIER_TAIL.sub("", dtn._CLOCK_TAIL.sub("", before))
        return bool(dtn._DEADLINE_BEFORE.search(before))

    def planned(text, start):
        return bool(dtn._PLANNED_FOR.search(text[max(0, start - 40):start]))

    limits = ["until", "till", "as soon as", "as early as", "no later than", "between now and",
              "extended the talks to", "postponed it to", "delayed the vote by a week to",
              "pushed back to", "moved the meeting to", "adjourned to", "rescheduled to",
              "holders of record", "until 9 a.m.", "until early", "until the end of", "until on"]
    plans = ["planned for", "scheduled on", "slated for", "due on", "earmarked for",
             "pencilled in for", "penciled for", "set for", "set for the end of", "planned for mid-"]
    others = ["said on", "met in", "will meet", "was held on", "told reporters", "the plan was"]
    forms = [str, str.upper, str.title, lambda w: w.replace("s", "\u017f"), lambda w: w.replace("k", "\u212a")]
    for phrase in limits + plans + others:
        for form in forms:
            for lead in ("The talks were ", "Officials said the hearing, long awaited by the parties, was "):
                text = lead + form(phrase) + " Tuesday."
                start = text.index("Tuesday")
                assert dtn._is_deadline(text, start) == deadline(text, start), text
                assert dtn._is_planned_for(text, start) == planned(text, start), text
    text = "The talks were postponed until Tuesday."
    assert dtn._is_deadline(text, text.index("Tuesday"))
    text = "The talks were set for Tuesday."
    assert dtn._is_planned_for(text, text.index("Tuesday"))


def test_tense_marker_on_the_right_wins_only_when_more_than_six_words_nearer():
    """The nearest marker on the left decides unless one on the right is more than six words
    nearer (the right side is not read when the left marker is within six words)."""
    for words, tense in [("the talks in the old", "past"), ("the talks in the old port", "past"),
                         ("the talks in the old port town", "future"),
                         ("the talks in the old port town of", "future")]:
        text = f"The envoys said {words} Friday will open."
        s = text.index("Friday")
        assert clause_tense(text, s, s + 6) == tense, words
        text = f"The envoys said {words} Friday, and they will open."
        assert clause_tense(text, s, s + 6) == ("past" if len(words.split()) <= 8 else "future"), words


def test_sentence_start_looked_for_near_first_equals_a_scan_of_400_characters():
    """_sentence_start looks for the last sentence end within _NEAR characters first: wherever
    the sentence end, its quotation marks and spaces fall around that limit, the start must be
    the one a scan of the whole 400 characters before the date finds."""
    import core.dates_tense as dtn

    def reference(text, start):
        lo, s = max(0, start - 400), max(0, start - 400)
        for m in dtn._SENT_END.finditer(text, lo, start):
            if text[m.start()] == "." and dtn._ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
                continue
            s = m.end()
        return s

    ends = [". \n\n", ". \n ", ".\u201d \n ", ". ", ";\n", ".\n", " \n\n", "?) \n ", ". Gen. ", " Mr. "]
    for end in ends:
        for pad in range(dtn._NEAR - 12, dtn._NEAR + 12):
            for lead in ("", "Talks in Dorn went on. " * 12):
                text = lead + "The envoys met in Dorn" + end + "X" * pad + " on Friday."
                start = text.index("Friday")
                text2 = text.replace("X" * pad, ("Ab " * pad)[:pad])
                for t in (text, text2):
                    assert dtn._sentence_start(t, start) == reference(t, start), (end, pad)
