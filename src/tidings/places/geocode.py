"""Geocode place names given as plain strings, each resolved in the context of the others."""

from __future__ import annotations

from .data import cues
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .resolve import Context, Mention, candidates_for, resolve


def geocode(names: list[str], gazetteer: Gazetteer | None = None) -> list[Entry | None]:
    """One gazetteer entry (or None) per name: ``geocode(["Paris", "Dallas"])`` puts Paris in Texas."""
    gazetteer = gazetteer or load_gazetteer()
    words = cues()
    mentions = []
    for name in names:
        key, found, hint = candidates_for(name, gazetteer, words.feature_words)
        mentions.append(Mention(start=0, end=len(name), text=name, key=key, feature_hint=hint, candidates=found))
    rows = resolve(mentions, gazetteer, Context())
    return [gazetteer.entry(row) if row is not None else None for row in rows]
