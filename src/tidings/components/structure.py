"""Document structure: paragraphs, the dateline, and sentence starts the parser must respect.

Runs first, before the parser, so sentence boundaries never cross a paragraph break and
the dateline (``TEHRAN (Tasnim) –``) stays out of the first sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..dateline import detect_dateline
from ..extensions import doc_text, register_extensions
from ..model import Article

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: split at blank lines if there are any, else at newlines."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans, start = [], 0
    for match in splitter.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        if chunk.strip():
            s += len(chunk) - len(chunk.lstrip())
            e -= len(chunk) - len(chunk.rstrip())
            out.append((s, e))
    return out


class DocumentStructure:
    """Sets ``doc._.paragraphs`` and ``doc._.article.dateline``; marks sentence starts."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        if article is None:
            article = Article(id="", text=doc_text(doc))
            doc._.article = article
        if article.dateline is None and not article.metadata.get("chunk"):
            article.dateline = detect_dateline(doc_text(doc))  # only at the start of an article
        paragraphs = paragraph_spans(doc_text(doc))
        doc._.paragraphs = paragraphs
        starts = {s for s, _ in paragraphs}
        if article.dateline is not None:
            starts.add(_next_non_space(doc_text(doc), article.dateline.end))
        for token in doc:
            if token.i == 0:
                continue
            if token.idx in starts:
                token.is_sent_start = True
            elif "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                # a token after a line break inside a paragraph (hard-wrapped text) is left to the parser
                token.is_sent_start = None
        return doc


def _next_non_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


@Language.factory(
    "tidings_structure",
    assigns=["doc._.paragraphs", "doc._.article", "token.is_sent_start"],
)
def make_structure(nlp: Language, name: str) -> DocumentStructure:
    return DocumentStructure(nlp, name)
