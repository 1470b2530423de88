"""Actor phrases of kinds a blind test set found missing: agent nouns, seats of government,
former country names, organisation names with a country or a known name inside, earlier offices of
known figures, and groups tied to one country.

Every phrase here was written for these tests.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, code, primary", [
    ("Belgian paratroopers", "BEL", "MIL"),
    ("a paratrooper", None, "MIL"),
    ("Colombian coffee growers", "COL", "AGR"),
    ("tea planters", None, "AGR"),
    ("French gendarmes", "FRA", "COP"),
    ("the carabinieri", None, "COP"),
    ("Civil Guard officers", None, "COP"),
    ("Russian agents", "RUS", "SPY"),
    ("FBI agents", "USA", "COP"),
    ("Mossad agents", "ISR", "SPY"),
    ("two KGB agents", "RUS", "SPY"),
    ("former KGB agents", "RUS", "ELI"),
    ("US border agents", "USA", "COP"),
    ("real estate agents", None, "BUS"),
    ("a hostile crowd", None, "CVL"),
    ("a crowd of students", None, "EDU"),
    ("crowds of Palestinians", "PSE", "CVL"),
])
def test_agent_nouns(resolve, text, code, primary):
    actor = resolve(text)
    assert (actor.code, actor.sectors[:1]) == (code, [primary])


@pytest.mark.parametrize("text", ["nerve agents", "a chemical agent"])
def test_agents_that_are_substances_are_no_actors(resolve, text):
    assert not resolve(text).sectors


@pytest.mark.parametrize("text, code, primary, resolved_by", [
    ("the Elysee Palace", "FRA", "GOV", "metonymy"),
    ("Zhongnanhai", "CHN", "GOV", "metonymy"),
    ("the Casa Rosada", "ARG", "GOV", "metonymy"),
    ("the Blue House", "KOR", "GOV", "metonymy"),
    ("the Moncloa", "ESP", "GOV", "metonymy"),
    ("Capitol Hill", "USA", "LEG", "kb"),
    ("Foggy Bottom", "USA", "GOV", "kb"),
])
def test_seats_of_power_stand_for_their_institution(resolve, text, code, primary, resolved_by):
    actor = resolve(text)
    assert (actor.code, actor.sectors[:1], actor.resolved_by) == (code, [primary], resolved_by)


def test_a_seat_of_power_is_a_name_not_a_description(resolve):
    assert resolve("a blue house").code is None


@pytest.mark.parametrize("text, code", [
    ("Zaire", "COD"),
    ("Zairean soldiers", "COD"),
    ("Rhodesian troops", "ZWE"),
    ("Czechoslovakia", "CZE"),
    ("Czechoslovak diplomats", "CZE"),
    ("Upper Volta", "BFA"),
    ("Dahomey", "BEN"),
    ("the Soviet Union", "RUS"),
    ("Burma", "MMR"),
])
def test_former_country_names(resolve, text, code):
    assert resolve(text).code == code


@pytest.mark.parametrize("text, code, primary", [
    ("the Congress of Colombian Workers", "COL", "LAB"),
    ("the Congress of Kenyan Trade Unions", "KEN", "LAB"),
    ("the US Congress", "USA", "LEG"),
    ("Congress", "USA", "LEG"),
    ("Peru's congress", "PER", "LEG"),
])
def test_a_known_name_opening_a_longer_name_is_not_that_name(resolve, text, code, primary):
    actor = resolve(text)
    assert (actor.code, actor.sectors[:1]) == (code, [primary])


def test_a_congress_of_unknown_country_is_no_us_body(resolve):
    actor = resolve("the Congress of Mineral Engineers")
    assert actor.code != "USA" and actor.kb_id is None


@pytest.mark.parametrize("text, date, code, primary", [
    ("Narendra Modi", "2005-03-01", "IND", "GOV"),
    ("Angela Merkel", "2001-09-01", "DEU", "OPP"),
    ("Angela Merkel", "1995-06-01", "DEU", "GOV"),
    ("Madeleine Albright", "1999-04-01", "USA", "GOV"),
    ("Secretary of State Warren Christopher", "1995-01-10", "USA", "GOV"),
    ("James Baker", "1990-08-10", "USA", "GOV"),
])
def test_earlier_offices_of_known_figures(resolve, text, date, code, primary):
    actor = resolve(text, date)
    assert (actor.code, actor.sectors[:1]) == (code, [primary])


@pytest.mark.parametrize("text, date, code, primary", [
    ("Israeli settlers", None, "ISR", "CVL"),
    ("armed Jewish settlers", None, "ISR", "CVL"),
    ("the peshmerga", None, "IRQ", "MIL"),
    ("Ulster loyalists", None, "GBR", None),
    ("Greek Cypriot officials", None, "CYP", "GOV"),
    ("Turkish Cypriots", None, "CYP", "CVL"),
    ("an al-Aqsa Martyrs Brigade commander", None, "PSE", "REB"),
    ("gunmen from the al-Aqsa Martyrs' Brigades", None, "PSE", "UAF"),
    ("the Belarusian KGB", None, "BLR", "SPY"),
    ("the Libyan National Transitional Council", "2011-04-01", "LBY", "REB"),
    ("the Libyan National Transitional Council", "2012-01-15", "LBY", "GOV"),
    ("Libya's National Transitional Council", None, "LBY", "GOV"),
    ("Mali's National Transitional Council", None, "MLI", "GOV"),
])
def test_groups_tied_to_one_country(resolve, text, date, code, primary):
    actor = resolve(text, date)
    assert actor.code == code
    if primary is not None:
        assert actor.sectors[:1] == [primary]


@pytest.mark.parametrize("text, code", [
    ("a Dutch national", "NLD"),
    ("Kenyan nationals", "KEN"),
])
def test_nationals_are_civilians_of_their_country(resolve, text, code):
    actor = resolve(text)
    assert (actor.code, actor.sectors[:1]) == (code, ["CVL"])
