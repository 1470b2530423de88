"""Toponyms, geocoded against the offline gazetteer; metonymic uses marked.

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions


class PlaceFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = records(doc, "places")
        return doc


@Language.factory("tidings_places")
def make_places(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
