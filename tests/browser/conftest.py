"""Browser tests: a real Streamlit server on a free port, driven by Debian's Chromium.

The tests skip when /usr/bin/chromium is missing, unless CI=true: then a missing browser fails.
Screenshots go to $DASHBOARD_SCREENSHOTS (default tests/artifacts/screenshots)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from serve import CHROMIUM_ARGS, start_server, stop  # noqa: E402  (bench/serve.py, shared with the benchmarks)

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing (CI=true: browser tests must run)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def server(tmp_path):
    """start(corpus, store=None) -> url: a dashboard server for this test, stopped after it."""
    started = []

    def start(corpus, store=None):
        proc, url = start_server(corpus, tmp_path / f"streamlit-{len(started)}.log", store=store, timeout=30)
        started.append(proc)
        return url
    yield start
    for proc in started:
        stop(proc)


@pytest.fixture(scope="session")
def shots() -> Path:
    d = Path(os.environ.get("DASHBOARD_SCREENSHOTS", ROOT / "tests" / "artifacts" / "screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d
