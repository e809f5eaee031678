"""People, organisations, groups and media in an article: one actor model for quotes and events.

API
---
    from core.actors import find_actors, Actor, ActorMention, ActorIndex
    idx = find_actors(text)          # text = Article.text (one paragraph per line)

``idx.mentions`` -- every named mention, sorted by start, as :class:`ActorMention`:
    start, end, text          the span as written ("Baghaei", "Foreign Minister Abbas Araghchi" -> the
                              name part "Abbas Araghchi"; titles are not inside the span)
    name                      canonical name: the fullest form seen in the article ("Esmaeil Baghaei"
                              for a later "Baghaei"; "Haitham bin Tariq Al Said"; "IRNA"; "Oman News Agency")
    kind                      "person" | "organisation" | "group" | "media"
    role                      "Spokesperson, Ministry of Foreign Affairs", "Foreign Minister", "Sultan", "" if none
    country                   ISO alpha-3 from a nationality adjective, possessive, appositive or the
                              gazetteer ("IRN"), "" if unknown
    gender                    "m" | "f" | "" (from honorifics, gendered titles)
    possessive                True for "Larijani's"
    in_quote                  True when the mention lies inside quotation marks

``idx.actors`` -- canonical name -> :class:`Actor` (name, kind, role, country, gender, aliases): the
merged view over all mentions of one actor (first role/country seen wins).

``idx.actor(name)`` -> Actor | None;  ``idx.mention_at(start, end)`` -> the mention overlapping a span;
``idx.mentions_in(start, end)`` -> mentions inside a span (the event extractor uses it for
"Larijani met Oman's ruler, Sultan Haitham bin Tariq Al Said": two person mentions, canonical names).

``idx.resolve(offset, phrase)`` -> Actor | None: the most recent compatible actor before ``offset`` for
    a pronoun ("he", "she", "they"), or a definite description ("the spokesman", "the minister",
    "the agency", "the Omani agency", "the ministry", "the campaign"). Pronouns prefer the subject of
    the nearest sentence (the first person named in it, outside quotes), walking back over sentences
    whose subject is itself a compatible pronoun; descriptions match role words, kind and country.

``idx.lookup(surface, offset)`` -> Actor | None: a name as written ("Baghaei", "Mr. Trump",
    "IRNA", "Iran") -> its actor; countries/seats of government become organisation actors.

Sentence spans come from :mod:`core.sentences` (``idx.sentences``). ``quote_marks_normalised(text)``
writes ''pairs of apostrophes'' as double quotation marks, offsets unchanged; ``alternation(words)``
is the character-trie regex used for every word list here and in core.quotes.

Rules only (no model): capitalised-name runs with particles (bin, al-, de, van ...), titles and
honorifics stripped into role/gender, nationality adjectives and possessives into country, and
lists in ``core/data/actors.json``. Countries come from ``core.places`` (never duplicated here).

Speed: what a run's words say by themselves (openers, titles, honorifics, gazetteer, media and
organisation words, list words) is worked out once per distinct run and cached (``_match_runs``,
``_run_shape``; a one-word run and a match without connectors take short paths, ``_word_shape``
and no split, which a fresh process reading a few articles meets most); ``_classify`` reads only
the text around each occurrence, each speech-verb test at most once. Regexes that scan a whole
text open with a character or set sre can skip to in C (names at capitals, group nouns read from
their last letter); those tried at one place are preceded by plain string tests where they can
be (the character before the space before a name, the first letter after it). Mentions stay
tuples until the actors are complete; each ActorMention is then built once (``_mention``).
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import NamedTuple

from core.places import country_code, gazetteer, _key as _place_key
from core.sentences import sentences  # noqa: F401  (re-exported for older callers)

DATA = Path(__file__).with_name("data") / "actors.json"

KINDS = ("person", "organisation", "group", "media")


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    name: str              # canonical name
    kind: str              # person | organisation | group | media
    role: str = ""
    country: str = ""
    gender: str = ""
    possessive: bool = False
    in_quote: bool = False


# ActorMention(...) without the __init__ a frozen dataclass is given (each field set through
# object.__setattr__, looked up on every call): the same object from the fields' slot setters,
# 2.5 times faster (find_actors builds ~50 per article). Built for exactly these fields, in order.
_MENTION_FIELDS = ("start", "end", "text", "name", "kind", "role", "country", "gender", "possessive", "in_quote")
if tuple(f.name for f in fields(ActorMention)) != _MENTION_FIELDS or hasattr(ActorMention, "__post_init__"):
    raise RuntimeError("ActorMention changed: update _MENTION_FIELDS and _mention")
(_set_start, _set_end, _set_text, _set_name, _set_kind, _set_role, _set_country, _set_gender, _set_possessive,
 _set_in_quote) = (getattr(ActorMention, f).__set__ for f in _MENTION_FIELDS)
_new_object = object.__new__


def _mention(start, end, text, name, kind, role, country, gender, possessive, in_quote) -> ActorMention:
    """``ActorMention(start, end, ...)`` (all fields, in order), faster."""
    m = _new_object(ActorMention)
    _set_start(m, start)
    _set_end(m, end)
    _set_text(m, text)
    _set_name(m, name)
    _set_kind(m, kind)
    _set_role(m, role)
    _set_country(m, country)
    _set_gender(m, gender)
    _set_possessive(m, possessive)
    _set_in_quote(m, in_quote)
    return m


@dataclass(slots=True)
class Actor:
    name: str
    kind: str
    role: str = ""
    country: str = ""
    gender: str = ""
    aliases: set[str] = field(default_factory=set)


# --- word lists ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def alternation(words) -> str:
    """A regex group matching any of ``words`` (longest first; a space matches any whitespace),
    written as a character trie: the engine tests one branch per letter instead of every word at
    every position (five times faster than a flat alternation over a whole article)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie) + ")"


_alt = alternation


@functools.lru_cache(maxsize=1)
def _lex():
    d = _data()
    titles = {t.lower(): t for t in d["titles"]}
    abbrev = {"sen.": "Senator", "sens.": "Senator", "rep.": "Representative", "reps.": "Representative",
              "gov.": "Governor", "lt. gov.": "Lieutenant Governor", "gen.": "General", "lt. gen.": "Lieutenant General",
              "maj. gen.": "Major General", "brig. gen.": "Brigadier General", "adm.": "Admiral", "col.": "Colonel",
              "lt. col.": "Lieutenant Colonel", "maj.": "Major", "capt.": "Captain", "lt.": "Lieutenant",
              "sgt.": "Sergeant", "prof.": "Professor", "rev.": "Reverend"}
    lx = dict(
        honor={k.lower(): v for k, v in d["honorifics"].items()},
        titles=titles,
        title_norm={k: abbrev.get(k, v) for k, v in titles.items()},
        max_title_words=max(len(t.split()) for t in titles),
        # the first words of the titles: a run whose word is none of them opens no title (a cheap
        # test before joining words to look titles up)
        title_firsts=frozenset(t.split(" ")[0] for t in titles),
        male={t.lower() for t in d["male_titles"]},
        female={t.lower() for t in d["female_titles"]},
        openers=set(d["sentence_openers"]),
        not_names=set(d["not_names"]),
        org_heads=set(d["organisation_heads"]),
        media_heads=set(d["media_heads"]),
        particles={p.lower() for p in d["name_particles"]},
        anaphor=d["anaphor_heads"],
        pronouns=d["pronouns"],
        seat_actors=set(d["seat_actors"]),
    )
    # list words that are also surnames ("Ruth West", "Anita Hill")
    lx["surname_words"] = frozenset(w for w in d["surname_list_words"] if not _place(w))
    role_nouns = d["role_nouns"]
    lx["role_last"] = {r.split()[-1].lower() for r in role_nouns}
    lx["role_re"] = re.compile(r"\b(" + _alt(role_nouns) + r")s?\b", re.I)
    # "journalist Tohid Asadi", "former Secretary of State Hillary Clinton": role words right before a name
    lx["pre_role_re"] = re.compile(r"(?:\b([A-Z][a-z]+)\s+)?\b(" + _alt(role_nouns) + r")\s+$")
    # appositive after a name: ", spokesperson for Iran's Ministry of Foreign Affairs,"
    lx["desc_comma_before"] = re.compile(
        r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+((?:[\w\-]+\s+){0,3}?)(" + _alt(role_nouns)
        + r")(?:\s+(?:for|of|at|to)\s+[^,;:“”\"]{1,50})?,\s*$")
    lx["appos_re"] = re.compile(r"^,\s+(?:(?:the|a|an|its|his|her)\s+)?(?P<body>[^,.;:()\"“”\n]{2,110}?)(?=,|\.|;|\s+(?:said|says|told|who|which|and)\b)")
    # group nouns: "Western diplomats", "senior administration officials", "U.S. officials"
    mods = (r"(?:[A-Z][\w.\-]*|senior|top|other|some|several|many|two|three|four|five|few|former|unnamed|"
            r"anonymous|administration|government|military|intelligence|security|foreign|state|local|federal|"
            r"campaign|party|regional|european|western|arab|police|diplomatic|independent|outside|key|leading|"
            r"prominent|congressional|legal|health|election)")
    lx["group_mod"] = re.compile(mods)
    # "officials said", and "Officials in Lahore said" opening a sentence
    lx["group_nouns"] = set(d["group_nouns"])
    groups = d["group_nouns"] + [g[:1].upper() + g[1:] for g in d["group_nouns"]]
    # the lookahead (the nouns' first letters) lets the engine skip other positions with one test
    firsts = "(?=[" + "".join(sorted({re.escape(g[0]) for g in groups})) + "])"
    lx["group_noun_re"] = re.compile(firsts + r"\b" + _alt(groups) + r"\b")
    # the same nouns read from the character before them (see _group_noun_spans): the pattern opens
    # with a character class, no ASCII letter, digit or underscore, so that sre skips to such
    # characters in its C loop instead of entering the pattern at every position; \b then tells
    # that the character is no word character either ("é"). 0.107 -> 0.080 ms per PolNeAR article
    lx["group_noun_after_re"] = re.compile(r"[^A-Za-z0-9_]" + firsts + r"\b" + _alt(groups) + r"\b")
    lx["group_noun_finders"] = _word_finders(groups)
    return lx


_LETTERS = re.compile(r"[A-Za-z]{2,}")


def _word_finders(words) -> list[tuple[re.Pattern, tuple[int, ...]]] | None:
    """Patterns that find, read from their ends, the places where a word of ``words`` stands as a
    whole word (no word character on either side): what ``\b(?:words)\b`` finds, as a whole word
    can be only one of them. A word of letters ends a match of ``pattern`` that begins at
    ``m.end() - widths[m.lastindex]``. The words ending with the commonest last letter share one
    pattern opening with that letter, the engine skipping to it in a C loop (tried where a word
    ends there: a lookbehind per word length, each with an empty group telling the length); each
    other word is found from the rest of it after its first letter (a literal the engine searches
    for), its first letters tested by a lookbehind. None (scan with the plain pattern) unless every
    word is two ASCII letters or more."""
    words = sorted(set(words))
    if not words or not all(_LETTERS.fullmatch(w) for w in words):
        return None
    last_counts: dict[str, int] = {}
    for w in words:
        last_counts[w[-1]] = last_counts.get(w[-1], 0) + 1
    common = max(sorted(last_counts), key=last_counts.get)
    groups: dict[str, list[str]] = {common: [w for w in words if w[-1] == common]}
    for w in words:
        if w[-1] != common:
            groups.setdefault(w[1:], []).append(w)
    finders = []
    for ending, ws in groups.items():
        by_len: dict[int, list[str]] = {}
        for w in ws:
            by_len.setdefault(len(w), []).append(w)
        lens = sorted(by_len, reverse=True)
        behind = "|".join(r"(?<=\b" + alternation(by_len[n]) + ")()" for n in lens)
        finders.append((re.compile(re.escape(ending) + r"\b(?:" + behind + ")"), (0, *lens)))
    return finders


# --- names ---------------------------------------------------------------------------------------

# one word of a name: an abbreviation before a capitalised word ("Mr.", "Sen.", "J."), initials
# ("U.S."), or a capitalised word (letters, digits, hyphens, an apostrophe before two letters: "O'Neil").
# The word lists are character tries (alternation): each abbreviation, particle and connector must
# be followed by a character that ends it (".", a space, a hyphen), so at most one of them fits at
# a position and the order of the alternatives never matters; the letters of a word are one
# character class repeated, with an apostrophe between two runs of them (the same matches as
# "(?:[\w\-]|['’](?=[A-Za-z]{2}))*", a fifth faster)
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
                  "Adm", "Maj", "Prof", "Rev", "St", "Jr", "Sr", "Ft", "Mt", "Brig", "Pres", "Sec", "Atty")
_W = (r"(?:(?:" + alternation(_ABBREVIATIONS) + r"|[A-Z])\.(?=\s[A-Z])|(?:[A-Z]\.){2,}"
      r"|[A-Z][\w\-]*(?:['’](?=[A-Za-z]{2})[\w\-]*)*(?<![\-]))")


def _abbreviation_tails(abbreviations) -> str:
    """A regex group matching the rest of any of ``abbreviations`` once their capital has been read:
    the letters after it, each set guarded by a lookbehind on its capital ("(?<=M)(?:r(?:s)?|s...)")."""
    by_first: dict[str, list[str]] = {}
    for a in abbreviations:
        by_first.setdefault(a[0], []).append(a[1:])
    return "(?:" + "|".join(f"(?<={first}){alternation(tails)}" for first, tails in sorted(by_first.items())) + ")"


# _W after its capital: the first word of _NAME reads its capital with a plain character class and
# the rest with this (the same strings as _W: each alternative of _W opens with that capital)
_W_AFTER_CAPITAL = (r"(?:(?:" + _abbreviation_tails(_ABBREVIATIONS) + r")?\.(?=\s[A-Z])|\.(?:[A-Z]\.)+"
                    r"|[\w\-]*(?:['’](?=[A-Za-z]{2})[\w\-]*)*(?<![\-]))")
_PARTICLES = frozenset(("al", "el", "bin", "bint", "ibn", "de", "del", "della", "der", "den", "van", "von", "la",
                        "le", "du", "da", "di", "dos", "das", "abu", "ben"))
_PART = alternation(_PARTICLES)
_CONN = "(?:" + alternation(("of", "for", "on", "and", "to")) + r"(?:\s+the)?)"
# a name opens with a capital, or with a particle and a hyphen before one ("al-Assad", "bin-Laden"):
# the regex starts names at capitals only, and _name_start puts an opening particle back in front
# (a third faster than starting at the particles' first letters too). The pattern opens with the
# character class [A-Z] itself, the "no word character before" test coming after it as a two-character
# lookbehind: the engine then skips to the next capital in one C loop instead of trying the pattern
# at every position (sre does this only for a pattern whose first item is a character or a set;
# the name scan 0.057 -> 0.032 ms per PolNeAR article)
_NAME = re.compile(
    rf"[A-Z](?<![\w’'].){_W_AFTER_CAPITAL}(?:(?:[ ]|-)(?:(?:{_PART}[ -])|{_CONN}[ ])?(?:{_PART}-)?{_W})*")
_LONGEST_PARTICLE = max(map(len, _PARTICLES))


def _name_start(text: str, start: int, lo: int) -> int:
    """Where a name that ``_NAME`` matched from its capital at ``start`` opens: at a particle joined
    to it by a hyphen ("al-Assad") when the particle stands alone (no letter, digit or apostrophe
    right before it) at or after ``lo`` (the end of the previous name); else at ``start``."""
    hyphen = start - 1
    if hyphen < 0 or text[hyphen] != "-":
        return start
    for size in range(2, _LONGEST_PARTICLE + 1):
        p = hyphen - size
        if p < lo:
            break
        if text[p:hyphen] in _PARTICLES and (p == 0 or not (text[p - 1].isalnum() or text[p - 1] in "_’'")):
            return p
    return start
_POSS_AFTER = re.compile(r"^['’]s?\b|^['’](?=\s)")
_APOSTROPHES = ("'", "’")
_DEMONYM_KINDS = ("demonym",)

# each alternative opens with its quotation mark (the straight quote's "no word character before"
# is tested after it) so that the engine looks only at quotation marks
_QUOTED = re.compile(r"“[^”\n]*”|\"(?<!\w\")[^\"\n]*\"")


def _inside(regions: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(regions, (offset, 1 << 60)) - 1
    return i >= 0 and regions[i][0] < offset < regions[i][1]


_TWO_APOSTROPHES = re.compile(r"''")


def quote_marks_normalised(text: str) -> str:
    """``text`` with each pair of apostrophes used as a double quotation mark (''Like this,''
    the New York Times style) written as one straight double quote plus a space, so that every
    offset stays the same: an opening pair becomes ' "', a closing pair '" '."""
    if "''" not in text:
        return text

    def mark(m: re.Match) -> str:
        nxt = text[m.end():m.end() + 1]
        return ' "' if nxt.isalnum() or nxt in "‘'“$" else '" '

    return _TWO_APOSTROPHES.sub(mark, text)


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(quote_marks_normalised(text))]


@functools.lru_cache(maxsize=65536)
def _place(surface: str) -> tuple[str, str] | None:
    """(code, kind) from the gazetteer for a surface, or None."""
    return gazetteer().entries.get(_place_key(surface))


def _is_media(words: list[str], lx) -> bool:
    s = " ".join(words)
    if s in lx["media_heads"]:
        return True
    if len(words) >= 2 and (words[-1] in lx["media_heads"] or " ".join(words[-2:]) in lx["media_heads"]):
        return True
    return False


def _split_words(g: str) -> list[tuple[int, int, str]]:
    """The words of a name run with their offsets in it (a run holds single spaces or hyphens only)."""
    if " " not in g:   # most runs are one word
        return [(0, len(g), g)]
    out, pos = [], 0
    for w in g.split(" "):
        if w:
            out.append((pos, pos + len(w), w))
        pos += len(w) + 1
    return out


# the words _split_connectors splits a run at (or keeps inside an organisation's name)
_CONNECTORS = frozenset(("of", "for", "on", "and", "to", "the"))


def _split_connectors(words, lx):
    """'Trump and Clinton' -> two runs; 'Ministry of Foreign Affairs' / 'Secretary of State' kept."""
    if len(words) == 1 and words[0][2] not in ("of", "for", "on", "and", "to", "the"):
        return [words]
    runs, cur = [], []
    i = 0
    while i < len(words):
        w = words[i][2]
        if w in ("of", "for", "on", "and", "to", "the"):
            prev = cur[-1][2] if cur else ""
            # "Ministry of Foreign Affairs and Trade" is one name; "Senate Majority Leader X on
            # Monday" and "Senate Majority Leader X and Sen. Y" are not (a titled person ends it)
            org_name = any(x[2] in lx["org_heads"] for x in cur) and not any(
                x[2].lower() in lx["titles"] or x[2].lower() in lx["honor"] for x in words)
            keep = (prev in lx["org_heads"] or prev.lower() in lx["titles"] or prev in lx["media_heads"]
                    or org_name) and w != "and"
            if w == "and" and cur and org_name:
                keep = True
            if keep:
                cur.append(words[i])
            else:
                # drop the connector (and a following 'the')
                if cur:
                    runs.append(cur)
                cur = []
                if i + 1 < len(words) and words[i + 1][2] == "the":
                    i += 1
            i += 1
            continue
        cur.append(words[i])
        i += 1
    if cur:
        runs.append(cur)
    # trailing connectors are not names
    out = []
    for r in runs:
        while r and r[-1][2] in ("of", "for", "on", "and", "to", "the"):
            r = r[:-1]
        if r:
            out.append(r)
    return out


class _Run(NamedTuple):
    """One run of a ``_NAME`` match that may name an actor: character offsets in the match of the
    run, of the words its shape keeps, and the shape of its words (:func:`_run_shape`)."""
    start: int
    first: int       # the first word after sentence openers
    kept: int        # the first word after titles, honorifics and nationality adjectives
    name_from: int   # the first word of a person's name
    end: int
    shape: "_Shape"


@functools.lru_cache(maxsize=65536)
def _match_runs(g: str) -> tuple[_Run, ...]:
    """The runs of one ``_NAME`` match ``g`` (split at connectors: 'Trump and Clinton') whose words
    may name an actor; the runs that their words alone rule out (a lone sentence opener, a place,
    a calendar word) are left out. Cached: the same names recur within and across articles, so
    most matches cost one look-up here."""
    lx = _lex()
    if g in lx["openers"]:
        return ()   # a lone sentence opener ("The", "But")
    # the common cases without splitting: one word, or words with no connector between them (the
    # run is then the whole match, its words those of g.split(" "))
    if " " not in g:
        if g not in _CONNECTORS:
            shape = _run_shape(g)
            return () if shape is None else (_Run(0, 0, 0, 0, len(g), shape),)
    else:
        words = g.split(" ")
        if _CONNECTORS.isdisjoint(words) and "" not in words:
            shape = _run_shape(g)
            if shape is None:
                return ()
            starts, pos = [], 0
            for w in words:
                starts.append(pos)
                pos += len(w) + 1
            return (_Run(0, starts[shape.first], starts[shape.kept], starts[shape.name_from], len(g), shape),)
    return _split_runs(g, lx)


def _split_runs(g: str, lx) -> tuple[_Run, ...]:
    """:func:`_match_runs` of any match: its words split at connectors, each run's shape."""
    out = []
    for run in _split_connectors(_split_words(g), lx):
        # the words joined by single spaces ("of  the" in a match is the two words "of the")
        shape = _run_shape(run[0][2] if len(run) == 1 else " ".join([w[2] for w in run]))
        if shape is not None:
            out.append(_Run(run[0][0], run[shape.first][0], run[shape.kept][0], run[shape.name_from][0],
                            run[-1][1], shape))
    return tuple(out)


# --- the index -----------------------------------------------------------------------------------

# patterns of ActorIndex's lookups and pronoun resolution
_LEADING_THE = re.compile(r"^(?:the\s+)", re.I)
_APOSTROPHE_S_END = re.compile(r"['’]s?$")  # "Iran's", "the ministers’"
_POSSESSIVE_S_END = re.compile(r"['’]s$")
_LEADING_DETERMINER = re.compile(r"^(?:the|that|this|a|an)\s+")
_HE_OR_SHE = re.compile(r"\b(?:he|she|He|She)\b")
_HE = re.compile(r"\b(?:he|He)\b")
_SHE = re.compile(r"\b(?:she|She)\b")


class ActorIndex:
    """All actor mentions of one text; see the module docstring."""

    def __init__(self, text: str, mentions: list[ActorMention], actors: dict[str, Actor],
                 quoted: list[tuple[int, int]], sents: list[tuple[int, int]], aliases: dict[str, list[str]],
                 sentence_starts: list[int] | None = None):
        self.text = text
        self.mentions = mentions
        self.actors = actors
        self.quoted = quoted
        self.sentences = sents
        self._aliases = aliases
        self._starts = [m.start for m in mentions]
        # the sentences' starts, for the bisection of every pronoun resolution (built once here)
        self._sentence_starts = [s for s, _ in sents] if sentence_starts is None else sentence_starts

    def __iter__(self):
        return iter(self.mentions)

    def __len__(self):
        return len(self.mentions)

    def actor(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def mention_at(self, start: int, end: int) -> ActorMention | None:
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
            if m.start >= end:
                break
        return None

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def in_quote(self, offset: int) -> bool:
        return _inside(self.quoted, offset)

    def lookup(self, surface: str, offset: int | None = None) -> Actor | None:
        """A name as written -> its actor (surnames and aliases resolve to the fullest name)."""
        s = _LEADING_THE.sub("", surface.strip())
        s = _APOSTROPHE_S_END.sub("", s)
        lx = _lex()
        words = s.split()
        while words and (words[0].lower() in lx["honor"] or words[0].lower() in lx["titles"]):
            words = words[1:]
        s = " ".join(words)
        if s in self.actors:
            return self.actors[s]
        names = self._aliases.get(s)
        if names:
            return self.actors[self._pick(names, offset)]
        p = _place(s)
        if p and p[0]:
            return Actor(s, "organisation", "", p[0])
        return None

    def _pick(self, names: list[str], offset: int | None) -> str:
        if len(names) == 1 or offset is None:
            return names[0]
        best, best_pos = names[0], -1
        for m in self.mentions:
            if m.start >= offset:
                break
            if m.name in names and m.start > best_pos:
                best, best_pos = m.name, m.start
        return best

    def _sentence_index(self, offset: int) -> int:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return max(i, 0)

    def resolve(self, offset: int, phrase: str) -> Actor | None:
        """The actor a pronoun or definite description at ``offset`` most likely refers to."""
        lx = _lex()
        p = phrase.strip().lower()
        p = _POSSESSIVE_S_END.sub("", p)
        if p in ("his", "him"):
            p = "he"
        if p == "her":
            p = "she"
        if p in lx["pronouns"]:
            g = lx["pronouns"][p]
            if g in ("m", "f"):
                return self._resolve_pronoun(offset, g)
            if g == "p":
                return self._resolve_desc(offset, "group", None, None) or self._resolve_desc(offset, "organisation", None, None)
            if g == "n":
                return self._resolve_desc(offset, "organisation", None, None) or self._resolve_desc(offset, "media", None, None)
            return None
        # definite description: the (Omani) (foreign) agency/minister/spokesman
        words = _LEADING_DETERMINER.sub("", p).split()
        if not words:
            return None
        country = None
        head = None
        for n in (3, 2, 1):
            cand = " ".join(words[-n:])
            if cand in lx["anaphor"]:
                head = cand
                mods = words[:-n]
                break
        if head is None:
            return None
        for w in mods:
            c = _place(w)
            if c and c[0]:
                country = c[0]
        kind = lx["anaphor"][head]
        return self._resolve_desc(offset, kind, head, country)

    def _resolve_desc(self, offset, kind, head, country) -> Actor | None:
        head_root = head.split()[-1] if head else None
        if head_root in ("spokesman", "spokeswoman", "spokesperson"):
            head_root = "spokes"
        for m in reversed(self.mentions):
            if m.start >= offset or m.in_quote:
                continue
            a = self.actors[m.name]
            if kind == "media" and a.kind != "media":
                continue
            if kind == "organisation" and a.kind not in ("organisation", "media"):
                continue
            if kind == "person" and a.kind != "person":
                continue
            if kind == "group" and a.kind != "group":
                continue
            if country and a.country and a.country != country:
                continue
            if kind == "person" and head_root:
                if head_root not in (a.role or "").lower():
                    continue
            if kind == "organisation" and head_root and head_root not in (a.name + " " + a.role).lower():
                continue
            return a
        return None

    def _resolve_pronoun(self, offset: int, gender: str, depth: int = 0) -> Actor | None:
        """Subject of the nearest sentence (first person named in it, outside quotes), walking back
        over sentences whose subject is a compatible pronoun."""
        si = self._sentence_index(offset)
        pron_re = _HE_OR_SHE
        for k in range(si, max(-1, si - 8), -1):
            s, e = self.sentences[k]
            e = min(e, offset)
            if e <= s:
                continue
            cands = []
            for m in self.mentions_in(s, e):
                if m.kind != "person" or m.in_quote:
                    continue
                a = self.actors[m.name]
                if a.gender and a.gender != gender:
                    continue
                cands.append((m.start, m, a))
            if not cands:
                continue
            if depth < 2:
                # an unknown-gender person already taken by a pronoun of the other gender is not a candidate
                other = "f" if gender == "m" else "m"
                pr_other = _SHE if other == "f" else _HE
                kept = []
                for c in cands:
                    if c[2].gender:
                        kept.append(c)
                        continue
                    taken = False
                    for pm in pr_other.finditer(self.text, c[1].end, offset):
                        if not self.in_quote(pm.start()):
                            r = self._resolve_pronoun(pm.start(), other, depth + 1)
                            if r is not None and r.name == c[2].name:
                                taken = True
                                break
                    if not taken:
                        kept.append(c)
                cands = kept
            non_poss = [c for c in cands if not c[1].possessive]
            pool = non_poss or cands
            if pool:
                # a pronoun of the same gender before the first name: the subject is a pronoun -> go
                # back (looked for only in a sentence with a candidate: it decides nothing elsewhere)
                first_pron = None
                for pm in pron_re.finditer(self.text, s, e):
                    if not self.in_quote(pm.start()):
                        g = "m" if pm.group().lower() == "he" else "f"
                        if g == gender:
                            first_pron = pm.start()
                            break
                if first_pron is not None and first_pron < pool[0][0] and k != si:
                    continue
                if k == si:
                    return pool[-1][2] if first_pron is None or pool[-1][0] > first_pron else pool[0][2]
                return pool[0][2]
        return None


def _token_before(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    r"""(start, word) of the last whitespace-delimited word of ``text[lo:hi]`` when only whitespace
    follows it there (cut at ``lo`` if it starts before), else None: what ``(\S+)(\s+)$`` finds
    searching that window, without trying the regex at every position of it."""
    window = text[lo:hi]
    stripped = window.rstrip()
    if not stripped or len(stripped) == len(window):
        return None
    word = stripped.rsplit(None, 1)[-1]
    return lo + len(stripped) - len(word), word
# subject pronouns and reflexives only: an object or possessive ("Varnholt spoke after him", "criticised
# his plan") mostly names someone else
# (the lookahead lets the engine skip every position that opens none of the words with one test)
_GENDERED_PRONOUN = re.compile(r"(?=[hsHS])\b(?:(he|himself|He)|(she|herself|She))\b")


def _genders_from_pronouns(text, mentions, actors, quoted, sents, starts) -> None:
    """A person whose gender no honorific or title tells: the subject pronouns that follow the
    person in sentences naming no other person ("Clinton said she would ..."), when they agree (at
    least twice as many of one gender, outside quotation marks). ``mentions``: the tuples of
    find_actors (start, end, text, name, kind, ..., in_quote), sorted by start; ``starts`` the
    sentences' starts."""
    # one pass over the person mentions (in order of start): the names without a gender, and for
    # each sentence (index in ``starts``, -1 before the first) its first person outside quotation
    # marks, where that mention ends, and whether every such person in it is that one
    unknown: set[str] = set()
    by_sentence: dict[int, list] = {}
    k, n_sents = -1, len(starts)
    for m in mentions:
        if m[4] != "person":
            continue
        name = m[3]
        if not actors[name].gender:
            unknown.add(name)
        if m[9]:
            continue
        while k + 1 < n_sents and starts[k + 1] <= m[0]:
            k += 1
        first = by_sentence.get(k)
        if first is None:
            by_sentence[k] = [name, m[1], True]
        elif first[0] != name:
            first[2] = False
    if not unknown:
        return
    votes: dict[str, list[int]] = {}
    for k, (name, lo, alone) in by_sentence.items():
        if not alone or name not in unknown:
            continue
        hi = sents[k][1] if k >= 0 else len(text)
        if k + 1 < len(sents) and k + 1 not in by_sentence and text.startswith(("He ", "She "), sents[k + 1][0]):
            hi = sents[k + 1][0] + 4   # "Varnholt spoke first. She said ..."
        for pm in _GENDERED_PRONOUN.finditer(text, lo, hi):
            if not _inside(quoted, pm.start()):
                v = votes.setdefault(name, [0, 0])
                v[0 if pm.group(1) else 1] += 1
    for name, (m, f) in votes.items():
        if m >= 2 * f and m:
            actors[name].gender = "m"
        elif f >= 2 * m and f:
            actors[name].gender = "f"


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:]['’\"”]?\s+|\n[\"“]?)$")


def _group_noun_spans(text: str, lx) -> list[tuple[int, int]]:
    """The spans of the group nouns in ``text``, in order: what ``group_noun_re.finditer`` finds.
    The nouns are read from their ends (``_word_finders``: the engine skips to an "s" before a
    non-word character, or to the rest of "people", in its C loops): half the time of a scan that
    stops at every character that may come before a noun. Without such finders (a noun that is
    not plain letters), a noun opening the text is matched there and every other one is found
    with the character before it (``group_noun_after_re``), which never belongs to the previous
    noun (a noun ends with a letter)."""
    finders = lx["group_noun_finders"]
    if finders is not None:
        out = []
        for pattern, widths in finders:
            out.extend((m.end() - widths[m.lastindex], m.end()) for m in pattern.finditer(text))
        if len(finders) > 1:
            out.sort()   # whole words: no two spans overlap
        return out
    out = []
    m = lx["group_noun_re"].match(text)
    if m:
        out.append(m.span())
    out.extend((m.start() + 1, m.end()) for m in lx["group_noun_after_re"].finditer(text))
    return out


def _group_spans(text: str, lx) -> list[tuple[int, int]]:
    """Spans of group nouns with up to three modifiers right before them ("Western diplomats",
    "senior administration officials", "U.S. officials")."""
    out: list[tuple[int, int]] = []
    last_end = 0
    mod = lx["group_mod"]
    for start, g_end in _group_noun_spans(text, lx):
        if text[start].isupper() and text[start:g_end] not in lx["group_nouns"] and start > 0 \
                and not _SENTENCE_BEFORE.search(text, max(0, start - 4), start):
            continue  # a capitalised group noun only opening a sentence ("Officials in Lahore said")
        for _ in range(3):
            token = _token_before(text, max(last_end, start - 40), start)
            if token is None or not mod.fullmatch(token[1]) or (token[0] > 0 and not text[token[0] - 1].isspace()):
                break
            start = token[0]
        out.append((start, g_end))
        last_end = g_end
    return out


def find_actors(text: str) -> ActorIndex:
    """Every person, organisation, group and media mention in ``text`` (see the module docstring)."""
    lx = _lex()
    quoted = _quoted_regions(text)
    sents = sentences(text)
    # raw mentions, in text order: (start, end, name, kind, role, country, gender, poss, strong, list_word)
    raw: list[tuple] = []

    last_end = 0
    for m in _NAME.finditer(text):
        base, end = m.span()
        if text[base - 1:base] == "-":   # "al-Assad": the particle opens the name
            base = _name_start(text, base, last_end)
        last_end = end
        runs = _match_runs(text[base:end])
        if runs:
            for run in runs:
                _classify(text, base, run, lx, raw)

    # single capitalised words: keep when they name a known person (surname/first name) or org alias,
    # or stand right before a speech verb / after an honorific (handled in _classify)
    aliases: dict[str, list[str]] = {}
    actors: dict[str, Actor] = {}
    particles = lx["particles"]

    def add_actor(name, kind, role, country, gender):
        a = actors.get(name)
        if a is None:
            a = actors[name] = Actor(name, kind, role, country, gender)
        else:
            a.role = a.role or role
            a.country = a.country or country
            a.gender = a.gender or gender
        return a

    # the aliases of a full name are its own words only: worked out once per distinct name (adding
    # them again changes nothing)
    full_names: set[str] = set()
    strong_names: set[str] = set()
    for start, end, name, kind, role, country, gender, poss, strong, list_word in raw:
        if kind == "person":
            if strong:
                strong_names.add(name)
            if " " not in name:   # two words or more (single spaces)
                continue
            a = add_actor(name, "person", role, country, gender)
            if name in full_names:
                continue
            full_names.add(name)
            ws = name.split()
            last = ws[-1]
            for al in {last, " ".join(ws[-2:]) if ws[-2].lower() in particles else last}:
                if name not in aliases.setdefault(al, []):
                    aliases[al].append(name)
                a.aliases.add(al)
            if "-" in last and last.split("-")[0].lower() in particles:
                al = last.split("-", 1)[1]
                if name not in aliases.setdefault(al, []):
                    aliases[al].append(name)
        elif kind in ("organisation", "media", "group"):
            add_actor(name, kind, role, country, "")
    # first names as aliases only when unambiguous and not someone's surname
    firsts: dict[str, list[str]] = {}
    for name, a in actors.items():
        if a.kind == "person":
            ws = name.split()
            if len(ws) >= 2 and not ws[0].endswith("."):
                firsts.setdefault(ws[0], []).append(name)
    for f, names in firsts.items():
        if len(names) == 1 and f not in aliases:
            aliases[f] = names

    # a lone surname that is clearly a person somewhere ("Priebus said") is one everywhere.
    # Mentions as tuples (start, end, text, name, kind, role, country, gender, possessive, in_quote)
    # until the actors are complete: the ActorMention of each is built once, at the end
    quoted_starts = [qs for qs, _ in quoted]
    mentions: list[tuple] = []
    last_start: dict[str, int] = {}   # canonical name -> start of its latest mention (raw is in text order)
    for start, end, name, kind, role, country, gender, poss, strong, list_word in raw:
        written = name
        if kind == "person" and " " not in name:
            full = aliases.get(name)
            if full and list_word:
                # a list word ("West", "June") stands for a person only as a surname, never a first name
                full = [fn for fn in full if fn.split()[-1] == name]
            if full:
                # most recent full mention before this one
                cand = full[0]
                if len(full) > 1:
                    best = -1
                    for fn in full:
                        st = last_start.get(fn, -1)
                        if best < st < start:
                            cand, best = fn, st
                name = cand
            elif name not in strong_names:
                continue
        a = add_actor(name, kind, role, country, gender)
        if kind == "person" and name != written:
            a.aliases.add(written)
        i = bisect.bisect_right(quoted_starts, start) - 1
        inq = i >= 0 and quoted[i][0] < start < quoted[i][1]
        last_start[name] = start
        mentions.append((start, end, text[start:end], name, a.kind, role, country, gender, poss, inq))
    openers = lx["openers"]
    for gs, ge in _group_spans(text, lx):
        phrase = text[gs:ge]
        words = phrase.split()
        first = words[0]
        if first in openers and len(words) > 1 and first not in ("Western", "Senior", "Top"):
            gs += len(first) + 1
            phrase = text[gs:ge].lstrip()
            words = phrase.split()
        cty = ""
        for w in words[:-1]:
            p = _place(w)
            if p and p[0]:
                cty = p[0]
                break
        add_actor(phrase, "group", "", cty, "")
        i = bisect.bisect_right(quoted_starts, gs) - 1
        inq = i >= 0 and quoted[i][0] < gs < quoted[i][1]
        mentions.append((gs, ge, phrase, phrase, "group", "", cty, "", False, inq))
    mentions.sort(key=_span_order)
    # drop group mentions overlapping a named mention
    out, last_end = [], -1
    for mm in mentions:
        if mm[0] < last_end:
            continue
        out.append(mm)
        last_end = mm[1]
    sentence_starts = [s for s, _ in sents]
    _genders_from_pronouns(text, out, actors, quoted, sents, sentence_starts)
    # the merged actor fills the role, country and gender a mention does not give (an actor's
    # role, country and gender never change once set, so they are read once here)
    final = []
    for start, end, written, name, kind, role, country, gender, poss, inq in out:
        a = actors[name]
        final.append(_mention(start, end, written, name, kind, role or a.role, country or a.country,
                              gender or a.gender, poss, inq))
    return ActorIndex(text, final, actors, quoted, sents, aliases, sentence_starts)


def _span_order(m: tuple) -> tuple[int, int]:
    """Sort key of a mention tuple: by start, the longer first."""
    return m[0], -m[1]


# a speech verb after a name, after asides (", the former governor,") and auxiliaries ("also",
# "went on to"); matched at the name's end with pos/endpos (no slice). Only whether it matches is
# used, so the word lists are character tries (alternation): the same strings match in any order
_CUE_AFTER_AUXILIARIES = ("also", "later", "has", "had", "have", "then", "previously", "went on to",
                          "was quick to", "would", "will")
_CUE_AFTER_VERBS = ("said", "says", "say", "told", "tells", "added", "adds", "stressed", "noted", "insisted",
                    "warned", "urged", "wrote", "writes", "elaborated", "recalled", "acknowledged", "argues",
                    "predicted", "suggested", "argued", "claimed", "asked", "explained", "declared", "announced",
                    "accused", "denied", "confirmed", "reported", "tweeted", "called", "responded", "replied",
                    "continued", "stated")
_CUE_AFTER = re.compile(r"\s*(?:(?:,[^,\n]{1,120}){1,3},\s*)?(?:" + alternation(_CUE_AFTER_AUXILIARIES) + r"\s+)*"
                        + alternation(_CUE_AFTER_VERBS) + r"\b")
_CUE_BEFORE = re.compile(r"(?:\b(?:said|says|according\s+to|added|asked|wrote|explained|told))\s+$")
# the last letters of _CUE_BEFORE's words, _CUE_AFTER's first letters: cheap tests before the regexes
_CUE_BEFORE_ENDS = ("said", "says", "to", "added", "asked", "wrote", "explained", "told")
# what the first character after the spaces must be for _CUE_AFTER to match: the comma of an
# aside or the first letter of an auxiliary or verb (the pattern is case-sensitive)
_CUE_AFTER_FIRST = frozenset(",").union(w[0] for w in _CUE_AFTER_AUXILIARIES + _CUE_AFTER_VERBS)
# the last letters of _CUE_BEFORE_ENDS and _AT_PLACE_ENDS: what the character before the space
# before a name must be for either to match
_CUE_BEFORE_LAST = frozenset(w[-1] for w in _CUE_BEFORE_ENDS)


def _next_char(text: str, pos: int) -> str:
    """The first character after the whitespace at ``pos`` (within 140 characters), "" if none."""
    c = text[pos:pos + 1]
    if c == " ":   # one space before the next word: the common case, without a slice to strip
        c = text[pos + 1:pos + 2]
    if c.isspace():
        c = text[pos:pos + 140].lstrip()[:1]
    return c


def _cue_after(text: str, end: int) -> bool:
    """A speech verb (after asides) follows ``end``: ``_CUE_AFTER`` on the next 140 characters."""
    return _next_char(text, end) in _CUE_AFTER_FIRST and _CUE_AFTER.match(text, end, end + 140) is not None


def _cue_before(text: str, start: int) -> bool:
    """A speech verb ("said", "according to") and spaces end the 20 characters before ``start``."""
    return _may_end_before(text, start, 20, _CUE_BEFORE_LAST, _CUE_BEFORE_ENDS) \
        and _CUE_BEFORE.search(text[max(0, start - 20):start]) is not None


def _may_end_before(text: str, start: int, width: int, last: frozenset, ends: tuple) -> bool:
    """The cheap tests before a pattern that ends with one of the words ``ends`` (whose last
    letters are ``last``) and spaces, on the ``width`` characters before ``start``: False when
    they rule the pattern out. The common case first: one space after a character that ends none
    of the words and is no space."""
    if start >= 2 and text[start - 1] == " ":
        c = text[start - 2]
        if c not in last and not c.isspace():
            return False
    before = text[max(0, start - width):start]
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped.endswith(ends)


def _poss_after(text: str, end: int) -> bool:
    """A possessive ('s, ’s, or a bare apostrophe before a space) right after ``end``."""
    return text[end:end + 1] in ("'", "’") and _POSS_AFTER.match(text[end:end + 3]) is not None


# sentence openers that belong to an organisation's name ("Republican National Committee")
_ORG_MODIFIERS = {"Republican", "Democratic", "GOP", "New", "National", "Top", "Senior", "Western"}


_INITIAL = re.compile(r"[A-Z]\.")  # a name's initial ("George W. Bush"), with fullmatch


class _Shape(NamedTuple):
    """What the words of a capitalised run say by themselves, before the text around them is read
    (see :func:`_run_shape`). ``first``, ``kept`` and ``name_from`` are indices of words in the run."""
    first: int              # the first word after leading sentence openers ("The", "But")
    place: tuple | None     # the gazetteer entry of the run from ``first`` on (decided by context)
    name: str               # the name: the words from ``kept`` (or from ``first`` when ``place``)
    single: bool            # one word from ``first`` on (with ``place``)
    media: bool             # the words from ``first`` on make a media name (with ``place``)
    kind: str = ""          # "place" | "media" | "organisation" | "person" (without ``place``)
    kept: int = 0           # the first word after honorifics, titles and nationality adjectives
    code: str = ""          # "place": the entry's country code
    role: str = ""          # the first title stripped ("Foreign Minister"), "" if none
    has_role: bool = False
    gender: str = ""
    country: str = ""       # from a nationality adjective or a country before a title
    strong: bool = False    # a title or honorific made the run a person
    org_country: str = ""   # "organisation": a demonym or country among its words
    name_from: int = 0      # "person": the first word of the name (leading place modifiers dropped)
    size: int = 0           # "person": words in the name
    list_surname: bool = False  # "person": a list word closing the name ("Ruth West")
    middle_cue: bool = False    # "person": a list word inside, kept only next to a speech verb
    list_word: bool = False     # "person": one list word that is also a surname ("West")


def _word_shape(word: str, lx) -> _Shape | None:
    """:func:`_run_shape` of one word, without its steps that need two words or more: a sentence
    opener, an honorific or a list word that is no surname is none; the gazetteer, media and
    organisation words; an acronym is none; anything else is a one-word person."""
    if word in lx["openers"]:
        return None
    p = _place(word)
    if p:
        return _Shape(0, p, word, True, p[1] in ("institution", "organisation", "seat") and word in lx["media_heads"])
    if word.lower() in lx["honor"]:
        return None
    if word in lx["media_heads"]:
        return _Shape(0, None, word, False, False, "media")
    if word in lx["org_heads"]:
        return _Shape(0, None, word, False, False, "organisation")
    if word in lx["not_names"]:
        return _Shape(0, None, word, False, False, "person", size=1, list_word=True) \
            if word in lx["surname_words"] else None
    if word.isupper() and len(word) > 1:
        return None
    return _Shape(0, None, word, False, False, "person", size=1)


@functools.lru_cache(maxsize=65536)
def _run_shape(run_text: str) -> _Shape | None:
    """The context-free part of :func:`_classify` for a run's words (joined by single spaces):
    openers, titles, honorifics and nationality adjectives stripped from the left, the gazetteer,
    media and organisation words, list words. None when the words alone rule the run out. Cached:
    the same names recur within and across articles."""
    lx = _lex()
    if " " not in run_text:
        return _word_shape(run_text, lx)
    return _words_shape(run_text, lx)


def _words_shape(run_text: str, lx) -> _Shape | None:
    """:func:`_run_shape` of any run (one word or more)."""
    words = run_text.split(" ")
    n = len(words)
    # leading sentence openers ("The", "But") and determiners
    org_run = n > 1 and not (lx["org_heads"].isdisjoint(words[1:]) and lx["media_heads"].isdisjoint(words[1:]))
    while words and words[0] in lx["openers"] and not (org_run and words[0] in _ORG_MODIFIERS):
        words = words[1:]
    if not words:
        return None
    first = n - len(words)
    full = run_text if first == 0 else words[0] if len(words) == 1 else " ".join(words)
    # the whole run in the gazetteer: institution / organisation / seat (decided in _classify)
    p = _place(full)
    if p:
        media = p[1] in ("institution", "organisation", "seat") and _is_media(words, lx)
        return _Shape(first, p, full, len(words) == 1, media)
    whole, whole_name = words, full
    role_parts: list[str] = []
    gender = ""
    country = ""
    strong = False
    # "Texas Sen. Ted Cruz", "Former Arkansas Gov. Mike Huckabee": modifiers before the last title
    for k in range(len(words) - 2, 0, -1):
        wk = words[k].lower()
        # the title may be several words: "Senate Majority Leader Mitch McConnell"
        titled = wk in lx["title_firsts"] and any(" ".join(words[k:k + m]).lower() in lx["titles"]
                                                  for m in range(1, min(3, len(words) - 1 - k) + 1))
        if wk in lx["honor"] or (titled and words[k][:1].isupper() and
                                 all(_place(w) or w in lx["not_names"] or w in lx["openers"] or w.lower() in lx["titles"]
                                     for w in words[:k])):
            for w in words[:k]:
                pw = _place(w)
                if pw and pw[0] and pw[1] in ("demonym", "country"):
                    country = country or pw[0]
            words = words[k:]
            break
    else:
        if len(words) >= 4:
            cut = _org_title_name_cut(words, lx)
            if cut:
                k, m, role = cut
                for w in words[:k]:
                    pw = _place(w)
                    if pw and pw[0] and pw[1] in ("demonym", "country"):
                        country = country or pw[0]
                t = " ".join(words[k:k + m]).lower()
                gender = "m" if t in lx["male"] else "f" if t in lx["female"] else gender
                role_parts.append(role)
                words = words[k + m:]
                strong = True
    # strip honorifics, titles and nationality adjectives from the left
    changed = True
    while words and changed:
        changed = False
        w0 = words[0]
        if w0.lower() in lx["honor"]:
            gender = gender or lx["honor"][w0.lower()]
            words = words[1:]
            strong = True
            changed = True
            continue
        longest = min(lx["max_title_words"], len(words)) if w0.lower() in lx["title_firsts"] else 0
        for m in range(longest, 0, -1):
            t = " ".join(words[:m]).lower()
            if t in lx["titles"] and (m < len(words)):
                role_parts.append(lx["title_norm"][t])
                if m + 2 < len(words) and words[m] in ("of", "for"):
                    # "Secretary of Agriculture Richard Lyng", "Minister for Foreign Affairs Ali Zand":
                    # the portfolio belongs to the title, the name is the last two words (three with
                    # a particle or an initial)
                    k = len(words) - 2
                    if k - 1 > m + 1 and (words[k - 1].lower() in lx["particles"] or _INITIAL.fullmatch(words[k])):
                        k -= 1
                    if k <= m + 1:
                        k = len(words) - 1
                    if k <= m + 1:
                        return None
                    role_parts[-1] += " " + " ".join(words[m:k])
                    m = k
                if t in lx["male"]:
                    gender = gender or "m"
                elif t in lx["female"]:
                    gender = gender or "f"
                words = words[m:]
                strong = True
                changed = True
                break
        if changed:
            continue
        if len(words) > 1:
            pw = _place(w0)
            if pw and pw[0] and (pw[1] == "demonym" or words[1].lower() in lx["titles"]
                                 or words[1] in lx["org_heads"]):
                if pw[1] == "demonym" or words[1].lower() in lx["titles"]:
                    country = country or pw[0]
                    words = words[1:]
                    changed = True
    if not words:
        return None
    kept = n - len(words)
    names = words
    full = whole_name
    if words is not whole:
        full = " ".join(names)
        p = _place(full)
        if p:
            if p[1] in ("institution", "organisation", "seat"):
                return _Shape(first, None, full, False, _is_media(names, lx), "place", kept, p[0] or "",
                              country=country)
            return None
    role = role_parts[0] if role_parts else ""
    has_role = bool(role_parts)
    if _is_media(names, lx):
        return _Shape(first, None, full, False, False, "media", kept, country=country)
    if not lx["org_heads"].isdisjoint(names):
        # "Iranian Foreign Ministry": country from a demonym inside
        org_country = ""
        for w in names:
            pc = _place(w)
            if pc and pc[0] and pc[1] in ("demonym", "country"):
                org_country = pc[0]
                break
        return _Shape(first, None, full, False, False, "organisation", kept, country=country, org_country=org_country)
    # persons: a place or calendar word leading a longer name is a modifier ("Chicago Alderman Jo
    # Ervin"); one anywhere else is not a name ("Capitol Hill", "Super Tuesday"), except as a first
    # name before a surname ("Bill Ervin", "Virginia Foxx"); no all-caps acronyms
    while len(names) > 2 and names[0] in lx["not_names"] and _place(names[0]):
        names = names[1:]
        full = " ".join(names)
    name_from = n - len(names)
    # a list word closing a name after a given name may be a surname ("Ruth West", "Anita Hill"):
    # kept when the name is clearly a person (a title, role or speech verb around it, tested in
    # _classify); alone it is kept only as the short form of such a person ("West said")
    list_surname = middle_cue = False
    if len(names) > 1:
        if not lx["not_names"].isdisjoint(names[1:]):
            list_surname = names[-1] in lx["surname_words"] and lx["not_names"].isdisjoint(names[:-1]) \
                and not any(_place(w) for w in names[:-1])
            if not list_surname:
                # "said Kathleen Hall Jamieson": a list word inside a three-word name right after or
                # before a speech verb is a middle name
                if not (len(names) >= 3 and names[0] not in lx["not_names"] and names[-1] not in lx["not_names"]):
                    return None
                middle_cue = True
    elif names[0] in lx["not_names"]:
        if names[0] in lx["surname_words"]:
            return _Shape(first, None, full, False, False, "person", kept, "", role, has_role, gender, country,
                          strong, "", name_from, 1, False, False, True)
        return None
    elif names[0].isupper() and len(names[0]) > 1:
        return None
    if len(names) > 5:
        return None
    if not strong:
        particles = lx["particles"]
        for w in names:
            if w.lower() not in particles and (_place(w) or ("", "x"))[1] in ("country", "demonym", "city", "seat"):
                if len(names) == 1 or all(_place(w) for w in names):
                    return None
                break
    # (the fields in order: positional arguments build a named tuple faster)
    return _Shape(first, None, full, False, False, "person", kept, "", role, has_role, gender, country, strong, "",
                  name_from, len(names), list_surname, middle_cue, False)


def _classify(text: str, base: int, run: _Run, lx, out: list) -> None:
    """Turn one capitalised run (``run``, offsets from ``base``) into zero or one raw actor mention
    (dict): the shape of its words read with the text around the run (speech verbs, possessives,
    appositives, roles before the name)."""
    sh = run.shape
    run_start, end = base + run.start, base + run.end
    poss = text[end:end + 1] in _APOSTROPHES and _POSS_AFTER.match(text[end:end + 3]) is not None
    if sh.place:
        start, full = base + run.first, sh.name
        code, pk = sh.place
        if sh.single and pk in ("demonym", "city") and _cue_before(text, start) \
                and text[end:end + 1] in (",", ".", ";", ""):
            # "..., said Cuban." / "said Madison,": a surname right after a speech verb, not a place
            out.append((start, end, full, "person", "", "", "", poss, True, False))
            return
        if pk == "seat" and sh.single and full not in lx["seat_actors"] and not _cue_after(text, end):
            return
        if pk in ("institution", "organisation", "seat"):
            kind = "media" if sh.media or _media_follow(text, end) else "organisation"
            out.append((start, end, full, kind, "", code or "", "", poss, True, False))
        return
    start, full, kind = base + run.kept, sh.name, sh.kind
    country = sh.country
    # the country named right before: "Iran's Supreme National Security Council", "Oman's ruler"
    before = text[max(0, start - 60):start] if not country else ""
    if before and ("’s " in before or "'s " in before):
        mpos = _POSS_BEFORE.search(before)
        if mpos:
            pc = _place(mpos.group(1))
            if pc and pc[0] and pc[1] in ("country", "seat", "demonym", "institution"):
                country = pc[0]
        md = _DEMONYM_BEFORE.search(before) if not country and _capital_or_state_before(before) else None
        if md:
            pc = _place(md.group(1))
            if pc and pc[0] and pc[1] == "demonym":
                country = pc[0]
    if kind != "person":
        if kind == "place" or kind == "media":
            if kind == "place":
                kind = "media" if sh.media or _media_follow(text, end) else "organisation"
                country = sh.code or country
        else:
            country = country or sh.org_country
        out.append((start, end, full, kind, "", country, "", poss, True, False))
        return
    start = base + run.name_from
    if sh.list_word:
        if text[max(0, start - 4):start].lower() != "the ":
            out.append((start, end, full, "person", "", "", "", poss, False, True))
        return
    # a speech verb after the name or before it, each looked for at most once (None: not yet)
    cue_after = cue_before = None
    if sh.middle_cue:
        cue_before = _cue_before(text, start)
        if not cue_before:
            cue_after = _cue_after(text, end)
            if not cue_after:
                return
    strong, gender, role, has_role = sh.strong, sh.gender, sh.role, sh.has_role
    if sh.size == 1 and not strong:
        if cue_after is None:
            cue_after = _cue_after(text, end)
        if cue_after:
            strong = True
        else:
            if cue_before is None:
                cue_before = _cue_before(text, start)
            strong = cue_before
    # lower-case role words just before: "journalist Tohid Asadi" (a title already gives the role)
    if not has_role:
        before40 = text[max(0, start - 40):start]
        last_word = before40.rsplit(None, 1)[-1:]
        mr = lx["pre_role_re"].search(before40) if last_word and last_word[0].lower() in lx["role_last"] else None
        if mr:
            role, has_role = mr.group(2).title(), True
            strong = True
            if not country:
                country = _country_before_role(text, max(0, start - 40) + mr.start(2))
    # appositive after: ", spokesperson for Iran's Ministry of Foreign Affairs,"
    ma = lx["appos_re"].match(text[end:end + 150]) if not poss and text.startswith(",", end) else None
    if ma:
        body = ma.group("body")
        mrole = lx["role_re"].search(body)
        if mrole and mrole.start() < 40 and not _RELATIVE.search(body[:mrole.start()]):
            r_word = mrole.group(1)
            rest = body[mrole.end():]
            org = ""
            mo = _ROLE_OF.match(rest)
            if mo:
                if mo.group(1):
                    pc = _place(mo.group(1))
                    if pc and pc[0]:
                        country = country or pc[0]
                org = mo.group(2).strip()
                if not org[:1].isupper():
                    org = ""
            pre = body[:mrole.start()]
            mp = _POSSESSOR.search(pre)
            if mp:
                pc = _place(mp.group(1))
                if pc and pc[0]:
                    country = country or pc[0]
            for wd in _CAPITALISED.findall(pre):
                pc = _place(wd)
                if pc and pc[0] and pc[1] == "demonym":
                    country = country or pc[0]
            # capitalised modifiers belong to the role ("Foreign Minister", "foreign ministry spokesman")
            mods = _ROLE_MODIFIER.findall(pre)
            rw = ((mods[-1] + " ") if mods else "") + r_word
            rtitle = rw[:1].upper() + rw[1:]
            appos_role = rtitle + (", " + org if org else "")
            if not role:
                role = appos_role
            elif org:
                role = role + ", " + org
            strong = True
            if r_word.lower() in lx["male"]:
                gender = gender or "m"
            elif r_word.lower() in lx["female"]:
                gender = gender or "f"
    # "Oman's ruler, Sultan Haitham ...": role noun + comma right before
    # (the common case first: one space after a character that is no comma or whitespace)
    c2 = text[run_start - 2] if run_start >= 2 and text[run_start - 1] == " " else ","
    if c2 != "," and not c2.isspace():
        before80, comma_before = "", False
    else:
        before80 = text[max(0, run_start - 80):run_start]
        comma_before = before80.rstrip().endswith(",")
    # (_ROLE_COMMA_BEFORE holds a possessive: a cheap test before the regex)
    mb = _ROLE_COMMA_BEFORE.search(before80) if comma_before and ("’s" in before80 or "'s" in before80) else None
    if mb and lx["role_re"].fullmatch(mb.group(2).split()[-1]):
        pc = _place(mb.group(1))
        if pc and pc[0]:
            country = country or pc[0]
        if not role:
            role = mb.group(2).title()
        strong = True
    elif comma_before:
        # "The spokesman for the ministry, Aldo Mencari, said": a description in apposition before
        md = lx["desc_comma_before"].search(before80)
        if md:
            head = md.group(2)
            if not role:
                role = head[:1].upper() + head[1:]
            for wd in md.group(1).split():
                pc = _place(wd)
                if pc and pc[0] and pc[1] in ("demonym", "country") and not country:
                    country = pc[0]
            if head.split()[-1].lower() in lx["male"]:
                gender = gender or "m"
            elif head.split()[-1].lower() in lx["female"]:
                gender = gender or "f"
            strong = True
    if not strong and not has_role and not poss and _at_place_before(text, start) \
            and not (cue_after if cue_after is not None else _cue_after(text, end)):
        # "the talks in Porto Velhan": an unknown name after a place preposition is a place
        return
    if sh.list_surname and not strong and not (cue_before if cue_before is not None else _cue_before(text, start)) \
            and not (cue_after if cue_after is not None else _cue_after(text, end)):
        return
    if sh.size >= 2:
        strong = True
    out.append((start, end, full, "person", role, country, gender, poss, strong, False))


def _is_title(t: str, lx) -> bool:
    """A title as listed, or a hyphenated pair of them ("secretary-treasurer")."""
    return t in lx["titles"] or ("-" in t and all(p in lx["titles"] for p in t.split("-")))


def _org_title_name_cut(words, lx) -> tuple[int, int, str] | None:
    """"<Organisation> <Title> <First Last>" in the words of one capitalised run ("Harbor Workers Union Political
    Director Mara Quell"): the last title with a two-word name after it (three with an initial or
    a particle). Returns (title start, title length, role) where the role is the title, with the
    capitalised adjectives before it ("Political", "National Executive"), then the words before
    it ("Political Director, Harbor Workers Union"); None when the run has no such title."""
    size = len(words)
    for e in (size - 2, size - 3):
        name = words[e:]
        if len(name) == 3 and not (name[1].lower() in lx["particles"] or _INITIAL.fullmatch(name[1])):
            continue
        if any(not w[:1].isupper() or w in lx["not_names"] or w in lx["org_heads"] or w.lower() in lx["titles"]
               or w.lower() in lx["honor"] or (w.isupper() and len(w) > 1) or _place(w) for w in (name[0], name[-1])):
            continue
        for n in range(min(lx["max_title_words"], e), 0, -1):
            k = e - n
            if words[k].lower().split("-")[0] not in lx["title_firsts"]:
                continue
            t = " ".join(words[k:e]).lower()
            if not _is_title(t, lx):
                continue
            a = k
            while a > 0 and words[a - 1].endswith(("ical", "ional", "ive")) and words[a - 1] not in lx["org_heads"] \
                    and not _place(words[a - 1]):
                a -= 1
            title = lx["title_norm"][t] if t in lx["titles"] else " ".join(words[k:e])
            role = " ".join(words[a:k] + [title])
            org = " ".join(w for w in words[:a] if w not in lx["openers"])
            if not org and a == k:
                return None   # a bare title: the left-stripping in _classify handles it
            return a, e - a, role + (", " + org if org else "")
    return None


_ROLE_MODIFIER_STOP = {"the", "a", "an", "and", "or", "of", "for", "to", "by", "with", "as", "said", "says", "told"}


def _country_before_role(text: str, role_start: int) -> str:
    """The country of the words before a lower-case role ("Iranian military spokesman X", "U.S. arms
    control envoy X", "Iranian Foreign Ministry spokesman X"): a demonym or country among the
    (up to five) modifiers that stand right before the role word."""
    for w in reversed(text[max(0, role_start - 60):role_start].split()[-5:]):
        if w.lower() in _ROLE_MODIFIER_STOP or w[-1:] in ",;:!?”\"" or (w.endswith(".") and not _place(w)):
            break
        pc = _place(w.rstrip("’'s") if w.endswith(("’s", "'s")) else w)
        if pc and pc[0] and pc[1] in ("demonym", "country"):
            return pc[0]
    return ""


def _middle_word_name(text: str, names: list[str], start: int, end: int, lx) -> bool:
    """"said Kathleen Hall Jamieson": a list word inside a three-word name right after or before a
    speech verb is a middle name."""
    return len(names) >= 3 and names[0] not in lx["not_names"] and names[-1] not in lx["not_names"] \
        and (bool(_cue_before(text, start)) or bool(_cue_after(text, end)))


def _capital_or_state_before(before: str) -> bool:
    """Cheap test before _DEMONYM_BEFORE: the word before is capitalised or a state-media word."""
    w = before.rsplit(None, 1)[-1:]
    return bool(w) and (w[0][:1].isupper() or w[0] in ("state-run", "state", "official", "semi-official"))


_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout|around)\s+(?:the\s+)?$")
# the words _AT_PLACE_BEFORE can end with: a cheap test before the regex
_AT_PLACE_ENDS = ("in", "at", "near", "outside", "inside", "across", "throughout", "around", "the")
_AT_PLACE_LAST = frozenset(w[-1] for w in _AT_PLACE_ENDS)


def _at_place_before(text: str, start: int) -> bool:
    """A place preposition ("in", "at the", "near") and spaces end the 12 characters before ``start``."""
    return _may_end_before(text, start, 12, _AT_PLACE_LAST, _AT_PLACE_ENDS) \
        and _AT_PLACE_BEFORE.search(text, max(0, start - 12), start) is not None


_POSS_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+(?:[\w\-]+\s+){0,3}$")
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:state-run|state|official|semi-official)\s+)?$")
# the appositive after a name (", spokesperson for Iran's Ministry of Foreign Affairs,"): a relative
# pronoun before the role word, the organisation after it, a possessor, capitalised words, modifiers
_RELATIVE = re.compile(r"\b(?:who|which|whose|that)\b")
_ROLE_OF = re.compile(r"\s+(?:for|of|to|at|with)\s+(?:the\s+)?(?:([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+)?(.*)$")
_POSSESSOR = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_ROLE_MODIFIER = re.compile(r"\b(foreign|deputy|prime|defense|defence|interior|finance|chief|senior|press|"
                            r"national security)\s+$", re.I)
_ROLE_COMMA_BEFORE = re.compile(r"(?:([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+)((?:[a-z\-]+\s+){0,2}[a-z\-]+),\s+$")
_MEDIA_FOLLOW = re.compile(r"^\s+(?:news\s+agency|agency|newspaper|daily|television|TV|broadcaster|radio|website)\b")


def _media_follow(text: str, end: int) -> bool:
    return bool(_MEDIA_FOLLOW.match(text[end:end + 30]))
