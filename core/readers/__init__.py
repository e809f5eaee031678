"""Every input format -> articles. One function decides what a file is (``format_of``, by its
suffix, by its first bytes when it has none) and hands it to its reader:

    text   .txt .text .md .markdown   core.articles.parse_article (the seed's format)
    html   .html .htm .xhtml          markup.read_html (trafilatura)
    json   .json, jsonl .jsonl .ndjson, csv .csv   records (news-API exports)
    feed   .rss .atom .xml            feeds.read_feed (feedparser)
    zip    .zip                       walk.read_zip (any of these inside, limits in limits.py)

``articles_from_bytes`` reads one file's bytes (a file on disk or an upload);
``walk.read_paths`` walks files and folders. Every input that gives no article is named with its
reason in ``ReadResult.skipped``; nothing is dropped silently.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from core.articles import ArticleError, ReadResult, Skipped, parse_article
from core.readers.encoding import binary_kind, decode
from core.readers.limits import MAX_ARCHIVE_BYTES, MAX_ARTICLE_CHARS, MAX_FILE_BYTES, too_large

FORMATS = {
    "text": (".txt", ".text", ".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "feed": (".rss", ".atom", ".xml"),
    "zip": (".zip",),
}
_BY_SUFFIX = {suf: fmt for fmt, sufs in FORMATS.items() for suf in sufs}
SUFFIXES = tuple(_BY_SUFFIX)  # every suffix read (the upload page's accepted types)


def suffix_of(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def format_by_name(name: str) -> str | None:
    """The format a file's suffix names; "" for a file without suffix (decided by its content);
    None for a suffix no reader takes."""
    suf = suffix_of(name)
    if not suf or suf[1:].isdigit():  # "notes.2026" has no real suffix
        return ""
    return _BY_SUFFIX.get(suf)


def sniff_format(raw: bytes) -> str:
    """The format of a file without suffix, from its first bytes."""
    from core.readers.feeds import is_feed

    if raw.startswith(b"PK\x03\x04"):
        return "zip"
    head = raw[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<") and is_feed(raw):
        return "feed"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def format_of(name: str, raw: bytes) -> str:
    """The one decision of what a file is; ArticleError for a type no reader takes."""
    fmt = format_by_name(name)
    if fmt is None:
        raise ArticleError(f"unsupported file type '{suffix_of(name)}'")
    return fmt or sniff_format(raw)


def size_limit(fmt: str | None) -> int:
    return MAX_ARCHIVE_BYTES if fmt == "zip" else MAX_FILE_BYTES


def articles_from_bytes(raw: bytes, name: str, _depth: int = 0, _budget=None) -> ReadResult:
    """Every article in one file's bytes (one for a text or HTML file; one per entry of a feed,
    an export or an archive), and every part skipped with its reason. Never raises for bad input."""
    res = ReadResult()
    try:
        fmt = format_of(name, raw)
        if not raw:
            raise ArticleError("empty file")
        if len(raw) > size_limit(fmt):
            raise ArticleError(too_large(len(raw), size_limit(fmt)))
        if fmt == "zip":
            from core.readers.walk import read_zip
            return read_zip(raw, name, _depth, _budget)
        arts, skipped = _read_document(fmt, raw, name)
    except ArticleError as e:
        res.skipped.append(Skipped(name, str(e)))
        return res
    except RecursionError:
        res.skipped.append(Skipped(name, "nested too deeply to read"))
        return res
    except Exception as e:  # noqa: BLE001 - a parser library failing on hostile bytes: named, not raised
        res.skipped.append(Skipped(name, f"could not be read ({type(e).__name__}: {e})"[:300]))
        return res
    res.articles.extend(arts)
    res.skipped.extend(skipped)
    return res


def _read_document(fmt: str, raw: bytes, name: str):
    if fmt == "feed":
        kind = binary_kind(raw)
        if kind:
            raise ArticleError(f"binary file ({kind}), not text")
        from core.readers.feeds import is_feed, read_feed
        if not is_feed(raw):
            raise ArticleError("XML that is not an RSS or Atom feed")
        return read_feed(raw, name)
    text = decode(raw)
    if not text.strip():
        raise ArticleError("empty file")
    if fmt in ("json", "jsonl", "csv"):
        from core.readers import records
        return getattr(records, f"read_{fmt}")(text, name)
    if fmt == "html":
        from core.readers.markup import read_html
        art = read_html(text, name)
    else:
        art = parse_article(text, name=name)
    if len(art.text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"article text too long ({len(art.text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})")
    return [art], []
