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


def _shape_words() -> list[str]:
    """One word of every kind _run_shape tells apart: list words of core/data/actors.json (openers,
    titles, honorifics, list words that are surnames or not, organisation and media words),
    countries, demonyms, cities and seats, acronyms, connectors and invented names."""
    from core.actors import _data
    d = _data()
    words = set()
    for key in ("sentence_openers", "not_names", "organisation_heads", "media_heads", "surname_list_words",
                "seat_actors"):
        words.update(w for w in d[key] if " " not in w)
    for t in d["titles"] + list(d["honorifics"]):
        words.update((t, t.title(), t.upper()))
    words.update(("Iran", "Iranian", "Oman", "Omani", "Tehran", "Washington", "U.S.", "Paris", "Texas", "IRNA", "NATO",
                  "X", "Q", "of", "the", "and", "", "Mr.", "Sen.", "Al-Hadi", "al-Ossa", "O'Neill", "Tolvan", "Mara",
                  "Quell", "Varnholt", "ÉLAN", "Dorn-Orsk", "9Lund", "ZQ", "KX"))
    return sorted(w for w in words if " " not in w)


def test_one_word_shape_equals_the_general_shape():
    """_word_shape (the one-word steps of _run_shape) gives what the steps for any run give."""
    from core.actors import _lex, _word_shape, _words_shape
    lx = _lex()
    words = _shape_words()
    assert len(words) > 300
    kinds = set()
    for w in words:
        shape = _words_shape(w, lx)
        assert _word_shape(w, lx) == shape, w
        kinds.add(None if shape is None else (shape.kind, bool(shape.place), shape.list_word))
    # every outcome is covered: none, a place, media, organisation, person, list-word person
    assert {None, ("", True, False), ("media", False, False), ("organisation", False, False),
            ("person", False, False), ("person", False, True)} <= kinds


def test_match_runs_without_connectors_equal_the_split_runs():
    """_match_runs reads a match of one word, or of words without a connector between them, as one
    run; what it finds equals splitting the words at connectors (_split_runs), on runs of list
    words, places and names up to six words, with and without connectors."""
    import random

    from core.actors import _lex, _match_runs, _split_runs
    lx = _lex()
    words = _shape_words() + ["of", "for", "on", "and", "to", "the", "Minister", "Foreign", "Ministry",
                              "Affairs", "Secretary", "State", "Union", "News", "Agency", "bin", "al", "de"]
    rng = random.Random(5)
    runs = set(words)
    for _ in range(20000):
        runs.add(" ".join(rng.choice(words) for _ in range(rng.randint(2, 6))))
    runs.update(("Foreign Minister Abbas Araghchi", "Haitham bin Tariq Al Said", "Oman News Agency",
                 "Ministry of Foreign Affairs", "Trump and Clinton", "Tolvan  Dorn", "Sen. Mara Quell of Texas"))
    kept = 0
    for g in sorted(runs):
        runs_g = _match_runs(g)
        assert runs_g == _split_runs(g, lx), g
        kept += bool(runs_g)
    assert kept > 1000
