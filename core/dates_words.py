"""Word lists of core.dates (month and weekday names, numbers, units, tense markers, holidays):
all the constants of the date grammar in one place."""
from __future__ import annotations

import re


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
# approximations and determiners before a count of units ("about three weeks", "the past two
# years"); "over" and "under" are in core.dates_grammar.APPROX with a condition of their own
APPROX_WORDS = ("nearly", "almost", "about", "around", "roughly", "approximately", "some", "more than",
                "less than", "fewer than", "at least", "at most", "up to", "no more than", "just",
                "barely", "only", "another", "an additional", "the first", "the last", "the past",
                "the next", "the previous", "the coming", "the following", "the")
UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
              "decade", "century")
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

WEEKS_AGO_AS_WEEK = 3  # "three weeks ago" and more name a week; "a week ago", "two weeks ago" a day
