"""Each event's own date, from its time expressions or other events (``Event.date``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions
from ..model import Actor, Event
from ..timex.event_dates import date_events

#: date provenances precise enough to re-read who held which office on the event's day
_TEXT_DATES = frozenset({"explicit", "relative", "anchored"})


class EventDater:
    """Dates every event in ``doc._.events`` and marks the historical ones; see
    :mod:`tidings.timex.event_dates` for how."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        events = records(doc, "events")
        date_events(doc, events, records(doc, "timexes"), article.published if article is not None else None)
        reread_roles(events, records(doc, "actors"))
        return doc


def reread_roles(events: list[Event], actors: list[Actor]) -> None:
    """Give each participant the office it held on the event's own date, not on publication day.

    "a drone strike authorized by former US president Donald Trump" on 2020-01-03: Trump is USA GOV
    for that event, though ELI when the article appeared. Only knowledge-base actors change.
    """
    from ..actors import actor_at

    by_id = {actor.id: actor for actor in actors}
    for event in events:
        date = event.date
        if date is None or date.resolved_by not in _TEXT_DATES or not (date.value or "")[:1].isdigit():
            continue
        for ref in event.actor + event.recipient:
            actor = by_id.get(ref.actor)
            while actor is not None and actor.kb_id is None and actor.refers_to in by_id:
                actor = by_id[actor.refers_to]  # "he" -> the named person
            if actor is None or actor.kb_id is None:
                continue
            then = actor_at(actor, date.value)
            ref.code, ref.sectors = then.code, list(then.sectors)


@Language.factory("tidings_event_time", assigns=["doc._.events"], requires=["doc._.timexes"])
def make_event_time(nlp: Language, name: str) -> EventDater:
    return EventDater(nlp, name)
