"""Actor resolution: a PLOVER country code, sectors and identity for every participant mention.

Library entry points:

- :func:`resolve_actor` — one actor phrase ("four Saudi men", "US President Joe Biden") to an
  :class:`~tidings.model.Actor` record, optionally at a date (mirrors ``tidings resolve-actor``);
- :func:`actor_at` — the same knowledge-base actor re-resolved for another date (an event's own
  date rather than the publication date);
- :func:`get_resolver` — the shared :class:`~tidings.actors.resolve.Resolver` with the shipped
  data plus user knowledge-base files.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from ..extensions import doc_text
from ..model import Actor, TextSpan

__all__ = ["resolve_actor", "actor_at", "get_resolver", "actor_record", "RESOLVED_BY"]

#: every value Actor.resolved_by takes
RESOLVED_BY = ("kb", "apposition", "title", "demonym", "coreference", "metonymy", "agent-noun")


def get_resolver(actors_file: str | list | tuple | None = None):
    """The resolver for the shipped data plus user files (``actors_file``, else ``TIDINGS_ACTORS``)."""
    from .data import user_files

    return _resolver(user_files(actors_file))


@lru_cache(maxsize=8)
def _resolver(extra_files: tuple[str, ...]):
    from .data import load_actor_data
    from .resolve import Resolver

    return Resolver(load_actor_data(extra_files))


@lru_cache(maxsize=4)
def _phrase_pipeline(extra_files: tuple[str, ...] = (), model: str | None = None):
    """The spaCy model with the structure and entity-ruler components: enough to read a phrase."""
    import importlib
    import os

    from ..extensions import register_extensions
    from ..pipeline import COMPONENT_MODULES, load_model

    register_extensions()
    nlp = load_model(model)
    for name in ("tidings_structure", "tidings_entity_ruler"):
        importlib.import_module(COMPONENT_MODULES[name])
    nlp.add_pipe("tidings_structure", first=True)
    nlp.add_pipe("tidings_entity_ruler", config={"actors_file": os.pathsep.join(extra_files) or None})
    return nlp


def resolve_actor(text: str, date: str | None = None, *, actors_file: str | list | None = None,
                  nlp=None) -> Actor:
    """Resolve one actor phrase without an article around it.

    ``date`` (YYYY-MM-DD) picks the roles of knowledge-base actors held then (default: today).
    Returns an :class:`Actor` spanning the whole text; ``code`` and ``sectors`` are empty when
    nothing in the phrase says who it is. ``nlp`` may be any pipeline with a parser and NER
    (default: the installed model plus the entity ruler).
    """
    from .data import user_files
    from .mentions import mention_at

    extra = user_files(actors_file)
    resolver = _resolver(extra)
    doc = _read_phrase(nlp or _phrase_pipeline(extra), text)
    best = None
    candidates = list(_head_candidates(doc))
    for head in candidates:
        mention = mention_at(head, resolver, date, forced=True)
        if mention is not None and mention.resolution.found:
            best = mention
            break
        if mention is not None and mention.resolution.name and best is None:
            best = mention  # a name nothing is known about: kept unless a later head resolves
    actor = Actor(id="a1", text=text, start=0, end=len(text))
    if best is None:
        return actor
    res = best.resolution
    if res.code is None and res.found and not _is_noun_root(doc, best.head):
        res = _with_place_elsewhere(res, doc, best.head, candidates, resolver, date)
    return _fill(actor, doc, res)


def _is_noun_root(doc, i: int) -> bool:
    return any(sent.root.i == i for sent in doc.sents)


def _with_place_elsewhere(res, doc, head_i: int, candidates, resolver, date):
    """A phrase the parser could not join ("in East Timor's capital Dili ... demonstrators"): its
    actor noun takes the country of a place named elsewhere in it, as "X in Y" does."""
    from dataclasses import replace

    for token in candidates:
        if token.i == head_i or token.pos_ not in ("PROPN",):
            continue
        other = resolver.resolve_head(token, date)
        if other.code and other.kind in ("country", "place", "region"):
            return replace(res, code=other.code)
    return res


def _read_phrase(nlp, text: str):
    """Run the model and the entity ruler (the later Tidings components are not needed)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name.startswith("tidings_") and name not in ("tidings_structure", "tidings_entity_ruler"):
            continue
        doc = component(doc)
    return doc


def _head_candidates(doc):
    """Heads to try for a phrase: the parse root first, then other nouns, right to left."""
    roots = [sent.root for sent in doc.sents]
    seen = set()
    # an English noun phrase ends on its head: when the parse root is not the head ("in X's
    # capital Dili ... demonstrators", "Azadliq (Freedom) opposition coalition"), the last noun
    # attached to the root is; nouns deeper down ("Red Cross operating in Iraq") come after
    nouns = [t for t in reversed(doc) if t.pos_ in ("NOUN", "PROPN")]
    near = [t for t in nouns if t.head in roots]
    for token in [*roots, *near, *nouns]:
        if token.i not in seen:
            seen.add(token.i)
            yield token


def _fill(actor: Actor, doc, res) -> Actor:
    actor.code = res.code
    actor.sectors = list(res.sectors)
    actor.name = res.name
    actor.kb_id = res.kb_id
    actor.resolved_by = res.resolved_by
    if res.evidence is not None:
        start, end = res.evidence
        actor.evidence = TextSpan(doc_text(doc)[start:end], start, end)
    actor.label = res.label
    return actor


def actor_at(actor: Actor, date: str | None, *, actors_file: str | list | None = None) -> Actor:
    """A copy of a knowledge-base actor with the code and sectors it had at ``date``.

    Actors not in the knowledge base come back unchanged (a copy). Use it when an event's own date
    differs from the publication date: Donald Trump is USA GOV on 2020-01-03, USA ELI in late 2021.
    """
    copy = dataclasses.replace(actor, sectors=list(actor.sectors))
    resolver = get_resolver(actors_file)
    entry = resolver.kb.get(actor.kb_id)
    if entry is None or entry.type != "person" and not entry.roles:
        return copy
    standing = resolver.kb.standing(entry, date)
    copy.code = standing.code
    copy.sectors = list(standing.sectors)
    return copy


def actor_record(actor: Actor) -> dict[str, Any]:
    """The fields ``tidings resolve-actor`` prints for an actor."""
    return {
        "text": actor.text,
        "code": actor.code,
        "sectors": list(actor.sectors),
        "name": actor.name,
        "kb_id": actor.kb_id,
        "resolved_by": actor.resolved_by,
        "evidence": actor.evidence.text if actor.evidence else None,
    }
