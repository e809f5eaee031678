"""Golden cases for long capitalised runs and names that are also list words (core.actors).
People, unions and towns are invented."""
from __future__ import annotations

import pytest

from core.actors import find_actors


def person(text: str, surface: str):
    idx = find_actors(text)
    i = text.index(surface)
    m = idx.mention_at(i, i + len(surface))
    assert m is not None, surface
    return m


@pytest.mark.parametrize("text,surface,name,role", [
    # "<Organisation> <Title> <First Last>": the person, the title and organisation as the role
    ("“The offer is late,” said Harbor Workers Union Political Director Mara Quell.",
     "Mara Quell", "Mara Quell", "Political Director, Harbor Workers Union"),
    ("The Brackton Dockers Local Secretary-Treasurer Dov Lassiter said the vote was close.",
     "Dov Lassiter", "Dov Lassiter", "Secretary-Treasurer, Brackton Dockers Local"),
    ("The plan, said Council on Fair Housing National Executive Director Omar Haddan, is late.",
     "Omar Haddan", "Omar Haddan", "National Executive Director, Council on Fair Housing"),
    ("Crews were told to wait, said White House Press Secretary Lena Ostrow.",
     "Lena Ostrow", "Lena Ostrow", "Press Secretary, White House"),
    ("Vellmar Nurses Association President Ena J. Rolph said the strike would go ahead.",
     "Ena J. Rolph", "Ena J. Rolph", "President, Vellmar Nurses Association"),
])
def test_organisation_title_name_run(text, surface, name, role):
    m = person(text, surface)
    assert (m.name, m.kind, m.role) == (name, "person", role)


def test_organisation_alone_stays_an_organisation():
    m = person("Harbor Workers Union said the offer was late.", "Harbor Workers Union")
    assert (m.name, m.kind) == ("Harbor Workers Union", "organisation")


def test_later_surname_resolves_to_the_person_of_a_long_run():
    text = ("“The offer is late,” said Harbor Workers Union Political Director Mara Quell.\n"
            "Quell added that talks would resume on Friday.")
    m = person(text, "Quell added")
    assert m.name == "Mara Quell" and m.role.startswith("Political Director")


@pytest.mark.parametrize("text,surface,name,role", [
    # a list word ("West", "Hill") closing a name is a surname when the person is clear
    ("Senator Ruth West said the bill was dead. West added that she would try again.",
     "West added", "Ruth West", "Senator"),
    ("Ruth West, a law professor at Dorvel College, called it a rollback. “It is late,” West said.",
     "West said", "Ruth West", "Professor, Dorvel College"),
    ("Edda Hill said the count was wrong.", "Edda Hill", "Edda Hill", ""),
])
def test_list_word_as_surname(text, surface, name, role):
    m = person(text, surface)
    assert (m.name, m.kind, m.role) == (name, "person", role)


@pytest.mark.parametrize("text,surface", [
    ("Ruth West said the talks with the West were slow.", "West were"),      # 'the West' is no surname
    ("Labor Day passed quietly in Vellmar.", "Labor Day"),                    # no person evidence
    ("He met the governor on Capitol Hill and in West Virginia.", "West Virginia"),
])
def test_list_words_that_are_not_people(text, surface):
    idx = find_actors(text)
    i = text.index(surface)
    m = idx.mention_at(i, i + len(surface))
    assert m is None or m.kind != "person"


def test_list_word_alone_is_only_a_surname():
    # "June Ostrow" makes 'June' no short form of hers: the month stays a month
    idx = find_actors("June Ostrow said the vote was close. In June, the vote failed.")
    i = idx.text.index("June, the")
    assert idx.mention_at(i, i + 4) is None
