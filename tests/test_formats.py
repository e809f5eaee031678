"""Input formats other than the text format: saved web pages, JSON / JSON lines / CSV exports, RSS
and Atom feeds, zip archives and folders of them, and encodings other than UTF-8."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

import core
from core.articles import ArticleError, article_from_bytes, articles_from_bytes, read_corpus
from core.readers import SUFFIXES, format_of
from core.readers.published import parse_published
from core.readers.records import is_event_table_file
from core.table import to_csv_bytes

FIX = Path(__file__).parent / "fixtures" / "formats"
TEXT = "12-02-2026\nTalks resume\n\nPORT CALDER: Envoys from Veloria met in Port Calder on Monday.\nThe Calder Courier\n"


def one(name: str) -> core.Article:
    res = articles_from_bytes((FIX / name).read_bytes(), name)
    assert not res.skipped, res.skipped
    assert len(res.articles) == 1
    return res.articles[0]


def by_name(name: str):
    res = articles_from_bytes((FIX / name).read_bytes(), name)
    return {a.name: a for a in res.articles}, {s.name: s.reason for s in res.skipped}


# --- HTML pages ------------------------------------------------------------------------------

def test_saved_page_main_text_and_metadata():
    art = one("saved_page.html")
    assert art.title == "Veloria and Ostrand resume talks in Port Calder"
    assert art.published == dt.date(2026, 2, 12)          # article:published_time, its own day
    assert art.source == "The Calder Courier"
    assert art.url == "https://courier.example/world/veloria-ostrand-talks"
    assert art.datelines == ("Port Calder",)
    assert art.text.startswith("Envoys from Veloria met officials from Ostrand")
    assert "Mara Quell, the Velorian envoy" in art.text
    assert len(art.paragraphs) == 3                       # the headline is not repeated in the body
    for chrome in ("walked out", "dataLayer", "Subscribe", "JavaScript", "Home", "Copyright", "display"):
        assert chrome not in art.text


def test_page_date_from_json_ld_and_publisher():
    art = one("jsonld_page.htm")
    assert art.published == dt.date(2026, 1, 20)
    assert art.title == "Lindmark hosts a second round of talks"
    assert art.source == "Lindmark Post"
    assert art.datelines == ("Lindmark",)


def test_page_date_from_time_element_and_a_future_date_is_kept():
    body = ("<p>Envoys from Veloria met officials from Ostrand in Port Calder on Monday, the foreign "
            "ministry said in a statement that was long enough to count as an article.</p>"
            "<p>The talks ended without a joint statement, but both sides agreed to meet again soon.</p>")
    page = f"<html><body><article><h1>Talks</h1><time datetime='2031-03-04T10:00'>4 March</time>{body}</article></body></html>"
    art = article_from_bytes(page.encode(), "future.html")
    assert art.published == dt.date(2031, 3, 4)


def test_page_without_date_metadata_has_no_date_even_if_the_text_names_one():
    body = ("<p>Published 5 May 2025</p><p>Envoys from Veloria met officials from Ostrand in Port Calder on "
            "Monday, the foreign ministry said in a statement long enough to count as an article.</p>"
            "<p>The talks ended without a joint statement, but both sides agreed to meet again.</p>")
    art = article_from_bytes(f"<html><body>{body}</body></html>".encode(), "undated.html")
    assert art.published is None
    assert "Envoys from Veloria" in art.text


def test_short_page_and_xhtml_declaration():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Note</title>'
            "</head><body><nav>Home | World</nav><p>Envoys met in Port Calder on Monday.</p>"
            "<script>evil()</script></body></html>")
    art = article_from_bytes(page.encode(), "note.xhtml")
    assert art.text == "Envoys met in Port Calder on Monday."


# --- JSON, JSON lines, CSV -------------------------------------------------------------------

def test_newsapi_export():
    arts, skipped = by_name("newsapi.json")
    a1, a2 = arts["newsapi.json#1"], arts["newsapi.json#2"]
    assert a1.source == "The Calder Courier"                  # {"source": {"name": ...}}
    assert a1.published == dt.date(2026, 2, 19)
    assert a1.url == "https://courier.example/a1"
    assert a1.text.endswith("the Velorian foreign ministry said.")   # "[+1830 chars]" cut off
    assert a1.datelines == ("Port Calder",)
    assert a2.text == "Ostrand rejected on Friday the Velorian proposal for a joint border commission, Ivo Brandt said."
    assert skipped == {"newsapi.json#3": "no article text (no text, body or content field)"}


def test_json_list_with_other_field_names():
    arts, _ = by_name("records.json")
    a1, a2 = arts["records.json#1"], arts["records.json#2"]
    assert (a1.title, a1.published, a1.source) == ("Talks stall in Lindmark", dt.date(2026, 2, 21), "Lindmark Post")
    assert (a2.published, a2.source, a2.url) == (dt.date(2026, 2, 22), "The Calder Courier", "https://courier.example/d4")


def test_gdelt_article_list_gives_headline_articles():
    art = one("gdelt_artlist.json")
    assert art.published == dt.date(2026, 2, 25)                # seendate 20260225T143000Z
    assert art.text == art.title == "Veloria and Ostrand sign a trade agreement in Port Calder"
    assert art.source == "post.example"


def test_single_json_object_and_nested_results():
    art = article_from_bytes(b'{"title": "T", "date": "2026-02-12", "text": "Envoys met on Monday."}', "one.json")
    assert (art.title, art.published, art.name) == ("T", dt.date(2026, 2, 12), "one.json")
    nested = b'{"response": {"docs": [{"headline": {"main": "Talks"}, "pub_date": "2026-02-12", "abstract": "Envoys met."}]}}'
    assert article_from_bytes(nested, "api.json").text == "Envoys met."


def test_jsonl_names_each_bad_line():
    arts, skipped = by_name("wire.jsonl")
    assert sorted(arts) == ["wire.jsonl#1", "wire.jsonl#4"]     # line numbers
    assert arts["wire.jsonl#4"].published == dt.date(2026, 3, 3)
    assert skipped == {"wire.jsonl#3": "line is not valid JSON",
                       "wire.jsonl#5": "no article text (no text, body or content field)"}


def test_csv_of_articles():
    arts, skipped = by_name("articles.csv")
    assert not skipped
    a1, a2 = arts["articles.csv#1"], arts["articles.csv#2"]
    assert (a1.published, a1.source) == (dt.date(2026, 3, 5), "The Calder Courier")
    assert a2.title == 'Ostrand says "door remains open"'
    assert a2.published == dt.date(2026, 3, 6)                  # 06/03/2026, day first as the text format
    assert a2.paragraphs == ['Ostrand said on Friday that the "door remains open" to talks with Veloria.',
                             "Ivo Brandt told reporters in Port Calder that a new round could start within weeks."]


def test_csv_with_semicolons():
    data = "Title;Date;Body\nTalks;12.02.2026;Envoys met in Port Calder, the ministry said.\n".encode("cp1252")
    art = article_from_bytes(data, "export.csv")
    assert (art.title, art.published, art.text) == ("Talks", dt.date(2026, 2, 12), "Envoys met in Port Calder, the ministry said.")


def test_event_table_csv_is_a_table_not_articles(tmp_path):
    from core.views import read_event_csv

    table = core.normalise([core.parse_article(TEXT, "a.txt")])
    assert len(table)
    events = tmp_path / "events.csv"
    events.write_bytes(to_csv_bytes(table))
    res = read_corpus([tmp_path])
    assert res.articles == []
    assert [s.reason for s in res.skipped] == [
        "an event table (as `python -m core normalise` writes), not a list of articles: open it as a table"]
    assert len(read_event_csv(events)) == len(table)             # the dashboard still reads it as a table
    assert is_event_table_file(events)
    assert not is_event_table_file(FIX / "articles.csv") and not is_event_table_file(tmp_path / "missing.csv")


def test_csv_without_text_columns_is_named():
    res = articles_from_bytes(b"a,b\n1,2\n", "numbers.csv")
    assert [s.reason for s in res.skipped] == ["no text, body, content or title column in the CSV header"]


# --- feeds -----------------------------------------------------------------------------------

def test_rss_entries():
    arts, skipped = by_name("courier.rss")
    assert not skipped
    a1, a2 = arts["courier.rss#1"], arts["courier.rss#2"]
    assert a1.published == dt.date(2026, 3, 10)          # the day the feed states, not moved to UTC
    assert a1.source == "The Calder Courier - World"
    assert a1.url == "https://courier.example/h8"
    assert a1.datelines == ("Lindmark",)
    assert a1.paragraphs == ["Envoys from Veloria and Ostrand met in Lindmark on Tuesday to discuss a prisoner "
                             "exchange, the host government said.", 'Mara Quell said the meeting had been "useful".']
    assert "steal" not in a1.text
    assert a2.text.startswith("Ostrand threatened on Wednesday")   # the summary when there is no content


def test_atom_entry():
    art = one("post.atom")
    assert (art.published, art.source, art.url) == (dt.date(2026, 3, 12), "Lindmark Post", "https://post.example/j10")
    assert art.text == "Veloria and Ostrand agreed on Thursday to exchange prisoners next week, Ivo Brandt said."


def test_xml_that_is_not_a_feed():
    res = articles_from_bytes(b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "books.xml")
    assert [s.reason for s in res.skipped] == ["XML that is not an RSS or Atom feed"]


def test_feed_with_external_entity_is_not_fetched():
    evil = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss version='2.0'><channel><title>T</title><item><title>Talks</title>"
            b"<description>Envoys met. &x;</description></item></channel></rss>")
    res = articles_from_bytes(evil, "evil.rss")
    assert "root:" not in "".join(a.text for a in res.articles)


# --- folders, archives, dispatch -------------------------------------------------------------

def test_folder_of_every_format():
    res = read_corpus([FIX])
    names = {a.name for a in res.articles}
    assert {"saved_page.html", "jsonld_page.htm", "newsapi.json#1", "records.json#2", "gdelt_artlist.json",
            "wire.jsonl#1", "articles.csv#2", "courier.rss#2", "post.atom"} <= names
    assert len(res.articles) == 14
    assert sorted(Path(s.name).name for s in res.skipped) == ["newsapi.json#3", "wire.jsonl#3", "wire.jsonl#5"]
    table = core.normalise(res.articles)
    assert set(table["article_name"]) <= names and len(table) > 14


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_of_formats_with_a_zip_inside(tmp_path):
    inner = _zip({"c.txt": TEXT.replace("Monday", "Friday").encode()})
    data = _zip({"corpus/a.txt": TEXT.encode(), "corpus/page.html": (FIX / "saved_page.html").read_bytes(),
                 "corpus/wire.jsonl": (FIX / "wire.jsonl").read_bytes(), "inner.zip": inner,
                 "__MACOSX/._a.txt": b"\x00\x05", "corpus/": b"", "corpus/photo.jpg": b"\xff\xd8\xff"})
    (tmp_path / "corpus.zip").write_bytes(data)
    res = read_corpus([tmp_path / "corpus.zip"])
    assert sorted(a.name for a in res.articles) == [
        "corpus.zip/corpus/a.txt", "corpus.zip/corpus/page.html", "corpus.zip/corpus/wire.jsonl#1",
        "corpus.zip/corpus/wire.jsonl#4", "corpus.zip/inner.zip/c.txt"]
    reasons = {s.name: s.reason for s in res.skipped}
    assert reasons[str(tmp_path / "corpus.zip/corpus/photo.jpg")] == "unsupported file type '.jpg'"
    assert reasons[str(tmp_path / "corpus.zip/corpus/wire.jsonl#3")] == "line is not valid JSON"
    # the upload path reads the same bytes the same way
    up = articles_from_bytes(data, "corpus.zip")
    assert sorted(a.name for a in up.articles) == sorted(a.name for a in res.articles)


def test_zip_nested_too_deep_traversal_and_bomb(monkeypatch):
    deep = _zip({"l3.zip": _zip({"l4.zip": _zip({"x.txt": TEXT.encode()})})})
    res = articles_from_bytes(deep, "deep.zip")
    assert res.articles == []
    assert [(s.name, s.reason) for s in res.skipped] == [
        ("deep.zip/l3.zip/l4.zip", "zip archive nested more than 2 deep, not read")]

    evil = _zip({"../../etc/cron.d/x.txt": TEXT.encode(), "/abs/y.txt": TEXT.encode(), "ok.txt": TEXT.encode()})
    res = articles_from_bytes(evil, "evil.zip")
    assert [a.name for a in res.articles] == ["evil.zip/ok.txt"]
    assert {s.reason for s in res.skipped} == {"unsafe path in the archive (it points outside the archive's folder)"}

    bomb = _zip({"zeros.txt": b"0" * 5_000_000})            # 5 MB packed into ~5 KB
    res = articles_from_bytes(bomb, "bomb.zip")
    assert res.articles == [] and "zip bomb" in res.skipped[0].reason

    monkeypatch.setattr("core.readers.walk.MAX_ARCHIVE_TOTAL", 300)
    two = _zip({"a.txt": TEXT.encode(), "b.txt": TEXT.replace("Monday", "Friday").encode() + b" " * 250},
               compression=zipfile.ZIP_STORED)
    res = articles_from_bytes(two, "two.zip")
    assert [a.name for a in res.articles] == ["two.zip/a.txt"]
    assert res.skipped[0].reason == "the archive unpacks to more than 0 MB; not read"


def test_damaged_zip_is_named():
    data = _zip({"a.txt": TEXT.encode() * 50})
    res = articles_from_bytes(data[:200] + b"\x00" * 50 + data[250:], "damaged.zip")
    assert res.articles == [] and res.skipped[0].name.startswith("damaged.zip")
    assert articles_from_bytes(b"PK\x03\x04 not really", "fake.zip").skipped[0].reason == "not a readable zip archive"


def test_dispatch_by_suffix_then_content():
    assert format_of("a.HTML", b"") == "html"
    assert format_of("notes", b"  <!DOCTYPE html><html>") == "html"
    assert format_of("feed", (FIX / "courier.rss").read_bytes()) == "feed"
    assert format_of("export", b'[{"text": "x"}]') == "json"
    assert format_of("archive", _zip({"a.txt": b"x"})) == "zip"
    assert format_of("12.02.2026", b"Envoys met.") == "text"
    with pytest.raises(ArticleError, match="unsupported file type '.docx'"):
        format_of("a.docx", b"PK")
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".rss", ".atom", ".xml", ".zip"} <= set(SUFFIXES)


def test_article_from_bytes_keeps_its_one_article_contract():
    art = article_from_bytes((FIX / "saved_page.html").read_bytes(), "page.html")
    assert art.published == dt.date(2026, 2, 12)
    with pytest.raises(ArticleError, match="2 articles in one file"):
        article_from_bytes((FIX / "records.json").read_bytes(), "records.json")
    with pytest.raises(ArticleError, match="empty file"):
        article_from_bytes(b"", "x.json")


def test_markdown_headline():
    art = article_from_bytes(b"2026-02-12\n# Envoys meet in Port Calder\n\nEnvoys from Veloria met on Monday.\n", "a.md")
    assert (art.title, art.text) == ("Envoys meet in Port Calder", "Envoys from Veloria met on Monday.")


# --- encodings -------------------------------------------------------------------------------

BODY_ACCENTS = "2026-02-13\nThe envoy of Sérvia said the “talks” in Zürich cost €5 million – déjà vu.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-be-bom", "utf-16-le"])
def test_encodings(encoding):
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + BODY_ACCENTS.encode("utf-16-be")
    else:
        data = BODY_ACCENTS.encode(encoding)                # "utf-16" writes a BOM; "utf-16-le" none
    art = article_from_bytes(data, "a.txt")
    assert art.text == "The envoy of Sérvia said the “talks” in Zürich cost €5 million – déjà vu."
    assert art.published == dt.date(2026, 2, 13)


def test_latin1_and_cyrillic():
    assert "Sérvia" in article_from_bytes("The envoy of Sérvia met Ivo Brandt.".encode("latin-1"), "a.txt").text
    ru = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе."
    assert article_from_bytes(ru.encode("cp1251"), "ru.txt").text == ru
    page = '<html><head><meta charset="windows-1252"></head><body><p>Envoys met in Zürich on Monday – “calmly”.</p></body></html>'
    assert article_from_bytes(page.encode("cp1252"), "p.html").text == "Envoys met in Zürich on Monday – “calmly”."


@pytest.mark.parametrize("value, want", [
    ("2026-02-12T23:30:00-05:00", dt.date(2026, 2, 12)), ("20260225T143000Z", dt.date(2026, 2, 25)),
    ("Thu, 12 Feb 2026 08:30:00 GMT", dt.date(2026, 2, 12)), (1770885000, dt.date(2026, 2, 12)),
    (1770885000000, dt.date(2026, 2, 12)), ("12 Feb. 2026 08:30 CET", dt.date(2026, 2, 12)),
    ("12/02/2026", dt.date(2026, 2, 12)), ("February 2026", None), ("soon", None), (None, None), (True, None),
])
def test_published_values(value, want):
    assert parse_published(value) == want
