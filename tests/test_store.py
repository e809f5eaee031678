"""core.store: the DuckDB corpus (ingest, skip, re-normalise, remove, read back the table)."""
from __future__ import annotations

import os

import duckdb
import pandas as pd
import pytest

import core
import core.ingest
from core.pipeline import EXTRACTOR_VERSION
from core.store import IngestReport, Store, StoreBusy, StoreError, default_store_path
from core.table import validate
from store_corpus import corpus


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_ingest_then_table_is_the_normalised_corpus(store):
    arts = corpus(6)
    report = store.ingest(arts, workers=1)
    assert (report.added, report.skipped_existing, report.renormalised, report.failed) == (6, 0, 0, [])
    assert store.count() == 6
    table = store.table()
    validate(table)
    pd.testing.assert_frame_equal(table, core.normalise(arts))
    assert isinstance(table["actors"].iloc[0], tuple)
    assert pd.api.types.is_datetime64_dtype(table["date"])


def test_articles_come_back_whole(store):
    undated = core.parse_article("Envoys Kaj Istrel and Noor Halvard met in Muscat on Tuesday.\nThe Harbour Ledger",
                                 name="undated.txt")
    assert undated.published is None
    arts = corpus(2) + [undated]
    store.ingest(arts, workers=1)
    back = {a.article_id: a for a in store.articles()}
    assert back == {a.article_id: a for a in arts}
    assert back[arts[0].article_id].datelines == ("Muscat",)


def test_reingest_skips_stored_articles_and_changes_nothing(store):
    arts = corpus(4)
    store.ingest(arts, workers=1)
    rev = store.revision()
    report = store.ingest(arts + corpus(1, start=10), workers=1)
    assert (report.added, report.skipped_existing, report.renormalised) == (1, 4, 0)
    assert store.count() == 5
    assert store.revision() == rev + 1
    again = store.ingest(arts, workers=1)
    assert (again.added, again.skipped_existing) == (0, 4)
    assert store.revision() == rev + 1          # nothing written


def test_duplicates_in_one_ingest_are_stored_once(store):
    arts = corpus(3)
    report = store.ingest(arts + arts[:2], workers=1)
    assert (report.added, report.skipped_existing) == (3, 2)
    assert store.count() == 3


def test_older_extractor_version_is_renormalised(store):
    arts = corpus(3)
    store.ingest(arts, workers=1)
    added_at = dict(duckdb.connect(str(store.path), read_only=True).execute(
        "SELECT article_id, added_at FROM articles").fetchall())
    # rows made by an older extractor: other version, and different (fewer) rows
    with duckdb.connect(str(store.path)) as con:
        con.execute("UPDATE articles SET extractor_version = '0.0.0-old' WHERE article_id <> ?", [arts[0].article_id])
        con.execute("DELETE FROM rows WHERE article_id <> ? AND seq > 0", [arts[0].article_id])
    assert store.info()["stale"] == 2
    report = store.ingest([arts[1], *corpus(1, start=20)], workers=1)
    assert (report.added, report.skipped_existing, report.renormalised) == (1, 0, 2)
    assert store.info()["stale"] == 0
    assert store.check() == []
    pd.testing.assert_frame_equal(store.table(), core.normalise(arts + corpus(1, start=20)))
    with duckdb.connect(str(store.path), read_only=True) as con:
        versions = set(v for (v,) in con.execute("SELECT extractor_version FROM articles").fetchall())
        kept = dict(con.execute("SELECT article_id, added_at FROM articles").fetchall())
    assert versions == {EXTRACTOR_VERSION}
    assert all(kept[a] == t for a, t in added_at.items())   # re-normalising keeps when it was added


def test_remove_takes_articles_and_their_rows(store):
    arts = corpus(3)
    store.ingest(arts, workers=1)
    assert store.remove([arts[1].article_id, "no-such-id"]) == 1
    assert store.count() == 2
    assert arts[1].article_id not in set(store.table()["article_id"])
    assert store.check() == []
    assert store.remove([]) == 0


def test_a_failing_article_is_reported_and_the_rest_stored(store, monkeypatch):
    arts = corpus(4)
    real = core.ingest.article_rows

    def flaky(art):
        if art.name == arts[2].name:
            raise ValueError("invented failure")
        return real(art)

    monkeypatch.setattr(core.ingest, "article_rows", flaky)
    report = store.ingest(arts, workers=1)
    assert report.added == 3
    assert report.failed == [(arts[2].name, "extraction failed: ValueError: invented failure")]
    assert arts[2].article_id not in {a.article_id for a in store.articles()}
    monkeypatch.setattr(core.ingest, "article_rows", real)
    assert store.ingest(arts, workers=1).added == 1     # tried again next time


def test_articles_without_rows_are_whole(store):
    quiet = core.parse_article("01-02-2031\nThe harbour was calm and the weather was mild.\nThe Harbour Ledger",
                               name="quiet.txt")
    store.ingest([quiet], workers=1)
    assert store.count() == 1
    assert store.check() == []
    assert len(store.table()) == 0


def test_parallel_ingest_stores_the_same_as_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(core.ingest, "SMALL_CORPUS", 0)
    arts = corpus(24)
    seen = []
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        one.ingest(arts, workers=1)
        report = two.ingest(arts, workers=2, progress=lambda d, t: seen.append((d, t)))
        assert report.added == 24
        pd.testing.assert_frame_equal(one.table(), two.table())
    assert seen[0] == (0, 24) and seen[-1] == (24, 24)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_read_only_store(tmp_path):
    missing = Store(tmp_path / "none.duckdb", read_only=True)
    assert missing.count() == 0 and missing.articles() == []
    validate(missing.table())
    assert not (tmp_path / "none.duckdb").exists()
    with pytest.raises(StoreError, match="read-only"):
        missing.ingest(corpus(1))
    Store(tmp_path / "s.duckdb").ingest(corpus(2), workers=1)
    ro = Store(tmp_path / "s.duckdb", read_only=True)
    assert ro.count() == 2 and len(ro.table()) > 0


def test_files_that_are_not_a_store_are_refused(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE x (a INT)")
    with pytest.raises(StoreError, match="not a negotiation-timeline store"):
        Store(other)


def test_closed_store_refuses_work(tmp_path):
    s = Store(tmp_path / "s.duckdb")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_second_writer_waits_or_reports_busy(tmp_path):
    from core.store import _WriterLock
    path = tmp_path / "s.duckdb"
    s = Store(path, wait=0.2)
    with _WriterLock(path, 0):
        with pytest.raises(StoreBusy, match="store busy"):
            s.ingest(corpus(1), workers=1)
        with pytest.raises(StoreBusy):
            s.remove(["x"])
    assert s.ingest(corpus(1), workers=1).added == 1


def test_default_store_path(monkeypatch, tmp_path):
    monkeypatch.setenv("NEGOTIATION_STORE", str(tmp_path / "env.duckdb"))
    assert default_store_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("NEGOTIATION_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert default_store_path() == tmp_path / "xdg" / "negotiation-timeline" / "store.duckdb"
    monkeypatch.setenv("NEGOTIATION_STORE", str(tmp_path / "d" / "s.duckdb"))
    assert Store().path == tmp_path / "d" / "s.duckdb"
    assert (tmp_path / "d" / "s.duckdb").exists()


def test_report_summary_names_failures():
    r = IngestReport(added=2, skipped_existing=1, renormalised=0, failed=[("a.txt", "extraction failed: X")])
    assert r.summary() == "2 added, 1 already stored, 0 re-normalised, 1 failed: a.txt (extraction failed: X)"


def test_store_from_before_a_new_column_is_migrated(tmp_path):
    path = tmp_path / "s.duckdb"
    old = corpus(2)
    Store(path).ingest(old, workers=1)
    with duckdb.connect(str(path)) as con:            # as an older version wrote it
        con.execute("ALTER TABLE rows DROP COLUMN summary")
        con.execute("ALTER TABLE rows ADD COLUMN retired VARCHAR NOT NULL DEFAULT 'x'")
    table = Store(path, read_only=True).table()       # readable as it is
    validate(table)
    assert set(table["summary"]) == {""}
    s = Store(path)                                   # migrated on opening for writing
    assert s.ingest(corpus(1, start=40), workers=1).added == 1
    assert s.check() == []
    table = s.table()
    validate(table)
    new_id = corpus(1, start=40)[0].article_id
    assert (table.loc[table["article_id"] == new_id, "summary"] != "").all()


def test_opening_a_store_does_not_wait_for_a_writer(tmp_path):
    from core.store import _WriterLock
    path = tmp_path / "s.duckdb"
    Store(path).ingest(corpus(1), workers=1)
    with _WriterLock(path, 0):
        assert Store(path, wait=0).count() == 1       # no StoreBusy: nothing to create or migrate


def test_reading_in_one_thread_while_another_ingests(tmp_path):
    """The dashboard's case: an upload ingests in a script thread while other sessions read."""
    import threading
    path = tmp_path / "s.duckdb"
    writer = Store(path)
    writer.commit_every = 0.01
    arts = corpus(120)
    done = {}
    t = threading.Thread(target=lambda: done.update(report=writer.ingest(arts, workers=1)))
    t.start()
    reader = Store(path, read_only=True)
    counts = []
    while t.is_alive():
        counts.append(reader.count())
    t.join()
    assert done["report"].added == 120
    assert counts == sorted(counts) and any(0 < c < 120 for c in counts)
    assert reader.count() == 120 and reader.check() == []


def test_a_worker_that_dies_keeps_what_was_committed(tmp_path, monkeypatch):
    import multiprocessing
    monkeypatch.setattr(core.ingest, "_mp_context", lambda: multiprocessing.get_context("fork"))  # workers see the patch
    monkeypatch.setattr(core.ingest, "SMALL_CORPUS", 0)
    monkeypatch.setattr(core.ingest, "MAX_CHUNK", 2)
    arts = corpus(24)
    real = core.ingest.article_rows

    def dies_on_the_last(art):
        if art.name == arts[-1].name:
            os._exit(9)                              # a worker killed (out of memory, signal)
        return real(art)

    monkeypatch.setattr(core.ingest, "article_rows", dies_on_the_last)
    s = Store(tmp_path / "s.duckdb")
    s.commit_every = 0
    with pytest.raises(StoreError, match="a worker process died .* run the ingest again"):
        s.ingest(arts, workers=2)
    assert s.check() == []
    kept = s.count()
    assert kept < 24
    monkeypatch.setattr(core.ingest, "article_rows", real)
    assert s.ingest(arts, workers=2).added == 24 - kept
    assert s.count() == 24
