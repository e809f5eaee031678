"""Structured exports: JSON (an object, a list of objects, or {"articles": [...]} as NewsAPI and
GDELT's article lists write), JSON lines, and CSV with the same fields.

Field names are matched case-insensitively, first name found wins:
title, date, text, source, url as below. A text field holding HTML is reduced to its text.
A CSV whose header is the event table's (what ``python -m core normalise`` writes) is a table,
not a list of articles: ``is_event_table_header`` decides that, here and nowhere else.
"""
from __future__ import annotations

import csv
import io
import json
import re

from core.articles import ArticleError, Skipped, make_article
from core.readers.limits import MAX_ARTICLE_CHARS
from core.readers.markup import fragment_text, looks_like_html
from core.readers.published import parse_published

TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("published", "publishedat", "published_at", "date", "datepublished", "date_published",
               "pubdate", "publication_date", "seendate", "created_at", "timestamp", "time", "updated")
TEXT_FIELDS = ("text", "body", "content", "article", "article_text", "full_text", "fulltext",
               "maintext", "description", "summary", "abstract", "snippet")
SOURCE_FIELDS = ("source", "source_name", "outlet", "publisher", "sitename", "site_name", "site",
                 "domain", "feed")
URL_FIELDS = ("url", "link", "uri", "permalink", "url_mobile")
LIST_KEYS = ("articles", "items", "results", "data", "entries", "documents", "docs", "news", "hits")

# NewsAPI truncates "content" and says so: "... [+2143 chars]"
_TRUNCATION = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")

EVENT_TABLE_MARKERS = frozenset({"event_id", "article_id", "event_type"})


def is_event_table_header(fields) -> bool:
    """A CSV header of the event table (read as a table by the dashboard), not of an article list."""
    return EVENT_TABLE_MARKERS <= {str(f).strip().lstrip("\ufeff").lower() for f in fields}


def is_event_table_csv(text: str) -> bool:
    first = next(csv.reader(io.StringIO(text[:100_000])), [])
    return is_event_table_header(first)


def is_event_table_file(path) -> bool:
    """A .csv file on disk that is an event table (its header only is read)."""
    from core.readers.encoding import decode

    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
        return is_event_table_csv(decode(head).split("\n", 1)[0])
    except (OSError, ArticleError):
        return False


def _field(rec: dict, names) -> object:
    for n in names:
        if n in rec and rec[n] not in (None, "", [], {}):
            return rec[n]
    return None


def _as_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):  # {"name": "Reuters", "id": ...} or {"value": "..."} or {"rendered": ...}
        v = _field({k.lower(): x for k, x in v.items()}, ("name", "title", "value", "rendered", "text", "id"))
    if isinstance(v, list):
        return "\n".join(_as_text(x) for x in v if x)
    return "" if v is None else str(v)


def record_article(rec: dict, name: str):
    """One article from a record (keys any case); ArticleError when it has neither text nor title."""
    if not isinstance(rec, dict):
        raise ArticleError("entry is not an object with article fields")
    rec = {str(k).strip().lower(): v for k, v in rec.items()}
    title = _as_text(_field(rec, TITLE_FIELDS)).strip()
    body = _as_text(_field(rec, TEXT_FIELDS))
    body = _TRUNCATION.sub("", body)
    if looks_like_html(body):
        body = fragment_text(body)
    if looks_like_html(title):
        title = fragment_text(title).replace("\n", " ")
    if not body.strip():
        if not title:
            raise ArticleError("no article text (no text, body or content field)")
        body = title  # a headline alone (GDELT's article lists) is still a short text
    if len(body) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"article text too long ({len(body):,} characters; the limit is {MAX_ARTICLE_CHARS:,})")
    published = parse_published(_field(rec, DATE_FIELDS))
    source = _as_text(_field(rec, SOURCE_FIELDS)).strip()
    url = _as_text(_field(rec, URL_FIELDS)).strip()
    return make_article(body, name, published, title[:500], source[:200], url[:2000])


def _records_of(obj):
    """The article records a parsed JSON value holds."""
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        low = {str(k).lower(): v for k, v in obj.items()}
        for k in LIST_KEYS:
            if isinstance(low.get(k), list):
                return low[k]
            if isinstance(low.get(k), dict):  # {"response": {"docs": [...]}} one level down
                inner = _records_of(low[k])
                if inner is not None:
                    return inner
        for v in low.values():  # {"response": {"results": [...]}}
            if isinstance(v, dict) and any(isinstance(v.get(k), list) for k in LIST_KEYS):
                return _records_of(v)
        return [obj]
    return None


def _collect(records, name: str):
    arts, skipped = [], []
    many = len(records) > 1
    for i, rec in enumerate(records, start=1):
        entry = f"{name}#{i}" if many else name
        try:
            arts.append(record_article(rec, entry))
        except ArticleError as e:
            skipped.append(Skipped(entry, str(e)))
    return arts, skipped


def read_json(text: str, name: str):
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise ArticleError("not valid JSON (nested too deeply)") from None
    records = _records_of(obj)
    if not records:
        raise ArticleError("no articles in the JSON (expected an object, a list of objects or {\"articles\": [...]})")
    return _collect(records, name)


def read_jsonl(text: str, name: str):
    arts, skipped = [], []
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), start=1) if ln.strip()]
    if not lines:
        raise ArticleError("empty file")
    for i, ln in lines:
        entry = f"{name}#{i}"
        try:
            arts.append(record_article(json.loads(ln), entry))
        except (json.JSONDecodeError, RecursionError):
            skipped.append(Skipped(entry, "line is not valid JSON"))
        except ArticleError as e:
            skipped.append(Skipped(entry, str(e)))
    return arts, skipped


def read_csv(text: str, name: str):
    if is_event_table_csv(text):
        raise ArticleError("an event table (as `python -m core normalise` writes), not a list of articles: "
                           "open it as a table")
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS * 4))
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header_line.count)  # the header names no prose: count its separators
    try:
        rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter if header_line.count(delimiter) else ","))
    except csv.Error as e:
        raise ArticleError(f"not a readable CSV ({e})") from None
    if not rows:
        raise ArticleError("no rows under the CSV header")
    header = {str(k).strip().lower() for k in rows[0] if k is not None}
    if not header & set(TEXT_FIELDS + TITLE_FIELDS):
        raise ArticleError("no text, body, content or title column in the CSV header")
    return _collect([{k: v for k, v in r.items() if k is not None} for r in rows], name)
