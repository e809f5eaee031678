"""CPU cost of the extraction pipeline per component, and a digest of its output to prove that a
speed-up changed nothing.

    python bench/speed.py                        # ms/article per component on Reuters and PolNeAR
    python bench/speed.py --save /tmp/digest.json  # also write a digest of every article's rows
    python bench/speed.py --check /tmp/digest.json # compare with a saved digest, list differences
    python bench/speed.py --profile 30           # cProfile (tottime) of article_rows, top 30
    python bench/speed.py --scorer               # the components inside the reference quote scorer's
                                                 # first pass over PolNeAR dev (issue 4's articles/s)

Inputs, read by path (nothing of them is copied here): the first ``--reuters N`` Reuters-21578
bodies (``bench/reuters.py``) and every PolNeAR dev and train text (``core.read_articles``, as
``bench/quotes.py`` reads them). Each article's rows from ``core.pipeline.article_rows`` are
hashed (repr of every row dict with sorted keys); for PolNeAR the one-article table of
``core.normalise`` is hashed too (columns, dtypes and every cell), so that the table code is
checked as well. Component times wrap the functions the pipeline calls (process time, summed
over all calls, nested calls counted in their caller too).
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import core  # noqa: E402
import core.pipeline as pipeline  # noqa: E402
from reuters import read_reuters  # noqa: E402

# the functions article_rows and corpus_table call, by the name the pipeline module binds them to
# (a one-article table is plain_columns + frame_of; make_table and merge_reports build larger ones)
COMPONENTS = ("sentences", "find_actors", "find_quotes", "find_places", "find_times", "quote_row",
              "find_events", "event_row", "plain_columns", "frame_of", "make_table", "merge_reports")


def polnear_articles() -> list:
    out = []
    for split in ("dev", "train"):
        for path in sorted((EVAL / "polnear" / split / "text").glob("*.txt")):
            res = core.read_articles([path])
            out.extend(getattr(res, "articles", res))
    return out


def row_digest(rows: list[dict]) -> str:
    h = hashlib.sha1()
    for row in rows:
        h.update(repr(sorted(row.items())).encode())
    return h.hexdigest()


def table_digest(table) -> str:
    h = hashlib.sha1(repr([(c, str(t)) for c, t in table.dtypes.items()]).encode())
    for rec in table.to_dict("records"):
        h.update(repr(sorted(rec.items())).encode())
    return h.hexdigest()


class Timers:
    """Wraps the pipeline's module-level names with process-time accumulators."""

    def __init__(self, names):
        self.total = dict.fromkeys(names, 0.0)
        self.saved = {}
        for name in names:
            fn = getattr(pipeline, name)
            self.saved[name] = fn
            setattr(pipeline, name, self._wrap(name, fn))

    def _wrap(self, name, fn):
        total = self.total

        def timed(*a, **k):
            t0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                total[name] += time.process_time() - t0
        return timed

    def restore(self):
        for name, fn in self.saved.items():
            setattr(pipeline, name, fn)


def measure(label: str, arts: list, digests: dict, tables: bool) -> None:
    timers = Timers(COMPONENTS)
    rows_t = table_t = 0.0
    try:
        for art in arts:
            t0 = time.process_time()
            rows = pipeline.article_rows(art)
            t1 = time.process_time()
            rows_t += t1 - t0
            key = f"{label}:{art.name}:{art.article_id}"
            digests[key] = row_digest(rows)
            if tables:
                t2 = time.process_time()
                table = pipeline.corpus_table(rows)
                table_t += time.process_time() - t2
                digests[key + ":table"] = table_digest(table)
    finally:
        timers.restore()
    n = max(1, len(arts))
    chars = sum(len(a.text) for a in arts) / n
    parts = " ".join(f"{k}={v * 1000 / n:.3f}" for k, v in timers.total.items() if v)
    print(f"{label:8s} articles={len(arts)} mean_chars={chars:.0f} article_rows={rows_t * 1000 / n:.3f} ms"
          + (f" corpus_table={table_t * 1000 / n:.3f} ms" if tables else "") + " (cpu per article)")
    print(f"         {parts}")


def in_scorer() -> int:
    """Each component's CPU per article inside ``score_quotes.py``'s own loop (its first pass over
    PolNeAR dev in this process: each article written to a file, read, normalised, filtered, its
    quotes located): what the components cost where the articles/s figure is measured, with the
    other extractors and the scorer's own work between two calls of any one of them."""
    sys.path.insert(0, str(EVAL / "scorers"))
    import score_quotes as sq

    docs = sq.load_split(EVAL / "polnear" / "dev", EVAL / "polnear" / "metadata.tsv")
    timers = Timers(COMPONENTS + ("corpus_table",))
    try:
        with tempfile.TemporaryDirectory() as d:
            r, _, _ = sq.score(docs, sq.project_tagger(str(ROOT)), Path(d))
    finally:
        timers.restore()
    n = len(docs)
    parts = " ".join(f"{k}={v * 1000 / n:.3f}" for k, v in timers.total.items() if v)
    print(f"scorer   articles={n} seconds={r['seconds']:.3f} articles/s={n / r['seconds']:.0f} (wall, first pass)")
    print(f"         {parts} (ms cpu per article)")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=int, default=2000, help="first N Reuters bodies (default 2000)")
    ap.add_argument("--save", type=Path, help="write the output digest to this file")
    ap.add_argument("--check", type=Path, help="compare the output digest with this file")
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions by tottime")
    ap.add_argument("--no-polnear", action="store_true")
    ap.add_argument("--scorer", action="store_true",
                    help="time each component inside the reference quote scorer's first pass over PolNeAR dev "
                         "(run in a fresh process: what issue 4's articles/s measures) and stop")
    a = ap.parse_args(argv)
    if a.scorer:
        return in_scorer()

    reuters = read_reuters(limit=a.reuters)
    polnear = [] if a.no_polnear else polnear_articles()
    for art in reuters[:50] + polnear[:20]:   # warm-up: lazily compiled rules, caches of data files
        pipeline.article_rows(art)

    digests: dict[str, str] = {}
    if a.profile:
        prof = cProfile.Profile()
        prof.enable()
        for art in reuters + polnear:
            pipeline.article_rows(art)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(a.profile)
        return 0
    measure("reuters", reuters, digests, tables=False)
    if polnear:
        measure("polnear", polnear, digests, tables=True)
    if a.save:
        a.save.write_text(json.dumps(digests, indent=0, sort_keys=True))
        print(f"saved {len(digests)} digests to {a.save}")
    if a.check:
        old = json.loads(a.check.read_text())
        diff = sorted(k for k in old.keys() | digests.keys() if old.get(k) != digests.get(k))
        for k in diff[:50]:
            print("DIFFERS", k)
        print(f"check: {len(digests)} digests, {len(diff)} differ from {a.check}")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
