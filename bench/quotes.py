"""Who-said-what benchmark on PolNeAR, with the reference scorer's own functions.

    python bench/quotes.py                       # train and dev under ../shared/eval/polnear
    python bench/quotes.py --split train --show 40             # wrong speakers with context, misses
    python bench/quotes.py --split train --show 40 --what fp   # predicted quotes outside any gold content
                                                               # (and a count of them by why)
    python bench/quotes.py --split train --show 40 --what indirect   # missed indirect speech
    python bench/quotes.py POLNEAR_DIR --direct  # core.quotes.find_quotes directly, not core.normalise

Prints the reference scorer's line for each split (the same figures as
``score_quotes.py SPLIT metadata.tsv --tagger project``) plus articles per second. ``--show N``
prints up to N cases of the chosen kind (wrong speakers with the text around the quote by default)
so that misses can be studied by category. The eval data is read by path; nothing of it is
copied into the repository.
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


def recording(tag):
    """Wrap a tagger to keep each document's predictions (for --show)."""
    seen: dict[str, tuple[str, list]] = {}

    def wrapped(path: Path, text: str):
        rows = tag(path, text)
        seen[path.stem] = (text, rows)
        return rows

    return wrapped, seen


def _context(text: str, start: int, end: int, width: int = 260) -> str:
    a, b = max(0, start - width), min(len(text), end + 120)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(s.split())


def show(sq, docs, seen, what: str, n: int) -> None:
    """Print up to n cases: wrong speakers (default), misses, false positives or missed indirect speech."""
    shown = 0
    for name, text, _date, _pub, atts in docs:
        if name not in seen or shown >= n:
            continue
        _, rows = seen[name]
        pred = [(sq.locate(text, q), sp, q) for q, sp in rows]
        if what == "fp":
            for loc, sp, q in pred:
                if loc and any(min(a.content_end, loc[1]) - max(a.content_start, loc[0]) >= 0.5 * (loc[1] - loc[0])
                               for a in atts):
                    continue
                shown += 1
                print(f"- {name} speaker={sp!r}\n    {_context(text, *loc) if loc else q[:200]}")
            continue
        for a in atts:
            length = a.content_end - a.content_start
            if length < 12:
                continue
            direct = any(c in a.content for c in "“”\"")
            hits = [(loc, sp) for loc, sp, _ in pred
                    if loc and min(a.content_end, loc[1]) - max(a.content_start, loc[0]) >= 0.5 * min(length, loc[1] - loc[0])]
            if what == "speakers" and direct and hits and sq.cap_words(a.source):
                if any(sq.speaker_words(sp) & sq.cap_words(a.source) for _, sp in hits):
                    continue
            elif what == "misses" and direct and not hits:
                pass
            elif what == "indirect" and not direct and not hits and sq.SPEECH_CUES.search(a.cue or ""):
                pass
            else:
                continue
            shown += 1
            print(f"- {name} gold={a.source!r} cue={a.cue!r} pred={[sp for _, sp in hits]}\n"
                  f"    {_context(text, a.content_start, a.content_end)}")
        if shown >= n:
            break


def fp_summary(sq, docs, seen) -> str:
    """The predicted quotes outside gold content, by why: no gold content overlaps them (quotations
    PolNeAR left unannotated), a gold content overlaps them with other bounds, or the scorer
    located them at an earlier occurrence of the same words while a later one lies in gold
    content (``locate`` takes the first occurrence in the text)."""
    def inside(loc, atts):
        return any(min(a.content_end, loc[1]) - max(a.content_start, loc[0]) >= 0.5 * (loc[1] - loc[0]) for a in atts)

    counts = dict(fp=0, unlocated=0, elsewhere=0, bounds=0, unannotated=0, attributed=0)
    for name, text, _date, _pub, atts in docs:
        if name not in seen:
            continue
        cued = None
        for q, _sp in seen[name][1]:
            loc = sq.locate(text, q)
            if loc and inside(loc, atts):
                continue
            counts["fp"] += 1
            if not loc:
                counts["unlocated"] += 1
                continue
            words = q.strip().strip(sq.QUOTE_CHARS + " ,.")
            i = text.find(words, loc[0] + 1)
            while i >= 0 and not inside((i, i + len(words)), atts):
                i = text.find(words, i + 1)
            if i >= 0:
                counts["elsewhere"] += 1
            elif any(min(a.content_end, loc[1]) > max(a.content_start, loc[0]) for a in atts):
                counts["bounds"] += 1
            else:
                counts["unannotated"] += 1
                cued = attributed_quotes(text) if cued is None else cued
                counts["attributed"] += q in cued
    return counts


def attributed_quotes(text: str) -> set[str]:
    """The quotations (the article's own characters) that ``find_quotes`` gives a speech verb and a
    named speaker: what a reader sees as attributed speech."""
    from core.actors import find_actors
    from core.articles import plain_spaces
    from core.quotes import find_quotes

    plain = plain_spaces(text)
    return {text[q.start:q.end] for q in find_quotes(plain, find_actors(plain)) if q.cue and q.speaker}


def fp_line(counts: dict, r: dict) -> str:
    """The false-positive counts, and the direct-quote F1 if the attributed quotations PolNeAR left
    unannotated were counted right."""
    p = (r["pred"] * r["quote_precision"] + counts["attributed"]) / max(1, r["pred"])
    rc = r["direct_recall"]
    return ("false positives={fp}: no gold content overlaps={unannotated} (of which attributed, with a "
            "speech verb and a named speaker={attributed}) other bounds={bounds} located by the scorer at "
            "an earlier occurrence of the same words={elsewhere} not located={unlocated} | F1 with the "
            "attributed ones counted right={f1:.1f}").format(**counts, f1=200 * p * rc / (p + rc))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear", nargs="?", default=str(EVAL / "polnear"))
    ap.add_argument("--split", action="append", choices=["train", "dev"], help="default: train and dev")
    ap.add_argument("--direct", action="store_true", help="call core.quotes.find_quotes instead of core.normalise")
    ap.add_argument("--show", type=int, default=0, help="print up to N cases of --what")
    ap.add_argument("--what", default="speakers", choices=["speakers", "misses", "fp", "indirect"])
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
        rec, seen = recording(tag)
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            r, _misses, _wrong = sq.score(docs, rec, Path(d))
            secs = time.perf_counter() - t0
        if a.show:
            show(sq, docs, seen, a.what, a.show)
        if a.what == "fp":
            print(f"{split:5s} {fp_line(fp_summary(sq, docs, seen), r)}")
        label = "direct" if a.direct else "project"
        print(f"{split:5s} {label:7s} docs={len(docs)} direct={r['direct']} direct_recall={r['direct_recall']*100:.1f} "
              f"quote_precision={r['quote_precision']*100:.1f} (of {r['pred']}) F1~{r['direct_F1']*100:.1f} "
              f"speaker_acc={r['speaker_acc']*100:.1f} (of {r['named']}) speaker_e2e={r['speaker_e2e']*100:.1f} "
              f"(of {r['named_all']}) indirect_recall={r['indirect_recall']*100:.1f} (of {r['indirect']}) "
              f"seconds={r['seconds']:.2f} articles/s={len(docs)/max(secs, 1e-9):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
