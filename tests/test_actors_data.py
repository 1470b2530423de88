"""The actor data files: every shipped file loads with its schema, errors name file and line, users
add knowledge-base entries of their own, and the PLOVER agents dictionary converts."""

from __future__ import annotations

import textwrap

import pytest

from tidings.actors import actor_at, get_resolver, resolve_actor
from tidings.actors.agents_import import parse_agents
from tidings.actors.data import (AGENT_SCHEMA, COUNTRY_SCHEMA, ENTRY_SCHEMA, MODIFIER_SCHEMA, ORG_PATTERN_SCHEMA,
                                 PARTICLE_SCHEMA, TERRITORY_SCHEMA, load_actor_data, load_entries)
from tidings.errors import DataFileError
from tidings.lexicon import data_path, load, shipped_files
from tidings.model import Actor

SCHEMAS = {
    "countries.tsv": COUNTRY_SCHEMA, "territories.tsv": TERRITORY_SCHEMA, "agent_nouns.tsv": AGENT_SCHEMA,
    "agent_nouns_extra.tsv": AGENT_SCHEMA, "modifiers.tsv": MODIFIER_SCHEMA, "knowledge_base.yaml": ENTRY_SCHEMA,
    "org_patterns.yaml": ORG_PATTERN_SCHEMA, "name_particles.tsv": PARTICLE_SCHEMA,
}


def test_every_shipped_actor_file_has_a_schema_and_loads():
    shipped = {p.name for p in shipped_files() if p.parent.name == "actors"}
    assert shipped == set(SCHEMAS)
    for name, schema in SCHEMAS.items():
        assert load(data_path(f"actors/{name}"), schema), name
    assert (data_path("actors") / "SOURCES.md").exists()


def test_loaded_data_is_complete():
    data = load_actor_data()
    assert len(data.countries) > 190 and len(data.entries) > 200
    assert data.agent_nouns["lawmaker"].sectors == ("LEG",)
    assert data.agent_nouns["deputy"].sectors == ("LEG",)  # the project's table corrects the converted one


def test_role_referring_to_unknown_organisation_is_an_error(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent("""\
        entries:
        - id: someone
          name: Some One
          type: person
          code: IRQ
          roles:
          - {title: leader, org: no-such-group, sectors: [PRM]}
        """), encoding="utf-8")
    with pytest.raises(DataFileError, match="no-such-group") as err:
        load_actor_data((str(path),))
    assert "mine.yaml:2" in err.value.one_line()


def test_bad_sector_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("entries:\n- id: x\n  name: X\n  type: person\n  sectors: [XYZ]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_entries(path)
    assert "bad.yaml:2" in err.value.one_line() and "XYZ" in err.value.one_line()


def test_user_knowledge_base_extends_the_shipped_one(tmp_path, nlp):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent("""\
        entries:
        - id: liwa-al-example
          name: Liwa al-Example
          type: organisation
          aliases: [Example Brigade]
          code: SYR
          sectors: [PRM]
        - id: omar-example
          name: Omar Example
          type: person
          code: SYR
          roles:
          - {title: commander, org: liwa-al-example, sectors: [PRM], start: 2015-03-01, end: 2019-01-01}
        """), encoding="utf-8")
    group = resolve_actor("the Example Brigade", actors_file=str(path), nlp=nlp)
    assert (group.code, group.sectors, group.kb_id) == ("SYR", ["PRM"], "liwa-al-example")
    person = resolve_actor("Omar Example", "2016-01-01", actors_file=str(path), nlp=nlp)
    assert (person.code, person.sectors) == ("SYR", ["PRM"])
    later = resolve_actor("Omar Example", "2020-01-01", actors_file=str(path), nlp=nlp)
    assert later.sectors == ["ELI"]
    assert resolve_actor("the Example Brigade", nlp=nlp).kb_id is None  # not without the file


def test_environment_variable_names_user_files(tmp_path, monkeypatch):
    path = tmp_path / "env.yaml"
    path.write_text("entries:\n- id: env-group\n  name: Envgroup Front\n  type: organisation\n  code: MLI\n"
                    "  sectors: [REB]\n", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_ACTORS", str(path))
    assert get_resolver().kb.lookup("Envgroup Front").code == "MLI"
    monkeypatch.setenv("TIDINGS_ACTORS", str(tmp_path / "missing.yaml"))
    with pytest.raises(DataFileError, match="no such actors file"):
        get_resolver()


@pytest.mark.parametrize("date, sectors", [("2020-01-03", ["GOV"]), ("2021-11-20", ["ELI"]), (None, ["GOV"])])
def test_actor_at_rereads_a_knowledge_base_actor(date, sectors):
    actor = Actor(id="a1", text="Trump", start=0, end=5, code="USA", sectors=["ELI"], kb_id="donald-trump")
    assert actor_at(actor, date).sectors == sectors
    assert actor.sectors == ["ELI"]  # a copy: the original is untouched


def test_actor_at_leaves_other_actors_alone():
    actor = Actor(id="a1", text="Iraqi lawmakers", start=0, end=15, code="IRQ", sectors=["LEG"])
    assert actor_at(actor, "2001-01-01") == actor


def test_office_holder_by_date():
    kb = get_resolver().kb
    assert kb.holder("prime minister", "IRQ", "2021-07-26").id == "mustafa-al-kadhimi"
    assert kb.holder("prime minister", "IRQ", "2023-01-01").id == "mohammed-shia-al-sudani"
    assert kb.holder("secretary general", "hezbollah", "2020-01-01").id == "hassan-nasrallah"


def test_agents_dictionary_conversion():
    lines = [
        "!PERSON! = MAN, MEN",
        "# a comment",
        "LAWMAKER [~LEG]",
        "POLICE!PERSON! [~COP]",
        "DEFENSE_MINISTER [~GOVMIL]  # two sectors",
        "THIEF {THIEVES} [~CRM]",
        "NON_GOVERNMENTAL_ORGANIZATION [~NGO]",
        "MONDAY [~NON]",
    ]
    rows = {r.phrase: r for r in parse_agents(lines)}
    assert rows["lawmaker"].sectors == ("LEG",)
    assert {"policeman", "policemen"} <= set(rows)
    assert rows["defense minister"].sectors == ("GOV", "MIL")
    assert rows["thieves"].sectors == ("CRM",)
    assert rows["non governmental organization"].code == "NGO"
    assert rows["monday"].kind == "none"
