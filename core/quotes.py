"""Quotations in news English and who said them.

    from core.quotes import find_quotes, Quote
    quotes = find_quotes(article.text)              # or find_quotes(text, actors=find_actors(text))

Shapes found:
- direct quotes in curly or straight double quotes, one Quote per piece: split quotes
  ("...," he said, "..."), quotes over several sentences, quotes over several paragraphs (each
  paragraph opens with a quotation mark, only the last closes it), nested single quotes (kept inside
  the outer quote); an unclosed quotation mark ends at its paragraph, so the rest of an article is
  never lost;
- partial quotes inside reported speech (Baghaei said Washington "must act independently") -> "partial";
- indirect speech without quotation marks: "X said (that) ...", "X told reporters ...", "..., X said.",
  "according to X, ...", "X urged the US to ...", "X warned that ..." -> "indirect".

Speakers come from the attribution next to the quote (after it: ", he said", ", said Mr. X", ", said
former aide X", ", the agency reported", " ― X" for a signed pull quote; before it: "X said:", "X,
54, of Y, said ... 'partial'", "NAME:" opening a transcript quote; a "saying"/"adding" clause takes
the name right before it or the subject of its sentence), resolved through :mod:`core.actors` to
canonical names, role and country. Unnamed speakers stay descriptions ("senior Cruz adviser", "One
Iowa Democrat") unless a definite one resolves ("the spokesman" -> the person with that role). A quote
without a cue takes the subject of its sentence ("Trump mocked Bush's 'low energy'"); opening a
sentence, the speaker of the previous quote or of the sentence before when it reports speech; a quote
paragraph without attribution continues the speaker of the paragraph before. Pairs of apostrophes
(''like this'') are quotation marks. The cue gives the event type (lists in ``core/data/speech.json``).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import re
import string
from dataclasses import dataclass
from pathlib import Path

from core.actors import Actor, ActorIndex, alternation, find_actors, quote_marks_normalised
from core.articles import plain_spaces
from core.actors import _data as _actor_data
from core.actors import _lex as _actor_lex
from core.regex_openings import FOLD_CHARS
from core.sentences import ends_with_abbreviation

DATA = Path(__file__).with_name("data") / "speech.json"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str                 # direct | partial | indirect
    speaker: str
    speaker_role: str
    speaker_country: str
    cue: str
    cue_start: int
    cue_end: int
    event_type: str
    sentence_start: int
    sentence_end: int


# --- lexicon -------------------------------------------------------------------------------------

_alt = alternation


@functools.lru_cache(maxsize=1)
def _lex():
    d = json.loads(DATA.read_text(encoding="utf-8"))
    etype: dict[str, str] = {}
    for forms in d["verbs"].values():
        for f in forms:
            etype.setdefault(f, "statement")
    for t, forms in d["typed"].items():
        for f in forms:
            etype[f] = t
    for f in d["according_to"]:
        etype[f] = "statement"
    heads = _alt(_actor_data()["description_heads"])
    if not all(c in _PARTICLE_CHARS for c in "".join(d["cue_particles"])):
        raise ValueError("cue particles must be ASCII letters and spaces (see _particles_from)")
    particles = _alt(d["cue_particles"])
    objects = _alt(d["cue_objects"])
    # never the second half of a hyphenated word ("so-called", "long-awaited")
    cue_words = _alt(list(etype) + ["According to"])
    cue = re.compile(r"(?<![\w-])(" + cue_words + r")\b(?:\s+(" + objects + r")\b)?")
    return dict(
        etype=etype,
        cue=cue,
        # where a cue may begin (_cue_matches): after a character that is no ASCII letter, digit,
        # '_' or '-', a cue word follows (a superset of cue's starts after the first character)
        cue_opening=re.compile(r"[^A-Za-z0-9_\-](?=" + cue_words + r")"),
        # the same over _cue_bytes(text), where each of those characters is a space: the engine
        # skips to a literal space, faster than testing a character set at every character
        cue_opening_bytes=re.compile(b" (?=" + cue_words.encode("ascii") + b")"),
        particles=particles,
        gap=re.compile(r"(?:\s+(?:news\s+agency|agency|newspaper|daily|television|TV|broadcaster|website|network))?"
                       r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:(?:,[^,\n]{1,160}){1,4},\s*|\s*[—–][^—–\n“”\"]{1,160}[—–]\s*)?"
                       r"(?:(?:" + particles + r")\s+)*"),
        frames=re.compile(r"^\s*(?:" + _alt(d["statement_frames"]) + r")\b"),
        # what may close a sentence after its attribution: "..., X said on Wednesday.", "..., X told
        # reporters in a statement late Monday."
        time_tail=re.compile(r"(?:[\s,]*(?:" + _alt(d["statement_frames"]) + r"|" + _TIME_WORDS + r"))+[\s,]*"),
        desc_start=re.compile(r"\s*(?:(?:But|And|So|Yet|Meanwhile|Still|Now)\s+)?(?:" + _DET + r")\s+((?:[\w\-’'.]+\s+){0,5}?"
                              + heads + r")\b" + _POSTMOD),
        owned=re.compile(r"['’]s?\s+((?:[\w\-]+\s+){0,2}?" + heads + r")\b"),
        particles_tail=re.compile(r"(?:\s*(?:" + particles + r"))*\s*$"),
        desc_after=re.compile(r"\s+(?:" + _DET + r")\s+((?:[\w\-’'.]+\s+){0,5}?" + heads + r")\b" + _POSTMOD),
        # a description head after a space, in lower case without re.I (_desc_before asks it
        # first); None when a head is not plain ASCII
        desc_head=re.compile(r"\s(?:" + _alt([h.lower() for h in _actor_data()["description_heads"]]) + r")\b")
        if all(h.isascii() for h in _actor_data()["description_heads"]) else None,
        desc_before=re.compile(r"(?<![\w’'])(?:" + _DET + r")\s+((?:[\w\-’'.]+\s+){0,5}?" + heads + r")\b"
                               + _POSTMOD + r"(?:\s*,[^,“”\"\n]{1,100},)?\s*$", re.I),
    )


_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME_WORDS = (r"(?:(?:on|late|early|last|this)\s+)?" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?|"
               r"today|yesterday|tonight|(?:earlier|later|this|last)\s+(?:week|month|year|weekend)|"
               r"(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
               r"to\s+(?:reporters|journalists)")

# an unnamed speaker: "a senior Cruz adviser", "one Iowa Democrat familiar with the talks", "the agency"
_DET = r"[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir"
_POSTMOD = (r"(?:\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of|for|of|at|to|with|from|in)\s+"
            r"(?:the\s+)?(?:[\w’'.\-]+\s+){0,3}?(?:[A-Z][\w’'.\-]*|talks|negotiations|discussions|matter|campaign|"
            r"investigation|thinking|plans?|administration|government|ministry|situation|process|decision))?")
_PRONOUNS = ("he", "she", "they", "it", "we", "I", "He", "She", "They", "It", "We")
_PRON = re.compile(r"\b(" + "|".join(_PRONOUNS) + r")\s+$")
_LONGEST_PRONOUN = max(map(len, _PRONOUNS))
_PRON_AFTER = re.compile(r"^\s+(he|she|they|it|we|I)\b")
_DESC_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[\w\-’'.]+\s+){0,5}?[\w\-]+)\s*$")
_DESC_AFTER = re.compile(r"^\s+(?:[Tt]he|[Aa]n?)\s+((?:[\w\-’'.]+\s+){0,5}?[\w\-]+?)(?=[\s,.;]|$)")
# words that may stand between an inverted cue and its speaker: "said former tech executive X",
# "said Republican party boss X" (any word but one that opens a clause)
_CLAUSE_WORDS = ("that|it|its|this|these|those|there|he|she|they|we|I|you|his|her|their|our|if|when|while|because|"
                 "but|and|or|so|as|in|on|at|to|would|will|was|is|are|were|be|been|has|have|had|not|no|about|after|"
                 "before|during|by|who|which|what|how|why|where|then|than|now|should|could|can|may|might|must|do|"
                 "does|did|him|them|me|us")
_AFTER_GAP = re.compile(r"\s+(?:(?!(?:" + _CLAUSE_WORDS + r")\b)[\w.’'\-]+,?\s+){0,6}")
# a full stop, ! or ? before a capital or an opening quote, or a newline; opening with the set of
# those characters so that the engine skips to them in one C loop (as sentences._SENT_END)
_SENT_BREAK = re.compile(r"[.!?\n](?:(?<=\n)|(?=['’\"”]?\s+[\"“A-Z]))")


# --- quotation marks -----------------------------------------------------------------------------

@dataclass(slots=True)
class _Piece:
    open: int          # index of the opening mark (or -1 when the piece starts a continued paragraph)
    close: int         # index of the closing mark, or paragraph end when unclosed
    cs: int            # content start / end (trimmed)
    ce: int
    closed: bool
    para: int
    cont_next: bool = False   # continues in the next paragraph


_MARKS = "“”\""   # the quotation marks quote_marks_normalised leaves


def _mark_offsets(text: str) -> list[int]:
    """Offsets of the quotation marks (_MARKS) in ``text``, in order: one str.find run per mark
    (a fast character search; a news text holds ~20 marks) instead of a regex scan over a
    character set, six times cheaper on PolNeAR (0.017 -> 0.003 ms/article)."""
    out = []
    for ch in _MARKS:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _is_opener(text: str, i: int, line_start: int) -> bool:
    c = text[i]
    if c == "“":
        return True
    if c == "”":
        return False
    prev = text[i - 1] if i > line_start else " "
    return prev.isspace() or prev in "([{—–-/"


def _marks_by_paragraph(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, list[int]]]:
    """(paragraph index, offsets of its quotation marks) for each paragraph holding one, in
    order: one scan of the text (most paragraphs hold none and are never visited)."""
    starts = [ls for ls, _ in paras]
    out: list[tuple[int, list[int]]] = []
    for i in _mark_offsets(text):
        if not out or i >= paras[out[-1][0]][1]:
            out.append((bisect.bisect_right(starts, i) - 1, []))
        out[-1][1].append(i)
    return out


def quote_pieces(text: str) -> list[_Piece]:
    """Quotation-mark spans, paragraph by paragraph (an unclosed quote ends with its paragraph)."""
    pieces: list[_Piece] = []
    paras = []
    pos = 0
    for line in text.split("\n"):
        paras.append((pos, pos + len(line)))
        pos += len(line) + 1
    for pi, marks in _marks_by_paragraph(text, paras):
        ls, le = paras[pi]
        open_at = -1
        for i in marks:
            if open_at < 0:
                if _is_opener(text, i, ls) or (text[i] == "”" and i + 1 < le and text[i + 1].isalpha()
                                                and (i == ls or text[i - 1].isspace())):
                    open_at = i
                # a stray closing mark with nothing open is ignored
            else:
                c = text[i]
                nxt = text[i + 1] if i + 1 < le else " "
                if c == "“" and not (nxt.isspace() or nxt in ",.;:!?)—–-"):
                    # a new opener while open: the earlier one was never closed; close it here
                    _add(pieces, text, open_at, i, False, pi)
                    open_at = i
                    continue
                _add(pieces, text, open_at, i, True, pi)
                open_at = -1
        if open_at >= 0:
            _add(pieces, text, open_at, le, False, pi)
    # unclosed piece followed by a paragraph opening with a quotation mark: a multi-paragraph quote
    for p in pieces:
        if not p.closed and p.para + 1 < len(paras):
            nls, nle = paras[p.para + 1]
            if nls < nle and text[nls] in "“\"":
                p.cont_next = True
    return pieces


def _add(pieces, text, o, c, closed, para):
    cs, ce = o + 1, c
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1] in " \t,;:":
        ce -= 1
    if ce - cs >= 1:
        pieces.append(_Piece(o, c, cs, ce, closed, para))


# --- attribution ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Attr:
    speaker: str = ""
    role: str = ""
    country: str = ""
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    etype: str = "statement"


def _from_actor(a: Actor | None, fallback: str = "") -> tuple[str, str, str]:
    if a is None:
        return fallback, "", ""
    return a.name, a.role, a.country


def _speaker_before(idx: ActorIndex, text: str, lo: int, cue_start: int, lx) -> tuple[str, str, str] | None:
    """Speaker standing right before a cue: a named mention (appositive allowed), a pronoun, a description."""
    for m in _last_mentions_in(idx, lo, cue_start, 4):
        # the earliest name whose gap to the cue holds only appositives ("Cory James, 22, of Flint,
        # Mich., said"), never one after a preposition ("speaking to Fox News said")
        if m.in_quote or _AFTER_PREPOSITION.search(text, max(lo, m.start - 6), m.start):
            continue
        if m.possessive:
            # "Ordway's office said": the group that belongs to the actor
            mh = lx["owned"].match(text, m.end, cue_start)
            if mh and lx["gap"].fullmatch(text, mh.end(), cue_start):
                a = idx.actor(m.name)
                return (f"{a.name if a else m.name}’s {' '.join(mh.group(1).split())}", "", a.country if a else "")
            continue
        if lx["gap"].fullmatch(text, m.end, cue_start) or (
                _CLOSING_COMMA.fullmatch(text, m.end, cue_start) and text[max(lo, m.start - 2):m.start] == ", "):
            # "Her campaign manager, Robby Mook, suggested": the name in apposition
            return _from_actor(idx.actor(m.name), m.name)
        if m.kind == "group":
            # "officials in Mumbai said": the group, with the country of the place after it
            mp = _PLACE_AFTER_GROUP.match(text, m.end, cue_start)
            if mp and lx["gap"].fullmatch(text, mp.end(), cue_start):
                place = idx.lookup(mp.group(1), mp.start(1))
                if place is not None and place.kind == "organisation" and place.country and not place.role:
                    a = idx.actor(m.name)
                    return (m.name, a.role if a else "", (a.country if a else "") or place.country)
    seg = text[lo:cue_start]
    g = lx["particles_tail"].search(seg, _particles_from(seg))
    core_end = lo + (g.start() if g else len(seg))
    seg2 = text[lo:core_end] + " "
    # a _PRON match ends where the trailing spaces start: the search starts a longest pronoun
    # before that, not at every position of the clause
    mp = _PRON.search(seg2, max(0, len(seg2.rstrip()) - _LONGEST_PRONOUN))
    if mp:
        w = mp.group(1)
        if w.lower() in ("he", "she"):
            return _from_actor(idx.resolve(lo + mp.start(1), w) or _last_person(idx, lo + mp.start(1)))
        if w.lower() in ("they", "it"):
            a = idx.resolve(lo + mp.start(1), w)
            return _from_actor(a) if a else ("", "", "")
        return ("", "", "")
    mc = _CAPS_BEFORE.search(seg2)
    appositive = mc is None
    if appositive:
        # "Even Tarvia, Moldar's only ally, said": a known name with an appositive before the cue
        mc = _CAPS_APPOSITIVE.search(seg2)
    led = False
    if mc:
        ml = _LEAD_WORDS.match(seg2, mc.start(1))
        if ml and ml.end() < mc.end(1):
            # "As Vulture put it, ...", "as The Ledger put it": the name after the conjunction or
            # article (a capital after "The" is a name even when it can open a sentence: "New")
            mc = (_CAPS_APPOSITIVE if appositive else _CAPS_BEFORE).search(seg2, ml.end())
            led = mc is not None
    if mc and appositive and idx.lookup(mc.group(1), lo + mc.start(1)) is None:
        mc = None
    if mc and mc.group(1).split()[-1] not in _actor_lex()["not_names"] \
            and (led or mc.group(1).split()[0] not in _actor_lex()["openers"]):
        a = idx.lookup(mc.group(1), lo + mc.start(1))
        return _from_actor(a, mc.group(1))
    md = _desc_before(lx, seg2)
    if md:
        return _described(idx, lo + md.start(), md.group(0), md.group(1))
    return None


def _last_mentions_in(idx: ActorIndex, lo: int, hi: int, n: int) -> list:
    """``idx.mentions_in(lo, hi)[-n:]``, read back from ``hi`` (mentions are sorted by start): a
    clause before a cue may hold many names, and only the last few can be the speaker."""
    mentions, starts = idx.mentions, idx._starts
    out = []
    i = bisect.bisect_left(starts, hi) - 1
    while i >= 0 and len(out) < n:
        m = mentions[i]
        if m.start < lo:
            break
        if m.end <= hi:
            out.append(m)
        i -= 1
    out.reverse()
    return out


def _desc_before(lx, seg: str) -> re.Match | None:
    """``lx["desc_before"].search(seg)``, not tried when ``seg`` holds no description head after a
    space: every match holds one (its words follow the determiner's spaces), and the head
    pattern without re.I over ``seg`` in lower case finds it when seg holds none of FOLD_CHARS
    (lower() keeps every offset and word character; the heads are plain ASCII). desc_before
    enters its case-free branches at every character; the head test is ~10x cheaper and rules
    out most clauses."""
    heads = lx["desc_head"]
    if heads is not None and (seg.isascii() or not any(c in seg for c in FOLD_CHARS)) \
            and heads.search(seg.lower()) is None:
        return None
    return lx["desc_before"].search(seg)


# what a run of cue particles and spaces holds ("also", "has also", "on Monday")
_PARTICLE_CHARS = string.ascii_letters + string.whitespace


def _particles_from(seg: str) -> int:
    """The earliest offset where the run of particles and spaces that ends ``seg`` can start:
    after the last character neither an ASCII letter nor a space (the particles_tail search
    from there finds what a search from 0 finds, without trying every position before it);
    0 when a space outside ASCII stops the count."""
    k = len(seg.rstrip(_PARTICLE_CHARS))
    return 0 if k and seg[k - 1].isspace() else k


_COMMA_TAIL = re.compile(r"\s*,.*$")
_ARTICLE = re.compile(r"(?i)^(?:the|a|an|his|her|its|their)\s+")
_DEFINITE = re.compile(r"(?i)(?:the|his|her|its|their)\s")


def _described(idx: ActorIndex, offset: int, phrase: str, head_phrase: str) -> tuple[str, str, str]:
    """An unnamed speaker: the actor a definite description refers to ("the spokesman", "the
    Omani agency"), else the description itself without its determiner ("senior Cruz adviser",
    "Iowa Democrat familiar with the talks")."""
    phrase = " ".join(phrase.split()).rstrip(", ")
    if _DEFINITE.match(phrase):
        a = idx.resolve(offset, "the " + " ".join(head_phrase.split()))
        if a is not None:
            return _from_actor(a)
    phrase = _COMMA_TAIL.sub("", phrase)
    # "one strategist", "two senior officials" keep their number; "the", "a", "his" go; a demonym
    # or country inside gives the country ("the Turkish foreign ministry")
    country = ""
    for w in head_phrase.split()[:-1]:
        if w[:1].isupper():
            a = idx.lookup(w)
            if a is not None and a.kind == "organisation" and a.country and a.name == w and not a.role:
                country = a.country
                break
    return (_ARTICLE.sub("", phrase), "", country)


_CLOSING_COMMA = re.compile(r"\s*,\s*")
_PLACE_AFTER_GROUP = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2})(?=\s|,)")
_AFTER_PREPOSITION = re.compile(r"\b(?:[Tt]o|[Ww]ith|[Ff]rom|[Bb]y|[Ff]or|[Oo]f|[Aa]t|[Oo]n|[Ii]n|[Aa]bout|[Aa]gainst)\s+(?:the\s+)?$")
# (the capital first, then "no word character before it" as a two-character lookbehind: the
# same matches as a leading lookbehind, but the engine skips to capitals in one C loop)
_CAPS_BEFORE = re.compile(r"([A-Z](?<![\w’'].)[\w’'\-]+(?:\s[A-Z][\w’'\-]+){0,3})(?:\s*\([^()]{1,40}\))?\s*$")
_CAPS_APPOSITIVE = re.compile(r"([A-Z](?<![\w’'].)[\w’'\-]+(?:\s[A-Z][\w’'\-]+){0,3}),[^,\n“”\"]{1,160},\s*$")
_LEAD_WORDS = re.compile(r"(?:(?:As|Even|But|And|So|Yet|Also|While|When|Though|Although|The)\s+)+(?=[A-Z])")
_OPENERS = {"The", "A", "An", "But", "And", "I", "We", "It", "They", "He", "She", "This", "That", "There", "In", "On", "As"}


def _last_person(idx: ActorIndex, offset: int) -> Actor | None:
    i = bisect.bisect_left(idx._starts, offset) - 1
    while i >= 0:
        m = idx.mentions[i]
        if m.kind == "person" and not m.in_quote:
            return idx.actor(m.name)
        i -= 1
    return None


def _speaker_after(idx: ActorIndex, text: str, cue_end: int, hi: int) -> tuple[str, str, str] | None:
    """Speaker right after a cue (inversion: "said Mr. X", "according to the agency")."""
    i = bisect.bisect_left(idx._starts, cue_end)
    for m in idx.mentions[i:i + 2]:
        if m.start >= min(hi, cue_end + 90) or not _AFTER_GAP.fullmatch(text, cue_end, m.start):
            break
        if not m.possessive:
            # "said Clinton's spokesman Brian Fallon" -> the spokesman; "says Trump's rise is ..." -> no one
            return _from_actor(idx.actor(m.name), m.name)
    seg = text[cue_end:min(hi, cue_end + 60)]
    mp = _PRON_AFTER.match(seg)
    if mp:
        w = mp.group(1)
        if w.lower() in ("he", "she"):
            return _from_actor(idx.resolve(cue_end + mp.start(1), w))
        return ("", "", "")
    md = _lex()["desc_after"].match(seg)
    if md:
        return _described(idx, cue_end + md.start(), md.group(0), md.group(1))
    return None


def _attr(idx, text, lx, cm: re.Match, lo: int, hi: int, subject_lo: int) -> _Attr | None:
    """The attribution a cue match gives, with its speaker looked for before, then after the cue."""
    cue_word = cm.group(1)
    cs, ce = cm.start(), cm.end()
    low = cue_word.lower()
    sp = None
    if low.startswith("according"):
        sp = _speaker_after(idx, text, cm.end(1), hi)
    elif low.split()[0].endswith("ing"):   # "saying", "telling reporters"
        # "with Donald Trump tweeting that ...": the name right before; "..., saying that ...": the
        # subject of the sentence
        sp = _named_before(idx, text, lo, cs, lx) or _after_cue(idx, text, lx, lo, cs, subject_lo) \
            or _subject(idx, text, subject_lo, cs, lx)
    else:
        sp = _speaker_before(idx, text, lo, cs, lx)
        if sp is None and _COORDINATED.search(text, max(lo, cs - 8), cs):
            # "X praised Y's plan and said the senator can ...": the second verb of the subject
            sp = _subject(idx, text, subject_lo, cs, lx)
        elif sp is None and not low.startswith(("told", "tell")):
            # inversion ("said Mr. X"); after "told" stands whom it was told to
            sp = _speaker_after(idx, text, cm.end(1), hi)
    if sp is None:
        return None
    etype = lx["etype"].get(" ".join(low.split()), "statement")
    return _Attr(sp[0], sp[1], sp[2], " ".join(cm.group(0).split()), cs, ce, etype)


_CUE_THEN_ING = re.compile(r",\s*$")
_FEW_WORDS_COMMA = re.compile(r"(?:\s+[\w.’'\-]+){0,6}\s*,\s*")   # between a cue and its participle
_HE_SHE_FIRST = re.compile(r"\s*(?:[^,]{0,60},\s*)?(he|she|He|She)\b")   # a clause's pronoun subject


def _after_cue(idx, text, lx, lo, cs, subject_lo):
    """"..., Spicer said, adding ...": the speaker of the cue the participle follows."""
    if not _CUE_THEN_ING.search(text, max(lo, cs - 4), cs):
        return None
    prior = None
    for m in lx["cue"].finditer(text, max(subject_lo, cs - 160), cs):
        prior = m
    if prior is None or prior.group(1).lower().split()[0].endswith("ing") or \
            not _CLOSING_COMMA.fullmatch(text, prior.end(), cs) and text[prior.end():cs].count(",") > 1:
        return None
    if not _FEW_WORDS_COMMA.fullmatch(text, prior.end(), cs):
        return None
    a = _attr(idx, text, lx, prior, subject_lo, cs, subject_lo)
    return (a.speaker, a.role, a.country) if a is not None and a.speaker else None


# before a participle the name after "of" or "with" is its agent ("footage of X asking", "with X
# tweeting"); after other prepositions it is not ("speaking to X saying")
_BEFORE_NON_AGENT = re.compile(r"\b(?:[Tt]o|[Ff]rom|[Bb]y|[Ff]or|[Aa]t|[Oo]n|[Ii]n|[Aa]bout|[Aa]gainst)\s+(?:the\s+)?$")


def _named_before(idx, text, lo, hi, lx):
    """A name standing right before ``hi`` (only particles such as "also" between)."""
    cands = idx.mentions_in(lo, hi)
    if cands:
        m = cands[-1]
        if not m.in_quote and not m.possessive and lx["particles_tail"].fullmatch(text, m.end, hi) \
                and not _BEFORE_NON_AGENT.search(text, max(lo, m.start - 6), m.start):
            return _from_actor(idx.actor(m.name), m.name)
    return None


def _subject(idx, text, lo, hi, lx):
    sp = _subject_before(idx, lo, hi)
    if sp is not None:
        return sp
    mp = _HE_SHE_FIRST.match(text[lo:hi])
    if mp:
        return _from_actor(idx.resolve(lo + mp.start(1), mp.group(1)))
    return None


# a name inside a fronted adverbial is not the subject ("In an AP interview Monday, Sanders said",
# "In June, after Clinton fell ill, Axelrod wrote")
_IN_PREP_PHRASE = re.compile(r"(?:^|(?<=\s))(?:[Ii]n|[Aa]t|[Oo]n|[Ff]rom|[Ww]ith|[Aa]fter|[Bb]efore|[Dd]uring|[Uu]nder|[Ll]ike|"
                             r"[Ww]hen|[Ww]hile|[Aa]s|[Ii]f|[Bb]ecause|[Aa]lthough|[Ss]ince|[Uu]ntil|[Ss]peaking\s+to)\s+"
                             r"(?:[^\s,;:]+\s+){0,4}$")


_LABEL = re.compile(r"([A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,2}):\s")
_DASH_NAME = re.compile(r"\s*[―—–-]\s*([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,4})(?=\s*(?:[.,;]|$|[“\"”]|\s[a-z(]))")


def _labelled(idx: ActorIndex, text: str, p, le: int) -> "_Attr | None":
    """The speaker a transcript label or a closing dash gives a quotation, if any."""
    ml = _LABEL.match(text, p.cs, p.ce)
    if ml:
        label = ml.group(1).title()
        a = idx.lookup(label, p.cs)
        return _Attr(*_from_actor(a, label))
    if p.closed:
        md = _DASH_NAME.match(text, p.close + 1, le)
        if md:
            m = idx.mention_at(md.start(1), md.end(1))
            if m is not None and m.start == md.start(1) and not m.possessive:
                return _Attr(*_from_actor(idx.actor(m.name), m.name))
            name = md.group(1).rstrip(".")
            if len(name.split()) >= 2 and name.split()[-1] not in _actor_lex()["not_names"]:
                return _Attr(*_from_actor(idx.lookup(name, md.start(1)), name))
    return None


def _subject_before(idx: ActorIndex, lo: int, hi: int) -> tuple[str, str, str] | None:
    """The first actor named outside quotes in [lo, hi): a possessive one ("Yildirim's page lists")
    only when no other is named."""
    text = idx.text
    ms = [m for m in idx.mentions_in(lo, hi) if not m.in_quote
          and not (_IN_PREP_PHRASE.search(text, lo, m.start) and "," in text[m.end:hi])]
    md = _lex()["desc_start"].match(text, lo, hi)
    if md and (not ms or ms[0].start >= md.end()) \
            and not (ms and _CLOSING_COMMA.fullmatch(text, md.end(), ms[0].start)):
        # (unless a name stands in apposition: "Her chief policy aide, Jake Sullivan, calls ...")
        # "The former secretary of State began her speech ... by slamming ..."
        return _described(idx, lo + (md.start(1) - lo), md.group(0).strip(), md.group(1))
    if not ms:
        return None
    if ms[0].possessive:
        # "Cruz's campaign", "Hillary Clinton's aides": the group that belongs to the actor
        mh = _lex()["owned"].match(idx.text, ms[0].end, hi)
        if mh:
            a = idx.actor(ms[0].name)
            name = a.name if a else ms[0].name
            return (f"{name}’s {' '.join(mh.group(1).split())}", "", a.country if a else "")
    m = next((m for m in ms if not m.possessive), ms[0])
    return _from_actor(idx.actor(m.name), m.name)


_AFTER_ANY_END = 1 << 60   # (pos, this) sorts after every sentence (pos, end)
_bisect_right = bisect.bisect_right


def _sentence_bounds(sents, pos):
    """The sentence holding ``pos`` (the last one starting at or before it; the first one when
    none does; (0, 0) when there are none). Called ~50 times per article: no max(), no module
    attribute lookups."""
    i = _bisect_right(sents, (pos, _AFTER_ANY_END))
    return sents[i - 1] if i else (sents[0] if sents else (0, 0))


# how the text between a closing quotation mark and a trailing cue may start: nothing, punctuation,
# a name, a pronoun or a description (", he said", " Mr. X, the envoy, said", " the agency reported"),
# never a new clause (" and X says", " of Trump, whom he called")
_TAIL_START = re.compile(r"(?![\s,;:.!?)\]—–-]*(?:and|but|that|which|whom|whose|of|if|because|whereas|although|though|even)\b)")
# a cue that coordinates with an earlier verb of the same subject ("... and said", "... but insisted")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later|has|had|have)\s+)?$")
# a partial quote closed without punctuation is followed by the rest of its clause, not by its
# attribution, unless a name, pronoun or description comes right after (“...” Trump said)
_BARE_TAIL = re.compile(r"\s*(?:(?:he|she|they|it|we|I|the|a|an)\b|[A-Z])")
_VERB_THEN_NAME = re.compile(r"\s+([a-z]+ed)\s+(?=[A-Z])")
_NAME_THEN_VERB = re.compile(r"\s+([a-z]+ed)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s*[.,]")
_ADJ_BEFORE_NAME = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?=[A-Z])")


def _any_verb_attribution(idx: ActorIndex, text: str, i: int, hi: int) -> "_Attr | None":
    """A quotation closed by a comma, "!" or "?" and followed by a past-tense verb and a name, or a
    name and a past-tense verb that closes the clause: the verb is an attribution the cue list lacks."""
    mv = _VERB_THEN_NAME.match(text, i, hi)
    if mv:
        m = idx.mention_at(mv.end(), mv.end() + 1)
        if m is not None and m.start == mv.end() and m.kind == "person" and not m.possessive:
            return _Attr(*_from_actor(idx.actor(m.name), m.name), cue=mv.group(1), cue_start=mv.start(1), cue_end=mv.end(1))
        return None
    ma = _ADJ_BEFORE_NAME.match(text, i, hi)
    if ma:
        m = idx.mention_at(ma.end(), ma.end() + 1)
        if m is not None and m.start == ma.end() and m.kind == "person" and not m.possessive:
            mn = _NAME_THEN_VERB.match(text, m.end, hi + 1)
            if mn:
                return _Attr(*_from_actor(idx.actor(m.name), m.name), cue=mn.group(1), cue_start=mn.start(1),
                             cue_end=mn.end(1))
    return None


def _comma_attribution(between: str) -> bool:
    """"... the “beginning of the end” for the EU, said X" / "..., Ban said": after the clause's
    last comma, only the cue or a name, pronoun or description before it."""
    k = between.rfind(",")
    if k < 0:
        return False
    rest = between[k + 1:]
    return not rest.strip() or (_BARE_TAIL.match(rest) is not None and len(rest.split()) <= 8)


# a quotation followed by ", and Y vowed ..." or ", but Y said ...": a new clause with its own
# speaker, not the attribution of the quotation ("X said he would “act,” and Y vowed to ...")
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s[^,]*$")
# a cue followed by a colon introduces what follows it; after a quotation that is a part of a
# sentence it does not attribute that part ("After X said ... “less,” Y said: “...”")
_COLON_AFTER = re.compile(r"[^\S\n]*(?:\w+[^\S\n]*){0,3}:")
def _sentence_final(idx, text, lx, cues, cue_starts, i, tail_end, s_lo) -> "_Attr | None":
    """The attribution ending the sentence after its last comma (only a name, a pronoun or a
    description between that comma and the cue, and no quotation after the cue)."""
    k = bisect.bisect_left(cue_starts, tail_end) - 1
    if k < 0 or cues[k].start() < i:
        return None
    cm = cues[k]
    between = text[i:cm.start()]
    rest = text[cm.end():tail_end]
    if len(rest) > 120 or any(c in rest for c in "“\"") or not _comma_attribution(between) \
            or _IN_RELATIVE.search(between) or _NEW_CLAUSE.search(between):
        return None
    return _attr(idx, text, lx, cm, i + between.rfind(",") + 1, tail_end, s_lo)


_IN_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b[^,]*$")
_PASSIVE = re.compile(r"\b(?:is|was|were|be|been|being|are|so|it\s+is|it\s+was)\s+$")


_MIN_CHARS = 3                 # a partial quotation holds at least this many characters of words
# a quotation that holds only a bracketed stage direction of a transcript: "(CROSSTALK.)", "[Applause]"
_STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]]*[)\]][\s.,;:!?]*")
_NOT_WORDS = " ,.;:!?“”\"‘’'"


def find_quotes(text: str, actors: ActorIndex | None = None) -> list[Quote]:
    """Direct, partial and indirect quotations in ``text`` with their speakers (see module doc)."""
    lx = _lex()
    original, text = text, plain_spaces(text)
    idx = actors if actors is not None else find_actors(text)
    sents = idx.sentences
    text = quote_marks_normalised(text)
    pieces = quote_pieces(text)
    qregions = [(p.open, p.close) for p in pieces]
    cues = _cues_outside(text, lx["cue"], qregions, lx["cue_opening_bytes"])
    cue_starts = [m.start() for m in cues]
    out: list[Quote] = []
    attrs: list[_Attr | None] = [None] * len(pieces)
    para_start = {}
    pos = 0
    for k, line in enumerate(text.split("\n")):
        para_start[k] = (pos, pos + len(line))
        pos += len(line) + 1

    for n, p in enumerate(pieces):
        ls, le = para_start[p.para]
        s_lo = _sentence_bounds(sents, p.open)[0] if p.open >= 0 else ls
        s_lo = max(s_lo, ls)
        # the clause the quote sits in: from the last sentence break before the opening mark
        # 0. a transcript label opening the quotation ("WALLACE: But, Governor ...") or a dash and a
        #    name after it (“...” ― Julie A. Diaz)
        a = _labelled(idx, text, p, le)
        # 1. trailing attribution right after the closing mark: ", he said" / ", said X" / ", X reported"
        if a is None and p.closed:
            tail_end = _tail_end(text, p.close + 1, le)
            j = bisect.bisect_left(cue_starts, p.close + 1)
            while j + 1 < len(cues) and cues[j + 1].start() < tail_end \
                    and _IN_RELATIVE.search(text, p.close + 1, cues[j].start()):
                # “...,” Ordway, who has proposed a levy, said: the verb of the relative clause is
                # not the attribution
                j += 1
            if j < len(cues) and cues[j].start() < tail_end:
                cm = cues[j]
                between = text[p.close + 1:cm.start()]
                if (len(between) < 110 or len(between) < 400 and _comma_attribution(between)) \
                        and not any(c in between for c in "“\"") \
                        and (_TAIL_START.match(between) or _comma_attribution(between) and not text[s_lo:p.open].strip()) \
                        and (text[p.close - 1] in ",.!?;:—–-" or between.lstrip()[:1] in ",;:—–-(."
                             or (_BARE_TAIL.match(between) and len(between.split()) <= 8)
                             or _comma_attribution(between)) \
                        and not (text[p.close - 1] == "." and between[:2].strip()[:1].isupper()
                                 and text[s_lo:p.open].strip()) \
                        and not _NEW_CLAUSE.search(between) \
                        and not (text[s_lo:p.open].strip() and _COLON_AFTER.match(text, cm.end())):
                    a = _attr(idx, text, lx, cm, p.close + 1, tail_end, s_lo)
            if a is None and text[p.close - 1] in ",!?":
                # “This is fantastic!” beamed X / “...,” an angry X retorted.: any verb in the
                # attribution's place
                a = _any_verb_attribution(idx, text, p.close + 1, tail_end)
        # 2. leading: the nearest cue before the opening mark in the same sentence
        if a is None:
            j = bisect.bisect_left(cue_starts, p.open) - 1
            while j >= 0 and cues[j].start() >= s_lo:
                cm = cues[j]
                lo = _clause_start(text, s_lo, cm.start(), qregions)
                a = _attr(idx, text, lx, cm, lo, p.open, s_lo)
                if a is None and lo > s_lo and len(text[s_lo:lo].split()) <= 12:
                    # a short quoted title inside the subject's appositive ("X, the author of
                    # “Fish Wars,” about ..., said") does not start a new clause
                    a = _attr(idx, text, lx, cm, s_lo, p.open, s_lo)
                if a is not None:
                    break
                j -= 1
        # 2b. no cue before it: an attribution closing the sentence after a comma ("So are a “small
        #    handful” of companies ..., Ordway said." / "..., said Ansel Brandt, a historian.")
        if a is None and p.closed and text[p.close - 1] not in ".!?":
            # (tail_end: step 1 ran for this piece, with a None after it)
            a = _sentence_final(idx, text, lx, cues, cue_starts, p.close + 1, tail_end, s_lo)
        # 3. an earlier piece of the same sentence (split quote) or paragraph continuation
        if a is None and n > 0 and attrs[n - 1] is not None and pieces[n - 1].para == p.para \
                and _same_sentence(sents, pieces[n - 1].close, p.open):
            a = attrs[n - 1]
        attrs[n] = a

    # pieces without attribution: take it from the next piece of the same quote (split or multi-paragraph),
    # else from the paragraph before (a quote paragraph continuing the last speaker)
    for n in range(len(pieces) - 1, -1, -1):
        p = pieces[n]
        if attrs[n] is None and n + 1 < len(pieces) and attrs[n + 1] is not None:
            q = pieces[n + 1]
            if (p.cont_next and q.para == p.para + 1) or (q.para == p.para and _same_sentence(sents, p.close, q.open)):
                attrs[n] = attrs[n + 1]
    for n, p in enumerate(pieces):
        if attrs[n] is None:
            ls, le = para_start[p.para]
            starts_para = text[ls:p.open].strip() == "" if p.open >= 0 else True
            if starts_para and n > 0 and attrs[n - 1] is not None and pieces[n - 1].para in (p.para - 1, p.para):
                attrs[n] = _Attr(attrs[n - 1].speaker, attrs[n - 1].role, attrs[n - 1].country)
            elif starts_para and p.para > 0:
                pls, ple = para_start[p.para - 1]
                prev = text[pls:ple].rstrip()
                ms = idx.mentions_in(pls, ple)
                if ms and len(prev) < 80 and ms[0].kind == "person" and ms[0].start - pls < 3 \
                        and not prev.endswith((".", "!", "?", "”", '"')):
                    # a byline-style paragraph holding just the speaker's name (and maybe a role)
                    attrs[n] = _Attr(*_from_actor(idx.actor(ms[0].name), ms[0].name))
                elif prev.endswith(":"):
                    j = bisect.bisect_right(cue_starts, ple) - 1
                    if j >= 0 and cues[j].start() >= pls:
                        attrs[n] = _attr(idx, text, lx, cues[j], _sentence_bounds(sents, cues[j].start())[0], ple, pls)
                    if attrs[n] is None:
                        # "as X observed, ...:" -> the last named actor before the colon
                        ms = [m for m in idx.mentions_in(pls, ple) if not m.in_quote]
                        if ms:
                            sp = _from_actor(idx.actor(ms[0].name), ms[0].name)
                            attrs[n] = _Attr(*sp)

    # still unattributed: inside a sentence, its subject ("Trump mocked Bush's “low energy”", "Pew
    # Research: “...”"); opening a sentence, the speaker of the sentence before when it reports speech
    # ("X announced he would step down. “You have to be careful,” ...")
    for n, p in enumerate(pieces):
        if attrs[n] is not None or p.open < 0:
            continue
        ls, le = para_start[p.para]
        k = max(bisect.bisect_right(sents, (p.open, 1 << 60)) - 1, 0)
        s_lo = max(sents[k][0], ls) if sents else ls
        lo = _clause_start(text, s_lo, p.open, qregions)
        sp = _subject_before(idx, lo, p.open)
        if sp is not None:
            attrs[n] = _Attr(*sp)
        elif not text[s_lo:p.open].strip() and k > 0 and sents[k - 1][0] >= para_start[max(p.para - 1, 0)][0]:
            ps, pe = sents[k - 1]
            if n > 0 and attrs[n - 1] is not None and attrs[n - 1].speaker and ps <= pieces[n - 1].open < pe:
                attrs[n] = _Attr(attrs[n - 1].speaker, attrs[n - 1].role, attrs[n - 1].country)
                continue
            j = bisect.bisect_left(cue_starts, pe) - 1
            while j >= 0 and cues[j].start() >= ps:
                prev = _attr(idx, text, lx, cues[j], _clause_start(text, ps, cues[j].start(), qregions), pe, ps)
                if prev is not None and prev.speaker:
                    attrs[n] = _Attr(prev.speaker, prev.role, prev.country)
                    break
                j -= 1

    used_cues: set[int] = set()
    for n, p in enumerate(pieces):
        a = attrs[n]
        if a is None:
            # scare quotes and titles: short, unattributed
            if _fewer_words(text, p, _MINW):
                continue
            a = _Attr()
        elif _fewer_words(text, p, _MINW2 + 1) and a.cue_start >= 0 and a.cue_start < p.open \
                and not _near(text, a.cue_end, p.open):
            continue
        if a.cue_start >= 0:
            used_cues.add(a.cue_start)
        ls, le = para_start[p.para]
        starts_sentence = p.open < 0 or text[max(ls, p.open - 3):p.open].strip() in ("", "(", "—") or \
            text[max(ls, p.open - 3):p.open].rstrip().endswith((":", ",")) or \
            _sentence_bounds(sents, p.open)[0] >= p.open - 1
        kind = "direct" if starts_sentence else "partial"
        if kind == "partial" and len(text[p.cs:p.ce].strip(_NOT_WORDS)) < _MIN_CHARS:
            continue   # a letter, a number or a pronoun in quotation marks ("an “R” rating") is no quotation
        if _STAGE_DIRECTION.fullmatch(text, p.cs, p.ce):
            continue   # a transcript's "(CROSSTALK)", "[inaudible]": nobody's words
        lo = min(p.open if p.open >= 0 else p.cs, a.cue_start if a.cue_start >= 0 else p.cs)
        hi = max(p.ce, a.cue_end)
        s0 = _sentence_bounds(sents, lo)[0]
        s1 = _sentence_bounds(sents, max(hi - 1, 0))[1]
        out.append(Quote(p.cs, p.ce, text[p.cs:p.ce], kind, a.speaker, a.role, a.country, a.cue,
                         a.cue_start, a.cue_end, a.etype, s0, max(s1, hi)))

    out.extend(_indirect(idx, text, lx, cues, used_cues, qregions, sents))
    out.sort(key=lambda q: (q.start, q.end))
    if text is not original:
        # the article's own characters (only the quotes whose text differs need a new object)
        out = [q if q.text == original[q.start:q.end] else dataclasses.replace(q, text=original[q.start:q.end])
               for q in out]
    return out


# unattributed quotes are kept whatever their length: in news, short quoted phrases are almost always
# someone's words inside reported speech (measured on PolNeAR train: dropping them costs ~7 points recall)
_MINW = 0
_MINW2 = 0


def _fewer_words(text: str, p: _Piece, least: int) -> bool:
    """True when the piece holds fewer than ``least`` words. A piece holds at least one (_add
    keeps only pieces opening with a character that is no space), so up to one the count is
    never needed: the quote is not split into words for nothing."""
    return least > 1 and len(text[p.cs:p.ce].split()) < least


def _near(text, a, b) -> bool:
    return 0 <= b - a <= 3


def _in_regions(regions, pos) -> bool:
    i = bisect.bisect_right(regions, (pos, 1 << 60)) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


# every byte to a space but those of an ASCII letter, digit, '_' and '-' (the characters a cue
# may not follow)
_CUE_NEIGHBOUR_BYTES = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_-") else 32
                             for c in range(256))


def _cue_bytes(text: str) -> bytes:
    """``text`` as bytes, one per character (same offsets): ASCII letters, digits, '_' and '-'
    kept, every other character a space. Where text has a character that is no ASCII letter,
    digit, '_' or '-', or a whitespace character, this has a space (and ASCII letters where it has
    them), so cue_opening_bytes finds at least the places cue_opening finds in text."""
    return text.encode("ascii", "replace").translate(_CUE_NEIGHBOUR_BYTES)


def _cue_matches(text: str, cue: re.Pattern, pos: int, endpos: int, opening: re.Pattern | None,
                 scanned: bytes | None = None):
    """The matches of ``cue.finditer(text, pos, endpos)``, found faster when ``opening`` (_lex's
    cue_opening) is given. cue opens with a lookbehind, so the regex engine enters its matcher at
    every character (~20 ns each, most of the scan); ``opening`` opens with a character set, which
    the engine skips to in a tight loop, and finds the character before every place where a cue
    may begin (a cue needs no word character or '-' before it, and every ASCII letter, digit and
    '_' is one). cue itself then decides at each such place (and at ``pos``, which has no
    character of the window before it), from left to right, places inside an earlier match
    skipped: the same matches, a third cheaper on news text. A bytes ``opening`` (_lex's
    cue_opening_bytes) scans ``scanned``, the text's _cue_bytes, instead of the text."""
    if opening is None:
        yield from cue.finditer(text, pos, endpos)
        return
    m = cue.match(text, pos, endpos)
    if m:
        yield m
        pos = m.end()
    for o in opening.finditer(text if scanned is None else scanned, pos, endpos):
        s = o.start() + 1
        if s < pos:
            continue
        m = cue.match(text, s, endpos)
        if m:
            yield m
            pos = m.end()


def _cues_outside(text: str, cue: re.Pattern, regions: list[tuple[int, int]],
                  opening: re.Pattern | None = None) -> list[re.Match]:
    """The cue matches that do not start inside a quotation region: those of
    ``[m for m in cue.finditer(text) if not _in_regions(regions, m.start())]``, without scanning
    the regions closed by a quotation mark (a fifth of a news text). A cue holds only letters
    and spaces, so no match crosses a quotation mark: the text between two marks is scanned on
    its own (``endpos`` at the mark) with the same matches; a region that ends with its
    paragraph is scanned like the text after it, and its matches dropped. ``opening``: see
    _cue_matches (a bytes one scans the text's _cue_bytes, made once here)."""
    out: list[re.Match] = []
    pos, n = 0, len(text)
    scanned = _cue_bytes(text) if opening is not None and isinstance(opening.pattern, bytes) else None
    for o, c in regions:
        if o < pos:   # regions out of order (quote_pieces never gives them): scan everything
            return [m for m in cue.finditer(text) if not _in_regions(regions, m.start())]
        out.extend(m for m in _cue_matches(text, cue, pos, o, opening, scanned) if not _in_regions(regions, m.start()))
        pos = c if c < n and text[c] in "“”\"" else o
    out.extend(m for m in _cue_matches(text, cue, pos, n, opening, scanned) if not _in_regions(regions, m.start()))
    return out


def _tail_end(text, i, le) -> int:
    for m in _SENT_BREAK.finditer(text, i, le):
        if m.group() == "." and ends_with_abbreviation(text, m.start()):
            continue
        return m.start() + 1
    return le


def _same_sentence(sents, a, b) -> bool:
    return _sentence_bounds(sents, a) == _sentence_bounds(sents, b) or b - a < 60


def _clause_start(text, s_lo, cue_pos, qregions) -> int:
    """Start of the text a speaker can stand in before a cue: after the last closing quote mark."""
    lo = s_lo
    i = bisect.bisect_right(qregions, (cue_pos, 0)) - 1
    if i >= 0 and qregions[i][1] < cue_pos and qregions[i][1] >= s_lo:
        lo = qregions[i][1] + 1
    return lo


# --- indirect speech -----------------------------------------------------------------------------

_INVERTED = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z]|(?:former|senior|top|chief|deputy|campaign|press|state)\b)")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")
_INDIRECT_OK = re.compile(r"^(?:said|says|say|told|tells|added|adds|stressed|stresses|noted|notes|insisted|insists|"
                          r"warned|warns|urged|urges|confirmed|confirms|announced|announces|denied|denies|argued|argues|"
                          r"claimed|explained|explains|wrote|writes|acknowledged|acknowledges|admitted|admits|"
                          r"predicted|predicts|suggested|suggests|declared|declares|stated|reported|"
                          r"emphasi[sz]ed|reiterated|asserted|maintained|contended|agreed|promised|vowed|threatened|"
                          r"accused|called on|called for|calls on|calls for|demanded|recalled|revealed|disclosed|"
                          r"conceded|complained|believes|according to)$")


# whom something was told, before "that": "told the senator that", "told Fox News on Sunday that"
# the clause before a cue that closes its sentence: "..., X said." (from the last comma)
# where reported speech ends and the writer's own words go on: a contrast (", but", ", even
# though"), a non-restrictive relative clause (", which", ", who"), a participle clause (", putting
# them ahead"; not ", including", which lists what was said), a dash or a semicolon; a new clause
# with its own subject (", and he later met"), a predicate coordinated with the cue ("and has
# visited", "but would not say", "but declined"), a concession (", despite", ", without") or a
# comparison (", as has the board")
# (the alternatives grouped by their first character, behind a lookahead for the three it can be:
# the same places found, the engine leaving every other character after one test; ~2.5x faster)
_WRITERS_CLAUSE = re.compile(r"(?=[,;\s])(?:,\s+(?:(?:but|even\s+though|although|though|while|whereas|yet|which|who|whose|where)\b"
                             r"|(?!including\b)[a-z]+ing\b|and\s+(?:he|she|they)\s|(?:despite|without|regardless)\b"
                             r"|as\s+(?:has|have|had|did|does|do|is|was|were|are)\b)"
                             r"|,?\s+(?:and\s+(?:has|have|had)\s+(?:also\s+)?[a-z]+ed\b"
                             r"|but\s+(?:(?:would|did|could|will|does|do)\s+not|declined|refused)\b)"
                             r"|\s+[-–—]+\s+|;\s)")


# a second speech act of the same speaker, coordinated with the first ("said the tax was unfair and
# urged the council to scrap it"): the first report ends before it, the second is a report of its own
_COORDINATED_CUE = re.compile(r",?\s+and\s+(?:also\s+|then\s+)?(?=(?:said|added|vowed|urged|warned|accused|called\s+(?:on|for)"
                              r"|predicted|insisted|stressed|noted|argued|claimed|promised|threatened|demanded"
                              r"|denied|suggested|told|acknowledged|admitted|complained|announced)\b)")


def _before_writers_clause(text: str, cs: int, ce: int) -> int:
    """The end of indirect speech running from ``cs`` to the sentence end ``ce``: before the first
    clause in which the writer goes on in their own words ("Mara Quell said the union would sign
    the accord, even though its members had not voted": the report ends at "accord"), when at
    least 12 characters of speech are left."""
    m = _WRITERS_CLAUSE.search(text, cs, ce)
    return m.start() if m and m.start() - cs >= 12 else ce


# the cue inside a subordinate clause opening its sentence ("While Varnholt said the quotas were
# fair, the fleet stayed home", "A week after Varnholt said ..."): no comma between the
# subordinator and the cue
_SUBORDINATE_HEAD = re.compile(r"\b(?:[Ww]hile|[Aa]lthough|[Tt]hough|[Aa]fter|[Bb]efore|[Ww]hen|[Bb]ecause|[Ii]f|"
                               r"[Ss]ince|[Uu]ntil|[Oo]nce|[Ww]hereas)\b[^,;:]*$")


def _before_main_clause(text: str, cs: int, ce: int) -> int:
    """The end of indirect speech reported inside a subordinate clause: the comma that closes the
    clause before the main one, when at least 12 characters of speech are left."""
    comma = text.find(",", cs, ce)
    return comma if comma - cs >= 12 else ce


_LAST_COMMA = re.compile(r",\s*(?:[^,]{0,80})$")
# whom something was told, without "that": "told Fox News ...", "told reporters ..."
_TOLD_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s+){1,4}|\s+(?:him|her|them|me|us|reporters|journalists)\s+")
_TOLD_WHOM = re.compile(r"\s+(?:[\w.’'\-]+,?\s+){1,6}?(?=that\b)")
_THAT_LATER = re.compile(r"(?:(?:on|in|at|late|early|last|this|during|after)\b[^,]{0,40}?\s+|"
                         r"(?:" + _TIME_WORDS + r")\s+)?that\s+")   # also "said Thursday that", "said Monday night that"
# cues whose bare object is mostly a thing, not words ("wrote an op-ed", "denied the report",
# "reported a loss"): indirect speech only with "that"
_NEEDS_THAT = {"wrote", "writes", "reported", "reports", "maintained", "maintains", "declared", "declares",
               "denied", "denies", "confirmed", "confirms", "revealed", "reveals", "vowed", "vows"}
# words that open a phrase, not a clause, after a cue ("said in Iowa", "said about Latinos")
_NOT_CLAUSE_START = {"about", "in", "on", "at", "during", "while", "from", "and", "when", "all", "so",
                     "something", "nothing", "anything", "otherwise", "repeatedly", "again", "later"}


def _clause_after_frame(lx, rest: str) -> bool:
    """" in a statement the talks failed": a clause follows the frame."""
    m = lx["time_tail"].match(rest)
    after = rest[m.end():].split(None, 1) if m else []
    return bool(after) and len(rest) - m.end() >= 12 and after[0].lower() not in _NOT_CLAUSE_START


def _any_in(sorted_positions: list[int], lo: int, hi: int) -> bool:
    """True when one of the sorted positions lies in [lo, hi)."""
    i = bisect.bisect_left(sorted_positions, lo)
    return i < len(sorted_positions) and sorted_positions[i] < hi


def _indirect(idx, text, lx, cues, used, qregions, sents) -> list[Quote]:
    out = []
    # a sentence holds a quotation mark when an opening mark lies in [s_lo, s_hi) or a closing one
    # in (s_lo, s_hi]: two range queries on sorted positions instead of a pass over every region
    opens, closes = sorted(a for a, _ in qregions), sorted(b for _, b in qregions)
    coordinated: dict[int, tuple] = {}   # a coordinated cue's start -> the speaker of the report before it
    for cm in cues:
        if cm.start() in used:
            continue
        word = " ".join(cm.group(1).lower().split())
        if not (_INDIRECT_OK.match(word) or (word.startswith(("told ", "tells ")) and _INDIRECT_OK.match(word.split()[0]))):
            continue
        s_lo, s_hi = _sentence_bounds(sents, cm.start())
        if _any_in(opens, s_lo, s_hi) or _any_in(closes, s_lo + 1, s_hi + 1):
            continue  # sentences with quotation marks are the direct/partial quotes' business
        if _PASSIVE.search(text[max(s_lo, cm.start() - 12):cm.start()]):
            continue
        end = s_hi
        while end > s_lo and text[end - 1] in " .!?\n":
            end -= 1
        cue_end = cm.end()
        cs = ce = None
        if word == "according to":
            sp = _speaker_after(idx, text, cm.end(1), s_hi)
            if sp is None:
                continue
            # "According to X, CLAUSE." or "CLAUSE, according to X."
            comma = text.find(",", cm.end(), end)
            before = text[s_lo:cm.start()].rstrip()
            if before.endswith(",") and len(before) > 20:
                cs, ce = s_lo, s_lo + len(before) - 1
            elif comma > 0:
                cs, ce = comma + 1, end
            else:
                continue
        else:
            lead = text[s_lo:cm.start()].rstrip()
            sp = None
            if lead.endswith(",") and len(lead) > 20 and end - cm.end() < 90 and _INVERTED.match(text, cm.end(1)):
                sp2 = _speaker_after(idx, text, cm.end(1), s_hi)
                if sp2:
                    sp, cs, ce = sp2, s_lo, s_lo + len(lead) - 1
            if sp is None:
                sp = coordinated.get(cm.start(1)) or _speaker_before(idx, text, s_lo, cm.start(), lx)
            if cs is not None:
                pass
            elif sp is None or not sp[0]:
                # "..., X said." after the clause, speaker following the cue
                sp2 = _speaker_after(idx, text, cm.end(1), s_hi)
                before = text[s_lo:cm.start()].rstrip()
                if sp2 and before.endswith(",") and len(before) > 20 and end - cm.end() < 60:
                    sp = sp2
                    cs, ce = s_lo, s_lo + len(before) - 1
                elif sp is None:
                    continue
                else:
                    cs, ce = None, None
            else:
                cs = ce = None
            if cs is None:
                # speaker before the cue: content after it, or before it when the cue closes the sentence
                rest = text[cue_end:end]
                lead = text[s_lo:cm.start()]
                mcomma = _LAST_COMMA.search(lead)
                if len(rest.strip()) < 12 or lx["time_tail"].fullmatch(rest) or (
                        lx["frames"].match(rest) and len(rest) < 60 and not _clause_after_frame(lx, rest)):
                    if mcomma and mcomma.start() > 20:
                        cs, ce = s_lo, s_lo + mcomma.start()
                    else:
                        continue
                else:
                    if word in ("told", "tells") and not cm.group(2):
                        mt = _TOLD_WHOM.match(rest)
                        if mt:
                            cue_end += mt.end()
                        else:
                            mo = _TOLD_OBJECT.match(rest)
                            if not mo:
                                continue
                            cue_end += mo.end()
                    mth = _THAT.match(text, cue_end)
                    cs = mth.end() if mth else cue_end
                    ce = end
                    # "X said on Tuesday that ..." / "X said in a statement that ..."
                    mt2 = _THAT_LATER.match(text, cs, ce)
                    if mt2:
                        cs = mt2.end()
                    elif "that" not in mth.group():
                        # no complementiser: a clause must follow ("X said the talks failed"), not a
                        # phrase ("said in Iowa", "wrote an op-ed")
                        first = text[cs:ce].split(None, 1)[0].lower() if text[cs:ce].strip() else ""
                        if first in _NOT_CLAUSE_START and word not in _NEEDS_THAT:
                            # "X said on Wednesday the talks failed": a time or frame, then the clause
                            mt3 = lx["time_tail"].match(text, cs, ce)
                            after = text[mt3.end():ce].split(None, 1) if mt3 else []
                            if not after or ce - mt3.end() < 12 or after[0].lower() in _NOT_CLAUSE_START:
                                continue
                            cs = mt3.end()
                        elif word in _NEEDS_THAT:
                            continue
                        else:
                            # "X said Thursday the talks failed": a bare time before the clause
                            mt4 = lx["time_tail"].match(text, cs, ce)
                            if mt4 and mt4.end() > cs and text[mt4.end() - 1] in " ,\n" and ce - mt4.end() >= 12:
                                cs = mt4.end()
                    ce = _before_writers_clause(text, cs, ce)
                    mc = _COORDINATED_CUE.search(text, cs, ce)
                    if mc and mc.start() - cs >= 12:
                        ce = mc.start()
                        coordinated[mc.end()] = sp
                    if _SUBORDINATE_HEAD.search(text, s_lo, cm.start()):
                        ce = _before_main_clause(text, cs, ce)
                    if ce - cs < 12:
                        continue
        while cs < ce and text[cs].isspace():
            cs += 1
        if ce - cs < 12:
            continue
        out.append(Quote(cs, ce, text[cs:ce], "indirect", sp[0], sp[1], sp[2], " ".join(cm.group(0).split()),
                         cm.start(), cm.end(), lx["etype"].get(word, "statement"), s_lo, s_hi))
    return _nested_once(text, out)


def _nested_once(text: str, quotes: list[Quote]) -> list[Quote]:
    """"X said the inspectors would be welcome, IRNA reported": one row, X's words without the
    outer attribution (the outer report's content is X's attribution itself)."""
    if len(quotes) < 2:
        return quotes
    drop: set[int] = set()
    cut: dict[int, int] = {}
    for i, outer in enumerate(quotes):
        for j, inner in enumerate(quotes):
            if i != j and outer.sentence_start == inner.sentence_start and outer.start <= inner.cue_start < outer.end \
                    and inner.start < outer.cue_start < inner.end + 2 and inner.start >= outer.start:
                drop.add(i)
                cut[j] = min(cut.get(j, inner.end), outer.cue_start)
    out = []
    for k, q in enumerate(quotes):
        if k in drop:
            continue
        if k in cut:
            e = cut[k]
            while e > q.start and text[e - 1] in " ,;—–-":
                e -= 1
            mt = _TAIL_ATTRIBUTION_START.search(text, q.start, e)
            if mt:
                e = mt.start()
            if e - q.start < 12:
                continue
            q = dataclasses.replace(q, end=e, text=text[q.start:e])
        out.append(q)
    return out


# ", IRNA" before the outer cue: the start of the outer attribution left after cutting at its cue
_TAIL_ATTRIBUTION_START = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s*){1,5}$")
