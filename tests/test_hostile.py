"""Hostile input and safe output: every bad file is named with its reason and skipped, the rest is
read; the command line never shows a traceback; every CSV the tool writes defuses formulas."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import core
from core.articles import articles_from_bytes, read_corpus
from core.readers.limits import MAX_ARTICLE_CHARS
from core.table import make_table, to_csv_bytes, validate

ROOT = Path(__file__).resolve().parents[1]
GOOD = "2026-02-12\nEnvoys from Veloria met officials from Ostrand in Port Calder on Tuesday, the ministry said.\n"
SCRIPT_PAGE = """<html><head><title>Talks</title><script>var leak = "SCRIPT-HEAD";</script>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-02-12"}</script></head>
<body onload="alert('SCRIPT-ONLOAD')"><article>
<p>Envoys from Veloria met officials from Ostrand in Port Calder on Tuesday, the foreign ministry said in a statement.</p>
<script>document.write("SCRIPT-BODY")</script><noscript>SCRIPT-NOSCRIPT</noscript>
<template><p>SCRIPT-TEMPLATE</p></template><iframe srcdoc="<p>SCRIPT-IFRAME</p>"></iframe>
<p>The talks ended without a joint statement, but both delegations agreed to meet again next week in Lindmark.</p>
<p><a href="javascript:alert('SCRIPT-LINK')">More</a> <img src=x onerror="alert('SCRIPT-IMG')"></p>
<style>p::after { content: "SCRIPT-STYLE" }</style>
</article></body></html>"""


def cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def mixed(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "cp1252.txt").write_bytes("2026-02-13\nThe envoy of Sérvia met Ivo Brandt in Zürich – “calmly”.".encode("cp1252"))
    (d / "page.html").write_text(SCRIPT_PAGE, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (d / "noise.txt").write_bytes(bytes(range(256)) * 8)
    (d / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> stream\n\x8f\x90 endstream")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "scripts.html").write_text("<html><body><script>alert('x')</script></body></html>", encoding="utf-8")
    with open(d / "huge.txt", "wb") as fh:                 # 30 MB (sparse: cheap to make)
        fh.truncate(30_000_000)
    (d / "long.txt").write_text("2026-02-12\n" + "Envoys met. " * 83_340, encoding="utf-8")  # 1,000,079 characters
    return d


REASONS = {
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "noise.txt": "binary file, not text",
    "report.txt": "binary file (PDF document), not text",
    "photo.png": "unsupported file type '.png'",
    "scripts.html": "no article text in the page",
    "huge.txt": "file too large (30.0 MB; the limit is 25 MB)",
    "long.txt": f"article text too long (1,000,079 characters; the limit is {MAX_ARTICLE_CHARS:,})",
}


def test_each_bad_file_is_named_with_its_reason_and_the_rest_is_read(mixed):
    res = read_corpus([mixed])
    assert sorted(a.name for a in res.articles) == ["cp1252.txt", "good.txt", "page.html"]
    assert {Path(s.name).name: s.reason for s in res.skipped} == REASONS
    assert "Sérvia" in next(a for a in res.articles if a.name == "cp1252.txt").text


def test_a_30_mb_upload_is_refused_with_its_size():
    res = articles_from_bytes(b"a" * 30_000_000, "big.txt")
    assert [s.reason for s in res.skipped] == ["file too large (30.0 MB; the limit is 25 MB)"]


@pytest.mark.parametrize("name, data", [
    ("page.html", SCRIPT_PAGE.encode()),
    ("api.json", json.dumps({"articles": [{"title": "Talks", "date": "2026-02-12",
                                           "content": SCRIPT_PAGE.split("<body")[1].split(">", 1)[1]}]}).encode()),
    ("feed.rss", ("<rss version='2.0'><channel><title>Courier</title><item><title>Talks</title>"
                  "<pubDate>Thu, 12 Feb 2026 08:00:00 GMT</pubDate><description><![CDATA["
                  + SCRIPT_PAGE.split("<body")[1].split(">", 1)[1] + "]]></description></item></channel></rss>").encode()),
])
def test_scripts_never_become_article_text(name, data):
    res = articles_from_bytes(data, name)
    assert len(res.articles) == 1, res.skipped
    art = res.articles[0]
    assert "Envoys from Veloria met officials from Ostrand" in art.text
    assert "agreed to meet again next week in Lindmark" in art.text
    assert "SCRIPT" not in art.text and "alert" not in art.text and "leak" not in art.text
    assert art.published == dt.date(2026, 2, 12)


def test_no_date_line_leaves_relative_dates_unresolved_and_the_rows_say_so():
    art = core.parse_article("Envoys from Veloria met officials from Ostrand in Port Calder on Tuesday.\n"
                             "Last week the two sides held talks in Lindmark, the ministry said.\n"
                             "The Calder Courier")
    assert art.published is None
    table = core.normalise([art])
    validate(table)
    assert len(table) >= 2 and table["published"].isna().all()
    assert table["date"].isna().all() and table["date_end"].isna().all()     # "on Tuesday", "last week": not guessed
    assert (table["date_precision"] == "unknown").all() and (table["date_source"] == "").all()


def test_no_date_line_keeps_the_dates_the_text_names():
    art = core.parse_article("The foreign ministers of Veloria and Ostrand signed an agreement in Lindmark on "
                             "5 March 2026.\nThe Calder Courier")
    table = core.normalise([art])
    row = table[table["event_type"] == "agreement"].iloc[0]
    assert (row["date"], row["date_text"], row["date_source"]) == (pd.Timestamp("2026-03-05"), "5 March 2026", "text")


@pytest.mark.parametrize("text", [
    "The foreign ministers of Veloria and Ostrand signed an agreement in Lindmark on 5 March 2026.\n"
    "Envoys from Veloria met officials from Ostrand in Port Calder on Tuesday.",
    "Envoys from Veloria met officials from Ostrand in Port Calder on Tuesday.\n"
    "The foreign ministers of Veloria and Ostrand signed an agreement in Lindmark on 5 March 2026.",
])
def test_no_date_line_an_unresolved_tuesday_does_not_borrow_another_sentences_date(text):
    table = core.normalise([core.parse_article(text)])
    meeting = table[table["event_type"] == "meeting"].iloc[0]
    assert pd.isna(meeting["date"])                   # 5 March 2026 is a Thursday: not "on Tuesday"
    assert meeting["date_text"] == "Tuesday" and meeting["date_precision"] == "unknown"   # says what is unresolved


def test_a_future_publication_date_is_kept_and_relative_dates_follow_it():
    art = core.parse_article("12-06-2031\nEnvoys from Veloria met officials from Ostrand in Port Calder on Tuesday.\n"
                             "They will meet again in Lindmark on 3 March 2032, the ministry said.")
    assert art.published == dt.date(2031, 6, 12)
    table = core.normalise([art])
    validate(table)
    assert (table["published"] == pd.Timestamp("2031-06-12")).all()
    assert pd.Timestamp("2031-06-10") in set(table["date"])   # the Tuesday before publication


def test_ten_thousand_files_at_once(tmp_path):
    d = tmp_path / "many"
    for sub in range(10):
        (d / f"batch{sub}").mkdir(parents=True)
        for i in range(1000):
            (d / f"batch{sub}" / f"a{i:04d}.txt").write_text(
                f"2026-02-12\nEnvoy {sub}-{i} met officials in Port Calder on Monday.\n", encoding="utf-8")
    (d / "batch3" / "zz_empty.txt").write_bytes(b"")
    (d / "batch7" / "zz_copy.txt").write_text("2026-02-12\nEnvoy 7-5 met officials in Port Calder on Monday.\n")
    (d / ".hidden").mkdir()
    (d / ".hidden" / "x.txt").write_text(GOOD)
    res = read_corpus([d])
    assert len(res.articles) == 10_000
    assert {(Path(s.name).name, s.reason) for s in res.skipped} == {
        ("zz_empty.txt", "empty file"), ("zz_copy.txt", "duplicate of an article already read")}
    assert res.articles[0].name == "a0000.txt" and res.articles[-1].name == "a0999.txt"   # sorted, folder by folder


# --- the command line ------------------------------------------------------------------------

def test_cli_reads_what_it_can_names_the_rest_and_exits_0(mixed, tmp_path):
    out = tmp_path / "events.csv"
    r = cli("normalise", mixed, tmp_path / "missing.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    for name, reason in {**REASONS, "missing.txt": "no such file or folder"}.items():
        assert name in r.stderr and reason in r.stderr, (name, reason)
    table = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert set(table["article_name"]) == {"good.txt", "cp1252.txt", "page.html"}


def test_cli_exits_1_without_traceback_when_nothing_can_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(b"\x00\x01" * 100)
    for args in ([tmp_path], [tmp_path / "nowhere"], [tmp_path / "empty.txt"]):
        r = cli("normalise", *args, "-o", tmp_path / "out.csv")
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr + r.stdout


# --- safe output -----------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _unsafe_cells(data: bytes) -> list[str]:
    """Cells a spreadsheet would run as a formula: starting with = + - @ tab CR and not a plain number."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    bad = []
    for row in rows[1:]:
        for cell in row:
            if cell.startswith(FORMULA_START) and not re.fullmatch(r"[+-][\d,]*\.?\d+(?:[eE][+-]?\d+)?", cell):
                bad.append(cell)
    return bad


def test_cli_csv_defuses_formulas_in_every_column(tmp_path):
    records = [{"title": "=HYPERLINK(\"http://evil.example\",\"click\")", "source": "@SUM(A1:A9)",
                "date": "2026-02-12",
                "text": "“=1+2 is what we demand,” Mara Quell, the Velorian envoy, said on Tuesday.\n"
                        "Envoys from Veloria met officials from Ostrand in Port Calder on Monday."},
               {"title": "-2+3", "source": "+cmd|' /C calc'!A0", "date": "2026-02-13",
                "text": "Ivo Brandt said on Wednesday that \"\tthe talks\" were over."}]
    src = tmp_path / "evil.json"
    src.write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "events.csv"
    r = cli("normalise", src, "-o", out)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert _unsafe_cells(data) == []
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in set(table["title"])
    assert "'@SUM(A1:A9)" in set(table["source"]) and "'-2+3" in set(table["title"])
    assert any(q.startswith("'=1+2") for q in table["quote"])
    assert set(table["published"]) == {"2026-02-12", "2026-02-13"}             # dates intact
    assert all(v.isdigit() for v in table["evidence_start"])                      # numbers intact


def test_to_csv_bytes_keeps_numbers_and_dates_and_defuses_the_rest():
    rows = [{"event_id": f"e{i}", "article_id": "a", "event_type": "statement", "status": "occurred",
             "date_precision": "day", "date": "2026-02-10", "date_end": "2026-02-10", "summary": cell,
             "actors": ("=cmd", "Mara Quell"), "quote": cell, "evidence_start": 3, "evidence_end": 9}
            for i, cell in enumerate(["=1+1", "+44 20 7946 0000", "-12.5", "-1,200.50", "+3", "@here",
                                      "\tindent", "\rreturn", "-inf", "plain"])]
    table = make_table(rows)
    table["delta"] = [-3.5, -1, 0, 2, -7, 1e-3, -2e9, 4, 5, 6]               # an extra numeric column
    data = to_csv_bytes(table)
    assert _unsafe_cells(data) == []
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(back["summary"]) == ["'=1+1", "'+44 20 7946 0000", "-12.5", "-1,200.50", "+3", "'@here",
                                     "'\tindent", "'\rreturn", "'-inf", "plain"]
    assert back.loc[0, "actors"] == "'=cmd; Mara Quell"
    assert set(back["date"]) == {"2026-02-10"}
    assert list(back["delta"]) == ["-3.5", "-1.0", "0.0", "2.0", "-7.0", "0.001", "-2000000000.0", "4.0", "5.0", "6.0"]
