"""Framing: loaded wording, in the outlet's own voice (narrator) or a quoted speaker's (attributed).

Terms come from ``data/framing/loaded_terms.yaml``; a term marked ``extend`` covers the noun phrase
it belongs to. Words in quotation marks that nobody is quoted as saying (scare quotes, such as an
"advisory" role) are marked too, as the narrator's.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..extensions import doc_text, records, register_extensions
from ..lexicon import Column, Schema, load
from ..model import Framing

TERMS_FILE = "framing/loaded_terms.yaml"
KINDS = frozenset({"label", "praise", "scorn", "charge", "emotion"})
LOADED_TERMS = Schema(
    name="loaded terms",
    columns=(Column("term"), Column("kind", choices=KINDS), Column("extend", type=bool, required=False)),
    unique=("term",),
)
_SCARE_QUOTE = re.compile(r"[\"“]([^\"“”\n]{1,30})[\"”]")


class FramingMarker:
    def __init__(self, nlp: Language, name: str, terms_file: str = TERMS_FILE):
        self.name = name
        register_extensions()
        rows = load(terms_file, LOADED_TERMS)
        self.extends = {row["term"].lower(): bool(row["extend"]) for row in rows}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("LOADED", [nlp.make_doc(term) for term in self.extends])

    def __call__(self, doc: Doc) -> Doc:
        quotes = [(q.content.start, q.content.end, q.id, q.kind) for q in records(doc, "quotes")]
        marks: dict[tuple[int, int], Framing] = {}
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if self.extends[span.text.lower()]:
                span = _phrase(span)
            marks[(span.start_char, span.end_char)] = _mark(span, quotes)
        for mark in _scare_quotes(doc, quotes):
            marks.setdefault((mark.start, mark.end), mark)
        doc._.framing = _outermost(sorted(marks.values(), key=lambda m: (m.start, -m.end)))
        return doc


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "det", "advmod", "punct", "poss", "case"})


def _phrase(span: Span) -> Span:
    """The common-noun phrase a term belongs to: up to its head noun, with the modifiers before it
    ("Daesh Takfiri terrorists", "a mere new name"); names after the head are left out."""
    doc = span.doc
    head = max(span, key=lambda t: t.i) if span.root.dep_ == "det" else span.root
    while head.dep_ in _MODIFIER_DEPS and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head
    start = span.start
    while start > 0 and doc[start - 1].dep_ in {"compound", "amod", "nmod", "npadvmod", "advmod"} \
            and start - 1 < doc[start - 1].head.i <= head.i:
        start -= 1  # "Daesh" in "Daesh Takfiri terrorists": a modifier inside the phrase
    while start > 0 and start < span.start and doc[start].ent_iob_ == "I":
        start -= 1  # a name the phrase starts inside is taken whole
    return doc[start:max(span.end, head.i + 1)]


def _mark(span: Span, quotes: list[tuple[int, int, str, str]]) -> Framing:
    """Inside a direct quote the words are the speaker's (attributed); in indirect speech the outlet
    chose them, so they stay the narrator's, with the quote they report kept for reference."""
    quote = next(((qid, kind) for s, e, qid, kind in quotes if s <= span.start_char and span.end_char <= e), None)
    return Framing(text=span.text, start=span.start_char, end=span.end_char,
                   voice="attributed" if quote and quote[1] == "direct" else "narrator",
                   quote=quote[0] if quote else None)


def _scare_quotes(doc: Doc, quotes: list[tuple[int, int, str, str]]) -> list[Framing]:
    """Short quoted phrases in the narrator's text that no quote record covers: scare quotes."""
    text = doc_text(doc)
    out = []
    for match in _SCARE_QUOTE.finditer(text):
        start, end = match.span(1)
        if len(match.group(1).split()) > 3:
            continue
        if any(kind == "direct" and (s <= start < e or s < end <= e) for s, e, _, kind in quotes):
            continue  # a short direct quote, not a scare quote
        out.append(Framing(text=match.group(1), start=start, end=end, voice="narrator"))
    return out


def _outermost(marks: list[Framing]) -> list[Framing]:
    """Drop marks lying inside a longer one."""
    kept: list[Framing] = []
    for mark in marks:
        if kept and kept[-1].start <= mark.start and mark.end <= kept[-1].end:
            continue
        kept.append(mark)
    return kept


@Language.factory("tidings_framing", assigns=["doc._.framing"], requires=["doc._.quotes"],
                  default_config={"terms_file": TERMS_FILE})
def make_framing(nlp: Language, name: str, terms_file: str) -> FramingMarker:
    return FramingMarker(nlp, name, terms_file)
