"""The analyst's path in a real browser: open the dashboard on the seed corpus, visit every page,
filter by country and date, select a timeline point, download the CSV and compare it with the
filtered table, upload an article and see its events, export the briefing and open it offline."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
from playwright.sync_api import expect

import core
from core import filters as F
from core import views
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
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 * (row + 1) + 17)
    settle(page)


def expected_csv(table: pd.DataFrame) -> pd.DataFrame:
    return to_export_frame(table).astype(str).reset_index(drop=True)


def read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_analyst_path(browser, server, shots, tmp_path):
    corpus = views.load_corpus([str(SEEDS)])
    table = corpus.table
    assert len(table) and "OMN" in F.country_options(table), "the seed must give Omani events"
    lo, hi = F.date_bounds(table)
    day = dt.date(2026, 2, 10) if lo <= dt.date(2026, 2, 10) <= hi else hi
    oman = F.Filters(countries=("OMN",))
    oman_day = F.Filters(countries=("OMN",), date_from=day, date_to=day)
    assert 0 < len(F.apply(table, oman_day)) <= len(F.apply(table, oman)) < len(table)

    url = server([str(SEEDS)])
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    wait_counts(page, len(table), len(table))
    assert "Negotiation timeline" in page.title()
    expect(page.get_by_text("Deploy", exact=True)).to_have_count(0)          # no framework clutter
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=shots / "timeline.png")

    # every page renders
    for name, shot in [("Who said what", "quotes"), ("Countries", "countries"), ("Articles", "articles")]:
        go(page, name)
        settle(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        page.screenshot(path=shots / f"{shot}.png", full_page=True)
        if name == "Who said what":                       # a quote read in its paragraph
            first = F.quotes(table).iloc[0]
            select_row(page, 0)
            expect(page.locator("h3").filter(has_text=first["speaker"]).first).to_be_visible()
            page.screenshot(path=shots / "quotes-context.png", full_page=True)

    # clicking a country's bar filters every page on it
    go(page, "Countries")
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
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace .points path').first
    click_centre(page, point)
    selected = page.get_by_text(re.compile(r"^Selected: \d+ events?$"))
    expect(selected).to_be_visible(timeout=15_000)
    page.screenshot(path=shots / "timeline-selected.png", full_page=True)

    # the CSV is exactly the filtered table
    settle(page)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Events (CSV)").click()
    got = read_csv(dl.value.path())
    pd.testing.assert_frame_equal(got, expected_csv(F.apply(table, oman_day)))

    # the briefing opens offline with its timeline
    with page.expect_download() as dl:
        page.get_by_role("button", name="Briefing (HTML)").click()
    brief = tmp_path / "briefing.html"
    dl.value.save_as(brief)
    offline = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    bp = offline.new_page()
    bp.goto(brief.as_uri())
    bp.wait_for_selector(".main-svg", timeout=15_000)
    expect(bp.locator("h1")).to_have_text("Negotiation briefing")
    expect(bp.get_by_text("Countries (any of): Oman (OMN)")).to_be_visible()
    bp.screenshot(path=shots / "briefing.png", full_page=True)
    offline.close()

    # upload an article: its events join the table
    go(page, "Articles")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(UPLOAD))
    page.get_by_role("button", name="Add articles").click()
    expect(page.get_by_text(re.compile(r"Added 1 article"))).to_be_visible(timeout=20_000)
    added = core.normalise(core.read_articles([UPLOAD]))
    total = len(views.concat_tables([table, added]))
    assert total > len(table)
    page.get_by_role("button", name="Reset filters").click()
    wait_counts(page, total, total)
    settle(page)
    select_row(page, 1)                                   # open the uploaded article
    expect(page.get_by_text("Marked:")).to_be_visible()
    heading = page.locator("h3").filter(has_text="Norway and Kenya resume corridor talks")
    expect(heading).to_be_visible()
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=shots / "articles-added.png", full_page=True)
    go(page, "Timeline")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    ticks = page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above text').all_text_contents()
    assert "Norway" in ticks and "Kenya" in ticks                              # lanes from the upload
    ctx.close()
