"""Actors of 2015-2026 and the agent nouns news of those years uses.

Every phrase here was written for these tests: office holders read at a date, companies,
universities, armed groups, parties, international organisations and NGOs of the knowledge base,
and agent nouns (labour, banks, herders, unidentified attackers, police units).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, date, code, primary", [
    ("New Zealand's leader Jacinda Ardern", "2020-06-01", "NZL", "GOV"),
    ("Jacinda Ardern", "2023-06-01", "NZL", "ELI"),
    ("President Cyril Ramaphosa", "2021-05-01", "ZAF", "GOV"),
    ("Javier Milei", "2022-01-01", "ARG", "LEG"),
    ("Javier Milei", "2024-03-01", "ARG", "GOV"),
    ("Kremlin critic Alexei Navalny", "2021-01-20", "RUS", "OPP"),
    ("Pope Francis", "2019-01-01", "VAT", "REL"),
    ("Justice John Roberts", "2015-06-26", "USA", "JUD"),
    ("Fumio Kishida", "2022-05-01", "JPN", "GOV"),
    ("Shigeru Ishiba", "2025-01-10", "JPN", "GOV"),
    ("Abdel Fattah al-Burhan", "2023-05-01", "SDN", "GOV"),
    ("Mohamed Hamdan Dagalo", "2020-01-01", "SDN", "PRM"),
    ("Mohamed Hamdan Dagalo", "2024-01-01", "SDN", "REB"),
    ("Yoon Suk Yeol", "2023-01-01", "KOR", "GOV"),
    ("Claudia Sheinbaum", "2025-02-01", "MEX", "GOV"),
    ("Donald Tusk", "2018-03-01", "EUR", "GOV"),
    ("Donald Tusk", "2020-03-01", "POL", "ELI"),  # between offices: a former official
    ("Christine Lagarde", "2021-03-01", "EUR", "GOV"),
])
def test_office_holders_at_a_date(resolve, text, date, code, primary):
    actor = resolve(text, date)
    assert actor.code == code
    assert actor.sectors[:1] == [primary]


@pytest.mark.parametrize("text, code, primary, kb_id", [
    ("Gazprom executives", "MNC", "BUS", "gazprom"),
    ("the oil giant Saudi Aramco", "MNC", "BUS", "saudi-aramco"),
    ("Boeing", "MNC", "BUS", "boeing"),
    ("researchers at Stanford University", "USA", "EDU", "stanford-university"),
    ("Oxford University", "GBR", "EDU", "university-of-oxford"),
    ("the Sinaloa Cartel", "MEX", "CRM", "sinaloa-cartel"),
    ("Tren de Aragua", "VEN", "CRM", "tren-de-aragua"),
    ("the Arakan Army", "MMR", "REB", "arakan-army"),
    ("Fidesz", "HUN", "PTY", "fidesz"),
    ("the Democratic Progressive Party", "TWN", "PTY", "democratic-progressive-party"),
    ("the Organisation of American States", "IGO", None, "oas"),
    ("ECOWAS", "IGO", None, "ecowas"),
    ("the Norwegian Refugee Council", "NGO", "REF", "norwegian-refugee-council"),
    ("the International Crisis Group", "NGO", None, "international-crisis-group"),
    ("the Korean People's Army", "PRK", "MIL", "korean-peoples-army"),
    ("the Vatican", "VAT", "GOV", "holy-see"),
])
def test_organisations(resolve, text, code, primary, kb_id):
    actor = resolve(text, "2024-06-01")
    assert (actor.code, actor.kb_id) == (code, kb_id)
    assert (actor.sectors[0] if actor.sectors else None) == primary


@pytest.mark.parametrize("text, date, sectors", [
    ("the BJP", "2001-01-01", ["PTY", "GOV"]),
    ("the BJP", "2010-01-01", ["PTY", "OPP"]),
    ("the Rapid Support Forces", "2020-01-01", ["PRM"]),
    ("the Rapid Support Forces", "2024-01-01", ["REB"]),
    ("Pakistan Tehreek-e-Insaf", "2020-01-01", ["PTY", "GOV"]),
])
def test_parties_and_forces_change_side(resolve, text, date, sectors):
    assert resolve(text, date).sectors == sectors


def test_a_demonym_inside_an_international_organisation_is_not_its_country(resolve):
    actor = resolve("the Organization of American States")
    assert actor.code == "IGO"


@pytest.mark.parametrize("text, code, primary", [
    ("Chilean copper miners", "CHL", "LAB"),
    ("striking mine workers", None, "LAB"),
    ("British trade unionists", "GBR", "LAB"),
    ("Greek banks", "GRC", "BUS"),
    ("Somali herders", "SOM", "AGR"),
    ("nomadic pastoralists", None, "AGR"),
    ("masked stone-throwers", None, "CVL"),
    ("unidentified assailants", None, "UAF"),
    ("the attackers", None, "UAF"),
    ("Iraqi police commandos", "IRQ", "COP"),
    ("army commandos", None, "MIL"),
    ("Copts", "EGY", "CVL"),
    ("an IED", None, "UNK"),
])
def test_agent_nouns(resolve, text, code, primary):
    actor = resolve(text)
    assert actor.code == code
    assert actor.sectors[:1] == [primary]
