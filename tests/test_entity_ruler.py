"""The entity ruler fixes the small model's entities: Arabic organisation names, outlets, datelines.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tidings.components.entity_ruler import EntityFixer


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, name, kb_id", [
    ("Asa'ib Ahl al-Haq said it would respond.", "Asa'ib Ahl al-Haq", "asaib-ahl-al-haq"),
    ("Fighters of Kataib Hezbollah fired rockets.", "Kataib Hezbollah", "kataib-hezbollah"),
    ("Daesh claimed the bombing in a statement.", "Daesh", "islamic-state"),
    ("The Popular Mobilization Units deployed north of the city.", "Popular Mobilization Units",
     "popular-mobilization-units"),
    ("He told the al-Maalomah news agency that talks had failed.", "al-Maalomah news agency", "al-maalomah"),
    ("Tasnim reported the visit.", "Tasnim", "tasnim"),
])
def test_knowledge_base_names_become_organisations(nlp, text, name, kb_id):
    doc = nlp(text)
    match = [e for e in doc.ents if e.text == name]
    assert match and match[0].label_ == "ORG" and match[0].kb_id_ == kb_id


@pytest.mark.parametrize("text, name", [
    ("Jaish al-Mahdi fighters attacked the base.", "Jaish al-Mahdi"),
    ("A spokesman for Saraya Awliya al-Dam denied the claim.", "Saraya Awliya al-Dam"),
    ("Liwa Fatemiyoun sent more men to the front.", "Liwa Fatemiyoun"),
    ("Harakat al-Nujaba Secretary General Akram al-Kaabi spoke.", "Harakat al-Nujaba"),
])
def test_organisation_openers_from_data(nlp, text, name):
    doc = nlp(text)
    assert (name, "ORG") in ents(doc)


def test_dateline_place_and_outlet(nlp):
    doc = nlp("TEHRAN (Tasnim) – Iranian officials rejected the claim.")
    assert ("TEHRAN", "GPE") in ents(doc)
    tasnim = next(e for e in doc.ents if e.text == "Tasnim")
    assert tasnim.label_ == "ORG" and tasnim.kb_id_ == "tasnim"


def test_a_known_name_inside_a_longer_organisation_name_is_left_alone(nlp):
    doc = nlp("The Indian National Congress won the vote.")
    assert not any(e.kb_id_ == "us-congress" for e in doc.ents)


def test_lower_case_words_are_not_capitalised_names(nlp):
    doc = nlp("The roof truss collapsed under the snow.")
    assert not any(e.kb_id_ == "liz-truss" for e in doc.ents)


def test_shared_names_are_left_for_the_resolver(nlp):
    doc = nlp("Bush met the press.")
    bush = next(e for e in doc.ents if e.text == "Bush")
    assert bush.label_ == "PERSON" and bush.kb_id_ == ""  # two presidents: the date decides


def test_other_model_entities_stay(nlp):
    doc = nlp("On Monday, Daesh attacked a village near Kirkuk.")
    labels = dict(ents(doc))
    assert labels.get("Monday") == "DATE" and labels.get("Daesh") == "ORG"


def test_a_fixer_never_breaks_on_odd_input(nlp):
    fixer = EntityFixer(nlp, "test")
    for text in ["", " ", "Harakat", "Harakat al-", "al-"]:
        doc = fixer(nlp.make_doc(text))
        assert doc.text == text
