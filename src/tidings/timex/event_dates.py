"""Each event's own date: from a time expression attached to its trigger, from another event
("two days after the attack"), or, failing both, the publication date (marked as such).

Attachment is read from the parse. A time expression reaches the word it modifies through
prepositions and adverbs ("Back in July, they declared" → *declared*). It dates an event when that
word is the trigger's head, or when the two are joined without crossing a clause boundary: a gerund
under a preposition ("a role in defeating them in 2017"), or a noun trigger that is an argument of
the dated verb ("targeted on January 3 in a drone strike" → *strike*). A time in a subordinate or
complement clause dates only that clause's events ("agreed that troops will leave by the end of
the year" dates *leave*, not *agreed*).

Historical: an event is marked historical when its date (the last day of its period) lies more
than ``HISTORICAL_DAYS`` days before publication and is a calendar date (not PAST_REF, not the
publication-date fallback).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..model import Event, EventDate, TimeExpression
from . import calendar as cal
from .detect import find_candidates
from .normalise import number_of, unit_of
from .tense import verb_direction
from .vocabulary import vocabulary

#: how long before publication an event must lie to count as historical (days)
HISTORICAL_DAYS = 30
#: parts of speech a time expression passes through on its way to the word it modifies
_LINKS = frozenset({"ADP", "ADV", "SCONJ", "PART", "DET", "PUNCT", "NUM"})
#: arcs that stay inside a clause from a modifier down to the word it modifies
_MODIFIER_ARCS = frozenset({"prep", "pobj", "pcomp", "npadvmod", "advmod", "tmod", "obl", "nmod"})
#: arcs by which a noun trigger is an argument of its clause's verb
_ARGUMENT_ARCS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "oprd", "agent", "npadvmod",
                            "dative", "obj"})
_REFERENCE_RELATIONS = {"PAST_REF": "before", "FUTURE_REF": "after"}
_VAGUE = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
#: a time after "since" or "until" bounds an event; it is not the event's date
_NOT_THE_DATE = frozenset({"since", "until", "unresolved"})


@dataclass
class _Attached:
    timex: TimeExpression
    distance: int


def date_events(doc: Doc, events: list[Event], timexes: list[TimeExpression], published: str | None) -> None:
    """Fill ``event.date`` and ``event.modality.historical`` for every event (in place).

    Time expressions anchored to an event ("two days after the attack") get their value here too.
    """
    anchor = cal.parse_iso(published)
    spans = {t.id: doc.char_span(t.start, t.end, alignment_mode="expand") for t in timexes}
    targets = {t.id: _target(spans[t.id]) for t in timexes if spans[t.id] is not None}
    pending = []
    for event in sorted(events, key=lambda e: e.trigger.start):
        head = _trigger_head(doc, event)
        attached = _attached_timexes(head, timexes, targets) if head is not None else []
        dated = next((a for a in attached if a.timex.value is not None or _is_event_relative(a.timex)), None)
        if dated is not None and dated.timex.value is None:
            pending.append((event, dated.timex))
            continue
        if dated is not None:
            event.date = _date_from(dated.timex, anchor)
        else:
            inherited = _narrative_time(doc, head, timexes, anchor) if head is not None else None
            event.date = _date_from(inherited, anchor) if inherited else _fallback(event, head, anchor)
    for timex in timexes:  # resolve "two days after the attack" once the earlier events are dated
        if timex.value is None and _is_event_relative(timex):
            _resolve_event_relative(doc, timex, events)
    for event, timex in pending:
        head = _trigger_head(doc, event)
        if timex.value is not None:
            event.date = EventDate(timex.value, timex.granularity, resolved_by="anchored", timex=timex.id)
        else:
            event.date = _fallback(event, head, anchor)
    for event in events:
        event.modality.historical = is_historical(event.date, anchor)


def is_historical(event_date: EventDate | None, published: date | None) -> bool:
    """Whether a dated event lies well before publication (see ``HISTORICAL_DAYS``)."""
    if event_date is None or published is None or event_date.resolved_by in {"publication", "unresolved"}:
        return False
    span = cal.bounds(event_date.end or event_date.value)
    return span is not None and (published - span[1]).days > HISTORICAL_DAYS


# -- attachment ------------------------------------------------------------------------------------

def _trigger_head(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    content = [t for t in span if t.pos_ in {"VERB", "NOUN", "PROPN", "ADJ"}]
    root = span.root
    return root if root.pos_ in {"VERB", "NOUN", "PROPN", "ADJ", "AUX"} or not content else content[0]


def _attachment(span: Span) -> Token:
    """The word a time expression modifies: up from its root through prepositions and adverbs."""
    token, steps = span.root, 0
    while (span.start <= token.i < span.end or token.pos_ in _LINKS) and token.head is not token and steps < 8:
        token, steps = token.head, steps + 1
    return token


def _target(span: Span) -> tuple[Token, bool]:
    """The word a time expression modifies, and whether a preposition links them."""
    root = span.root
    before = span.doc[span.start - 1] if span.start > 0 else None
    by_preposition = (root.dep_ == "pobj" and root.head.pos_ == "ADP") or (before is not None and before.pos_ == "ADP")
    return _attachment(span), by_preposition


def _attached_timexes(head: Token, timexes: list[TimeExpression], targets: dict[str, tuple[Token, bool]]) -> list[_Attached]:
    found = []
    for timex in timexes:
        if timex.type not in {"DATE", "TIME"} or timex.id not in targets or timex.relation in _NOT_THE_DATE:
            continue
        target, by_preposition = targets[timex.id]
        distance = _distance(target, head, by_preposition)
        if distance is not None:
            found.append(_Attached(timex, distance))
    return sorted(found, key=lambda a: (a.distance, a.timex.value in _VAGUE, abs(a.timex.start - head.idx)))


def _distance(target: Token, head: Token, by_preposition: bool) -> int | None:
    """Arcs between the word a time modifies and an event's head, if they share a clause.

    ``by_preposition``: the time is a prepositional phrase ("on July 26"), not part of a name
    ("Conference 2010").
    """
    if target == head:
        return 0
    # the time modifies a word below the trigger: a gerund under a preposition ("a role in defeating
    # them in 2017"), or a noun in the trigger's own prepositional phrase ("said in a statement on July 26")
    if target.pos_ in {"VERB", "AUX"} or (by_preposition and target.dep_ == "pobj"):
        steps, token = 0, target
        while token != head and token.dep_ in _MODIFIER_ARCS and token.head is not token and steps < 4:
            token, steps = token.head, steps + 1
        if token == head:
            return steps
    # the trigger is a noun argument of the dated word ("targeted ... in a drone strike")
    if head.pos_ in {"NOUN", "PROPN"}:
        steps, token = 0, head
        while token != target and token.dep_ in _ARGUMENT_ARCS and token.head is not token and steps < 2:
            token, steps = token.head, steps + 1
        if token == target:
            return steps
    return None


# -- dates -----------------------------------------------------------------------------------------

def _date_from(timex: TimeExpression, anchor: date | None) -> EventDate:
    value = timex.value
    if value == "PRESENT_REF":  # "now", "currently": the publication date, said so by the text
        day = anchor.isoformat() if anchor else None
        return EventDate(day, "day" if day else "unknown", resolved_by="explicit" if day else "unresolved",
                         timex=timex.id)
    if value in _REFERENCE_RELATIONS:  # "recently", "in the coming days": before / after publication
        day = anchor.isoformat() if anchor else None
        return EventDate(day, "day" if day else "unknown", resolved_by="publication" if day else "unresolved",
                         timex=timex.id, relation=_REFERENCE_RELATIONS[value])
    if timex.relation in {"after", "before"} and event_offset(timex.text) is not None:
        # "two days after the attack", already counted from the attack's date
        return EventDate(value, timex.granularity, resolved_by="anchored", timex=timex.id)
    how = "explicit" if re.search(r"\b\d{4}\b|\d{4}s\b", timex.text) else "relative"
    granularity = timex.granularity
    if value and "T" in value:  # a clock time dates the event to its day
        value = value.split("T")[0]
    if value and value.startswith("FY"):
        # event dates are calendar values: a fiscal year (or its quarter) is dated by the year it is named after
        value, granularity = value[2:6], "year"
    return EventDate(value, granularity, resolved_by=how, timex=timex.id, relation=timex.relation)


def _fallback(event: Event, head: Token | None, anchor: date | None) -> EventDate:
    """The publication date, marked; "after" for an event still to come."""
    future = event.modality.future or (head is not None and head.pos_ in {"VERB", "AUX"}
                                       and verb_direction(head) == "future")
    if anchor is None:
        return EventDate(None, "unknown", resolved_by="unresolved", relation="after" if future else None)
    return EventDate(anchor.isoformat(), "day", resolved_by="publication", relation="after" if future else None)


#: how many sentences back a past event without a time of its own may take the story's last date
NARRATIVE_SENTENCES = 0


def _narrative_time(doc: Doc, head: Token, timexes: list[TimeExpression], anchor: date | None) -> TimeExpression | None:
    """The story's last date before a past-tense event that has none of its own (TimeML's reference time).

    Only a simple past verb takes it ("GM announced on Monday ... It cut 1,000 jobs"), from a date in
    its own or the previous sentence that is not after publication and not a deadline or a bound.
    """
    if (head.pos_ in {"VERB", "AUX"} and verb_direction(head) == "future") or anchor is None:
        return None
    sentence = head.sent
    earliest = sentence.start_char
    for _ in range(NARRATIVE_SENTENCES):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        earliest = sentence.start_char
    best = None
    for timex in timexes:
        if timex.start >= head.idx or timex.start < earliest or timex.type not in {"DATE", "TIME"}:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not _dominates(_clause_head(_attachment(span)), head):
            continue
        span = cal.bounds(timex.value)
        if span is None or timex.relation is not None or span[0] > anchor:
            continue
        best = timex
    return best


#: arcs that open a clause of its own
_CLAUSE_ARCS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "acl", "conj"})


def _clause_head(token: Token) -> Token:
    """The head of the clause a word belongs to."""
    steps = 0
    while token.dep_ not in _CLAUSE_ARCS and token.head is not token and steps < 20:
        token, steps = token.head, steps + 1
    return token


def _dominates(ancestor: Token, token: Token) -> bool:
    return ancestor == token or ancestor in token.ancestors


# -- "two days after the attack" -------------------------------------------------------------------

def _is_event_relative(timex: TimeExpression) -> bool:
    return timex.value is None and timex.relation in {"after", "before"}


@dataclass(frozen=True)
class EventOffset:
    """What an event-relative expression says: how far, in which unit and direction, from which noun."""

    amount: float | None
    unit: str
    sign: int
    noun: str


def event_offset(text: str) -> EventOffset | None:
    """Read "two days after the attack" → EventOffset(2, "D", +1, "attack")."""
    for candidate in find_candidates(text):
        if candidate.kind != "relative_to_event":
            continue
        g = candidate.groups
        unit = unit_of(g.get("unit"))
        # "a day after", "the day after": one; "hours after", "days after": vague
        amount = number_of(g["num"]) if "num" in g else (None if g["unit"].lower().endswith("s") else 1.0)
        noun = re.sub(r"\s+", " ", g["anchor"].lower()).split(" ")[-1]
        if unit is None or amount == "X":
            return None
        noun = next((n for n in vocabulary().anchors if g["anchor"].lower().endswith(n)), noun)
        return EventOffset(amount if amount is None else float(amount), unit,
                           -1 if g["dir"].lower() == "before" else 1, noun)
    return None


def _resolve_event_relative(doc: Doc, timex: TimeExpression, events: list[Event]) -> None:
    offset = event_offset(timex.text)
    if offset is None:
        return
    base = _anchor_event_date(doc, timex, offset.noun, events)
    if base is None:
        return
    day = cal.bounds(base.value)
    if day is None:
        return
    if offset.amount is None:  # "hours after the attack": the same day, roughly
        timex.value, timex.granularity = base.value, base.granularity
        return
    start = day[0] if offset.sign > 0 else day[1]
    moved = cal.shift(start, offset.sign * offset.amount, offset.unit)
    if moved is not None:
        timex.value, timex.granularity = moved


def _anchor_event_date(doc: Doc, timex: TimeExpression, noun: str, events: list[Event]) -> EventDate | None:
    """The date of the latest earlier event the anchor noun names ("the attack" → the strike)."""
    types = set(vocabulary().anchors.get(noun, ()))
    kin = {n for n, t in vocabulary().anchors.items() if types and set(t) & types} | {noun}
    earlier = [e for e in events if e.trigger.end <= timex.start and e.date is not None
               and e.date.resolved_by in {"explicit", "relative", "anchored"} and cal.bounds(e.date.value)]
    for event in sorted(earlier, key=lambda e: e.trigger.start, reverse=True):
        words = {w.lower() for w in re.findall(r"[\w-]+", event.trigger.text)}
        if (types and event.event_type in types) or words & kin:
            return event.date
    # no such event was coded: an earlier noun of the same kind, dated by its own clause
    dated = [t for t in (doc._.timexes or []) if t.value and cal.bounds(t.value) and t.end <= timex.start]
    targets = {}
    for other in dated:
        span = doc.char_span(other.start, other.end, alignment_mode="expand")
        if span is not None:
            targets[other.id] = _target(span)
    for token in reversed([t for t in doc if t.idx + len(t) <= timex.start]):
        if token.pos_ == "NOUN" and token.lemma_.lower() in kin:
            attached = _attached_timexes(token, dated, targets)
            if attached:
                best = attached[0].timex
                return EventDate(best.value, best.granularity, resolved_by="explicit", timex=best.id)
    return None
