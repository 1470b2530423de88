"""Direct and indirect quotes with speaker, cue, medium, addressee and date (``doc._.quotes``)."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..quotes import find_quotes

log = logging.getLogger(__name__)


class QuoteFinder:
    """Sets ``doc._.quotes``; runs after actors and timexes so speakers and dates can be linked."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.quotes = find_quotes(doc)
        except Exception:  # odd input must never stop the pipeline: log it, leave no quotes
            log.exception("quote extraction failed")
            doc._.quotes = []
        return doc


@Language.factory("tidings_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
