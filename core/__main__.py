"""The command line.

    python -m core normalise PATH... [-o events.csv]        files or folders -> the event table (no store)
    python -m core ingest PATH... [--store S] [--workers N] [--engine local|dask --scheduler ADDR]
                                                            add articles to the store (skips stored ones)
    python -m core export [--store S] -o FILE [--format csv|parquet|jsonl]
                                                            the store's event table to a file
    python -m core info [--store S]                         what the store holds

The store is ``--store``, else $NEGOTIATION_STORE, else store.duckdb in the user's data folder.
Each command prints one summary line on standard error; errors are one line too, never a
traceback. ``normalise`` and ``ingest`` exit 1 only when nothing could be read (2 on an error).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from core.articles import read_corpus
from core.pipeline import normalise
from core.table import COLUMNS, to_csv_bytes

EXPORT_FORMATS = ("csv", "parquet", "jsonl")


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


def summary_line(n_articles: int, table, skipped) -> str:
    quotes = int((table["quote"] != "").sum())
    line = f"{n_articles} articles read, {len(table) - quotes} events, {quotes} quotes"
    if skipped:
        line += f"; skipped {len(skipped)}: " + "; ".join(f"{s.name} ({s.reason})" for s in skipped)
    return line


def cmd_normalise(args) -> int:
    res = read_corpus(args.paths)
    table = normalise(res.articles)
    data = to_csv_bytes(table)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
    print(summary_line(len(res.articles), table, res.skipped), file=sys.stderr)
    return 0 if res.articles else 1


def _open_store(args, read_only: bool = False):
    from core.store import Store
    return Store(args.store, read_only=read_only, wait=getattr(args, "wait", 600.0))


def _progress_bar(enabled: bool):
    """A tqdm bar on standard error (only on a terminal) and the progress(done, total) that drives it."""
    from tqdm import tqdm
    bar = tqdm(total=0, unit="article", desc="normalising", disable=None if enabled else True,
               file=sys.stderr, dynamic_ncols=True, leave=False)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
            bar.refresh()
        bar.update(done - bar.n)
    return bar, progress


def ingest_summary(report, skipped, store_count: int, store_path) -> str:
    """The ingest's summary line: the files that could not be read count as failed, with reasons."""
    failed = [(s.name, s.reason) for s in skipped] + list(report.failed)
    return replace(report, failed=failed).summary() + f" | store {store_path}: {store_count} articles"


def cmd_ingest(args) -> int:
    if args.engine == "dask" and not args.scheduler:
        raise UserError("--engine dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")
    if args.workers is not None and args.workers < 1:
        raise UserError("--workers must be at least 1")
    res = read_corpus(args.paths)
    store = _open_store(args)
    bar, progress = _progress_bar(not args.quiet)
    try:
        report = store.ingest(res.articles, workers=args.workers, progress=progress, engine=args.engine,
                              scheduler=args.scheduler, staging=args.staging)
    except OSError as e:
        if args.engine == "dask":
            raise UserError(f"cannot reach the Dask scheduler at {args.scheduler}: {e}") from None
        raise
    finally:
        bar.close()
    print(ingest_summary(report, res.skipped, store.count(), store.path), file=sys.stderr)
    # 1 only when no input article is in the store now (nothing read, or every one failed)
    return 0 if report.added or report.skipped_existing or report.renormalised else 1


def export_bytes(table, fmt: str) -> bytes:
    """The event table as CSV (spreadsheet-safe), Parquet (lists as lists, dates as dates) or JSON lines."""
    if fmt == "csv":
        return to_csv_bytes(table)
    out = table.copy()
    for col, kind in COLUMNS.items():
        if kind == "tuple":
            out[col] = out[col].map(list)
        elif kind == "date" and fmt == "jsonl":
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object).where(out[col].notna(), None)
    if fmt == "parquet":
        import io
        buf = io.BytesIO()
        out.to_parquet(buf, index=False)
        return buf.getvalue()
    lines = (json.dumps(rec, ensure_ascii=False) for rec in out.to_dict(orient="records"))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def cmd_export(args) -> int:
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output not in (None, "-") else "csv"
        fmt = {"csv": "csv", "parquet": "parquet", "pq": "parquet", "jsonl": "jsonl", "ndjson": "jsonl"}.get(suffix)
        if fmt is None:
            raise UserError(f"cannot tell the format from '{args.output}': give --format csv, parquet or jsonl")
    if fmt == "parquet" and args.output in (None, "-"):
        raise UserError("Parquet is binary: give a file with -o")
    store = _open_store(args, read_only=True)
    if not store.exists():
        raise UserError(f"no store at {store.path}: add articles first with 'python -m core ingest PATH'")
    table = store.table()
    data = export_bytes(table, fmt)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
    where = "standard output" if args.output in (None, "-") else args.output
    print(f"{len(table)} rows from {store.count()} articles written to {where} ({fmt})", file=sys.stderr)
    return 0


def cmd_info(args) -> int:
    store = _open_store(args, read_only=True)
    info = store.info()
    line = (f"store {info['path']}: {info['articles']} articles, {info['rows']} rows, "
            f"{info['stale']} to re-normalise, {info['bytes'] / 1e6:.1f} MB")
    problems = store.check()
    if problems:
        line += "; problems: " + "; ".join(problems)
    print(line)
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m core", description="News articles -> negotiation event table")
    sub = ap.add_subparsers(dest="command", required=True)
    n = sub.add_parser("normalise", aliases=["normalize"], help="read articles and write the event table as CSV")
    n.add_argument("paths", nargs="+", help="article files or folders")
    n.add_argument("-o", "--output", help="CSV file to write (default: standard output)")
    n.set_defaults(func=cmd_normalise)

    store_help = "the store file (default: $NEGOTIATION_STORE or store.duckdb in your data folder)"
    i = sub.add_parser("ingest", help="add articles to the store (already stored ones are skipped)")
    i.add_argument("paths", nargs="+", help="article files or folders")
    i.add_argument("--store", help=store_help)
    i.add_argument("--workers", type=int, help="processes to normalise with (default: all cores)")
    i.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask distributed cluster (--scheduler)")
    i.add_argument("--scheduler", help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786")
    i.add_argument("--staging", help="with --engine dask: a folder every worker can write and this machine "
                                     "can read, for the Parquet files of rows (default: beside the store)")
    i.add_argument("--wait", type=float, default=600.0,
                   help="seconds to wait while another ingest writes to the store (default 600; 0: fail at once)")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    i.set_defaults(func=cmd_ingest)

    e = sub.add_parser("export", help="write the store's event table to a file")
    e.add_argument("--store", help=store_help)
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
    e.add_argument("--format", choices=EXPORT_FORMATS, help="csv, parquet or jsonl (default: from the file name)")
    e.set_defaults(func=cmd_export)

    f = sub.add_parser("info", help="what the store holds")
    f.add_argument("--store", help=store_help)
    f.set_defaults(func=cmd_info)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    from core.store import StoreError
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted: articles committed so far are kept", file=sys.stderr)
        return 130
    except (UserError, StoreError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        where = f" {e.filename}" if getattr(e, "filename", None) else ""
        print(f"error: cannot write or read{where}: {e.strerror or e}", file=sys.stderr)
        return 2
    except Exception as e:  # never a traceback for the user
        print(f"error: unexpected {type(e).__name__}: {' '.join(str(e).split())[:300]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
