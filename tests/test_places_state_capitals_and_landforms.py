"""Places: state and provincial capitals standing for their government, natural
features that never do, "hold" as a stative verb, "a small Texas town", towns on ferry routes and
islands, names swallowed into a date, Japanese municipality names without their suffix, and new
landforms and islands in the gazetteer.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import place_named, places_in

from tidings.places import load_gazetteer


@pytest.mark.parametrize("text, name, country", [
    ("SAN ANGELO, Texas (Tidings Wire) — Ranchers asked for help as wells ran dry. Austin has approved "
     "emergency water deliveries to three counties.", "Austin", "USA"),
    ("NANAIMO, British Columbia — Floods cut the island highway. Victoria will pay for temporary "
     "bridges, the transport minister said.", "Victoria", "CAN"),
    ("SCRANTON, Pennsylvania — The county asked for state money for its bridges, and Harrisburg has "
     "promised an answer by June.", "Harrisburg", "USA"),
])
def test_subdivision_capital_as_government(nlp, text, name, country):
    place = place_named(nlp, text, name)
    assert (place.country, place.role) == (country, "metonymy")


@pytest.mark.parametrize("text, name", [
    # the capital of a subdivision the story is not about stays a plain place
    ("Growers in Fresno said rain had returned, and buyers in Austin doubled their orders.", "Austin"),
    # a seat that is also a given name stays a person when she speaks
    ("KAMLOOPS, British Columbia — Victoria said she would stay with her sister in Kamloops.", None),
])
def test_subdivision_capital_not_government(nlp, text, name):
    places = places_in(nlp, text)
    if name is None:
        assert not any(p.text == "Victoria" for p in places)
    else:
        assert all(p.role != "metonymy" for p in places if p.text == name)


@pytest.mark.parametrize("text, name, role", [
    ("Mount Etna sent a column of ash over Catania on Sunday.", "Mount Etna", "mention"),
    ("Neighbouring Croatia and Slovenia hold their own elections in the autumn.", "Croatia", "mention"),
    ("Qatar held talks with both sides on Monday.", "Qatar", "metonymy"),
    ("Poland and Lithuania held joint exercises near the border.", "Poland", "metonymy"),
])
def test_natural_features_and_hold(nlp, text, name, role):
    assert place_named(nlp, text, name).role == role


@pytest.mark.parametrize("text, name, feature, country", [
    ("The mayor of a small Texas town said the reservoir was nearly empty.", "Texas", "admin1", "USA"),
    ("Voters in a small Iowa town backed the bond issue.", "Iowa", "admin1", "USA"),
    # the cue before the name still makes it a town
    ("Volunteers cleaned up the town of Peru after the flood reached Indiana.", "Peru", "city", "USA"),
])
def test_common_noun_after_state(nlp, text, name, feature, country):
    place = place_named(nlp, text, name)
    assert (place.feature, place.country) == (feature, country)


@pytest.mark.parametrize("text, name, country", [
    # a small town the model tags as a place, paired on a ferry route with another town of the story
    ("INVERNESS, Scotland — Storms disrupted the Ullapool to Stornoway route for a third day.", "Ullapool",
     "GBR"),
    ("INVERNESS, Scotland — Storms disrupted the Ullapool to Stornoway route for a third day.", "Stornoway",
     "GBR"),
    # a name the model swallowed into a date
    ("Negotiators will meet again in Tangier next week, the ministry in Rabat said.", "Tangier", "MAR"),
    # a Japanese town GeoNames lists with its suffix ("Onagawa Chō")
    ("SENDAI, Japan — Inspectors found no damage at the Onagawa nuclear plant after the tremor.", "Onagawa",
     "JPN"),
])
def test_small_places_found(nlp, text, name, country):
    assert place_named(nlp, text, name).country == country


def test_bare_to_is_no_route(nlp):
    text = ("SAN JOSE, California — The patent, which belongs to Cisco, was filed in 2001. Cisco said it "
            "would appeal.")
    assert not any(p.text == "Cisco" for p in places_in(nlp, text))


@pytest.mark.parametrize("name, feature, country", [
    ("Western Ghats", "region", "IND"),
    ("Oshika Peninsula", "region", "JPN"),
    ("Suwalki Gap", "region", None),
    ("Iberian Peninsula", "region", None),
    ("Isle of Mull", "island", "GBR"),
    ("Outer Hebrides", "island", "GBR"),
    ("Western Isles", "island", "GBR"),
    ("Shuswap Lake", "water", "CAN"),
])
def test_landforms_in_gazetteer(name, feature, country):
    gazetteer = load_gazetteer()
    rows = [row for row, alternate in gazetteer.lookup(name) if gazetteer.features[row] == feature]
    assert rows and gazetteer.countries[rows[0]] == country


@pytest.mark.parametrize("text, name", [
    ("Soldiers patrolled the Suwalki Gap on Tuesday, the defence ministry in Vilnius said.", "Suwalki Gap"),
    ("Heavy rain triggered landslides across the Western Ghats in Kerala.", "Western Ghats"),
    ("Ferries to the Isle of Mull were cancelled.", "Isle of Mull"),
])
def test_landforms_found(nlp, text, name):
    assert place_named(nlp, text, name).feature in ("region", "island")
