"""A tiny path language over dependency trees, used by the trigger lexicon.

A path is steps joined by ``>``; alternative paths are joined by ``;`` (the path reaches what any
alternative reaches: ``xcomp;prep:for>pobj`` is "an infinitive, or a for-phrase"). A step is
``DEPS`` or ``DEPS:WORDS``:

- ``DEPS`` is ``|``-separated dependency labels (``dobj``, ``prep``), or ``*`` for any;
  a leading ``^`` goes UP to the head instead of down to children (``^xcomp`` = "my head, if I
  am its xcomp"); ``self`` stays on the token (useful with WORDS).
- ``WORDS`` is ``|``-separated lemmas (lower case) the token must have; ``@`` names a class:
  ``@ent`` (a person, group, organisation, country or nationality entity), ``@pron`` (a personal pronoun),
  ``@noun`` (any noun or proper noun), ``@money`` (an amount of money: "$4.5 billion"), ``@date``
  (a date or time: "on Thursday"). ``!WORDS`` matches any token but those ("prep:on>pobj:!@date":
  an on-phrase that is no date).

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
    negated: bool = False  # WORDS written "!a|b": any token but those

    def matches_word(self, token: Token) -> bool:
        if self.words is None:
            return True
        return self._listed(token) != self.negated

    def _listed(self, token: Token) -> bool:
        for word in self.words or ():
            if word.startswith("@"):
                if _in_class(token, word[1:]):
                    return True
            elif word in word_forms(token):
                return True
        return False


def word_forms(token: Token) -> tuple[str, ...]:
    """The lemma and text of a token, and for a regularly inflected verb its stem: the small
    model's lemmatizer slips on some ("staged" → "stag"), and a listed word should still match."""
    forms = (token.lemma_.lower(), token.lower_)
    if token.pos_ not in {"VERB", "AUX"}:
        return forms
    lower = token.lower_
    if token.tag_ in {"VBD", "VBN"} and lower.endswith("ed"):
        return forms + (lower[:-1], lower[:-2])
    if token.tag_ == "VBZ" and lower.endswith("s"):
        return forms + (lower[:-1],)
    if token.tag_ == "VBG" and lower.endswith("ing"):
        return forms + (lower[:-3], lower[:-3] + "e")
    return forms


def _in_class(token: Token, name: str) -> bool:
    if name == "ent":
        return token.ent_type_ in ACTOR_ENTITY_LABELS
    if name == "pron":
        return token.pos_ == "PRON" and token.tag_ in {"PRP", "WP"}
    if name == "noun":
        return token.pos_ in {"NOUN", "PROPN"}
    if name == "money":
        return token.ent_type_ == "MONEY"
    if name == "date":
        return token.ent_type_ in {"DATE", "TIME"}
    raise ValueError(f"unknown word class @{name}")


_CLASSES = frozenset({"ent", "pron", "noun", "money", "date"})


@lru_cache(maxsize=4096)
def parse_alternatives(path: str) -> tuple[tuple[Step, ...], ...]:
    """Parse ``a>b;c`` into its alternatives; raises ValueError on a malformed path."""
    if not path or not path.strip():
        raise ValueError("empty path")
    return tuple(parse_path(part) for part in path.split(";"))


@lru_cache(maxsize=4096)
def parse_path(path: str) -> tuple[Step, ...]:
    """Parse one alternative ``a>b:c|d``; raises ValueError on a malformed path."""
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
        negated = words_part.startswith("!")
        words_part = words_part[1:] if negated else words_part
        words = frozenset(w.strip().lower() for w in words_part.split("|") if w.strip()) if words_part else None
        if negated and not words:
            raise ValueError(f"step {raw!r}: '!' needs words")
        for word in words or ():
            if word.startswith("@") and word[1:] not in _CLASSES:
                raise ValueError(f"unknown word class {word}")
        steps.append(Step(up=up, deps=deps, words=words, negated=negated))
    return tuple(steps)


def follow(token: Token, path: str) -> list[Token]:
    """The tokens reached from ``token`` along ``path`` (in document order, no duplicates)."""
    seen: dict[int, Token] = {}
    for steps in parse_alternatives(path):
        for tok in _walk(token, steps):
            seen.setdefault(tok.i, tok)
    return [seen[i] for i in sorted(seen)]


def _walk(token: Token, steps: tuple[Step, ...]) -> list[Token]:
    current = [token]
    for step in steps:
        reached: list[Token] = []
        for tok in current:
            reached.extend(_step(tok, step))
        current = reached
        if not current:
            return []
    return current


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
