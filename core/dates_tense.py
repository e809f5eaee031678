"""Tense of the clause around a time expression (core.dates.clause_tense): sentence bounds, the
nearest tense marker, deadlines and plans."""
from __future__ import annotations

import re

from core.dates_words import FUTURE_WORDS, NOT_PAST_ED, PAST_WORDS, PRESENT_WORDS
from core.dates_grammar import TIME_CLOCK


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENT_END = re.compile(r"[.!?;:][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_CLAUSE_SPLIT = re.compile(r"\b(?:but|while|whereas|although|though|after|before|when|since|until)\b|[;—–]|,\s+(?:and|but|who|which|where)\b", re.I)


# --------------------------------------------------------------------------------------------
# Tense of the clause around a mention
# --------------------------------------------------------------------------------------------
_ABBREV_END = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|"
    r"Lt|Col|Capt|Sgt|Prof|Inc|Corp|Co|Ltd|No|Jr|Sr|vs|Ave|Mt|Ft|Adm|Cmdr|Rev|Hon|Pres)|"
    r"\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _sentence_start(text, start), _sentence_end(text, end)


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding text[start] begins (at most 400 characters back)."""
    lo = max(0, start - 400)
    near = start - _NEAR
    # most sentence ends lie within _NEAR characters: look there first, from a place right after
    # a letter or digit (no sentence end, all punctuation and spaces, runs across it, so the
    # sentence ends found after it are those found from lo)
    if near > lo and text[near - 1].isalnum():
        found = _last_sentence_end(text, near, start)
        if found >= 0:
            return found
    found = _last_sentence_end(text, lo, start)
    return found if found >= 0 else lo


_NEAR = 120


def _last_sentence_end(text: str, lo: int, start: int) -> int:
    """The end of the last sentence end in text[lo:start] that follows no abbreviation; -1: none."""
    for m in reversed(list(_SENT_END.finditer(text, lo, start))):
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        return m.end()
    return -1


def _sentence_end(text: str, end: int) -> int:
    """Where the sentence holding text[end - 1] ends (at most 400 characters on)."""
    e = min(len(text), end + 400)
    for m in _SENT_END.finditer(text, end, e):
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        return m.start() + 1
    return e


_AUX_PASSIVE = {"be", "been", "being", "is", "are", "was", "were", "am", "get", "got", "gets"}
_AUX_PAST = {"was", "were", "had", "been"}
# words after which an -ed form is an adjective, not a verb in the past
_ADJ_BEFORE = {"a", "an", "the", "still", "its", "their", "his", "her", "our", "this", "that",
               "these", "those", "some", "any", "no", "more", "most", "very", "less", "newly",
               "recently", "previously", "widely", "fully", "partly", "well", "long"}
_PLAN_VERBS = {"planned", "scheduled", "slated"}
# quotation marks: a tense marker on the far side of one belongs to other words
_QUOTE_MARK = re.compile(r"[\"“”]|''|``")
_TO_NOT_VERB = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
                "that", "these", "those", "about", "around", "some", "date", "market", "power",
                "office", "court", "help", "be"}
_TO_FUTURE_HEADS = {"is", "are", "am", "agreed", "agree", "agrees", "plans", "plan", "planning",
                    "expected", "expects", "scheduled", "due", "set", "going", "hope", "hopes",
                    "intends", "intend", "promised", "vowed", "pledged", "decided", "wants",
                    "want", "ready", "prepared", "preparing", "poised", "likely", "slated",
                    "aims", "seeks", "threatened", "invited", "asked", "urged", "called",
                    "planned", "scheduled", "expected", "set"}
_FIN_FUTURE = {"payable", "effective", "expire", "expires", "expiring", "pending", "upcoming",
               "await", "awaits", "awaiting", "ahead", "begins", "starts", "opens",
               "resumes", "meets", "convenes", "ends", "closes"}


# the words _tense_at reads as markers whatever their context ("to", future, past and present
# words); any other word is one only as a past form in -ed
_MARKERS = frozenset({"to"} | set(FUTURE_WORDS) | _FIN_FUTURE | set(PAST_WORDS) | set(PRESENT_WORDS))


def _tense_at(words: list[str], i: int) -> str | None:
    """Tense signalled by words[i] in its context (None if it signals nothing)."""
    lw = words[i].lower().replace("’", "'")
    if lw not in _MARKERS and not (len(lw) > 4 and lw.endswith("ed") and lw not in NOT_PAST_ED):
        return None  # no marker (most words): the words around it are not read
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    prv = words[i - 1].lower() if i > 0 else ""
    prv2 = words[i - 2].lower() if i > 1 else ""
    if lw == "to":
        # "is to meet", "agreed to meet", "to be held": future; "to" as a preposition: nothing
        if nxt and nxt.isalpha() and words[i + 1][0].islower() and nxt not in _TO_NOT_VERB \
                and not nxt.endswith(("ed", "ing")) and len(nxt) > 1 and prv in _TO_FUTURE_HEADS:
            # "had been due to expire Friday", "was scheduled to open Monday": a plan in the past
            if prv2 in ("been", "had"):
                return "past"
            return "future"
        if nxt == "be" and prv not in _AUX_PAST:
            return "future"
        return None
    if lw in FUTURE_WORDS or lw in _FIN_FUTURE:
        if prv == "to" and lw in _FIN_FUTURE and i > 0:
            t = _tense_at(words, i - 1)  # "had been due to expire": the head of "to" decides
            if t:
                return t
        if lw in ("set", "due") and nxt != "to":
            return None
        if lw == "going" and nxt != "to":
            return None
        if lw in ("plan", "plans", "planning", "aims", "hopes", "intends", "intend", "expects") and nxt != "to":
            return None
        if lw == "next" and nxt in ("to", "door"):
            return None
        if lw in ("later", "earlier") and nxt in ("this", "that"):
            return None
        if prv in _AUX_PAST or prv2 in _AUX_PAST and prv in ("been", "not"):
            return "past"
        if lw in _FIN_FUTURE and lw.endswith("s") and lw not in ("expires",):
            return "future"
        return "future"
    if lw in PAST_WORDS:
        if lw == "last":
            return None
        if prv in _AUX_PASSIVE and lw not in ("was", "were", "had", "did", "said", "told"):
            return None  # passive participle ("be held"): the auxiliary decides
        return "past"
    if len(lw) > 4 and lw.endswith("ed") and lw not in NOT_PAST_ED:
        if prv in _AUX_PASSIVE:
            return None  # passive participle: the auxiliary decides
        if prv in _ADJ_BEFORE or lw.startswith("un") and lw not in ("united", "unveiled", "unleashed", "unsealed"):
            return None  # a participle used as an adjective ("a still unspecified date", "the revised plan")
        if lw in _PLAN_VERBS and nxt in ("a", "an", "the", "for") and prv not in _AUX_PAST:
            return "future"  # "protesters planned a rally on Saturday": the plan is for what is ahead
        return "past"
    if lw in PRESENT_WORDS:
        if lw in ("has", "have") and nxt and (nxt.endswith(("ed", "en")) or nxt in PAST_WORDS or nxt == "been"):
            return "past"
        return "present"
    return None


def _inside_quotation(marks) -> bool:
    """Whether the text after the last of these quotation marks (those of the sentence before a
    mention) is inside a quotation: an opening curly mark or ``, or an odd number of marks."""
    last = marks[-1].group()
    if last in ("“", "``"):
        return True
    if last in ("”", "''"):
        return False
    return len(marks) % 2 == 1


_COMMA_AFTER = re.compile(r"\s*,")


def _tense_strength(text: str, start: int, end: int) -> tuple[str, int]:
    """(tense, distance in words to the marker that decided it; 99 when none)."""
    s = _sentence_start(text, start)
    marks = list(_QUOTE_MARK.finditer(text, s, start))
    if marks and _inside_quotation(marks):
        s = marks[-1].end()  # inside a quotation: its own words only
        left = _WORD.findall(text, s, start)
    else:
        # outside: the words of the sentence before it, closed quotations left out ('reported
        # "2,521 shootings" in the city between January 1 and ...': "reported" governs)
        left, pos = [], s
        for a, b in zip(marks[::2], marks[1::2]):
            left += _WORD.findall(text, pos, a.start())
            pos = b.end()
        left += _WORD.findall(text, pos, start)
    k = len(left)
    best_left = None
    for i in range(k - 1, -1, -1):
        t = _tense_at(left, i) if i + 1 < k else _tense_at(left + ["\x00"], i)
        if t:
            best_left = (k - 1 - i, t)
            break
    if best_left and best_left[0] <= 6:
        return best_left[1], best_left[0]  # no marker on the right can be nearer by more than 6
    # "“We will meet Friday,” he said" / he said: “On Friday we will ...”: the words said and the
    # words around them are separate clauses
    e = _sentence_end(text, end)
    q = _QUOTE_MARK.search(text, end, e)
    if q:
        e = q.start()
    right = _WORD.findall(text, end, e)
    words = left + ["\x00"] + right
    # a marker on the right decides only if it is more than 6 words nearer than the left one
    stop = len(words) if best_left is None else min(len(words), k + best_left[0] - 5)
    best_right = None
    for i in range(k + 1, stop):
        if words[i].lower() == "to":
            continue
        t = _tense_at(words, i)
        if t:
            best_right = (i - k - 1, t)
            break
    if best_right and not best_left and len(left) <= 1 and _COMMA_AFTER.match(text[end:end + 3]):
        # a fronted adverbial ("In January, a week after ..., a bomb killed a guard"): the main
        # verb after it governs it however far it is
        return best_right[1], 0
    if best_left and (not best_right or best_left[0] <= best_right[0] + 6):
        return best_left[1], best_left[0]
    if best_right:
        return best_right[1], best_right[0]
    return "present", 99


_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|between\s+now\s+and|"
    r"(?:extend|postpon|delay|push|mov|adjourn|reschedul)\w*(?:\s+[\w'’]+){0,4}?\s+to|of\s+record)\s+(?:on\s+|at\s+)?$", re.I)
_CLOCK_TAIL = re.compile(rf"{TIME_CLOCK}\s*,?\s*(?:on\s+)?$", re.I)
# a modifier of the date that follows: "until early", "until the end of"
_DATE_MODIFIER_TAIL = re.compile(r"(?:\b(?:the\s+)?(?:early|mid|late)[\s-]*|\bthe\s+end\s+of\s+)$", re.I)


_PLANNED_FOR = re.compile(
    r"(?<!\bhad\s)(?<!\bhad\sbeen\s)\b(?:(?:planned|scheduled|slated|due|earmarked|pencilled|penciled)\s+(?:for|on)|set\s+for)\s+"
    r"(?:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|middle\s+of)[\s-]*)?$", re.I)


# a word each of their matches holds, in lower case: where an ASCII text has none before a date
# (most places), the $-anchored searches, which try every position, are not run
_PLANNED_WORD = re.compile(r"plan|sched|slat|due|earmark|pencil|set")
_DEADLINE_WORD = re.compile(r"til|soon|early|later|now|extend|postpon|delay|push|mov|adjourn|reschedul|record")


def _is_planned_for(text: str, start: int) -> bool:
    """A date a plan is made for ("the accession was planned for early March", "talks are set
    for Monday"): what is planned lies ahead, whatever the tense of the report."""
    before = text[max(0, start - 40):start]
    if before.isascii() and not _PLANNED_WORD.search(before.lower()):
        return False
    return bool(_PLANNED_FOR.search(before))


def _is_deadline(text: str, start: int) -> bool:
    """A date introduced as a limit or a postponement ("until Tuesday", "extended to Nov. 20",
    "holders of record Dec. 21", "until 9 a.m. Tuesday"): the verb tense says nothing about it,
    so the nearest occurrence is taken (no flip to last year's in a past clause)."""
    before = text[max(0, start - 60):start]
    if before.isascii() and not _DEADLINE_WORD.search(before.lower()):
        return False  # the subs below only take text away
    before = _CLOCK_TAIL.sub("", before)
    before = _DATE_MODIFIER_TAIL.sub("", before)
    return bool(_DEADLINE_BEFORE.search(before))


def clause_tense(text: str, start: int, end: int) -> str:
    """Tense of the clause governing text[start:end]: "past", "future" or "present".

    The nearest tense marker to the left in the same sentence decides ("said on Tuesday",
    "will meet on Friday", "is to resume Tuesday"); failing that, the nearest one to the right
    ("On Friday the envoys will meet"); failing both, "present". Passive participles defer to
    their auxiliary ("will be signed" is future, "was signed" past)."""
    return _tense_strength(text, start, end)[0]
