"""Throughput of the ingest path on Reuters-21578: every body normalised on all cores into a fresh
store, in one run, against dateparser.search_dates alone over a sample of the same texts.

    .venv/bin/python bench/throughput.py [--eval-dir ../shared/eval/reuters21578] [--workers N]
                                         [--limit N] [--sample 300] [--store PATH]

Figures (one line each):
  read        reading the SGML into articles (bench/reuters.py), seconds
  ingest      Store.ingest of every article into a fresh store: wall seconds, articles/s, rows,
              CPU seconds of this process and of its worker processes, CPU ms per article
  memory      peak resident memory (resource.getrusage ru_maxrss): this process, the largest
              worker, and the bound self + workers x largest worker
  search_dates  dateparser.search_dates(text, languages=['en']) alone over a random sample of the
              same texts in this process: CPU ms per article; ratio = its CPU per article over
              ours (CPU for CPU), and its single-process articles/s against our wall articles/s
  reingest    Store.ingest of the unchanged corpus again (everything already stored), seconds;
              and with reading the SGML again
  table       Store.table() in a fresh read-only handle: seconds and rows
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reuters import DEFAULT_DIR, read_reuters  # noqa: E402

from core.ingest import default_workers  # noqa: E402
from core.store import Store  # noqa: E402


def cpu(who) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def peak_mb(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def search_dates_ms(texts: list[str]) -> float:
    """CPU milliseconds per text of dateparser.search_dates alone (languages=['en'])."""
    from dateparser.search import search_dates
    warnings.filterwarnings("ignore")
    search_dates("on Tuesday, 3 March 1987", languages=["en"])  # its first call loads the language data
    t = time.process_time()
    for text in texts:
        search_dates(text, languages=["en"])
    return (time.process_time() - t) * 1000 / max(1, len(texts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--sample", type=int, default=300, help="texts timed with search_dates")
    ap.add_argument("--store", type=Path, help="store file to create (default: a temporary one)")
    args = ap.parse_args()
    workers = args.workers or default_workers()

    t = time.perf_counter()
    arts = read_reuters(args.eval_dir, args.limit)
    read_s = time.perf_counter() - t
    distinct = len({a.article_id for a in arts})
    print(f"read      articles={len(arts)} distinct={distinct} seconds={read_s:.2f}")

    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        path = args.store or Path(tmp) / "store.duckdb"
        if path.exists():
            raise SystemExit(f"{path} exists: the benchmark needs a fresh store")
        store = Store(path)
        cpu_self, cpu_kids = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        report = store.ingest(arts, workers=workers)
        wall = time.perf_counter() - t
        used_self = cpu(resource.RUSAGE_SELF) - cpu_self
        used_kids = cpu(resource.RUSAGE_CHILDREN) - cpu_kids
        n = report.added
        ours_ms = (used_self + used_kids) * 1000 / max(1, n)
        print(f"ingest    articles={n} failed={len(report.failed)} rows={report.rows} workers={workers} "
              f"wall={wall:.1f}s articles/s={n / wall:.0f} cpu_self={used_self:.1f}s cpu_workers={used_kids:.1f}s "
              f"cpu_ms/article={ours_ms:.2f}")
        for name, reason in report.failed[:5]:
            print(f"          failed {name}: {reason}")
        me, kid = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
        print(f"memory    peak_rss_self={me:.0f}MB peak_rss_largest_worker={kid:.0f}MB "
              f"bound(self+{workers}x worker)={me + workers * kid:.0f}MB (resource.getrusage ru_maxrss)")

        t = time.perf_counter()
        again = store.ingest(arts, workers=workers)
        reingest = time.perf_counter() - t
        t = time.perf_counter()
        again2 = store.ingest(read_reuters(args.eval_dir, args.limit), workers=workers)
        reread = time.perf_counter() - t
        assert again.added == again2.added == 0
        print(f"reingest  skipped={again.skipped_existing} seconds={reingest:.2f} "
              f"with_reading_the_sgml={reread:.2f}")

        t = time.perf_counter()
        table = Store(path, read_only=True).table()
        print(f"table     rows={len(table)} load_seconds={time.perf_counter() - t:.2f} "
              f"store_MB={path.stat().st_size / 1e6:.0f}")

    sample = random.Random(0).sample(arts, min(args.sample, len(arts)))
    sd_ms = search_dates_ms([a.text for a in sample])
    print(f"search_dates sample={len(sample)} cpu_ms/article={sd_ms:.2f} articles/s(1 process)={1000 / sd_ms:.0f} "
          f"ratio_cpu={sd_ms / ours_ms:.1f}x ratio_wall={(n / wall) / (1000 / sd_ms):.1f}x")


if __name__ == "__main__":
    main()
