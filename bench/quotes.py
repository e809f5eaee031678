"""Who-said-what benchmark on PolNeAR, with the reference scorer's own functions.

    python bench/quotes.py                       # train and dev under ../shared/eval/polnear
    python bench/quotes.py --split dev --show 20
    python bench/quotes.py POLNEAR_DIR --direct  # core.quotes.find_quotes directly, not core.normalise

Prints the reference scorer's line for each split (the same figures as
``score_quotes.py SPLIT metadata.tsv --tagger project``) plus articles per second. The eval data
is read by path; nothing of it is copied into the repository.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def direct_tagger():
    from core.articles import read_articles
    from core.quotes import find_quotes

    def tag(path: Path, text: str):
        res = read_articles([path])
        arts = getattr(res, "articles", res)
        rows = []
        for art in arts:
            rows.extend((q.text, q.speaker) for q in find_quotes(art.text))
        return rows

    return tag


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear", nargs="?", default=str(EVAL / "polnear"))
    ap.add_argument("--split", action="append", choices=["train", "dev"], help="default: train and dev")
    ap.add_argument("--direct", action="store_true", help="call core.quotes.find_quotes instead of core.normalise")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each split")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(EVAL / "scorers"))
    import score_quotes as sq

    sys.path.insert(0, str(ROOT))
    tag = direct_tagger() if a.direct else sq.project_tagger(str(ROOT))
    base = Path(a.polnear)
    for split in a.split or ["train", "dev"]:
        docs = sq.load_split(base / split, base / "metadata.tsv")
        if a.limit:
            docs = docs[:a.limit]
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            r, misses, wrong = sq.score(docs, tag, Path(d))
            secs = time.perf_counter() - t0
        for m in misses[:a.show]:
            print("  missed:", m)
        for w in wrong[:a.show]:
            print("  wrong speaker:", w)
        label = "direct" if a.direct else "project"
        print(f"{split:5s} {label:7s} docs={len(docs)} direct={r['direct']} direct_recall={r['direct_recall']*100:.1f} "
              f"quote_precision={r['quote_precision']*100:.1f} (of {r['pred']}) F1~{r['direct_F1']*100:.1f} "
              f"speaker_acc={r['speaker_acc']*100:.1f} (of {r['named']}) speaker_e2e={r['speaker_e2e']*100:.1f} "
              f"(of {r['named_all']}) indirect_recall={r['indirect_recall']*100:.1f} (of {r['indirect']}) "
              f"seconds={r['seconds']:.2f} articles/s={len(docs)/max(secs, 1e-9):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
