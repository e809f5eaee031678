"""The analyst's path in a real browser: open the dashboard on the seed corpus (in a temporary
store), visit every page, filter by country and date, select a timeline point, download the CSVs
and compare them with the filtered tables, upload an article and see its events, remove it, export
the briefing and open it with the network blocked. Every request the pages make is recorded: none
may go to another host than the dashboard's own."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from playwright.sync_api import expect

import core
from core import filters as F
from core import views
from core.store import Store
from core.table import to_export_frame

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
UPLOAD = Path(__file__).with_name("fixtures") / "harbour_talks.txt"
PAGES = {"Timeline": "Timeline", "Who said what": "Who said what", "Countries": "Countries",
         "Articles": "Articles"}
COUNT = re.compile(r"^([\d,]+) of ([\d,]+) events shown$")


def counts(page) -> tuple[int, int]:
    text = page.get_by_test_id("stSidebar").get_by_text(COUNT).inner_text()
    a, b = COUNT.match(text.strip()).groups()
    return int(a.replace(",", "")), int(b.replace(",", ""))


def wait_counts(page, shown: int, total: int):
    expect(page.get_by_test_id("stSidebar").get_by_text(f"{shown:,} of {total:,} events shown")).to_be_visible()


def go(page, name: str):
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
    expect(page.locator("h1").first).to_have_text(PAGES[name])
    page.wait_for_load_state("networkidle")


def settle(page):
    """Wait until Streamlit has finished the current run."""
    page.wait_for_timeout(150)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=20_000)   # nothing left from the last run


def click_centre(page, locator):
    """A mouse click in the middle of a chart mark (plotly listens on the plot, not the mark)."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(250)
    page.mouse.click(x, y)


def select_row(page, row: int):
    """Tick a row of the first st.dataframe (its selection column is at the left edge)."""
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 * (row + 1) + 17)
    settle(page)


def expected_csv(table: pd.DataFrame) -> pd.DataFrame:
    return to_export_frame(table).astype(str).reset_index(drop=True)


def read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def foreign_requests(ctx, url: str) -> list[str]:
    """Record every request of a browser context that goes anywhere but the dashboard's own host."""
    own = urlparse(url).netloc
    seen: list[str] = []
    ctx.on("request", lambda r: seen.append(r.url) if urlparse(r.url).scheme in ("http", "https", "ws", "wss")
           and urlparse(r.url).netloc != own else None)
    return seen


def stored_table(path: Path) -> pd.DataFrame:
    with Store(path, read_only=True) as s:
        return s.table()


def test_analyst_path(browser, server, shots, tmp_path):
    store = tmp_path / "store.duckdb"
    url = server([str(SEEDS)], store=store)
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    elsewhere = foreign_requests(ctx, url)
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    table = stored_table(store)                          # what the server ingested at start
    assert len(table) and "OMN" in F.country_options(table), "the seed must give Omani events"
    lo, hi = F.date_bounds(table)
    day = dt.date(2026, 2, 10) if lo <= dt.date(2026, 2, 10) <= hi else hi
    oman = F.Filters(countries=("OMN",))
    oman_day = F.Filters(countries=("OMN",), date_from=day, date_to=day)
    assert 0 < len(F.apply(table, oman_day)) <= len(F.apply(table, oman)) < len(table)
    wait_counts(page, len(table), len(table))
    assert "Negotiation timeline" in page.title()
    expect(page.get_by_text("Deploy", exact=True)).to_have_count(0)          # no framework clutter
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    settle(page)
    page.screenshot(path=shots / "timeline.png")

    # every page renders
    for name, shot in [("Who said what", "quotes"), ("Countries", "countries"), ("Articles", "articles")]:
        go(page, name)
        settle(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        if shot in ("quotes", "articles"):
            # each lists rows in a grid drawn on a canvas after its accessible cells exist
            page.locator('[data-testid="glide-cell-1-0"]').first.wait_for(state="attached")
            page.wait_for_timeout(400)
        page.screenshot(path=shots / f"{shot}.png", full_page=True)
        if name == "Who said what":
            # the quotes CSV is exactly the quotes listed
            with page.expect_download() as dl:
                page.get_by_role("button", name="Quotes (CSV)").click()
            pd.testing.assert_frame_equal(read_csv(dl.value.path()), expected_csv(F.quotes(table)))
            # a quote read in its paragraph
            first = views.quotes_frame(table).iloc[0]
            select_row(page, 0)
            expect(page.locator("h3").filter(has_text=first["speaker"]).first).to_be_visible()
            page.screenshot(path=shots / "quotes-context.png", full_page=True)

    # clicking a country's bar filters every page on it
    go(page, "Countries")
    settle(page)
    order = views.country_totals(table).head(25)["code"].tolist()[::-1]       # bottom bar first
    bar = page.get_by_test_id("stPlotlyChart").first.locator(".barlayer .point path").nth(order.index("OMN"))
    click_centre(page, bar)
    wait_counts(page, len(F.apply(table, oman)), len(table))
    go(page, "Timeline")
    ms = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    expect(ms).to_contain_text("Oman (OMN)")
    ms.get_by_role("button", name=re.compile("Clear all", re.I)).click()
    wait_counts(page, len(table), len(table))

    # filter by country in the sidebar: Oman
    ms.locator("input").fill("Oman")
    page.get_by_role("option", name="Oman (OMN)").click()
    page.keyboard.press("Escape")
    wait_counts(page, len(F.apply(table, oman)), len(table))
    assert "country=OMN" in page.url                                        # the link reproduces the view

    # and by date: one day
    sb = page.get_by_test_id("stSidebar")
    for which in ("start", "end"):
        for part, value in (("year", f"{day:%Y}"), ("month", f"{day:%m}"), ("day", f"{day:%d}")):
            sb.get_by_role("spinbutton", name=f"{part}, Dates {which} date").click()
            page.keyboard.type(value)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_counts(page, len(F.apply(table, oman_day)), len(table))
    settle(page)

    # select a timeline point: its evidence shows below the chart
    selected = page.get_by_text(re.compile(r"^Selected: \d+ events?$"))
    for attempt in range(3):            # a rerun that redraws the chart under the mouse drops the click
        point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace .points path').first
        click_centre(page, point)
        try:
            expect(selected).to_be_visible(timeout=8_000)
            break
        except AssertionError:
            settle(page)
    expect(selected).to_be_visible()
    page.screenshot(path=shots / "timeline-selected.png", full_page=True)

    # the CSV is exactly the filtered table
    settle(page)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Events (CSV)").click()
    pd.testing.assert_frame_equal(read_csv(dl.value.path()), expected_csv(F.apply(table, oman_day)))

    # the briefing opens from a file with the network blocked, its timeline drawn
    with page.expect_download() as dl:
        page.get_by_role("button", name="Briefing (HTML)").click()
    brief = tmp_path / "briefing.html"
    dl.value.save_as(brief)
    offline = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    blocked: list[str] = []
    offline.route(re.compile(r"^(?!file:|data:|blob:|about:)"), lambda route: (blocked.append(route.request.url),
                                                                             route.abort()))
    bp = offline.new_page()
    bp.goto(brief.as_uri())
    bp.wait_for_selector(".main-svg", timeout=15_000)
    expect(bp.locator("h1")).to_have_text("Negotiation briefing")
    expect(bp.get_by_text("Countries (any of): Oman (OMN)")).to_be_visible()
    expect(bp.locator(".main-svg .scatterlayer .points path").first).to_be_attached()
    bp.screenshot(path=shots / "briefing.png", full_page=True)
    offline.close()
    assert blocked == [], f"the briefing asked the network for {blocked}"

    # upload an article: it goes into the store and its events join the table
    go(page, "Articles")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(UPLOAD))
    expect(page.get_by_test_id("stFileUploader").get_by_text(UPLOAD.name)).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Add articles").click()
    expect(page.get_by_text(re.compile(r"Added 1 article"))).to_be_visible(timeout=30_000)
    grown = stored_table(store)
    total = len(grown)
    assert total > len(table) and set(table["event_id"]) < set(grown["event_id"])
    page.get_by_role("button", name="Reset filters").click()
    wait_counts(page, total, total)
    settle(page)
    names = views.article_counts(Store(store, read_only=True).articles(), grown)["name"].tolist()
    select_row(page, names.index(UPLOAD.name))                      # open the uploaded article
    expect(page.get_by_text("Marked:")).to_be_visible()
    heading = page.locator("h3").filter(has_text="Norway and Kenya resume corridor talks")
    expect(heading).to_be_visible()
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=shots / "articles-added.png", full_page=True)
    go(page, "Timeline")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    ticks = page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above text').all_text_contents()
    assert "Norway" in ticks and "Kenya" in ticks                              # lanes from the upload

    # remove it again: out of the store and off the dashboard
    go(page, "Articles")
    settle(page)
    select_row(page, names.index(UPLOAD.name))
    page.get_by_role("button", name="Remove this article").click()
    wait_counts(page, len(table), len(table))
    assert set(stored_table(store)["event_id"]) == set(table["event_id"])
    ctx.close()
    assert elsewhere == [], f"the dashboard made requests to other hosts: {elsewhere}"


def test_a_link_reproduces_the_view_in_a_new_browser(browser, server, shots):
    """Filters and each page's own view choices (lanes, quote search and order) go into the URL; the
    URL opened in a fresh browser context (no session, no state) shows the same view."""
    url = server([str(SEEDS)])
    table = core.normalise(core.read_articles([SEEDS]))
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    settle(page)
    page.get_by_role("radio", name="Actor", exact=True).click()
    expect(page).to_have_url(re.compile(r"lanes=Actor"))
    settle(page)
    ms = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    ms.locator("input").fill("Oman")
    page.get_by_role("option", name="Oman (OMN)").click()
    page.keyboard.press("Escape")
    oman = F.apply(table, F.Filters(countries=("OMN",)))
    wait_counts(page, len(oman), len(table))
    settle(page)
    link = page.url
    assert "country=OMN" in link and "lanes=Actor" in link
    ticks = page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above text').all_text_contents()

    go(page, "Who said what")
    settle(page)
    page.get_by_test_id("stTextInput").filter(has_text="Search quotes").locator("input").fill("the")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Order").click()
    page.get_by_role("option", name="Speaker", exact=True).click()
    settle(page)
    expect(page).to_have_url(re.compile(r"quotes_sort=Speaker"))
    quotes_link = page.url
    assert "quotes_q=the" in quotes_link and "country=OMN" in quotes_link and "lanes=" not in quotes_link
    shown_quotes = views.quotes_frame(views.search_quotes(oman, "the"), sort="speaker")
    assert len(shown_quotes) >= 2
    ctx.close()

    # the links, opened where nothing was ever chosen
    fresh = browser.new_context(viewport={"width": 1400, "height": 900})
    page = fresh.new_page()
    page.goto(link)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    wait_counts(page, len(oman), len(table))
    settle(page)
    expect(page.get_by_role("radio", name="Actor", exact=True)).to_have_attribute("aria-checked", "true")
    assert page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above text').all_text_contents() == ticks
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first).to_contain_text("Oman (OMN)")
    page.screenshot(path=shots / "timeline-link.png", full_page=True)
    page.goto(quotes_link)
    expect(page.locator("h1").first).to_have_text("Who said what")
    settle(page)
    expect(page.get_by_test_id("stTextInput").filter(has_text="Search quotes").locator("input")).to_have_value("the")
    expect(page.get_by_role("combobox", name="Order")).to_have_value("Speaker")
    page.locator('[data-testid="glide-cell-2-0"]').first.wait_for(state="attached")
    first_speakers = [page.locator(f'[data-testid="glide-cell-2-{i}"]').first.inner_text()
                      for i in range(min(3, len(shown_quotes)))]
    assert first_speakers == shown_quotes["speaker"].head(3).tolist()
    fresh.close()
