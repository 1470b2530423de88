"""Places: a subdivision named as the modifier of an institution word ("the Kerala
government"), a national capital the tagger took for a common noun as a subject ("Rabat accepted ..."),
the bare name of a known crossing and paths rerouted through it, "from X to Y" with a known end, a body of
water over the small town named after it, districts listed by hand, "the eruption of X"; a hand-added
batch of rivers, uplands, autonomous regions, islands and sites.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import place_named

from tidings.places import load_gazetteer
from tidings.places.data import cues
from tidings.places.resolve import candidates_for


@pytest.mark.parametrize("name, feature, country", [
    ("River Ouse", "water", "GBR"), ("Humber", "water", "GBR"), ("Pennines", "region", "GBR"),
    ("Monongahela River", "water", "USA"), ("Lake Powell", "water", "USA"), ("Iron Range", "region", "USA"),
    ("High Atlas", "region", "MAR"), ("Puntland", "region", "SOM"), ("Jubaland", "region", "SOM"),
    ("Katanga", "region", "COD"), ("El Hierro", "island", "ESP"), ("Lanzarote", "island", "ESP"),
    ("Reykjanes Peninsula", "region", "ISL"), ("Stormont", "facility", "GBR"), ("Konkan", "region", "IND"),
    ("Republika Srpska", "region", "BIH"), ("Hassi R'Mel", "facility", "DZA"),
])
def test_curated_batch(name, feature, country):
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert any(gazetteer.features[row] == feature and gazetteer.countries[row] == country and not alternate
               for row, alternate in found)


@pytest.mark.parametrize("name, expected", [
    ("Hudson Bay", "water"),  # the bay, not the Saskatchewan town of 1,500 named after it
    ("Green Bay", "city"),  # a big city with no bay of that name in the gazetteer keeps its sense
])
def test_water_over_small_namesake_town(name, expected):
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert found and all(gazetteer.features[row] == expected for row, _ in found if gazetteer.features[row] in
                         ("water", "city"))


@pytest.mark.parametrize("text, name, feature", [
    ("LUCKNOW, India — The Maharashtra government sent relief trucks after the storm, officials said.",
     "Maharashtra", "admin1"),
    ("KARACHI — Fuel tankers were rerouted through Chaman once the Chaman crossing reopened, traders in "
     "Quetta said.", "Chaman", "city"),
    ("DULUTH, Minn. — Power lines fell from St. Cloud to the Iron Range overnight, the utility said.",
     "St. Cloud", "city"),
    ("MUMBAI, India — Commuter trains stopped in parts of Bandra and Kurla as the water rose.", "Kurla", "city"),
    ("REYKJAVIK, Iceland — Scientists compared the swarm with the eruption of Eyjafjallajokull in 2010.",
     "Eyjafjallajokull", "site"),
    ("WINNIPEG, Manitoba — Barges to the port of Churchill on Hudson Bay left late, growers in Brandon "
     "and Regina said.", "Hudson Bay", "water"),
])
def test_places_in_context(nlp, text, name, feature):
    assert place_named(nlp, text, name).feature == feature


@pytest.mark.parametrize("text, name", [
    ("MADRID — Rabat accepted rescue teams from Portugal and Italy on Sunday.", "Rabat"),
    ("NAIROBI — Mogadishu rejected the proposal from Ethiopia, officials said.", "Mogadishu"),
])
def test_capital_as_subject_is_metonymy(nlp, text, name):
    assert place_named(nlp, text, name).role == "metonymy"


def test_state_before_government_is_mention(nlp):
    text = "PUNE, India — The Maharashtra government closed schools on Monday."
    assert place_named(nlp, text, "Maharashtra").role == "mention"


def test_towns_pumping_water_are_places(nlp):
    text = "TUCSON, Ariz. — Under the compact, Tucson and Phoenix will pump more groundwater next year."
    assert place_named(nlp, text, "Phoenix").role == "mention"


def test_alternate_of_foreign_hamlet_yields_to_region(nlp):
    text = "LUBUMBASHI, Congo — Mines of the former Katanga province resumed exports through Zambia."
    place = place_named(nlp, text, "Katanga province")
    assert place.country == "COD"
