"""Places in parsed articles: detection, resolution, metonymy, the dateline, and event location.

Sentences written for these tests; each pins what a careful reader would say about a place name.
"""

from __future__ import annotations

import pytest
from places_helpers import parsed as _doc

from tidings.extensions import records
from tidings.model import Event, TextSpan
from tidings.places import distance_km, locate_events, place_for_span


def _place(doc, text: str, occurrence: int = 1):
    found = [p for p in records(doc, "places") if p.text == text]
    assert len(found) >= occurrence, f"{text!r} not among {[p.text for p in records(doc, 'places')]}"
    return found[occurrence - 1]


# -- resolution in context -------------------------------------------------------------------

@pytest.mark.parametrize("text, name, country, feature, point", [
    ("The talks will take place in Washington next week, officials said.",
     "Washington", "USA", "city", (38.895, -77.036)),
    ("Wildfires forced evacuations in Washington state, near Spokane.",
     "Washington", "USA", "admin1", (47.5, -120.5)),
    ("Georgia's president met Russian envoys in Tbilisi.", "Georgia", "GEO", "country", (42.0, 43.5)),
    ("Storms hit Atlanta and much of Georgia overnight.", "Georgia", "USA", "admin1", (32.75, -83.5)),
    ("A tornado struck Paris, Texas, on Friday.", "Paris", "USA", "city", (33.661, -95.556)),
    ("Militias clashed in Tripoli, and flights at Mitiga airport were diverted to Misrata.",
     "Tripoli", "LBY", "city", (32.885, 13.180)),
    ("Troops deployed in Tripoli, in the north of Lebanon, after clashes near the Syrian border.",
     "Tripoli", "LBN", "city", (34.437, 35.850)),
    ("A steel mill in Sydney, Nova Scotia, will close.", "Sydney", "CAN", "city", (46.136, -60.194)),
    ("A drone hit Ain al-Asad air base in Anbar province.", "Anbar", "IRQ", "admin1", (33.76, 42.04)),
    ("A drone hit Ain al-Asad air base in Anbar province.", "Ain al-Asad air base", "IRQ", "military_base",
     (33.786, 42.441)),
    ("Lorries waited at the Rafah crossing for a third day.", "Rafah crossing", "PSE", "border_crossing",
     (31.247, 34.259)),
    ("Aid flights landed in Teheran and Kiev.", "Kiev", "UKR", "city", (50.450, 30.524)),
])
def test_places_are_resolved_by_context(nlp, text, name, country, feature, point):
    place = _place(_doc(nlp, text), name)
    assert (place.country, place.feature) == (country, feature)
    assert distance_km(place.lat, place.lon, *point) < 161


def test_mislabelled_towns_are_found_in_lists_and_after_prepositions(nlp):
    doc = _doc(nlp, "Hundreds of thousands marched in Paris, Lyon and Marseille, and strikes halted trains "
                    "between the capital and Bordeaux.")
    found = {p.text: p.country for p in records(doc, "places")}
    assert found == {"Paris": "FRA", "Lyon": "FRA", "Marseille": "FRA", "Bordeaux": "FRA"}


def test_nationality_words_are_not_places(nlp):
    doc = _doc(nlp, "Iraqi and American officials met Kurdish leaders.")
    assert records(doc, "places") == []


def test_a_surname_is_not_a_town(nlp):
    doc = _doc(nlp, "Chief executive Fritz Henderson spoke on Monday. Henderson said the company would survive.")
    assert [p.text for p in records(doc, "places")] == []


def test_acronyms_of_organisations_are_not_towns(nlp):
    doc = _doc(nlp, "Boeing filed a protest with the GAO, and the GAO upheld it.")
    assert records(doc, "places") == []


# -- metonymy --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, occurrence, role", [
    ("Washington said on Monday that it would not extend the deadline.", "Washington", 1, "metonymy"),
    ("They say Washington’s attempts to prolong the presence of its forces must be rejected.",
     "Washington", 1, "metonymy"),
    ("Baghdad and Washington said in a joint statement that the mission would end.", "Baghdad", 1, "metonymy"),
    ("Baghdad and Washington said in a joint statement that the mission would end.", "Washington", 1, "metonymy"),
    ("Sanctions imposed by Moscow hit European farmers.", "Moscow", 1, "metonymy"),
    ("The minister urged Tehran to return to the talks.", "Tehran", 1, "metonymy"),
    ("Talks with Kyiv will resume next week.", "Kyiv", 1, "metonymy"),
    ("Chile reinforced its border crossing.", "Chile", 1, "metonymy"),
    ("The prime minister agreed with the US side in Washington that troops would leave.", "Washington", 1,
     "mention"),
    ("Iraq's parliament voted to expel foreign troops.", "Iraq", 1, "mention"),
    ("US forces left the base.", "US", 1, "mention"),
    ("Heavy rain flooded streets in Baghdad.", "Baghdad", 1, "mention"),
    ("Buffalo escaped the worst of the storm.", "Buffalo", 1, "mention"),
])
def test_metonymy_is_marked(nlp, text, name, occurrence, role):
    # a place that is no actor may also have become an event's location
    found = _place(_doc(nlp, text), name, occurrence).role
    assert found == role or (role == "mention" and found == "event_location")


# -- the dateline ----------------------------------------------------------------------------

def test_an_all_caps_dateline_is_a_place_with_its_region(nlp):
    doc = _doc(nlp, "MOSUL, Iraq (Tidings Wire) — Gunmen attacked a checkpoint on Sunday, police said.")
    mosul = _place(doc, "MOSUL")
    assert (mosul.role, mosul.country, mosul.name) == ("dateline", "IRQ", "Mosul")
    assert _place(doc, "Iraq").feature == "country"


def test_the_dateline_decides_an_ambiguous_town(nlp):
    doc = _doc(nlp, "PARIS, Texas (Tidings Wire) — A tornado tore through the town late on Friday.")
    paris = _place(doc, "PARIS")
    assert paris.country == "USA" and paris.role == "dateline"


# -- spans and odd input ---------------------------------------------------------------------

def test_place_for_span(nlp):
    doc = _doc(nlp, "Protesters gathered near Baghdad International Airport on Friday.")
    span = doc[3:6]
    assert span.text == "Baghdad International Airport"
    assert place_for_span(doc, span).feature == "airport"
    assert place_for_span(doc, doc[0:1]) is None


@pytest.mark.parametrize("text", ["", "   \n\n ", "...", "the and of"])
def test_odd_input_gives_no_places(nlp, text):
    assert records(_doc(nlp, text), "places") == []


# -- event location --------------------------------------------------------------------------

def _located(nlp, text: str, trigger: str, occurrence: int = 1):
    """Parse ``text`` with the pipeline, replace its events with one built by hand on ``trigger``,
    and locate it."""
    doc = _doc(nlp, text)
    start = -1
    for _ in range(occurrence):
        start = doc.text.index(trigger, start + 1)
    event = Event(id="e1", event_type="ASSAULT", trigger=TextSpan(trigger, start, start + len(trigger)), sentence=0)
    doc._.events = [event]
    locate_events(doc)
    place = next((p for p in records(doc, "places") if event.location and p.id == event.location.place), None)
    return event, place


@pytest.mark.parametrize("text, trigger, place_text, reason", [
    ("The prime minister has agreed with the US side in Washington that troops will leave.", "agreed",
     "Washington", "preposition"),
    ("A drone strike near Baghdad International Airport killed two commanders.", "strike",
     "Baghdad International Airport", "preposition"),
    ("Russian forces attacked Kharkiv overnight.", "attacked", "Kharkiv", "preposition"),
    ("Protesters gathered outside the embassy, and police in Basra fired tear gas.", "gathered", "Basra",
     "sentence"),
    ("Fighting broke out in Idlib on Sunday. Rebels said they shelled army positions.", "shelled", "Idlib",
     "paragraph"),
])
def test_event_location_and_its_reason(nlp, text, trigger, place_text, reason):
    event, place = _located(nlp, text, trigger)
    assert event.location is not None and event.location.reason == reason
    assert place.text == place_text and place.role == "event_location"


def test_the_dateline_is_only_a_marked_fallback(nlp):
    event, place = _located(nlp, "AMMAN (Tidings Wire) — The minister condemned the decision on Sunday.",
                            "condemned")
    assert event.location.reason == "dateline"
    assert place.name == "Amman" and place.role == "dateline"


def test_an_actor_or_a_modifier_is_never_the_location(nlp):
    event, place = _located(nlp, "Washington condemned the attack by US troops.", "condemned")
    assert event.location is None and place is None
    assert {p.role for p in records(_doc(nlp, "Washington condemned the attack."), "places")} == {"metonymy"}


def test_reference_article_places(reference_annotation, reference_gold):
    """Every gold place of the reference article, within 50 km; Washington the city where the
    agreement was made; both metonymic uses marked."""
    places = reference_annotation.places
    text = reference_annotation.article.text
    for gold in reference_gold["places"]:
        same = [p for p in places if p.name == gold["name"] and p.role != "metonymy"]
        assert same, gold["name"]
        if gold.get("lat") is not None:
            assert all(distance_km(p.lat, p.lon, gold["lat"], gold["lon"]) < 50 for p in same), gold["name"]
        assert all(p.country == gold["country"] for p in same)
    agreement = next(p for p in places if text[p.start - 3:p.start] == "in " and p.text == "Washington")
    assert (agreement.feature, agreement.role) == ("city", "event_location")
    attempts = text.index("Washington’s attempts")
    joint = text.index("Baghdad and Washington said")
    roles = {p.start: p.role for p in places}
    assert roles[attempts] == roles[joint] == roles[joint + len("Baghdad and ")] == "metonymy"
    assert next(p for p in places if p.text == "TEHRAN").role == "dateline"
