"""Golden cases for core.actors: each way a person, organisation, group or agency is named.
People are invented; the countries are real so that codes can be checked."""
from __future__ import annotations

import pytest

from core.actors import find_actors
from core.sentences import sentences

TEXT = (
    "Norwegian Foreign Minister Ilsa Varnholt met Peru’s ruler, King Aldo Mencari, in Lima on Monday.\n"
    "Tomas Ferreira, spokesperson for Chile’s Ministry of Foreign Affairs, said the talks were useful.\n"
    "Ohio Sen. Dale Whitcombe and journalist Pavel Orlin attended, as did Karim bin Salem Al Harthy.\n"
    "Later, Varnholt said the meeting went well. Western diplomats were less sure.\n"
    "The official Oman News Agency reported the visit, and IRNA said Iran welcomed it.\n"
)


@pytest.fixture(scope="module")
def idx():
    return find_actors(TEXT)


def mention(idx, surface):
    i = TEXT.index(surface)
    m = idx.mention_at(i, i + len(surface))
    assert m is not None, surface
    return m


@pytest.mark.parametrize("surface,name,kind,role,country", [
    ("Ilsa Varnholt", "Ilsa Varnholt", "person", "Foreign Minister", "NOR"),          # nationality + title
    ("Aldo Mencari", "Aldo Mencari", "person", "King", "PER"),                         # possessive + title
    ("Tomas Ferreira", "Tomas Ferreira", "person", "Spokesperson, Ministry of Foreign Affairs", "CHL"),  # appositive
    ("Dale Whitcombe", "Dale Whitcombe", "person", "Senator", ""),                     # state + abbreviated title
    ("Pavel Orlin", "Pavel Orlin", "person", "Journalist", ""),                        # lower-case role before
    ("Karim bin Salem Al Harthy", "Karim bin Salem Al Harthy", "person", "", ""),      # name particles
    ("Oman News Agency", "Oman News Agency", "media", "", "OMN"),                      # agency from the gazetteer
    ("IRNA", "IRNA", "media", "", "IRN"),
    ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs", "organisation", "", "CHL"),
    ("Western diplomats", "Western diplomats", "group", "", ""),
])
def test_mentions(idx, surface, name, kind, role, country):
    m = mention(idx, surface)
    assert (m.name, m.kind, m.role, m.country) == (name, kind, role, country)


def test_surname_resolves_to_full_name(idx):
    i = TEXT.index("Varnholt said")
    m = idx.mention_at(i, i + 8)
    assert m.name == "Ilsa Varnholt" and m.role == "Foreign Minister" and m.country == "NOR"


def test_titles_are_not_names(idx):
    names = {m.name for m in idx.mentions}
    assert not any(n.startswith(("King ", "Sen. ", "Foreign ", "Norwegian ")) for n in names)
    assert "Lima" not in names and "Monday" not in names


def test_participants_of_a_meeting(idx):
    s, e = sentences(TEXT)[0]
    people = [m.name for m in idx.mentions_in(s, e) if m.kind == "person"]
    assert people == ["Ilsa Varnholt", "Aldo Mencari"]


PRONOUN_TEXT = (
    "Ilsa Varnholt, spokeswoman for the Norwegian foreign ministry, spoke on Monday. "
    "Aldo Mencari, a Peruvian envoy, listened. "
    "He later left the room. She said the talks would go on.\n"
    "The official Oman News Agency carried the remarks. The Omani agency added a photo."
)


@pytest.mark.parametrize("anchor,phrase,expected", [
    ("He later", "he", "Aldo Mencari"),
    ("She said", "she", "Ilsa Varnholt"),
    ("The Omani agency", "the Omani agency", "Oman News Agency"),
    ("The Omani agency", "the agency", "Oman News Agency"),
    ("She said", "the spokeswoman", "Ilsa Varnholt"),
    ("She said", "the envoy", "Aldo Mencari"),
])
def test_resolve(anchor, phrase, expected):
    idx = find_actors(PRONOUN_TEXT)
    a = idx.resolve(PRONOUN_TEXT.index(anchor), phrase)
    assert a is not None and a.name == expected


def test_resolve_unknown_description_is_none():
    idx = find_actors(PRONOUN_TEXT)
    assert idx.resolve(PRONOUN_TEXT.index("He later"), "the senator") is None


def test_sentences_respect_abbreviations():
    t = "Mr. Orlin met Sen. Whitcombe in the U.S. capital. He left.\nNew paragraph"
    assert [t[a:b] for a, b in sentences(t)] == [
        "Mr. Orlin met Sen. Whitcombe in the U.S. capital.", "He left.", "New paragraph"]


@pytest.mark.parametrize("text,surface,name,kind", [
    # a word that is not a name on its own can be a first name ("Bill", "Virginia")
    ("Bill Ravensworth said the fleet would wait.", "Bill Ravensworth", "Bill Ravensworth", "person"),
    ("Virginia Coldwell said the fleet would wait.", "Virginia Coldwell", "Virginia Coldwell", "person"),
    # a place leading a longer name is a modifier
    ("Chicago Alderman Jo Ann Pettiway said the fleet would wait.", "Jo Ann Pettiway", "Jo Ann Pettiway", "person"),
    # party words belong to an organisation's name
    ("The Republican National Committee said the fleet would wait.", "Republican National Committee",
     "Republican National Committee", "organisation"),
])
def test_names_with_list_words(text, surface, name, kind):
    idx = find_actors(text)
    i = text.index(surface)
    m = idx.mention_at(i, i + len(surface))
    assert m is not None and (m.name, m.kind) == (name, kind)


def test_a_sentence_end_does_not_join_two_names():
    # "York." is not an abbreviation: no mention spans the full stop
    text = "The envoys met in New York. Mencari left early, Tomas Mencari said later."
    idx = find_actors(text)
    assert all("." not in m.text for m in idx.mentions)
    assert not any(m.name.startswith("York") for m in idx.mentions)


def test_not_names_end_a_run():
    idx = find_actors("Pavel Orlin spoke about the Fisheries Bill on Super Tuesday.")
    names = {m.name for m in idx.mentions}
    assert "Pavel Orlin" in names and not names & {"Fisheries Bill", "Super Tuesday", "Bill", "Tuesday"}


@pytest.mark.parametrize("text,expected", [
    ("''We will wait,'' she said.", ' "We will wait,"  she said.'),
    ("No marks here.", "No marks here."),
])
def test_quote_marks_normalised_keep_offsets(text, expected):
    from core.actors import quote_marks_normalised
    out = quote_marks_normalised(text)
    assert out == expected and len(out) == len(text)


ROLE_TEXT = ("Norwegian Foreign Minister Ilsa Varnholt met her Hungarian counterpart Tomas Ferreira on Monday.\n"
             "The talks in Porto Velhan ended late. The spokesman for the ministry, Aldo Mencari, said they were useful.\n")


@pytest.mark.parametrize("surface,role,country", [
    ("Tomas Ferreira", "Counterpart", "HUN"),      # possessive + nationality + role before the name
    ("Aldo Mencari", "Spokesman", ""),             # a description in apposition before the name
])
def test_roles_from_descriptions(surface, role, country):
    idx = find_actors(ROLE_TEXT)
    i = ROLE_TEXT.index(surface)
    m = idx.mention_at(i, i + len(surface))
    assert m is not None and (m.role, m.country) == (role, country)


def test_unknown_place_after_in_is_not_an_actor():
    idx = find_actors(ROLE_TEXT)
    assert "Porto Velhan" not in {m.name for m in idx.mentions}


def test_role_only_speaker_resolves_to_the_person():
    from core.quotes import find_quotes
    text = ROLE_TEXT + "“We agreed on most points,” the spokesman said."
    q = [q for q in find_quotes(text) if "most points" in q.text][0]
    assert (q.speaker, q.speaker_role) == ("Aldo Mencari", "Spokesman")


@pytest.mark.parametrize("text,expected", [
    ("He met Senate Majority Leader Mitch Cobbler on Monday.", [("Mitch Cobbler", "person", "Majority Leader")]),
    ("He met Senate Majority Leader Mitch Cobbler and Texas Sen. Dale Whitcombe.",
     [("Mitch Cobbler", "person", "Majority Leader"), ("Dale Whitcombe", "person", "Senator")]),
    ("The Ministry of Foreign Affairs and Trade said so.",
     [("Ministry of Foreign Affairs and Trade", "organisation", "")]),
])
def test_titled_people_after_organisation_words(text, expected):
    assert [(m.name, m.kind, m.role) for m in find_actors(text).mentions] == expected


# a country or demonym before lower-case role words; a portfolio after a title; a place before a role
ROLES = [
    ("Iranian military spokesman Darius Kolahi said the drills were routine.", "Darius Kolahi", "Spokesman", "IRN"),
    ("U.S. arms control envoy Nora Whitfield told reporters the treaty held.", "Nora Whitfield", "Envoy", "USA"),
    ("Iranian Foreign Ministry spokesman Reza Dorani said the inspectors were welcome.", "Reza Dorani", "Spokesman", "IRN"),
    ("U.S. Treasury official Dana Corvell said the sanctions would stay.", "Dana Corvell", "Official", "USA"),
    ("Secretary of Agriculture Richard Lanning said the subsidy would end.", "Richard Lanning", "Secretary of Agriculture", ""),
    ("Minister for Foreign Affairs Ali Zandvik said the talks were useful.", "Ali Zandvik", "Minister for Foreign Affairs", ""),
    ("Talks ended in Oslo. Envoy Mark Delvin said so.", "Mark Delvin", "Envoy", ""),
]


@pytest.mark.parametrize("text,name,role,country", ROLES)
def test_roles_and_countries_before_a_name(text, name, role, country):
    idx = find_actors(text)
    persons = [m for m in idx.mentions if m.kind == "person"]
    assert [m.name for m in persons] == [name]       # "U.S. Treasury", "of Agriculture ..." are no persons
    assert (persons[0].role, persons[0].country) == (role, country)


def test_a_capitalised_group_noun_opens_a_sentence_only():
    assert [m.name for m in find_actors("Officials in Lahore said the visit was off.").mentions
            if m.kind == "group"] == ["Officials"]
    assert not [m for m in find_actors("The Port Officials Act was passed in May.").mentions if m.kind == "group"]


def test_gender_from_the_pronouns_that_follow_a_lone_person():
    text = ("Ilsa Varnholt arrived in Lima on Monday, and she met the envoys at once. Varnholt said she "
            "would be brief.\nTomas Ferreira spoke later. He said the talks were useful.\n"
            "Jo Lindqvist left early.")
    idx = find_actors(text)
    assert (idx.actor("Ilsa Varnholt").gender, idx.actor("Tomas Ferreira").gender, idx.actor("Jo Lindqvist").gender) \
        == ("f", "m", "")


def test_she_resolves_to_the_woman_the_pronouns_told():
    from core.quotes import find_quotes
    text = ("Ilsa Varnholt said she would stay in Lima. Aldo Mencari said he was ready.\n"
            "Mencari greeted Varnholt on Tuesday. “We are close,” she said.")
    q = [q for q in find_quotes(text) if "We are close" in q.text][0]
    assert q.speaker == "Ilsa Varnholt"


def test_mentions_are_plain_frozen_actor_mentions():
    """find_actors builds its mentions without ActorMention's generated __init__ (_mention): the
    same objects (equal, same hash and repr, frozen), every field in its place."""
    import dataclasses

    from core.actors import ActorMention, _mention
    values = (3, 17, "Ilsa Varnholt", "Ilsa Varnholt", "person", "Envoy", "PER", "f", True, False)
    made, plain = _mention(*values), ActorMention(*values)
    assert type(made) is ActorMention
    assert (made == plain, hash(made) == hash(plain), repr(made) == repr(plain)) == (True, True, True)
    assert dataclasses.astuple(made) == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Aldo Mencari"
    m = find_actors("Foreign Minister Ilsa Varnholt said on Monday that Varnholt's plan stood.").mentions
    assert [(x.start, x.end, x.text, x.name, x.kind, x.role, x.possessive) for x in m] == [
        (17, 30, "Ilsa Varnholt", "Ilsa Varnholt", "person", "Foreign Minister", False),
        (51, 59, "Varnholt", "Ilsa Varnholt", "person", "Foreign Minister", True)]
    assert all(type(x) is ActorMention and x == ActorMention(*dataclasses.astuple(x)) for x in m)


def test_gender_votes_only_in_sentences_naming_one_person():
    """A sentence naming two people casts no vote; a quoted name is not the sentence's person; the
    next sentence opening with a pronoun counts when it names no one."""
    text = ("Ilsa Varnholt met Aldo Mencari, and she said she was late. Varnholt left.\n"
            "Tomas Ferreira spoke first. He said “Jo Lindqvist is right” and he left.\n"
            "Jo Lindqvist and Ena Rolph waited. She was calm.")
    idx = find_actors(text)
    assert (idx.actor("Ilsa Varnholt").gender, idx.actor("Aldo Mencari").gender,
            idx.actor("Tomas Ferreira").gender, idx.actor("Jo Lindqvist").gender, idx.actor("Ena Rolph").gender) \
        == ("", "", "m", "", "")
