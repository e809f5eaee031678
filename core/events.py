"""Events of news English: what kind (talks, meeting, visit, call, agreement ...), planned, held or
called off, who took part, where. Speech (said, urged, accused ...) is core/quotes.py's job.

Triggers and status cues are data (``core/data/events.json``); this module applies them sentence
by sentence and merges the mentions of one event within an article.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from re import _constants as _c

from core.actors import alternation
from core.places import PlaceMention, country_code
from core.regex_openings import FOLD_CHARS, opening_letters

DATA = Path(__file__).with_name("data") / "events.json"
# after these the words no longer name the event's participants (purpose, topic, background)
_ARGUMENT_END = re.compile(
    r",?\s+(?:in\s+order\s+to|to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]+\b|aimed\s+at|amid|after|following|"
    r"before|since|because|as\s+part\s+of|despite|while|which|who|where|but)\b|[;:(]|,\s+(?:the|a|an)\s+[a-z]+\s+(?:in|of|for)\b|"
    # a closing attribution: ", the Kremlin said", ", West German officials told reporters"
    r",\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|reported|announced|added|according)\b")
# what one meets that is not a person: "meet 1987 growth targets", "met the deadline"
_MEET_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|our|these|those|all|any|some|such|this|that|[\d.,/-]+)\s+)*"
    r"(?:[\w-]+\s+){0,2}?(?:demands?|targets?|requirements?|obligations?|payments?|deadlines?|costs?|needs?|"
    r"criteria|conditions?|expectations?|rollbacks?|quotas?|standards?|goals?|commitments?|debts?|bills?|"
    r"shortfalls?|challenges?|forecasts?|estimates?|requests?|terms|objectives?|limits?|ceilings?|"
    r"schedules?|repayments?|interest|demand|supply|orders?|competition|resistance|opposition)\b", re.I)
_FINITE = re.compile(r"\b(?:will|would|is|are|was|were|has|have|had|shall|may|might|could)\b", re.I)
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|reported|announced|added)\b")
# events whose "in X" names the target or the setting, not a place where they happened
NO_LOCATION = ("sanction", "accusation", "threat", "demand", "rejection")
# the speech clause before an event told in reported speech: "The Kremlin said (that) ..."
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?reporters|announced|reported|added|confirmed)"
                            r"(?:\s+on\s+[A-Z]\w+)?,?\s+(?:that\s+)?")
# a reference to the parties of an event told before: "the two sides", "both leaders"
_PAIR = re.compile(r"\b(?:the\s+)?(?:two|both)\s+(?:sides|leaders|countries|ministers|governments|delegations|"
                   r"presidents|parties|neighbou?rs|men|women|officials|nations|teams|negotiators)\b", re.I)
_LOCATION = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?=[A-Z])")
_DESTINATION = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?(?=[A-Z])")   # a visit goes "to" its place
_DEFINITE_BARE = re.compile(r"^(?:the|these|those|such|its|their|his|her)\s+(?:\w+\s+)?(?:talks|negotiations|meeting|visit|trip|summit|calls?)$", re.I)
CONSULT = ("talks", "meeting", "visit", "call")


@dataclass(frozen=True, slots=True)
class Participant:
    start: int
    end: int
    name: str          # canonical
    kind: str          # person, organisation, group, media, country
    country: str = ""  # alpha-3
    role: str = ""


@dataclass(slots=True)
class Event:
    type: str
    status: str                     # occurred, planned, cancelled
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    nominal: bool
    future: bool = False            # planned in the future tense (will, plans to), not "was due to"
    distinct: bool = False          # "a second round", "new talks": never the same as one told before
    actors: list[str] = field(default_factory=list)
    host: str = ""
    countries: list[str] = field(default_factory=list)
    location: str = ""
    location_country: str = ""
    summary: str = ""
    evidence: list[tuple[int, int]] = field(default_factory=list)


_HEAD = 3   # a word may start a trigger when its first letters open one of the trigger's words
_WORD_START = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=1)
def _grammar():
    from re import _parser

    d = json.loads(DATA.read_text(encoding="utf-8"))
    parts, kinds, by_head, opens = [], [], {}, set()
    for i, t in enumerate(d["triggers"]):
        parts.append(f"(?P<t{i}>\\b{t['pattern']})")
        kinds.append((t["type"], t["kind"] == "nominal"))
        parsed = list(_parser.parse(t["pattern"], re.I))
        words = opening_letters(parsed)
        opens |= opening_letters(parsed, bounded=True)
        if any(len(w) < _HEAD for w in words):
            raise ValueError(f"trigger {t['pattern']!r} must open with words of {_HEAD}+ letters")
        for head in {w[:_HEAD] for w in words}:
            by_head.setdefault(head, []).append(parts[-1])
    # per head, the alternation of only the triggers that can open with it, in the list's order
    # and with the same group names: at a word with that head it matches what the whole
    # alternation matches (the others cannot match there), without trying every trigger
    heads = {head: re.compile("|".join(alts), re.I) for head, alts in by_head.items()}
    # the words that open with a head, found by the regex engine rather than word by word in
    # Python: a run of ASCII letters (as _WORD_START finds them) whose first letters are a head
    any_head = re.compile(r"(?<![A-Za-z])" + alternation(heads) + r"[A-Za-z]*", re.I | re.A)
    # only those that start with the letters some trigger opens with (a fifth of them): exact
    # unless the text holds one of the four characters a trigger's ASCII letter matches without
    # case (trigger_matches tries every head then)
    if any(len(w) < _HEAD or not w.isascii() or w[:_HEAD] not in heads for w in opens):
        raise ValueError("trigger openings must be ASCII letters opening with a head")
    # those words in the text's letters (_letters_only), found as a space followed by an opening:
    # the same words as "(?<![A-Za-z])" + openings without case when the text holds none of
    # FOLD_CHARS. Opening with a literal lets the engine skip to the spaces in a plain byte loop:
    # 2.3 times faster than the lookbehind and case-free branches tried at every position, and a
    # fifth faster again than a character set ("[^a-z]") over the lower-cased text
    opening = (re.compile(alternation(opens).encode()), re.compile(b" " + alternation(opens).encode()))
    return (re.compile("|".join(parts), re.I), kinds,
            re.compile(d["planned"], re.I), re.compile(d["past_planned"], re.I),
            re.compile(d["cancelled"], re.I), re.compile(d["occurred_after"], re.I),
            re.compile(d["negated"], re.I), heads, opening, any_head)


# every byte to itself when it is a lower-case ASCII letter, to its lower case when it is an
# upper-case one, to a space otherwise
_LETTER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def _letters_only(text: str) -> bytes:
    """``text`` as bytes, one per character (same offsets): ASCII letters in lower case, every
    other character a space. Where the text holds none of FOLD_CHARS, a byte is a letter exactly
    where text.lower() has an ASCII letter, and the same one (str.lower maps no other character
    to an ASCII letter, and changes the length of none)."""
    return text.encode("ascii", "replace").translate(_LETTER_BYTES)


def _case_free(items) -> bool:
    """True when a parsed pattern (``re._parser.parse(pattern, re.I)``, as a list) matches under
    re.I exactly what it matches without it over the lower-cased string, for a string holding none
    of FOLD_CHARS: its literals and ranges hold no capital letter and nothing outside ASCII that
    has a case, it changes no flag inside and refers back to no group (conservative: anything
    else is not case-free)."""
    def plain(c: int) -> bool:
        ch = chr(c)
        return not ("A" <= ch <= "Z") and (c < 128 or ch.lower() == ch.upper() == ch.casefold() == ch)

    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if not plain(av):
                return False
        elif op is _c.IN:
            for iop, iav in av:
                if iop in (_c.LITERAL, _c.NOT_LITERAL) and not plain(iav):
                    return False
                if iop is _c.RANGE and not (iav[1] < 128 and (iav[1] < ord("A") or iav[0] > ord("Z"))):
                    return False
                if iop not in (_c.LITERAL, _c.NOT_LITERAL, _c.RANGE, _c.CATEGORY, _c.NEGATE):
                    return False
        elif op is _c.BRANCH:
            if not all(_case_free(list(alt)) for alt in av[1]):
                return False
        elif op is _c.SUBPATTERN:
            if av[1] or av[2] or not _case_free(list(av[3])):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _case_free(list(av[2])):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _case_free(list(av[1])):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _case_free(list(av)):
                return False
        elif op not in (_c.AT, _c.ANY, _c.CATEGORY):
            return False
    return True


class _Lowered:
    """A pattern compiled with re.I, tried on a short string without re.I over the string in lower
    case where that finds the same (``_case_free``, and the string holds none of FOLD_CHARS:
    lower() then keeps every offset and word character): case-free branches let the engine skip a
    branch on its first letter, 2-2.5x faster on the status rules. Before that, when every match
    opens with one of a few letter sequences (``opening_letters``), a string holding none of them
    is not searched at all. ``found`` tells only whether there is a match."""
    __slots__ = ("rx", "low", "opens")

    def __init__(self, pattern: str):
        from re import _parser

        parsed = list(_parser.parse(pattern, re.I))
        self.rx = re.compile(pattern, re.I)
        self.low = re.compile(pattern) if _case_free(parsed) else None
        opens = opening_letters(parsed, bounded=True) if self.low is not None else {""}
        # (worth testing only when they are few and none is a common short word such as "is")
        self.opens = tuple(sorted(opens)) if len(opens) <= 16 and min(map(len, opens)) >= 3 else ()

    def found(self, s: str, pos: int = 0) -> bool:
        """Whether ``rx.search(s, pos)`` finds a match."""
        if self.low is None or (not s.isascii() and any(c in s for c in FOLD_CHARS)):
            return self.rx.search(s, pos) is not None
        low = s.lower()
        if self.opens and not any(o in low for o in self.opens):
            return False
        return self.low.search(low, pos) is not None

    def opens_string(self, s: str) -> bool:
        """Whether ``rx.match(s)`` finds a match."""
        if self.low is None or (not s.isascii() and any(c in s for c in FOLD_CHARS)):
            return self.rx.match(s) is not None
        return self.low.match(s.lower()) is not None


# the module's case-free patterns asked only whether they match (see the calls)
_PAIR_RULE = _Lowered(_PAIR.pattern)
_MEET_OBJECT_RULE = _Lowered(_MEET_OBJECT.pattern)


@functools.lru_cache(maxsize=1)
def _status_rules() -> dict[str, _Lowered]:
    """The status and negation rules of core/data/events.json (as _grammar compiles them), for
    status_of and find_events to ask whether a short string holds a match."""
    d = json.loads(DATA.read_text(encoding="utf-8"))
    return {k: _Lowered(d[k]) for k in ("planned", "past_planned", "cancelled", "occurred_after", "negated")}


def _holds_fold(text: str, start: int, stop: int) -> bool:
    """True when text[start:stop] holds a character of FOLD_CHARS (substring searches: ~20 times
    faster than the FOLDS_TO_ASCII regex over a whole article; nothing to search in ASCII)."""
    return not text.isascii() and any(text.find(c, start, stop) >= 0 for c in FOLD_CHARS)


def _trigger_starts(text: str, start: int, stop: int) -> tuple[list[int], list[str]]:
    """The offsets in text[start:stop] where a trigger may begin (ASCII words whose first
    letters open one; every word with a head when the text holds a character of
    FOLD_CHARS), and each one's head (its first letters, lower case)."""
    *_, (opening_at, opening_after), any_head = _grammar()
    # the lower-cased text starts at the character before ``start``, which tells whether a word
    # begins at ``start``
    lo = max(start - 1, 0)
    if _holds_fold(text, lo, stop):
        words = [w.start() for w in any_head.finditer(text, start, stop)]
        return words, [text[i:i + _HEAD].lower() for i in words]
    low = _letters_only(text[lo:stop])
    words = [lo + m.start() + 1 for m in opening_after.finditer(low)]
    if start == 0 and opening_at.match(low):
        words.insert(0, 0)
    return words, [text[i:i + _HEAD].lower() for i in words]


def _matches_from(text: str, starts: tuple[list[int], list[str]], start: int, stop: int) -> list[re.Match]:
    """The trigger matches in text[start:stop] tried at the ``starts`` (see _trigger_starts)
    inside it, left to right and not overlapping."""
    heads = _grammar()[-3]
    words, keys = starts
    out, end = [], 0
    for i in range(bisect.bisect_left(words, start), len(words)):
        pos = words[i]
        if pos >= stop:
            break
        if pos < end:
            continue
        m = heads[keys[i]].match(text, pos, stop)
        if m:
            out.append(m)
            end = m.end()
    return out


def trigger_matches(text: str, start: int = 0, stop: int | None = None) -> list[re.Match]:
    """The trigger matches in text[start:stop], left to right and not overlapping (as
    ``finditer`` gives them), tried only at words whose first letters can open a trigger."""
    stop = len(text) if stop is None else stop
    return _matches_from(text, _trigger_starts(text, start, stop), start, stop)


def _clause_before(text: str, sent: tuple[int, int], pos: int) -> str:
    """The words of the sentence before a trigger, from the last clause break."""
    s = text[sent[0]:pos]
    cut = max(s.rfind(","), s.rfind(";"), s.rfind(" but "), s.rfind(" and "))
    return s[cut + 1:] if cut >= 0 and len(s) - cut < 40 else s[-80:]


def status_of(text: str, sent: tuple[int, int], trig: tuple[int, int], nominal: bool) -> tuple[str, bool]:
    """(status, future): planned / cancelled / occurred from the words around the trigger."""
    rules = _status_rules()
    planned, past_planned, cancelled, occurred_after = (rules["planned"], rules["past_planned"],
                                                        rules["cancelled"], rules["occurred_after"])
    before = _clause_before(text, sent, trig[0])
    after = text[trig[1]:min(sent[1], trig[1] + 60)]
    predicate = ""
    if nominal:
        # a nominal trigger is the subject: its fate is told by the predicate after it
        comma = text.find(",", trig[1], sent[1])
        after = text[trig[1]:comma if comma >= 0 else sent[1]]
        if len(before.split()) <= 3 and comma >= 0:
            # "A meeting between X and Y, which was due to ..., has been postponed": the main
            # predicate after the relative clause, up to the attribution
            predicate = text[comma:sent[1]]
            said = _SAID_AFTER.search(predicate)
            predicate = predicate[:said.start()] if said else predicate
    near = before[-60:] + text[trig[0]:trig[1]] + after[:120 if nominal else 40]
    if cancelled.found(near) or cancelled.found(predicate):
        return "cancelled", False
    if past_planned.found(before):
        return "planned", False
    if nominal and len(before.split()) <= 3:
        # the subject's own predicate: "Talks on coffee quotas at the ICO session will resume"
        verb = _FINITE.search(text, trig[1], sent[1])
        if verb and not _CLAUSE_MARK.search(text, trig[1], verb.start()):
            after = text[verb.start():sent[1]]
            if past_planned.found(after[:45]):
                return "planned", False
    if nominal and occurred_after.found(after):
        return "occurred", False
    if planned.found(before) or (nominal and planned.found(after[:45])):
        return "planned", True
    return "occurred", False


_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?:[^,]*)$")
# patterns status_of, nominal_window, find_events and _fill_participants try, compiled once
_SAID_AFTER = re.compile(r",\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|reported|announced)\b")
_CLAUSE_MARK = re.compile(r"[,;]")
_ENDS_WITH_LINK = re.compile(r"\b(?:with|between|among|to|in|at)\s*$")
_NOUN_FIRST = re.compile(r"(?:talks|negotiations|consultations)\b", re.I)
_TOPIC_ON = re.compile(r"\s+on\s+(?:the\s+)?")
_HOSTED = re.compile(r"\b(hosted|hosts|host|hosting)\b")
_ASIDE = re.compile(r",\s+who\s+[^,]*,")


def asides(text: str, sent: tuple[int, int], trig: tuple[int, int]) -> list[tuple[int, int]]:
    """Relative clauses about a person that do not hold the trigger (", who flew to Jakarta
    yesterday,"): their dates are not the event's. (", which had been set for Thursday," after an
    event's noun phrase dates the event: it is kept.)"""
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text, sent[0], sent[1])
            if not m.start() <= trig[0] < m.end()]


def argument_window(text: str, sent: tuple[int, int], trig: tuple[int, int]) -> tuple[int, int]:
    """The part of the sentence naming the event's participants: the clause up to the trigger
    and the object after it, stopping at a purpose, topic or background phrase."""
    m = _ARGUMENT_END.search(text, trig[1], sent[1])
    end = m.start() if m else sent[1]
    start = sent[0]
    before = text[sent[0]:trig[0]]
    rel = _RELATIVE.search(before)
    close = text.find(",", trig[1], sent[1]) if rel else -1
    if close >= 0:
        # "Conable, who flew to Indonesia yesterday, will meet ...": the relative clause's event
        # is about the name before it, up to the clause's closing comma
        return sent[0], min(end, close)
    # a clause break just before the trigger's subject ("At a briefing on Tuesday, X met ...")
    for brk in (" that ", ", "):
        i = before.rfind(brk)
        while i >= 0 and text[sent[0] + i + len(brk):trig[0]].count(",") > 2:
            i = before.rfind(brk, 0, i)
        if i >= 0 and brk == " that ":
            start = sent[0] + i + len(brk)
            break
    speech = None
    for speech in _SPEECH_BEFORE.finditer(text, start, trig[0]):
        pass
    if speech is not None:
        start = speech.end()
    return start, end


def nominal_window(text: str, sent: tuple[int, int], trig: tuple[int, int]) -> tuple[int, int]:
    """The noun phrase of a nominal trigger: its modifiers ("the US-Iran talks", "Larijani's
    visit") and what follows a with/between/to ("talks with Tehran and Washington")."""
    np = _np_before(text, max(sent[0], trig[0] - 40), trig[0])
    start = np.start() if np else trig[0]
    end = trig[1]
    if _INFORMATIVE_AFTER.match(text[trig[1]:trig[1] + 12]) or \
            _ENDS_WITH_LINK.search(text[trig[0]:trig[1]]):
        comma = text.find(",", trig[1], sent[1])
        end = min(argument_window(text, sent, trig)[1], comma if comma >= 0 else sent[1])
    return start, end


def _within(m, spans) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _outside(items: list, spans: list[tuple[int, int]]) -> list:
    """The items (participants, places) not within any of the spans, in order; the list itself
    when there are no spans (most sentences have no appositive): treat it as read-only."""
    return [m for m in items if not _within(m, spans)] if spans else items


def find_events(text: str, sentences: list[tuple[int, int]], participants: list[Participant],
                places: list[PlaceMention], skip: list[tuple[int, int]] = (),
                datelines: tuple[str, ...] = ()) -> list[Event]:
    """Events in the article text; ``skip`` spans (direct quotations) hold none."""
    rx, kinds, *_ = _grammar()
    negated = _status_rules()["negated"]
    out: list[Event] = []
    # where triggers may begin, found once for the whole text (a match is still looked for
    # sentence by sentence, within the sentence)
    starts = _trigger_starts(text, 0, len(text))
    words = starts[0]
    for sent in sentences:
        k = bisect.bisect_left(words, sent[0])
        if k == len(words) or words[k] >= sent[1]:
            continue   # no word of the sentence can open a trigger
        seen_types: set[tuple[str, bool]] = set()
        for m in _matches_from(text, starts, sent[0], sent[1]):
            trig = (m.start(), m.end())
            if any(a <= trig[0] < b for a, b in skip):
                continue
            i = int(m.lastgroup[1:])
            etype, nominal = kinds[i]
            if (etype, nominal) in seen_types:
                continue
            if nominal and _is_bare_reference(text, sent, trig):
                continue
            if etype == "meeting" and _MEET_OBJECT_RULE.opens_string(text[trig[1]:sent[1]]):
                continue   # "to meet growth targets", "refusal to meet rollbacks": not a meeting
            if negated.found(_clause_before(text, sent, trig[0])[-60:]):
                continue   # "did not meet", "no plans for an emergency meeting", "failed to reach"
            status, future = status_of(text, sent, trig, nominal)
            noun_first = _NOUN_FIRST.match(m.group())
            win = nominal_window(text, sent, trig) if nominal or noun_first else argument_window(text, sent, trig)
            ev = Event(etype, status, trig, sent, nominal, future, evidence=[sent],
                       distinct=bool(_DISTINCT.search(text, max(sent[0], trig[0] - 25), trig[1])))
            aside = _appositives(text, sent, participants)
            people, where = _outside(participants, aside), _outside(places, aside)
            _fill_participants(ev, text, win, people, where)
            if not nominal:
                _pronoun_subject(ev, text, sent, trig, participants)
            elif etype == "talks" and len(ev.countries) < 2:
                # "Canadian and Egyptian negotiators failed ... during talks last week": the
                # countries of the clause that tells the talks
                start = max(sent[0], trig[0] - 200)
                for pl in where:
                    if start <= pl.start and pl.end <= trig[0] and pl.code \
                            and pl.kind in ("country", "demonym", "seat") and pl.code not in ev.countries:
                        ev.countries.append(pl.code)
            # (_PAIR opens with \b: the character before the window tells whether a word starts)
            before = 1 if win[0] > 0 else 0
            if _PAIR_RULE.found(text[win[0] - before:max(win[1], trig[1])], before):
                # "the two sides", "both leaders": the parties of the event told before
                ev.actors = [a for a in ev.actors if not _PAIR.fullmatch("the " + a) and not _PAIR.fullmatch(a)]
                prior = next((o for o in reversed(out) if o.sentence[1] <= sent[0]
                              and (len(o.actors) >= 2 or len(o.countries) >= 2)), None)
                if prior is not None:
                    ev.actors = list(dict.fromkeys(prior.actors + ev.actors))
                    ev.countries = list(dict.fromkeys(prior.countries + ev.countries))
            if nominal and etype == "visit" and not any(p.kind == "person" and p.name in ev.actors for p in participants):
                # "Lukman, during a brief visit to London, said": the person the clause is about
                who = [p for p in people if sent[0] <= p.start < trig[0] and p.kind == "person"]
                if who:
                    ev.actors.insert(0, who[-1].name)
            if nominal and not ev.actors and not ev.countries:
                # "Talks on coffee quotas at the ICO council will resume": the clause's parties
                _fill_participants(ev, text, argument_window(text, sent, trig), people, where)
            _fill_location(ev, text, win, where, datelines)
            if not ev.actors and not ev.countries and not nominal and etype in CONSULT:
                # "Envoys from Veloria met in Port Calder": the group that is the subject
                group = _group_subject(text, win[0], trig[0])
                if group:
                    ev.actors = [group]
                    if not ev.location:
                        place = _UNKNOWN_PLACE.match(text, trig[1], sent[1])
                        ev.location = place.group(1) if place else ""
            if not ev.actors and not ev.countries:
                # "a second round of talks": the parties of the talks the article told before
                same = [o for o in out if o.type == etype]
                prior = next((o for o in reversed(same) if len(o.countries) >= 2), same[-1] if same else None)
                if prior is None or not nominal:
                    continue
                ev.countries = list(prior.countries)
                ev.host = prior.host
            seen_types.add((etype, nominal))
            out.append(ev)
    return merge_within_article(out)


_DISTINCT = re.compile(r"\b(?:round|another|new|fresh|further|renewed)\b", re.I)
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|our|such)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_NP_BEFORE = re.compile(r"(?:(?:[\w’'-]+)\s+){0,4}$")


def _np_before(text: str, lo: int, hi: int) -> re.Match:
    """``_NP_BEFORE.search(text, lo, hi)``, the search started where a match can start at the
    earliest: what a match spans holds at most four words (and spaces), so it starts at or after
    the fourth-last run of characters that are no space in text[lo:hi]; starting the search
    there skips the positions before, each of which fails after reading up to four words."""
    parts = text[lo:hi].rsplit(None, 4)
    return _NP_BEFORE.search(text, lo + len(parts[0]) if len(parts) == 5 else lo, hi)
# a clause after a comma that is not a description of the name before it
_NOT_APPOSITIVE = re.compile(r"(?:was|were|is|are|has|have|had|will|would|can|could|may|might|must|should|"
                             r"did|does|do|said|says|told|added|also|and|but|or|who|which|that|while|as|"
                             r"then|so|yet|not|[a-z]+ed|[a-z]+ing)$")
_BETWEEN = re.compile(r"\b(?:between|among)\s+([^,;.]+?)(?=[,;.]|\s+(?:amid|after|to|in\s+order|aimed)\b|$)")
_INFORMATIVE_AFTER = re.compile(r"^\s+(?:with|between|among|to|in|at|on\s+[A-Z])\b")


def _is_bare_reference(text: str, sent: tuple[int, int], trig: tuple[int, int]) -> bool:
    """A definite mention of an event the article already tells ("the talks", "the recent
    talks", "its negotiations"), with no participants, place or status of its own: no new event."""
    np = _np_before(text, max(sent[0], trig[0] - 60), trig[0])
    before = np.group() if np else ""
    if not _DETERMINER.search(before):
        return False
    return not _INFORMATIVE_AFTER.match(text[trig[1]:trig[1] + 12])


_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s+|\b(?:that|and|but)\s+)(?:he|she)\s+(?:[a-z]+\s+){0,2}$", re.I)
_PRONOUN_SUBJECT_RULE = _Lowered(_PRONOUN_SUBJECT.pattern)


_UNKNOWN_PLACE = re.compile(r"\s+(?:with\s+\w+\s+)?(?:in|at)\s+((?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}))")


@functools.lru_cache(maxsize=1)
def _group_rx():
    words = json.loads(DATA.read_text(encoding="utf-8"))["group_subjects"]
    return re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+){0,2}(?i:" + words +
                      r")(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?)\s+$")


def _group_subject(text: str, start: int, trig: int) -> str:
    """The subject of a consultation when it is a group ("Envoys from Veloria", "Senior
    officials"): the words right before the trigger."""
    m = _group_rx().search(text[start:trig])
    return m.group(1).strip() if m else ""


def _pronoun_subject(ev: Event, text: str, sent: tuple[int, int], trig: tuple[int, int],
                     participants: list[Participant]) -> None:
    """"He met with ...": the subject is the person the article named last before the sentence."""
    if not _PRONOUN_SUBJECT_RULE.found(text[sent[0]:trig[0]]):
        return
    before = [p for p in participants if p.end <= sent[0] and p.kind == "person"]
    if before and before[-1].name not in ev.actors:
        ev.actors.insert(0, before[-1].name)
        if before[-1].country and before[-1].country not in ev.countries:
            ev.countries.insert(0, before[-1].country)


def _appositives(text: str, sent: tuple[int, int], participants: list[Participant]) -> list[tuple[int, int]]:
    """Descriptions set off by commas after a name (", secretary of Iran's Supreme National
    Security Council,"): the names and places inside describe the actor, they do not take part."""
    out = []
    for p in participants:
        if not (sent[0] <= p.start < sent[1]) or text[p.end:p.end + 2] != ", ":
            continue
        body_start = p.end + 2
        first = text[body_start:body_start + 20].split(" ")[0]
        if not first or not first[0].islower() or _NOT_APPOSITIVE.match(first):
            continue
        close = text.find(",", body_start, sent[1])
        out.append((body_start, close if close >= 0 else sent[1]))
    return out


def _fill_participants(ev: Event, text: str, win: tuple[int, int], participants: list[Participant],
                       places: list[PlaceMention]) -> None:
    names: dict[str, None] = {}
    countries: dict[str, None] = {}
    for p in participants:
        if win[0] <= p.start and p.end <= win[1] and p.kind != "media":
            names.setdefault(p.name)
            if p.country:
                countries.setdefault(p.country)
    for pl in places:
        if win[0] <= pl.start and pl.end <= win[1] and pl.code:
            countries.setdefault(pl.code)
    if ev.type == "talks":
        # talks are between countries, named in a between-phrase of the sentence ("aimed at
        # averting a conflict between Tehran and Washington") or as the topic ("talks on Iran's
        # nuclear program")
        spans = [(m.start(1), m.end(1)) for m in _BETWEEN.finditer(text, ev.sentence[0], ev.sentence[1])]
        topic = _TOPIC_ON.match(text[ev.trigger[1]:ev.trigger[1] + 10])
        if topic:
            spans.append((ev.trigger[1] + topic.end(), ev.trigger[1] + topic.end() + 25))
        for pl in places:
            if pl.code and any(a <= pl.start and pl.end <= b for a, b in spans):
                countries.setdefault(pl.code)
    ev.actors = list(names)
    ev.countries = list(countries)
    m = _HOSTED.search(text[win[0]:ev.trigger[1]])
    if m and ev.type in ("talks", "meeting"):
        subj = [pl for pl in places if win[0] <= pl.start < win[0] + m.start() and pl.code]
        if subj:
            ev.host = subj[-1].code


def _fill_location(ev: Event, text: str, win: tuple[int, int], places: list[PlaceMention],
                   datelines: tuple[str, ...]) -> None:
    if ev.type in NO_LOCATION:
        return
    # a closing attribution (", officials in Mumbai said") tells where the news came from
    said = _ATTRIBUTION.search(text, ev.trigger[1], ev.sentence[1])
    stop = said.start() if said else ev.sentence[1]
    cands = [pl for pl in places if ev.sentence[0] <= pl.start and pl.end <= stop
             and pl.kind in ("seat", "city", "country") and pl.code
             and (_DESTINATION if ev.type == "visit" else _LOCATION).search(
                 text, max(ev.sentence[0], pl.start - 9), pl.start + 1)
             and text[pl.end:pl.end + 2] not in ("'s", "’s")   # "to Turkey's ambassador"
             and text[pl.end:pl.end + 1] != "-" and text[pl.start - 1:pl.start] != "-"]
    # "the Muscat meeting": a place right before a nominal trigger
    before = [pl for pl in places if ev.nominal and pl.end <= ev.trigger[0] and ev.trigger[0] - pl.end <= 1
              and pl.code and pl.kind in ("seat", "city", "country")]
    # "visited Isfahan", "arrived in Lima", "to visit Lahore": the place right after the trigger
    if not before and ev.type == "visit":
        before = [pl for pl in cands + [pl for pl in places if pl.kind in ("seat", "city", "country")]
                  if pl.code and 0 <= pl.start - ev.trigger[1] <= 2][:1]
    pick = before[-1] if before else (min(cands, key=lambda pl: abs(pl.start - ev.trigger[1])) if cands else None)
    if pick is not None:
        ev.location, ev.location_country = pick.text.strip(), pick.code
    elif ev.type in ("talks", "meeting", "visit") and datelines:
        # the dateline: the place abroad for the actor reporting home ("TEHRAN/ MUSCAT")
        codes = [(d, country_code(d) or "") for d in datelines]
        abroad = [(d, c) for d, c in codes if c and c in ev.countries[1:]] or \
                 [(d, c) for d, c in codes if c and c in ev.countries]
        if abroad:
            ev.location, ev.location_country = abroad[-1]
    if ev.location_country and ev.location_country not in ev.countries:
        ev.countries.append(ev.location_country)


def _compatible(a: Event, b: Event) -> bool:
    if a.distinct or b.distinct:
        return False
    if a.type != b.type and {a.type, b.type} != {"meeting", "visit"}:
        return False
    if a.status != b.status:
        return False
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    return bool(set(a.countries) & set(b.countries)) or not (a.countries and b.countries)


def merge_within_article(events: list[Event]) -> list[Event]:
    """One row per event: later mentions of the same event (same kind, status and participants)
    join the first, adding their evidence; a nominal mention never starts an event that a
    verbal one in the article tells."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: (e.nominal, e.trigger[0])):
        target = next((o for o in out if _compatible(o, ev)), None)
        if target is None:
            out.append(ev)
            continue
        for a in ev.actors:
            if a not in target.actors:
                target.actors.append(a)
        if not target.location and ev.location:
            target.location, target.location_country = ev.location, ev.location_country
        for c in ev.countries:
            if c not in target.countries and (target.type != "call"):
                target.countries.append(c)
        target.host = target.host or ev.host
        if ev.sentence not in target.evidence:
            target.evidence.append(ev.sentence)
    return sorted(out, key=lambda e: e.trigger[0])


def with_summary(ev: Event, short: dict[str, str], country_name) -> Event:
    """The event with a line a person can read on a timeline ("Larijani meets Sultan Haitham in Muscat")."""
    names = [short.get(a, a) for a in ev.actors]
    where = f" in {ev.location}" if ev.location else ""
    who = " and ".join(names[:2]) if names else " and ".join(country_name(c) for c in ev.countries[:2])
    if ev.type == "meeting" and len(names) >= 2:
        verb = {"planned": "due to meet", "cancelled": "meeting called off with"}.get(ev.status, "meets")
        line = f"{names[0]} {verb} {', '.join(names[1:3])}{where}"
    elif ev.type == "talks":
        parties = [country_name(c) for c in ev.countries if c not in (ev.host, ev.location_country)][:3]
        line = "Talks" + (f" between {' and '.join(parties)}" if len(parties) >= 2 else
                          f" with {parties[0]}" if parties else "")
        if ev.host:
            line += f" hosted by {country_name(ev.host)}"
        line += where if ev.location and not ev.host else ""
        line = {"planned": f"Planned: {line[0].lower()}{line[1:]}",
                "cancelled": f"Called off: {line[0].lower()}{line[1:]}"}.get(ev.status, line)
    elif ev.type == "call":
        others = [country_name(c) for c in ev.countries[1:4]]
        line = f"{who} phone call" + ("s with " + ", ".join(others) if others else "")
    elif ev.type == "visit":
        line = f"{who} visits {ev.location or 'abroad'}"
    else:
        line = f"{who}: {ev.type}{where}"
    if ev.type not in ("meeting", "talks") or (ev.type == "meeting" and len(names) < 2):
        line = {"planned": f"Planned: {line}", "cancelled": f"Called off: {line}"}.get(ev.status, line)
    return replace(ev, summary=line)
