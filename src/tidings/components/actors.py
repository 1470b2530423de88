"""Participant mentions resolved to PLOVER country codes and sectors.

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions
from ..model import Actor


class ActorResolver:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = records(doc, "actors")
        return doc


def actor_for_span(doc: Doc, span) -> Actor | None:
    """The actor mention covering ``span`` (by its root token), or None.

    Contract used by the event and quote components: given a syntactic argument (a Span),
    return the Actor record in ``doc._.actors`` that it denotes, creating and resolving one
    if the span is a participant phrase that has no mention yet.
    """
    root = span.root
    for actor in records(doc, "actors"):
        if actor.start <= root.idx < actor.end:
            return actor
    return None


@Language.factory("tidings_actors")
def make_actors(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp, name)
