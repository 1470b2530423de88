"""Helpers shared by the places tests: run a text through the pipeline and pick places by their words."""

from __future__ import annotations

from tidings.extensions import records


def parsed(nlp, text: str):
    """``text`` through the pipeline (no title detection: every line is body text)."""
    from tidings.ingest import article_from_text

    doc = nlp.make_doc(text)
    doc._.article = article_from_text(text, detect_title=False)
    return nlp(doc)


def places_in(nlp, text: str) -> list:
    """The places Tidings finds in ``text`` (no title detection: every line is body text)."""
    return records(parsed(nlp, text), "places")


def places_by_text(nlp, text: str) -> dict:
    """The places Tidings finds in ``text``, by their text as written."""
    return {p.text: p for p in places_in(nlp, text)}


def places_named(nlp, text: str, name: str) -> list:
    """The places written ``name`` (a leading "the " ignored), in document order."""
    return [p for p in places_in(nlp, text) if p.text.removeprefix("the ") == name]


def place_named(nlp, text: str, name: str, occurrence: int = 0):
    """The ``occurrence``-th place written ``name``; fails the test, listing what was found, when absent."""
    found = places_named(nlp, text, name)
    assert len(found) > occurrence, f"{name!r} not found in {[p.text for p in places_in(nlp, text)]}"
    return found[occurrence]
