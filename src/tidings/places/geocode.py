"""Geocode place names given as plain strings, each resolved in the context of the others."""

from __future__ import annotations

from .data import cues
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .resolve import Context, Mention, candidates_for, resolve


def geocode(names: list[str], gazetteer: Gazetteer | None = None) -> list[Entry | None]:
    """One gazetteer entry (or None) per name, resolved together: ``geocode(["Tripoli", "Beirut"])``
    puts Tripoli in Lebanon; a name may carry its qualifier: ``geocode(["Paris, Texas"])``."""
    gazetteer = gazetteer or load_gazetteer()
    words = cues()
    mentions: list[Mention] = []
    heads: list[int] = []
    for name in names:
        head, _, qualifier = name.partition(",")
        key, found, hint = candidates_for(name, gazetteer, words.feature_words)
        whole = bool(found) and gazetteer.lookup(name)
        heads.append(len(mentions))
        if qualifier.strip() and not whole:
            key, found, hint = candidates_for(head, gazetteer, words.feature_words)
            mentions.append(Mention(start=0, end=len(head), text=head, key=key, feature_hint=hint,
                                    candidates=found, qualifier=len(mentions) + 1))
            q_key, q_found, q_hint = candidates_for(qualifier.strip(), gazetteer, words.feature_words)
            mentions.append(Mention(start=0, end=len(qualifier), text=qualifier.strip(), key=q_key,
                                    feature_hint=q_hint, candidates=q_found, is_qualifier=True))
        else:
            mentions.append(Mention(start=0, end=len(name), text=name, key=key, feature_hint=hint,
                                    candidates=found))
    rows = resolve(mentions, gazetteer, Context())
    return [gazetteer.entry(rows[i]) if rows[i] is not None else None for i in heads]
