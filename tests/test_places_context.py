"""Places found and resolved by their context: towns the model mislabels, persons that must stay
persons, abbreviations, paragraph labels, "X, northeast of Y", rivers after "the", districts, airports
and spelling variants.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import places_by_text as _places

from tidings.places import distance_km


@pytest.mark.parametrize("text, name, country, feature, point", [
    # towns of the story's country, whatever label the model gives them
    ("Floods in Bosnia cut the roads to Jablanica and Konjic on Saturday.", "Konjic", "BIH", "city",
     (43.652, 17.962)),
    ("Aid workers in Nigeria's Borno state said the roads to Bama and Gwoza were closed.", "Gwoza", "NGA", "city",
     (11.086, 13.690)),
    # an agency's abbreviation of a state
    ("LOUISVILLE, Ky. (Tidings Wire) — A tornado damaged a warehouse on Sunday.", "Ky.", "USA", "admin1",
     (37.5, -85.3)),
    # "X, northeast of Y": X lies near Y
    ("Storms tore the roof off a school in Paris, northeast of Lexington, Kentucky.", "Paris", "USA", "city",
     (38.210, -84.253)),
    # a river after "the", not the town of the same name
    # (the article is part of such a name's span, as in "the United States")
    ("Villagers fled as the Tara rose near Mojkovac in Montenegro.", "the Tara", "MNE", "water", (43.1, 19.3)),
    ("Russian forces crossed the Don near Rostov-on-Don.", "the Don", "RUS", "water", (48.5, 41.0)),
    # second-level units: districts, provinces of a region, counties
    ("Landslides buried houses in Benguet province overnight.", "Benguet province", "PHL", "admin2",
     (16.55, 120.7)),
    ("Wildfires spread across Orange County, California, on Tuesday.", "Orange County", "USA", "admin2",
     (33.7, -117.8)),
    # airports of the airport table, by name and by city
    ("Flights resumed at Salgado Filho airport in Porto Alegre.", "Salgado Filho airport", "BRA", "airport",
     (-29.994, -51.171)),
    # a spelling the gazetteer does not have, near one it has, in the story's country
    ("Aid groups in Myanmar reported shortages in Kyaukphyu, on the coast of Rakhine state.", "Kyaukphyu", "MMR",
     "city", (19.429, 93.549)),
    # "the ports of X": a plural before one name speaks of what the country holds
    ("Exporters said the ports of Lebanon would reopen next week.", "Lebanon", "LBN", "country", (33.85, 35.86)),
])
def test_places_found_by_context(nlp, text, name, country, feature, point):
    place = _places(nlp, text).get(name)
    assert place is not None, f"{name!r} not found in {list(_places(nlp, text))}"
    assert (place.country, place.feature) == (country, feature)
    assert distance_km(place.lat, place.lon, *point) < 161


@pytest.mark.parametrize("text, span", [
    ("Aid reached the United States on Monday.", "the United States"),
    ("Tankers crossed the Red Sea.", "the Red Sea"),
    ("Officials said the US government would pay.", "US"),           # "the" belongs to "government"
    ("Lorries waited at the Rafah crossing.", "Rafah crossing"),      # ... and here to "crossing"
    ("Heavy rain flooded streets in Baghdad.", "Baghdad"),
])
def test_a_name_that_takes_the_article_spans_it(nlp, text, span):
    assert span in _places(nlp, text)


@pytest.mark.parametrize("text, not_places", [
    ("Mr Bama told reporters in Maiduguri, Nigeria, that the road was safe.", {"Bama"}),
    ("The contract went to Lockheed Martin, officials in Washington said.", {"Martin", "Lockheed Martin"}),
    ("Jane Smith, an economist at Ford, said car sales in Britain fell.", {"Ford"}),
    ("Apple can keep the name, but the trademark belongs to Cisco, the court in Texas ruled.", {"Cisco"}),
    ("Don said the water in Rostov was rising.", {"Don"}),
    ("Lawmakers in the Senate met on Tuesday in Washington.", {"Senate"}),
])
def test_persons_and_firms_stay_what_they_are(nlp, text, not_places):
    found = set(_places(nlp, text))
    assert not found & not_places, f"{found & not_places} taken for places"


@pytest.mark.parametrize("text, name, role", [
    # a country heading a paragraph is its label, not the subject of its verb
    ("REGIONAL ROUNDUP\n\nNepal: A landslide blocked the highway near Pokhara for twelve hours.", "Nepal", "mention"),
    # the subject of a verb that governs an action
    ("Azerbaijan began moving families back to Shusha on Thursday.", "Azerbaijan", "metonymy"),
    ("Maputo appealed to its neighbours for help.", "Maputo", "metonymy"),
])
def test_roles(nlp, text, name, role):
    place = _places(nlp, text)[name]
    assert place.role == role or (role == "mention" and place.role == "event_location")


def test_a_mislabelled_town_of_another_country_needs_more_than_the_story(nlp):
    """The story's countries vouch only for their own towns: "Bama" (a Nigerian town) in a story about
    Kenya, with nothing else that says place, stays unresolved."""
    found = _places(nlp, "Kenya's president thanked Bama for his support in Nairobi.")
    assert "Bama" not in found
