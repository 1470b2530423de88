"""Who is speaking: the speaker phrase of a cue, trimmed to its noun phrase, and the actors it denotes."""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom", "whose"})
#: dependents that are not part of the speaker's name: appositions ("Fadel Jaber, a member of ..."),
#: relative clauses, asides; the age in "Dawn Pritchard, 58," hangs off a comma and is cut with it
DROPPED = frozenset({"appos", "relcl", "advcl", "parataxis"})
#: how a participle or a conjoined verb reaches the clause whose subject speaks ("…, saying …")
CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "dobj", "pobj"})
#: verbs whose passive subject is the speaker ("Smith was quoted as saying ...")
PASSIVE_SPEAKER_VERBS = frozenset({"quote", "cite"})


def subject_of(verb: Token) -> Token | None:
    """The active subject of ``verb`` (a relative pronoun is replaced by the noun it stands for)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return antecedent(child)
    if verb.lemma_.lower() in PASSIVE_SPEAKER_VERBS:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return antecedent(child)
    return None


def agent_of(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb ("it was announced by the ministry")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def climb_to_subject(verb: Token, limit: int = 5) -> Token | None:
    """The subject of ``verb``, or of the clause a participle or conjoined verb hangs from."""
    token = verb
    for _ in range(limit):
        # a clause reported by another cue is not where this speaker stands: "said it would welcome talks
        # but insisted …" hangs "insisted" off the reported clause; its subject is the one who said
        subject = subject_of(token) if token.i == verb.i or token.dep_ != "ccomp" else None
        if subject is not None:
            return subject
        if token.head.i == token.i or (token.dep_ not in CLIMB and not (token.i != verb.i and token.dep_ == "ccomp")):
            return None
        token = token.head
    return None


def antecedent(token: Token) -> Token:
    """For a relative pronoun subject ("policymakers who warned"), the noun the clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.head.i:
        return token.head.head
    return token


def noun_head(token: Token) -> Token:
    """The head of the noun phrase a token belongs to (climbing compounds and flat names)."""
    while token.dep_ in ("compound", "flat", "nmod", "amod") and token.head.i != token.i \
            and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        token = token.head
    return token


def speaker_span(head: Token) -> Span:
    """The speaker phrase headed by ``head``: its subtree without appositions, asides and relative clauses.

    The phrase is the contiguous run of kept tokens around the head, so a comma-delimited aside cuts it.
    """
    doc = head.doc
    kept: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        kept.add(token.i)
        for child in token.children:
            if child.dep_ in DROPPED or child.is_space or _is_separator(child):
                continue
            stack.append(child)
    start = end = head.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    # never end on a conjunction or a possessive marker left dangling by a cut
    while end > start and (doc[end].dep_ in ("cc", "case") or doc[end].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return doc[start:end + 1]


def _is_separator(token: Token) -> bool:
    """Punctuation that delimits an aside (commas, brackets, dashes), unlike the hyphen in "al-Saadi"."""
    return token.is_punct and token.tag_ != "HYPH" and token.text not in ("-", "'", "’", ".")


def link_actors(doc: Doc, span: Span) -> list[str]:
    """Ids of the actors a speaker phrase denotes (one per conjunct of "Baghdad and Washington")."""
    from ..components import actors as actor_component

    try:
        if any(token.dep_ == "conj" for token in span) and hasattr(actor_component, "actors_for_span"):
            found = actor_component.actors_for_span(doc, span)
        else:
            one = actor_component.actor_for_span(doc, span)
            found = [one] if one is not None else []
    except Exception:  # a failing resolver must not lose the quotes
        log.exception("actor resolution failed for speaker %r", span.text)
        return []
    ids: list[str] = []
    for actor in found or []:
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    return ids
