"""Places: a subdivision's own name the tagger took for a person's full name, a list of
countries not read as "town, country", towns listed together that the tagger took for organisations,
city districts listed by hand, English spellings of first-level units, "X in Y" without a comma, a
common word that ends a list of towns, a name the article already uses as a place, and metonymy by
"acting", by "ally" and by "orders from X".

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import places_in, places_named

from tidings.places import load_gazetteer
from tidings.places.data import cues
from tidings.places.resolve import candidates_for


@pytest.mark.parametrize("text, name, country", [
    # multi-word subdivisions of the article's country, tagged PERSON by the model
    ("PUNE, India — The Tamil Nadu government said on Monday it would hire 300 more nurses.",
     "Tamil Nadu", "IND"),
    ("HYDERABAD, India — The state has asked Andhra Pradesh to share the cost of the new dam.",
     "Andhra Pradesh", "IND"),
    # coordinated towns of the article's country, tagged ORG, no organisation word near them
    ("NICE, France — The ferry operator serving Ajaccio and Bastia said it would add a sailing.",
     "Bastia", "FRA"),
    # hand-listed districts beat a far namesake town in a story about their city
    ("TORONTO — Some clinics in Scarborough and Etobicoke arranged shuttles for staff.",
     "Scarborough", "CAN"),
    ("BIRMINGHAM, England — The council will close the library in Selly Oak next spring.",
     "Selly Oak", "GBR"),
    # first-level units under their common English spellings
    ("ULAANBAATAR, Mongolia — Herders in Zavkhan and Dundgovi lost most of their goats.", "Zavkhan", "MNG"),
    ("ULAANBAATAR, Mongolia — Herders in Zavkhan and Dundgovi lost most of their goats.", "Dundgovi", "MNG"),
    # "X in Y" without a comma: the country holds the town
    ("MARSEILLE, France — Shippers routed cargo through Genoa in Italy and Valencia in Spain.",
     "Valencia", "ESP"),
    # a name the article already uses as a place, later as a subject the tagger does not mark
    ("KERMAN, Iran — Aid reached the city of Bam on Tuesday. Bam was rebuilt after the 2003 earthquake.",
     "Bam", "IRN"),
])
def test_detected_in_country(nlp, text, name, country):
    found = places_named(nlp, text, name)
    assert found, f"{name!r} not found in {[p.text for p in places_in(nlp, text)]}"
    assert all(p.country == country for p in found)


def test_list_of_countries_is_no_qualifier(nlp):
    text = "TOKYO — Orders from steel mills in China, Japan and South Korea fell in March."
    found = places_named(nlp, text, "China")
    assert found and found[0].feature == "country" and found[0].country == "CHN"


def test_country_qualified_by_a_state_still_a_town(nlp):
    text = "AUGUSTA, Maine — Lobster boats left China, Maine, before dawn on Tuesday."
    found = places_named(nlp, text, "China")
    assert found and found[0].country == "USA"


@pytest.mark.parametrize("text, name", [
    ("PARIS — Supporters of Lyon and Marseille clubs clashed before the match.", "Marseille"),
])
def test_organisation_word_keeps_listed_names_out(nlp, text, name):
    # "clubs" after the pair marks organisations; the pair rule must not fire (a bigger-town rule may,
    # so only the organisation cue itself is pinned here)
    from tidings.places.detect import _organisation_cue
    from tidings.places.resolve import Mention

    doc = nlp(text)
    start = text.index(name)
    assert _organisation_cue(doc, Mention(start=start, end=start + len(name), text=name), cues())


@pytest.mark.parametrize("name, feature, country", [
    ("Pilbara", "region", "AUS"), ("Hamersley Range", "region", "AUS"), ("Willamette Valley", "region", "USA"),
    ("Deschutes National Forest", "site", "USA"), ("Bialowieza Forest", "site", "POL"),
    ("Khangai Mountains", "region", "MNG"), ("Masirah Island", "island", "OMN"), ("Duqm", "city", "OMN"),
    ("Mina al Fahal", "port", "OMN"), ("Ciliwung River", "water", "IDN"), ("Nusantara", "city", "IDN"),
    ("Murchison Falls National Park", "site", "UGA"), ("Fuego", "site", "GTM"), ("Varosha", "city", "CYP"),
    ("Halifax Stanfield International Airport", "airport", "CAN"), ("Zamalek", "city", "EGY"),
    ("Gangnam", "city", "KOR"), ("Sandton", "city", "ZAF"), ("Khovd Province", "admin1", "MNG"),
    ("Hadramout", "admin1", "YEM"), ("Anbar", "admin1", "IRQ"), ("Mangystau", "admin1", "KAZ"),
])
def test_curated_batch(name, feature, country):
    gazetteer = load_gazetteer()
    _, found, _ = candidates_for(name, gazetteer, cues().feature_words)
    assert any(gazetteer.features[row] == feature and gazetteer.countries[row] == country for row, _ in found)


@pytest.mark.parametrize("text, name, role", [
    ("WARSAW, Poland — Minsk said Warsaw was acting against its neighbours.", "Warsaw", "metonymy"),
    ("WARSAW, Poland — The minister said the ban followed orders from Brussels.", "Brussels", "metonymy"),
    ("WARSAW, Poland — Moscow, Minsk's closest ally, said it would raise the issue.", "Minsk", "metonymy"),
    ("OSLO, Norway — Demand from China fell sharply last year, fish exporters said.", "China", "mention"),
    ("LONDON — The vaccine doses had been ordered from Brussels in March.", "Brussels", "mention"),
])
def test_metonymy_constructions(nlp, text, name, role):
    found = places_named(nlp, text, name)
    assert found, f"{name!r} not found in {[p.text for p in places_in(nlp, text)]}"
    assert found[0].role == role
