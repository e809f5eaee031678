"""Property-based tests (hypothesis) over the normaliser and the readers.

For any Unicode text (quotes, newlines, control characters, right-to-left marks, huge numbers,
date expressions of every shape) and any publication date (or none):
- ``core.normalise`` and ``core.pipeline.article_rows`` never raise, and the table passes
  ``core.table.validate``;
- every row carries the article's publication date, and its evidence offsets lie inside the text;
- **the date window**: every row's date lies within 20 years of an *anchor*: the publication
  date, or a date the text names with a year or a count (the first/last day of a mention from
  ``core.dates.find_times`` whose words hold a digit or a number word: "in 1262", "82077
  fortnights later", "two decades ago", "last century"). A row that spans a named mention exactly
  is inside too. 20 years is more than any chain of "the following year"s a news text makes, and
  far less than the centuries a resolver bug would give (a relative date counted from the wrong
  year, an offset applied twice). Without a publication date, "last week" and "on Tuesday" have
  no anchor: their rows stay undated, which the same check enforces.
And ``articles_from_bytes`` reads any bytes under any name without raising.

Derandomized with a fixed number of examples so CI is deterministic; the whole file runs in
about 15 s on the 2-core machine.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import core
from core.articles import ArticleError, articles_from_bytes, make_article
from core.dates import find_times
from core.pipeline import article_rows
from core.readers import SUFFIXES
from core.table import make_table, validate

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WINDOW_DAYS = 366 * 20

# --- strategies: news-like sentences with date expressions of every shape, and raw noise ------

MONTHS = ["January", "February", "March", "May", "June", "September", "December", "Feb.", "Sept"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = ["day", "week", "month", "year", "decade", "century", "quarter", "fortnight"]
number = st.one_of(st.integers(0, 40), st.integers(0, 10**30), st.sampled_from(["two", "a dozen", "ten thousand"]))
year = st.one_of(st.integers(0, 99999).map(str), st.sampled_from(["1988", "2026", "'98", "9999", "0001", "10000"]))
date_expression = st.one_of(
    st.builds("{} {}s ago".format, number, st.sampled_from(UNITS)),
    st.builds("{} {}s later".format, number, st.sampled_from(UNITS)),
    st.builds("in {} {}s".format, number, st.sampled_from(UNITS)),
    st.builds("last {}".format, st.sampled_from(UNITS + DAYS + MONTHS)),
    st.builds("next {}".format, st.sampled_from(UNITS + DAYS + MONTHS)),
    st.builds("on {}".format, st.sampled_from(DAYS)),
    st.builds("in {}".format, year),
    st.builds("on {} {} {}".format, st.integers(0, 40), st.sampled_from(MONTHS), year),
    st.builds("on {} {}, {}".format, st.sampled_from(MONTHS), st.integers(0, 40), year),
    st.builds("in the {} quarter of {}".format, st.sampled_from(["first", "fourth", "fifth"]), year),
    st.builds("in the {}s".format, year),
    st.builds(lambda y: f"Q{y % 7} {y}", st.integers(0, 99999)),
    st.sampled_from(["yesterday", "today", "tomorrow", "earlier this week", "later this month", "this year",
                     "at the weekend", "the day before", "the following week", "now", "recently",
                     "by the end of the year", "in mid-March", "early next year", "late last year", "W53 2026",
                     "12/31/2026", "31-12-2026", "2026-02-30", "00-00-0000"]),
)
SUBJECTS = ["Envoys from Veloria", "Mara Quell, the Velorian foreign minister,", "Iran and the United States",
            "Oman's Sultan Haitham", "The ministers", "He", "Officials", "Ivo Brandt"]
VERBS = ["met officials in Muscat", "held talks in Port Calder", "will meet in Geneva", "signed an agreement",
         "rejected the proposal", "threatened sanctions", "visited Tehran", "spoke by phone",
         "demanded a ceasefire", "said the talks were over", "cancelled the meeting", "agreed to meet again"]
subject, verb = st.sampled_from(SUBJECTS), st.sampled_from(VERBS)
sentence = st.one_of(
    st.builds("{} {} {}.".format, subject, verb, date_expression),
    st.builds(lambda e, s, v: f"{e[:1].upper()}{e[1:]}, {s} {v}.", date_expression, subject, verb),
    st.builds("“{} {} {},” {} said.".format, subject, verb, date_expression, subject),
    st.builds('{} said "{} {}" and left.'.format, subject, verb, date_expression),
)
noise = st.one_of(st.text(max_size=20),
                  st.sampled_from(["\n", "\n\n", "\r\n", "\u200f", "\u202e", "\u200b", "\x00", "\x1b", "“", "”",
                                   '"', "'", "\t", "…", "1e309", str(10**40), "-" * 30]))
news_text = st.lists(st.one_of(sentence, sentence, noise), min_size=1, max_size=12).map(lambda p: " ".join(p))
any_text = st.one_of(news_text, news_text, st.text(max_size=400))
any_date = st.one_of(st.none(), st.dates())

QUANTITY = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                      r"forty|fifty|hundred|thousand|million|billion|dozen|score|decades?|centur(?:y|ies)|"
                      r"millenni\w*)\b", re.I)


def named_spans(art) -> list[tuple[dt.date, dt.date]]:
    """The (first, last) days of the mentions that name a date with a year or a count."""
    return [(m.first, m.last) for m in find_times(art.text, art.published)
            if m.first is not None and m.last is not None and QUANTITY.search(m.text)]


def check_table(art, table) -> None:
    validate(table)
    want = dt.datetime.combine(art.published, dt.time()) if art.published else None
    for pub in table["published"]:
        assert (pub != pub) if want is None else pub.to_pydatetime() == want   # NaT, or the article's date
    assert ((0 <= table["evidence_start"]) & (table["evidence_start"] <= table["evidence_end"])
            & (table["evidence_end"] <= len(art.text))).all()
    dated = table[table["date"].notna()]
    if dated.empty:
        return
    spans = named_spans(art)
    anchors = ([art.published] if art.published else []) + [d for span in spans for d in span]
    for d0, d1, text, source in zip(dated["date"], dated["date_end"], dated["date_text"], dated["date_source"]):
        d0, d1 = d0.date(), d1.date()
        inside = (d0, d1) in spans or all(any(abs((d - a).days) <= WINDOW_DAYS for a in anchors) for d in (d0, d1))
        assert inside, f"row dated {d0}..{d1} ({source}: {text!r}) far from every anchor {anchors[:6]}"


def article_or_none(text, published):
    try:
        return make_article(text, "fuzz.txt", published)
    except ArticleError:
        return None


# --- properties ------------------------------------------------------------------------------

@FUZZ
@given(text=any_text, published=any_date)
def test_normalise_never_raises_and_dates_stay_in_the_window(text, published):
    art = article_or_none(text, published)
    if art is None:
        return
    check_table(art, core.normalise([art]))


@FUZZ
@given(text=any_text, published=any_date)
def test_article_rows_make_a_valid_table(text, published):
    art = article_or_none(text, published)
    if art is None:
        return
    rows = article_rows(art)
    check_table(art, make_table(rows))


date_line = st.builds(lambda d, f: d.strftime(f), st.dates(dt.date(1000, 1, 1)),
                      st.sampled_from(["%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%b %d, %Y", "%A, %B %d, %Y", "%Y-%m-%dT08:30:00Z"]))


@FUZZ
@given(line=date_line, body=any_text, source=st.sampled_from(["", "\nThe Calder Courier", "\n=cmd|' /C calc'!A0"]))
def test_parse_article_on_raw_text_never_raises(line, body, source):
    try:
        art = core.parse_article(f"{line}\n{body}{source}", name="raw.txt")
    except ArticleError:
        return
    assert art.published is not None
    check_table(art, core.normalise([art]))


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=600), any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      any_text.map(lambda t: t.encode("utf-16")),
                      st.sampled_from([b"PK\x03\x04", b"<rss><channel><item>", b"<html><body><p>", b'{"articles": [',
                                       b"[{}, [], 1, null]", b'{"text": 1e999}', b"title,text\n\"unclosed",
                                       b"\xef\xbb\xbf", b"\xff\xfe", b"\x00" * 10])),
       suffix=st.sampled_from(list(SUFFIXES) + ["", ".png", ".TXT", ".Html"]))
def test_articles_from_bytes_reads_any_bytes_without_raising(data, suffix):
    res = articles_from_bytes(data, f"upload{suffix}")
    assert all(isinstance(a, core.Article) and a.text.strip() for a in res.articles)
    assert all(s.reason for s in res.skipped)
    assert res.articles or res.skipped                     # a file is read or named with its reason


@pytest.mark.parametrize("text, published", [
    ("Officials met officials in Muscat 82077 fortnights later.", dt.date(1559, 10, 3)),   # a named count
    ("Envoys from Veloria met officials in Muscat last day.", dt.date(21, 1, 1)),
    ("He signed an agreement next year.", dt.date(9999, 12, 31)),
    ("He signed an agreement last year.", dt.date(1, 1, 1)),
    ("Envoys met on Tuesday. \u202eTalks in Muscat on 3 March 2031\u202c, “=1+2,” Ivo Brandt said.", None),
])
def test_edge_dates_and_marks(text, published):
    art = make_article(text, "edge.txt", published)
    check_table(art, core.normalise([art]))


def test_the_window_check_can_fail():
    art = make_article("Envoys from Veloria met officials in Muscat last week.", "w.txt", dt.date(2026, 2, 12))
    table = core.normalise([art])
    assert table["date"].notna().any()
    far = table.copy()
    far.loc[far["date"].notna(), ["date", "date_end"]] = dt.datetime(1726, 2, 2)   # 300 years off
    with pytest.raises(AssertionError, match="far from every anchor"):
        check_table(art, far)
    undated = make_article("Envoys from Veloria met officials in Muscat last week.", "u.txt", None)
    with pytest.raises(AssertionError, match="far from every anchor"):   # no anchor at all: must stay undated
        check_table(undated, far.assign(published=pd.NaT))
