"""Golden cases for speaker attribution in core.quotes: which cue a quotation belongs to when a
sentence holds more than one, and speakers named after a conjunction, an article or with an
appositive. Invented people and places throughout."""
from __future__ import annotations

import pytest

from core.quotes import find_quotes


def speaker_of(text: str, words: str) -> str:
    hits = [q for q in find_quotes(text) if words in q.text]
    assert hits, f"no quote holding {words!r} in {[q.text for q in find_quotes(text)]}"
    return hits[0].speaker


CASES = [
    # a quotation followed by ", and Y vowed ...": Y starts a new clause, the quote is X's
    ("Senator Mara Kessling spoke first. Kessling said she would make the harbour \"shine again,\" "
     "for instance, and Governor Pell Ordway vowed to \"clean up\" the docks.",
     "shine again", "Mara Kessling"),
    ("Senator Mara Kessling spoke first. Kessling said she would make the harbour \"shine again,\" "
     "for instance, and Governor Pell Ordway vowed to \"clean up\" the docks.",
     "clean up", "Pell Ordway"),
    # a cue followed by a colon introduces what follows, not the partial quote before it
    ("Governor Pell Ordway criticised Judge Ansel Brandt. After Brandt said that the smaller ports "
     "might do better with \"less ambitious plans,\" Ordway said: \"I don't like what he said.\"",
     "less ambitious plans", "Ansel Brandt"),
    ("Governor Pell Ordway criticised Judge Ansel Brandt. After Brandt said that the smaller ports "
     "might do better with \"less ambitious plans,\" Ordway said: \"I don't like what he said.\"",
     "I don't like what he said", "Pell Ordway"),
    # ... but a list in an appositive ("refugees, and migration,") is no new clause
    ("\"The new plans are steps in the right direction,\" Lena Osterholt, assistant secretary for "
     "ports, refugees, and migration, said on the same call.",
     "steps in the right direction", "Lena Osterholt"),
    # a long appositive: age, home town and a relative clause
    ("\"Both of them scare me,\" Harlan Voss, 30, of Millbrook, Ont., who was among those polled, "
     "said in a follow-up interview.",
     "Both of them scare me", "Harlan Voss"),
    # "As X put it": the name after the conjunction, also after "The"
    ("As Quillmark put it, \"Hello, it's the harbour again.\"", "Hello, it's the harbour again", "Quillmark"),
    ("He is seen, as The Ferrow Ledger put it in a long profile, \"the operator.\"", "the operator", "Ferrow Ledger"),
    # a known name with an appositive and "Even" before the cue
    ("Even Moldavia, Tarvia's only ally and its lifeline to the sea, said it was \"firmly opposed\" "
     "to the test.", "firmly opposed", "Moldavia"),
    # "so-called" is no cue: the speaker is the subject of "described"
    ("Senator Mara Kessling said that Governor Pell Ordway once described the so-called Harbour Pact "
     "as \"the gold standard\" of port deals.", "the gold standard", "Pell Ordway"),
    # a name after a sentence-initial preposition is not the speaker ("Of Brandt, Ordway, ..., said")
    ("\u201cHe is funny,\u201d harbour lawyer Edda Marsk said of Ansel Brandt. Of Brandt, Marsk, who has "
     "given money to Pell Ordway, said, \u201cHe is flat-out scary.\u201d",
     "flat-out scary", "Edda Marsk"),
]


@pytest.mark.parametrize("text,words,speaker", CASES)
def test_speaker(text, words, speaker):
    assert speaker_of(text, words) == speaker
