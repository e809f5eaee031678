"""A dashboard server on a free port and Chromium's launch options: shared by the browser tests
(tests/browser/conftest.py) and the browser benchmarks (bench/dashboard.py, bench/load.py).

    proc, url = start_server(["seeds"], Path("streamlit.log"))
    ...
    stop(proc)
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# environment variables that choose the dashboard's data: a server started here gets only what the caller gives
DATA_ENV = ("NEGOTIATION_STORE", "NEGOTIATION_CORPUS")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(corpus: list[str], log: Path, *, store: Path | None = None, app: Path = ROOT / "app.py",
                 env: dict | None = None, timeout: float = 60) -> tuple[subprocess.Popen, str]:
    """``streamlit run app`` headless on 127.0.0.1 and a free port, its output in ``log``; returns
    (process, url) once it answers its health check. ``corpus``: the ``--corpus`` paths (none: the
    option is left out); ``store``: its store file. Raises RuntimeError (with the log's end) when
    the server exits or does not answer within ``timeout`` seconds."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    if corpus:
        cmd += ["--", "--corpus", *corpus]
    full_env = {k: v for k, v in os.environ.items() if k not in DATA_ENV}
    if store is not None:
        full_env["NEGOTIATION_STORE"] = str(store)
    full_env.update(env or {})
    with log.open("wb") as out:       # the child keeps its own handle
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=full_env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise RuntimeError(f"streamlit did not answer on {url}: {log.read_text()[-2000:]}")


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started here (by its own handle), killing it if it does not stop in 10 s."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
