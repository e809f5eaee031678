"""The store survives what happens to real ingests: SIGKILL halfway, a reader while it writes,
two ingests at once (issue 8, durability). Each test runs ingests in separate processes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import core

from core.store import Store
from store_corpus import corpus

ROOT = Path(__file__).resolve().parents[1]
INGEST = """
import sys
from core.store import Store, StoreBusy
from store_corpus import corpus
import os, time
import core.ingest
path, n, start, wait, go, slow = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]),
                                  sys.argv[5], float(sys.argv[6]))
if slow:                                 # a slower extractor: the ingest surely still runs when the test acts
    rows = core.ingest.article_rows
    core.ingest.article_rows = lambda art: (time.sleep(slow), rows(art))[1]
while go and not os.path.exists(go):     # started early, waits for the test's signal
    time.sleep(0.01)
try:
    store = Store(path, wait=wait)
    store.commit_every = 0.02            # many small transactions: a kill lands between or inside one
    r = store.ingest(corpus(n, start=start), workers=1)
    print("added", r.added, "skipped", r.skipped_existing, flush=True)
except StoreBusy as e:
    print(e, flush=True)
    sys.exit(3)
"""


def start_ingest(path: Path, n: int, start: int = 0, wait: float = 60.0, go: Path | str = "",
                 slow: float = 0.0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    return subprocess.Popen([sys.executable, "-c", INGEST, str(path), str(n), str(start), str(wait), str(go), str(slow)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def raw_rows(path: Path, arts) -> pd.DataFrame:
    """The stored rows of these articles, as stored (before any corpus-level merging)."""
    ids = sorted(a.article_id for a in arts)
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT * FROM rows WHERE list_contains(?, article_id) ORDER BY article_id, seq",
                           [ids]).df()


def wait_for_count(path: Path, at_least: int, proc: subprocess.Popen, timeout: float = 30.0) -> int:
    reader = Store(path, read_only=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = reader.count() if path.exists() else 0
        if n >= at_least:
            return n
        assert proc.poll() is None, f"ingest ended early: {proc.communicate()}"
        time.sleep(0.01)
    pytest.fail(f"the store never held {at_least} articles")


def test_sigkill_halfway_leaves_whole_articles_and_loses_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    before_arts = corpus(15, start=5000)
    with Store(path) as s:
        s.ingest(before_arts, workers=1)
    raw_rows_before = raw_rows(path, before_arts)
    assert len(raw_rows_before) > 0
    total = 250
    proc = start_ingest(path, total, slow=0.01)
    wait_for_count(path, len(before_arts) + 10, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    with Store(path) as s:
        assert s.check() == []                                  # whole articles only
        ids = {a.article_id for a in s.articles()}
        assert {a.article_id for a in before_arts} <= ids        # nothing stored earlier lost
        n = s.count()
        assert len(before_arts) + 10 <= n < len(before_arts) + total   # killed halfway
        before_rows = raw_rows(path, before_arts)
        assert before_rows.equals(raw_rows_before)              # their rows untouched
        pd.testing.assert_frame_equal(s.table(), core.normalise(s.articles()))
        # the next ingest takes in the rest
        report = s.ingest(corpus(total), workers=1)
        assert report.added == len(before_arts) + total - n
        assert report.skipped_existing == n - len(before_arts)
        assert s.count() == len(before_arts) + total
        assert s.check() == []


def test_dashboard_reads_while_an_ingest_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    total = 150
    proc = start_ingest(path, total)
    reader = Store(path, read_only=True)
    counts, tables = [], 0
    ids = {a.article_id for a in corpus(total)}
    while proc.poll() is None:
        counts.append(reader.count())
        if len(counts) % 10 == 0:              # the dashboard's heavier read, now and then
            assert set(reader.table()["article_id"]) <= ids
            tables += 1
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert counts == sorted(counts)                       # never goes back
    assert any(0 < c < total for c in counts)             # read while the writer was half done
    assert tables > 0
    assert reader.count() == total and reader.check() == []


def test_two_ingests_at_once_serialise(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    a = start_ingest(path, 60, start=0)
    b = start_ingest(path, 60, start=30)                  # overlaps a on 30 articles
    outs = [p.communicate(timeout=60) for p in (a, b)]
    assert a.returncode == 0 and b.returncode == 0, outs
    added = sum(int(o.split()[1]) for o, _ in outs)
    skipped = sum(int(o.split()[3]) for o, _ in outs)
    assert (added, skipped) == (90, 30)
    with Store(path, read_only=True) as s:
        assert s.count() == 90 and s.check() == []


def test_second_ingest_that_will_not_wait_reports_busy(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    go = tmp_path / "go"
    first = start_ingest(path, 100, slow=0.03)
    second = start_ingest(path, 5, start=900, wait=0, go=go)
    wait_for_count(path, 1, first)
    go.touch()
    out, _ = second.communicate(timeout=30)
    assert second.returncode == 3
    assert out.startswith("store busy: another ingest is writing to")
    first.communicate(timeout=60)
    assert first.returncode == 0
    with Store(path, read_only=True) as s:
        assert s.count() == 100 and s.check() == []
