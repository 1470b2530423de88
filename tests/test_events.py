"""The event coder on sentences written for these tests: every PLOVER type, the syntactic cases
the coder must get right, modality, and the derived CAMEO codes."""

from __future__ import annotations

import pytest
from events_helpers import codes


def _events(annotate_text, text):
    return annotate_text(text).events


def _only(annotate_text, text, event_type):
    events = [e for e in _events(annotate_text, text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text!r}: {[(e.event_type, e.trigger.text) for e in _events(annotate_text, text)]}"
    return events[0]


# one sentence per PLOVER type: (sentence, type, trigger word, actor codes, recipient codes, mode)
TYPE_CASES = [
    ("Chile and Peru agreed on Monday to settle their maritime dispute through arbitration.",
     "AGREE", "agreed", {"CHL", "PER"}, set(), None),
    ("The Kenyan foreign minister met his Somali counterpart in Nairobi on Tuesday.",
     "CONSULT", "met", {"KEN"}, {"SOM"}, None),
    ("Germany praised Poland for its handling of the refugee crisis.",
     "SUPPORT", "praised", {"DEU"}, {"POL"}, None),
    ("The Ethiopian government lifted the state of emergency in the Amhara region on Friday.",
     "CONCEDE", "lifted", {"ETH"}, set(), None),
    ("India and Japan held joint naval exercises in the Bay of Bengal.",
     "COOPERATE", "exercises", {"IND", "JPN"}, set(), None),
    ("Canada sent tons of medicine and tents to Turkey after the earthquake, the foreign ministry said.",
     "AID", "sent", {"CAN"}, {"TUR"}, None),
    ("Armenian troops withdrew from three villages near the border on Sunday.",
     "RETREAT", "withdrew", {"ARM"}, set(), "withdraw"),
    ("Egypt urged Ethiopia to halt the filling of the dam until a deal is reached.",
     "REQUEST", "urged", {"EGY"}, {"ETH"}, None),
    ("Pakistan accused India of violating its airspace.",
     "ACCUSE", "accused", {"PAK"}, {"IND"}, None),
    ("Serbia rejected a proposal from Kosovo for direct talks.",
     "REJECT", "rejected", {"SRB"}, {"XKX", "KOS", "RKS"}, None),
    ("North Korea threatened to strike South Korea with missiles.",
     "THREATEN", "threatened", {"PRK"}, {"KOR"}, "violence"),
    ("Thousands of Chilean students protested against the education reform in Santiago.",
     "PROTEST", "protested", {"CHL"}, set(), None),
    ("The European Union imposed sanctions on Belarus over the forced landing of a passenger jet.",
     "SANCTION", "sanctions", {"EUR"}, {"BLR"}, None),
    ("Azerbaijan mobilized army reservists along its border with Armenia.",
     "MOBILIZE", "mobilized", {"AZE"}, set(), "troops"),
    ("Russian police arrested dozens of opposition activists in Moscow on Saturday.",
     "COERCE", "arrested", {"RUS"}, set(), "arrest"),
    ("Israeli jets bombed Hamas positions in the Gaza Strip overnight.",
     "ASSAULT", "bombed", {"ISR"}, {"PSE"}, "aerial"),
]


@pytest.mark.parametrize("text,event_type,trigger,actors,recipients,mode", TYPE_CASES,
                         ids=[case[1] for case in TYPE_CASES])
def test_each_type(annotate_text, text, event_type, trigger, actors, recipients, mode):
    event = _only(annotate_text, text, event_type)
    assert trigger in event.trigger.text
    assert event.trigger.text == text[event.trigger.start:event.trigger.end]
    assert codes(event.actor) == actors
    if recipients:
        assert codes(event.recipient) & recipients
    if mode:
        assert mode in event.mode


def test_all_sixteen_types_covered():
    from tidings.model import EVENT_TYPES

    assert {case[1] for case in TYPE_CASES} == set(EVENT_TYPES)


# --- syntax ------------------------------------------------------------------------------------------

def test_passive_by_agent(annotate_text):
    event = _only(annotate_text, "Two Syrian soldiers were killed by Turkish troops near the border.", "ASSAULT")
    assert codes(event.actor) == {"TUR"}
    assert codes(event.recipient) == {"SYR"}


def test_passive_nominal_with_authorizing_agent(annotate_text):
    text = "Two commanders were killed in a missile strike authorized by the Russian president near Aleppo."
    events = [e for e in _events(annotate_text, text) if e.event_type == "ASSAULT"]
    assert len(events) == 1, "the verb and the nominal strike are one event"
    assert codes(events[0].actor) == {"RUS"}


def test_coordinated_actors(annotate_text):
    event = _only(annotate_text, "France and Germany condemned the coup in Niger.", "ACCUSE")
    assert codes(event.actor) == {"FRA", "DEU"}


def test_coordinated_recipients(annotate_text):
    event = _only(annotate_text, "Iran threatened Israel and the United States with a crushing response.", "THREATEN")
    assert codes(event.actor) == {"IRN"}
    assert codes(event.recipient) == {"ISR", "USA"}


def test_reported_speech_threat_belongs_to_the_factions(annotate_text):
    text = ("A spokesman for the movement stated that Yemeni armed factions would launch attacks against "
            "Saudi forces in case the blockade continues.")
    event = _only(annotate_text, text, "THREATEN")
    assert codes(event.actor) == {"YEM"}
    assert codes(event.recipient) == {"SAU"}
    assert event.modality.hypothetical
    assert event.mode == ["violence"]
    assert not [e for e in _events(annotate_text, text) if e.event_type == "ASSAULT"]


def test_nominal_assassination_of(annotate_text):
    event = _only(annotate_text, "The assassination of the Haitian president by foreign mercenaries shocked the region.",
                  "ASSAULT")
    assert codes(event.recipient) == {"HTI"}
    assert "targeted" in event.mode


def test_nominal_drone_strike_with_national_modifier(annotate_text):
    event = _only(annotate_text, "A Turkish drone strike hit a Kurdish militia convoy in northern Syria.", "ASSAULT")
    assert codes(event.actor) == {"TUR"}
    assert event.mode == ["drone"]


def test_light_verb_launch_an_offensive(annotate_text):
    event = _only(annotate_text, "Ukrainian forces launched an offensive against Russian positions.", "ASSAULT")
    assert codes(event.actor) == {"UKR"}
    assert codes(event.recipient) == {"RUS"}
    assert event.trigger.text == "launched an offensive"


def test_held_responsible_frame(annotate_text):
    event = _only(annotate_text, "Lebanon held Israeli forces responsible for the shelling of the village.", "ACCUSE")
    assert event.trigger.text == "held Israeli forces responsible"
    assert codes(event.actor) == {"LBN"}
    assert codes(event.recipient) == {"ISR"}


def test_called_upon_to_frame(annotate_text):
    event = _only(annotate_text, "The Sudanese government called upon the United Nations to send more peacekeepers.",
                  "REQUEST")
    assert event.trigger.text == "called upon"
    assert codes(event.actor) == {"SDN"}
    assert codes(event.recipient) & {"UNO", "IGO"}


def test_several_events_in_one_sentence(annotate_text):
    text = "Syrian rebels attacked an army checkpoint near Idlib, and Turkey condemned the Syrian government."
    types = [e.event_type for e in _events(annotate_text, text)]
    assert "ASSAULT" in types and "ACCUSE" in types


def test_merely_mentioned_noun_is_no_event(annotate_text):
    text = "The agreement, which gave a new name to the old arrangement, has angered opposition parties in Kenya."
    assert not [e for e in _events(annotate_text, text) if e.event_type == "AGREE"]


def test_content_is_absorbed(annotate_text):
    events = _events(annotate_text, "Iran threatened to launch a new military offensive against Iraq.")
    assert [e.event_type for e in events] == ["THREATEN"]
    assert events[0].mode == ["violence"]


def test_request_directed_at_the_target_of_a_law(annotate_text):
    text = ("Kenyan lawmakers approved a bill that requires the government to end the presence of all "
            "British military forces in the country.")
    event = _only(annotate_text, text, "REQUEST")
    assert codes(event.actor) == {"KEN"}
    assert codes(event.recipient) == {"GBR"}


def test_joint_declaration_is_an_agreement(annotate_text):
    event = _only(annotate_text, "The Greek prime minister and the Turkish president declared that talks would resume.",
                  "AGREE")
    assert codes(event.actor) == {"GRC", "TUR"}


def test_natural_force_is_no_assault(annotate_text):
    assert _events(annotate_text, "An earthquake killed at least 40 people in western Afghanistan on Saturday.") == []


def test_ordinary_crime_is_no_political_event(annotate_text):
    text = "Police arrested a man suspected of stealing cars from a dealership in Leeds, a spokesman said."
    assert _events(annotate_text, text) == []


# --- modality ----------------------------------------------------------------------------------------

def test_negated(annotate_text):
    event = _only(annotate_text, "Hungary did not agree to the new migration pact.", "AGREE")
    assert event.modality.negated


def test_negated_acceptance_is_a_rejection(annotate_text):
    event = _only(annotate_text, "Poland said it will not accept any more migrants from Belarus.", "REJECT")
    assert not event.modality.negated


def test_future_withdrawal_is_future(annotate_text):
    text = "The prime minister said French troops will leave Mali by the end of the year."
    event = next(e for e in _events(annotate_text, text) if "leave" in e.trigger.text)
    assert event.modality.future


def test_conditional_force_is_a_hypothetical_threat(annotate_text):
    event = _only(annotate_text, "China would attack Taiwan if it declared independence, the general said.", "THREATEN")
    assert event.modality.hypothetical
    assert codes(event.actor) == {"CHN"}


def test_might_is_hypothetical(annotate_text):
    event = _only(annotate_text, "Brazil might sign the trade agreement with Argentina next week.", "AGREE")
    assert event.modality.hypothetical


def test_historical_is_left_to_event_time(annotate_text):
    event = _only(annotate_text, "Chile and Peru agreed on Monday to settle their maritime dispute.", "AGREE")
    assert event.modality.historical is False or event.date is not None


# --- derived codes -----------------------------------------------------------------------------------

def test_derived_codes_of_a_threat(annotate_text):
    event = _only(annotate_text, "North Korea threatened to strike South Korea with missiles.", "THREATEN")
    assert (event.cameo, event.quad_class, event.goldstein) == ("138", 3, -7.0)


def test_derived_codes_follow_mode_and_type():
    from tidings.events import derive_codes, event_lexicon, quad_class

    lexicon = event_lexicon()
    assert derive_codes("ASSAULT", ["drone"], [], lexicon).cameo == "195"
    assert derive_codes("COERCE", ["arrest"], [], lexicon).quad_class == 4
    assert derive_codes("AGREE", [], [], lexicon).goldstein == 4.0
    assert quad_class("057") == 1 and quad_class("073") == 2 and quad_class("112") == 3 and quad_class("190") == 4


def test_every_event_has_derived_codes(annotate_text):
    for text, *_ in TYPE_CASES:
        for event in _events(annotate_text, text):
            assert event.cameo and event.quad_class in {1, 2, 3, 4} and event.goldstein is not None, event
