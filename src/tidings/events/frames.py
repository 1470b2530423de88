"""Trigger frames: which tokens of a sentence anchor an event, and with which lexicon entry.

A token anchors a candidate when its lemma and part of speech have a lexicon entry whose
``requires`` paths all match and whose ``excludes`` paths all fail; the most specific entry wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import EventLexicon, Trigger
from .paths import follow, matches, word_forms

#: spaCy coarse tags → the lexicon's part of speech
LEXICON_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ", "AUX": "VERB"}


@dataclass
class Candidate:
    """A trigger found in a sentence, before arguments are mapped to actors."""

    token: Token
    entry: Trigger
    event_type: str
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    span_tokens: list[Token] = field(default_factory=list)
    actor_tokens: list[Token] = field(default_factory=list)
    recipient_tokens: list[Token] = field(default_factory=list)
    #: what each recipient path reaches, in order: the first that names a participant is the recipient
    recipient_options: list[list[Token]] = field(default_factory=list)
    content_tokens: list[Token] = field(default_factory=list)
    light_verb: Token | None = None  # the verb a nominal trigger is the object of ("launched an attack")
    absorbed_by: "Candidate | None" = None
    absorbed: list["Candidate"] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    #: whether a missing or own-side recipient may be taken from the target of the content (a threat
    #: read off a refusal, "will not allow attacks on its soldiers", is aimed at the attackers)
    redirect: bool = True

    @property
    def is_nominal(self) -> bool:
        return self.entry.pos == "NOUN"

    @property
    def head(self) -> Token:
        """The token whose clause carries tense, negation and subject (the light verb for nominals)."""
        return self.light_verb if self.light_verb is not None else self.token


#: dependency labels of noun phrases: a plural noun mistagged as a verb ("held drills") keeps them
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})


def lexicon_pos(token: Token) -> str | None:
    if token.pos_ == "VERB" and token.dep_ in _NOMINAL_DEPS and token.tag_ == "VBZ":
        return "NOUN"
    return LEXICON_POS.get(token.pos_)


def hyphen_prefix(token: Token) -> list[Token]:
    """The tokens before ``token`` in one unspaced hyphenated word: the tokenizer splits "sit-in",
    "walk-out" and "cease-fire" into three tokens, and the lexicon lists the whole word."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        return [doc[i - 2], doc[i - 1]]
    return []


def _forms(token: Token) -> list[str]:
    """The words a token may be listed under: its lemma and text, and the whole hyphenated word
    it ends ("sit-ins" → "sit-in")."""
    forms = list(word_forms(token))
    prefix = hyphen_prefix(token)
    if prefix:
        forms = [f"{prefix[0].lower_}-{form}" for form in forms] + forms
    return forms


def match_entry(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """The most specific lexicon entry whose frame matches ``token``, or None."""
    pos = lexicon_pos(token)
    if pos is None:
        return None
    seen: set[int] = set()
    for lemma in _forms(token):
        for entry in lexicon.entries(lemma, pos):
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            if all(matches(token, path) for path in entry.requires) and not any(
                    matches(token, path) for path in entry.excludes):
                return entry
    return None


def find_candidates(sent: Span, lexicon: EventLexicon) -> list[Candidate]:
    """Every token of the sentence that anchors a lexicon frame."""
    found = []
    for token in sent:
        entry = match_entry(token, lexicon)
        if entry is None:
            continue
        candidate = Candidate(token=token, entry=entry, event_type=entry.type, mode=list(entry.mode),
                              context=list(entry.context))
        candidate.span_tokens = trigger_tokens(token, entry)
        found.append(candidate)
    return found


def trigger_tokens(token: Token, entry: Trigger) -> list[Token]:
    """The anchor plus the words its frame names in ``span`` (particles, "responsible", "upon")."""
    tokens = [token, *hyphen_prefix(token)]
    for child in token.children:
        if child.dep_ in {"prt", "neg"} and child.i > token.i:
            tokens.append(child)
    for path in entry.span:
        # only words close to the anchor join the trigger text ("held ... responsible", "call upon")
        tokens.extend(t for t in follow(token, path) if abs(t.i - token.i) <= 6)
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
