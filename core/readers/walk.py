"""Walking inputs: files, folders (recursively, hidden files left out) and .zip archives (read in
memory, never extracted to disk), with duplicates collapsed and every skipped input named.

Archives are read defensively: the sizes a zip's directory claims are checked before a member is
unpacked and the bytes actually unpacked are counted while reading (a zip can lie about both), a
member packed more than MAX_ZIP_RATIO times is refused as a zip bomb, names that climb out of the
archive ("../x", "/etc/x") are refused, and zips inside zips are read MAX_ZIP_DEPTH levels deep.
"""
from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from core.articles import Article, ArticleError, ReadResult, Skipped
from core.readers import articles_from_bytes, format_by_name, size_limit, suffix_of
from core.readers.limits import (MAX_ARCHIVE_MEMBERS, MAX_ARCHIVE_TOTAL, MAX_ZIP_DEPTH, MAX_ZIP_RATIO,
                                 MB, too_large)

DUPLICATE = "duplicate of an article already read"


class Collector:
    """Articles in reading order, the first of each content kept, the rest reported as duplicates."""

    def __init__(self):
        self.result = ReadResult()
        self._seen: set[str] = set()

    def add(self, art: Article, where: str) -> None:
        if art.article_id in self._seen:
            self.result.skipped.append(Skipped(where, DUPLICATE))
            return
        self._seen.add(art.article_id)
        self.result.articles.append(art)

    def skip(self, where: str, reason: str) -> None:
        self.result.skipped.append(Skipped(where, reason))


def _hidden(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX"


def iter_files(paths) -> list[Path]:
    """The files named, and the files inside the folders named (sorted, hidden ones left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        for root, dirs, files in os.walk(p):  # symbolic links to folders are not followed
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            out.extend(Path(root) / f for f in sorted(files) if not _hidden(f))
    return out


def read_paths(paths) -> ReadResult:
    """Every article that can be read from files, folders and archives; every input skipped with its
    reason. Articles with the same content collapse to one. Linear in the number of files."""
    col = Collector()
    for f in iter_files(paths):
        where = str(f)
        try:
            fmt = format_by_name(f.name)
            if not f.exists():
                raise ArticleError("no such file or folder")
            if fmt is None:  # refused by name, without reading it
                raise ArticleError(f"unsupported file type '{suffix_of(f.name)}'")
            size = f.stat().st_size
            if size > size_limit(fmt):  # refused before it is read into memory
                raise ArticleError(too_large(size, size_limit(fmt)))
            raw = f.read_bytes()
        except ArticleError as e:
            col.skip(where, str(e))
            continue
        except OSError as e:
            col.skip(where, f"cannot read: {e.strerror or e}")
            continue
        res = articles_from_bytes(raw, f.name)
        for art in res.articles:
            col.add(art, str(f.parent / art.name))
        for s in res.skipped:
            col.skip(str(f.parent / s.name), s.reason)
    return col.result


class _Budget:
    """Bytes an archive (and the archives inside it) may still unpack to."""

    def __init__(self):
        self.left = MAX_ARCHIVE_TOTAL


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member is not read before unpacking it, or None."""
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or ".." in parts or (parts and parts[0].endswith(":")):
        return "unsafe path in the archive (it points outside the archive's folder)"
    if info.flag_bits & 0x1:
        return "encrypted in the archive"
    fmt = format_by_name(name)
    if fmt is None:
        return f"unsupported file type '{suffix_of(name)}'"
    if info.file_size > size_limit(fmt):
        return too_large(info.file_size, size_limit(fmt))
    if info.file_size > MB and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        return f"packed {info.file_size // max(info.compress_size, 1):,} times smaller than it unpacks: refused as a zip bomb"
    return None


def read_zip(raw: bytes, name: str, depth: int = 0, budget: _Budget | None = None) -> ReadResult:
    """Every article in a .zip (and in the zips inside it, MAX_ZIP_DEPTH deep), member by member."""
    col = Collector()
    budget = budget or _Budget()
    if depth >= MAX_ZIP_DEPTH:
        col.skip(name, f"zip archive nested more than {MAX_ZIP_DEPTH} deep, not read")
        return col.result
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        col.skip(name, "not a readable zip archive")
        return col.result
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        col.skip(name, f"zip archive with {len(infos):,} files; the limit is {MAX_ARCHIVE_MEMBERS:,}")
        return col.result
    with zf:
        for info in sorted(infos, key=lambda i: i.filename):
            member = info.filename.replace("\\", "/")
            if info.is_dir() or any(_hidden(p) for p in PurePosixPath(member).parts):
                continue
            where = f"{name}/{member.lstrip('/')}"
            problem = _member_problem(info)
            if problem is None and info.file_size > budget.left:
                problem = f"the archive unpacks to more than {MAX_ARCHIVE_TOTAL // MB} MB; not read"
            if problem:
                col.skip(where, problem)
                continue
            try:
                data = _read_member(zf, info, min(size_limit(format_by_name(member)), budget.left))
            except ArticleError as e:
                col.skip(where, str(e))
                continue
            budget.left -= len(data)
            res = articles_from_bytes(data, where, depth + 1, budget)
            for art in res.articles:
                col.add(art, art.name)
            col.result.skipped.extend(res.skipped)
    if not col.result.articles and not col.result.skipped:
        col.skip(name, "empty zip archive")
    return col.result


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, unpacking no more than ``limit`` whatever its header claims."""
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise ArticleError(f"damaged in the archive ({e})") from None
    except NotImplementedError:
        raise ArticleError("packed with a compression method this reader does not support") from None
    except RuntimeError:  # encrypted without the flag, and the like
        raise ArticleError("encrypted in the archive") from None
    if len(data) > limit:
        raise ArticleError(f"unpacks to more than its header says or than the limit ({limit // MB} MB)")
    return data
