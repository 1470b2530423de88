"""Each event's own date, from its time expressions or other events (``Event.date``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions
from ..timex.event_dates import date_events


class EventDater:
    """Dates every event in ``doc._.events`` and marks the historical ones; see
    :mod:`tidings.timex.event_dates` for how."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        date_events(doc, records(doc, "events"), records(doc, "timexes"),
                    article.published if article is not None else None)
        return doc


@Language.factory("tidings_event_time", assigns=["doc._.events"], requires=["doc._.timexes"])
def make_event_time(nlp: Language, name: str) -> EventDater:
    return EventDater(nlp, name)
