"""Places: "X Strait", "X Valley", "Lake X" never fall back to a town X; a direction
word before a feature word is no name ("South Island" is not Iceland's "Island"); a first-level
subdivision over a namesake town of its country; subdivisions written with or without "Region"; a county
inside the state the article names; towns qualified by "in <country>", listed with a place, or objects
of "visit"; "Cape of Good Hope"; facilities never metonymy; relative clauses and objects of "cost",
"prompt" that make a capital a government; a province named like its capital as its government.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import place_named

from tidings.places import load_gazetteer
from tidings.places.data import cues
from tidings.places.resolve import candidates_for


@pytest.mark.parametrize("name", [
    "Zorbex Strait", "Cook Valley", "Lake Chadwick", "Gulf of Maine", "Perth Channel", "Kunming Park",
])
def test_unknown_generic_feature_is_no_town(name):
    """The bare word of an unknown natural feature's name is never a town, district or country."""
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert all(gazetteer.features[row] in ("water", "region", "island", "site", "continent") for row, _ in found)


@pytest.mark.parametrize("name, feature", [
    ("Cook Strait", "water"), ("Bashi Channel", "water"), ("Great Bitter Lake", "water"),
    ("Kaziranga National Park", "site"), ("Awatere Valley", "region"), ("South Island", "island"),
])
def test_curated_natural_features(name, feature):
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert any(gazetteer.features[row] == feature for row, _ in found)


@pytest.mark.parametrize("name", ["South Island", "north coast", "Western Island"])
def test_direction_and_feature_word_is_no_country(name):
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert not any(gazetteer.features[row] == "country" for row, _ in found)


@pytest.mark.parametrize("text, name, expected_id", [
    ("JOHANNESBURG (Tidings Wire) — Rolling blackouts returned after three coal plants in Mpumalanga "
     "broke down, and factories in Gauteng cut shifts.", "Mpumalanga", "iso3166-2:ZA-MP"),
    ("MONTREAL — Voters across Quebec go to the polls in October, and the campaign opened in Laval "
     "and Sherbrooke.", "Quebec", "iso3166-2:CA-QC"),
    ("ACCRA, Ghana — Cocoa farmers in the Western Region said rains had rotted their pods, and buyers "
     "in Kumasi cut prices.", "Western Region", "iso3166-2:GH-WP"),
])
def test_subdivision_over_namesake_town(nlp, text, name, expected_id):
    assert place_named(nlp, text, name).gazetteer_id == expected_id


@pytest.mark.parametrize("names, expected", [
    (["Washington", "Ohio"], "city"),  # the capital, not the state, beside another state
    (["Quebec", "Ontario"], "admin1"),  # the province beside another province
])
def test_subdivision_or_capital(names, expected):
    from tidings.places.geocode import geocode

    assert geocode(names)[0].feature == expected


def test_county_in_named_state(nlp):
    text = ("LANSING, Mich. — Turnout in Wayne County beat the state average, and officials in Ingham "
            "County counted late into the night.")
    assert place_named(nlp, text, "Wayne County").gazetteer_id == "geonames-admin2:US:Michigan:Wayne County"


@pytest.mark.parametrize("text, name, country", [
    ("Most of the small boats had set off from Sfax in Tunisia, the coast guard said.", "Sfax", "TUN"),
    ("CHRISTCHURCH, New Zealand — The road between Blenheim and Kaikōura reopened on Friday.", "Kaikōura",
     "NZL"),
    ("PERTH, Australia — Fire crews held the line overnight, and the premier will visit Mundaring on "
     "Tuesday.", "Mundaring", "AUS"),
    ("Tankers are sailing around the Cape of Good Hope to avoid the Red Sea.", "Cape of Good Hope", "ZAF"),
    ("KATHMANDU, Nepal — Trekkers left the village of Manang before dawn, and porters from Gorkha "
     "followed.", "Manang", "NPL"),
])
def test_small_places_found(nlp, text, name, country):
    assert place_named(nlp, text, name).country == country


def test_facility_is_never_metonymy(nlp):
    text = "PERTH, Australia — Smoke hung over the hills, and Perth Airport suspended all flights."
    assert place_named(nlp, text, "Perth Airport").role != "metonymy"


@pytest.mark.parametrize("text, name", [
    ("The deal was praised in Washington, which has urged both parties to compromise.", "Washington"),
    ("The strike has cost Cairo millions of dollars in lost fees.", "Cairo"),
    ("The arrivals overwhelmed the island, prompting Rome to ask its neighbours for help.", "Rome"),
    ("The premier called an election, betting that a row with Ottawa over pensions will help him.", "Ottawa"),
    ("QUEBEC CITY — Quebec already chooses most of its own immigrants, the minister noted.", "Quebec"),
])
def test_government_metonymy(nlp, text, name):
    assert place_named(nlp, text, name).role == "metonymy"


@pytest.mark.parametrize("text, name", [
    ("Neighbouring Ohio and Kentucky ended the year with surpluses.", "Ohio"),
    ("Tourists visited Kabul, which lies in a high valley.", "Kabul"),
])
def test_not_metonymy(nlp, text, name):
    assert place_named(nlp, text, name).role != "metonymy"


@pytest.mark.parametrize("country, found", [("TWN", True), ("USA", False)])
def test_bare_county_name(country, found):
    """A county outside the US goes by its bare name ("Kinmen" for Kinmen County); a US one keeps the word."""
    from tidings.places.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    gazetteer.add("test:county", "Lorrim County", "admin2", country, None, 24.4, 118.3, 1000)
    gazetteer.add("test:town", "Lorim", "city", "CHN", None, 30.0, 112.0, 600_000, keys=["lorim", "lorrim"])
    rows = {gazetteer.ids[row] for row, _ in gazetteer.lookup("Lorrim")}
    assert ("test:county" in rows) is found
