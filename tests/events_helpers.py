"""Helpers shared by the event tests: the country codes of references, and a summary of what was found."""

from __future__ import annotations


def codes(refs) -> set[str]:
    """The country codes of actor references (references without one left out)."""
    return {ref.code for ref in refs if ref.code}


def summary(annotation) -> list[tuple[str, str]]:
    """(type, trigger text) of every event, for assertion messages."""
    return [(e.event_type, e.trigger.text) for e in annotation.events]
