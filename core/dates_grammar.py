"""The date grammar of core.dates: regex pieces and the named rules (RULES, in priority order,
each compiled on its own in _RULE_RE)."""
from __future__ import annotations

import re

from core.dates_words import APPROX_WORDS, DECADE_WORDS, HOLIDAYS, NUMBER_WORDS, ORDINALS, UNIT_WORDS, VAGUE_NUMBERS


# --------------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------------
def _units(word: str) -> tuple[str, ...]:
    """A word-list entry as regex units: each character escaped, a space as ``\\s+``."""
    return tuple(r"\s+" if ch == " " else re.escape(ch) for ch in word)


def _trie_alts(entries) -> list[str]:
    """The alternatives of a prefix tree of unit tuples: entries sharing a first unit share one
    branch, and a longer entry is tried before a shorter one it extends (as in a longest-first
    alternation, so the same matches), but each unit is read once instead of once per entry."""
    heads: dict[str, list[tuple[str, ...]]] = {}
    for units in entries:
        heads.setdefault(units[0], []).append(units[1:])
    if len({h.lower() for h in heads}) < len(heads):
        raise ValueError(f"word list entries differ only in case: {sorted(heads)}")
    out = []
    for head, tails in heads.items():
        rest = [t for t in tails if t]
        if not rest:
            out.append(head)
            continue
        sub = _trie_alts(rest)
        optional = len(rest) < len(tails)  # the entry may also end here
        if len(sub) == 1 and not optional:
            out.append(head + sub[0])
        else:
            out.append(head + "(?:" + "|".join(sub) + ")" + ("?" if optional else ""))
    return out


def _alt(words) -> str:
    """An alternation matching any of ``words`` (a space matches any whitespace run), the longest
    first, as a prefix tree: "a", "a few", "a dozen" -> ``a(?:\\s+(?:dozen|few))?``."""
    return "|".join(_trie_alts(sorted({_units(w) for w in words})))


_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{_MON_FULL}|{_MON_ABBR})(?![\w-])"
DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
ORD_DAY = rf"(?:{_alt(ORDINALS)})"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d%])"
YEAR_APOS = r"['’]\d\d(?![\w'’])"
WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."
DPART = r"(?:morning|afternoon|evening|night|overnight)"
def _first_letter_next(words) -> str:
    """A lookahead for the letters ``words`` begin with, put in front of their alternation where
    rules try it at numbers and other words ("12 people"): there they fail on this one check
    (was: a lookahead for any letter, then each word of the alternation in turn; under re.I the
    alternation's letters skip the engine's quick first-letter test, so each word costs a full
    try). The lookahead only asks what the alternation's first letter needs (under re.I a set
    admits the same case folds as its letters), so the matches are the same; being zero-width,
    it leaves the token index (dates_index._first_words) alone."""
    firsts = sorted({w[0].lower() for w in words})
    if not all("a" <= c <= "z" for c in firsts):
        raise ValueError(f"word list entries must begin with an ASCII letter: {firsts}")
    return "(?=[" + "".join(firsts) + "])"


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_FORMS = [*UNIT_WORDS, *(w + 's' for w in UNIT_WORDS if w != 'century'), 'centuries']
NUM_WORD = _alt(k for k in NUMBER_WORDS)
NUM = rf"(?:\d+(?:\.\d+|\s+1/2(?![\d/]))?|{_first_letter_next([*_TENS, *NUMBER_WORDS])}(?:(?:{'|'.join(_TENS)})[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)(?![\w])|{NUM_WORD}))(?:\s+and\s+a\s+half)?"
VAGUE = rf"{_first_letter_next(VAGUE_NUMBERS)}(?:{_alt(VAGUE_NUMBERS)})"
UNIT = rf"{_first_letter_next(_UNIT_FORMS)}(?:{_alt(_UNIT_FORMS)})"
UNIT_SG = rf"{_first_letter_next(UNIT_WORDS)}(?:{_alt(UNIT_WORDS)})"
APPROX = rf"(?:{_first_letter_next([*APPROX_WORDS, 'over', 'under'])}(?:{_alt(APPROX_WORDS)}|over(?!\s+the\b)|under(?!\s+the\b))\s+)"
EARLYLATE = r"(?:(?:early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+turn\s+of)[\s-]+|(?:end|start)-)"
REL = r"(?:last|next|this\s+coming|this|coming|past|previous|following|upcoming|current)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
TIME_CLOCK = r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?|noon|midnight)"

# spoken years: "nineteen ninety-seven", "two thousand and one"
_SPELLED_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
YEAR_SPELLED = (rf"(?:two\s+thousand(?:\s+and)?(?:\s+(?:{_SPELLED_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]{_SPELLED_UNITS})?))?"
                rf"|nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]{_SPELLED_UNITS})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))(?![\w-])")
DAYWORD = r"(?:day|morning|afternoon|evening|night)"

# Rules, in priority order (earlier alternatives win at the same start position).
RULES: list[tuple[str, str]] = [
    # ISO and numeric dates
    ("iso", r"(?<![\d/.-])(?:1[0-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"),
    ("numeric", r"(?<![\d/.,$-])(?:0?[1-9]|[12]\d|3[01])(?P<numsep>[/.-])(?:0?[1-9]|[12]\d|3[01])(?P=numsep)(?:(?:1[0-9]|20)\d\d)(?![\d/-])"),
    # clock time + day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9"
    ("clock_day", rf"{TIME_CLOCK}(?:\s*,)?(?:\s+(?:on\s+)?)(?:(?:{WDAY})(?:,?\s+{MON}\s+{DAYN})?|{MON}\s+{DAYN}(?:,?\s+{YEAR})?|today|tonight|yesterday|tomorrow)"),
    # "Tuesday, Feb. 10, 2026" / "Tuesday, 10 February"
    ("wday_date", rf"(?:(?:this\s+coming|this|next|last|coming|past)\s+)?(?:{WDAY}|{WDAY_ABBR})(?:\s*,\s*|\s+)(?:(?:the\s+)?{DAYN}(?:\s+of)?\s+{MON}|{MON}\s+(?:the\s+)?(?:{DAYN}|{ORD_DAY}))(?:,?\s+{YEAR})?"),
    # "the week of March 6": that date's week
    ("week_of", rf"the\s+week\s+of\s+(?:{MON}\s+{DAYN}|{DAYN}\s+{MON})(?:,?\s+{YEAR})?"),
    # "Feb. 6, 2026", "February 6th 2026", "March eighth"
    ("mdy", rf"(?:{EARLYLATE})?{MON}\s+(?:the\s+)?(?:{DAYN}|{ORD_DAY})(?:\s*,\s*|\s+)?(?:{YEAR})?(?!\s*(?:%|percent|[-–]\s*\d))"),
    # "6 Feb 2026", "6th of February", "the 6th of February"
    ("dmy", rf"(?:the\s+)?{DAYN}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?"),
    # "March 2025", "March of 2025", "March this year", "early next year" style month+rel year
    ("my", rf"(?:{EARLYLATE})?{MON}(?:,?\s+|\s+of\s+)(?:{YEAR}|{YEAR_SPELLED})"),
    ("my_rel", rf"(?:{EARLYLATE})?{MON}\s+(?:of\s+)?(?:this|last|next)\s+year"),
    # seasons: "last autumn", "the summer of 2025", "winter 2025", "this summer"
    ("season_year", rf"(?:{EARLYLATE})?(?:the\s+)?{SEASON}\s+(?:of\s+)?(?:{YEAR}|{YEAR_SPELLED})"),
    ("season_rel", rf"(?:{EARLYLATE})?(?:{REL}|this)\s+{SEASON}(?!\s+(?:of\s+)?\d)"),
    # "the summer", "the early summer" ("the fall" is too often a noun: "the fall of the wall")
    ("the_season", r"(?:(?:early|late|mid)[\s-]+)?the\s+(?:(?:early|late)\s+)?(?:spring|summer|winter|autumn)(?!['’-]|\s+(?:of|and)\b)"),
    # "for the year", "of the year", "for the week": the current one; "the year ended June 30": a year
    ("the_unit", r"(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bin\s)(?=the\s+(?:fiscal\s+)?year\s+(?:ended|ending)\b))the\s+(?:(?:fiscal\s+)?year(?!\s+(?:two|nineteen|\d))|week(?!\s+(?:of|following|before|after|ahead|to)\b))(?![\w'’-])"),
    # quarters: "the first quarter", "third-quarter", "the fourth quarter of 2025", "Q3 2025"
    ("quarter", rf"(?:(?:last|this|next)\s+year['’]s\s+|the\s+)?(?:(?:fiscal|calendar|latest|current|same)\s+)?(?:{YEAR}\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarters?(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{YEAR}|this\s+year|last\s+year|next\s+year))?"),
    ("qcode", rf"\bQ[1-4](?:\s+{YEAR}|(?=\s))"),
    ("half", rf"(?:the\s+)?(?:first|second|1st|2nd|last|latter)[\s-]+half(?:\s+of\s+(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year|the\s+(?:(?:1[0-9]|20)\d0['’]?s|['’]\d0s)(?![\w'’])))?"),
    # decades and centuries
    ("decade", rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?:1[0-9]|20)\d0['’]?s|['’]\d0s|(?:{_alt(DECADE_WORDS)}))(?![\w])"),
    ("century", rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})[\s-]+century"),
    ("rel_century", rf"(?:the\s+)?(?:{REL}|this)\s+century"),
    ("rel_decade", rf"(?:the\s+)?(?:last|past|previous|this|current|next|coming)\s+decade(?!s)"),
    # "the year 2000", "fiscal 2025", "mid-1996", "early 1990", "the end of 1990"
    ("year_mod", rf"(?:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?\s+|(?:the\s+)?year\s+|{EARLYLATE}){YEAR}"),
    ("year_spelled", rf"(?:the\s+year\s+)?{YEAR_SPELLED}"),
    # a day told from another one: "the next day", "the following morning", "earlier that day"
    ("day_anaphor", rf"(?:(?:earlier|later)\s+)?(?:that\s+same|that|the\s+same)\s+{DAYWORD}(?!['’-])|the\s+(?:next|following|previous)\s+{DAYWORD}(?!['’-])"),
    # "by year-end", "around year end", "earlier in the year", "later in the month"
    ("unit_end", r"(?:(?:around|about|by|at|until|before)\s+(?=year))?year(?:['’]s)?[\s-]end(?![\w-])"),
    ("in_the_unit", r"(?:earlier|later)\s+in\s+the\s+(?:year|month|week)(?![\w'’-])"),
    # "current" before a noun: the present ("the current weakness", "its current position")
    ("current_adj", r"(?<!\bthen\s)current(?=\s+(?!account|accounts|assets|liabilities|affairs|events|flows?|account|of|and|or|was|is|in|at|to|from|through|into)[a-z]{2,})"),
    # relative to the reference: yesterday, today ...
    ("day_dpart_rel", rf"(?:(?:early|late|mid)[\s-]+)?(?:this|yesterday|tomorrow|last)\s+{DPART}"),
    ("dpart_day_rel", rf"(?:(?:early|late|mid)[\s-]*)?{DPART}\s+(?:yesterday|today|tomorrow)|(?:mid[\s-]?)(?:morning|afternoon|day)\s+(?:yesterday|today|tomorrow)"),
    ("day_rel", r"(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?(?!['’]s\s)"),
    # a part of the day in focus: "by mid-afternoon", "at midday", "overnight", "in the morning"
    ("dpart_alone", r"mid[\s-]?(?:morning|afternoon)|midday|overnight(?![\w-])|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s))the\s+(?:morning|afternoon|evening)(?!\s+(?:of|after|before)\b)"),
    ("day_rel_poss", r"(?:yesterday|today|tomorrow|tonight)['’]s"),
    # weekdays: "last Tuesday", "next Friday", "Tuesday night", "early Tuesday", "the day before last Tuesday"
    ("wday_set", rf"(?:every|each)\s+(?:other\s+)?{WDAY}s?(?:\s+{DPART}s?)?|(?<![\w-]){WDAY}s(?!['’])(?:\s+{DPART}s?)?"),
    ("wday", rf"(?:the\s+day\s+(?:before|after)\s+)?(?:(?:early|late|earlier|later)\s+)?(?:(?:last|next|this(?:\s+coming|\s+past)?|coming|past|previous|following)\s+)?{WDAY}(?:['’]s)?(?:\s+{DPART})?(?:\s+{TIME_CLOCK})?"),
    # ago / earlier / later / from now / hence
    ("ago", rf"(?:(?:{APPROX})?(?:{NUM}|{VAGUE})[\s-]+(?:{UNIT})(?:\s+or\s+(?:so|more|two|three))?|(?:{APPROX})?{UNIT_SG})\s+(?:ago|earlier|later|from\s+now|hence|previously|back|(?:before|after)(?=\s*[,.;:)]|\s+(?:and|but|when|as)\b))(?![\w-])"),
    ("ago_bare", rf"(?:(?:years|months|weeks|days|decades)\s+(?:ago|from\s+now))"),
    # last/next/this week, the past year, earlier this month, the end of the month, this weekend
    ("rel_unit", rf"(?:{EARLYLATE})?(?:the\s+)?(?:{REL}|this|the\s+same|that)\s+(?:(?:fiscal|calendar|financial|school|academic)\s+)?(?:weekend|week|month|year|quarter|half)(?:['’]s(?=\s))?(?![-]|\s+(?:old|long))"),
    ("end_of", rf"(?:{EARLYLATE})(?:the|this|that)\s+(?:week|weekend|month|year|quarter)"),
    ("the_weekend", r"(?:(?:early|late)\s+)?the\s+weekend(?!['’])"),
    ("the_quarter", r"the\s+quarter\s+a\s+year\s+(?:ago|earlier)|the\s+(?:(?:latest|most\s+recent|recent|just[\s-]+(?:ended|completed)|fiscal)\s+)?(?:fiscal\s+)?quarter(?:['’]s(?=\s))?(?![\w'’-])(?!\s+(?:of|point|century|mile))|the\s+(?:latest|most\s+recent)\s+period|this\s+quarter(?!['’-])"),
    ("year_period", rf"the\s+{YEAR}\s+(?:quarter|period|fiscal\s+year|year|season|nine\s+months|six\s+months)"),
    ("full_year", r"the\s+(?:full|whole|entire)\s+(?:fiscal\s+)?year"),
    ("year_ago_adj", r"(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)|\s+(?:level|months?))?"),
    # in two weeks / within days / in the coming days
    ("in_units", rf"(?<=\bin\s)(?!the\b)(?:(?:{APPROX})?(?:{NUM}|{VAGUE})[\s-]+(?:days|weeks|months|years)|a\s+(?:day|week|month|year|fortnight))(?:\s+or\s+(?:two|three|so))?(?!\s+(?:ago|earlier|later|of|old|after|before))"),
    ("within", r"(?:within|in)\s+(?:(?:the\s+)?(?:coming|next|next\s+few|next\s+several|following)\s+)?(?:days|weeks|months)(?!\s+(?:ago|of|later|earlier))"),
    ("coming", r"(?:the\s+)?(?:coming|next\s+few|next\s+several|weeks\s+and)\s+(?:days|weeks|months|years)|the\s+(?:days|weeks|months|years)\s+ahead"),
    ("recent_units", r"(?:in\s+)?recent\s+(?:days|weeks|months|years|decades)|(?:the\s+)?(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|quarters|years|decades)"),
    # holidays
    ("holiday_week", rf"(?:{_alt(HOLIDAYS)})\s+week(?![\w'’-])"),
    ("holiday", rf"(?:(?:last|next|this)\s+)?(?:{_alt(HOLIDAYS)})(?:\s+{YEAR})?"),
    # month names alone ("in March", "by May", "March's")
    ("month", rf"(?:{EARLYLATE})?(?:{_MON_FULL}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)(?![\w-])"),
    # years alone
    ("year", rf"(?<![\w$£€¥#.,/-]){YEAR}(?![\w/-]|[.,]\d)|(?<=\bin\s)['’]\d\d(?![\w'’])"),
    # vague references
    ("ref", r"(?:right\s+)?now(?![\w'’-])|currently|presently|at\s+present|nowadays|these\s+days|at\s+this\s+time|at\s+the\s+moment|for\s+now|so\s+far|to\s+date|recently|lately|(?:in\s+)?the\s+future|(?:in\s+)?the\s+(?:recent|distant|near)\s+(?:past|future)|the\s+past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|quarters?|century|centuries))|once\s+upon\s+a\s+time|(?:the\s+)?(?:near|distant|short)[\s-]+term|a\s+later\s+date"),
    # durations: "three weeks", "two-year", "a month and a half", "the past two months"
    ("duration", rf"(?:(?:{APPROX})*(?:{NUM}|{VAGUE})(?:\s+more)?[\s-]+{UNIT}(?:\s+and\s+a\s+half|[\s-]+(?:long|old))?|(?:{APPROX})+{UNIT_SG}(?![\w-])|(?:the\s+)?(?:full|whole|entire)\s+{UNIT_SG}|(?<=\bfor\s)(?:days|weeks|months|years|decades|hours)|(?:(?:many|several|the\s+last|the\s+past)\s+)?(?:decades|centuries))(?![\w-])"),
    # sets: daily, weekly, every week, each month, twice a year
    ("set", rf"(?:every|each)\s+(?:other\s+)?(?:(?:{NUM})\s+)?(?:{UNIT}|{MON}|{SEASON})|daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|(?:once|twice|(?:three|four|\d+)\s+times)\s+(?:a|per|each|every)\s+{UNIT_SG}"),
]

_END_OF_WORD = r"(?!(?<=[A-Za-z0-9])[A-Za-z0-9])"  # a match never stops inside a word
_RULE_RE = {name: re.compile(f"(?:{pat}){_END_OF_WORD}", re.I) for name, pat in RULES}
