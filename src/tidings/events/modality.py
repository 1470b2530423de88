"""Auxiliary modes from the PLOVER manual: negated, hypothetical (conditional), future.

Read off the clause that carries the event: its auxiliaries ("will", "might"), negation
("did not", "never"), a condition clause ("if", "unless", "in case"), and governing verbs or
adjectives of intent ("plans to", "is ready to", "threatened to"). ``historical`` is left to the
event-time component, which knows the event date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .frames import Candidate
from .lexicon import EventLexicon
from .paths import follow

#: how far up a chain of infinitives ("will begin to withdraw") modality is inherited
_MAX_CHAIN = 3


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_governor: frozenset[str]
    hypothetical_governor: frozenset[str]
    condition: frozenset[str]

    @classmethod
    def from_lexicon(cls, lexicon: EventLexicon) -> "ModalityCues":
        return cls(*(lexicon.words(kind) for kind in (
            "negation", "future_aux", "hypothetical_aux", "future_governor", "hypothetical_governor", "condition")))


def clause_chain(token: Token) -> list[Token]:
    """The trigger's clause head and the verbs/adjectives governing it through infinitives."""
    chain = [token]
    current = token
    for _ in range(_MAX_CHAIN):
        if current.dep_ in {"xcomp", "acomp"} or (current.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                             for c in current.children)):
            current = current.head
            chain.append(current)
        else:
            break
    return chain


def _in_case(token: Token, cues: ModalityCues) -> bool:
    """Whether ``token`` has an "in case" phrase."""
    return any(t.lower_ in cues.condition for t in follow(token, "prep:in>pobj"))


def _condition_clause(clause: Token, cues: ModalityCues) -> bool:
    """Whether an adverbial clause states a condition ("if", "unless", "in case")."""
    return clause.dep_ == "advcl" and (
        any(m.dep_ == "mark" and m.lower_ in cues.condition for m in clause.children) or _in_case(clause, cues))


def has_condition(token: Token, cues: ModalityCues) -> bool:
    """Whether a clause attached to ``token`` states a condition ("if", "unless", "in case")."""
    return any(_condition_clause(child, cues) for child in token.children) or _in_case(token, cues)  # "in case of"


def in_condition_clause(token: Token, cues: ModalityCues) -> bool:
    """Whether ``token`` sits inside a condition ("unless the president agrees to step down")."""
    current = token
    while current.head.i != current.i:
        if _condition_clause(current, cues):
            return True
        current = current.head
    return False


def _negative_phrase(adverb: Token, cues: ModalityCues) -> bool:
    """An adverb that a negation word of its own makes a negation cue ("no longer": the parser
    hangs "no" on "longer", not on the verb)."""
    return any(child.dep_ in {"neg", "det", "advmod"} and f"{child.lower_} {adverb.lower_}" in cues.negation
               for child in adverb.children)


def read_modality(candidate: Candidate, cues: ModalityCues) -> None:
    """Set the candidate's negated, hypothetical and future flags."""
    head = candidate.head
    chain = clause_chain(head)
    negated = hypothetical = future = False
    for position, verb in enumerate(chain):
        children = list(verb.children)
        aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}} | {c.lemma_.lower() for c in children
                                                                             if c.dep_ in {"aux", "auxpass"}}
        if any(c.dep_ == "neg" for c in children) or any(
                c.dep_ in {"advmod", "neg"} and (c.lower_ in cues.negation or _negative_phrase(c, cues))
                for c in children):
            negated = True
        if aux & cues.hypothetical_aux:
            hypothetical = True
        if aux & cues.future_aux:
            future = True
        if position > 0 and verb.lemma_.lower() in cues.future_governor:
            future = True
        if position > 0 and verb.lemma_.lower() in cues.hypothetical_governor:
            hypothetical = True
        if has_condition(verb, cues):
            hypothetical = True
    if candidate.is_nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in candidate.token.children):
        negated = True
    # a control noun of intent: "the decision to install", "an intention to leave"
    if head.dep_ == "acl" and head.head.lemma_.lower() in cues.future_governor:
        future = True
    candidate.negated, candidate.hypothetical, candidate.future = negated, hypothetical, future
