"""Temporal expressions in English news: find them, resolve them against a reference date.

    from core.dates import find_times, TimeMention, clause_tense
    find_times("The envoys met on Tuesday.", datetime.date(2026, 2, 12))
    -> [TimeMention(start=18, end=25, text='Tuesday', type='DATE', value='2026-02-10', ...)]

How it works
  1. One compiled alternation (built from the word lists below) finds candidate expressions,
     scanning left to right; each alternative is a named rule, longest forms first.
  2. The rule's handler reads the matched text and resolves it with plain calendar arithmetic
     against the reference date (usually the publication date). Weekdays, month names and
     day-months without a year use the tense of their clause (``clause_tense``): past -> the most
     recent one, future -> the coming one.
  3. Values follow TimeML TIMEX3 (2026-02-10, 2026-W06, 2026-02, 2025-Q4, 2025-SU, 2025, 199,
     PRESENT_REF, P3W, XXXX-WXX-5 ...); spans follow the TimeML guidelines (prepositions such as
     "on", "in", "for" are left out; "the", "last", "early", "ago" are in).
No dateparser: every expression found here is resolved by the calendar code in this module.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["TimeMention", "find_times", "clause_tense"]

# --------------------------------------------------------------------------------------------
# Word lists (all constants in one place)
# --------------------------------------------------------------------------------------------
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
            "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# first month of each season (winter starts in December of its year)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
            "overnight": "NI", "midday": "MI", "noon": "MI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "a half": 0.5, "half a": 0.5, "half an": 0.5,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "numerous")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                 "3rd": 3, "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
UNITS = {  # unit word -> (TIMEX3 letter, is time-of-day unit)
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W2", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("E", False),
    "century": ("C", False), "centurie": ("C", False), "weekend": ("WE", False),
}
# relative modifiers: direction of "last/next/this ..."
REL_PAST = {"last", "past", "previous", "preceding"}
REL_FUTURE = {"next", "coming", "following", "upcoming", "this coming"}
REL_THIS = {"this", "current", "the current", "present"}

# clause tense markers
FUTURE_WORDS = {
    "will", "shall", "'ll", "’ll", "wo", "won't", "won’t", "would", "going", "expected",
    "scheduled", "due", "slated", "set", "plans", "plan", "planning", "intends",
    "intend", "aims", "hopes", "upcoming", "next", "tomorrow", "later", "soon",
    "postponed", "expects", "forecast",
}
PAST_WORDS = {
    "said", "told", "was", "were", "had", "did", "ago", "met", "held", "made", "took", "gave",
    "went", "came", "began", "left", "saw", "won", "lost", "fell", "rose", "sold", "bought",
    "paid", "spent", "sent", "brought", "thought", "found", "kept", "led", "ran", "wrote",
    "spoke", "broke", "chose", "drove", "flew", "fought", "grew", "knew", "meant", "struck",
    "stood", "threw", "understood", "became", "heard", "felt", "built", "caught", "taught",
    "sought", "dealt", "got", "yesterday", "earlier", "last", "hit", "quit", "shot", "slid",
    "sank", "swore", "withdrew", "overtook", "undertook", "forgave", "foresaw", "arose",
}
PRESENT_WORDS = {"is", "are", "am", "says", "say", "remains", "remain", "has", "have"}
NOT_PAST_ED = {"need", "speed", "indeed", "proceed", "exceed", "succeed", "feed", "seed",
               "hundred", "bed", "red", "united", "based", "related", "detailed", "limited",
               "red", "shed", "bred", "breed", "greed", "weed", "deed", "creed", "ted", "fred",
               "ahmed", "mohammed", "muhammad", "mohamed", "hamed", "sayed", "saeed",
               "concerned", "interested", "unexpected", "expected", "scheduled",
               "proposed", "advanced", "armed", "naked", "wicked", "sacred", "kindred",
               "allied", "ed", "wed", "united", "supposed", "used", "alleged"}

# holidays: fixed (month, day) or a rule name resolved in _holiday_date
HOLIDAYS = {
    "New Year's Day": (1, 1), "New Year’s Day": (1, 1), "New Year's Eve": (12, 31),
    "New Year’s Eve": (12, 31), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
    "Christmas": (12, 25), "Boxing Day": (12, 26), "Valentine's Day": (2, 14),
    "Valentine’s Day": (2, 14), "Independence Day": (7, 4), "Bastille Day": (7, 14),
    "Halloween": (10, 31), "May Day": (5, 1), "Thanksgiving Day": "thanksgiving",
    "Thanksgiving": "thanksgiving", "Election Day": "election", "Easter Sunday": "easter",
    "Easter": "easter", "Good Friday": "good_friday",
}

# nouns after which "today's" / "tomorrow's" means the age, not the day
GENERIC_AGE_NOUNS = {"world", "youth", "society", "generation", "generations", "children", "kids",
                     "young", "youngsters", "teenagers", "students", "families", "consumers",
                     "economy", "technology", "technologies", "computers", "culture", "media",
                     "standards", "terms", "leaders", "workers", "workforce", "army", "military",
                     "europe", "america", "china", "russia", "africa", "asia", "india", "era"}

# words that turn a following 4-digit number into a quantity, not a year
QUANTITY_AFTER_NUMBER = re.compile(
    r"\s*(?:%|percent|per\s?cent|people|persons|troops|soldiers|men|women|children|votes|"
    r"seats|members|delegates|workers|jobs|dollars|euros|pounds|yuan|yen|rubles|rials|"
    r"tons|tonnes|barrels|miles|kilometers|kilometres|km|meters|metres|feet|units|shares|"
    r"points|cases|deaths|dead|killed|wounded|refugees|prisoners|cars|vehicles|homes|"
    r"houses|missiles|rockets|drones|aircraft|planes|tanks|ships|centrifuges|hectares|"
    r"acres|mw|kg|kilograms|pages|words|employees|students|patients|hostages|fighters|"
    r"officers|police|staff|users|residents|families|civilians|visitors|tourists|"
    r"[a-z]+-[a-z]+s\b)",
    re.I)

# --------------------------------------------------------------------------------------------
# Result type
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    type: str               # DATE, TIME, DURATION, SET
    value: str              # TIMEX3 value
    first: dt.date | None   # first day covered (inclusive)
    last: dt.date | None    # last day covered (inclusive)
    precision: str          # day, week, month, quarter, year, unknown


# --------------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------------
def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                           key=len, reverse=True))


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
NUM_WORD = _alt(k for k in NUMBER_WORDS)
NUM = rf"(?:\d+(?:\.\d+|\s+1/2(?![\d/]))?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)(?![\w])|(?:{NUM_WORD}))(?:\s+and\s+a\s+half)?"
VAGUE = _alt(VAGUE_NUMBERS)
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)"
UNIT_SG = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
APPROX = r"(?:(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|over(?!\s+the\b)|under(?!\s+the\b)|at\s+least|at\s+most|up\s+to|no\s+more\s+than|just|barely|only|another|an\s+additional|the\s+first|the\s+last|the\s+past|the\s+next|the\s+previous|the\s+coming|the\s+following|the)\s+)"
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
    ("ago_bare", rf"(?:(?:years|months|weeks|days|decades)\s+ago)"),
    # last/next/this week, the past year, earlier this month, the end of the month, this weekend
    ("rel_unit", rf"(?:{EARLYLATE})?(?:the\s+)?(?:{REL}|this|the\s+same|that)\s+(?:(?:fiscal|calendar|financial|school|academic)\s+)?(?:weekend|week|month|year|quarter|half)(?:['’]s(?=\s))?(?![-]|\s+(?:old|long))"),
    ("end_of", rf"(?:{EARLYLATE})(?:the|this|that)\s+(?:week|weekend|month|year|quarter)"),
    ("the_weekend", r"(?:(?:early|late)\s+)?the\s+weekend(?!['’])"),
    ("the_quarter", r"the\s+quarter\s+a\s+year\s+(?:ago|earlier)|the\s+(?:(?:latest|most\s+recent|recent|just[\s-]+(?:ended|completed)|fiscal)\s+)?(?:fiscal\s+)?quarter(?:['’]s(?=\s))?(?![\w'’-])(?!\s+(?:of|point|century|mile))|the\s+(?:latest|most\s+recent)\s+period|this\s+quarter(?!['’-])"),
    ("year_period", rf"the\s+{YEAR}\s+(?:quarter|period|fiscal\s+year|year|season|nine\s+months|six\s+months)"),
    ("full_year", r"the\s+(?:full|whole|entire)\s+(?:fiscal\s+)?year"),
    ("year_ago_adj", r"(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)|\s+(?:level|months?))?"),
    # in two weeks / within days / in the coming days
    ("in_units", rf"(?<=\bin\s)(?!the\s+(?!next\b|coming\b|following\b))(?:(?:{APPROX})?(?:{NUM}|{VAGUE})[\s-]+(?:days|weeks|months|years)|a\s+(?:day|week|month|year|fortnight))(?:\s+or\s+(?:two|three|so))?(?!\s+(?:ago|earlier|later|of|old|after|before))"),
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
_BIG: re.Pattern | None = None  # the alternation of every rule, for the full scan (_big_search)
_RULE_RE = {name: re.compile(f"(?:{pat}){_END_OF_WORD}", re.I) for name, pat in RULES}

# Prefilter. Running _BIG.search over a whole text makes the regex engine try every rule at every
# character (the hot spot). Instead the text is cut into tokens (letter runs, digit runs, a quote
# before a digit) and at each token only the rules that can begin with that token are tried, each
# by its own precompiled regex, in rule order: the first that matches wins, as in the ordered
# alternation (so the same matches), and no regex is compiled while documents are read. Which words each rule can begin
# with is read from the rule's own parsed pattern (_first_words), so rules and prefilter cannot
# drift apart; a rule whose start cannot be worked out is tried at every token.
try:  # the regex parser of the standard library (private module; the full scan is the fallback)
    from re import _parser as _sre_parse, _constants as _sre_c
except ImportError:  # pragma: no cover
    _sre_parse = _sre_c = None

_ANY, _DIGIT, _QUOTE, _OTHER = "<any>", "<digit>", "<quote>", "<other>"
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
                         "several", "few"})


def _matches_space(op, av) -> bool:
    if op is _sre_c.LITERAL:
        return chr(av).isspace()
    return any(o is _sre_c.CATEGORY and a is _sre_c.CATEGORY_SPACE or o is _sre_c.LITERAL and chr(a).isspace()
               for o, a in av)


def _first_words(seq, open_: set[str], done: set[str]) -> set[str]:
    """Walk a parsed pattern: ``open_`` holds the letters read so far on each path (no word has
    ended yet); words that end (a non-letter follows) go to ``done``, as do _DIGIT / _QUOTE for
    paths that begin with a digit or a quote, and _ANY when the start cannot be told."""
    c = _sre_c
    for op, av in seq:
        if not open_:
            break
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width
        if op is c.LITERAL or op is c.IN:
            kinds = {_char_kind(av)} if op is c.LITERAL else _set_kinds(av)
            if "letter" in kinds or _ANY in kinds:
                if op is c.IN or _ANY in kinds:
                    # a class of letters: unknown word (after "the ": any second word)
                    for w in open_:
                        if " " not in w:
                            done.add(_ANY)
                            return set()
                        done.add(w.split(" ")[0] + " " + _ANY)
                    return set()
                open_ = {w + chr(av).lower() for w in open_}
                continue
            if kinds == {"other"} and _matches_space(op, av):
                # whitespace: ends a word, but "the" waits for the word after it ("the first")
                nxt = set()
                for w in open_:
                    if w in _JOIN_HEADS or w.endswith(" "):
                        nxt.add(w.rstrip(" ") + " ")
                    else:
                        done.add(w or _ANY)
                open_ = nxt
                continue
            kind = _DIGIT if kinds == {_DIGIT} else _QUOTE if kinds == {_QUOTE} else _ANY
            for w in open_:
                done.add(w + kind if w.endswith(" ") else w if w else kind)
            open_ = set()
        elif op is c.SUBPATTERN:
            open_ = _first_words(av[-1], open_, done)
        elif op is c.BRANCH:
            open_ = set().union(*(_first_words(alt, set(open_), done) for alt in av[1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            out = set(open_) if lo == 0 else set()
            cur = set(open_)
            for i in range(3):
                prev, cur = cur, _first_words(body, cur, done)
                if i + 1 >= lo:
                    out |= cur
                if not cur or i + 1 >= hi or cur == prev:
                    break
            else:
                if cur:
                    done.add(_ANY)  # a letter loop still open after three rounds
                    return set()
            open_ = out
        else:  # back references, conditionals, dots ...
            done.add(_ANY)
            return set()
    return open_


def _rule_starts(pattern: str) -> set[str]:
    """The first words (lower case) a rule's matches can begin with, plus _DIGIT / _QUOTE / _ANY."""
    if _sre_parse is None:
        return {_ANY}
    try:
        done: set[str] = set()
        left = _first_words(_sre_parse.parse(pattern), {""}, done)
        done |= {(w + _ANY if w.endswith(" ") else w) if w else _ANY for w in left}
        return done
    except Exception:  # pragma: no cover - an unexpected pattern shape: try this rule everywhere
        return {_ANY}


_RULE_STARTS = {name: _rule_starts(pat) for name, pat in RULES}
FIRST_WORDS = frozenset(w.split(" ")[0] for ws in _RULE_STARTS.values() for w in ws)
_PAIR_KEYS = frozenset(w for ws in _RULE_STARTS.values() for w in ws if " " in w)
_TOKEN = re.compile(r"[A-Za-z]+|\d+|['’](?=\d)")
_NEXT_TOKEN = re.compile(r"\s+([A-Za-z]+|\d|['’](?=\d))")
# characters that case-insensitive [A-Za-z] also matches (long s, Kelvin sign, dotted/dotless i):
# a text holding one is scanned in full
_ODD_LETTERS = re.compile("[\u017f\u212a\u0130\u0131]")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _start_index() -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Every key a token can give (a first word, "the first", "the <other>") -> (name, regex) of
    the rules that can begin with it, in RULES order. Worked out at import; no regex is compiled
    for it: the rules' own regexes are tried in order (_match_at)."""
    heads = {name: {w.split(" ")[0] for w in starts} for name, starts in _RULE_STARTS.items()}
    keys = FIRST_WORDS | _PAIR_KEYS | {h + " " + _OTHER for h in _JOIN_HEADS}
    index = {}
    for key in keys:
        head, _, second = key.partition(" ")
        rules = []
        for name, _ in RULES:
            starts = _RULE_STARTS[name]
            if second:  # "the first": rules listing it, any "the ..." or a bare "the"
                ok = key in starts or f"{head} {_ANY}" in starts or head in starts or _ANY in starts
            else:  # a bare word ("the" alone: every "the ..." rule)
                ok = key in heads[name] or _ANY in starts
            if ok:
                rules.append((name, _RULE_RE[name]))
        if rules:
            index[key] = tuple(rules)
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


def _big_search(text: str, pos: int) -> tuple[str, int, int] | None:
    """(rule name, start, end) of the first match of any rule at or after ``pos`` (full scan)."""
    global _BIG
    if _BIG is None:  # compiled only for the rare texts that need the full scan
        _BIG = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(
            f"(?P<{name}>(?:{pat}){_END_OF_WORD})" for name, pat in RULES) + ")", re.I)
    m = _BIG.search(text, pos)
    return (m.lastgroup, m.start(), m.end()) if m else None


def _candidates(text: str) -> list[tuple[int, tuple]] | None:
    """(offset, rules to try there) for each token where a rule may begin; None: scan everything."""
    if not text.isascii() and _ODD_LETTERS.search(text):
        return None
    by_start, first = _BY_START, FIRST_WORDS
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        key = w.lower() if w[0] in _LETTERS else _DIGIT if w[0].isdigit() else _QUOTE
        if key not in first:
            continue
        if key in _JOIN_HEADS:
            n = _NEXT_TOKEN.match(text, m.end())
            if n:
                w2 = n.group(1)
                pair = key + " " + (w2.lower() if w2[0] in _LETTERS else _DIGIT if w2[0].isdigit() else _QUOTE)
                key = pair if pair in _PAIR_KEYS else key + " " + _OTHER
        rules = by_start.get(key)
        if rules:
            out.append((m.start(), rules))
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENT_END = re.compile(r"[.!?;:][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_CLAUSE_SPLIT = re.compile(r"\b(?:but|while|whereas|although|though|after|before|when|since|until)\b|[;—–]|,\s+(?:and|but|who|which|where)\b", re.I)


# --------------------------------------------------------------------------------------------
# Calendar helpers: each returns (value, first, last, precision)
# --------------------------------------------------------------------------------------------
def _day(d: dt.date):
    return d.isoformat(), d, d, "day"


def _week(d: dt.date):
    y, w, _ = d.isocalendar()
    mon = d - dt.timedelta(days=d.weekday())
    return f"{y:04d}-W{w:02d}", mon, mon + dt.timedelta(days=6), "week"


def _weekend(d: dt.date):
    y, w, _ = d.isocalendar()
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return f"{y:04d}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1), "week"


def _month(y: int, m: int):
    if not 1 <= y <= 9999:
        return None
    return (f"{y:04d}-{m:02d}", dt.date(y, m, 1),
            dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def _quarter(y: int, q: int):
    return (f"{y:04d}-Q{q}", dt.date(y, 3 * q - 2, 1),
            dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter")


def _half(y: int, h: int):
    return (f"{y:04d}-H{h}", dt.date(y, 1 if h == 1 else 7, 1),
            dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31), "quarter")


def _season(y: int, code: str):
    m0 = SEASON_START[code]
    first = dt.date(y, m0, 1)
    ly, lm = (y + 1, 2) if code == "WI" else (y, m0 + 2)
    return f"{y:04d}-{code}", first, dt.date(ly, lm, calendar.monthrange(ly, lm)[1]), "quarter"


def _year(y: int):
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _decade(d3: int):
    return f"{d3:03d}", dt.date(max(d3 * 10, 1), 1, 1), dt.date(d3 * 10 + 9, 12, 31), "year"


def _century(c2: int):
    return f"{c2:02d}", dt.date(max(c2 * 100, 1), 1, 1), dt.date(c2 * 100 + 99, 12, 31), "year"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit in ("M", "Q", "Y", "E", "C"):
        months = n * {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit]
        y, m = _add_months(d.year, d.month, months)
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return d


def _num(s: str) -> float | None:
    s = re.sub(r"\s+", " ", s.strip().lower())
    s = re.sub(r"^(?:(?:nearly|almost|about|around|roughly|approximately|some|more than|less than|"
               r"fewer than|over|under|at least|at most|up to|no more than|just|barely|only|another|"
               r"an additional|the first|the last|the past|the next|the previous|the coming|"
               r"the following|the)\s+)+", "", s)
    half = 0.5 if s.endswith((" and a half", " 1/2")) else 0.0
    s = s.removesuffix(" and a half").removesuffix(" 1/2")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s] + half
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and NUMBER_WORDS[parts[0]] >= 20 and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def _unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    if w == "centurie":
        w = "century"
    return UNITS.get(w, ("X", False))[0]


def _pvalue(n: float | None, unit: str, time_unit: bool = False) -> str:
    """ISO 8601 duration value: P3W, PT2H, PXY ..."""
    if unit == "W2":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit == "WE":
        return "P2D" if n in (None, 1) else f"P{int(n * 2)}D"
    t = "T" if time_unit else ""
    if n is None:
        return f"P{t}X{unit}"
    if n != int(n):
        if unit == "Y":
            return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M" if int(n) else f"P{int(n * 12)}M"
        if unit == "H":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M" if int(n) else f"PT{int(n * 60)}M"
        if unit == "M" and time_unit:  # "a minute and a half"
            return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S" if int(n) else f"PT{int(n * 60)}S"
        if unit == "D":
            return f"PT{int(n * 24)}H"
        if unit == "M" and not time_unit:
            return f"P{int(n * 30)}D"
        n = int(round(n))
    return f"P{t}{int(n)}{unit}"


# --------------------------------------------------------------------------------------------
# Tense of the clause around a mention
# --------------------------------------------------------------------------------------------
_ABBREV_END = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|"
    r"Lt|Col|Capt|Sgt|Prof|Inc|Corp|Co|Ltd|No|Jr|Sr|vs|Ave|Mt|Ft|Adm|Cmdr|Rev|Hon|Pres)|"
    r"\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 400)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        s = m.end()
    e = min(len(text), end + 400)
    for m in _SENT_END.finditer(text, end, e):
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        e = m.start() + 1
        break
    return s, e


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


def _tense_at(words: list[str], i: int) -> str | None:
    """Tense signalled by words[i] in its context (None if it signals nothing)."""
    lw = words[i].lower().replace("’", "'")
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


def _tense_strength(text: str, start: int, end: int) -> tuple[str, int]:
    """(tense, distance in words to the marker that decided it; 99 when none)."""
    s, e = _sentence_bounds(text, start, end)
    # "“We will meet Friday,” he said" / he said: “On Friday we will ...”: the words said and the
    # words around them are separate clauses
    q = _QUOTE_MARK.search(text, end, e)
    if q:
        e = q.start()
    for q in _QUOTE_MARK.finditer(text, s, start):
        s = q.end()
    left = [m.group() for m in _WORD.finditer(text, s, start)]
    right = [m.group() for m in _WORD.finditer(text, end, e)]
    words = left + ["\x00"] + right
    k = len(left)
    best_left = None
    for i in range(k - 1, -1, -1):
        t = _tense_at(words, i)
        if t:
            best_left = (k - 1 - i, t)
            break
    best_right = None
    for i in range(k + 1, len(words)):
        if words[i].lower() == "to":
            continue
        t = _tense_at(words, i)
        if t:
            best_right = (i - k - 1, t)
            break
    if best_right and not best_left and len(left) <= 1 and re.match(r"\s*,", text[end:end + 3]):
        # a fronted adverbial ("In January, a week after ..., a bomb killed a guard"): the main
        # verb after it governs it however far it is
        return best_right[1], 0
    if best_left and (not best_right or best_left[0] <= best_right[0] + 6):
        return best_left[1], best_left[0]
    if best_right:
        return best_right[1], best_right[0]
    return "present", 99


_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|"
    r"(?:extend|postpon|delay|push|mov|adjourn|reschedul)\w*(?:\s+[\w'’]+){0,4}?\s+to|of\s+record)\s+(?:on\s+|at\s+)?$", re.I)
_CLOCK_TAIL = re.compile(rf"{TIME_CLOCK}\s*,?\s*(?:on\s+)?$", re.I)


_PLANNED_FOR = re.compile(
    r"(?<!\bhad\s)(?<!\bhad\sbeen\s)\b(?:(?:planned|scheduled|slated|due|earmarked|pencilled|penciled)\s+(?:for|on)|set\s+for)\s+"
    r"(?:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|middle\s+of)[\s-]*)?$", re.I)


def _is_planned_for(text: str, start: int) -> bool:
    """A date a plan is made for ("the accession was planned for early March", "talks are set
    for Monday"): what is planned lies ahead, whatever the tense of the report."""
    return bool(_PLANNED_FOR.search(text[max(0, start - 40):start]))


def _is_deadline(text: str, start: int) -> bool:
    """A date introduced as a limit or a postponement ("until Tuesday", "extended to Nov. 20",
    "holders of record Dec. 21", "until 9 a.m. Tuesday"): the verb tense says nothing about it,
    so the nearest occurrence is taken (no flip to last year's in a past clause)."""
    before = text[max(0, start - 60):start]
    before = _CLOCK_TAIL.sub("", before)
    before = re.sub(r"(?:\b(?:the\s+)?(?:early|mid|late)[\s-]*|\bthe\s+end\s+of\s+)$", "", before, flags=re.I)
    return bool(_DEADLINE_BEFORE.search(before))


def clause_tense(text: str, start: int, end: int) -> str:
    """Tense of the clause governing text[start:end]: "past", "future" or "present".

    The nearest tense marker to the left in the same sentence decides ("said on Tuesday",
    "will meet on Friday", "is to resume Tuesday"); failing that, the nearest one to the right
    ("On Friday the envoys will meet"); failing both, "present". Passive participles defer to
    their auxiliary ("will be signed" is future, "was signed" past)."""
    return _tense_strength(text, start, end)[0]


# --------------------------------------------------------------------------------------------
# Resolution helpers
# --------------------------------------------------------------------------------------------
def _weekday_date(ref: dt.date, wd: int, direction: str) -> dt.date:
    """wd: 1=Monday..7=Sunday. direction: past (<= ref), future (>= ref), nearest,
    last (strictly before, the previous week's when 'last'), next (strictly after)."""
    delta = (ref.isoweekday() - wd) % 7  # days back to the most recent such day (0 = today)
    back = ref - dt.timedelta(days=delta)
    fwd = ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7)
    if direction == "past":
        return back
    if direction == "future":
        return fwd
    if direction == "last":
        return back if delta else ref - dt.timedelta(days=7)
    if direction == "next":
        return fwd if fwd != ref else ref + dt.timedelta(days=7)
    # nearest
    return back if (ref - back) <= (fwd - ref) else fwd


def _tense_dir(tense: str) -> str:
    return {"past": "past", "future": "future"}.get(tense, "nearest")


def _month_year(ref: dt.date, month: int, tense: str, dist: int = 0) -> int:
    """Year of a bare month name: the coming one in a future clause, the most recent one in a
    past clause, the nearest one otherwise (ties go to the past)."""
    if month == ref.month:
        return ref.year
    nxt = ref.year if month > ref.month else ref.year + 1
    prev = ref.year if month < ref.month else ref.year - 1
    if tense == "future":
        return nxt
    ahead = (month - ref.month) % 12
    if tense == "past" and (dist <= 3 or dist <= 8 and ahead > 2):
        return prev
    return nxt if ahead <= 4 else prev


def _day_month_year(ref: dt.date, month: int, day: int, tense: str, dist: int = 0) -> int:
    """Year of a day and month given without one: the nearest occurrence, moved to the coming
    one in a future clause and to the previous one in a clear past clause."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            pass
    if not cands:
        return ref.year
    # the nearest occurrence, with a slight bias to the past (news reports more than it announces)
    near = min(cands, key=lambda c: (abs((c - ref).days) * (1.25 if c > ref else 1.0), c > ref))
    if tense == "future" and (ref - near).days > 30:
        later = [c for c in cands if c >= ref]
        return later[0].year if later else near.year
    if tense == "past" and dist <= 8 and (near - ref).days > 14:
        earlier = [c for c in cands if c <= ref]
        return earlier[-1].year if earlier else near.year
    return near.year


def _early_late(v, mod: str | None):
    """Narrow (value, first, last, precision) for early / mid / late / end of."""
    if not mod or v is None or v[1] is None:
        return v
    value, first, last, prec = v
    span = (last - first).days + 1
    mod = mod.lower()
    if "end" in mod or mod.startswith("late"):
        a, b = first + dt.timedelta(days=span * 2 // 3), last
    elif mod.startswith(("early", "beginning", "start", "the beginning", "the start")):
        a, b = first, first + dt.timedelta(days=span // 3 - 1)
    elif mod.startswith(("mid", "the middle")):
        a, b = first + dt.timedelta(days=span // 3), first + dt.timedelta(days=span * 2 // 3 - 1)
    else:
        return v
    return value, a, max(a, b), prec


_MOD_RE = re.compile(r"^(early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end|start|beginning|the\s+turn\s+of)[\s-]+", re.I)


def _strip_mod(s: str) -> tuple[str | None, str]:
    m = _MOD_RE.match(s)
    if m:
        return re.sub(r"\s+", " ", m.group(1).lower()), s[m.end():]
    return None, s


def _year_of(s: str, ref: dt.date | None) -> int | None:
    m = re.search(r"(?:1[0-9]|20)\d\d", s)
    if m:
        return int(m.group())
    m = re.search(YEAR_SPELLED, s, re.I)
    return _spelled_year(m.group()) if m else None


def _spelled_year(words: str) -> int | None:
    """1997 from "nineteen ninety-seven", 2001 from "two thousand and one"."""
    words = re.sub(r"\s+", " ", words.lower())
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].replace(" and", "").strip()
        v = _num(rest) if rest else 0
        return None if v is None else 2000 + int(v)
    rest = words[len("nineteen"):].strip(" -")
    if rest == "hundred":
        return 1900
    v = _num(rest)
    return None if v is None else 1900 + int(v)


# --------------------------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------------------------
class _Doc:
    def __init__(self, text: str, ref: dt.date | None):
        self.text = text
        self.ref = ref
        self.out: list[TimeMention] = []
        self.derived: set[int] = set()  # starts of mentions resolved from another mention

    def derive(self, m: TimeMention | None) -> TimeMention | None:
        if m is not None:
            self.derived.add(m.start)
        return m

    def tense(self, s: int, e: int) -> str:
        return self.tense2(s, e)[0]

    def tense2(self, s: int, e: int) -> tuple[str, int]:
        if _is_deadline(self.text, s):
            # "postponed until Tuesday", "extended to Nov. 20": ahead; a sentence-initial
            # "Until Thursday, they had not ..." only bounds a past state: the nearest one
            before = self.text[max(0, s - 60):s]
            return ("present", 99) if re.search(r"(?:^|[.!?]\s+)Until\s+(?:\S+\s+)?$", before) else ("future", 0)
        if _is_planned_for(self.text, s):
            return "future", 0
        return _tense_strength(self.text, s, e)

    def last_quarter(self, pos: int, limit: int):
        """The latest explicit mention of a calendar quarter within limit chars (never one that
        was itself resolved from another mention, so year-ago quarters do not chain)."""
        for m in reversed(self.out):
            if pos - m.end > limit:
                return None
            if m.precision == "quarter" and _QVAL.fullmatch(m.value) and m.start not in self.derived:
                return m
        return None

    def reported_quarter(self):
        """The quarter an earnings story reports: its first explicit quarter that has begun by
        the reference date (later ones are comparisons and outlooks)."""
        for m in self.out:
            if m.precision == "quarter" and _QVAL.fullmatch(m.value) and m.start not in self.derived \
                    and (self.ref is None or m.first <= self.ref):
                return m
        return None

    def last_day(self, pos: int, limit: int):
        """The latest mention of one calendar day within limit chars before pos."""
        for m in reversed(self.out):
            if pos - m.end > limit:
                return None
            if m.precision == "day" and m.first is not None and m.first == m.last and m.value[:1].isdigit():
                return m
        return None

    def last_anchor(self, precision: str | None = None):
        for m in reversed(self.out):
            if m.start in self.derived:
                continue
            if m.first is not None and m.type in ("DATE", "TIME") and m.value[:1].isdigit():
                if precision is None or m.precision == precision:
                    return m
        return None


def _mention(doc: _Doc, s: int, e: int, typ: str, res) -> TimeMention | None:
    if res is None:
        return None
    text = doc.text
    # trim spaces / trailing punctuation that crept into the span
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    value, first, last, prec = res
    return TimeMention(s, e, text[s:e], typ, value, first, last, prec)


def _unresolved(value: str, prec: str = "unknown"):
    return value, None, None, prec


def _handle(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    text, ref = doc.text, doc.ref
    span = text[s:e]
    low = re.sub(r"\s+", " ", span.lower()).replace("’", "'")
    rx = _RULE_RE[rule]

    if rule == "iso":
        d = dt.date.fromisoformat(span)
        return _mention(doc, s, e, "DATE", _day(d))

    if rule == "numeric":
        a, b, y = re.split(r"[/.-]", span)
        a, b, y = int(a), int(b), int(y)
        sep = re.search(r"[/.-]", span).group()
        if a > 12:
            d_, m_ = a, b
        elif b > 12:
            m_, d_ = a, b
        elif sep == "/":
            m_, d_ = a, b
        else:
            d_, m_ = a, b
        try:
            return _mention(doc, s, e, "DATE", _day(dt.date(y, m_, d_)))
        except ValueError:
            return None

    if rule in ("mdy", "dmy", "wday_date"):
        mod, rest = _strip_mod(span)
        mm = re.search(MON, rest, re.I)
        if not mm:
            return None
        month = MONTHS[mm.group().lower().rstrip(".")]
        if rule == "mdy" and not mm.group()[0].isupper():
            return None
        other = rest[:mm.start()] + " " + rest[mm.end():]
        dm = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", other)
        day = None
        if dm:
            day = int(dm.group(1))
        else:
            om = re.search(_alt(ORDINALS), other, re.I)
            if om:
                day = ORDINALS.get(re.sub(r"\s+", "-", om.group().lower()))
        ym = re.search(r"(?:1[0-9]|20)\d\d", other)
        year = int(ym.group()) if ym else None
        if day is None:
            return None
        # "May 5" where "May" could be the verb: require a capital M (checked) and a plausible day
        if mm.group().lower() == "may" and not ym and re.match(r"\s+\d+\s*(?:%|percent|per|people|\w+s\b)", rest[mm.end():], re.I):
            return None
        # "June 20 percent": the number belongs to something else
        after = text[e:e + 12].lower()
        if not ym and re.match(r"\s*(?:%|percent|per\s?cent|million|billion|points?)", after):
            return None
        if year is None:
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}-{day:02d}", "day"))
            wdm = re.search(WDAY, span, re.I)
            if wdm:  # the weekday pins the year: pick the nearest year where it matches
                wd = WEEKDAYS[wdm.group().lower()]
                cands = []
                for yy in (ref.year - 1, ref.year, ref.year + 1):
                    try:
                        c = dt.date(yy, month, day)
                    except ValueError:
                        continue
                    if c.isoweekday() == wd:
                        cands.append(c)
                if cands:
                    c = min(cands, key=lambda c: abs((c - ref).days))
                    return _mention(doc, s, e, "DATE", _day(c))
            year = _day_month_year(ref, month, day, *doc.tense2(s, e))
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if mod and rule == "mdy" and mod in ("early", "earlier", "late", "later"):
            pass
        return _mention(doc, s, e, "DATE", _day(d))

    if rule in ("my", "my_rel", "month"):
        mod, rest = _strip_mod(span)
        mm = re.match(MON, rest, re.I)
        if not mm:
            return None
        mword = mm.group()
        if not mword[0].isupper():
            return None
        month = MONTHS[mword.lower().rstrip(".")]
        if rule == "month":
            if not _month_alone_ok(text, s, e, mword, mod):
                return None
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}", "month"))
            tense, dist = doc.tense2(s, e)
            before = text[max(0, s - 12):s].lower()
            if re.search(r"\blast\s+$", before):
                y = ref.year if month < ref.month else ref.year - 1
                s = s - len(re.search(r"last\s+$", before).group())
            elif re.search(r"\bnext\s+$", before):
                y = ref.year if month > ref.month else ref.year + 1
                s = s - len(re.search(r"next\s+$", before).group())
            elif re.search(r"\bthis\s+$", before):
                y = ref.year
                s = s - len(re.search(r"this\s+$", before).group())
            else:
                y = _month_year(ref, month, tense, dist)
            return _mention(doc, s, e, "DATE", _early_late(_month(y, month), mod))
        if rule == "my":
            y = _year_of(rest, ref)
        else:
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{month:02d}", "month"))
            y = ref.year + (-1 if "last" in low else 1 if "next" in low else 0)
        return _mention(doc, s, e, "DATE", _early_late(_month(y, month), mod))

    if rule in ("season_year", "season_rel"):
        mod, rest = _strip_mod(span)
        sm = re.search(SEASON, rest, re.I)
        code = SEASONS[sm.group().lower()]
        if rule == "season_year":
            y = _year_of(rest, ref)
            return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod))
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-{code}", "quarter"))
        rel = rest[:sm.start()].strip().lower()
        # the season containing ref, or this year's
        cur_y = ref.year - 1 if (code == "WI" and ref.month <= 2) else ref.year
        first = _season(cur_y, code)[1]
        last = _season(cur_y, code)[2]
        if rel in ("last", "past", "previous"):
            y = cur_y if last < ref else cur_y - 1
        elif rel in ("next", "coming", "this coming", "upcoming", "following"):
            y = cur_y if first > ref else cur_y + 1
        else:
            y = cur_y
        return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod))

    if rule == "the_season":
        if ref is None or span[-1].isupper():
            return None
        mod = re.search(r"early|late|mid", low)
        code = SEASONS[re.search(SEASON, low).group()]
        cur_y = ref.year - 1 if (code == "WI" and ref.month <= 2) else ref.year
        first, last = _season(cur_y, code)[1:3]
        tense = doc.tense(s, e)
        if first <= ref <= last:
            y = cur_y
        elif tense == "future":
            y = cur_y if first > ref else cur_y + 1
        elif tense == "past":
            y = cur_y if last < ref else cur_y - 1
        else:  # the nearer one
            before = cur_y if last < ref else cur_y - 1
            after = cur_y if first > ref else cur_y + 1
            y = before if (ref - _season(before, code)[2]).days <= (_season(after, code)[1] - ref).days else after
        return _mention(doc, s, e, "DATE", _early_late(_season(y, code), mod.group() if mod else None))

    if rule == "the_unit":
        if re.match(r"\s+(?:ended|ending|to)\b", text[e:e + 8]):
            return _mention(doc, s, e, "DURATION", ("P1Y" if low.endswith("year") else "P1W", None, None, "unknown"))
        if ref is None:
            return None
        if low.endswith("year"):
            return _mention(doc, s, e, "DATE", _year(ref.year))
        a = doc.last_day(s, 1500)  # "Stocks fell on Friday. For the week, ...": that day's week
        return _mention(doc, s, e, "DATE", _week(a.first if a is not None else ref))

    if rule in ("quarter", "qcode"):
        qm = re.search(r"first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]", low)
        q = QUARTER_WORDS[qm.group()]
        if low.endswith("quarters"):
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-Q{q}"))
        y = _year_of(span, ref)
        if y is None and ref is not None:
            if "last year" in low:
                y = ref.year - 1
            elif "next year" in low:
                y = ref.year + 1
            elif "this year" in low:
                y = ref.year
            else:
                cq = (ref.month - 1) // 3 + 1
                if q < cq:
                    y = ref.year
                elif q == cq:
                    y = ref.year
                else:
                    y = ref.year if doc.tense(s, e) == "future" else ref.year - 1
        if y is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-Q{q}", "quarter"))
        return _mention(doc, s, e, "DATE", _quarter(y, q))

    if rule == "half":
        h = 1 if re.search(r"first|1st", low) else 2
        dm = re.search(r"of the ((?:1[0-9]|20)\d)0'?s$|of the '(\d)0s$", low)
        if dm:  # "the last half of the '80s": the decade, its early or late half
            if dm.group(1):
                d3 = int(dm.group(1))
            elif ref is not None:
                c = ref.year // 100
                d3 = c * 10 + int(dm.group(2)) if c * 100 + int(dm.group(2)) * 10 <= ref.year else (c - 1) * 10 + int(dm.group(2))
            else:
                return _mention(doc, s, e, "DATE", _unresolved(f"XX{dm.group(2)}", "year"))
            v = _decade(d3)
            mid = dt.date(d3 * 10 + 5, 1, 1)
            return _mention(doc, s, e, "DATE", (v[0], v[1] if h == 1 else mid, mid - dt.timedelta(days=1) if h == 1 else v[2], "year"))
        y = _year_of(span, ref)
        if y is None and ref is not None:
            y = ref.year - 1 if "last year" in low else ref.year + 1 if "next year" in low else ref.year
            if "the year" not in low and "this year" not in low and "last year" not in low and h == 2 and ref.month <= 6 and doc.tense(s, e) == "past":
                y = ref.year - 1
        if y is None:
            return _mention(doc, s, e, "DATE", _unresolved(f"XXXX-H{h}", "quarter"))
        return _mention(doc, s, e, "DATE", _half(y, h))

    if rule == "decade":
        m4 = re.search(r"((?:1[0-9]|20)\d)0['’]?s", span)
        if m4:
            d3 = int(m4.group(1))
        else:
            m2 = re.search(r"['’](\d)0s", span)
            if m2:
                if ref is None:
                    return _mention(doc, s, e, "DATE", _unresolved(f"XX{m2.group(1)}", "year"))
                d = int(m2.group(1))
                c = ref.year // 100
                d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
            else:
                wm = re.search(_alt(DECADE_WORDS), low)
                if not wm or not re.match(r"(?:the\s+|(?:early|mid|late)[\s-]+)", low):
                    return None
                d = DECADE_WORDS[wm.group()]
                if ref is None:
                    return _mention(doc, s, e, "DATE", _unresolved(f"XX{d}", "year"))
                c = ref.year // 100
                d3 = c * 10 + d if c * 100 + d * 10 <= ref.year else (c - 1) * 10 + d
        mod = re.search(r"early|mid|late", low)
        return _mention(doc, s, e, "DATE", _early_late(_decade(d3), mod.group() if mod else None))

    if rule == "century":
        nm = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
        n = int(nm.group(1)) if nm else ORDINALS.get(re.search(_alt(ORDINALS), low).group())
        if not n:
            return None
        mod = re.search(r"early|mid|late", low)
        return _mention(doc, s, e, "DATE", _early_late(_century(n - 1), mod.group() if mod else None))

    if rule == "rel_century":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XX", "year"))
        c = ref.year // 100
        if re.search(r"last|past|previous", low):
            c -= 1
        elif re.search(r"next|coming", low):
            c += 1
        return _mention(doc, s, e, "DATE", _century(c))

    if rule == "rel_decade":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXX", "year"))
        d3 = ref.year // 10
        if re.search(r"last|past|previous", low):
            if low.startswith("the") and "past" in low:
                # "the past decade" = the ten years up to now: a duration in TimeML
                return _mention(doc, s, e, "DURATION", ("P1E", None, None, "unknown"))
            d3 -= 1
        elif re.search(r"next|coming", low):
            d3 += 1
        return _mention(doc, s, e, "DATE", _decade(d3))

    if rule == "year_mod":
        mod, rest = _strip_mod(span)
        y = _year_of(rest, ref)
        if y is None:
            return None
        if re.search(r"\bfiscal\b", low):
            return _mention(doc, s, e, "DATE", _year(y))
        if mod in ("the end of", "end") and ref is not None and y == ref.year:
            return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))
        return _mention(doc, s, e, "DATE", _early_late(_year(y), mod))

    if rule == "year":
        if span[0] in "'’":
            if ref is None:
                return None
            yy = int(span[1:])
            c = ref.year // 100 * 100
            y = c + yy if c + yy <= ref.year + 10 else c - 100 + yy
            return _mention(doc, s, e, "DATE", _year(y))
        y = int(span)
        if QUANTITY_AFTER_NUMBER.match(text, e) or re.search(r"(?:[$£€¥#]|\bUS|\bNo\.?|\bnumber|\bRoute|\bFlight|\bRoom)\s*$", text[max(0, s - 8):s]):
            return None
        # "seized 2000 rifles": a count, unless a determiner makes it a year ("the 2024 elections")
        if re.match(r"\s+[a-z]+s\b", text[e:e + 25]) and not re.search(
                r"(?:\b(?:the|in|of|since|by|its|their|his|her|our|a|an|from|until|for|before|after)|['’]s)\s+$",
                text[max(0, s - 12):s], re.I):
            return None
        # a number in a list of numbers or a score/tally ("1990-1991" stays a year range)
        if re.match(r"\s*(?:to|-|–)\s*\d{1,3}\b(?!\d)", text[e:e + 8]) and not re.match(r"\s*(?:-|–)\s*\d\d\b", text[e:e + 6]):
            return None
        if ref is not None and y > ref.year + 60:
            return None
        return _mention(doc, s, e, "DATE", _year(y))

    if rule == "year_spelled":
        n = _spelled_year(re.sub(r"^the year ", "", low))
        if n is None:
            return None
        return _mention(doc, s, e, "DATE", _year(n))

    if rule == "unit_end":
        s += len(re.match(r"(?:(?:around|about|by|at|until|before)\s+)?", span, re.I).group())
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        # "since year-end" in a report on this year's figures: the end of last year
        y = ref.year - 1 if re.search(r"\bsince\s+$", text[max(0, s - 8):s], re.I) or ref.month == 1 else ref.year
        return _mention(doc, s, e, "DATE", _early_late(_year(y), "the end of"))

    if rule == "in_the_unit":
        if ref is None:
            return None
        unit = low.rsplit(" ", 1)[1]
        v = _year(ref.year) if unit == "year" else _month(ref.year, ref.month) if unit == "month" else _week(ref)
        return _mention(doc, s, e, "DATE", v)

    if rule == "current_adj":
        return _mention(doc, s, e, "DATE", ("PRESENT_REF", None, None, "unknown"))

    if rule == "dpart_alone":
        if ref is None:
            return None
        a = doc.last_day(s, 800)
        day = a.first if a is not None else ref
        if low == "overnight":
            return _mention(doc, s, e, "TIME", ((day - dt.timedelta(days=1)).isoformat() + "TNI",
                                                day - dt.timedelta(days=1), day - dt.timedelta(days=1), "day"))
        part = "MI" if low == "midday" else next(code for w, code in DAYPARTS.items() if low.endswith(w))
        v = _day(day)
        return _mention(doc, s, e, "TIME", (v[0] + "T" + part,) + v[1:])

    if rule == "day_anaphor":
        # the day of the latest dated mention nearby (chains allowed: "the next day ... the
        # following morning"); none nearby: no date
        a = doc.last_day(s, 1500)
        k = 1 if re.search(r"next|following", low) else -1 if "previous" in low else 0
        b = doc.last_anchor()
        if k == 0 and b is not None and _near(doc, b, s, 400) and (a is None or b.start > a.start) \
                and b.precision in ("month", "year") and re.fullmatch(r"\d{4}(?:-\d\d)?", b.value) \
                and doc.tense(s, e) == "past":
            # "killed last October ... crossed out that same day": a day of that month, unknown
            v = b.value + ("-XX" if b.precision == "month" else "-XX-XX")
            return doc.derive(_mention(doc, s, e, "DATE", (v, b.first, b.last, b.precision)))
        if a is None:
            return None
        part = next((code for w, code in DAYPARTS.items() if low.endswith(w)), None)
        d = a.first + dt.timedelta(days=k)
        v = _day(d)
        if part:
            v = (v[0] + "T" + part,) + v[1:]
        return doc.derive(_mention(doc, s, e, "TIME" if part else "DATE", v))

    if rule in ("day_rel", "day_rel_poss", "day_dpart_rel", "dpart_day_rel"):
        if low in ("today's", "tomorrow's", "today", "tomorrow") and _generic_day(text, s, e):
            return None  # "in today's world", "the leaders of tomorrow": the present age, no day
        if rule == "day_rel_poss":
            e = s + len(span) - 2
            low = low[:-2]
        if "day before yesterday" in low:
            k = -2
        elif "day after tomorrow" in low:
            k = 2
        elif "yesterday" in low or re.search(r"last (?:morning|afternoon|evening|night)", low):
            k = -1
        elif "tomorrow" in low:
            k = 1
        else:
            k = 0
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}\b", low):
                part = code
        if "tonight" in low:
            part = "NI"
        if low == "today" and ref is not None:
            pass
        typ = "TIME" if part else "DATE"
        if ref is None:
            return _mention(doc, s, e, typ, _unresolved("XXXX-XX-XX" + (f"T{part}" if part else ""), "day"))
        d = ref + dt.timedelta(days=k)
        v = _day(d)
        if part:
            v = (v[0] + "T" + part,) + v[1:]
        return _mention(doc, s, e, typ, v)

    if rule == "wday_set":
        wm = re.search(WDAY, span, re.I)
        if not wm or not wm.group()[0].isupper():
            return None
        wd = WEEKDAYS[wm.group().lower()]
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}s?\b", low):
                part = code
        return _mention(doc, s, e, "SET", ("XXXX-WXX-%d" % wd + (f"T{part}" if part else ""), None, None, "unknown"))

    if rule == "wday":
        wm = re.search(WDAY, span, re.I)
        if not wm or not wm.group()[0].isupper():
            return None
        if wm.start() == 0 and re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I) \
                and re.match(r"\s+[A-Z][a-z]", text[e:e + 4]):
            return None  # "the Sunday Herald": a title
        if low.endswith("'s") or low.endswith("’s"):
            pass
        wd = WEEKDAYS[wm.group().lower()]
        pre = low[:wm.start()].strip()
        part = None
        for w, code in DAYPARTS.items():
            if re.search(rf"\b{w}\b", low):
                part = code
        clock = re.search(TIME_CLOCK, span[wm.end():], re.I)
        if ref is None:
            val = f"XXXX-WXX-{wd}"
            return _mention(doc, s, e, "TIME" if part else "DATE", _unresolved(val, "day"))
        rel = re.sub(r"^the day (?:before|after) ", "", pre)
        rel = re.sub(r"^(?:early|late|earlier|later) ", "", rel)
        the_before = re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I)
        if rel in ("previous", "following") and the_before and doc.last_day(s, 1500) is not None:
            # "the previous Friday": the one before the day in focus, not before today
            d = _weekday_date(doc.last_day(s, 1500).first, wd, "last" if rel == "previous" else "next")
            s -= len(the_before.group())
        elif rel in ("last", "past", "previous", "this past"):
            d = _weekday_date(ref, wd, "last")
        elif rel in ("next", "following"):
            d = _weekday_date(ref, wd, "next")
        elif rel in ("this coming", "coming"):
            d = _weekday_date(ref, wd, "future")
        elif rel == "this":
            # "this Friday": the one of the current week, forward by default
            t = doc.tense(s, e)
            d = _weekday_date(ref, wd, "past" if t == "past" else "future")
        elif low.endswith("'s") and not re.match(r"\s+(?:meeting|talks|summit|session|vote|deadline|election|game|match)", text[e:e + 12]):
            d = _weekday_date(ref, wd, "past")  # "Wednesday's ruling"
        else:
            d = _weekday_date(ref, wd, _tense_dir(doc.tense(s, e)))
        if pre.startswith("the day before"):
            d -= dt.timedelta(days=1)
        elif pre.startswith("the day after"):
            d += dt.timedelta(days=1)
        v = _day(d)
        typ = "DATE"
        if part:
            v = (v[0] + "T" + part,) + v[1:]
            typ = "TIME"
        if clock:
            v = (v[0] + _clock_suffix(clock.group()),) + v[1:]
            typ = "TIME"
        if low.endswith("'s"):
            e -= 2
        return _mention(doc, s, e, typ, v)

    if rule == "week_of":
        inner_s = s + re.match(r"the\s+week\s+of\s+", span, re.I).end()
        sub = _match_at(text, inner_s, _ALL_RULES)
        inner = _handle(doc, sub[0], inner_s, sub[1]) if sub else None
        if inner is None or inner.first is None or inner.precision != "day":
            return None
        return _mention(doc, s, inner.end, "DATE", _week(inner.first))

    if rule == "clock_day":
        cm = re.match(TIME_CLOCK, span, re.I)
        rest_s = s + cm.end()
        gap = re.match(r"[\s,]*(?:on\s+)?", text[rest_s:rest_s + 12], re.I)
        sub_s = rest_s + gap.end()
        sub = _match_at(text, sub_s, _ALL_RULES)
        inner = None
        if sub:
            inner = _handle(doc, sub[0], sub_s, sub[1])
        if inner is None:
            return None
        v = inner.value
        if v[:1].isdigit() and "T" not in v:
            v = v + _clock_suffix(cm.group())
        return TimeMention(s, inner.end, text[s:inner.end], "TIME", v, inner.first, inner.last, inner.precision)

    if rule in ("ago", "ago_bare"):
        if rule == "ago_bare":
            unit = _unit_of(low.split()[0])
            return _mention(doc, s, e, "DATE", ("PAST_REF", None, None, "unknown"))
        dm = re.search(r"\s+(ago|earlier|later|before|after|from now|hence|previously|back)$", low)
        direction = dm.group(1)
        qty = low[:dm.start()]
        um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)(?:\s+or\s+\w+)?$", qty)
        if not um:
            return None
        unit = _unit_of(um.group(1))
        nstr = qty[:um.start()].strip(" -")
        n = _num(nstr) if nstr and nstr not in ("the", "that", "this") else 1.0
        if nstr in ("the", "that", "this"):
            nstr = ""
        vague = nstr and any(re.search(rf"\b{v}\b", nstr) for v in ("few", "several", "many", "some", "number", "numerous")) and not re.fullmatch(r"some\s+\S+", nstr) or (nstr and n is None)
        sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
        if unit in ("S", "M") and UNITS.get(um.group(1).rstrip("s"), ("", False))[1]:
            # minutes/seconds/hours ago: the reference day
            if ref is None:
                return _mention(doc, s, e, "TIME", _unresolved("XXXX-XX-XX", "day"))
            return _mention(doc, s, e, "TIME", _day(ref))
        if unit == "H":
            if ref is None or n is None:
                return _mention(doc, s, e, "TIME", _unresolved("XXXX-XX-XX", "day"))
            return _mention(doc, s, e, "TIME", _day(ref + dt.timedelta(hours=sign * n) if False else ref + dt.timedelta(days=sign * int(n // 24))))
        if vague:
            return _mention(doc, s, e, "DATE", ("PAST_REF" if sign < 0 else "FUTURE_REF", None, None, "unknown"))
        anchor_based = direction in ("earlier", "later", "before", "after")
        if ref is None and not anchor_based:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX" if unit in "DW" else "XXXX", "unknown"))
        base = ref
        base_prec = None
        # financial convention: "a year ago" / "a year earlier" next to a quarter means that quarter
        if unit == "Y" and n == 1 and direction in ("ago", "earlier") and _long_period_sentence(text, s, e) \
                and _money_sentence(text, s, e) and doc.last_quarter(s, 2500) is not None:
            # "for the nine months, ... up from $1.4 billion a year earlier": the year before
            return doc.derive(_mention(doc, s, e, "DATE", _year(int(doc.last_quarter(s, 2500).value[:4]) - 1)))
        if unit == "Y" and n == 1:
            a = doc.last_anchor()
            if a is not None and a.precision == "quarter" and _near(doc, a, s, 600) and re.fullmatch(r"\d{4}-Q\d", a.value) \
                    and _money_sentence(text, s, e):
                return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(a.value[:4]) - 1, int(a.value[-1]))))
            # an earnings report comparing figures with "a year earlier": the quarter it reports
            q = doc.last_quarter(s, 2500)
            if q is not None and direction in ("ago", "earlier") and _money_sentence(text, s, e):
                return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
        if anchor_based:
            a = doc.last_anchor()
            if a is not None and _near(doc, a, s) and (unit not in "MQYEC" or a.precision in ("month", "quarter", "year")) \
                    and not (unit in "DW" and a.precision not in ("day",)):
                base = a.first
                base_prec = a.precision if unit != "Y" else "year"
                if unit in "MQYEC" and a.precision == "year":
                    base_prec = "year"
        if base is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX" if unit in "DW" else "XXXX", "unknown"))
        if n is None:
            n = 1.0
        if n != int(n):
            if unit == "Y":
                n, unit = n * 12, "M"
            elif unit == "M":
                n, unit = n * 30, "D"
            else:
                n = round(n)
        n = int(n)
        if unit == "W2":
            n, unit = n * 2, "W"
        if unit == "WE":
            n, unit = n, "W"
        if anchor_based and base is not ref:
            doc.derived.add(s)
        d = _shift(base, sign * n, unit)
        if base_prec in ("month", "quarter", "year") and unit in "MQY":
            prec = base_prec if unit != "M" or base_prec == "month" else "month"
        else:
            prec = {"D": "day", "W": "day", "M": "month", "Q": "quarter", "Y": "year", "E": "year", "C": "year"}[unit]
        if prec == "day" and unit == "W" and n >= WEEKS_AGO_AS_WEEK:
            return _mention(doc, s, e, "DATE", _week(d))  # "six weeks ago": that week, not a day
        if prec == "day":
            return _mention(doc, s, e, "DATE", _day(d))
        if prec == "month":
            return _mention(doc, s, e, "DATE", _month(d.year, d.month))
        if prec == "quarter":
            return _mention(doc, s, e, "DATE", _quarter(d.year, (d.month - 1) // 3 + 1))
        return _mention(doc, s, e, "DATE", _year(d.year))

    if rule in ("rel_unit", "end_of"):
        if span.istitle() and " " in span and text[max(0, s - 1):s] in ("\"", "“"):
            return None  # a programme title in quotes: ABC's "This Week"
        if low.endswith("'s"):
            e -= 2
            span, low = span[:-2], low[:-2]
        mod, rest = _strip_mod(span)
        rl = re.sub(r"\s+", " ", rest.lower())
        um = re.search(r"(week|weekend|month|year|quarter|half)$", rl)
        if not um:
            return None
        unit = um.group(1)
        relw = rl[:um.start()].strip()
        relw = re.sub(r"^the ", "", relw)
        relw = re.sub(r"\s*(?:fiscal|calendar|financial|school|academic)$", "", relw).strip()
        fiscal = bool(re.search(r"fiscal|financial", rl))
        if relw == "the" and mod:
            relw = "this"  # "the end of the month": the current one
        if relw in ("same", "that") or (relw == "the"):
            # anaphoric: same granularity as the last mention
            a = doc.last_anchor()
            if a is None or not _near(doc, a, s, 1500):
                return None
            tgt = {"week": "week", "month": "month", "year": "year", "quarter": "quarter"}.get(unit)
            if unit == "year" and a.first:
                return _mention(doc, s, e, "DATE", _year(a.first.year))
            if unit == "month" and a.first and a.precision in ("day", "month"):
                return _mention(doc, s, e, "DATE", _month(a.first.year, a.first.month))
            if unit == "quarter" and a.first and a.precision in ("day", "month", "quarter"):
                return doc.derive(_mention(doc, s, e, "DATE", _quarter(a.first.year, (a.first.month - 1) // 3 + 1)))
            if unit == "week" and a.first and a.precision in ("day", "week"):
                return doc.derive(_mention(doc, s, e, "DATE", _week(a.first)))
            return None
        if relw in ("following", "previous", "preceding") and rl.startswith("the"):
            a = doc.last_anchor()
            if a is not None and _near(doc, a, s, 1500) and a.first is not None:
                k = 1 if relw == "following" else -1
                base = a.first
                if unit == "year" and a.precision in ("day", "month", "quarter", "year"):
                    return doc.derive(_mention(doc, s, e, "DATE", _year(base.year + k)))
                if unit == "month" and a.precision in ("day", "month"):
                    y, m_ = _add_months(base.year, base.month, k)
                    return doc.derive(_mention(doc, s, e, "DATE", _month(y, m_)))
                if unit == "week" and a.precision in ("day", "week"):
                    return doc.derive(_mention(doc, s, e, "DATE", _week(base + dt.timedelta(weeks=k))))
        if ref is None:
            val = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                   "quarter": "XXXX-QX", "half": "XXXX-HX"}[unit]
            return _mention(doc, s, e, "DATE", _unresolved(val))
        if unit == "year" and relw == "last" and not mod:
            # "last year's quarter", "the corresponding period last year": the reported quarter
            # a year back
            q = doc.last_quarter(s, 2500)
            if q is not None and (re.match(r"['’]s\s+(?:quarter|period)\b", text[e:e + 12]) or re.search(
                    r"\b(?:quarter|period)\s+(?:of\s+)?$", text[max(0, s - 12):s])):
                return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
        k = 0
        if relw in REL_PAST:
            k = -1
        elif relw in ("next", "coming", "following", "upcoming", "this coming"):
            k = 1
        # "the past year" / "the last month" (with "the"): the period up to now; TimeML values it
        # as the previous calendar unit, the way "last year" is
        if unit == "week":
            v = _week(ref + dt.timedelta(weeks=k))
        elif unit == "weekend":
            if k == 0:
                base = ref
                if ref.isoweekday() == 1 and relw == "this" and doc.tense(s, e) == "past":
                    base = ref - dt.timedelta(days=1)
                v = _weekend(base)
            elif k < 0:
                # the weekend just past (this week's if it is over)
                base = ref - dt.timedelta(days=ref.isoweekday())  # last Sunday
                v = _weekend(base if ref.isoweekday() < 6 else base - dt.timedelta(days=7) if ref.isoweekday() == 7 else base)
            else:
                v = _weekend(ref + dt.timedelta(days=7))
        elif unit == "month":
            y, m = _add_months(ref.year, ref.month, k)
            v = _month(y, m)
        elif unit == "quarter":
            cq = (ref.month - 1) // 3 + 1
            y, m = _add_months(ref.year, 3 * cq - 2, 3 * k)
            v = _quarter(y, (m - 1) // 3 + 1)
        elif unit == "half":
            h = 1 if ref.month <= 6 else 2
            idx = ref.year * 2 + (h - 1) + k
            v = _half(idx // 2, idx % 2 + 1)
        else:
            v = _year(ref.year + k)
        if mod in ("earlier", "later"):
            mod = None
        return _mention(doc, s, e, "DATE", _early_late(v, mod))

    if rule == "holiday_week":
        # "as Easter week began": the week of the nearest such holiday, whatever the tense
        if ref is None:
            return None
        name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if span.lower().replace("’", "'").startswith(h.lower().replace("’", "'")))
        day = min((_holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)), key=lambda d: abs((d - ref).days))
        return _mention(doc, s, e, "DATE", _week(day))

    if rule == "holiday":
        name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if h.lower() in span.lower().replace("’", "'") or h.lower() in span.lower())
        if name.lower() == "may day" and not span[0].isupper():
            return None
        y = _year_of(span, ref)
        if y is None:
            if ref is None:
                return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX", "day"))
            cands = [_holiday_date(name, yy) for yy in (ref.year - 1, ref.year, ref.year + 1)]
            if low.startswith("last"):
                c = max(c for c in cands if c < ref)
            elif low.startswith("next"):
                c = min(c for c in cands if c > ref)
            else:
                tense, dist = doc.tense2(s, e)
                past = max(c for c in cands if c <= ref)
                fut = min(c for c in cands if c >= ref)
                if tense == "future":
                    c = fut
                elif tense == "past":
                    c = past
                else:
                    c = past if (ref - past) <= (fut - ref) else fut
            return _mention(doc, s, e, "DATE", _day(c))
        return _mention(doc, s, e, "DATE", _day(_holiday_date(name, y)))

    if rule == "the_weekend":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-WXX-WE"))
        t = doc.tense(s, e)
        if t == "future":
            v = _weekend(ref if ref.isoweekday() < 6 else ref + dt.timedelta(days=7 - ref.isoweekday() + 1) if ref.isoweekday() == 7 else ref)
        else:
            back = ref if ref.isoweekday() >= 6 else ref - dt.timedelta(days=ref.isoweekday())
            v = _weekend(back)
        return _mention(doc, s, e, "DATE", v)

    if rule == "year_period":
        y = _year_of(span, ref)
        a = doc.reported_quarter()
        if re.search(r"quarter|period", low) and a is not None and _near(doc, a, s, 2500) \
                and not (low.endswith("period") and _long_period_sentence(text, s, e)):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(y, int(a.value[-1]))))
        return _mention(doc, s, e, "DATE", _year(y))

    if rule == "full_year":
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        return _mention(doc, s, e, "DATE", _year(ref.year))

    if rule == "the_quarter":
        if low.endswith("'s"):  # "the latest quarter's results"
            e -= 2
            low = low[:-2]
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-QX", "quarter"))
        if low.endswith(("ago", "earlier")):  # "the quarter a year ago": the reported quarter, a year back
            q = doc.reported_quarter()
            if q is None:
                return None
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1]))))
        a = doc.last_anchor("quarter")
        if re.fullmatch(r"the (?:fiscal )?quarter", low) and a is not None and _near(doc, a, s, 1500) \
                and re.fullmatch(r"\d{4}-Q\d", a.value):
            return doc.derive(_mention(doc, s, e, "DATE", _quarter(int(a.value[:4]), int(a.value[-1]))))
        rq = doc.reported_quarter()
        if re.fullmatch(r"the (?:latest|most recent) (?:quarter|period)", low) and rq is not None:
            # the quarter the earnings story reports (its fiscal number when it gave one)
            return _mention(doc, s, e, "DATE", _quarter(int(rq.value[:4]), int(rq.value[-1])))
        if low.startswith("this"):
            return _mention(doc, s, e, "DATE", _quarter(ref.year, (ref.month - 1) // 3 + 1))
        cq = (ref.month - 1) // 3 + 1
        y, m = _add_months(ref.year, 3 * cq - 2, -3)
        return _mention(doc, s, e, "DATE", _quarter(y, (m - 1) // 3 + 1))

    if rule == "year_ago_adj":
        doc.derived.add(s)
        rq = doc.reported_quarter()
        qm = re.search(r"(first|second|third|fourth)[\s-]", low)
        if re.search(r"quarter|period", low) and (rq is not None or qm):
            # "the year-ago quarter": the reported quarter a year back
            y = int(rq.value[:4]) if rq is not None else ref.year if ref else None
            q = QUARTER_WORDS[qm.group(1)] if qm else int(rq.value[-1])
            if y is not None:
                return _mention(doc, s, e, "DATE", _quarter(y - 1, q))
        if not re.search(r"quarter|period|level|month", low):
            # "the year-ago results", "year-earlier net": in a story reporting a quarter, that
            # quarter a year back, unless the figures are for a longer stretch ("for the nine
            # months, ... year-earlier net"): then the year before the one reported on
            q = doc.last_quarter(s, 2500)
            if q is not None and rq is not None and not _long_period_sentence(text, s, e, before=True):
                return _mention(doc, s, e, "DATE", _quarter(int(q.value[:4]) - 1, int(q.value[-1])))
            y = int(rq.value[:4]) if rq is not None else ref.year if ref else None
            if y is not None:
                return _mention(doc, s, e, "DATE", _year(y - 1))
        a = doc.last_anchor()
        if a is not None and a.precision == "quarter" and re.fullmatch(r"\d{4}-Q\d", a.value) and _near(doc, a, s, 800):
            return _mention(doc, s, e, "DATE", _quarter(int(a.value[:4]) - 1, int(a.value[-1])))
        if a is not None and a.precision == "year" and _near(doc, a, s, 800) and re.fullmatch(r"\d{4}", a.value):
            return _mention(doc, s, e, "DATE", _year(int(a.value) - 1))
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX", "year"))
        return _mention(doc, s, e, "DATE", _year(ref.year - 1))

    if rule == "in_units":
        if re.search(r" or (?:two|three|so)$", low):  # "in a year or two": some time ahead
            return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
        um = re.search(r"(days?|weeks?|months?|years?|fortnight)$", low)
        unit = _unit_of(um.group(1))
        nstr = low[:um.start()].strip(" -")
        n = _num(nstr) if nstr else 1.0
        if _IN_STRETCH_BEFORE.search(text, max(0, s - 60), s):
            # "the smallest gain in a year", "the first time in two years": a stretch up to now
            return _mention(doc, s, e, "DURATION", (_pvalue(n, unit), None, None, "unknown"))
        if n is None or any(w in nstr for w in ("few", "several", "many", "some", "number")):
            return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
        if ref is None:
            return _mention(doc, s, e, "DATE", _unresolved("XXXX-XX-XX"))
        if unit == "W2":
            n, unit = n * 2, "W"
        d = _shift(ref, int(n), unit) if n == int(n) else ref + dt.timedelta(days=int(n * {"D": 1, "W": 7, "M": 30, "Y": 365}[unit]))
        if unit in ("D", "W"):
            return _mention(doc, s, e, "DATE", _day(d))
        if unit == "M":
            return _mention(doc, s, e, "DATE", _month(d.year, d.month))
        return _mention(doc, s, e, "DATE", _year(d.year))

    if rule in ("within", "coming"):
        if rule == "within":
            # keep "within"/"in" out of the span (TimeML leaves prepositions out)
            m = re.match(r"(?:within|in)\s+", span, re.I)
            s += m.end()
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))

    if rule == "recent_units":
        m = re.match(r"in\s+", span, re.I)
        if m:
            s += m.end()
        um = re.search(r"(days|weeks|months|quarters|years|decades)$", low)
        # "in recent days / years", "over the past few months": a vague stretch of the past, valued
        # PAST_REF as a date; recent weeks and months stay durations (PXW, PXM)
        if um.group(1) in ("days", "years", "decades") or not low.startswith(("recent", "in recent")):
            return _mention(doc, s, e, "DATE", ("PAST_REF", None, None, "unknown"))
        return _mention(doc, s, e, "DURATION", (_pvalue(None, _unit_of(um.group(1))), None, None, "unknown"))

    if rule == "ref":
        lw = low.strip()
        if lw.startswith("in "):
            s += 3
            lw = lw[3:]
        if lw.endswith("future"):
            if lw == "the future" and re.match(r"\s+of\b", text[e:e + 4]):
                return None  # "the future of the alliance": its fate, not a time
            val = "FUTURE_REF"
        elif lw in ("recently", "lately", "the past", "once upon a time") or lw.endswith("past"):
            val = "PAST_REF"
        elif lw in ("so far", "to date"):
            return None
        elif "term" in lw:
            # "in the near term", "in the short term": the time ahead; "near-term earnings" and
            # "short-term debt" are adjectives, not times
            if not re.fullmatch(r"the (?:near|short|distant) term", lw) or re.match(r"[\w-]", text[e:e + 1]):
                return None
            val = "FUTURE_REF"
        elif lw == "a later date":
            val = "FUTURE_REF"
        else:
            val = "PRESENT_REF"
            if lw == "now":
                # "now" as a discourse particle ("Now, ...") or in "now-defunct": still PRESENT_REF
                pass
        return _mention(doc, s, e, "DATE", (val, None, None, "unknown"))

    if rule == "duration":
        return _duration(doc, s, e, span, low)

    if rule == "set":
        return _set(doc, s, e, span, low)

    return None


def _generic_day(text: str, s: int, e: int) -> bool:
    """ "today's world", "many of today's computers", "the people of tomorrow": the present or
    future age in general, which TimeML leaves unannotated."""
    if text[e:e + 2] in ("'s", "’s") or text[s:e].lower().endswith(("'s", "’s")):
        nxt = re.match(r"(?:['’]s)?\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[e:e + 40])
        if nxt and any(w and w.lower() in GENERIC_AGE_NOUNS for w in nxt.groups()):
            return True
    return text[s:e].lower() == "tomorrow" and bool(re.search(r"\bthe\s+\w+\s+of\s+$", text[max(0, s - 30):s], re.I))


def _holiday_date(name: str, y: int) -> dt.date:
    rule = HOLIDAYS[name]
    if isinstance(rule, tuple):
        return dt.date(y, *rule)
    if rule == "thanksgiving":  # fourth Thursday of November (US)
        d = dt.date(y, 11, 1)
        return d + dt.timedelta(days=(3 - d.weekday()) % 7 + 21)
    if rule == "election":  # Tuesday after the first Monday of November (US)
        d = dt.date(y, 11, 2)
        return d + dt.timedelta(days=(1 - d.weekday()) % 7)
    # Easter (anonymous Gregorian computus)
    a, b, c = y % 19, y // 100, y % 100
    d_, e_ = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d_ - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e_ + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    easter = dt.date(y, month, day + 1)
    return easter - dt.timedelta(days=2) if rule == "good_friday" else easter


def _clock_suffix(clock: str) -> str:
    c = clock.lower().replace(".", "").replace(" ", "")
    if c.startswith("noon"):
        return "T12:00"
    if c.startswith("midnight"):
        return "T24:00"
    m = re.match(r"(\d{1,2})(?::(\d\d))?(am|pm)", c)
    if not m:
        return ""
    h = int(m.group(1)) % 12 + (12 if m.group(3) == "pm" else 0)
    return f"T{h:02d}:{m.group(2) or '00'}"


_QVAL = re.compile(r"\d{4}-Q[1-4]")
_MONEY = re.compile(r"[$%#£]|\b(?:cents?|million|billion|pence|yen|marks|francs|guilders|share|sales|revenue|profit|earnings|net)\b", re.I)


def _money_sentence(text: str, s: int, e: int) -> bool:
    """The sentence around text[s:e] compares money figures (an earnings report)."""
    a, b = _sentence_bounds(text, s, e)
    return bool(_MONEY.search(text, a, b))


# figures for a stretch longer than a quarter: "for the nine months", "the first half", "the year
# ended", "1986 net income" (a year that is not a quarter's: "the 1989 third quarter", "the third
# quarter of 1989" are quarters)
_LONG_PERIOD = re.compile(
    r"\b(?:(?:six|nine|6|9)[\s-]+months?|(?:first|second)\s+half|(?:fiscal\s+)?year\s+(?:ended|ending)|"
    r"full[\s-]+year|(?<!of\s)(?:1[0-9]|20)\d\d(?!\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|quarter|"
    r"period|half|fiscal)\b)(?![\d%.,]|\s*(?:pct|percent|dlrs|mln|billion)))\b", re.I)
_QUARTER_WORD = re.compile(r"\bquarter", re.I)


def _long_period_sentence(text: str, s: int, e: int, before: bool = False) -> bool:
    """The sentence around text[s:e] (or, with ``before``, the one before it) reports figures for
    a stretch longer than a quarter, named before the mention with no quarter named after it:
    "a year earlier" there is that stretch a year back, not the quarter the story reports."""
    a, _ = _sentence_bounds(text, s, e)
    if _long_before(text, a, s):
        return True
    if before and a > 0:
        pa, _ = _sentence_bounds(text, max(0, a - 2), max(0, a - 1))
        return _long_before(text, pa, a)
    return False


def _long_before(text: str, a: int, b: int) -> bool:
    last = None
    for last in _LONG_PERIOD.finditer(text, a, b):
        pass
    return last is not None and not _QUARTER_WORD.search(text, last.end(), b)


def _near(doc: _Doc, anchor: TimeMention, pos: int, limit: int = 1200) -> bool:
    return pos - anchor.end <= limit


def _duration(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    # money, percentages, scores are not durations ("$5 a year" is handled as a set elsewhere)
    if low == "one day" and re.search(r"\b(?:will|would|could|might|may|can|shall|should|must|to)\s+$", text[max(0, s - 12):s], re.I):
        # "Islam will one day be ...", "hopes to one day lead": some day ahead, not 24 hours
        return _mention(doc, s, e, "DATE", ("FUTURE_REF", None, None, "unknown"))
    extra_half = low.endswith(" and a half")
    low = low.removesuffix(" and a half")
    um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)(?:[\s-]+(?:long|old))?$", low)
    if not um:
        return None
    uw = um.group(1)
    if uw.startswith("quarter") and (re.search(r"\w-quarters\b", low) or re.match(
            r"\s+of\s+(?!(?:the\s+|this\s+|next\s+|last\s+)?(?:fiscal\s+)?(?:\d{4}|year)\b)", text[e:e + 30])):
        return None  # fractions: "about three-quarters of its food", "more than a quarter of the market"
    if low.endswith("old"):
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeML
    if re.search(r"\b(?:1[0-9]|20)\d\d\b", low):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if uw[0] != span[um.start()] and re.match(r"\d", low):
        return None  # "60 Minutes" (a title)
    if re.fullmatch(r"an? (?:second|minute)", low) and re.match(r"\s+[a-z]", text[e:e + 3]) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|before|after|from|to)\b", text[e:e + 8]):
        return None  # "a second round", "a minute silence"
    unit = _unit_of(uw)
    time_unit = UNITS.get(uw.rstrip("s") if uw != "centuries" else "century", ("", False))[1]
    nstr = low[:um.start()].strip(" -")
    nstr = re.sub(r"\s+more$", "", nstr)
    # "the first/past/last/next N units" keep the modifier in the span
    core_n = re.sub(r"^(?:(?:nearly|almost|about|around|roughly|approximately|more than|less than|fewer than|over|under|at least|at most|up to|no more than|just|barely|only|another|an additional|the first|the last|the past|the next|the previous|the coming|the following|the|full|whole|entire|each of the past)\s+)+", "", nstr)
    if core_n in ("", "full", "whole", "entire"):
        n = 1.0 if not uw.endswith("s") or uw == "centuries" and False else None
        if uw.endswith("s") and uw not in ("hours",) and core_n == "":
            n = None
        if uw.endswith("s"):
            n = None
    elif any(re.fullmatch(rf"{v}", core_n) for v in VAGUE_NUMBERS) or core_n in ("many", "several", "few"):
        n = None
    else:
        n = _num(core_n)
        if n is None:
            return None
    # bare singular unit with only "the" ("the year", "the month") is anaphoric, not a duration
    if re.fullmatch(r"the (?:year|month|week|day|quarter|decade|century)", low):
        return None
    if re.fullmatch(r"(?:the )?(?:second|minute|hour)", low):
        return None
    # "a day" right after money, a number or a counted noun ("$5 a day", "$2 million a year",
    # "700 seats a week", "hundreds of interviews a day") is a rate: a set
    if re.fullmatch(r"an? (?:second|minute|hour|day|week|month|year)", low):
        before = text[max(0, s - 40):s]
        if re.search(r"(?:\d|dollars?|cents?|barrels|times|once|twice|per|million|billion|thousand|hundreds?|dozens?)\s*$", before, re.I) \
                or _COUNTED_NOUN_BEFORE.search(before):
            return _mention(doc, s, e, "SET", (_pvalue(1, unit, time_unit), None, None, "unknown"))
    # scores and tallies never reach here (no unit); "12-year-old" keeps its age reading (P12Y)
    if extra_half and n is not None:
        n += 0.5
    val = _pvalue(n, unit, time_unit)
    # ages: "a 12-year-old" keep DURATION; plain quantities like "50 days" are durations
    return _mention(doc, s, e, "DURATION", (val, None, None, "unknown"))


_COUNTED_NOUN_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|hundreds|thousands|dozens|of))\s+[a-z]+s\s*$", re.I)


def _set(doc: _Doc, s: int, e: int, span: str, low: str):
    text = doc.text
    simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}
    if low in ("quarterly", "annually", "yearly"):
        return None  # mostly payment terms ("quarterly dividend"), rarely annotated
    if low == "daily" and (re.search(r"[A-Z][\w.]*\s+$", text[max(0, s - 20):s])
                           or re.match(r"\s+(?:newspaper|paper|[A-Z])", text[e:e + 12])):
        return None  # "the Communist Party daily Granma": a newspaper
    if low in simple:
        return _mention(doc, s, e, "SET", (simple[low], None, None, "unknown"))
    mm = re.search(MON, span, re.I)
    if mm and mm.group()[0].isupper() and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{MONTHS[mm.group().lower().rstrip('.')]:02d}", None, None, "unknown"))
    sm = re.search(SEASON, low)
    if sm and (low.startswith("every") or low.startswith("each")):
        return _mention(doc, s, e, "SET", (f"XXXX-{SEASONS[sm.group()]}", None, None, "unknown"))
    um = re.search(r"(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)$", low)
    if not um:
        return None
    unit = _unit_of(um.group(1))
    time_unit = UNITS.get(um.group(1).rstrip("s"), ("", False))[1]
    nm = re.search(r"(?:every|each)\s+(?:other\s+)?(.+?)\s+" + re.escape(um.group(1)) + "$", low)
    n = 1
    if nm:
        n = int(_num(nm.group(1)) or 1)
    if "other" in low:
        n *= 2
    if unit == "Q":
        return _mention(doc, s, e, "SET", ("P1Q" if n == 1 else f"P{3 * n}M", None, None, "unknown"))
    if unit == "WE":
        return _mention(doc, s, e, "SET", ("XXXX-WXX-WE", None, None, "unknown"))
    return _mention(doc, s, e, "SET", (_pvalue(n, unit, time_unit), None, None, "unknown"))


_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|by|until|till|through|during|from|to|before|after|early|late|mid|last|next|"
    r"this|that|since|between|and|or|nor|around|about|in\s+early|in\s+late|until\s+early|last|every|each|the)\s+|-)$",
    re.I)


# "the smallest gain in a year", "the first time in two years", "the highest level in six months":
# after a superlative or "first/only time", "in <units>" is the stretch up to now, not a date ahead
_IN_STRETCH_BEFORE = re.compile(
    r"\b(?:(?:first|only)\s+time|(?:biggest|largest|smallest|highest|lowest|strongest|weakest|"
    r"sharpest|steepest|fastest|slowest|best|worst|most|least|deepest|widest|heaviest|lightest|"
    r"longest|shortest|lowest|latest|greatest|hottest|coldest|busiest)\b[^.;!?]{0,40}?)\s+in\s+$", re.I)


def _month_alone_ok(text: str, s: int, e: int, mword: str, mod: str | None) -> bool:
    """A month name with no day or year: reject verbs and names ("may", "March on", "April Smith")."""
    low = mword.lower().rstrip(".")
    after = text[e:e + 20]
    before = text[max(0, s - 25):s]
    # followed by a capitalised word: probably a name ("June Carter", "August Company")
    if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:I|The|A|In|On|At)\b", after):
        if not _PREP_BEFORE.search(before):
            return False
    if low in ("may", "march"):
        # only after a preposition / modifier: "in May", "since March", "early May", "last March"
        return bool(mod) or bool(_PREP_BEFORE.search(before)) and not re.match(r"\s+(?:be|have|not|also|well|still|never)\b", after, re.I)
    # sentence-initial month with no preposition is fine ("January was ...")
    return True


def _try(doc: _Doc, rule: str, s: int, e: int) -> TimeMention | None:
    try:
        return _handle(doc, rule, s, e)
    except (ValueError, OverflowError, KeyError, AttributeError, TypeError):
        return None


# "WASHINGTON, August 13 (Xinhua) --", "KARSK, Feb. 10 (Reuters) -": a wire story's dateline
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,4}},\s+(?P<mon>{MON})\s+(?P<day>[12]\d|3[01]|0?[1-9])"
    rf"(?:,?\s+(?P<year>{YEAR}))?\s*(?:\([^()\n]{{1,30}}\)\s*)?(?:--|—|–|-|_)")
WEEKS_AGO_AS_WEEK = 3  # "three weeks ago" and more name a week; "a week ago", "two weeks ago" a day
DATELINE_MAX_SHIFT = 7  # days between the publication date and a dateline taken as the story's day


def _dateline_date(text: str, ref: dt.date | None) -> dt.date | None:
    """The day in a wire story's dateline, when it is within a week of the reference date: the
    story was written that day, so its "Thursday" and "yesterday" count from it (stories are
    often filed the day before they are published)."""
    if ref is None:
        return None
    m = _DATELINE.match(text, 0, 160)
    if not m:
        return None
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    day = int(m.group("day"))
    years = [int(m.group("year"))] if m.group("year") else [ref.year - 1, ref.year, ref.year + 1]
    best = None
    for y in years:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if abs((d - ref).days) <= DATELINE_MAX_SHIFT and (best is None or abs((d - ref).days) < abs((best - ref).days)):
            best = d
    return best


def find_times(text: str, reference_date: dt.date | None) -> list[TimeMention]:
    """Temporal expressions in ``text``, sorted by start and non-overlapping, resolved against
    ``reference_date`` (usually the publication date; None leaves relative ones unresolved)."""
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    doc = _Doc(text, _dateline_date(text, reference_date) or reference_date)
    pos = 0
    n = len(text)
    starts = _candidates(text)
    k = 0  # next candidate start
    while pos < n:
        if starts is None:
            hit = _big_search(text, pos)
        else:
            hit = None
            while k < len(starts) and hit is None:
                s = starts[k][0]
                if s >= pos:
                    found = _match_at(text, s, starts[k][1])
                    if found:
                        hit = found[0], s, found[1]
                k += 1
        if not hit:
            break
        rule, s, e = hit
        # a match must start and end on word boundaries
        if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (e < n and text[e - 1].isalnum() and text[e].isalnum()):
            pos = s + 1
            continue
        men = _try(doc, rule, s, e)
        if men is None:
            # the first alternative failed its checks: let the later rules try the same place
            tried = rule
            later = False
            for name, _ in RULES:
                if name == tried:
                    later = True
                    continue
                if not later:
                    continue
                m2 = _RULE_RE[name].match(text, s)
                if m2 and m2.end() > s and not (m2.end() < n and text[m2.end() - 1].isalnum() and text[m2.end()].isalnum()):
                    men = _try(doc, name, s, m2.end())
                    if men is not None:
                        break
        if men is None or men.end <= men.start:
            pos = s + 1
            continue
        if doc.out and men.start < doc.out[-1].end:
            pos = max(pos + 1, doc.out[-1].end)
            continue
        doc.out.append(men)
        pos = max(men.end, s + 1)
        if men.precision == "day" and rule in ("mdy", "wday_date") and men.first is not None:
            # "on April 24 and 25", "March 3-4": the second day shares the month and year
            pair = _next_day(text, men)
            if pair is not None:
                doc.out[-1] = pair[0]
                doc.out.append(pair[1])
                pos = pair[1].end
    return doc.out


_AND_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w.,]?\d|\s*(?:%|percent|per\s?cent|[ap]\.?m\b|million|billion|points?))", re.I)


def _next_day(text: str, men: TimeMention) -> tuple[TimeMention, TimeMention] | None:
    """In "April 24 and 25" / "June 5 and 6, 2025": the first day (its year fixed by a year after
    the second, if any) and the second day as a mention of its own, in the same month."""
    m = _AND_DAY.match(text, men.end)
    if not m or int(m.group(1)) <= men.first.day:
        return None
    s, e = m.start(1), m.end()
    first = men.first
    ym = re.match(r",?\s+((?:1[0-9]|20)\d\d)(?![\d%])", text[e:e + 8])
    if ym:
        e += ym.end()
        try:
            first = first.replace(year=int(ym.group(1)))
        except ValueError:
            return None
    try:
        d = first.replace(day=int(m.group(1)))
    except ValueError:
        return None
    head = TimeMention(men.start, men.end, men.text, men.type, *_day(first)) if first != men.first else men
    return head, TimeMention(s, e, text[s:e], "DATE", *_day(d))
