"""Which way in time a phrase points, read from the verb that governs it."""

from __future__ import annotations

from spacy.tokens import Span, Token

#: auxiliaries that put their verb in the future ("will leave", "would engage")
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
#: verbs whose infinitive complement lies ahead ("is set to begin", "plans to visit")
FUTURE_GOVERNORS = frozenset({"set", "due", "schedule", "expect", "plan", "intend", "go", "aim", "prepare",
                              "hope", "vow", "promise", "pledge", "threaten", "want", "seek", "agree", "decide"})
_VERBAL = frozenset({"VERB", "AUX"})


#: words a time expression reaches its verb through ("Back in July, they declared")
_LINKS = frozenset({"ADP", "ADV", "SCONJ", "PART", "NUM", "PUNCT", "DET"})


def governing_verb(token: Token, within: Span | None = None) -> Token | None:
    """The verb a phrase hangs from, through prepositions and adverbs only.

    A phrase inside a noun phrase ("the June 3 hearing", "the closure during the fourth quarter")
    has no governing verb: the noun, not a verb, places it in time.
    """
    seen = 0
    while token.pos_ not in _VERBAL:
        inside = within is not None and within.start <= token.i < within.end
        if seen > 0 and not inside and token.pos_ not in _LINKS:
            return None
        if token.head is token or seen > 12:
            return None
        token, seen = token.head, seen + 1
    return token


def verb_direction(verb: Token) -> str | None:
    """``"future"``, ``"past"`` or None (present, or undecidable) for a verb."""
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.lower_ in FUTURE_AUXILIARIES for aux in auxiliaries):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS and any(a.lower_ == "to" for a in auxiliaries):
        head_direction = "future" if verb.head.lemma_ != "go" or verb.head.tag_ == "VBG" else None
        if head_direction:
            return head_direction
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:  # "a strike authorized on ..."
        return "past"
    return None


def direction(span: Span) -> str | None:
    """The direction of the verb governing a span, or None."""
    verb = governing_verb(span.root, span)
    return verb_direction(verb) if verb is not None else None
