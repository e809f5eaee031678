"""TempEval-3 benchmark for core.dates.find_times (TimeBank and AQUAINT, TBAQ-cleaned).

    python bench/tempeval.py [--eval-dir ../shared/eval] [--show N [--what values|fp|missed] [--context]]
    python bench/tempeval.py --misses   # also sort the date-scope value misses by how gold and ours differ

Reads the TimeML documents by path (the data is never copied into the repository) and reuses
the reference scorer's reader and one-to-one overlap matcher from <eval-dir>/scorers. Prints, for
each folder and for the date scope (DATE+TIME) and all types: relaxed P/R/F1, strict F1, value
accuracy and value F1 (relaxed F1 x value accuracy), and the speed in documents per second (a second
pass over the folder; the first pass of the process is shown beside it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
SCOPES = {"date": {"DATE", "TIME"}, "all": {"DATE", "TIME", "DURATION", "SET"}}


def _load_find_times():
    sys.path.insert(0, str(ROOT))
    from core.dates import find_times
    return find_times


def _context(text: str, s: int, e: int, width: int = 60) -> str:
    return (text[max(0, s - width):s] + "[" + text[s:e] + "]" + text[e:e + width]).replace("\n", " ")


def evaluate(docs, find_times, match, norm_value, show=0, what="values", context=False):
    # first pass: the process's first calls (warm-up); second: steady
    t0 = time.perf_counter()
    for d in docs:
        find_times(d.text, d.dct)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = {d.name: [(m.start, m.end, m.value) for m in find_times(d.text, d.dct)] for d in docs}
    elapsed = time.perf_counter() - t0
    res = {"seconds": elapsed, "first_seconds": first, "docs": len(docs)}
    misses = []  # (kind, case) for the date scope: kind is "values", "fp" or "missed"
    for scope, types in SCOPES.items():
        n_gold = n_pred = n_rel = n_strict = n_val = 0
        for d in docs:
            gold = [t for t in d.timexes if t.type in types]
            pred = preds[d.name]
            if scope == "date":
                others = [t for t in d.timexes if t.type not in types]
                pred = [p for p in pred
                        if not any(min(o.end, p[1]) - max(o.start, p[0]) > 0 for o in others)]
            n_gold += len(gold)
            n_pred += len(pred)
            pairs = match(gold, pred)
            if scope == "date":
                got_g = {id(g) for g, _ in pairs}
                got_p = {id(p) for _, p in pairs}
                misses += [("fp", (d.name, str(d.dct), d.text[p[0]:p[1]], p[2], _context(d.text, p[0], p[1])))
                           for p in pred if id(p) not in got_p]
                misses += [("missed", (d.name, str(d.dct), g.text, g.value, _context(d.text, g.start, g.end)))
                           for g in gold if id(g) not in got_g]
            for g, p in pairs:
                n_rel += 1
                n_strict += (g.start, g.end) == (p[0], p[1])
                ok = norm_value(g.value) == norm_value(p[2])
                n_val += ok
                if not ok and scope == "date":
                    kind = miss_kind(g.value, p[2])
                    res.setdefault("miss_kinds", []).append(kind)
                    case = (kind, d.name, str(d.dct), g.text, g.value, d.text[p[0]:p[1]], p[2])
                    misses.append(("values", case + ((_context(d.text, g.start, g.end),) if context else ())))
        P = n_rel / n_pred if n_pred else 0.0
        R = n_rel / n_gold if n_gold else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        sp = n_strict / n_pred if n_pred else 0.0
        sr = n_strict / n_gold if n_gold else 0.0
        SF = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        acc = n_val / n_rel if n_rel else 0.0
        res[scope] = dict(gold=n_gold, pred=n_pred, matched=n_rel, P=P, R=R, F=F, SF=SF, acc=acc, VF=F * acc)
    for m in [c for kind, c in misses if kind == what][:show]:
        print(f"  {what}:", m)
    return res


def value_days(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers (day, week, weekend, month, quarter,
    half, season, year, decade, century), or None for anything else (durations, PAST_REF, values
    with placeholders)."""
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = dt.date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + dt.timedelta(5), monday + dt.timedelta(6)) if m[3] else (monday, monday + dt.timedelta(6))
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(1)
        if m := re.fullmatch(r"(\d{4})-([QH])(\d)", v):
            months = 3 if m[2] == "Q" else 6
            y, first = int(m[1]), (int(m[3]) - 1) * months + 1
            last = first + months - 1
            return dt.date(y, first, 1), dt.date(y + last // 12, last % 12 + 1, 1) - dt.timedelta(1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, first = int(m[1]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
            return dt.date(y, first, 1), dt.date(y + (first + 2) // 12, (first + 2) % 12 + 1, 1) - dt.timedelta(1)
        if re.fullmatch(r"\d{2,4}", v):
            span = 10 ** (4 - len(v))
            return dt.date(int(v) * span, 1, 1) if int(v) else dt.date(1, 1, 1), dt.date(int(v) * span + span - 1, 12, 31)
    except ValueError:
        return None
    return None


MISS_KINDS = {
    "placeholder": "gold has X placeholders and agrees with ours on every digit it gives",
    "unpadded": "gold writes a one-digit week (2000-W7), ours the standard two (2000-W07)",
    "gold wider": "gold names a longer period that holds ours (a month for 'last week')",
    "ours wider": "ours names a longer period that holds gold",
    "apart": "gold and ours are periods that do not overlap (a different day, week, year)",
    "kind": "one is a period, the other a reference (PRESENT_REF, FUTURE_REF) or a duration; or "
            "gold's known digits name another period",
}


def miss_kind(gold: str, ours: str) -> str:
    """How a wrong value differs from gold (the keys of MISS_KINDS): annotation forms the scorer
    compares as text, wider or narrower periods, periods apart, or different kinds of value."""
    g, o = gold.strip().upper().split("T")[0], ours.strip().upper().split("T")[0]
    if "X" in g:
        known = re.sub(r"(-W?X+)+$|X+$", "", g)
        if known and "X" not in known and (o.startswith(known) or _holds(value_days(known), value_days(o))):
            return "placeholder"
        return "kind"
    if re.fullmatch(r"\d{4}-W\d", g) and o == g[:-1] + "0" + g[-1]:
        return "unpadded"
    gd, od = value_days(g), value_days(o)
    if gd is None or od is None:
        return "kind"
    if _holds(gd, od):
        return "gold wider"
    if _holds(od, gd):
        return "ours wider"
    return "apart" if gd[1] < od[0] or od[1] < gd[0] else "kind"


def _holds(outer, inner) -> bool:
    """Whether the period ``outer`` (first and last day, or None) holds the period ``inner``."""
    return bool(outer and inner) and outer[0] <= inner[0] and inner[1] <= outer[1]


def miss_summary(folder: str, r: dict) -> str:
    """The date-scope value misses counted by MISS_KINDS, and the value F1 the folder would have
    if the misses in annotation form only (placeholder, unpadded) were counted right."""
    kinds = r.get("miss_kinds", [])
    counts = {k: kinds.count(k) for k in MISS_KINDS}
    s = r["date"]
    form_only = counts["placeholder"] + counts["unpadded"]
    ceiling = s["F"] * min(1.0, s["acc"] + form_only / max(1, s["matched"]))
    return (f"{folder:8s} value misses={len(kinds)} " + " ".join(f"{k.replace(' ', '_')}={n}" for k, n in counts.items())
            + f" | value F1 with form-only misses counted right={ceiling * 100:.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--show", type=int, default=0, help="print N date-scope cases per folder (see --what)")
    ap.add_argument("--what", choices=("values", "fp", "missed"), default="values",
                    help="values: matched spans with a wrong value (gold text, gold value, our text, our "
                         "value); fp: our spans matching no gold; missed: gold spans we did not find")
    ap.add_argument("--context", action="store_true", help="with --what values: the text around the gold span")
    ap.add_argument("--misses", action="store_true",
                    help="also count the date-scope value misses by how gold and ours differ (MISS_KINDS)")
    ap.add_argument("--reuters", type=int, default=0, metavar="N",
                    help="also time find_times on the first N Reuters-21578 bodies (process time per article)")
    a = ap.parse_args(argv)
    scorers = a.eval_dir.resolve() / "scorers"
    sys.path.insert(0, str(scorers))
    from timeml import read_dir  # noqa: E402  (the reference reader)
    from score_times import match, norm_value  # noqa: E402  (the reference matcher)

    find_times = _load_find_times()
    find_times("Warm-up on Tuesday.", None)
    for folder in ("TimeBank", "AQUAINT"):
        docs = read_dir(a.eval_dir / "tempeval3" / folder)
        r = evaluate(docs, find_times, match, norm_value, a.show, a.what, a.context)
        for scope in SCOPES:
            s = r[scope]
            print(f"{folder:8s} {scope:4s} gold={s['gold']:4d} pred={s['pred']:4d} "
                  f"relaxed P/R/F1={s['P'] * 100:.1f}/{s['R'] * 100:.1f}/{s['F'] * 100:.1f} "
                  f"strict F1={s['SF'] * 100:.1f} value acc={s['acc'] * 100:.1f} "
                  f"value F1={s['VF'] * 100:.1f}")
        if a.misses:
            print(miss_summary(folder, r))
        secs = r["seconds"]
        print(f"{folder:8s} speed docs={r['docs']} {r['docs'] / secs:.0f} docs/s "
              f"{secs / r['docs'] * 1000:.2f} ms/doc (first pass "
              f"{r['first_seconds'] / r['docs'] * 1000:.2f} ms/doc)")
    if a.reuters:
        time_reuters(a.eval_dir, find_times, a.reuters)


def reuters_bodies(eval_dir: Path, limit: int):
    """(body, publication date) of the first ``limit`` Reuters-21578 stories with a body."""
    import datetime as dt
    import html
    import re
    out = []
    for f in sorted((eval_dir / "reuters21578").glob("reut2-*.sgm")):
        raw = f.read_text(encoding="latin-1")
        for story in re.finditer(r"<REUTERS.*?</REUTERS>", raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story.group(), re.S)
            date = re.search(r"<DATE>\s*(\d+-\w+-\d+)", story.group())
            if body and date:
                text = re.sub(r"\s*Reuter\s*$", "", html.unescape(body.group(1)).strip())
                out.append((text, dt.datetime.strptime(date.group(1), "%d-%b-%Y").date()))
                if len(out) >= limit:
                    return out
    return out


def time_reuters(eval_dir: Path, find_times, limit: int) -> None:
    docs = reuters_bodies(eval_dir, limit)
    for text, ref in docs:  # warm-up pass
        find_times(text, ref)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for text, ref in docs:
            find_times(text, ref)
        best = min(best, time.process_time() - t0)
    chars = sum(len(t) for t, _ in docs) / max(1, len(docs))
    print(f"Reuters  speed articles={len(docs)} avg chars={chars:.0f} "
          f"{best / max(1, len(docs)) * 1000:.3f} ms/article (process time, best of 3)")


if __name__ == "__main__":
    main()
