"""Matching table rows to hand annotations in the gold format (tests/gold/): the same rules for
the seed and for the fixtures."""
from __future__ import annotations

import re

import pandas as pd


def words(s) -> str:
    """Lower-case words, curly apostrophes straightened: the form names and quotes compare in."""
    return " ".join(re.findall(r"[a-z0-9']+", str(s or "").lower().replace("’", "'")))


def names(row) -> list[str]:
    return [words(a) for a in row["actors"]] + [words(row["speaker"])]


def rows_for(table: pd.DataFrame, ev: dict) -> list[dict]:
    """Rows of one of the gold event's types with all its participants (or, when it names
    none, at least two of its countries)."""
    out = []
    for row in table.to_dict("records"):
        if row["event_type"] not in ev["types"]:
            continue
        if ev["participants"]:
            if all(any(words(p) in n for n in names(row)) for p in ev["participants"]):
                out.append(row)
        elif len(set(row["countries"]) & set(ev["countries"])) >= min(2, len(ev["countries"])):
            out.append(row)
    return out


def right_status_and_dates(row: dict, ev: dict) -> bool:
    """The gold event's status, and dates inside its range (or undated when it has none)."""
    if row["status"] != ev["status"]:
        return False
    if ev["date_min"] is None:
        return pd.isna(row["date"]) and row["date_precision"] == "unknown"
    return pd.Timestamp(ev["date_min"]) <= row["date"] <= row["date_end"] <= pd.Timestamp(ev["date_max"])


def matching_event(rows: list[dict], ev: dict) -> dict:
    """The first row with the gold event's status and dates; AssertionError saying what the
    rows have instead."""
    good = [r for r in rows if right_status_and_dates(r, ev)]
    assert good, f"{ev['id']}: want {ev['status']} {ev['date_min']}..{ev['date_max']}, got " + \
        "; ".join(f"{r['status']} {r['date']}..{r['date_end']} ({r['summary']})" for r in rows)
    return good[0]


def quote_rows(table: pd.DataFrame, snippet: str) -> list[dict]:
    """Quote rows holding the gold snippet (or, for long quotes, held in it)."""
    s = words(snippet)
    return [r for r in table[table["quote"] != ""].to_dict("records")
            if s in words(r["quote"]) or (len(words(r["quote"])) > 20 and words(r["quote"]) in s)]


def speaker_matches(row: dict, gold_speakers: list[str]) -> bool:
    return any(words(n) == words(row["speaker"]) for n in gold_speakers) or \
        words(gold_speakers[0]) in words(row["speaker"])
