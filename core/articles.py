"""Articles: the one shape every input format is turned into, and the reader for the text format.

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

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
MAX_BYTES = 30 * 1024 * 1024  # larger files are refused with a reason, not read


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

def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), else Windows-1252/Latin-1."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise ArticleError("binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


def clean_text(text: str) -> str:
    """NFC, Unix line endings, no byte-order mark, no non-breaking or zero-width spaces."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\u00a0\u2007\u202f]", " ", re.sub(r"[\u200b\u200c\u200d\u2060]", "", text))


def article_id(text: str, published: dt.date | None) -> str:
    """Stable id of an article's content: the same words on the same day give the same id."""
    norm = re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()
    key = f"{published.isoformat() if published else ''}\n{norm}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make_article(text: str, name: str, published: dt.date | None, title: str = "", source: str = "",
                 url: str = "") -> Article:
    """An article from its parts (every reader ends here): paragraphs one per line, dateline split off."""
    paras = [re.sub(r"[ \t]+", " ", p).strip() for p in clean_text(text).split("\n")]
    paras = [p for p in paras if p]
    if not paras:
        raise ArticleError("no article text")
    datelines, paras[0] = split_dateline(paras[0])
    body = "\n".join(p for p in paras if p)
    if not body.strip():
        raise ArticleError("no article text")
    return Article(article_id(body, published), name, body, published, title.strip(), source.strip(),
                   datelines, url)


def parse_article(raw_text: str, name: str = "article.txt") -> Article:
    """One article from the raw text format (date line, optional headline, body, source line)."""
    lines = [ln.strip() for ln in clean_text(raw_text).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        raise ArticleError("empty file")
    published = parse_date_line(lines[0])
    if published is not None:
        lines = lines[1:]
    source = ""
    nonblank = [ln for ln in lines if ln]
    if len(nonblank) >= 2 and _is_source_line(lines[-1]):
        source = lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    title = ""
    if len(lines) >= 2:
        followed_by_blank = not lines[1]
        if _is_headline(lines[0], followed_by_blank) and any(lines[1:]):
            title = lines.pop(0)
    return make_article("\n".join(lines), name, published, title, source)


def article_from_bytes(raw: bytes, name: str) -> Article:
    """One article from a file's bytes (a file on disk or an upload): size, encoding, format."""
    if not raw:
        raise ArticleError("empty file")
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"file too large ({len(raw) / 1e6:.0f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return parse_article(decode(raw), name=name)


def read_text_file(path: Path) -> Article:
    size = path.stat().st_size
    if size > MAX_BYTES:  # refuse before reading it into memory
        raise ArticleError(f"file too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return article_from_bytes(path.read_bytes(), path.name)


def iter_files(paths) -> list[Path]:
    """The files named, and the files inside the folders named (sorted, hidden ones left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(f for f in sorted(p.rglob("*"))
                       if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def read_corpus(paths) -> ReadResult:
    """Every article that can be read from files or folders, and every input skipped with its reason.
    Articles with the same content collapse to one."""
    res = ReadResult()
    seen: set[str] = set()
    for f in iter_files(paths):
        try:
            if not f.exists():
                raise ArticleError("no such file or folder")
            if f.suffix.lower() not in TEXT_SUFFIXES:
                raise ArticleError(f"unsupported file type '{f.suffix}'")
            art = read_text_file(f)
        except ArticleError as e:
            res.skipped.append(Skipped(str(f), str(e)))
            continue
        except OSError as e:
            res.skipped.append(Skipped(str(f), f"cannot read: {e.strerror or e}"))
            continue
        if art.article_id in seen:
            res.skipped.append(Skipped(str(f), "duplicate of an article already read"))
            continue
        seen.add(art.article_id)
        res.articles.append(art)
    return res


def read_articles(paths) -> list[Article]:
    """Files or folders -> articles (unreadable inputs are left out; read_corpus says why)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return read_corpus(paths).articles
