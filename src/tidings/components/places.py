"""Toponyms, geocoded against the offline gazetteer; metonymic uses marked.

Fills ``doc._.places`` with Place records (ids p1.. in document order): GPE/LOC/FAC entities, the
dateline's place and gazetteer names the model missed, each resolved to one gazetteer entry by
context, with role ``dateline``, ``metonymy`` ("Washington said") or ``mention``.
The logic lives in :mod:`tidings.places`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..places import find_places, load_gazetteer


class PlaceFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()
        self.gazetteer = load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, self.gazetteer)
        return doc


@Language.factory("tidings_places", assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
