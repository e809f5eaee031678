"""Many analysts at once: browser sessions filtering and downloading against one dashboard server.

    .venv/bin/python bench/load.py [--sessions 10] [--events 20000] [--rounds 2] [--keep DIR]

One server on the synthetic corpus of bench/dashboard.py; ``--sessions`` Chromium sessions
(separate browser contexts, driven concurrently) each open the dashboard and, ``--rounds``
times: choose a country (each session its own), wait for the count, download the events CSV
and check it has exactly the rows of that filter, open "Who said what", download the quotes CSV
and check it, and go back to the timeline. A session fails on any timeout, wrong download,
error shown on the page or exception in the server log. Prints one line: sessions served,
failures, and the median / slowest time of each step.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dashboard as D  # noqa: E402  (bench/dashboard.py: the corpus)
from serve import CHROMIUM_ARGS, start_server, stop  # noqa: E402  (bench/serve.py: the server)

from core import filters as F  # noqa: E402
from core.places import country_name  # noqa: E402
from core.views import read_event_csv  # noqa: E402

COUNT = re.compile(r"^([\d,]+) of ([\d,]+) events shown$")
SHOTS: Path | None = None   # where a failing session's page is saved (the --keep folder)
TIMEOUT = 240_000        # ms for any one step: ten Chromium pages on two shared cores are slow


async def wait_count(page, n: int, timeout=TIMEOUT) -> None:
    await page.get_by_test_id("stSidebar").get_by_text(re.compile(rf"^{n:,} of [\d,]+ events shown$")) \
        .wait_for(timeout=timeout)


async def idle(page, timeout=TIMEOUT) -> None:
    """Until Streamlit has finished the run: no running indicator, no element left stale (an
    element from the previous run, such as a download button still holding the previous file)."""
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
                                 "!document.querySelector('[data-stale=\"true\"]')", timeout=timeout)


async def go(page, title: str) -> None:
    """Open a page from the sidebar and wait until it is drawn (a click that lands while a run
    is finishing can be lost: click again)."""
    for _ in range(3):
        await idle(page)
        await page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
        try:
            await page.locator("h1", has_text=title).first.wait_for(timeout=min(TIMEOUT, 60_000))
            break
        except Exception:  # noqa: BLE001 - tried again, then the step fails below
            continue
    await page.locator("h1", has_text=title).first.wait_for(timeout=TIMEOUT)
    await idle(page)


async def download_rows(page, label: str) -> int:
    async with page.expect_download(timeout=TIMEOUT) as info:
        await page.get_by_role("button", name=label).click()
    dl = await info.value
    return len(pd.read_csv(await dl.path(), dtype=str, keep_default_na=False, encoding="utf-8-sig"))


async def session(browser, url: str, i: int, plan: list[tuple[str, int, int]], total: int, times: dict,
                  errors: list) -> bool:
    ctx = await browser.new_context(viewport={"width": 1300, "height": 850}, accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT)
    page = await ctx.new_page()
    try:
        t = time.perf_counter()
        await page.goto(url, timeout=TIMEOUT)
        await page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=TIMEOUT)
        times["open"].append(time.perf_counter() - t)
        await idle(page)
        ms = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
        for label, n_events, n_quotes in plan:
            t = time.perf_counter()
            clear = ms.get_by_role("button", name=re.compile("Clear all", re.I))
            if await clear.count():
                await clear.click()
                await wait_count(page, total)
                await idle(page)
            await ms.locator("input").fill(label.split(" (")[0])
            await page.get_by_role("option", name=label).click()
            await page.keyboard.press("Escape")
            await wait_count(page, n_events)
            await idle(page)
            times["filter"].append(time.perf_counter() - t)
            t = time.perf_counter()
            got = await download_rows(page, "Events (CSV)")
            times["csv"].append(time.perf_counter() - t)
            if got != n_events:
                raise AssertionError(f"events CSV has {got} rows, the filter {n_events}")
            t = time.perf_counter()
            await go(page, "Who said what")
            times["page"].append(time.perf_counter() - t)
            got = await download_rows(page, "Quotes (CSV)")
            if got != n_quotes:
                raise AssertionError(f"quotes CSV has {got} rows, the filter {n_quotes}")
            await go(page, "Timeline")
        if await page.get_by_test_id("stException").count():
            raise AssertionError("an exception is shown on the page")
        return True
    except Exception as e:  # noqa: BLE001 - counted and reported
        if SHOTS:
            await page.screenshot(path=str(SHOTS / f"load-session-{i}.png"), full_page=True)
        errors.append(f"session {i}: {type(e).__name__}: " + " / ".join(str(e).splitlines()[:4])[:400])
        return False
    finally:
        await ctx.close()


async def run(url: str, sessions: int, plans: list, total: int, chromium: str) -> tuple[list[bool], dict, list, float]:
    from playwright.async_api import async_playwright

    times: dict[str, list[float]] = {"open": [], "filter": [], "csv": [], "page": []}
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        t = time.perf_counter()
        ok = await asyncio.gather(*(session(browser, url, i, plans[i], total, times, errors) for i in range(sessions)))
        wall = time.perf_counter() - t
        await browser.close()
    return list(ok), times, errors, wall


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=240, help="seconds any one step may take")
    ap.add_argument("--keep", type=Path, help="folder for the generated CSV (kept between runs)")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dashboard-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    csv = D.write_corpus(args.events, folder)
    global SHOTS, TIMEOUT
    SHOTS = folder
    TIMEOUT = args.timeout * 1000
    table = read_event_csv(csv)
    index = F.TableIndex(table)
    countries = index.countries[:args.sessions * args.rounds]
    plans = []
    for i in range(args.sessions):
        plan = []
        for r in range(args.rounds):
            code = countries[(i + r * args.sessions) % len(countries)]
            rows = F.apply(table, F.Filters(countries=(code,)), index)
            plan.append((f"{country_name(code)} ({code})", len(rows), len(F.quotes(rows))))
        plans.append(plan)

    log = folder / "streamlit-load.log"
    proc, url = start_server([str(csv)], log)
    try:
        ok, times, errors, wall = asyncio.run(run(url, args.sessions, plans, len(table), args.chromium))
    finally:
        stop(proc)
    server_errors = [line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line]
    def fmt(k):
        v = times[k]
        return f"{k}={statistics.median(v):.2f}/{max(v):.2f}s" if v else f"{k}=-"
    print(f"load sessions={args.sessions} served={sum(ok)} failed={len(ok) - sum(ok)} "
          f"server_tracebacks={len(server_errors)} events={len(table):,} rounds={args.rounds} "
          f"wall={wall:.1f}s median/max {fmt('open')} {fmt('filter')} {fmt('csv')} {fmt('page')}")
    for e in errors:
        print("  " + e)
    return 0 if all(ok) and not server_errors else 1


if __name__ == "__main__":
    sys.exit(main())
