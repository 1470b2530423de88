"""Doc extensions through which Tidings components pass their results.

Registered on request (idempotently), never at import. Each value is a list of typed
records from :mod:`tidings.model` whose offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: extension name -> what it holds
DOC_EXTENSIONS = {
    "article": "tidings.model.Article: metadata of the article (published date, outlet, dateline)",
    "paragraphs": "list[tuple[int, int]]: character spans of paragraphs",
    "actors": "list[Actor]",
    "places": "list[Place]",
    "timexes": "list[TimeExpression]",
    "quotes": "list[Quote]",
    "events": "list[Event]",
    "framing": "list[Framing]",
}


def register_extensions() -> None:
    """Register every Tidings Doc extension (safe to call more than once)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def records(doc: Doc, name: str) -> list:
    """The list stored in ``doc._.<name>``, or an empty list if no component set it."""
    value = getattr(doc._, name)
    return value if value is not None else []


def next_id(prefix: str, existing: list) -> str:
    """The next free id with this prefix (``a1``, ``a2`` ...) given existing records."""
    return f"{prefix}{len(existing) + 1}"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins the tokens again at every access, which makes
    any per-mention use of it quadratic on long documents."""
    cached = doc.user_data.get("tidings.text")
    if cached is None:  # a Doc's text never changes (retokenizing keeps it)
        cached = doc.text
        doc.user_data["tidings.text"] = cached
    return cached
