"""Where each event happened, with the reason (``Event.location``).

Looks for a locative phrase on the trigger ("in Washington", "near Baghdad International Airport"),
then in the sentence, then in the paragraph; the dateline only as a fallback marked ``dateline``.
The chosen place's role becomes ``event_location``. See :mod:`tidings.places.locate`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..places import locate_events


class EventLocator:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        locate_events(doc)
        return doc


@Language.factory("tidings_event_location", assigns=["doc._.events"], requires=["doc._.places"])
def make_event_location(nlp: Language, name: str) -> EventLocator:
    return EventLocator(nlp, name)
