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
    # the verb of a relative clause after the name is not the attribution
    ("Governor Pell Ordway spoke at the summit in March. \u201cThe answer you want is a new levy,\u201d "
     "Ordway, who has proposed ending the levy within five years, said at the time.",
     "The answer you want", "Pell Ordway"),
    # a possessive: the actor's office speaks
    ("Governor Pell Ordway invited the mayors. \u201cThe meeting will begin on Thursday,\u201d Ordway's "
     "office said in a statement.", "The meeting will begin", "Pell Ordway’s office"),
    # an attribution closing the sentence after a comma takes the partial quotes before it
    ("Every candidate has spoken at the fair. The promise to \u201cbring the ferries back\u201d appeals to "
     "older voters in the valley, said Ansel Brandt, a historian at Ferrow College.",
     "bring the ferries back", "Ansel Brandt"),
    ("Many shipowners are staying away. So are a \"small handful\" of sponsors who usually pay for the "
     "fair, Edda Marsk said.", "small handful", "Edda Marsk"),
    # before a participle the name after "of" is its agent
    ("A new ad from the Brennic campaign is seizing on her comments. The ad uses footage of Ilsa "
     "Varnholt asking, \u201cWhy aren't I 50 points ahead, you might ask?\u201d",
     "50 points ahead", "Ilsa Varnholt"),
]

# a quotation ending its sentence is not attributed by the sentence after it
NOT_ATTRIBUTED = [
    ("Governor Pell Ordway has been busy, but his favourite show is \u201cHarbour Life.\u201d He has "
     "watched every season, racking up a record, according to the Ferrow Ledger.",
     "Harbour Life", "Ferrow Ledger"),
]


@pytest.mark.parametrize("text,words,speaker", NOT_ATTRIBUTED)
def test_not_speaker(text, words, speaker):
    assert speaker_of(text, words) != speaker


@pytest.mark.parametrize("text,words,speaker", CASES)
def test_speaker(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_last_mentions_before_a_cue_are_those_mentions_in_lists_last():
    # _speaker_before reads the last few names of the clause from its end: the same mentions, in
    # the same order, as the end of mentions_in over the clause, for every window and count
    from core.actors import find_actors
    from core.quotes import _last_mentions_in
    text = ("Mayor Tilda Varn, Councillor Osko Brede and the Harbour Authority met Governor Pell Ordway, "
            "Ordway's aide Lina Marsk and Senator Mara Kessling in Veldrun on Monday, and Kessling said "
            "Varn and Brede had agreed.")
    idx = find_actors(text)
    assert len(idx.mentions) >= 6
    for lo in range(0, len(text), 7):
        for hi in range(lo, len(text) + 1, 5):
            for n in (1, 2, 4):
                assert _last_mentions_in(idx, lo, hi, n) == idx.mentions_in(lo, hi)[-n:]
