"""core.ingest: chunks of whole articles normalised in processes or on a Dask cluster."""
from __future__ import annotations

import os

import duckdb
import pandas as pd
import pytest

import core
import core.ingest as ci
from core.store import Store
from core.table import make_table
from store_corpus import corpus


def test_chunks_hold_every_article_once_in_order():
    arts = corpus(37)
    for workers in (1, 2, 8):
        chunks = ci.chunked(arts, workers)
        assert [a for c in chunks for a in c] == arts
        assert max(len(c) for c in chunks) <= ci.MAX_CHUNK
    assert len(ci.chunked(arts, 2)) >= 8        # several chunks per worker, so the last ones balance
    assert ci.chunked([], 4) == []


def test_chunk_rows_are_the_articles_rows():
    arts = corpus(3)
    res = ci.normalise_chunk(arts)
    assert res.article_ids == [a.article_id for a in arts] and res.failed == []
    expected = [r for a in arts for r in core.pipeline.article_rows(a)]
    assert res.n_rows == {a.article_id: len(core.pipeline.article_rows(a)) for a in arts}
    assert res.rows.schema == ci.ROW_SCHEMA
    assert res.rows.num_rows == len(expected)
    got = res.rows.to_pandas()
    assert list(got["event_id"]) == list(make_table(expected)["event_id"])
    assert list(got["seq"]) == [i for a in arts for i in range(res.n_rows[a.article_id])]


def test_an_article_whose_rows_break_the_schema_is_left_out(monkeypatch):
    arts = corpus(3)
    real = ci.article_rows

    def bad_type(art):
        rows = real(art)
        if art.name == arts[1].name:
            rows[0] = {**rows[0], "event_type": "not-a-type"}
        return rows

    monkeypatch.setattr(ci, "article_rows", bad_type)
    res = ci.normalise_chunk(arts)
    assert res.article_ids == [arts[0].article_id, arts[2].article_id]
    assert len(res.failed) == 1 and res.failed[0][1] == arts[1].name
    assert res.failed[0][2].startswith("rows break the table schema: column 'event_type'")
    assert set(res.rows.column("article_id").to_pylist()) == {arts[0].article_id, arts[2].article_id}


def test_small_corpus_stays_in_this_process():
    results = list(ci.normalise_chunks(corpus(5), workers=2))
    assert {r.pid for r in results} == {os.getpid()}


def test_local_engine_uses_processes_and_reports_progress(monkeypatch):
    monkeypatch.setattr(ci, "SMALL_CORPUS", 0)
    arts = corpus(20)
    seen = []
    results = list(ci.normalise_chunks(arts, workers=2, progress=lambda d, t: seen.append((d, t))))
    assert os.getpid() not in {r.pid for r in results}          # normalised in worker processes
    assert sorted(a for r in results for a in r.article_ids) == sorted(a.article_id for a in arts)
    assert seen[0] == (0, 20) and seen[-1] == (20, 20)
    assert sum(r.rows.num_rows for r in results) == sum(len(core.pipeline.article_rows(a)) for a in arts)


def test_unknown_engine_and_missing_scheduler_are_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        ci.normalise_chunks(corpus(1), engine="spark")
    with pytest.raises(ValueError, match="scheduler"):
        ci.normalise_chunks(corpus(1), engine="dask", staging="/tmp")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as c:
        yield c


def test_dask_engine_writes_parquet_that_duckdb_reads(cluster, tmp_path):
    arts = corpus(12)
    results = list(ci.normalise_chunks(arts, engine="dask", scheduler=cluster.scheduler_address,
                                       staging=tmp_path / "staging"))
    assert all(isinstance(r.rows, str) and r.rows.endswith(".parquet") for r in results)
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'staging'}/*.parquet')").fetchone()[0]
    assert n == sum(len(core.pipeline.article_rows(a)) for a in arts)


def test_dask_ingest_stores_what_the_local_engine_stores(cluster, tmp_path):
    arts = corpus(12)
    seen = []
    with Store(tmp_path / "dask.duckdb") as d, Store(tmp_path / "local.duckdb") as local:
        report = d.ingest(arts, engine="dask", scheduler=cluster.scheduler_address,
                          progress=lambda done, total: seen.append(done))
        local.ingest(arts, workers=1)
        assert (report.added, report.failed) == (12, [])
        pd.testing.assert_frame_equal(d.table(), local.table())
        assert d.check() == []
        assert d.ingest(arts, engine="dask", scheduler=cluster.scheduler_address).skipped_existing == 12
    assert seen[-1] == 12
    assert not list(tmp_path.glob("ingest-*"))   # the staging folder is cleaned up


def test_workers_fork_unless_other_threads_run(monkeypatch):
    import threading
    main = threading.main_thread()
    own = threading.Thread(name="store-writer-yield")
    other = threading.Thread(name="ScriptRunner.scriptThread")
    monkeypatch.setattr(ci.threading, "enumerate", lambda: [main, own])
    assert ci._mp_context().get_start_method() == "fork"
    monkeypatch.setattr(ci.threading, "enumerate", lambda: [main, own, other])
    assert ci._mp_context().get_start_method() == "forkserver"


def test_pool_from_a_thread_uses_a_forkserver_and_gives_the_same_rows(monkeypatch):
    """The dashboard ingests from a script thread: workers then come from a forkserver."""
    import threading
    monkeypatch.setattr(ci, "SMALL_CORPUS", 0)
    arts = corpus(6)
    got = {}

    def run():
        got["methods"] = ci._mp_context().get_start_method()
        got["results"] = list(ci.normalise_chunks(arts, workers=2))

    t = threading.Thread(target=run, name="ScriptRunner.scriptThread")
    t.start()
    t.join(timeout=120)
    assert got["methods"] == "forkserver"
    rows = sorted((r for res in got["results"] for r in res.rows.to_pylist()), key=lambda r: (r["article_id"], r["seq"]))
    expected = sorted((r for res in [ci.normalise_chunk(arts)] for r in res.rows.to_pylist()),
                      key=lambda r: (r["article_id"], r["seq"]))
    assert rows == expected
    assert os.getpid() not in {res.pid for res in got["results"]}
