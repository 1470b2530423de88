"""Links each event inside a quote's content to that quote (claimed_by).

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions


class ClaimLinker:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        pass
        return doc


@Language.factory("tidings_event_claims")
def make_event_claims(nlp: Language, name: str) -> ClaimLinker:
    return ClaimLinker(nlp, name)
