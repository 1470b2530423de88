"""Argument phrases → Actor records, only through the actors component's contract.

``actors_for_span`` (one Actor per conjunct) is used when the actors component provides it;
otherwise each conjunct goes through ``actor_for_span`` on its own.
"""

from __future__ import annotations

import importlib
from typing import Callable

from spacy.tokens import Doc, Span, Token

from ..model import Actor, ActorRef
from .arguments import argument_span, contiguous_subtree
from .paths import follow

_ACTORS_MODULE = "tidings.components.actors"


def _contract() -> tuple[Callable | None, Callable | None]:
    module = importlib.import_module(_ACTORS_MODULE)
    return getattr(module, "actors_for_span", None), getattr(module, "actor_for_span", None)


def conjunct_span(token: Token, stop: frozenset[int] = frozenset()) -> Span:
    """One conjunct's own phrase: its subtree without the following conjuncts (nor trigger words)."""
    doc = token.doc
    start, end = contiguous_subtree(token)
    for child in token.children:
        if child.i > token.i and (child.dep_ in {"conj", "cc"} or any(t.i in stop for t in child.subtree)):
            end = min(end, child.left_edge.i)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[start:end]


def actors_for(doc: Doc, heads: list[Token], trigger: set[int] | frozenset[int] = frozenset()) -> list[Actor]:
    """The Actor records the argument heads denote (coordinated phrases give several), without repeats."""
    many, one = _contract()
    found: list[Actor] = []
    for head in heads:
        if head.dep_ == "conj" and any(head.i == c.i for h in heads for c in h.conjuncts if h.i != head.i):
            continue  # a later conjunct of a head already listed
        actors: list[Actor] = []
        if many is not None:
            actors = list(many(doc, argument_span(head, frozenset(trigger))) or [])
        elif one is not None:
            for conjunct in (head, *[c for c in head.conjuncts if c.i > head.i]):
                actor = one(doc, conjunct_span(conjunct, frozenset(trigger)))
                if actor is not None:
                    actors.append(actor)
        for actor in actors:
            if actor is not None and all(actor.id != seen.id for seen in found):
                found.append(actor)
    return found


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(actor=actor.id, code=actor.code, sectors=list(actor.sectors))


#: where the participant of a phrase that names none is found, in order: its possessor ("Serbia's
#: suppression"), a name or nationality before it ("a Security Council resolution", "Iraqi
#: positions"), then whose or by whom it is ("the rights of Palestinians", "a camp for refugees",
#: "an admission by Moscow")
INNER_PATHS = ("poss", "compound|amod|nmod:@ent")
INNER_COMPLEMENTS = ("prep:of|for|among|between|by>pobj",)


def inner_participants(doc: Doc, heads: list[Token], trigger: set[int] | frozenset[int] = frozenset(),
                       is_event_noun: Callable[[Token], bool] | None = None, depth: int = 0) -> list[Actor]:
    """The participants inside argument phrases that are no participant themselves. A complement
    ("of", "for") is not read through a noun that is an event of its own ("the killing of
    protesters" does not make the protesters its addressee)."""
    for head in heads:
        paths = INNER_PATHS if is_event_noun is not None and is_event_noun(head) else INNER_PATHS + INNER_COMPLEMENTS
        for path in paths:
            tokens = [t for t in follow(head, path) if t.i not in trigger]
            found = actors_for(doc, tokens, trigger) if tokens else []
            if not found and depth < 1:
                # one step further: "mediation efforts among Serbia's feuding republics"
                found = inner_participants(doc, tokens, trigger, is_event_noun, depth + 1)
            if found:
                return found
    return []
