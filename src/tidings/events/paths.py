"""A tiny path language over dependency trees, used by the trigger lexicon.

A path is steps joined by ``>``. A step is ``DEPS`` or ``DEPS:WORDS``:

- ``DEPS`` is ``|``-separated dependency labels (``dobj``, ``prep``), or ``*`` for any;
  a leading ``^`` goes UP to the head instead of down to children (``^xcomp`` = "my head, if I
  am its xcomp"); ``self`` stays on the token (useful with WORDS).
- ``WORDS`` is ``|``-separated lemmas (lower case) the token must have; ``@`` names a class:
  ``@ent`` (a person, group, organisation, country or nationality entity), ``@pron`` (a personal pronoun),
  ``@noun`` (any noun or proper noun).

Examples: ``dobj`` (the direct object), ``prep:with>pobj`` (the object of "with"),
``dobj>amod|acomp:responsible`` ("held X responsible"), ``^dobj>nsubj`` (the subject of the verb
whose object I am).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

ACTOR_ENTITY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})


@dataclass(frozen=True)
class Step:
    up: bool
    deps: frozenset[str] | None  # None = any
    words: frozenset[str] | None  # None = any

    def matches_word(self, token: Token) -> bool:
        if self.words is None:
            return True
        for word in self.words:
            if word.startswith("@"):
                if _in_class(token, word[1:]):
                    return True
            elif token.lemma_.lower() == word or token.lower_ == word:
                return True
        return False


def _in_class(token: Token, name: str) -> bool:
    if name == "ent":
        return token.ent_type_ in ACTOR_ENTITY_LABELS
    if name == "pron":
        return token.pos_ == "PRON" and token.tag_ in {"PRP", "WP"}
    if name == "noun":
        return token.pos_ in {"NOUN", "PROPN"}
    raise ValueError(f"unknown word class @{name}")


@lru_cache(maxsize=4096)
def parse_path(path: str) -> tuple[Step, ...]:
    """Parse ``a>b:c|d``; raises ValueError on a malformed path."""
    steps = []
    if not path or not path.strip():
        raise ValueError("empty path")
    for raw in path.split(">"):
        raw = raw.strip()
        up = raw.startswith("^")
        if up:
            raw = raw[1:]
        deps_part, _, words_part = raw.partition(":")
        if not deps_part:
            raise ValueError(f"step {raw!r} has no dependency label")
        deps = None if deps_part == "*" else frozenset(deps_part.split("|"))
        words = frozenset(w.strip().lower() for w in words_part.split("|") if w.strip()) if words_part else None
        for word in words or ():
            if word.startswith("@") and word[1:] not in {"ent", "pron", "noun"}:
                raise ValueError(f"unknown word class {word}")
        steps.append(Step(up=up, deps=deps, words=words))
    return tuple(steps)


def follow(token: Token, path: str) -> list[Token]:
    """The tokens reached from ``token`` along ``path`` (in document order, no duplicates)."""
    current = [token]
    for step in parse_path(path):
        reached: list[Token] = []
        for tok in current:
            reached.extend(_step(tok, step))
        current = reached
        if not current:
            return []
    seen: dict[int, Token] = {}
    for tok in current:
        seen.setdefault(tok.i, tok)
    return [seen[i] for i in sorted(seen)]


def _step(token: Token, step: Step) -> list[Token]:
    if step.deps is not None and "self" in step.deps:
        candidates = [token]
    elif step.up:
        if token.head.i == token.i:
            return []
        if step.deps is not None and token.dep_ not in step.deps:
            return []
        candidates = [token.head]
    else:
        candidates = [c for c in token.children if step.deps is None or c.dep_ in step.deps]
    return [c for c in candidates if step.matches_word(c)]


def matches(token: Token, path: str) -> bool:
    return bool(follow(token, path))
