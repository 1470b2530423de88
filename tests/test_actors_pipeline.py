"""Actors in articles: mentions in document order, coreference, the span contract other components
use, and the reference article's gold actors. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from actors_helpers import subtree

from tidings.components.actors import actor_for_span, actors_for_span


def actors_of(annotation):
    return {a.text: a for a in annotation.actors}


def test_mentions_in_document_order_with_ids(annotate_text):
    annotation = annotate_text("Iraqi lawmakers met US envoys on Monday. The soldiers arrived with 300 tonnes of aid.")
    texts = [a.text for a in annotation.actors]
    assert texts[:3] == ["Iraqi lawmakers", "US envoys", "soldiers"]
    assert [a.id for a in annotation.actors] == [f"a{i}" for i in range(1, len(annotation.actors) + 1)]
    assert not any("Monday" in t or "tonnes" in t or "aid" == t for t in texts)


def test_apposition_and_pronoun(annotate_text):
    annotation = annotate_text("Karim Haddad, a senior member of the Lebanese parliament, met the delegation on "
                               "Monday. He said the talks were useful.")
    actors = actors_of(annotation)
    haddad, he = actors["Karim Haddad"], actors["He"]
    assert (haddad.code, haddad.sectors, haddad.resolved_by) == ("LBN", ["LEG"], "apposition")
    assert he.refers_to == haddad.id and (he.code, he.sectors, he.resolved_by) == ("LBN", ["LEG"], "coreference")


def test_the_latter(annotate_text):
    annotation = annotate_text("Iraqi resistance factions threatened US forces in case the latter stayed.")
    actors = actors_of(annotation)
    assert actors["latter"].refers_to == actors["US forces"].id
    assert actors["latter"].code == "USA" and actors["Iraqi resistance factions"].sectors == ["REB"]


def test_we_in_a_quote_is_its_speaker(annotate_text):
    annotation = annotate_text("“We will not surrender,” Hassan Mirza, the spokesman of the Badr Organization, said.")
    actors = actors_of(annotation)
    mirza = actors["Hassan Mirza"]
    assert (mirza.code, mirza.sectors[0]) == ("IRQ", "PRM")  # a spokesman speaks for his organisation
    assert actors["We"].refers_to == mirza.id


def test_description_refers_to_the_named_office_holder(annotate_text):
    annotation = annotate_text("The prime minister (Mustafa al-Kadhimi) met tribal leaders in Basra. Later the "
                               "Iraqi prime minister flew to Tehran.", published="2021-05-01")
    first, second = [a for a in annotation.actors if "prime minister" in a.text]
    assert (first.name, first.kb_id, first.code, first.sectors) == ("Mustafa Al-Kadhimi", "mustafa-al-kadhimi",
                                                                     "IRQ", ["GOV"])
    assert second.refers_to == first.id


def test_surname_joins_the_full_name(annotate_text):
    annotation = annotate_text("Akram al-Kaabi criticised the decision on Sunday. Al-Kaabi said the occupation "
                               "must end.", published="2021-11-20")
    full, short = annotation.actors[0], annotation.actors[1]
    assert short.text == "Al-Kaabi" and short.refers_to == full.id and short.code == "IRQ"


@pytest.mark.parametrize("text, expected", [
    ("Baghdad and Washington said in a joint statement that the talks had ended.",
     [("Baghdad", "IRQ"), ("Washington", "USA")]),
    ("Washington's attempts to stay must be rejected, the lawmakers said.", [("Washington", "USA")]),
])
def test_capitals_acting_are_their_governments(annotate_text, text, expected):
    annotation = annotate_text(text)
    capitals = [(a.text, a.code) for a in annotation.actors if a.resolved_by == "metonymy"]
    assert capitals == expected
    assert all(a.sectors == ["GOV"] for a in annotation.actors if a.resolved_by == "metonymy")


def test_places_are_not_actors(annotate_text):
    annotation = annotate_text("American troops in Iraq stayed at the base near Baghdad.")
    assert [a.text for a in annotation.actors] == ["American troops"]


def test_roles_at_the_publication_date(annotate_text):
    annotation = annotate_text("Donald Trump spoke to reporters.", published="2019-05-01")
    assert annotation.actors[0].sectors == ["GOV"]
    annotation = annotate_text("Donald Trump spoke to reporters.", published="2022-05-01")
    assert annotation.actors[0].sectors == ["ELI"]


def test_dateline_outlet_is_a_journalist_actor(annotate_text):
    annotation = annotate_text("BAGHDAD (Reuters) - Gunmen killed two policemen near the airport.")
    actors = actors_of(annotation)
    assert (actors["Reuters"].code, actors["Reuters"].sectors) == ("GBR", ["JRN"])
    assert actors["Gunmen"].sectors == ["UAF"] and actors["two policemen"].sectors == ["COP"]


def test_empty_and_odd_input(nlp):
    for text in ["", "   ", "...", "12 34"]:
        doc = nlp(text)
        assert doc._.actors == []


# -- the span contract ----------------------------------------------------------------------------

def test_actor_for_span_of_subject_and_object(nlp):
    doc = nlp("The secretary general of Iraq's Harakat Hezbollah al-Nujaba resistance group held US occupation "
              "forces responsible for the attacks.")
    verb = next(t for t in doc if t.lemma_ == "hold")
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    obj = next(c for c in verb.children if c.dep_ == "dobj")
    actor = actor_for_span(doc, subtree(subject))
    assert (actor.code, actor.sectors) == ("IRQ", ["PRM", "REB"])
    target = actor_for_span(doc, subtree(obj))
    assert (target.code, target.sectors, target.text) == ("USA", ["MIL"], "US occupation forces")
    assert actor in doc._.actors and target in doc._.actors


def test_actor_for_span_of_an_apposition_is_the_named_actor(nlp):
    doc = nlp("Fadel Jaber, a member of Sadeqoun coalition at the Iraqi parliament, told reporters it would.")
    jaber = actor_for_span(doc, subtree(doc[1]))
    member = actor_for_span(doc, subtree(next(t for t in doc if t.text == "member")))
    assert member is jaber and (jaber.code, jaber.sectors[0]) == ("IRQ", "LEG")


def test_actor_for_span_creates_missing_actors_with_next_id(nlp):
    doc = nlp("The US mission in Iraq will change.")
    before = len(doc._.actors)
    actor = actor_for_span(doc, doc[1:3])
    assert actor.code == "USA" and actor.id == f"a{before + 1}" and len(doc._.actors) == before + 1
    assert actor_for_span(doc, doc[1:3]) is actor  # asked again: the same record


def test_actors_for_span_splits_coordinations(nlp):
    doc = nlp("US President Joe Biden and the Iraqi prime minister declared the mission over.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    actors = actors_for_span(doc, subtree(subject))
    assert [(a.code, a.sectors) for a in actors] == [("USA", ["GOV"]), ("IRQ", ["GOV"])]


def test_coordinated_countries_get_an_actor_each(nlp):
    doc = nlp("US and British forces must ensure security.")
    british = actor_for_span(doc, doc[2:4])
    assert (british.code, british.sectors) == ("GBR", ["MIL"])
    assert actor_for_span(doc, doc[0:4]).code == "USA"


def test_pronoun_span_comes_back_linked(nlp):
    doc = nlp("Fadel Jaber spoke to reporters. He warned that the deal would fail.")
    he = actor_for_span(doc, doc[6:7])
    assert he.refers_to is not None
    assert next(a for a in doc._.actors if a.id == he.refers_to).text == "Fadel Jaber"


# -- the reference article --------------------------------------------------------------------------

def test_every_gold_actor_of_the_reference_article_is_resolved_acceptably(reference_annotation, reference_gold):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "actors.py"
    spec = importlib.util.spec_from_file_location("actors_benchmark", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    table = benchmark.reference_table(reference_annotation, reference_gold)
    failures = [(name, found) for name, ok, found in table["rows"] if not ok]
    assert failures == []


def test_reference_article_resolutions_are_explained(reference_annotation):
    from tidings.actors import RESOLVED_BY

    text = reference_annotation.article.text
    for actor in reference_annotation.actors:
        assert text[actor.start:actor.end] == actor.text
        if actor.code or actor.sectors:
            assert actor.resolved_by in RESOLVED_BY
            assert actor.evidence is not None
            assert text[actor.evidence.start:actor.evidence.end] == actor.evidence.text


def test_reference_article_key_links(reference_annotation):
    actors = {a.id: a for a in reference_annotation.actors}
    by_text = {}
    for a in reference_annotation.actors:
        by_text.setdefault(a.text, a)
    assert by_text["He"].refers_to == by_text["Fadel Jaber"].id
    assert by_text["latter"].code == "USA"
    secretary = next(a for a in reference_annotation.actors if a.text.startswith("secretary general"))
    assert actors[secretary.refers_to].text == "Akram al-Kaabi"
    trump = next(a for a in reference_annotation.actors if a.name == "Donald Trump")
    assert trump.sectors == ["ELI"]  # former, at the publication date
