"""HTML: saved web pages (trafilatura finds the article and its metadata) and the HTML fragments
that feeds and news APIs put in their text fields (lxml, scripts and styles dropped).

Nothing here fetches anything: pages are read from the bytes given, links are never followed.
"""
from __future__ import annotations

import re

from core.articles import Article, ArticleError, make_article
from core.readers.published import parse_published

# publication dates come from the page's metadata (meta tags, JSON-LD, <time>, the URL), never
# from a date the article's text mentions; a date after today is kept, as the text format keeps it
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2199-12-31"}
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption")
_DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "object", "embed", "svg", "math",
              "head", "form", "button", "select", "textarea")
_PAGE_CHROME = ("nav", "header", "footer", "aside", "menu")  # left out when a whole page is read
# left out of a page before trafilatura looks for its article (scripts and styles it drops itself)
_PRUNE = ["//nav", "//aside", "//footer", "//menu", "//noscript", "//template", "//iframe", "//form"]
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^>]*>")


def looks_like_html(text: str) -> bool:
    """Text holding markup (a tag or an entity), as feeds and APIs often send their bodies."""
    return bool(_TAG.search(text[:5000])) or "&#" in text[:5000]


def fragment_text(html: str, page: bool = False) -> str:
    """The readable text of an HTML fragment: one paragraph per line; scripts, styles and forms
    dropped (and a page's navigation, header, footer and asides when ``page``)."""
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    drop = _DROP_TAGS + (_PAGE_CHROME if page else ())
    for el in [e for e in root.iter(*drop) if e.getparent() is not None]:
        el.drop_tree()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    return "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())


def read_html(text: str, name: str) -> Article:
    """A saved web page: its main text, headline, outlet, URL and publication date (from metadata)."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      date_extraction_params=_DATE_PARAMS,
                                      prune_xpath=_PRUNE)
    body = (doc.text or "") if doc is not None else ""
    title = ((doc.title or "") if doc is not None else "").strip()
    if not body.strip():
        # a page too short for trafilatura's main-text heuristics: its visible body text
        body = fragment_text(_body_of(text), page=True)
    if not body.strip():
        raise ArticleError("no article text in the page")
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title:  # the headline repeated as the first line
        lines = lines[1:]
    published = parse_published(doc.date) if doc is not None and doc.date else None
    source = (doc.sitename or "").strip() if doc is not None else ""
    url = (doc.url or "").strip() if doc is not None else ""
    return make_article("\n".join(lines), name, published, title, source, url)


_BODY = re.compile(r"<body[^>]*>(.*)</body\s*>", re.S | re.I)


def _body_of(page: str) -> str:
    m = _BODY.search(page)
    return m.group(1) if m else page

