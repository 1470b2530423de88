"""Places: a country's name is the country unless qualified, a qualifier holds what it
qualifies, world cities and dominant namesakes against local context, "Gulf of X" waters, untagged
subdivisions of several words, and new regions, rivers and facilities.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import place_named, places_in

from tidings.places import distance_km


@pytest.mark.parametrize("text, name, feature, country", [
    # a country's name beats a small namesake town of the article's country ...
    ("BANGOR, Maine — Blueberry growers in Machias and Ellsworth said buyers in Japan and China had "
     "cancelled orders this summer.", "China", "country", "CHN"),
    ("Farmers near Decatur and Peoria in Illinois hope a trade trip to Mexico will open new markets.",
     "Mexico", "country", "MEX"),
    ("Exporters in Hamilton and Ottawa, Ontario, said wheat shipments to Chile and Peru had doubled.",
     "Peru", "country", "PER"),
    ("Cattle prices in Porto Alegre and Pelotas rose after Uruguay cut its herd.", "Uruguay", "country", "URY"),
    # ... unless the text says it is the town
    ("The mill in China, Maine, closed on Friday, town officials said.", "China", "city", "USA"),
    ("Volunteers cleaned up the town of Peru after the flood reached Indiana.", "Peru", "city", "USA"),
])
def test_country_names_against_namesake_towns(nlp, text, name, feature, country):
    place = place_named(nlp, text, name)
    assert (place.feature, place.country) == (feature, country)


def test_dateline_qualifier_is_the_country(nlp):
    text = ("MONTERREY, Mexico (Tidings Wire) — Factory workers in Monterrey and Saltillo walked out on "
            "Tuesday over pay, union leaders said.")
    place = place_named(nlp, text, "Mexico")
    assert (place.feature, place.country) == ("country", "MEX")


@pytest.mark.parametrize("text, name, country, point", [
    # a world city dateline against one mention of the United States
    ("GENEVA (Tidings Wire) — Donors pledged money for refugees in Chad and South Sudan, and the United "
     "States promised more food aid.", "GENEVA", "CHE", (46.20, 6.14)),
    # "New York and London": a world city listed beside a world city abroad
    ("VANCOUVER — The Calgary and Edmonton miner, which also trades in Toronto, will list its shares in "
     "New York and London next year.", "London", "GBR", (51.51, -0.13)),
    # a city that dwarfs its namesakes keeps its name beside the namesakes' country
    ("Guatemalan migrants moved through Chiapas and Oaxaca towards Monterrey, hoping to reach Juárez or "
     "El Paso.", "El Paso", "USA", (31.76, -106.49)),
])
def test_prominent_city_against_article_context(nlp, text, name, country, point):
    place = place_named(nlp, text, name)
    assert place.country == country
    assert distance_km(place.lat, place.lon, *point) < 50


@pytest.mark.parametrize("text, name, feature, point", [
    ("Scallop boats left Gloucester for the Gulf of Maine on Monday.", "Gulf of Maine", "water", (43.0, -68.5)),
    ("Tankers waited in the Bay of Campeche off Veracruz.", "Bay of Campeche", "water", (20.0, -94.0)),
    ("Heavy rain swelled the Mersey near Liverpool.", "Mersey", "water", (53.40, -2.99)),
    ("Bus drivers across Tyneside went on strike on Friday.", "Tyneside", "region", (54.97, -1.60)),
    ("Flooding closed roads across the Carolinas and Virginia.", "Carolinas", "region", (34.8, -80.0)),
    ("Migrants crossed the Darién jungle on foot from Colombia into Panama.", "Darién", "region", (8.0, -77.5)),
    ("Flights resumed at Salgado Filho after the floods in Porto Alegre receded.", "Salgado Filho", "airport",
     (-29.99, -51.17)),
])
def test_waters_regions_and_facilities(nlp, text, name, feature, point):
    place = place_named(nlp, text, name)
    assert place.feature == feature
    assert distance_km(place.lat, place.lon, *point) < 100


def test_gulf_of_unknown_water_is_not_its_namesake(nlp):
    """A "Gulf of X" the gazetteer does not know is not X itself."""
    places = places_in(nlp, "Fishing boats sheltered in the Gulf of Nowhereland near Oregon.")
    assert all(p.feature == "water" for p in places if "Gulf" in p.text)


@pytest.mark.parametrize("text, name, country", [
    ("SYDNEY (Tidings Wire) — Firefighters in New South Wales fought 40 grass fires on Sunday.",
     "New South Wales", "AUS"),
    ("PERTH — Miners in Western Australia reported record iron ore sales.", "Western Australia", "AUS"),
])
def test_untagged_subdivisions_of_several_words(nlp, text, name, country):
    place = place_named(nlp, text, name)
    assert (place.feature, place.country) == ("admin1", country)


@pytest.mark.parametrize("text, name, country", [
    # the intended local namesakes still win with a qualifier or the subdivision named
    ("GENEVA, N.Y. — The Seneca Lake town of Geneva approved a new school budget.", "GENEVA", "USA"),
    ("Fans in Manchester, New Hampshire, and Concord cheered the Red Sox.", "Manchester", "USA"),
    ("Storms flooded Paris, Texas, and Sherman on Tuesday.", "Paris", "USA"),
])
def test_local_namesakes_still_win_when_qualified(nlp, text, name, country):
    assert place_named(nlp, text, name).country == country


@pytest.mark.parametrize("text, name, feature", [
    # a common noun after a name is not part of it, even where a village bears both ("Ohio City")
    ("A glass maker will close its plant in this north-central Ohio city next spring.", "Ohio", "admin1"),
    # a feature word that is part of a facility's name still extends it
    ("Flights resumed at Mitiga airport in Tripoli on Monday.", "Mitiga airport", "airport"),
])
def test_generic_noun_after_a_name_is_not_part_of_it(nlp, text, name, feature):
    place = place_named(nlp, text, name)
    assert place.feature == feature
