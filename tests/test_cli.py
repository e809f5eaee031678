"""The command line: normalise, ingest, export, info. One summary line, one-line errors, no tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from core.__main__ import main
from core.store import Store, _WriterLock
from store_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
INJECTION = ("01-03-2031\n=HYPERLINK(\"http://example.invalid\") talks resume\n\n"
             "MUSCAT: Envoy Kaj Istrel met Noor Halvard in Muscat on Monday, officials said.\nThe Harbour Ledger\n")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    write_corpus(d, 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "formula.txt").write_text(INJECTION, encoding="utf-8")
    return d


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_ingest_summary_names_every_failure_and_reingest_skips(folder, tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    code, _, err = run(capsys, "ingest", folder, "--store", store)
    assert code == 0
    line = err.strip().splitlines()[-1]
    assert line.startswith("5 added, 0 already stored, 0 re-normalised, 2 failed: ")
    assert f"{folder / 'empty.txt'} (empty file)" in line
    assert f"{folder / 'picture.png'} (unsupported file type '.png')" in line
    assert line.endswith(f"| store {store}: 5 articles")
    code, _, err = run(capsys, "ingest", folder, "--store", store, "--workers", "2")
    assert code == 0
    assert err.strip().startswith("0 added, 5 already stored, 0 re-normalised, 2 failed")


def test_ingest_of_nothing_readable_exits_1(folder, tmp_path, capsys):
    code, _, err = run(capsys, "ingest", folder / "empty.txt", tmp_path / "missing.txt", "--store", tmp_path / "s.duckdb")
    assert code == 1
    assert "missing.txt (no such file or folder)" in err


def test_store_from_the_environment(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEGOTIATION_STORE", str(tmp_path / "env" / "s.duckdb"))
    assert run(capsys, "ingest", folder)[0] == 0
    code, out, _ = run(capsys, "info")
    assert code == 0
    assert out.startswith(f"store {tmp_path / 'env' / 's.duckdb'}: 5 articles, ")
    assert " 0 to re-normalise" in out


def test_export_csv_is_spreadsheet_safe(folder, tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    run(capsys, "ingest", folder, "--store", store)
    out = tmp_path / "events.csv"
    code, _, err = run(capsys, "export", "--store", store, "-o", out)
    assert code == 0 and err.startswith(f"{len(Store(store).table())} rows from 5 articles written to {out} (csv)")
    csv = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    titles = set(csv["title"])
    assert "'=HYPERLINK(\"http://example.invalid\") talks resume" in titles
    assert not any(t.startswith("=") for t in titles)
    assert all(d == "" or len(d) == 10 for d in csv["date"])


def test_export_parquet_and_jsonl_keep_lists_and_dates(folder, tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    run(capsys, "ingest", folder, "--store", store)
    table = Store(store).table()
    assert run(capsys, "export", "--store", store, "-o", tmp_path / "t.parquet")[0] == 0
    back = pd.read_parquet(tmp_path / "t.parquet")
    assert list(back["event_id"]) == list(table["event_id"])
    assert [tuple(v) for v in back["actors"]] == list(table["actors"])
    assert pd.api.types.is_datetime64_any_dtype(back["date"])
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 't.parquet'}')").fetchone()[0]
    assert n == len(table)
    assert run(capsys, "export", "--store", store, "--format", "jsonl", "-o", tmp_path / "t.txt")[0] == 0
    recs = [json.loads(line) for line in (tmp_path / "t.txt").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == len(table)
    assert recs[0]["event_id"] == table["event_id"].iloc[0]
    assert isinstance(recs[0]["actors"], list)
    assert all(r["date"] is None or (len(r["date"]) == 10 and r["date"][4] == "-") for r in recs)


def test_export_to_standard_output(folder, tmp_path, capsysbinary):
    store = tmp_path / "s.duckdb"
    main(["ingest", str(folder), "--store", str(store)])
    capsysbinary.readouterr()
    assert main(["export", "--store", str(store), "--format", "jsonl"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert len(out.splitlines()) == len(Store(store).table())


@pytest.mark.parametrize("argv, message", [
    (["export", "-o", "x.xlsx"], "error: cannot tell the format from 'x.xlsx'"),
    (["export", "--format", "parquet"], "error: Parquet is binary: give a file with -o"),
    (["ingest", "seeds", "--engine", "dask"], "error: --engine dask needs --scheduler ADDRESS"),
    (["ingest", "seeds", "--workers", "0"], "error: --workers must be at least 1"),
])
def test_usage_errors_are_one_line(argv, message, tmp_path, capsys):
    code, _, err = run(capsys, *argv, "--store", tmp_path / "s.duckdb")
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1


def test_export_without_a_store(tmp_path, capsys):
    code, _, err = run(capsys, "export", "--store", tmp_path / "none.duckdb", "-o", tmp_path / "x.csv")
    assert code == 2
    assert err == f"error: no store at {tmp_path / 'none.duckdb'}: add articles first with 'python -m core ingest PATH'\n"


def test_a_file_that_is_not_a_store(tmp_path, capsys):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database " * 200)
    for argv in (["info"], ["ingest", "seeds"], ["export", "-o", str(tmp_path / "x.csv")]):
        code, _, err = run(capsys, *argv, "--store", junk)
        assert code == 2
        assert err.startswith(f"error: cannot open the store {junk}: ") and err.count("\n") == 1


def test_busy_store_is_reported(folder, tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    Store(store)
    with _WriterLock(store, 0):
        code, _, err = run(capsys, "ingest", folder, "--store", store, "--wait", "0")
    assert code == 2
    assert err.startswith("error: store busy: another ingest is writing to")
    assert Store(store).count() == 0


def test_normalise_still_writes_the_table(folder, tmp_path, capsys):
    code, _, err = run(capsys, "normalise", folder, "-o", tmp_path / "e.csv")
    assert code == 0
    assert err.startswith("5 articles read, ")
    assert len(pd.read_csv(tmp_path / "e.csv", encoding="utf-8-sig")) > 0


def test_python_m_core_in_a_real_process(folder, tmp_path):
    env = {**os.environ, "NEGOTIATION_STORE": str(tmp_path / "p.duckdb"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "core", "ingest", str(folder), "--workers", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("5 added, 0 already stored")
