"""Dashboard speed at scale: a large synthetic event table, measured in Chromium with Playwright.

    .venv/bin/python bench/dashboard.py [--events 100000] [--repeat 3] [--keep DIR]

The table is the normalised seed and test articles replicated across two years and sixty
countries (dates shifted, countries rotated, people renamed with invented names, ids made
unique), written as an event CSV that the dashboard opens with ``--corpus events.csv``. The
script starts one server and reports, each the median of ``--repeat`` runs:

- load:   a first session on a fresh server (the corpus is read, the first view drawn)
- first:  a new browser session on the running server until the timeline is drawn
- filter: a country chosen in the sidebar until the count and the chart are redrawn
- date:   the date range narrowed to one month until redrawn
- page:   switching to "Who said what", "Countries" and back to the timeline
- csv:    the filtered CSV downloaded

Targets (issue 6): first view <= 2 s, a filter change <= 0.5 s, with 100,000 events.
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import core  # noqa: E402
from core.table import to_csv_bytes, validate  # noqa: E402

SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures", ROOT / "tests" / "browser" / "fixtures"]
COUNTRY_POOL = ("OMN IRN USA QAT TUR EGY SAU ISR ARE JOR IRQ SYR LBN KWT BHR YEM PAK IND CHN RUS "
                "GBR FRA DEU ITA ESP NOR SWE FIN DNK NLD BEL AUT CHE HUN CZE POL UKR ROU GRC CYP "
                "KEN ETH SDN ZAF NGA MAR DZA TUN LBY BRA ARG CHL COL MEX CAN JPN KOR IDN MYS AUS").split()
FIRST = ("Ala Bren Cora Dario Elin Faro Gita Hale Iver Jora Kasim Lena Miro Nadia Oren Pia Rafe "
         "Sela Tarek Una Vero Wim Yara Zeno").split()
LAST = ("Ambrel Brisco Castell Dunmore Eskel Farrow Galen Harrow Istra Jovan Kessel Lorant Marek "
        "Norden Ostrel Pravin Quell Rossi Sundar Tavor Ulric Varga Wendt Yilmor Zoran").split()
BOUNDARY = re.compile(r"^([\d,]+) of ([\d,]+) events shown$")


def invented_name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def synthetic_table(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` event rows: the normalised seed and fixture rows replicated, each copy shifted to
    another week of 2025-2026, with its countries rotated through COUNTRY_POOL and its people
    renamed. Every copy is a different (invented) article."""
    base = core.normalise(core.read_articles(SOURCES))
    rng = np.random.default_rng(seed)
    people = sorted({a for v in base["actors"] for a in v} | set(base["speaker"]) - {""})
    copies, k = [], 0
    while sum(len(c) for c in copies) < n:
        c = base.copy()
        shift = pd.Timedelta(days=int(rng.integers(-400, 330)))
        c["date"] = c["date"] + shift
        c["date_end"] = c["date_end"] + shift
        c["published"] = c["published"] + shift
        off = int(rng.integers(0, len(COUNTRY_POOL)))
        rot = {code: COUNTRY_POOL[(COUNTRY_POOL.index(code) + off) % len(COUNTRY_POOL)]
               if code in COUNTRY_POOL else code for code in COUNTRY_POOL}
        ren = {p: invented_name(int(rng.integers(0, 600))) for p in people}
        c["countries"] = [tuple(rot.get(x, x) for x in v) for v in c["countries"]]
        for col in ("speaker_country", "location_country", "host"):
            c[col] = c[col].map(lambda x: rot.get(x, x)).astype("str")
        c["actors"] = [tuple(ren.get(x, x) for x in v) for v in c["actors"]]
        c["speaker"] = c["speaker"].map(lambda x: ren.get(x, x)).astype("str")
        c["event_id"] = c["event_id"] + f"-{k}"
        c["article_id"] = c["article_id"] + f"-{k}"
        c["article_name"] = c["article_name"].str.replace(".txt", f"-{k}.txt", regex=False)
        copies.append(c)
        k += 1
    return validate(pd.concat(copies, ignore_index=True).head(n))


def write_corpus(n: int, folder: Path) -> Path:
    path = folder / f"events-{n}.csv"
    if not path.exists():
        path.write_bytes(to_csv_bytes(synthetic_table(n)))
    return path


# --- the browser ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The floor: a Streamlit page holding one three-point plotly chart and nothing else.
FLOOR_APP = """import plotly.graph_objects as go
import streamlit as st
st.title("Floor")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""


def start_server(corpus: list[str], log: Path, extra_env: dict | None = None,
                 app: Path = ROOT / "app.py") -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats",
           "false", "--server.fileWatcherType", "none", "--", "--corpus", *corpus]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            env={**os.environ, **(extra_env or {})})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(log.read_text()[-2000:])
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"no server on {url}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def shown_counts(page) -> tuple[int, int]:
    text = page.get_by_test_id("stSidebar").get_by_text(BOUNDARY).inner_text().strip()
    a, b = BOUNDARY.match(text).groups()
    return int(a.replace(",", "")), int(b.replace(",", ""))


def wait_idle(page, timeout=60_000) -> None:
    """Until Streamlit has finished the current run (its running indicator is gone)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "!document.querySelector('[data-stale=\"true\"]') && "
        "document.querySelector('[data-testid=\"stPlotlyChart\"] .main-svg')", timeout=timeout)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def first_view(browser, url: str) -> tuple[float, object, object]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    t = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=120_000)
    page.get_by_test_id("stSidebar").get_by_text(BOUNDARY).wait_for(timeout=120_000)
    return time.perf_counter() - t, ctx, page


def floor_first_view(browser, folder: Path, repeat: int) -> float:
    """Median first view of FLOOR_APP: what Streamlit and plotly.js cost in this browser on this
    machine before the dashboard does anything."""
    app = folder / "floor_app.py"
    app.write_text(FLOOR_APP, encoding="utf-8")
    proc, url = start_server([], folder / "floor.log", app=app)
    try:
        times = []
        for _ in range(repeat + 1):
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            page = ctx.new_page()
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=120_000)
            times.append(time.perf_counter() - t)
            ctx.close()
        return statistics.median(times[1:])     # the first also starts the server's caches
    finally:
        stop(proc)


def change_and_wait(page, act, until) -> float:
    """Time from an action to the view that follows it: ``until`` (a JS predicate) is true and
    Streamlit is idle."""
    t = time.perf_counter()
    act()
    page.wait_for_function(until, timeout=60_000)
    wait_idle(page)
    return time.perf_counter() - t


def count_is(n: int) -> str:
    return ("() => [...document.querySelectorAll('[data-testid=\"stSidebar\"] p')]"
            f".some(p => p.innerText.trim() === '{n:,} of ' + p.innerText.trim().split(' of ')[1] "
            "&& p.innerText.trim().endsWith('events shown'))")


def pick_country(page, label: str) -> None:
    ms = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    ms.locator("input").fill(label.split(" (")[0])
    page.get_by_role("option", name=label).click()
    page.keyboard.press("Escape")


def clear_countries(page) -> None:
    ms = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    ms.get_by_role("button", name=re.compile("Clear all", re.I)).click()


def set_dates(page, lo, hi) -> None:
    sb = page.get_by_test_id("stSidebar")
    for which, d in (("start", lo), ("end", hi)):
        for part, value in (("year", f"{d:%Y}"), ("month", f"{d:%m}"), ("day", f"{d:%d}")):
            sb.get_by_role("spinbutton", name=f"{part}, Dates {which} date").click()
            page.keyboard.type(value)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def go(page, name: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()


def server_side(csv: Path, codes: list[str], lo, hi, repeat: int) -> dict[str, float]:
    """The dashboard's own Python work, without a browser (Streamlit's AppTest runs the script in
    this process): a first run (corpus read and indexed), a new session on the loaded corpus, a
    country filter, a date filter, each switch of page. Median seconds of ``repeat``."""
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    os.environ["NEGOTIATION_CORPUS"] = str(csv)
    os.environ.pop("NEGOTIATION_STORE", None)
    script = f"import runpy; runpy.run_path({str(ROOT / 'app.py')!r}, run_name='__main__')"
    out: dict[str, list[float]] = {k: [] for k in ("load", "first", "filter", "date", "pages")}
    at = AppTest.from_string(script, default_timeout=300)
    out["load"].append(timed(at.run))
    for r in range(repeat):
        at = AppTest.from_string(script, default_timeout=300)
        out["first"].append(timed(at.run))
        at.multiselect(key="f_countries").set_value([codes[r]])
        out["filter"].append(timed(at.run))
        at.date_input(key="f_dates").set_value((lo, hi + dt.timedelta(days=r)))
        out["date"].append(timed(at.run))
        t = time.perf_counter()
        for page in ("quotes", "countries", "articles", "timeline"):
            at.switch_page(str(ROOT / "pages" / f"{page}.py")).run()
        out["pages"].append((time.perf_counter() - t) / 4)
        assert not at.exception, at.exception
    return {k: statistics.median(v) for k, v in out.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="folder for the generated CSV (kept between runs)")
    ap.add_argument("--server-only", action="store_true", help="measure the script's own work only")
    ap.add_argument("--shot", type=Path, help="save a screenshot of the first view here (PNG)")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from core import filters as F
    from core.places import country_name
    from core.views import read_event_csv

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    csv = write_corpus(args.events, folder)
    made = time.perf_counter() - t
    table = read_event_csv(csv)
    idx = F.TableIndex(table) if hasattr(F, "TableIndex") else None
    countries = F.country_options(table)
    index = F.TableIndex(table)
    lo = table["date"].dropna().quantile(0.5).date().replace(day=1)
    hi = (pd.Timestamp(lo) + pd.offsets.MonthEnd(0)).date()
    plans = []                       # another country each repeat: no filter state is cached yet
    for r in range(args.repeat + 1):
        code = countries[(len(countries) // 3 + r) % len(countries)]
        plans.append((code, f"{country_name(code)} ({code})",
                      len(F.apply(table, F.Filters(countries=(code,)), index)),
                      len(F.apply(table, F.Filters(countries=(code,), date_from=lo, date_to=hi), index)),
                      len(F.apply(table, F.Filters(date_from=lo, date_to=hi), index))))
    print(f"corpus events={len(table):,} articles={table['article_id'].nunique():,} "
          f"countries={len(countries)} csv={csv.stat().st_size / 1e6:.1f} MB (made in {made:.1f} s)")

    srv = server_side(csv, [p[0] for p in plans], lo, hi, args.repeat)
    print(f"server  events={len(table):,} load={srv['load']:.2f}s first={srv['first']:.2f}s "
          f"filter={srv['filter']:.2f}s date={srv['date']:.2f}s page={srv['pages']:.2f}s "
          f"(the script's own work per run, AppTest, no browser)")
    if args.server_only:
        return 0
    proc, url = start_server([str(csv)], folder / "streamlit.log")
    times: dict[str, list[float]] = {k: [] for k in ("load", "first", "filter", "date", "clear", "page", "csv")}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            sec, ctx, page = first_view(browser, url)
            times["load"].append(sec)
            wait_idle(page)
            ctx.close()
            for r in range(args.repeat):
                _, label, n_country, n_month, n_dates = plans[r + 1]
                sec, ctx, page = first_view(browser, url)
                times["first"].append(sec)
                wait_idle(page)
                if args.shot and len(times["first"]) == 1:
                    page.screenshot(path=args.shot)
                times["filter"].append(change_and_wait(page, lambda: pick_country(page, label), count_is(n_country)))
                times["date"].append(change_and_wait(page, lambda: set_dates(page, lo, hi), count_is(n_month)))
                with page.expect_download() as dl:
                    t = time.perf_counter()
                    page.get_by_role("button", name="Events (CSV)").click()
                rows = len(pd.read_csv(dl.value.path(), dtype=str))
                times["csv"].append(time.perf_counter() - t)
                assert rows == n_month, (rows, n_month)
                times["clear"].append(change_and_wait(page, lambda: clear_countries(page), count_is(n_dates)))
                t = time.perf_counter()
                for name, title in (("Who said what", "Who said what"), ("Countries", "Countries"),
                                    ("Timeline", "Timeline")):
                    go(page, name)
                    page.wait_for_function(f"() => document.querySelector('h1')?.innerText.trim() === {title!r}",
                                           timeout=60_000)
                    wait_idle(page)
                times["page"].append((time.perf_counter() - t) / 3)
                ctx.close()
            stop(proc)
            floor = floor_first_view(browser, folder, args.repeat)
            browser.close()
    finally:
        stop(proc)
    med = {k: statistics.median(v) for k, v in times.items() if v}
    print(f"dashboard events={len(table):,} load={med['load']:.2f}s first={med['first']:.2f}s "
          f"filter={med['filter']:.2f}s date={med['date']:.2f}s clear={med['clear']:.2f}s "
          f"page={med['page']:.2f}s csv={med['csv']:.2f}s (median of {args.repeat}; "
          f"targets first<=2s filter<=0.5s)")
    print(f"floor   first={floor:.2f}s (a Streamlit page with one 3-point plotly chart, same browser)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
