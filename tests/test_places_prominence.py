"""The prior for prominent places and the detection fixes of the third round: a capital or a city of a
million people wins over a small namesake unless the article points to the small one (a qualifier as in
"Vienna, Va.", the state it names); a direction word before a name; "nearby X"; "on Java"; names written
in lower case are no places.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import places_by_text as _places

from tidings.places import distance_km, geocode


@pytest.mark.parametrize("text, name, country, feature, point", [
    # the well-known city, whatever small namesakes the article's other places lie near
    ("Ministers from Argentina and Bolivia met on Monday to discuss gas exports. Farmers near Mendoza and "
     "Córdoba blocked roads, and shops in Buenos Aires closed early. In La Paz, the government said it "
     "would keep gas flowing.", "La Paz", "BOL", "city", (-16.50, -68.15)),
    ("Diplomats met in Vienna on Monday to discuss the nuclear programme.", "Vienna", "AUT", "city",
     (48.208, 16.373)),
    ("Officials in Cairo said talks on a ceasefire would resume next week.", "Cairo", "EGY", "city",
     (30.044, 31.236)),
    # ... and the small one when the article says so
    ("VIENNA, Va. — The town council of Vienna approved new zoning rules on Tuesday.", "Vienna", "USA", "city",
     (38.901, -77.265)),
    ("CAIRO, Ill. — Sandbags were stacked along the floodwall as the river rose in Cairo.", "Cairo", "USA",
     "city", (37.005, -89.176)),
    # a direction word before a name the gazetteer knows: the part of that place
    ("Strikes spread across south Lincolnshire on Friday, union officials in England said.", "south Lincolnshire",
     "GBR", "admin2", (53.09, -0.24)),
    # a direction word the model left out of a subdivision's name
    ("Western Australia sent firefighters to help, officials in Perth said.", "Western Australia", "AUS",
     "admin1", (-25.0, 122.0)),
    # "nearby X", "on X" for an island: places whatever label the model gives them
    ("Commuters in Fairfax County, Virginia, said traffic from nearby Tysons had doubled.", "Tysons", "USA",
     "city", (38.919, -77.231)),
    ("Indonesia closed two airports on Java after the eruption.", "Java", "IDN", "island", (-7.5, 110.0)),
])
def test_prominence_and_context(nlp, text, name, country, feature, point):
    places = _places(nlp, text)
    place = places.get(name)
    assert place is not None, f"{name!r} not found in {list(places)}"
    assert (place.country, place.feature) == (country, feature)
    assert distance_km(place.lat, place.lon, *point) < 50


def test_a_river_after_the_is_the_river_and_the_bare_name_the_state(nlp):
    places = _places(nlp, "Barges waited where the Ohio meets the Mississippi, and officials in Ohio "
                          "said the locks would reopen.")
    river = next(p for p in places.values() if p.start < 30 and "Ohio" in p.text)
    assert river.feature == "water"
    assert places["Ohio"].feature == "admin1"


@pytest.mark.parametrize("text, word", [
    ("Students protested a rise in metro fares in Santiago on Saturday.", "metro"),
    ("The Metro line to the airport opened in Washington on Monday.", "Metro"),
])
def test_common_words_are_no_places(nlp, text, word):
    assert word not in _places(nlp, text)


@pytest.mark.parametrize("names, index, country", [
    # a city of two million (Bolivia's seat of government) over a small department near Mendoza
    (["Mendoza", "Argentina", "La Paz"], 2, "BOL"),
    # a big namesake abroad does not beat the country and subdivision the other places are in
    (["Dallas", "Houston", "Birmingham"], 2, "USA"),
    (["Alexandria", "Arlington", "Virginia"], 0, "USA"),
])
def test_prominent_cities_against_small_namesakes(names, index, country):
    entry = geocode(names)[index]
    assert (entry.country, entry.feature) == (country, "city")
