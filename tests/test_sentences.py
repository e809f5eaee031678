"""core.sentences: sentence spans, abbreviation- and quote-aware (invented people and places)."""
from __future__ import annotations

import pytest

from core.sentences import ends_with_abbreviation, sentences


def split(t):
    return [t[a:b] for a, b in sentences(t)]


@pytest.mark.parametrize("text,expected", [
    ("Mr. Orlin met Sen. Whitcombe in the U.S. capital. He left.\nNew paragraph",
     ["Mr. Orlin met Sen. Whitcombe in the U.S. capital.", "He left.", "New paragraph"]),
    # closing quotation marks stay with their sentence
    ("“We will wait.” Varnholt left. “Why?” she asked.",
     ["“We will wait.”", "Varnholt left.", "“Why?” she asked."]),
    # an initial and a month abbreviation do not end a sentence
    ("Dale J. Whitcombe arrived on Feb. 3 in Porto Velho. Talks began.",
     ["Dale J. Whitcombe arrived on Feb. 3 in Porto Velho.", "Talks began."]),
    # a lower-case word after a full stop does not start a sentence
    ("The talks were held in St. Aldric. yes, really. Then it rained.",
     ["The talks were held in St. Aldric. yes, really.", "Then it rained."]),
    # every paragraph is a sentence boundary, blank lines are skipped
    ("First line without stop\n\nSecond line", ["First line without stop", "Second line"]),
    # "No." before a number is the number sign; a capitalised "No." elsewhere may end a sentence
    ("As Tomas Vell, the No. 2 in the Karsk party, put it: “We wait.” He left. She said No. Then she left.",
     ["As Tomas Vell, the No. 2 in the Karsk party, put it: “We wait.”", "He left.", "She said No.",
      "Then she left."]),
    ("", []),
])
def test_sentences(text, expected):
    assert split(text) == expected


def test_result_is_a_fresh_list():
    t = "One. Two."
    a = sentences(t)
    a.append((0, 0))
    assert sentences(t) == [(0, 4), (5, 9)]


@pytest.mark.parametrize("text,dot,expected", [
    ("met Sen. Varn", 7, True),
    ("in the U.S. now", 10, True),
    ("it ended. Then", 8, False),
    ("the No. 2 man", 6, True),
    ("Lots Nos. 4 and 5", 8, True),
    ("She said No. Then", 11, False),
])
def test_ends_with_abbreviation(text, dot, expected):
    assert text[dot] == "."
    assert ends_with_abbreviation(text, dot) is expected


def test_abbreviation_tests_agree_with_the_rules_at_every_full_stop():
    """ends_with_abbreviation's quick tests only skip the patterns where they cannot match: at
    every full stop of a text mixing abbreviations, long words and number signs it says what the
    patterns say."""
    from core.sentences import ABBR_END, _NUMBER_SIGN

    text = ("Sen. Varn met Gov. Orlin. They spoke. U.S. E.U. a.k.a. the No. 2 and Nos.  4 and "
            "No.\n3, Sept. 9, Inc. Longword. AB. ABCDE. abcd. x. 12345. Mr.. No. then Nos.")
    for dot in (i for i, c in enumerate(text) if c == "."):
        m = _NUMBER_SIGN.search(text, max(0, dot - 3), dot + 4)
        expected = ABBR_END.search(text, max(0, dot - 6), dot + 1) is not None or (
            m is not None and m.end() == dot + 1)
        assert ends_with_abbreviation(text, dot) is expected, text[max(0, dot - 8):dot + 3]
