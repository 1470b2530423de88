"""Time expressions, normalised against the publication date (``doc._.timexes``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..timex.tagger import tag


class TimexTagger:
    """Finds time expressions and gives each a TimeML value anchored to ``doc._.article.published``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        doc._.timexes = tag(doc, article.published if article is not None else None)
        return doc


@Language.factory("tidings_timexes", assigns=["doc._.timexes"])
def make_timexes(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
