"""Fast access to a Doc's entities: ``doc.ents`` builds new Span objects on every access, which is
too slow to call for each token. The index is built once per Doc (and again when asked to)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


class Entities:
    """The entities of a Doc and, for each token, the entity it lies in."""

    def __init__(self, doc: Doc):
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.spans: list[Span] = list(doc.ents)
        self.at: list[Span | None] = [None] * len(doc)
        for span in self.spans:
            for i in range(span.start, span.end):
                self.at[i] = span

    def overlapping(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [s for s in self.spans if s.start < end and s.end > start and (label is None or s.label_ == label)]


_last: list = [None, None]  # the Doc last indexed, and its index (one slot: Docs come one at a time)


def entities(doc: Doc, refresh: bool = False) -> Entities:
    """The entity index of a Doc, built on first use; ``refresh`` rebuilds it (entities changed)."""
    if refresh or _last[0] is not doc:
        _last[0], _last[1] = doc, Entities(doc)
    return _last[1]
