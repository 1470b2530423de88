"""Actor resolution that needs the sentence around a phrase: pronouns asked about as arguments,
possessors, coordinated nationalities, ethnic groups, places, weapons standing for their users.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from actors_helpers import subtree

from tidings.components.actors import actor_for_span, actors_for_span


def word(doc, text):
    return next(t for t in doc if t.text == text)


def by_id(doc, actor_id):
    return next(a for a in doc._.actors if a.id == actor_id)


# -- pronouns and possessors ----------------------------------------------------------------------

def test_it_is_the_country_that_speaks(nlp):
    doc = nlp("Chile said it would recall its ambassador from Bolivia.")
    it = actor_for_span(doc, doc[word(doc, "it").i:word(doc, "it").i + 1])
    assert (it.code, it.resolved_by) == ("CHL", "coreference")
    assert by_id(doc, it.refers_to).text == "Chile"


def test_a_possessive_pronoun_is_the_subject_of_its_clause(nlp):
    doc = nlp("Turkey launched its offensive against Kurdish fighters on Wednesday.")
    its = word(doc, "its")
    actor = actor_for_span(doc, doc[its.i:its.i + 1])
    assert actor.code == "TUR" and by_id(doc, actor.refers_to).text == "Turkey"


def test_it_in_the_next_sentence_continues_its_subject(nlp):
    doc = nlp("The African Union met Kenyan officials on Monday. It promised support.")
    it = next(t for t in doc if t.lower_ == "it")
    actor = actor_for_span(doc, doc[it.i:it.i + 1])
    assert by_id(doc, actor.refers_to).text == "African Union"


def test_it_is_never_a_person(nlp):
    doc = nlp("President Ruto opened the session. It lasted an hour.")
    it = next(t for t in doc if t.lower_ == "it")
    actor = actor_for_span(doc, doc[it.i:it.i + 1])
    assert actor is None or actor.refers_to is None


def test_a_phrase_possessed_by_a_pronoun_takes_the_owner_country(nlp):
    doc = nlp("Sudan said its forces would pull out of the disputed region.")
    forces = next(a for a in doc._.actors if a.text == "its forces")
    assert (forces.code, forces.sectors, forces.resolved_by) == ("SDN", ["MIL"], "coreference")


# -- coordination ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("French and Egyptian warships shelled rebel positions near the port.", [("FRA", ["MIL"]), ("EGY", ["MIL"])]),
    ("Hungarian and Slovak diplomats met in Vienna on Monday.", [("HUN", ["GOV"]), ("SVK", ["GOV"])]),
])
def test_coordinated_nationalities_are_an_actor_each(nlp, text, expected):
    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert [(a.code, a.sectors) for a in actors_for_span(doc, subtree(subject))] == expected


def test_a_bare_conjunct_shares_the_nationality(nlp):
    doc = nlp("Russian jets and helicopters bombed the town.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert [a.code for a in actors_for_span(doc, subtree(subject))] == ["RUS", "RUS"]


def test_an_anti_prefix_is_no_coordinated_country(nlp):
    doc = nlp("An anti-Syria journalist spoke on television.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert [a.code for a in actors_for_span(doc, subtree(subject))] == [None]


# -- ethnic groups, peoples, places -----------------------------------------------------------------

@pytest.mark.parametrize("text, code, sectors", [
    ("ethnic Hungarians", None, ["CVL"]),  # their country is where they live, not Hungary
    ("ethnic Albanian rebels", None, ["REB"]),
    ("Hungarians", "HUN", ["CVL"]),
    ("Uighur activists", "CHN", ["CVL", "OPP"]),  # peoples living within one state
    ("Yoruba traders", "NGA", ["BUS"]),
    ("the governor of Helmand province", "AFG", ["GOV"]),  # a province (ISO 3166-2)
    ("police in Rawalpindi", "PAK", ["COP"]),
    ("striking miners", None, ["LAB"]),
])
def test_peoples_and_places(resolve, text, code, sectors):
    actor = resolve(text)
    assert (actor.code, actor.sectors) == (code, sectors)


def test_a_province_name_shared_by_two_states_gives_no_country(resolve):
    assert resolve("the government of Punjab province").code is None


def test_a_capital_where_something_happens_is_the_place_not_the_government(nlp):
    doc = nlp("Protesters gathered in Nairobi on Tuesday.")
    nairobi = word(doc, "Nairobi")
    actor = actor_for_span(doc, doc[nairobi.i:nairobi.i + 1])
    assert (actor.code, actor.sectors, actor.resolved_by) == ("KEN", [], "kb")


def test_a_capital_acting_is_still_its_government(nlp):
    doc = nlp("Nairobi rejected the proposal.")
    actor = actor_for_span(doc, doc[0:1])
    assert (actor.code, actor.sectors, actor.resolved_by) == ("KEN", ["GOV"], "metonymy")


# -- weapons standing for their unidentified users ----------------------------------------------------

def test_a_bomb_that_kills_is_an_unidentified_actor(nlp):
    doc = nlp("A roadside bomb near Kandahar killed three soldiers on Monday.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    actor = actor_for_span(doc, subtree(subject))
    assert (actor.code, actor.sectors) == ("AFG", ["UNK"])


def test_a_bomb_that_is_defused_is_no_actor(nlp):
    doc = nlp("Police defused a bomb outside the station.")
    bomb = word(doc, "bomb")
    assert actor_for_span(doc, subtree(bomb)) is None



# -- well-known actors of earlier decades -------------------------------------------------------------

@pytest.mark.parametrize("text, date, code, sectors", [
    ("Boris Yeltsin", "1995-06-01", "RUS", ["GOV"]),
    ("Boris Yeltsin", "2005-06-01", "RUS", ["ELI"]),
    ("Nelson Mandela", "1996-03-01", "ZAF", ["GOV"]),
    ("Slobodan Milosevic", "1998-01-01", "SRB", ["GOV"]),
])
def test_leaders_of_the_nineties(resolve, text, date, code, sectors):
    actor = resolve(text, date)
    assert (actor.code, actor.sectors) == (code, sectors)
