"""Browser tests: a real Streamlit server on a free port, driven by Debian's Chromium.

The tests skip when /usr/bin/chromium is missing, unless CI=true: then a missing browser fails.
Screenshots go to $DASHBOARD_SCREENSHOTS (default tests/artifacts/screenshots)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
sys.path.insert(0, str(ROOT / "tests"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def start_server(corpus: list[str], log: Path, store: Path | None = None):
    """A dashboard server on a free port; ``store``: its store file (a temporary one in tests)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--", "--corpus", *corpus]
    env = {k: v for k, v in os.environ.items() if k not in ("NEGOTIATION_STORE", "NEGOTIATION_CORPUS")}
    if store is not None:
        env["NEGOTIATION_STORE"] = str(store)
    out = log.open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url, out
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not answer on {url}: {log.read_text()[-2000:]}")


@pytest.fixture
def server(tmp_path):
    started = []

    def start(corpus, store=None):
        proc, url, out = start_server(corpus, tmp_path / f"streamlit-{len(started)}.log", store)
        started.append((proc, out))
        return url
    yield start
    for proc, out in started:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    d = Path(os.environ.get("DASHBOARD_SCREENSHOTS", ROOT / "tests" / "artifacts" / "screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d
