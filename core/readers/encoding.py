"""Bytes -> text: byte-order marks, UTF-8 (the fast path), Windows-1252/Latin-1 and the rest.

charset-normalizer guesses badly on short Western text (it reads a cp1252 "déclaré" as cp775 or
cp852), so a legacy file is read as Windows-1252 when that gives plausible Western text, and the
detector decides only otherwise (Cyrillic, Greek, UTF-16 without a byte-order mark ...).
"""
from __future__ import annotations

import codecs
import re

from core.articles import ArticleError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# what a file is when its first bytes say so (named in the reason it is skipped)
SIGNATURES = ((b"%PDF-", "PDF document"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
              (b"GIF8", "GIF image"), (b"PK\x03\x04", "zip archive"), (b"\x1f\x8b", "gzip archive"),
              (b"\xd0\xcf\x11\xe0", "Office document"), (b"\x7fELF", "program"), (b"MZ", "program"),
              (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"), (b"7z\xbc\xaf", "7-zip archive"),
              (b"Rar!", "RAR archive"), (b"SQLite format 3", "SQLite database"), (b"ID3", "MP3 audio"),
              (b"OggS", "Ogg audio"), (b"RIFF", "RIFF media file"), (b"\x00\x00\x01\x00", "icon"))

# characters a Western news text decoded as Windows-1252 may hold beyond ASCII
_WESTERN = re.compile(r"[^\x00-\x7f\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def binary_kind(raw: bytes) -> str | None:
    """What a binary file is ("PNG image"), "binary file" for other bytes with NULs, None for text."""
    for sig, kind in SIGNATURES:
        if raw.startswith(sig):
            # "MZ" and "RIFF" open some text by chance: believe them only with a NUL nearby
            if sig in (b"MZ", b"ID3", b"RIFF", b"BZh") and b"\x00" not in raw[:512]:
                continue
            return kind
    return None


def _plausible_western(text: str) -> bool:
    """Text that reads as Western European: no character cp1252 cannot mean, and most letters ASCII
    (Cyrillic bytes read as cp1252 give words made only of accented letters)."""
    if _WESTERN.search(text):
        return False
    letters = sum(c.isalpha() for c in text)
    accented = sum(c.isalpha() and c > "\x7f" for c in text)
    return accented <= 0.3 * max(letters, 1)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def decode(raw: bytes) -> str:
    """The text of a file's bytes; ArticleError "binary file ..." when they are not text."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise ArticleError(f"not valid {enc.upper()} text despite its byte-order mark") from None
    kind = binary_kind(raw)
    if kind:
        raise ArticleError(f"binary file ({kind}), not text")
    if b"\x00" in raw[:8192]:
        enc = _bomless_utf16(raw)
        if enc is None:
            raise ArticleError("binary file, not text")
        text = raw.decode(enc, errors="replace")
        if _looks_binary(text):
            raise ArticleError("binary file, not text")
        return text
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and not _plausible_western(text):
            text = None
    if text is None:
        text = _detected(raw)
    if _looks_binary(text):
        raise ArticleError("binary file, not text")
    return text


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark, as some Windows tools write: Latin text puts a NUL in
    every other byte. Any other NUL makes the file binary."""
    sample = raw[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _detected(raw: bytes) -> str:
    """Text in an encoding that is neither UTF-8 nor Western (Cyrillic, Greek, CJK ...)."""
    from charset_normalizer import from_bytes  # only for the rare file that needs it

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise ArticleError("binary file, not text")
    try:
        return raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return raw.decode(best.encoding, errors="replace")
