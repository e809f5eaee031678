"""Invented articles for the store, ingest, CLI and durability tests (invented people and places).

``corpus(n)`` gives n distinct articles; ``write_corpus(folder, n)`` writes them as text files.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import core

FIRST = ["Adan", "Lina", "Tomas", "Mira", "Oren", "Sela", "Kaj", "Noor", "Ivo", "Rhea"]
LAST = ["Morvell", "Quarrow", "Dastan", "Elbrin", "Fennick", "Halvard", "Istrel", "Jorvik", "Kellan", "Lundqvar"]
TOPICS = ["water quotas", "fishing rights", "grain corridor", "border crossings", "prisoner exchange",
          "rail link", "power grid", "customs union"]


def article_text(i: int) -> str:
    """The i-th invented article in the text format: two envoys meet, one is quoted, talks planned."""
    day = dt.date(2031, 1, 5) + dt.timedelta(days=i % 300)
    a = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
    b = f"{FIRST[(i + 3) % 10]} {LAST[(i // 7 + 4) % 10]}"
    topic = TOPICS[i % len(TOPICS)]
    return (f"{day:%d-%m-%Y}\nRound {i} of the {topic} talks\n\n"
            f"MUSCAT: Foreign Minister {a} of Norway met envoy {b} of Chile in Muscat on Tuesday "
            f"for round {i} of talks on the {topic}, officials said.\n"
            f"“We made real progress on the {topic} today,” {a.split()[1]} told reporters after the meeting.\n"
            f"{b.split()[1]} said the two delegations would meet again next week in Geneva.\n"
            f"The Harbour Ledger\n")


def corpus(n: int, start: int = 0) -> list[core.Article]:
    return [core.parse_article(article_text(i), name=f"art_{i:05d}.txt") for i in range(start, start + n)]


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"art_{i:05d}.txt"
        p.write_text(article_text(i), encoding="utf-8")
        paths.append(p)
    return paths
