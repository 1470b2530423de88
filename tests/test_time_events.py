"""Time expressions and event dates on real parsed text (sentences written for these tests).

Events are built by hand at their triggers, so these tests do not depend on the event coder.
"""

from __future__ import annotations

import pytest

from tidings.extensions import records
from tidings.model import Article, Event, TextSpan
from tidings.timex.event_dates import date_events, event_offset

PUBLISHED = "2021-11-20"


def parse(nlp, text: str, published: str | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text, published=published)
    return nlp(doc)


def event_at(text: str, trigger: str, event_type: str = "CONSULT", occurrence: int = 0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    return Event(id=f"x{start}", event_type=event_type, trigger=TextSpan(trigger, start, start + len(trigger)),
                 sentence=0)


def dated(nlp, text: str, triggers: list[tuple[str, str]], published: str | None = PUBLISHED):
    doc = parse(nlp, text, published)
    events = [event_at(text, trigger, kind) for trigger, kind in triggers]
    date_events(doc, events, records(doc, "timexes"), published)
    return doc, events


def timex_values(nlp, text: str, published: str | None = PUBLISHED):
    return [(t.text, t.value) for t in records(parse(nlp, text, published), "timexes")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister resigned on Friday after a week of protests.", [("Friday", "2021-11-19"), ("a week", "P1W")]),
        ("The minister will resign on Friday.", [("Friday", "2021-11-26")]),
        ("Trade talks collapsed last year's summer.", [("last year's summer", "2020-SU")]),
        ("Talks resume this summer.", [("this summer", "2021-SU")]),
        ("A hot spring flooded the road.", []),  # "spring" as a plain noun is no season
        ("Fighting eased in winter and resumed in spring.", [("winter", "2020-WI"), ("spring", "2021-SP")]),
        ("May I say that the ceasefire held in May?", [("May", "2021-05")]),
        ("Troops will stay until March.", [("March", "2022-03")]),
        ("The hearing on June 3 was postponed twice in 2019.", [("June 3", "2021-06-03"), ("2019", "2019")]),
        ("Flight 1549 landed safely, carrying 2000 passengers.", []),
        ("Parliament met on 12 March 2018 and again the next day.", [("12 March 2018", "2018-03-12"),
                                                                       ("the next day", "2018-03-13")]),
    ],
)
def test_timexes_in_context(nlp, text, expected):
    assert timex_values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what the parse rules out: an age, a fraction, a verb, a name, a gap
        ("The 23-year-old protester was held for 48 hours.", [("48 hours", "PT48H")]),
        ("The firm will close about a quarter of its 3,200 shops.", []),
        ("The talks could last several more days.", [("several more days", "PXD")]),
        ("The Russell 2000 Index fell 3% in 2019.", [("2019", "2019")]),
        ("Police arrived shortly after the blast.", []),
        ("The Arab Spring began in winter.", [("winter", "2020-WI")]),
        # what it turns into a rate or a reference
        ("The plant makes 15 tanks a year.", [("a year", "P1Y")]),
        ("Profit rose in the third quarter from a year earlier.", [("the third quarter", "2021-Q3"),
                                                                   ("a year earlier", "2020-Q3")]),
        ("Sales rose in the first half of 2021 from the same period of 2020.",
         [("the first half of 2021", "2021-H1"), ("the same period of 2020", "2020-H1")]),
        ("The deal will close on June 10. If no price is agreed by that time, talks end.",
         [("June 10", "2022-06-10"), ("that time", "2022-06-10")]),
        ("The ship arrives on November 28, three days later than planned.",
         [("November 28", "2021-11-28"), ("three days later than planned", "2021-11-28")]),
        ("Militants fired rockets over the weekend, the army said.", [("the weekend", "2021-W46-WE")]),
        ("The summit is held every two years and costs $2 billion annually.",
         [("every two years", "P2Y"), ("annually", "P1Y")]),
    ],
)
def test_timexes_read_with_the_parse(nlp, text, expected):
    assert timex_values(nlp, text) == expected


def test_annual_is_a_set_for_events_and_a_duration_for_amounts(nlp):
    text = "Officials met at the annual summit. The firm reported annual profit of $2 billion."
    assert [(t.text, t.type, t.value) for t in records(parse(nlp, text), "timexes")] == [
        ("annual", "SET", "P1Y"), ("annual", "DURATION", "P1Y")]


def test_model_misreadings_are_not_dates(nlp):
    # the model may label "We" or a bare weekday phrase oddly; only real time words survive
    found = timex_values(nlp, "We said we would talk. We will see.")
    assert found == []


def test_timex_records_carry_ids_offsets_and_granularity(nlp):
    text = "Protesters gathered outside parliament on November 2, and returned back in July."
    doc = parse(nlp, text)
    timexes = records(doc, "timexes")
    assert [t.id for t in timexes] == ["t1", "t2"]
    for t in timexes:
        assert text[t.start:t.end] == t.text
    assert [(t.value, t.granularity) for t in timexes] == [("2021-11-02", "day"), ("2021-07", "month")]


def test_relative_expressions_without_publication_date(nlp):
    doc = parse(nlp, "The army withdrew last week, months after the accord of May 4, 2019.", published=None)
    values = {t.text: (t.value, t.relation) for t in records(doc, "timexes")}
    assert values["last week"] == (None, "unresolved")
    assert values["May 4, 2019"] == ("2019-05-04", None)


# -- event dates ------------------------------------------------------------------------------------

def test_explicit_date_attached_to_the_verb(nlp):
    text = "On October 9, rebels shelled the northern town. The government condemned the shelling."
    _, (shelled, condemned) = dated(nlp, text, [("shelled", "ASSAULT"), ("condemned", "ACCUSE")])
    assert (shelled.date.value, shelled.date.resolved_by, shelled.date.timex) == ("2021-10-09", "relative", "t1")
    assert (condemned.date.value, condemned.date.resolved_by) == ("2021-11-20", "publication")


def test_noun_trigger_inside_the_dated_clause(nlp):
    text = "Two officers were killed on March 8, 2019, in a bomb attack claimed by the group."
    _, (attack,) = dated(nlp, text, [("attack", "ASSAULT")])
    assert (attack.date.value, attack.date.resolved_by, attack.date.granularity) == ("2019-03-08", "explicit", "day")
    assert attack.modality.historical


def test_anchored_to_an_earlier_event(nlp):
    text = ("Gunmen stormed the embassy on April 2, 2016. Three days after the raid, the parliament voted to "
            "expel the ambassador.")
    doc, (stormed, voted) = dated(nlp, text, [("stormed", "ASSAULT"), ("voted", "SANCTION")])
    assert stormed.date.value == "2016-04-02"
    assert (voted.date.value, voted.date.resolved_by) == ("2016-04-05", "anchored")
    relative = next(t for t in records(doc, "timexes") if t.text.startswith("Three days"))
    assert relative.value == "2016-04-05" and voted.date.timex == relative.id


def test_anchor_found_through_an_uncoded_noun(nlp):
    # the strike was not coded as an event; its noun and its clause's date still anchor the offset
    text = ("The convoy was hit on May 14, 2020, in an air strike near the border. A day after the attack, "
            "the ministry summoned the envoy.")
    _, (summoned,) = dated(nlp, text, [("summoned", "CONSULT")])
    assert (summoned.date.value, summoned.date.resolved_by) == ("2020-05-15", "anchored")


def test_deadline_dates_the_future_event_not_the_agreement(nlp):
    text = "The two governments agreed that foreign troops will leave the country by the end of this year."
    _, (agreed, leave) = dated(nlp, text, [("agreed", "AGREE"), ("leave", "RETREAT")])
    assert (leave.date.value, leave.date.relation, leave.date.granularity) == ("2021-12-31", "deadline", "day")
    assert (agreed.date.value, agreed.date.resolved_by) == ("2021-11-20", "publication")
    assert not leave.modality.historical


def test_relative_clause_date_stays_in_its_clause(nlp):
    text = "The deal angered the militias, which had fought the insurgents in 2014."
    _, (angered, fought) = dated(nlp, text, [("angered", "ACCUSE"), ("fought", "ASSAULT")])
    assert fought.date.value == "2014"
    assert angered.date.resolved_by == "publication"


def test_future_event_without_date_points_after_publication(nlp):
    text = "The opposition will boycott the vote, its leader said."
    _, (boycott,) = dated(nlp, text, [("boycott", "PROTEST")])
    assert (boycott.date.value, boycott.date.resolved_by, boycott.date.relation) == ("2021-11-20", "publication", "after")


def test_no_publication_date_marks_events_unresolved(nlp):
    text = "Police arrested the editor on Monday. The arrest followed a raid on January 5, 2021."
    _, (arrested, raid) = dated(nlp, text, [("arrested", "COERCE"), ("raid", "COERCE")], published=None)
    assert (arrested.date.value, arrested.date.resolved_by) == (None, "unresolved")
    assert raid.date.value == "2021-01-05"


@pytest.mark.parametrize(
    "text, published, historical",
    [
        ("The talks took place in August.", "2021-11-20", True),  # about three months before
        ("The talks took place on November 2.", "2021-11-20", False),  # 18 days: recent, not historical
        ("The talks took place recently.", "2021-11-20", False),  # PAST_REF is not a calendar date
    ],
)
def test_historical_means_well_before_publication(nlp, text, published, historical):
    _, (talks,) = dated(nlp, text, [("talks", "CONSULT")], published)
    assert talks.modality.historical is historical


def test_event_offset_reads_the_expression():
    offset = event_offset("two weeks before the election")
    assert (offset.amount, offset.unit, offset.sign, offset.noun) == (2.0, "W", -1, "election")


def test_components_run_in_the_pipeline(annotate_text):
    annotation = annotate_text("Rebels attacked the base on 4 June 2020, officials said on Friday.",
                               published="2021-11-20")
    assert [(t.text, t.value) for t in annotation.timexes] == [("4 June 2020", "2020-06-04"),
                                                               ("Friday", "2021-11-19")]
    for event in annotation.events:
        assert event.date is not None


def test_empty_and_undated_documents(annotate_text):
    assert annotate_text("", published=None).timexes == []
    annotation = annotate_text("Elections were held in 2019 and again last year.", published=None)
    assert [(t.text, t.value, t.relation) for t in annotation.timexes] == [("2019", "2019", None),
                                                                          ("last year", None, "unresolved")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, published, trigger, sectors",
    [
        ("On January 3, 2020, a drone strike authorized by former US president Donald Trump killed two "
         "commanders near Baghdad.", "2021-11-20", "killed", ["GOV"]),
        ("Former president Barack Obama criticised the ruling on Tuesday.", "2021-11-20", "criticised", ["ELI"]),
    ],
)
def test_participants_hold_the_office_of_the_event_date(annotate_text, text, published, trigger, sectors):
    annotation = annotate_text(text, published=published)
    event = next(e for e in annotation.events if trigger in e.trigger.text)
    assert event.actor and event.actor[0].sectors[:1] == sectors
