"""Across articles: one row per event and per quotation, however many articles report it.

Per-article rows come in (each with ``n_sources`` 1); rows that report the same thing become one:

- **events** (rows without a quote): the same ``event_type`` and ``status``, overlapping date ranges
  ``[date, date_end]``, and a shared participant: a shared actor (a person also by surname: "Rosa
  Ibarren" and "Ibarren"), or, when a row names no actor, the same pair of countries (a row naming
  one country is keyed by that country alone).
  Undated rows join only undated rows with the same actors and countries.
- **quotations** (rows with a quote): the same speaker (never the unattributed ""), and the same
  words after normalising case, punctuation and quotation marks, or the same first or last eight
  words (one outlet trimmed or extended the quotation).

Two rows of one article are never merged (the article's own extractor already decided they are two
events: "a second round of talks"), and neither are two groups holding rows of the same article.

The merged row is its first report (earliest publication, then article, then position): its
``event_id``, ``evidence``, ``evidence_start``/``evidence_end`` (offsets into that first article)
and metadata. ``n_sources`` counts the articles, ``sources`` lists their outlets (file names
when no outlet is known) without repeats, ``actors`` and ``countries`` are the union in order of
first report, an empty location or host is filled from a later report, and the date is the most
precise one reported (the narrowest range). The other articles' evidence is kept in ``evidence``
itself, after the first, each on its own line opened by ``EVIDENCE_SEPARATOR`` and its outlet:
``first sentence\\n— Other Outlet: their sentence``.

Cost: keys are built once per row, matches are found by sorting within each key (no comparison
of every row with every other row): 100,000 rows take well under a second.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

EVIDENCE_SEPARATOR = "\n— "
QUOTE_ENDS = 8          # words at either end of a quotation that identify it
_WORD = re.compile(r"[a-z0-9]+")


class _Groups:
    """Union-find over row positions that never puts two rows of one article in a group."""

    def __init__(self, articles: list[str]):
        self.parent = list(range(len(articles)))
        self.articles: dict[int, set[str]] = {}
        self._art = articles

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def _arts(self, r: int) -> set[str]:
        s = self.articles.get(r)
        if s is None:
            s = self.articles[r] = {self._art[r]}
        return s

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        sa, sb = self._arts(a), self._arts(b)
        if sa & sb:
            return
        if len(sa) < len(sb):
            a, b, sa, sb = b, a, sb, sa
        self.parent[b] = a
        sa |= sb
        del self.articles[b]


# words that make a name an organisation's, whose last word is not a surname
_ORG_WORDS = re.compile(r"\b(?:ministry|agency|committee|council|bank|department|office|party|union|"
                        r"organi[sz]ation|corp|inc|ltd|plc|co|group|association|commission|government|"
                        r"house|news|court|fund|forces?|army|guards?|institute|board|authority|"
                        r"company|exchange|league|parliament|assembly|congress|senate)\b", re.I)


def _actor_keys(name: str) -> list[str]:
    """An actor's keys: the whole name, and a person's surname ("Rosa Ibarren" and "Ibarren" in
    another article are one person)."""
    keys = ["a:" + name.lower()]
    words = name.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(name):
        keys.append("s:" + words[-1].lower())
    elif len(words) == 1 and name[:1].isupper() and not name.isupper():
        keys.append("s:" + name.lower())
    return keys


def _event_keys(actors, countries) -> list[str]:
    """The participant keys of an event row: each actor; without actors, its pairs of countries."""
    if actors:
        return [k for a in actors for k in _actor_keys(a)]
    cs = sorted(set(countries))
    if len(cs) == 1:
        return ["c:" + cs[0]]
    return [f"c:{a}|{b}" for i, a in enumerate(cs) for b in cs[i + 1:]]


def _link_overlapping(groups: _Groups, keys: pd.DataFrame) -> None:
    """Within each key (sorted by date), link each row to the run of rows whose ranges overlap it."""
    if keys.empty:
        return
    keys = keys.sort_values(["key", "date", "end"], kind="stable")
    k = keys["key"].to_numpy()
    d = keys["date"].to_numpy()
    e = keys["end"].to_numpy()
    pos = keys["pos"].to_numpy()
    new_key = np.r_[True, k[1:] != k[:-1]]
    # running maximum of the end date inside each key: a row starts a new run when it begins
    # after every earlier row of its key has ended
    run_end = pd.Series(e).groupby(np.cumsum(new_key)).cummax().to_numpy()
    starts = new_key.copy()
    starts[1:] |= d[1:] > run_end[:-1]
    run = np.cumsum(starts)
    first = pos[starts][run - 1]
    for i, j in zip(pos[~starts], first[~starts]):
        groups.union(int(j), int(i))


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower().replace("’", "'").replace("'", ""))


def merge_reports(table: pd.DataFrame) -> pd.DataFrame:
    """The table with the rows that report the same event or quotation merged (see module doc),
    in its own order; a merged row stands where its first report stood."""
    n = len(table)
    if n < 2 or len(set(table["article_id"].tolist())) < 2:
        return table   # rows of one article are never merged (a set: nunique costs ~0.2 ms on few rows)
    # report order: earliest publication first, then article, then position in the article
    order = np.lexsort((table["evidence_start"].to_numpy(), table["article_id"].to_numpy(),
                        table["published"].to_numpy().astype("datetime64[s]").astype("int64")))
    rank = np.empty(n, dtype="int64")
    rank[order] = np.arange(n)
    groups = _Groups(table["article_id"].tolist())
    is_quote = (table["quote"] != "").to_numpy()
    etype = table["event_type"].tolist()
    status = table["status"].tolist()
    date = table["date"].to_numpy()
    end = table["date_end"].fillna(table["date"]).to_numpy()
    undated_row = np.isnat(date).tolist()

    # events: one key row per (row, participant key)
    ev_pos, ev_key, undated = [], [], {}
    for i, (q, acts, cs) in enumerate(zip(is_quote.tolist(), table["actors"], table["countries"])):
        if q or not (acts or cs):
            continue
        base = f"{etype[i]}|{status[i]}|"
        if undated_row[i]:
            key = base + "|".join(sorted(a.lower() for a in acts)) + "#" + "|".join(sorted(set(cs)))
            j = undated.setdefault(key, i)
            if j != i:
                groups.union(j, i)
            continue
        for k in _event_keys(acts, cs):
            ev_pos.append(i)
            ev_key.append(base + k)
    pos = np.array(ev_pos, dtype="int64")
    _link_overlapping(groups, pd.DataFrame({"pos": pos, "key": ev_key, "date": date[pos], "end": end[pos]}))

    # quotations: the same speaker and the same words, or the same opening or closing words
    seen: dict[str, int] = {}
    for i, (q, speaker, text) in enumerate(zip(is_quote.tolist(), table["speaker"], table["quote"])):
        if not q or not speaker:
            continue
        w = _words(text)
        if not w:
            continue
        spk = speaker.lower() + "|"
        keys = [spk + "=" + " ".join(w)]
        if len(w) >= QUOTE_ENDS:
            keys += [spk + "<" + " ".join(w[:QUOTE_ENDS]), spk + ">" + " ".join(w[-QUOTE_ENDS:])]
        for k in keys:
            j = seen.setdefault(k, i)
            if j != i:
                groups.union(j, i)

    by_root: dict[int, list[int]] = {}
    for i in range(n):
        if groups.parent[i] != i or i in groups.articles:
            by_root.setdefault(groups.find(i), []).append(i)
    merged = [sorted(ms, key=rank.__getitem__) for ms in by_root.values() if len(ms) > 1]
    if not merged:
        return table
    return _collapse(table, merged)


_MERGED_COLUMNS = ("actors", "countries", "sources", "evidence", "location", "location_country", "host",
                   "n_sources", "source", "article_name", "date", "date_end", "date_precision",
                   "date_text", "date_source")


def _collapse(table: pd.DataFrame, merged: list[list[int]]) -> pd.DataFrame:
    """One row per group of reports: the first report, completed from the others."""
    involved = sorted({m for ms in merged for m in ms})
    sub = table.iloc[involved]
    at = {p: k for k, p in enumerate(involved)}
    v = {c: sub[c].tolist() for c in _MERGED_COLUMNS}
    reps = [ms[0] for ms in merged]
    new = {c: [] for c in _MERGED_COLUMNS}
    for ms in merged:
        ks = [at[m] for m in ms]
        r = ks[0]
        row = {c: v[c][r] for c in _MERGED_COLUMNS}
        row["actors"] = tuple(dict.fromkeys(a for k in ks for a in v["actors"][k]))
        row["countries"] = tuple(dict.fromkeys(c for k in ks for c in v["countries"][k]))
        row["sources"] = tuple(dict.fromkeys(s for k in ks for s in v["sources"][k]))
        row["n_sources"] = sum(v["n_sources"][k] for k in ks)
        ev = [row["evidence"]]
        for k in ks[1:]:
            other = v["evidence"][k]
            if other and other not in ev:
                ev.append(f"{v['source'][k] or v['article_name'][k]}: {other}")
        row["evidence"] = EVIDENCE_SEPARATOR.join(ev)
        for col, pair in (("location", "location_country"), ("host", None)):
            if not row[col]:
                k = next((k for k in ks if v[col][k]), None)
                if k is not None:
                    row[col] = v[col][k]
                    if pair:
                        row[pair] = v[pair][k]
        dated = [k for k in ks if not pd.isna(v["date"][k])]
        if dated:
            span = lambda k: (v["date_end"][k] if not pd.isna(v["date_end"][k]) else v["date"][k]) - v["date"][k]
            best = min(dated, key=lambda k: (span(k), ks.index(k)))
            for c in ("date", "date_end", "date_precision", "date_text", "date_source"):
                row[c] = v[c][best]
        for c in _MERGED_COLUMNS:
            new[c].append(row[c])
    rep_rows = table.iloc[reps].copy()
    for c in _MERGED_COLUMNS:
        rep_rows[c] = pd.Series(new[c], index=rep_rows.index, dtype=table[c].dtype if c not in ("date", "date_end")
                                else "object").astype(table[c].dtype)
    dropped = np.zeros(len(table), dtype=bool)
    dropped[involved] = True
    out = pd.concat([table[~dropped], rep_rows])
    return out.sort_index(kind="stable").reset_index(drop=True)
