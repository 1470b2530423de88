"""The working record of one attribution while quotes are found, and helpers on character spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token


@dataclass
class Attribution:
    """A quote before it becomes a :class:`tidings.model.Quote`.

    ``anchor`` is the verb (or noun) whose dependents may name the medium, addressee and date;
    ``frame`` is the stretch of text outside the quotation that attributes it (a direct quote's
    ``he said in a statement on Monday``), searched for a date.
    """

    kind: str  # direct, indirect
    start: int
    end: int
    cue: Span | None = None
    speaker: Span | None = None
    anchor: Token | None = None
    frame: tuple[int, int] | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)  # quoted stretches of a direct quote
    standalone: bool = False  # a direct quote with no frame: its speaker is the previous one
    inherited_from: Attribution | None = None
    rule: str = ""  # which pattern found it

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


def trim_tokens(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of ``tokens`` without a leading complementizer, outer punctuation and spaces.

    Quote marks at the edges stay (a clause may end in a quoted phrase).
    """
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (_edge_junk(tokens[0]) or (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether"))
                      or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and _edge_junk(tokens[-1]):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _edge_junk(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote and token.text not in ")]")


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying wholly or partly inside the character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger tags as one (not an auxiliary)."""
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def particles_of(verb: Token) -> set[str]:
    """The particle and adverb words a verb's phrasal cue may need ("point out", "hit back at")."""
    return {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")}


def cue_span(doc: Doc, verb: Token, particle: tuple[str, ...]) -> Span:
    """The cue verb with the particle words of its phrasal entry."""
    if not particle:
        return doc[verb.i:verb.i + 1]
    last = max([c.i for c in verb.children if c.lower_ in particle] or [verb.i])
    return doc[verb.i:last + 1]
