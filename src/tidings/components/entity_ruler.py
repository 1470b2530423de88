"""Gazetteer fixes to the model's entities (Arabic organisation names, outlets, datelines).

PLACEHOLDER: the first version only initialises its results; its issue fills it in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions


class EntityFixer:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        pass
        return doc


@Language.factory("tidings_entity_ruler")
def make_entity_ruler(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp, name)
