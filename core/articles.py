"""Articles: the one shape every input format is turned into, and the reader for the text format.
The other formats (HTML, JSON, CSV, feeds, zip archives) are read in ``core.readers``; the public
entry points below hand files to it.

The text format (the seed's): a first-line publication date, an optional headline, the body
(one paragraph per line, blank lines allowed) opening with an optional dateline such as
``TEHRAN/ MUSCAT:`` or ``VENICE, June 2 -``, and a closing source line (``Pressmediaofindia``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from core.sentences import ends_with_abbreviation

class ArticleError(ValueError):
    """An input that cannot become an article; the message says why, in words for the user."""


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str                 # stable hash of the normalised text: duplicates collapse
    name: str                       # file name (or the name given for pasted text)
    text: str                       # the body: one paragraph per line, dateline removed
    published: dt.date | None       # publication date; None when the input names none
    title: str = ""
    source: str = ""                # outlet, from the closing source line
    datelines: tuple[str, ...] = () # places of the dateline, title-cased ("Tehran", "Muscat")
    url: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, and why: reported to the user, never silently dropped."""
    name: str
    reason: str


@dataclass(slots=True)
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# --- publication date line -------------------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_LINE = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})$"),
    re.compile(r"^" + _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})$", re.I),
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$", re.I),
]
# an ISO timestamp as news APIs write it: 2026-02-12T08:30:00Z
_TIMESTAMP = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def parse_date_line(line: str) -> dt.date | None:
    """The publication date a first line states, or None if the line is not a date.

    ``12-02-2026`` is day first (as the seed); month first only when the second number is > 12."""
    s = line.strip().strip(",")
    for rx in (*_DATE_LINE, _TIMESTAMP):
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        y = int(g["y"])
        if "a" in g and g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            d, mo = (b, a) if b > 12 else (a, b)
        else:
            d = int(g["d"])
            mo = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
        try:
            return dt.date(y, mo, d)
        except ValueError:
            return None
    return None


# --- dateline and source line ----------------------------------------------------------------

_PLACE = r"[A-Z][A-Z.'’\-]*(?:[ ][A-Z][A-Z.'’\-]*){0,3}"
# TEHRAN/ MUSCAT:   WASHINGTON (Reuters) -   VENICE, June 2 -   LONDON, March 3 (AFP) —
_DATELINE = re.compile(
    r"^(?P<places>" + _PLACE + r"(?:\s*/\s*" + _PLACE + r")*)"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+))?"   # optional date or region
    r"(?:\s*\((?:[A-Za-z][\w .&-]{0,30})\))?"                                     # optional (Reuters)
    r"\s*(?::|-{1,2}|–|—)\s+")
_SENTENCE_END = (".", "!", "?", "”", '"', "’", "'", ":", ";", ")")


def split_dateline(paragraph: str) -> tuple[tuple[str, ...], str]:
    """(places named by the dateline, the paragraph without it)."""
    m = _DATELINE.match(paragraph)
    if not m:
        return (), paragraph
    places = tuple(p.strip().title() for p in m.group("places").split("/") if p.strip())
    if not places or any(len(p) < 3 for p in places):
        return (), paragraph
    return places, paragraph[m.end():]


def _is_source_line(line: str) -> bool:
    """A closing line naming the outlet: short, no sentence punctuation, not a quote."""
    s = line.strip()
    return (0 < len(s) <= 60 and len(s.split()) <= 6 and not s.endswith(_SENTENCE_END)
            and not s.startswith(("“", '"', "‘", "'", "(", "-")))


def _is_headline(line: str, followed_by_blank: bool) -> bool:
    s = line.strip()
    if not s or len(s) > 250 or _DATELINE.match(s):
        return False
    return followed_by_blank or not s.endswith(_SENTENCE_END)


# --- text normalisation ----------------------------------------------------------------------

_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060]")
# no-break, figure and narrow no-break spaces: kept in an article's text (a quotation is the
# source's exact characters), read as plain spaces by the extractors (``plain_spaces``)
_FIXED_SPACES = ("\u00a0", "\u2007", "\u202f")


def clean_text(text: str) -> str:
    """NFC, Unix line endings, no byte-order mark, no zero-width characters. No-break spaces
    stay: the article keeps the source's characters (see ``plain_spaces``)."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ZERO_WIDTH.sub("", text) if "\u200b" in text or "\u200c" in text or "\u200d" in text \
        or "\u2060" in text else text


def plain_spaces(text: str) -> str:
    """``text`` with each no-break, figure or narrow no-break space as a plain space: the same
    length and offsets, so what an extractor finds in it is a span of the article's own text."""
    for c in _FIXED_SPACES:
        if c in text:   # str.replace per character: ~50x faster than str.translate on a long text
            text = text.replace(c, " ")
    return text


def article_id(text: str, published: dt.date | None) -> str:
    """Stable id of an article's content: the same words on the same day give the same id."""
    # whitespace runs as one space (str.split's whitespace is re's \s: ~10x faster than re.sub)
    norm = " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()
    key = f"{published.isoformat() if published else ''}\n{norm}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# hard-wrapped text: lines cut at a fixed width of at most this many characters
WRAP_WIDTH_MAX = 100
_LIST_ITEM = re.compile(r"\s*(?:[-*•▪–—]\s|\d{1,3}[.)]\s|\(\w\)\s)")


def unwrapped(lines: list[str]) -> list[str]:
    """The lines of hard-wrapped text (a wire story, an e-mail, text copied from a PDF: lines cut
    at a fixed width, most of them filling it and stopping in the middle of a sentence) joined into
    the paragraphs they were cut from; the lines of any other text as they are. A line is continued
    by the next one when it fills at least 60% of the width, stops in the middle of a sentence or
    is followed by a line opening with a small letter, and the next line is neither blank, indented
    nor a list item (a paragraph's last line is short and ends a sentence). Without this, every
    cut would end a paragraph: a quotation would stop at the end of its line ("We will return"
    without "next week," and its speaker) and a sentence would lose its verb."""
    full = [ln.strip() for ln in lines]
    nonblank = [ln for ln in full if ln]
    if len(nonblank) < 3:
        return lines
    width = max(map(len, nonblank))
    if width > WRAP_WIDTH_MAX:
        return lines
    # lines followed by one that may continue them (not blank, indented or a list item)
    continued = [a for a, b, raw in zip(full, full[1:], lines[1:]) if a and _may_continue(b, raw)]
    if not continued or sum(not _ends_sentence(a) for a in continued) * 2 < len(continued) \
            or sum(len(a) >= 0.6 * width for a in continued) * 2 < len(continued):
        return lines   # one short paragraph per line: most lines end a sentence, or few fill the width
    out: list[str] = []
    prev = ""   # the previous line, stripped ("" after a blank line)
    for raw, ln in zip(lines, full):
        if prev and _may_continue(ln, raw) and (
                len(prev) >= 0.6 * width or not _ends_sentence(prev) or ln[0].islower()):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(raw)
        prev = ln
    return out


def _may_continue(line: str, raw: str) -> bool:
    """The line (stripped; ``raw`` as it came) can go on the paragraph before it: it is not blank,
    indented or a list item."""
    return bool(line) and not raw[:1].isspace() and not _LIST_ITEM.match(raw)


def _ends_sentence(line: str) -> bool:
    """The line ends with a sentence's last character, not with an abbreviation ("U.S.", "L.K.")."""
    return line.endswith(_SENTENCE_END) and not ends_with_abbreviation(line, len(line) - 1)


def make_article(text: str, name: str, published: dt.date | None, title: str = "", source: str = "",
                 url: str = "") -> Article:
    """An article from its parts (every reader ends here): paragraphs one per line (hard-wrapped
    lines joined, ``unwrapped``), dateline split off. Inside a paragraph the source's characters
    stay as they are (runs of spaces, no-break spaces; a tab becomes one space), so that a
    quotation is the source's exact words."""
    paras = [(p.replace("\t", " ") if "\t" in p else p).strip() for p in unwrapped(clean_text(text).split("\n"))]
    paras = [p for p in paras if p]
    if not paras:
        raise ArticleError("no article text")
    datelines, paras[0] = split_dateline(paras[0])
    body = "\n".join(p for p in paras if p)
    if not body.strip():
        raise ArticleError("no article text")
    return Article(article_id(body, published), name, body, published, title.strip(), source.strip(),
                   datelines, url)


_MD_HEADING = re.compile(r"^#{1,6}\s+")  # Markdown: "# Headline"


def parse_article(raw_text: str, name: str = "article.txt") -> Article:
    """One article from the raw text format (date line, optional headline, body, source line).
    Lines keep their indentation (an indented line opens a paragraph of hard-wrapped text) until
    the body is unwrapped, before the headline is told from it."""
    lines = [ln.rstrip() for ln in clean_text(raw_text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        raise ArticleError("empty file")
    lines = [_MD_HEADING.sub("", ln) if ln.startswith("#") else ln for ln in lines]
    published = parse_date_line(lines[0])
    if published is not None:
        lines = lines[1:]
    source = ""
    nonblank = [ln for ln in lines if ln]
    if len(nonblank) >= 2 and _is_source_line(lines[-1]):
        source = lines.pop().strip()
    while lines and not lines[0]:
        lines.pop(0)
    lines = [ln.strip() for ln in unwrapped(lines)]
    title = ""
    if len(lines) >= 2:
        followed_by_blank = not lines[1]
        if _is_headline(lines[0], followed_by_blank) and any(lines[1:]):
            title = lines.pop(0)
    return make_article("\n".join(lines), name, published, title, source)


def article_from_bytes(raw: bytes, name: str) -> Article:
    """The one article in a file's bytes (a file on disk or an upload), whatever its format;
    ArticleError with the reason when it holds none, or several (``articles_from_bytes`` reads those)."""
    res = articles_from_bytes(raw, name)
    if len(res.articles) == 1:
        return res.articles[0]
    if not res.articles:
        raise ArticleError(res.skipped[0].reason if res.skipped else "no article in the file")
    raise ArticleError(f"{len(res.articles)} articles in one file (read them with articles_from_bytes)")


def articles_from_bytes(raw: bytes, name: str) -> ReadResult:
    """Every article in one file's bytes (an upload: text, HTML, JSON, CSV, feed or zip), and every
    part skipped with its reason."""
    from core.readers import articles_from_bytes as read  # the readers import this module

    return read(raw, name)


def read_corpus(paths) -> ReadResult:
    """Every article that can be read from files, folders and .zip archives, and every input skipped
    with its reason. Articles with the same content collapse to one."""
    from core.readers.walk import read_paths

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return read_paths(paths)


def read_articles(paths) -> list[Article]:
    """Files or folders -> articles (unreadable inputs are left out; read_corpus says why)."""
    return read_corpus(paths).articles
