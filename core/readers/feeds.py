"""RSS and Atom feed files (feedparser): each entry is an article with its own publication date,
its content (or summary when the feed carries no content), its link, and the feed's title as source.

The feed is parsed from the bytes given (feedparser never fetches: it gets a stream, not a URL).
Entry HTML is reduced to text by ``markup.fragment_text``, which drops scripts, styles, templates,
noscript and iframes with their content (feedparser's sanitiser keeps the text inside some of them).
"""
from __future__ import annotations

import datetime as dt
import io
import re

from core.articles import ArticleError, Skipped, make_article
from core.readers.limits import MAX_ARTICLE_CHARS
from core.readers.markup import fragment_text, looks_like_html
from core.readers.published import parse_published

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def is_feed(raw: bytes) -> bool:
    """An RSS, Atom or RSS 1.0 (RDF) document, judged by its root element."""
    return bool(_FEED_ROOT.search(raw[:4000]))


def _entry_text(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content", []) or [] if c.get("value")]
    text = max(parts, key=len) if parts else ""
    summary = entry.get("summary", "") or ""
    if len(summary) > len(text):  # some feeds put the full text in the summary and a stub in content
        text = summary
    return fragment_text(text) if looks_like_html(text) else text


def _entry_date(entry):
    for key in ("published", "updated", "created", "dc_date"):
        d = parse_published(entry.get(key))
        if d is not None:
            return d
    for key in ("published_parsed", "updated_parsed"):  # feedparser's own reading, in UTC
        t = entry.get(key)
        if t:
            return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def read_feed(raw: bytes, name: str):
    """(articles, skipped entries) of a feed file; ArticleError when it is no feed."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(raw), resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise ArticleError("not an RSS or Atom feed")
        raise ArticleError("feed with no entries")
    source = fragment_text(parsed.feed.get("title", "") or "").replace("\n", " ").strip()
    arts, skipped = [], []
    many = len(parsed.entries) > 1
    for i, entry in enumerate(parsed.entries, start=1):
        entry_name = f"{name}#{i}" if many else name
        title = fragment_text(entry.get("title", "") or "").replace("\n", " ").strip()
        text = _entry_text(entry) or title
        try:
            if not text.strip():
                raise ArticleError("entry with no title, summary or content")
            if len(text) > MAX_ARTICLE_CHARS:
                raise ArticleError(f"article text too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})")
            arts.append(make_article(text, entry_name, _entry_date(entry), title[:500], source[:200],
                                     (entry.get("link") or "")[:2000]))
        except ArticleError as e:
            skipped.append(Skipped(entry_name, str(e)))
    return arts, skipped
