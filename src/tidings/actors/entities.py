"""Fast access to a Doc's entities: ``doc.ents`` builds new Span objects on every access, which is
too slow to call for each token. The index is built once per Doc (and again when asked to)."""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

from ..extensions import doc_text


class Entities:
    """The entities of a Doc and, for each token, the entity it lies in."""

    def __init__(self, doc: Doc):
        self.signature = _signature(doc)
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.spans: list[Span] = list(doc.ents)
        self.at: list[Span | None] = [None] * len(doc)
        for span in self.spans:
            for i in range(span.start, span.end):
                self.at[i] = span

    def overlapping(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [s for s in self.spans if s.start < end and s.end > start and (label is None or s.label_ == label)]


#: the Docs last indexed, newest last: a few slots, because resolving a phrase on its own parses a
#: small Doc in the middle of an article's, and one slot would rebuild the article's index each time
_recent: list[tuple[Doc, Entities]] = []
_SLOTS = 4


def entities(doc: Doc, refresh: bool = False) -> Entities:
    """The entity index of a Doc, built on first use; ``refresh`` rebuilds it (entities changed)."""
    for i, (known, index) in enumerate(_recent):
        if known is doc:
            if refresh and index.signature != _signature(doc):
                index = Entities(doc)
            del _recent[i]
            _recent.append((doc, index))
            return index
    index = Entities(doc)
    _recent.append((doc, index))
    del _recent[:-_SLOTS]
    return index


def _signature(doc: Doc) -> bytes:
    """The Doc's entity annotation in a few bytes' worth of work: whether the index is still good."""
    return doc.to_array([ENT_IOB, ENT_TYPE]).tobytes()
