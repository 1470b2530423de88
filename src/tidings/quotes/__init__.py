"""Quotes: who said what, through which medium, to whom and when.

``find_quotes(doc)`` returns :class:`tidings.model.Quote` records for a parsed Doc: direct quotes
(quotation marks plus their frame), indirect quotes (reporting verbs, "according to", participles),
each with its speaker linked to actors, its cue, medium, addressee and date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ..model import Quote, Speaker, TextSpan
from .attribution import Attribution
from .cues import cue_lexicon, elisions, media_lexicon
from .direct import find_direct
from .indirect import find_indirect
from .marks import QuotedSpan, find_quoted_spans
from .medium import describe
from .speaker import link_actors, speaker_span

__all__ = ["find_quotes", "find_attributions", "find_quoted_spans", "QuotedSpan"]

#: an indirect quote whose content lies this much inside a direct quote is the same quote
SAME_QUOTE_OVERLAP = 0.5
#: how many paragraphs back a quote with no frame looks for the speaker it continues
CONTINUATION_PARAGRAPHS = 1
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we"})


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in a parsed Doc, numbered q1, q2 … in document order."""
    attributions = find_attributions(doc)
    media = media_lexicon()
    speakers: dict[tuple[int, int], Speaker] = {}
    quotes = []
    for number, attribution in enumerate(attributions, 1):
        setting = describe(doc, attribution, media)
        speaker = _speaker_record(doc, attribution.speaker, speakers) if attribution.speaker is not None else None
        cue = attribution.cue
        quotes.append(Quote(
            id=f"q{number}",
            kind=attribution.kind,
            speaker=speaker,
            cue=TextSpan(cue.text, cue.start_char, cue.end_char) if cue is not None else None,
            content=TextSpan(doc_text(doc)[attribution.start:attribution.end], attribution.start, attribution.end),
            medium=setting.medium,
            addressee=setting.addressee,
            date=setting.date,
        ))
    return quotes


def find_attributions(doc: Doc) -> list[Attribution]:
    """The working records behind :func:`find_quotes` (direct and indirect, speakers inherited)."""
    text = doc_text(doc)
    if not text.strip():
        return []
    paragraphs = _paragraphs(doc)
    lexicon = cue_lexicon()
    quoted = find_quoted_spans(text, paragraphs, elisions())
    direct = find_direct(doc, quoted, lexicon, paragraphs)
    inside_marks = [(q.start, q.end) for q in quoted]
    indirect = [a for a in find_indirect(doc, lexicon, inside_marks) if not _restates(a, direct)]
    attributions = sorted(direct + indirect, key=lambda a: (a.start, -a.end))
    _inherit_speakers(doc, attributions, paragraphs)
    return [a for a in attributions if not (a.standalone and a.speaker is None)]


def _restates(indirect: Attribution, direct: list[Attribution]) -> bool:
    """Whether an indirect quote is a direct quote seen through its cue ("…," he said → said + ccomp)."""
    length = max(1, indirect.end - indirect.start)
    for quote in direct:
        covered = sum(indirect.overlap(start, end) for start, end in quote.parts)
        if covered / length >= SAME_QUOTE_OVERLAP:
            return True
        # the frame's own cue reaching into the quotation ("…," she said, "…" parsed as one clause)
        same_cue = quote.cue is not None and indirect.cue is not None and quote.cue.start == indirect.cue.start
        if same_cue and covered:
            return True
    return False


def _inherit_speakers(doc: Doc, attributions: list[Attribution], paragraphs: list[tuple[int, int]]) -> None:
    """A quotation with no frame continues the speaker of the quote before it (same or previous paragraph)."""
    for index, attribution in enumerate(attributions):
        if not attribution.standalone or attribution.speaker is not None:
            continue
        here = _paragraph_index(paragraphs, attribution.start)
        # a person named as the subject between the last quote and this one takes over
        # ("… said an official. Asked about it, Vega laughed. '…'")
        newcomer = _previous_subject(doc, attribution, paragraphs, named_only=True)
        for previous in reversed(attributions[:index]):
            if previous.speaker is None or previous.end > attribution.start:
                continue
            close = here - _paragraph_index(paragraphs, previous.end - 1) <= CONTINUATION_PARAGRAPHS
            if close and not (newcomer is not None and newcomer.start_char > previous.end
                              and not _same_name(newcomer, previous.speaker)):
                attribution.speaker = previous.speaker
                attribution.inherited_from = previous
            break
        if attribution.speaker is None:
            attribution.speaker = newcomer or _previous_subject(doc, attribution, paragraphs)


def _previous_subject(doc: Doc, attribution: Attribution, paragraphs: list[tuple[int, int]],
                      named_only: bool = False) -> Span | None:
    """The person the sentence before a lone quotation is about ("Smith was defiant. '…'").

    ``named_only`` accepts only a named person (no pronoun), as evidence that the speaker changed.
    """
    here = _paragraph_index(paragraphs, attribution.start)
    sentence = _sentence_before(doc, attribution.start)
    if sentence is None:
        return None
    if here - _paragraph_index(paragraphs, sentence.start_char) > CONTINUATION_PARAGRAPHS:
        return None
    for token in sentence:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and (
                token.ent_type_ == "PERSON" or (not named_only and token.lower_ in PERSONAL_PRONOUNS)):
            return speaker_span(token)
    return None


def _sentence_before(doc: Doc, position: int) -> Span | None:
    """The last non-blank sentence that ends at or before ``position`` (found by walking back)."""
    i = len(doc) - 1
    while i >= 0 and doc[i].idx >= position:
        i -= 1  # the last token before the position
    while i >= 0:
        sentence = doc[i].sent
        if sentence.end_char <= position and sentence.text.strip():
            return sentence
        i = sentence.start - 1
    return None


def _same_name(span: Span, other: Span) -> bool:
    words = {t.lower_ for t in other if t.is_alpha}
    return any(t.lower_ in words for t in span if t.pos_ == "PROPN")


def _speaker_record(doc: Doc, span: Span, cache: dict[tuple[int, int], Speaker]) -> Speaker:
    key = (span.start_char, span.end_char)
    if key not in cache:
        actors = link_actors(doc, span)
        cache[key] = Speaker(text=span.text, start=span.start_char, end=span.end_char,
                             actor=actors[0] if actors else None, actors=actors)
    record = cache[key]
    return Speaker(record.text, record.start, record.end, record.actor, list(record.actors))


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    paragraphs = getattr(doc._, "paragraphs", None) if doc.has_extension("paragraphs") else None
    if paragraphs:
        return list(paragraphs)
    from ..components.structure import paragraph_spans

    return paragraph_spans(doc_text(doc))


def _paragraph_index(paragraphs: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if position < end:
            return index
    return len(paragraphs)
