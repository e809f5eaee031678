"""The seed article against its hand annotation, with the reference scorer.

    python bench/seed.py [--eval-dir ../shared/eval] [--show]

Runs <eval-dir>/scorers/score_events.py on tests/gold/ (the seed's gold, kept with the tests)
and prints its line: events found/right, quotes and speakers, quote dates, countries P/R, and
the share of event rows that match no gold event."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    scorer = Path(a.eval_dir) / "scorers" / "score_events.py"
    cmd = [sys.executable, str(scorer), str(ROOT / "tests" / "gold"), "--project", str(ROOT),
           "--articles", str(ROOT / "seeds")] + (["--show"] if a.show else [])
    return subprocess.call(cmd, cwd=scorer.parent)


if __name__ == "__main__":
    sys.exit(main())
