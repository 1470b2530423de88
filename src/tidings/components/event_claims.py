"""Links each event inside a quote's content to that quote (``Event.claimed_by``).

An event whose trigger lies in the words of a quote rests on the speaker's word, not the outlet's.
When quotes nest (a quote inside an indirect quote), the innermost one claims the event. A trigger in the
frame between the parts of a split quote ("…," he warned, "…") is the speaker's act, not a claim.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import records, register_extensions
from ..model import Event, Quote


def claiming_quote(event: Event, quotes: list[Quote]) -> Quote | None:
    """The innermost quote whose content holds the event's trigger, or None."""
    start, end = event.trigger.start, event.trigger.end
    best: Quote | None = None
    for quote in quotes:
        content = quote.content
        if not (content.start <= start and end <= content.end):
            continue
        if _overlaps(quote.cue, start, end) or _overlaps(quote.speaker, start, end):
            continue  # the cue or the speaker inside a split quote's frame
        if best is None or content.end - content.start < best.content.end - best.content.start:
            best = quote
    return best


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and span.start < end and start < span.end


def link_claims(events: list[Event], quotes: list[Quote]) -> None:
    """Set ``claimed_by`` on every event (None for those the outlet asserts itself)."""
    for event in events:
        quote = claiming_quote(event, quotes)
        event.claimed_by = quote.id if quote is not None else None


class ClaimLinker:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        link_claims(records(doc, "events"), records(doc, "quotes"))
        return doc


@Language.factory("tidings_event_claims")
def make_event_claims(nlp: Language, name: str) -> ClaimLinker:
    return ClaimLinker(nlp, name)
