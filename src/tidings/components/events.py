"""PLOVER events: type, mode, context, actor, recipient, modality.

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions


class EventCoder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = records(doc, "events")
        return doc


@Language.factory("tidings_events")
def make_events(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
