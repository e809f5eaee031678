"""Name spans and the text around them, as find_actors reads them: particles joined by a hyphen,
apostrophes inside names, connectors followed by more than one space, asides between a name and
its speech verb, and the cached per-name analysis giving the same answer in every context.
Invented people and places throughout."""
from __future__ import annotations

import pytest

from core.actors import find_actors


def _mentions(text: str) -> list[tuple]:
    return [(m.text, m.name, m.kind, m.role, m.gender, m.possessive) for m in find_actors(text).mentions]


def test_a_particle_and_hyphen_open_the_name():
    text = ("Karim al-Rashadi, the spokesman for the Tarvian Foreign Ministry, said the offer stood. "
            "Later that day al-Rashadi's office would reply.")
    ms = _mentions(text)
    assert ms[0][:3] == ("Karim al-Rashadi", "Karim al-Rashadi", "person")
    assert ms[0][3] == "Spokesman, Tarvian Foreign Ministry"
    assert ("al-Rashadi", "Karim al-Rashadi", "person", "Spokesman, Tarvian Foreign Ministry", "m", True) in ms


@pytest.mark.parametrize("text, surface", [
    ("The envoy met Ilse van-Dorn in Grelling.", "Ilse van-Dorn"),
    ("The envoy met Pieter van Dorn in Grelling.", "Pieter van Dorn"),
    ("Abu-Tariq Senn said the talks were over.", "Abu-Tariq Senn"),
    ("bin-Sahl said the talks were over.", "bin-Sahl"),
    ("The talks, bin-Sahl said, were over.", "bin-Sahl"),
])
def test_particles_inside_names(text, surface):
    assert surface in [m[0] for m in _mentions(text)]


def test_a_hyphen_after_a_word_that_is_no_particle_is_not_part_of_the_name():
    ms = _mentions("Oskar Velin said the anti-Velin bloc had lost. Velin smiled.")
    assert [m[0] for m in ms] == ["Oskar Velin", "Velin", "Velin"]
    assert {m[1] for m in ms} == {"Oskar Velin"}


def test_apostrophe_inside_a_name_and_possessive_after_it():
    ms = _mentions("Liam O'Darragh said the plan would fail. O'Darragh's aides disagreed.")
    assert ms[0][:3] == ("Liam O'Darragh", "Liam O'Darragh", "person")
    assert ("O'Darragh", "Liam O'Darragh", "person", "", "", True) in ms


def test_connector_followed_by_two_spaces_keeps_the_organisation_whole():
    ms = _mentions("Officials at the Ministry of  the Interior said on Monday that the talks would resume.")
    assert ("Ministry of  the Interior", "Ministry of the Interior", "organisation", "", "", False) in ms


def test_an_aside_between_name_and_speech_verb():
    ms = _mentions("Toma Velin, the former envoy to the region, said the deal was close. "
                   "Velin later told reporters it was not.")
    assert ms == [("Toma Velin", "Toma Velin", "person", "Envoy", "", False),
                  ("Velin", "Toma Velin", "person", "Envoy", "", False)]


def test_the_same_name_in_two_contexts_is_read_from_each_context():
    # the words of "Brenna Holt" are analysed once; the role and the possessive come from the text
    text = ("Brenna Holt, a spokeswoman for the Harbor Workers Union, said the strike would go on. "
            "The union backed Brenna Holt's plan.")
    ms = [m for m in find_actors(text).mentions if m.name == "Brenna Holt"]
    assert [(m.start, m.possessive) for m in ms] == [(0, False), (text.index("Brenna Holt's"), True)]
    assert ms[0].role.startswith("Spokeswoman") and ms[0].gender == "f"


def test_lone_sentence_openers_and_places_are_not_actors():
    ms = _mentions("But the talks in Grelling stalled. The envoy left on Tuesday.")
    assert ms == []


# the name scan reads a name's first capital with a character class and the rest of its first word
# with _W_AFTER_CAPITAL (abbreviations guarded by a lookbehind on their capital): it must find the
# same spans as the plain definition, "no word character before, then _W words"
_ABBREVIATION_CASES = [
    "Mr. Tolvan and Mrs. Tolvan met Dr. Orsk, Sen. Vell and Sens. Arn and Brig. Gen. Hask.",
    "Atty. Gen. Marro, Prof. Lund, Rev. Tam, Sgt. Ollo, Capt. Brek, Col. Varn, Lt. Col. Senn.",
    "J. Edgar Varn of the U.S. Senate, U.N. envoy A.B. Corr, and M. Orsk (not Ms.Orsk).",
    "Mt. Harrow, Ft. Delve, St. Orin and Pres. Kalt; Sec. Ruiz, Jr. staff, Sr. aide Sr.Vell.",
    "Mx. Dorn, Dr.Orsk, Mrs.. Tolvan, MR. Tolvan, Mrss. Lund, X. Y. Zed, Q.R.S. Holt, Ab.Cd.",
    "O'Neill, D’Arcy and Al-Hadi; x-Ray, _Tolvan, 9Lund, éVell, ’Ossa, Van-Dorn, Smith-",
    # an abbreviation's letters after another capital are no abbreviation: "Dt." "Xr." "Bs." "Gaj."
    "Dt. Orsk met Xr. Vell, Bs. Arn, Gaj. Lund, Tr. Holt and Ress. Marro in Dunvale.",
]


@pytest.mark.parametrize("text", _ABBREVIATION_CASES)
def test_name_scan_finds_the_spans_of_its_plain_definition(text):
    import re

    from core import actors
    plain = re.compile(rf"(?<![\w’']){actors._W}(?:(?:[ ]|-)(?:(?:{actors._PART}[ -])|{actors._CONN}[ ])?"
                       rf"(?:{actors._PART}-)?{actors._W})*")
    spans = [m.span() for m in actors._NAME.finditer(text)]
    assert spans == [m.span() for m in plain.finditer(text)]
    assert len(spans) >= 3


@pytest.mark.parametrize("text", [
    "Officials in Dunvale said diplomats and aides met.",
    "diplomats said so",
    "officials",
    "\nofficials, analysts;experts (observers) “critics” -aides- 'voters'",
    "éofficials _officials 9officials Xofficials officials_ officialsx ßaides Ωdiplomats voters",
    "officials,officials officials\tofficials  people\npolice",
    "Senior administration officials and Western diplomats met Tarvian Democrats.",
])
def test_group_nouns_found_from_the_character_before_them(text):
    from core import actors
    lx = actors._lex()
    expected = [m.span() for m in lx["group_noun_re"].finditer(text)]
    assert actors._group_noun_spans(text, lx) == expected
    assert expected


def test_group_nouns_read_from_their_ends_equal_the_plain_scan():
    """_word_finders (the nouns found from their last letter, or from the rest after their first
    letter) finds what group_noun_re.finditer finds: whole words only, at the text's ends, after
    and before non-ASCII letters, digits, underscores, apostrophes and hyphens, in both cases."""
    import random

    from core import actors
    lx = actors._lex()
    assert lx["group_noun_finders"] is not None and len(lx["group_noun_finders"]) > 1
    nouns = sorted(lx["group_nouns"])
    pieces = nouns + [n.capitalize() for n in nouns] + [n.upper() for n in nouns[:5]] + [
        n[:-1] for n in nouns[:8]] + list("sSeEnNpPxé9_ '’-,.\n\t") + ["ß", "Ω", "people", "Police", "spokesmen"]
    rng = random.Random(7)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        expected = [m.span() for m in lx["group_noun_re"].finditer(text)]
        assert actors._group_noun_spans(text, lx) == expected, text


def test_word_finders_find_whole_words_of_any_list():
    import re

    from core import actors
    words = ["cats", "Cats", "dogs", "as", "hens", "geese", "Geese", "mice", "oxen", "rice"]
    finders = actors._word_finders(words)
    plain = re.compile(r"\b" + actors.alternation(words) + r"\b")
    for text in ("cats dogs geese Geese mice oxen rice s as hens", "xcats cats_ Cats9 catsé écats",
                 "s as s", "geese,geese-Geese\nmice.oxen", "GEESE Mice rices price oxens", ""):
        found = []
        for pattern, widths in finders:
            found.extend((m.end() - widths[m.lastindex], m.end()) for m in pattern.finditer(text))
        assert sorted(found) == [m.span() for m in plain.finditer(text)], text
    # a word that is not plain letters: no finders (the plain scan is used)
    assert actors._word_finders(["cats", "sea lions"]) is None
    assert actors._word_finders(["cats", "x"]) is None


def test_speech_verb_and_place_tests_equal_their_patterns():
    """_cue_before, _at_place_before and _cue_after (cheap tests on the characters next to a name
    before their patterns) answer what their patterns alone answer, at every offset of texts made
    of speech verbs, prepositions, auxiliaries, names, spaces, line breaks and punctuation."""
    import random

    from core import actors
    pieces = ["said", "says", "told", "according to", "added", "asked", "wrote", "explained", "in", "at", "near",
              "the", "outside", "throughout", "also", "has", "went on to", "warned", "urged", "of", "and", "met",
              "visited", "Tolvan", "Mara Quell", "unsaid", "bread", "tin", " ", " ", " ", "  ", "\n", "\t", ",", ".",
              "“", "—", "x", "s", "d", "o", "e", "n", "t", "r"]
    rng = random.Random(3)
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for i in range(len(text) + 1):
            assert actors._cue_before(text, i) == (
                actors._CUE_BEFORE.search(text[max(0, i - 20):i]) is not None), (text, i)
            assert actors._at_place_before(text, i) == (
                actors._AT_PLACE_BEFORE.search(text, max(0, i - 12), i) is not None), (text, i)
            assert actors._cue_after(text, i) == (actors._CUE_AFTER.match(text, i, i + 140) is not None), (text, i)
            checked += 1
    assert checked > 20000
