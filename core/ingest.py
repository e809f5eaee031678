"""Normalisation of many articles at once: on all cores (processes) or on a Dask cluster.

The unit of work is a *chunk* of whole articles. A worker runs the per-article function
(``core.pipeline.article_rows``) over its chunk, checks the rows against the event-table schema
and hands back one Arrow table of rows (columnar: far less pickling than a list of dicts), or,
on a Dask cluster, writes it as a Parquet file that the store loads with DuckDB. An article whose
extraction raises is reported with its reason and left out; the rest of its chunk is kept.

    for chunk in normalise_chunks(articles, workers=4, progress=callback):
        chunk.article_ids, chunk.n_rows, chunk.rows (pyarrow.Table or Parquet path), chunk.failed

``progress(done, total)`` is called with the number of articles normalised so far.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from core.articles import Article
from core.pipeline import article_rows
from core.table import COLUMNS, SchemaError, make_table

Progress = Callable[[int, int], None]

ARROW_TYPES = {"str": pa.string(), "date": pa.date32(), "tuple": pa.list_(pa.string()), "int": pa.int64()}
# the stored rows: the event-table columns, then the row's place in its article's rows
ROW_SCHEMA = pa.schema([pa.field(c, ARROW_TYPES[k]) for c, k in COLUMNS.items()] + [pa.field("seq", pa.int32())])

MAX_CHUNK = 64          # articles per task: big enough to amortise pickling, small enough to balance
SMALL_CORPUS = 48       # fewer articles than this are normalised in the calling process (a pool costs more)
IN_PROCESS_CHUNK = 16   # there, no pickling: small chunks for a smooth progress bar and frequent commits


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class ChunkResult:
    article_ids: list[str]                 # articles normalised, in chunk order
    n_rows: dict[str, int]                 # article_id -> how many rows it gave
    rows: pa.Table | str | None            # the rows (ROW_SCHEMA), or the path of a Parquet file of them
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (article_id, name, reason)
    pid: int = 0                           # the process that normalised it


_WARM = False
_WARM_TEXT = ("Envoy Kaj Istrel met Foreign Minister Noor Halvard of Norway in Geneva on Monday, "
              "officials said.\n“We will meet again next week,” Halvard told reporters.")


def warm_up() -> None:
    """Load what extraction loads on first use (word lists, gazetteers, date parser), once per
    process: forked workers then start warm instead of each paying ~1 s."""
    global _WARM
    if not _WARM:
        _WARM = True
        normalise_chunk([Article("warm-up", "warm-up", _WARM_TEXT, dt.date(2031, 1, 8))])


def _reason(e: BaseException) -> str:
    msg = " ".join(str(e).split())
    return f"extraction failed: {type(e).__name__}" + (f": {msg[:200]}" if msg else "")


def rows_to_arrow(frame: pd.DataFrame, seq: list[int]) -> pa.Table:
    """A validated event-table frame as an Arrow table of ROW_SCHEMA."""
    arrays = []
    for col, kind in COLUMNS.items():
        s = frame[col]
        if kind == "date":
            arr = pa.array(s.to_numpy(dtype="datetime64[s]"), type=pa.timestamp("s"), from_pandas=True).cast(pa.date32())
        elif kind == "tuple":
            arr = pa.array([list(v) for v in s], type=pa.list_(pa.string()))
        elif kind == "int":
            arr = pa.array(s.to_numpy(dtype="int64"), type=pa.int64())
        else:
            arr = pa.array(s.to_numpy(dtype=object), type=pa.string())
        arrays.append(arr)
    arrays.append(pa.array(seq, type=pa.int32()))
    return pa.Table.from_arrays(arrays, schema=ROW_SCHEMA)


def normalise_chunk(articles: list[Article]) -> ChunkResult:
    """The rows of a chunk of articles as one Arrow table (the function a worker runs)."""
    ok: list[str] = []
    n_rows: dict[str, int] = {}
    failed: list[tuple[str, str, str]] = []
    per_article: list[tuple[Article, list[dict]]] = []
    for art in articles:
        try:
            per_article.append((art, article_rows(art)))
        except Exception as e:  # one bad article never sinks its chunk
            failed.append((art.article_id, art.name, _reason(e)))
    try:
        frame = make_table([r for _, rows in per_article for r in rows])
    except SchemaError:
        # find the article(s) whose rows break the schema, keep the others
        good = []
        for art, rows in per_article:
            try:
                make_table(rows)
                good.append((art, rows))
            except SchemaError as e:
                failed.append((art.article_id, art.name, f"rows break the table schema: {e}"))
        per_article = good
        frame = make_table([r for _, rows in per_article for r in rows])
    seq: list[int] = []
    for art, rows in per_article:
        ok.append(art.article_id)
        n_rows[art.article_id] = len(rows)
        seq.extend(range(len(rows)))
    return ChunkResult(ok, n_rows, rows_to_arrow(frame, seq), failed, os.getpid())


def normalise_chunk_to_parquet(articles: list[Article], folder: str) -> ChunkResult:
    """normalise_chunk, the rows written as a Parquet file in ``folder`` (a Dask task)."""
    res = normalise_chunk(articles)
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = str(Path(folder) / f"rows-{uuid.uuid4().hex}.parquet")
    pq.write_table(res.rows, path)
    res.rows = path
    return res


def chunked(articles: list[Article], workers: int, max_size: int | None = None) -> list[list[Article]]:
    """Chunks of whole articles: about four per worker so the last ones balance, at most
    ``max_size`` (MAX_CHUNK)."""
    if not articles:
        return []
    size = max(1, min(max_size or MAX_CHUNK, math.ceil(len(articles) / (workers * 4))))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


OWN_THREAD_PREFIX = "store-"   # threads of core.store, which a forked worker never touches


def _mp_context():
    """fork when this process runs no other threads than the store's own (fast: modules already
    imported and warm); forkserver otherwise (the dashboard's server runs threads, and forking a
    process whose other threads may hold locks can deadlock the child)."""
    import multiprocessing as mp
    if os.name != "posix":
        return mp.get_context("spawn")
    others = [t for t in threading.enumerate()
              if t is not threading.main_thread() and not t.name.startswith(OWN_THREAD_PREFIX)]
    if threading.current_thread() is threading.main_thread() and not others:
        return mp.get_context("fork")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["core.pipeline", "core.ingest"])
    return ctx


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def normalise_local(articles: list[Article], workers: int | None = None,
                    progress: Progress | None = None) -> Iterator[ChunkResult]:
    """ChunkResults as they complete, normalised on ``workers`` processes (all cores by default)."""
    workers = workers or default_workers()
    total = len(articles)
    _report(progress, 0, total)
    if workers <= 1 or total < SMALL_CORPUS:
        done = 0
        for chunk in chunked(articles, 1, IN_PROCESS_CHUNK):
            res = normalise_chunk(chunk)
            done += len(chunk)
            _report(progress, done, total)
            yield res
        return
    chunks = chunked(articles, workers)
    done = 0
    ctx = _mp_context()
    if ctx.get_start_method() == "fork":
        warm_up()  # children inherit the loaded data
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=ctx,
                             initializer=warm_up) as pool:
        pending = {pool.submit(normalise_chunk, c): len(c) for c in chunks}
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    done += pending.pop(fut)
                    _report(progress, done, total)
                    yield fut.result()
        finally:
            for fut in pending:
                fut.cancel()


def normalise_dask(articles: list[Article], scheduler, staging: str | Path,
                   progress: Progress | None = None) -> Iterator[ChunkResult]:
    """ChunkResults as they complete on a Dask distributed cluster (``scheduler``: its address,
    or a ``distributed.Client``). Workers write each chunk's rows as Parquet under ``staging``, a
    folder every worker can write and this process can read (shared storage on a real cluster)."""
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout="10s")
    try:
        n_workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        chunks = chunked(articles, n_workers)
        total = len(articles)
        _report(progress, 0, total)
        futures = client.map(normalise_chunk_to_parquet, chunks, folder=str(staging), pure=False)
        sizes = {f.key: len(c) for f, c in zip(futures, chunks)}
        done = 0
        for fut in as_completed(futures):
            res = fut.result()
            done += sizes[fut.key]
            _report(progress, done, total)
            yield res
    finally:
        if client is not scheduler:
            client.close()


def normalise_chunks(articles: Iterable[Article], workers: int | None = None, progress: Progress | None = None,
                     engine: str = "local", scheduler=None, staging: str | Path | None = None) -> Iterator[ChunkResult]:
    """Normalise articles on the chosen engine ("local": processes on this machine; "dask": a
    Dask distributed cluster at ``scheduler``)."""
    articles = list(articles)
    if engine == "local":
        return normalise_local(articles, workers, progress)
    if engine == "dask":
        if not scheduler:
            raise ValueError("the dask engine needs a scheduler address (--scheduler tcp://host:8786)")
        if staging is None:
            raise ValueError("the dask engine needs a staging folder for its Parquet files")
        return normalise_dask(articles, scheduler, staging, progress)
    raise ValueError(f"unknown engine {engine!r} (local or dask)")


def published_date(v) -> dt.date | None:
    """A date from what a store or Arrow hands back (date, datetime, Timestamp or None)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    return v
