"""The command line.

    python -m core normalise PATH... [-o events.csv]    files or folders -> the event table

Prints one summary line (articles read, events, quotes, each skipped file with its reason) on
standard error; the exit status is 0 when at least one article was read, 1 when none could be.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.articles import read_corpus
from core.pipeline import normalise
from core.table import to_csv_bytes


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m core", description="News articles -> negotiation event table")
    sub = ap.add_subparsers(dest="command", required=True)
    n = sub.add_parser("normalise", aliases=["normalize"], help="read articles and write the event table as CSV")
    n.add_argument("paths", nargs="+", help="article files or folders")
    n.add_argument("-o", "--output", help="CSV file to write (default: standard output)")
    n.set_defaults(func=cmd_normalise)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
