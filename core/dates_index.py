"""The token index of core.dates: which rules can begin at which token, read from the rules' own
parsed patterns, so that find_times tries only those (same matches as a full scan)."""
from __future__ import annotations

import re

from core.dates_grammar import RULES, _END_OF_WORD, _RULE_RE, _trie_alts
from core.regex_openings import FOLD_CHARS


# Prefilter. Running _BIG.search over a whole text makes the regex engine try every rule at every
# character (the hot spot). Instead one regex (_START_TOKEN) finds the tokens (letter runs, digit
# runs, a quote before a digit) that some rule can begin with, and at each only the rules that can
# begin with that token are tried, each by its own precompiled regex, in rule order: the first
# that matches wins, as in the ordered alternation (so the same matches), and no regex is compiled
# while documents are read. Which words each rule can begin with is read from the rule's own
# parsed pattern (_first_words), so rules and prefilter cannot drift apart; if the start of some
# rule cannot be worked out, every text is scanned in full.
try:  # the regex parser of the standard library (private module; the full scan is the fallback)
    from re import _parser as _sre_parse, _constants as _sre_c
except ImportError:  # pragma: no cover
    _sre_parse = _sre_c = None

_ANY, _DIGIT, _QUOTE, _OTHER = "<any>", "<digit>", "<quote>", "<other>"
_SEP = "<sep>"  # after a join head: a separator that may also match a non-space ("two-year")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _char_kind(code: int) -> str:
    ch = chr(code)
    return "letter" if ch in _LETTERS else _DIGIT if ch.isdigit() else _QUOTE if ch in "'’" else "other"


def _set_kinds(items) -> set[str]:
    """Kinds of character an IN item list can match (letter, digit, quote, other, any)."""
    kinds = set()
    for op, av in items:
        if op is _sre_c.LITERAL:
            kinds.add(_char_kind(av))
        elif op is _sre_c.RANGE:
            lo, hi = av
            kinds |= {_char_kind(c) for c in range(lo, min(hi, lo + 400) + 1)}
            if hi > lo + 400:
                kinds.add(_ANY)
        elif op is _sre_c.CATEGORY and av is _sre_c.CATEGORY_DIGIT:
            kinds.add(_DIGIT)
        elif op is _sre_c.CATEGORY and av is _sre_c.CATEGORY_SPACE:
            kinds.add("other")
        else:  # negated sets, word classes ...
            kinds.add(_ANY)
    return kinds


# first words so common that the word after them picks the rules to try ("the first", "the 1990s",
# "a year", "about 10"): function words and vague quantities that open rules but mostly stand
# before words no rule follows them with ("a vote", "to say", "some voters"), so that most of
# their occurrences try no rule at all instead of every rule they can open
_JOIN_HEADS = frozenset({"the", "a", "an", "to", "in", "at", "for", "that", "this", "about", "under",
                         "over", "some", "more", "less", "no", "only", "just", "up", "one", "many",
                         "several", "few",
                         "by", "new", "so", "election", "good", "before", "week", "first", "second", "another",
                         "around", "last", "next", "early", "late", "earlier", "later", "end", "start", "past",
                         "year", "two", "three", "four", "five", "six", "coming", "following", "nearly", "almost",
                         "every", "half", "weeks", "days", "years", "may", "current"})


def _matches_space(op, av) -> bool:
    if op is _sre_c.LITERAL:
        return chr(av).isspace()
    return any(o is _sre_c.CATEGORY and a is _sre_c.CATEGORY_SPACE or o is _sre_c.LITERAL and chr(a).isspace()
               for o, a in av)


def _matches_nonspace(op, av) -> bool:
    """The item may match a character that is no whitespace (the hyphen of "[\\s-]")."""
    if op is _sre_c.LITERAL:
        return not chr(av).isspace()
    return not all(o is _sre_c.CATEGORY and a is _sre_c.CATEGORY_SPACE or o is _sre_c.LITERAL and chr(a).isspace()
                   for o, a in av)


def _first_words(seq, open_: set[str], done: set[str]) -> set[str]:
    """Walk a parsed pattern: ``open_`` holds the letters read so far on each path (no word has
    ended yet); words that end (a non-letter follows) go to ``done``, as do _DIGIT / _QUOTE for
    paths that begin with a digit or a quote, and _ANY when the start cannot be told."""
    return _walk_parsed(seq, open_, done, _word_item, 3)


def _word_item(op, av, open_: set[str], done: set[str]) -> set[str]:
    """:func:`_first_words` over one character item (a literal or a class)."""
    kinds = {_char_kind(av)} if op is _sre_c.LITERAL else _set_kinds(av)
    if "letter" in kinds or _ANY in kinds:
        if op is _sre_c.IN or _ANY in kinds:
            # a class of letters: unknown word (after "the ": any second word)
            for w in open_:
                if " " not in w:
                    done.add(_ANY)
                    return set()
                done.add(w.split(" ")[0] + " " + _ANY)
            return set()
        return {w + chr(av).lower() for w in open_}
    if kinds == {"other"} and _matches_space(op, av):
        # whitespace: ends a word, but "the" waits for the word after it ("the first");
        # a separator that may be a hyphen too ("two-year") is noted as "two <sep>"
        nxt = set()
        loose = _matches_nonspace(op, av)
        for w in open_:
            if w in _JOIN_HEADS or w.endswith(" "):
                nxt.add(w.rstrip(" ") + " ")
                if loose:
                    done.add(w.rstrip(" ") + " " + _SEP)
            else:
                done.add(w or _ANY)
        return nxt
    kind = _DIGIT if kinds == {_DIGIT} else _QUOTE if kinds == {_QUOTE} else _ANY
    for w in open_:  # (a join head right before it: "end-", "year's": "end <sep>")
        done.add(w + kind if w.endswith(" ") else f"{w} {_SEP}" if w in _JOIN_HEADS else w if w else kind)
    return set()


_REPEATS = tuple(op for op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)) if op)


def _walk_parsed(seq, states: set, done: set, item, rounds: int) -> set:
    """Walk a parsed pattern (``sre_parse`` items) along every path, ``states`` holding what each
    open path has read: ``item(op, av, states, done)`` reads one character item (a literal or a
    class) and gives the states after it, noting what it learns in ``done``; groups are entered,
    the branches of an alternation walked apart and merged, a repeat walked round by round (up
    to ``rounds``, or until a round changes nothing) with the paths that may stop after each
    round kept; zero-width items are skipped. _ANY goes to ``done`` (and no path stays open)
    where the pattern cannot be followed: back references, conditionals, a loop still open after
    ``rounds``."""
    for op, av in seq:
        if not states:
            break
        if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue  # zero-width
        if op is _sre_c.LITERAL or op is _sre_c.IN:
            states = item(op, av, states, done)
        elif op is _sre_c.SUBPATTERN:
            states = _walk_parsed(av[-1], states, done, item, rounds)
        elif op is _sre_c.BRANCH:
            states = set().union(*(_walk_parsed(alt, set(states), done, item, rounds) for alt in av[1]))
        elif op in _REPEATS:
            lo, hi, body = av
            out = set(states) if lo == 0 else set()
            cur = set(states)
            for i in range(rounds):
                prev, cur = cur, _walk_parsed(body, cur, done, item, rounds)
                if i + 1 >= lo:
                    out |= cur
                if not cur or i + 1 >= hi:
                    break
                if cur == prev:  # every later round reads the same
                    out |= cur
                    break
            else:
                done.add(_ANY)  # a loop still open after the last round
                return set()
            states = out
        else:  # back references, conditionals, dots ...
            done.add(_ANY)
            return set()
    return states


def _parsed(pattern: str):
    """The parse tree of a rule's pattern, None if it cannot be read."""
    try:
        return _sre_parse.parse(pattern) if _sre_parse is not None else None
    except Exception:  # pragma: no cover
        return None


_PARSED = {name: _parsed(pat) for name, pat in RULES}  # read once for _rule_starts and _rule_digit_shapes


def _rule_starts(tree) -> set[str]:
    """The first words (lower case) a rule's matches can begin with, plus _DIGIT / _QUOTE / _ANY
    (``tree``: the rule's parsed pattern, or None)."""
    if tree is None:
        return {_ANY}
    try:
        done: set[str] = set()
        left = _first_words(tree, {""}, done)
        done |= {(w + _ANY if w.endswith(" ") else w) if w else _ANY for w in left}
        return done
    except Exception:  # pragma: no cover - an unexpected pattern shape: try this rule everywhere
        return {_ANY}


_RULE_STARTS = {name: _rule_starts(_PARSED[name]) for name, _ in RULES}


# Digit tokens. A number opens thirteen rules, and most numbers in news ("12 people", "$5
# million") begin none of them; the length of the number's digit run and the character after it
# (its "shape") tell which rules can: "2026-" an ISO date, "5 p" a clock time, "1st" an ordinal day,
# "12 " a duration, not "2026 " a clock time; after a space, the next character too: "12 p" a
# clock time ("p.m."), not a duration ("12 percent"). Each rule's shapes are read from its parsed
# pattern, as its first words are, so only the rules that can begin with a shape are tried there.
_DIGIT_CAP = 5  # digit runs of five or more digits share one shape
_END = "<end>"  # a path of the pattern ends after its digits (any character may follow)
_SPACE = "<space>"  # after the digits, whitespace: (digits, _SPACE, the character after it)
_ASCII_SPACE = frozenset(chr(i) for i in range(128) if chr(i).isspace())


def _item_chars(op, av) -> frozenset[str] | None:
    """The ASCII characters (letters lower-cased) a LITERAL or IN item can match, only the digits
    0-9 standing for every digit; None when it cannot be told (negated sets, word classes ...)."""
    c = _sre_c
    if op is c.LITERAL:
        return frozenset(chr(av).lower())
    chars = set()
    for o, a in av:
        if o is c.LITERAL:
            chars.add(chr(a).lower())
        elif o is c.RANGE and a[1] - a[0] <= 400:
            chars |= {chr(x).lower() for x in range(a[0], a[1] + 1)}
        elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
            chars |= set("0123456789")
        elif o is c.CATEGORY and a is c.CATEGORY_SPACE:
            chars |= _ASCII_SPACE
        else:
            return None
    return frozenset(chars)


def _digit_shapes(seq, states: set, done: set) -> set:
    """Walk a parsed pattern along the paths that open with a digit. ``states``: for each open
    path, the number of digits it has read (capped at _DIGIT_CAP; 0: none yet), or (_SPACE, n)
    once whitespace follows its n digits. Where a path's digits end, (n, character) goes to
    ``done`` for each ASCII character that can follow them, and after whitespace (n, _SPACE,
    character) for each that can follow it ((n, _SPACE, _ANY) if unknown); paths that open with
    anything else are dropped; _ANY goes to ``done`` when the shape cannot be told."""
    return _walk_parsed(seq, states, done, _digit_item, 4 * _DIGIT_CAP)


def _digit_item(op, av, states: set, done: set) -> set:
    """:func:`_digit_shapes` over one character item (a literal or a class)."""
    chars = _item_chars(op, av)
    digits = chars and {ch for ch in chars if ch.isdigit()}
    nxt = set()
    for st in states:
        if type(st) is tuple:  # after the digits and whitespace
            n = st[1]
            if chars is None:
                done.add((n, _SPACE, _ANY))
                continue
            done.update((n, _SPACE, ch) for ch in chars - _ASCII_SPACE)
            if chars & _ASCII_SPACE:
                nxt.add(st)  # more whitespace
        elif chars is None or (digits and len(digits) < len(chars)):
            done.add(_ANY)  # an item matching digits and other characters, or unknown ones
            return set()
        elif digits:
            nxt.add(min(st + 1, _DIGIT_CAP))
        elif st:  # the digits end (a path opening with no digit is not ours)
            done.update((st, ch) for ch in chars)
            if chars & _ASCII_SPACE:
                nxt.add((_SPACE, st))
    return nxt


def _rule_digit_shapes(tree) -> frozenset:
    """(digits, next character) pairs a rule's matches can open with, (digits, _SPACE, character
    after the whitespace), (digits, _END) / (digits, _SPACE, _END) where a match may end right
    after them, or {_ANY} (``tree``: the parsed pattern, or None)."""
    if tree is None:
        return frozenset({_ANY})
    try:
        done: set = set()
        left = _digit_shapes(tree, {0}, done)
        if 0 in left:
            done.add(_ANY)  # an empty match
        done |= {(k, _END) if type(k) is int else (k[1], _SPACE, _END) for k in left if k}
        return frozenset(done)
    except Exception:  # pragma: no cover - an unexpected pattern shape: try this rule at every number
        return frozenset({_ANY})


_RULE_DIGIT_SHAPES = {name: _rule_digit_shapes(_PARSED[name]) for name, _ in RULES}
FIRST_WORDS = frozenset(w.split(" ")[0] for ws in _RULE_STARTS.values() for w in ws)
_PAIR_KEYS = frozenset(w for ws in _RULE_STARTS.values() for w in ws if " " in w and not w.endswith(_SEP))
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _start_index() -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Every key a token can give (a first word, "the first", "the <other>") -> (name, regex) of
    the rules that can begin with it, in RULES order. Worked out at import; no regex is compiled
    for it: the rules' own regexes are tried in order (_match_at)."""
    order = {name: i for i, (name, _) in enumerate(RULES)}
    listing: dict[str, set[str]] = {}  # a start ("the first", "the", _ANY ...) -> the rules listing it
    opening: dict[str, set[str]] = {}  # a first word -> the rules with a start opening with it
    for name, starts in _RULE_STARTS.items():
        for w in starts:
            listing.setdefault(w, set()).add(name)
            opening.setdefault(w.split(" ")[0], set()).add(name)
    anywhere = listing.get(_ANY, set())
    keys = FIRST_WORDS | _PAIR_KEYS | {h + " " + _OTHER for h in _JOIN_HEADS}
    index = {}
    for key in keys:
        head, _, second = key.partition(" ")
        if second:  # "the first": rules listing it, any "the ..." or a bare "the"
            want = (key, f"{head} {_ANY}", head)
        elif head in _JOIN_HEADS:  # a join head before no next token ("the", "two-year"):
            # rules that may end there, or go on with something other than a word or a number
            want = (head, f"{head} {_ANY}", f"{head} {_QUOTE}", f"{head} {_SEP}")
        else:  # a bare word: every rule opening with it
            want = ()
        names = anywhere.union(*(listing.get(w, ()) for w in want), opening.get(key, ()) if not want else ())
        if names:
            index[key] = tuple((name, _RULE_RE[name]) for name in sorted(names, key=order.__getitem__))
    return index


_BY_START = _start_index()
_ALL_RULES = tuple((name, _RULE_RE[name]) for name, _ in RULES)


def _match_at(text: str, s: int, rules) -> tuple[str, int] | None:
    """(rule name, end) of the first rule in ``rules`` that matches at ``s``: the same result as
    the ordered alternation of those rules behind ``(?<![A-Za-z0-9])``."""
    if s > 0 and text[s - 1] in _ALNUM:
        return None
    for name, rx in rules:
        m = rx.match(text, s)
        if m:
            return name, m.end()
    return None


# the alternation of every rule, for the full scan (_big_search) of the texts the token index
# cannot read (a dotless or dotted i, a long s or a Kelvin sign: "Kılıç", "İstanbul"); compiled
# with the module (~55 ms) so that the first such text costs what later ones do
_BIG = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(
    f"(?P<{name}>(?:{pat}){_END_OF_WORD})" for name, pat in RULES) + ")", re.I)


def _big_search(text: str, pos: int) -> tuple[str, int, int] | None:
    """(rule name, start, end) of the first match of any rule at or after ``pos`` (full scan)."""
    m = _BIG.search(text, pos)
    return (m.lastgroup, m.start(), m.end()) if m else None


_NEXT = r"\s+(?:[a-z]|\d|['’]\d)"  # a next token follows (as _NEXT_TOKEN reads it)


def _seconds() -> dict[str, set[str]]:
    """Join head -> the second tokens of its keys in _BY_START ("first", _DIGIT, _OTHER ...)."""
    out: dict[str, set[str]] = {}
    for key in _BY_START:
        head, _, second = key.partition(" ")
        if second:
            out.setdefault(head, set()).add(second)
    return out


_SECONDS = _seconds()


def _head_condition(head: str) -> str:
    """A lookahead true where a join head ("the", "a" ...) gives rules: before a second word some
    rule continues it with ("the first", "the 1990s"), before any token when "<head> <other>" has
    rules, before no token at all when the head alone has rules ("" if never)."""
    seconds = _SECONDS.get(head, set())
    if _OTHER in seconds:
        follow = [_NEXT]
    else:
        words = [tuple(w) for w in seconds - {_DIGIT, _QUOTE, _ANY, _SEP}]
        follow = [r"\s+(?:" + "|".join(_trie_alts(sorted(words))) + ")(?![a-z])"] if words else []
        follow += [r"\s+\d"] if _DIGIT in seconds else []
        follow += [r"\s+['’]\d"] if _QUOTE in seconds else []
    if head in _BY_START:
        follow.append(f"(?!{_NEXT})")
    return "(?=" + "|".join(follow) + ")" if follow else ""


# English words by first letter, most frequent first (running text)
_FIRST_LETTER_RANK = {c: i for i, c in enumerate("tasicowhpbfmrdnelguvjykqzx")}


def _start_token_re() -> re.Pattern:
    """The regex that finds, in " " + the lower-cased text, the tokens (maximal runs of ASCII
    letters or of digits, a quote before a digit) that may begin a rule: a first word with rules
    in _BY_START (a join head only where _head_condition holds), a quote before a digit, the
    digits of a number. Each match is
    the character before the token (never an ASCII letter or digit: _match_at turns such places
    down) and the token as group 1, so the engine skips the letters of every other word at C
    speed. Built from _BY_START, so it follows the rules' own patterns."""
    entries = []
    for key in sorted({k.partition(" ")[0] for k in _BY_START} - {_DIGIT, _QUOTE, _ANY}):  # first words
        if key in _JOIN_HEADS:
            cond = _head_condition(key)
            if cond:
                entries.append(tuple(key) + (cond,))
        else:
            entries.append(tuple(key))
    # a run of digits (no digit before it; the whole run, for its shape: _digit_rules), the digit
    # tested first: the engine then passes over this alternative after a single check wherever
    # no digit follows
    alts = [r"\d(?<!\d\d)\d*"] if _DIGIT in _BY_START else []
    alts += [r"['’](?=\d)"] if _QUOTE in _BY_START else []
    # the prefix tree's branches (one per first letter) side by side with those two, each with
    # its own end-of-word test, the most frequent first letters of English words first: every
    # alternative of the group opens with a letter, a digit or a quote, which the engine tests
    # before entering it, and the branches begin with different characters, so their order
    # changes no match (as the same end-of-word test after the whole tree; ~8% cheaper scan)
    branches = sorted(_trie_alts(sorted(entries)), key=lambda b: _FIRST_LETTER_RANK.get(b[0], 26))
    alts += [b + r"(?![a-z])" for b in branches]
    return re.compile(r"[^a-z0-9](?=(" + "|".join(alts) + "))")


_START_TOKEN = _start_token_re()


def _token_rules() -> dict[str, tuple]:
    """Rules by the token _START_TOKEN captures, for the tokens whose key is the token itself: a
    word that is no join head, a quote (join heads go through their pair keys, numbers through
    _digit_rules)."""
    out = {k: rules for k, rules in _BY_START.items() if " " not in k and k not in _JOIN_HEADS}
    out.update({q: out[_QUOTE] for q in "'’" if _QUOTE in out})
    return out


_TOKEN_RULES = _token_rules()


def _digit_index(after_space: bool) -> dict[tuple[int, str], tuple]:
    """(digits, character) -> the rules of _BY_START[_DIGIT] that can begin at a run of that many
    digits (capped) followed by the character ("" at the end of the text) or, ``after_space``,
    by whitespace and then the character; in RULES order, for every ASCII character (either
    case). A rule fits a shape it lists, and every shape where one of its matches may end after
    the digits (or after the whitespace)."""
    rules = _BY_START.get(_DIGIT, ())
    chars = [chr(i) for i in range(128)] + [""]
    lows = sorted({c.lower() for c in chars})
    found = {}  # worked out once per lower-case character
    for digits in range(1, _DIGIT_CAP + 1):
        per_char: dict[str, list] = {ch: [] for ch in lows}
        for rule in rules:
            shapes = _RULE_DIGIT_SHAPES[rule[0]]
            always = _ANY in shapes or any((k, _END) in shapes for k in range(1, digits + 1)) or after_space and (
                (digits, _SPACE, _ANY) in shapes or (digits, _SPACE, _END) in shapes)
            for ch in lows:
                if always or ((digits, _SPACE, ch) if after_space else (digits, ch)) in shapes:
                    per_char[ch].append(rule)
        found.update({(digits, ch): tuple(fit) for ch, fit in per_char.items()})
    return {(digits, ch): found[digits, ch.lower()] for digits in range(1, _DIGIT_CAP + 1) for ch in chars}


_DIGIT_RULES = _digit_index(False)  # by the character right after the digits
_DIGIT_SPACE_RULES = _digit_index(True)  # digits, whitespace: by the character after it
_SPACES_AT = re.compile(r"\s*")


def _digit_rules(text: str, s: int, digits: int) -> tuple:
    """The rules that can begin at the number of ``digits`` digits at text[s:]: by its shape (the
    digits and the character after them; after ASCII whitespace, the character after that);
    every number rule when a character outside ASCII decides."""
    e = s + digits
    ch = text[e] if e < len(text) else ""
    digits = min(digits, _DIGIT_CAP)
    if ch in _ASCII_SPACE:
        e = _SPACES_AT.match(text, e + 1).end()
        after = text[e] if e < len(text) else ""
        if after.isascii():
            return _DIGIT_SPACE_RULES[digits, after]
    return _DIGIT_RULES.get((digits, ch)) or (() if ch.isascii() else _BY_START.get(_DIGIT, ()))


_SCAN_ALL = any(_ANY in starts for starts in _RULE_STARTS.values())  # a rule may begin anywhere


def _folds_to_ascii(text: str) -> bool:
    """The text holds a letter that matches an ASCII letter without case (FOLD_CHARS)."""
    return not text.isascii() and any(ch in text for ch in FOLD_CHARS)


def _head_rules() -> tuple[dict, dict, dict]:
    """For _candidates, by join head: (head, second token) -> rules of the pair keys ("the first",
    "the <digit>"), head -> rules of "<head> <other>", head -> rules of the head alone."""
    pairs, other, bare = {}, {}, {}
    for key, rules in _BY_START.items():
        head, _, second = key.partition(" ")
        if head not in _JOIN_HEADS:
            continue
        if second == _OTHER:
            other[head] = rules
        elif second:
            pairs[head, second] = rules
        else:
            bare[head] = rules
    return pairs, other, bare


_PAIR_RULES, _OTHER_RULES, _BARE_RULES = _head_rules()
# the token after a join head, in the lower-cased text: a word, a digit, a quote before a digit
_NEXT_TOKEN = re.compile(r"\s+(?:([a-z]+)|(\d)|['’](?=\d))")


def _candidates(text: str) -> list[tuple[int, tuple]] | None:
    """(offset, rules to try there) for each token where a rule may begin; None: scan everything.
    The tokens come from _START_TOKEN over the lower-cased text (same offsets: only the letters
    of FOLD_CHARS change length or turn ASCII when lower-cased, and those texts are scanned
    in full); tokens right after an ASCII letter or digit are left out, as _match_at would
    turn them down. A token's rules are those of its _BY_START key: the word; for a join head
    the pair with the next token ("the first", "the <digit>"), "<head> <other>" when no rule
    continues the head with that token, the head alone when no token follows ("the-year");
    for a number its shape (_digit_rules)."""
    if _SCAN_ALL or _folds_to_ascii(text):
        return None
    token_rules, pair_rules, other_rules, bare_rules = _TOKEN_RULES, _PAIR_RULES, _OTHER_RULES, _BARE_RULES
    next_token, lower = _NEXT_TOKEN.match, _LOWER
    low = " " + text.lower()
    out = []
    for m in _START_TOKEN.finditer(low):
        s = m.start()  # the text is one character longer: the token starts at s in ``text``
        token = m.group(1)
        rules = token_rules.get(token)
        if rules is None:
            if token[0] in lower:  # a join head: the pair with the next token ("the first")
                n = next_token(low, s + 1 + len(token))
                if n is None:
                    rules = bare_rules.get(token)
                else:
                    second = n.group(1) or (_DIGIT if n.group(2) else _QUOTE)
                    rules = pair_rules.get((token, second)) or other_rules.get(token)
            else:
                rules = _digit_rules(text, s, len(token))
        if rules:
            out.append((s, rules))
    return out


def _next_hit(text: str, starts: list[tuple[int, tuple]], k: int, pos: int):
    """The first rule match at a candidate of ``starts`` from index ``k`` on that begins at or
    after ``pos``: ((rule, start, end, the rules tried there), index after that candidate), or
    (None, len(starts)). The candidates never follow an ASCII letter or digit (_candidates), so
    this finds what _match_at would at each."""
    n = len(starts)
    while k < n:
        s, rules = starts[k]
        k += 1
        if s < pos:
            continue
        for name, rx in rules:
            m = rx.match(text, s)
            if m:
                return (name, s, m.end(), rules), k
    return None, k
