"""What a regular expression's matches open with, read from its parse tree, so that a scanner can
try a pattern only where a match may begin (the date rules' token index, the event triggers'
word heads) while the patterns stay one list of data."""
from __future__ import annotations

import re
from re import _constants as _c

# the only characters outside ASCII that an ASCII letter matches without case (re.I): dotted and
# dotless i, long s, Kelvin sign; a text holding one must be scanned in full
FOLD_CHARS = "\u0130\u0131\u017f\u212a"
FOLDS_TO_ASCII = re.compile(f"[{FOLD_CHARS}]")


def opening_letters(items, acc: str = "", bounded: bool = False) -> set[str]:
    """The letters the matches of a parsed pattern (``re._parser.parse(...)``, as a list) open
    with, up to the first thing that is not a letter, lower-cased. ``bounded``: never read past a
    repeat that may match more than once ("(?:ab)+c" opens with "ab", not "abc"), so that every
    match's word starts with one of them; otherwise a repeat's body is read once."""
    for n, (op, av) in enumerate(items):
        rest = list(items[n + 1:])
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL and chr(av).isalpha():
            acc += chr(av).lower()
            continue
        if op is _c.SUBPATTERN:
            return opening_letters(list(av[-1]) + rest, acc, bounded)
        if op is _c.BRANCH:
            return set().union(*(opening_letters(list(alt) + rest, acc, bounded) for alt in av[1]))
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av
            if bounded:
                if high != 1:
                    return {acc}
                once = opening_letters(list(body) + rest, acc, bounded)
                return once | opening_letters(rest, acc, bounded) if low == 0 else once
            if low:
                return opening_letters(list(body), acc, bounded)
            return opening_letters(list(body) + rest, acc, bounded) | opening_letters(rest, acc, bounded)
        return {acc}
    return {acc}
