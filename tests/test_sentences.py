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
