"""Time expressions, normalised against the publication date.

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions


class TimexTagger:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = records(doc, "timexes")
        return doc


@Language.factory("tidings_timexes")
def make_timexes(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
