"""The persistent corpus: articles and their rows in one DuckDB file.

    from core.store import Store, default_store_path
    with Store() as store:                         # opens or creates default_store_path()
        report = store.ingest(articles)            # IngestReport(added, skipped_existing, renormalised, failed)
        table = store.table()                      # the corpus event table
        store.articles(); store.remove([...]); store.count()

Layout: ``articles`` (article_id = content hash, name, text, published, title, source, datelines,
url, added_at, extractor_version, n_rows) and ``rows`` (the event-table columns of
core.table.COLUMNS, list columns as VARCHAR[], and ``seq``, the row's place in its article).

Concurrency. DuckDB lets one process write a file, and no other process open it meanwhile. So
readers never keep the file open: every read opens a read-only connection, reads, and closes it.
A writer (ingest, remove) holds an exclusive lock on ``<store>.lock`` for its whole run (a second
writer waits up to ``wait`` seconds, then StoreBusy: "store busy ..."); normalisation, the slow
part of an ingest, runs in worker processes, and the writer's connection, kept open between its
commits, is closed at once when a reader signals that it waits (``<store>.reader-waiting``).
A connection that finds the file held retries for up to ``timeout`` seconds; a writer waiting for
the file signals too (``<store>.writer-waiting``), so readers polling in a loop cannot starve it.
So the dashboard reads while an ingest writes, seeing the articles committed so far.

Durability. An ingest commits whole articles: each batch of articles and all their rows go in
one transaction, so an interrupted ingest (even SIGKILL) leaves whole articles only, and nothing
committed before is touched. ``articles.n_rows`` records how many rows each article has, so
``check()`` can prove it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from core.articles import Article
from core.ingest import ROW_SCHEMA, ChunkResult, Progress, normalise_chunks, published_date
from core.pipeline import EXTRACTOR_VERSION, corpus_table
from core.table import COLUMNS

APP_NAME = "negotiation-timeline"
ENV_VAR = "NEGOTIATION_STORE"
STORE_FORMAT = "1"
COMMIT_EVERY = 1.0      # seconds between commits while an ingest runs (and one at the end)

INTENT_TTL = 2.0        # seconds a waiting writer's signal holds new readers back
READER_TURN = 0.5       # seconds at most a writer waits for signalling readers before taking the file

_SQL_TYPES = {"str": "VARCHAR NOT NULL", "date": "DATE", "tuple": "VARCHAR[] NOT NULL", "int": "BIGINT NOT NULL"}
_ROW_COLS = list(COLUMNS) + ["seq"]
_SCHEMA_SQL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, text VARCHAR NOT NULL, published DATE,
        title VARCHAR NOT NULL, source VARCHAR NOT NULL, datelines VARCHAR[] NOT NULL, url VARCHAR NOT NULL,
        added_at TIMESTAMP NOT NULL, extractor_version VARCHAR NOT NULL, n_rows INTEGER NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS rows (" + ", ".join(f"{c} {_SQL_TYPES[k]}" for c, k in COLUMNS.items())
    + ", seq INTEGER NOT NULL)",
]
ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("name", pa.string()), ("text", pa.string()), ("published", pa.date32()),
    ("title", pa.string()), ("source", pa.string()), ("datelines", pa.list_(pa.string())), ("url", pa.string()),
    ("added_at", pa.timestamp("us")), ("extractor_version", pa.string()), ("n_rows", pa.int32())])


class StoreError(RuntimeError):
    """The store cannot do what was asked; the message says why, in words for the user."""


class StoreBusy(StoreError):
    """Another process is writing to the store."""


@dataclass
class IngestReport:
    added: int = 0                                   # new articles stored
    skipped_existing: int = 0                        # already stored (same content), left as they were
    renormalised: int = 0                            # stored articles normalised again (newer extractor)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (article name, reason)
    rows: int = 0                                    # rows written
    seconds: float = 0.0

    def summary(self) -> str:
        line = (f"{self.added} added, {self.skipped_existing} already stored, "
                f"{self.renormalised} re-normalised, {len(self.failed)} failed")
        if self.failed:
            line += ": " + "; ".join(f"{n} ({r})" for n, r in self.failed)
        return line


def default_store_path() -> Path:
    """$NEGOTIATION_STORE, else store.duckdb in the user's data folder
    ($XDG_DATA_HOME or ~/.local/share on Linux, Application Support on macOS, %LOCALAPPDATA% on Windows)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME / "store.duckdb"


def _is_lock_conflict(e: Exception) -> bool:
    """Another process holds the file, or (same process) a connection of the other mode is open."""
    msg = str(e)
    return "Could not set lock" in msg or "Conflicting lock" in msg or "different configuration" in msg


class _WriterLock:
    """An exclusive advisory lock on ``<store>.lock`` held for a whole ingest (released by the
    kernel if the process dies)."""

    def __init__(self, path: Path, wait: float):
        self.path = path.with_name(path.name + ".lock")
        self.wait = wait
        self.fd: int | None = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # no advisory locks (Windows): DuckDB's own file lock still guards each commit
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreBusy(f"store busy: another ingest is writing to {self.path.with_suffix('')}; "
                                    "try again when it has finished") from None
                time.sleep(0.05)
        self.fd = fd
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            import fcntl
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _arrow_column_to_series(col: pa.ChunkedArray, kind: str) -> pd.Series:
    if kind == "tuple":
        return pd.Series([tuple(v) if v is not None else () for v in col.to_pylist()], dtype="object")
    if kind == "date":
        return pd.Series(col.cast(pa.timestamp("s")).to_pandas(), dtype="datetime64[s]")
    if kind == "int":
        return pd.Series(col.to_numpy(), dtype="int64")
    return pd.Series(col.to_pandas(), dtype="str").fillna("")


def rows_frame(rows: pa.Table) -> pd.DataFrame:
    """Stored rows (Arrow) as an event-table frame: tuples restored, datetime64 dates (columns the
    store does not have yet are left for corpus_table to fill)."""
    return pd.DataFrame({c: _arrow_column_to_series(rows.column(c), k) for c, k in COLUMNS.items()
                         if c in rows.column_names})


class Store:
    """The corpus in a DuckDB file (see the module docstring). ``timeout``: seconds a connection
    retries while another process holds the file; ``wait``: seconds a writer waits for another
    writer before StoreBusy."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False,
                 timeout: float = 30.0, wait: float = 600.0):
        self.path = Path(path).expanduser() if path else default_store_path()
        self.read_only = read_only
        self.timeout = timeout
        self.wait = wait
        self.commit_every = COMMIT_EVERY
        self._closed = False
        self._writer_waiting = self.path.with_name(self.path.name + ".writer-waiting")
        self._reader_waiting = self.path.with_name(self.path.name + ".reader-waiting")
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the store folder {self.path.parent}: {e.strerror or e}") from None
            if not self._schema_current():
                # creating or migrating is writing: one writer at a time
                with _WriterLock(self.path, self.wait), self._connect() as con:
                    if con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]:
                        self._check_format(con)
                    for sql in _SCHEMA_SQL:
                        con.execute(sql)
                    con.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?), ('revision', '0')",
                                [STORE_FORMAT])
                    _migrate_rows(con)
        elif self.exists():
            self._schema_current()

    def _schema_current(self) -> bool:
        """Whether the file is a store with every table and column this version writes (read-only
        look, so opening a store while an ingest writes does not wait for it); StoreError if the
        file is something else."""
        if not self.exists() or self.path.stat().st_size == 0:
            return False
        with self._connect(read_only=True) as con:
            if not con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]:
                return False
            self._check_format(con)
            tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
            return {"meta", "articles", "rows"} <= tables and set(COLUMNS) <= set(_row_columns(con))

    # --- connections ------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.is_file()

    def _open(self, read_only: bool):
        """A DuckDB connection; while another process (or another mode in this one) holds the
        file, retries for up to ``timeout`` seconds, saying that it waits (see the module doc)."""
        if self._closed:
            raise StoreError("the store is closed")
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        if read_only:   # a waiting writer goes first ...
            _wait_while_fresh(self._writer_waiting, INTENT_TTL, deadline)
        else:           # ... and a writer lets waiting readers in before it takes the file again
            _wait_while_fresh(self._reader_waiting, READER_TURN, time.monotonic() + READER_TURN)
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.Error as e:
                if not _is_lock_conflict(e):
                    raise StoreError(f"cannot open the store {self.path}: {str(e).splitlines()[0]}") from None
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"store busy: {self.path} stayed locked by another process for "
                                    f"{self.timeout:.0f} s") from None
                _touch(self._reader_waiting if read_only else self._writer_waiting)
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        with contextlib.suppress(OSError):
            os.remove(self._reader_waiting if read_only else self._writer_waiting)
        return con

    @contextlib.contextmanager
    def _connect(self, read_only: bool | None = None):
        """A connection for one short piece of work, closed after it."""
        con = self._open(self.read_only if read_only is None else read_only)
        try:
            yield con
        finally:
            con.close()

    def _check_format(self, con) -> None:
        try:
            fmt = con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except duckdb.Error:
            fmt = None
        if fmt is None:
            raise StoreError(f"{self.path} is a DuckDB file but not a negotiation-timeline store")
        if fmt[0] != STORE_FORMAT:
            raise StoreError(f"{self.path} has store format {fmt[0]}; this version reads format {STORE_FORMAT}")

    def close(self) -> None:
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, read_only={self.read_only})"

    # --- reading ----------------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the store holds."""
        if not self.exists():
            return 0
        with self._connect(read_only=True) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def revision(self) -> int:
        """A number that changes whenever the store's content changes (a cache key for readers)."""
        if not self.exists():
            return 0
        with self._connect(read_only=True) as con:
            return int(con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def info(self) -> dict:
        """Counts for people: articles, rows, stale articles (older extractor), file size."""
        if not self.exists():
            return {"path": str(self.path), "articles": 0, "rows": 0, "stale": 0, "bytes": 0}
        with self._connect(read_only=True) as con:
            n_art, stale = con.execute("SELECT count(*), count(*) FILTER (WHERE extractor_version <> ?) "
                                       "FROM articles", [EXTRACTOR_VERSION]).fetchone()
            n_rows = con.execute("SELECT count(*) FROM rows").fetchone()[0]
        return {"path": str(self.path), "articles": n_art, "rows": n_rows, "stale": stale,
                "bytes": self.path.stat().st_size}

    def table(self) -> pd.DataFrame:
        """The corpus event table (core.pipeline.corpus_table over the stored rows)."""
        if self.exists():
            with self._connect(read_only=True) as con:
                cols = [c for c in _row_columns(con) if c in COLUMNS]
                rows = con.sql(f"SELECT {', '.join(cols)} FROM rows ORDER BY article_id, seq").to_arrow_table()
        else:
            rows = ROW_SCHEMA.empty_table()
        return corpus_table(rows_frame(rows))

    def articles(self) -> list[Article]:
        """The stored articles, oldest first."""
        if not self.exists():
            return []
        with self._connect(read_only=True) as con:
            got = con.execute("SELECT article_id, name, text, published, title, source, datelines, url "
                              "FROM articles ORDER BY added_at, article_id").fetchall()
        return [_article(r) for r in got]

    def check(self) -> list[str]:
        """Problems of integrity (none in a healthy store): rows without their article, articles
        whose rows are missing or incomplete."""
        if not self.exists():
            return []
        with self._connect(read_only=True) as con:
            orphans = con.execute("SELECT count(DISTINCT article_id) FROM rows "
                                  "WHERE article_id NOT IN (SELECT article_id FROM articles)").fetchone()[0]
            partial = con.execute(
                "SELECT count(*) FROM articles a LEFT JOIN (SELECT article_id, count(*) AS n FROM rows "
                "GROUP BY article_id) r USING (article_id) WHERE coalesce(r.n, 0) <> a.n_rows").fetchone()[0]
        out = []
        if orphans:
            out.append(f"rows of {orphans} articles that are not stored")
        if partial:
            out.append(f"{partial} articles whose rows are missing or incomplete")
        return out

    # --- writing ----------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")

    def remove(self, article_ids: Iterable[str]) -> int:
        """Remove articles and their rows; the number of articles removed."""
        self._writable()
        ids = pa.table({"article_id": pa.array(list(dict.fromkeys(article_ids)), type=pa.string())})
        if not ids.num_rows:
            return 0
        with _WriterLock(self.path, self.wait), self._connect() as con:
            con.register("gone", ids)
            con.execute("BEGIN TRANSACTION")
            n = con.execute("SELECT count(*) FROM articles WHERE article_id IN (SELECT article_id FROM gone)").fetchone()[0]
            con.execute("DELETE FROM rows WHERE article_id IN (SELECT article_id FROM gone)")
            con.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM gone)")
            _bump_revision(con)
            con.execute("COMMIT")
        return n

    def ingest(self, articles: Iterable[Article], workers: int | None = None, progress: Progress | None = None,
               engine: str = "local", scheduler=None, staging: str | Path | None = None) -> IngestReport:
        """Add articles: those already stored (same article_id) are skipped; stored articles whose
        rows an older extractor made are normalised again; the rest are normalised on ``workers``
        processes (or on a Dask cluster: ``engine="dask"``, ``scheduler`` its address) and
        committed a batch of whole articles at a time. ``progress(done, total)`` follows the
        normalisation."""
        self._writable()
        started = time.perf_counter()
        report = IngestReport()
        with _WriterLock(self.path, self.wait):
            with self._connect() as con:
                stored = dict(con.execute("SELECT article_id, extractor_version FROM articles").fetchall())
                stale_ids = [a for a, v in stored.items() if v != EXTRACTOR_VERSION]
                stale = ([_article(r) for r in con.execute(
                    "SELECT article_id, name, text, published, title, source, datelines, url FROM articles "
                    "WHERE extractor_version <> ? ORDER BY added_at, article_id", [EXTRACTOR_VERSION]).fetchall()]
                    if stale_ids else [])
            todo: list[Article] = []
            seen: set[str] = set()
            for art in articles:
                if art.article_id in stored or art.article_id in seen:
                    if stored.get(art.article_id, EXTRACTOR_VERSION) == EXTRACTOR_VERSION:
                        report.skipped_existing += 1
                    continue
                seen.add(art.article_id)
                todo.append(art)
            new_ids = {a.article_id for a in todo}
            todo.extend(stale)
            if not todo:
                if progress is not None:
                    progress(0, 0)
                report.seconds = time.perf_counter() - started
                return report
            by_id = {a.article_id: a for a in todo}
            with contextlib.ExitStack() as stack:
                if engine == "dask" and staging is None:
                    staging = stack.enter_context(tempfile.TemporaryDirectory(
                        prefix="ingest-", dir=self.path.parent))
                session = stack.enter_context(_WriteSession(self))
                pending: list[ChunkResult] = []
                last = time.monotonic()
                try:
                    for res in normalise_chunks(todo, workers, progress, engine=engine, scheduler=scheduler,
                                                staging=staging):
                        pending.append(res)
                        if time.monotonic() - last >= self.commit_every:
                            self._commit(session, pending, by_id, new_ids, report)
                            pending, last = [], time.monotonic()
                except BrokenProcessPool:
                    self._commit(session, pending, by_id, new_ids, report)
                    raise StoreError(f"a worker process died (out of memory?) after {report.added} articles were "
                                     "added; they are kept: run the ingest again to add the rest") from None
                self._commit(session, pending, by_id, new_ids, report)
        report.seconds = time.perf_counter() - started
        return report

    def _commit(self, session: _WriteSession, results: list[ChunkResult], by_id: dict[str, Article],
                new_ids: set[str], report: IngestReport) -> None:
        """One transaction: the normalised articles of these chunks and all their rows."""
        for res in results:
            report.failed.extend((name, reason) for _, name, reason in res.failed)
        results = [r for r in results if r.article_ids]
        if not results:
            return
        now = dt.datetime.now()
        ids = [a for r in results for a in r.article_ids]
        n_rows = {k: v for r in results for k, v in r.n_rows.items()}
        arts = [by_id[a] for a in ids]
        art_table = pa.Table.from_pydict({
            "article_id": ids, "name": [a.name for a in arts], "text": [a.text for a in arts],
            "published": [a.published for a in arts], "title": [a.title for a in arts],
            "source": [a.source for a in arts], "datelines": [list(a.datelines) for a in arts],
            "url": [a.url for a in arts], "added_at": [now] * len(arts),
            "extractor_version": [EXTRACTOR_VERSION] * len(arts), "n_rows": [n_rows[a] for a in ids]},
            schema=ARTICLE_SCHEMA)
        tables = [r.rows if isinstance(r.rows, pa.Table) else pq.read_table(r.rows, schema=ROW_SCHEMA)
                  for r in results]
        rows = pa.concat_tables(tables) if tables else ROW_SCHEMA.empty_table()
        renorm = [a for a in ids if a not in new_ids]
        with session.lock:
            con = session.connection()
            con.register("new_articles", art_table)
            con.register("new_rows", rows)
            con.execute("BEGIN TRANSACTION")
            try:
                self._write_batch(con, art_table, renorm)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            finally:
                con.unregister("new_articles")
                con.unregister("new_rows")
        for r in results:
            if isinstance(r.rows, str):
                with contextlib.suppress(OSError):
                    os.remove(r.rows)
        report.added += len(ids) - len(renorm)
        report.renormalised += len(renorm)
        report.rows += rows.num_rows

    @staticmethod
    def _write_batch(con, art_table: pa.Table, renorm: list[str]) -> None:
        """Inside the batch's transaction: its articles (new or re-normalised) and all their rows."""
        if renorm:
            con.register("renorm", pa.table({"article_id": pa.array(renorm, type=pa.string())}))
            con.execute("DELETE FROM rows WHERE article_id IN (SELECT article_id FROM renorm)")
            # keep when the article was first added
            con.execute("UPDATE articles SET extractor_version = n.extractor_version, n_rows = n.n_rows "
                        "FROM new_articles n WHERE articles.article_id = n.article_id")
        con.execute("INSERT INTO articles SELECT * FROM new_articles "
                    "WHERE article_id NOT IN (SELECT article_id FROM articles)")
        con.execute(f"INSERT INTO rows ({', '.join(_ROW_COLS)}) SELECT {', '.join(_ROW_COLS)} FROM new_rows")
        _bump_revision(con)


_SQL_DEFAULTS = {"str": "''", "date": "NULL", "tuple": "[]::VARCHAR[]", "int": "0"}


def _row_columns(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'rows' "
                                      "ORDER BY column_index").fetchall()]


def _migrate_rows(con) -> None:
    """Rows stored before the event table gained a column get it with its empty value; a column the
    table no longer has stops being required. (The extractor version says when to re-normalise.)"""
    have = _row_columns(con)
    for col, kind in COLUMNS.items():
        if col not in have:
            con.execute(f"ALTER TABLE rows ADD COLUMN {col} {_SQL_TYPES[kind].replace(' NOT NULL', '')} "
                        f"DEFAULT {_SQL_DEFAULTS[kind]}")
    for col in have:
        if col not in COLUMNS and col != "seq":
            con.execute(f"ALTER TABLE rows ALTER COLUMN {col} DROP NOT NULL")


def _wait_while_fresh(marker: Path, ttl: float, deadline: float) -> None:
    """Wait while another party signals, by a marker file touched less than ``ttl`` seconds ago,
    that it waits for the file (it removes the marker once in): readers let a waiting writer in
    first, and a writer gives waiting readers a turn, so neither side can starve the other. A
    stale marker (its owner died or gave up) is ignored."""
    while time.monotonic() < deadline:
        try:
            age = time.time() - os.stat(marker).st_mtime
        except OSError:
            return
        if age > ttl:
            return
        time.sleep(0.005)


class _WriteSession:
    """The writer's connection for a whole ingest: opened when a batch commits, kept open between
    batches (opening and closing a DuckDB file costs ~0.1 s) and closed at once when a reader
    signals that it waits (``<store>.reader-waiting``), watched by a small thread."""

    def __init__(self, store: Store):
        self.store = store
        self.con = None
        self.opened_at = 0.0
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="store-writer-yield", daemon=True)

    def __enter__(self):
        self._watcher.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._watcher.join()
        self.release()
        with contextlib.suppress(OSError):
            os.remove(self.store._reader_waiting)

    def connection(self):
        """The open connection (call with ``lock`` held)."""
        if self.con is None:
            self.con = self.store._open(read_only=False)
            self.opened_at = time.time()
        return self.con

    def release(self) -> None:
        with self.lock:
            if self.con is not None:
                self.con.close()
                self.con = None

    def _reader_waits(self) -> bool:
        try:
            return os.stat(self.store._reader_waiting).st_mtime >= self.opened_at - 0.01
        except OSError:
            return False

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            if self.con is not None and self._reader_waits():
                self.release()


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.touch()


def _bump_revision(con) -> None:
    con.execute("UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'revision'")


def _article(r) -> Article:
    article_id, name, text, published, title, source, datelines, url = r
    return Article(article_id, name, text, published_date(published), title, source, tuple(datelines or ()), url)
