"""Find the participant mentions of a parsed Doc: named actors, agent-noun phrases, pronouns.

A mention is found by its head token:

- a person or organisation name (unless it only modifies another noun: "C-RAM systems");
- a nationality used as a noun ("Americans would try");
- a country or capital acting: a subject, a possessor ("Washington's attempts"), the agent of a
  passive ("led by the US"), or a conjunct of one ("Baghdad and Washington said");
- an agent noun ("lawmakers", "the prime minister", "US occupation forces"), unless it only says
  where something is ("at the Iraqi parliament") or restates a name ("Fadel Jaber, a member of ...");
- a personal pronoun ("he", "they", "we"), or "the latter" / "the former";
- when another component asks about an argument (``forced``), also "it" and a possessive
  ("its invasion", "their withdrawal"): these stand for an actor only as an event's argument.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .entities import entities
from .resolve import Resolution, Resolver, core_range
from .text import normalise

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "me"})
#: pronouns read only as an asked-about argument: "it" (often no actor: "it rained") and possessives
ARGUMENT_PRONOUNS = frozenset({"it", "its", "their", "his", "her"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
ANAPHORIC_ADJECTIVES = frozenset({"latter", "former"})
#: dependency labels of a head that acts (or is acted on) rather than only modifying a noun
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj", "expl"})
#: prepositions whose object is a location, not a participant ("at the parliament", "in Iraq")
PLACE_PREPS = frozenset({"at", "in", "inside", "within", "near", "across", "throughout", "into", "onto", "around",
                         "beyond", "outside", "on", "from", "to", "toward", "towards", "over", "under"})
NAMED_LABELS = frozenset({"PERSON", "ORG"})
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass
class Mention:
    """A participant mention: its head, its character span, and how it reads."""

    head: int  # token index
    start: int  # character offsets
    end: int
    resolution: Resolution
    pronoun: str | None = None  # lower-cased pronoun or "latter"/"former"


def find_mentions(doc: Doc, resolver: Resolver, date: str | None) -> list[Mention]:
    """Every participant mention in the Doc, in document order."""
    mentions: dict[int, Mention] = {}
    for token in doc:
        if token.i in mentions:
            continue
        mention = mention_at(token, resolver, date)
        if mention is not None:
            mentions[token.i] = mention
    return sorted(mentions.values(), key=lambda m: (m.start, -m.end))


def mention_at(token: Token, resolver: Resolver, date: str | None, forced: bool = False) -> Mention | None:
    """The mention headed by ``token``, or None. ``forced`` accepts any resolvable head (used when
    another component asks about a syntactic argument)."""
    lower = token.lower_
    if token.pos_ == "PRON" or token.tag_ == "PRP":
        possessive = token.tag_ == "PRP$" or token.dep_ == "poss"
        if lower in PERSONAL_PRONOUNS and not possessive:
            return pronoun_mention(token)
        if forced and lower in ARGUMENT_PRONOUNS and (possessive or lower == "it"):
            return pronoun_mention(token)
        return None
    if lower in ANAPHORIC_ADJECTIVES and token.dep_ not in ("amod", "compound") and any(
            c.lower_ == "the" for c in token.lefts):
        return pronoun_mention(token)
    if (token.pos_ not in ("NOUN", "PROPN", "ADJ", "X", "NUM") and not token.ent_type_) or token.is_punct:
        return None
    if not forced and not _may_head(token, resolver):
        return None
    if not forced and _modifies_noun(token):
        return None
    if not forced and _restates_name(token):
        return None
    resolution = resolver.resolve_head(token, date)
    if not _is_participant(token, resolution, forced, resolver):
        return None
    start, end = mention_range(token, resolution)
    return Mention(token.i, start, end, resolution)


def pronoun_mention(token: Token) -> Mention:
    """A pronoun mention; a possessive one is marked with a trailing "$" ("its$", "her$")."""
    lower = token.lower_
    possessive = token.tag_ == "PRP$" or token.dep_ == "poss"
    pronoun = lower + "$" if possessive and lower in POSSESSIVE_PRONOUNS else lower
    return Mention(token.i, token.idx, token.idx + len(token), Resolution(kind="pronoun"), pronoun=pronoun)


def possessive_pronoun(token: Token) -> Token | None:
    """The possessive pronoun before a noun ("their" of "their forces"), or None."""
    for child in token.lefts:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
            return child
    return None


def _may_head(token: Token, resolver: Resolver) -> bool:
    """A cheap first test before resolving: a name, a country word, or an agent noun."""
    if token.ent_type_ in NAMED_LABELS | PLACE_LABELS | {"NORP"}:
        return True
    return resolver.agents.could_end(normalise(token.text), token.lemma_.lower())


def _modifies_noun(token: Token) -> bool:
    """Tokens inside another noun's phrase: compounds and adjectives, and names' inner words."""
    if token.ent_type_:
        ent = entities(token.doc).at[token.i]
        if ent is not None and ent.root.i != token.i:
            return True
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
            and doc[token.i + 2].is_alpha:
        return True  # the first part of a hyphenated word: "intelligence-sharing"
    return token.dep_ in ("compound", "amod", "nmod", "nummod") and token.head.i > token.i


def _restates_name(token: Token) -> bool:
    """An apposition to a participant restates it ("Fadel Jaber, a member of ..."), and so does the
    name in brackets after a description ("the prime minister (Mustafa Al-Kadhimi)"). A name in
    brackets after a place is not a restatement ("TEHRAN (Tasnim)")."""
    if token.dep_ != "appos" or token.head.pos_ not in ("PROPN", "NOUN"):
        return False
    return token.head.ent_type_ not in PLACE_LABELS


def _is_participant(token: Token, res: Resolution, forced: bool, resolver: Resolver) -> bool:
    if res.role_kind == "instrument" and res.head_agent:
        # "a roadside bomb killed ...", "killed by a bomb", "was killed in a car bomb explosion":
        # asked about as the one who acts; a phrase standing alone is asked about as an actor
        return forced and (token.dep_ == "nsubj" or token.dep_ == "pobj" and token.head.dep_ == "agent"
                           or _in_passive(token) or token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN"))
    if forced and _in_passive(token):
        return False  # "was killed in the city": only an instrument acts from there
    if forced:
        return res.found or res.name is not None
    label = token.ent_type_
    if res.kind == "region":
        return _acting(token, resolver)
    if label in NAMED_LABELS or res.kind in ("person", "organisation", "outlet") and res.kb_id:
        if res.kind == "place":
            return False
        return res.found or label in NAMED_LABELS
    if res.kind == "country" and res.resolved_by in ("kb", "metonymy"):
        return _acting(token, resolver)
    if res.kind == "country" and res.resolved_by == "demonym":
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("amod", "compound")
    if not res.head_agent or res.role_kind == "none":
        return False
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
        return False
    if res.role_kind == "weak":
        return bool(res.code or res.kb_id)
    if res.role_kind == "role":
        return res.found
    return res.role_kind == "agent"


def _in_passive(token: Token) -> bool:
    """The object of "in" on a passive verb: "was killed in a car bomb explosion"."""
    if token.dep_ != "pobj" or token.head.lower_ != "in" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _acting(token: Token, resolver: Resolver) -> bool:
    """A place name used as an actor: subject, possessor of a non-actor, agent of a passive."""
    if token.dep_ in ACTING_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ == "poss":
        # "Washington's attempts" acts; "Iraq's Harakat Hezbollah al-Nujaba group" only says whose
        possessed = token.head
        if possessed.ent_type_ in NAMED_LABELS or any(c.dep_ == "compound" and c.ent_type_ in NAMED_LABELS
                                                      for c in possessed.lefts):
            return False
        return not resolver.agents.could_end(normalise(possessed.text), possessed.lemma_.lower())
    if token.dep_ == "conj":
        return _acting(token.head, resolver)
    return False


def mention_range(token: Token, res: Resolution) -> tuple[int, int]:
    """Character span of the mention: the core phrase without leading determiners, plus an "of"
    complement for roles ("the secretary general of X") and a bracketed name."""
    doc = token.doc
    start, end = core_range(token)
    for child in token.lefts:  # "this year's Apple conference": the date is not part of the name
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME") and child.right_edge.i < token.i:
            start = max(start, child.right_edge.i + 1)
    while start < token.i and (doc[start].pos_ in ("DET", "PUNCT", "CCONJ") or doc[start].dep_ in ("det", "predet",
                                                                                                  "punct", "cc")):
        start += 1
    last = token.i
    if res.role_kind == "role":
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                last = max(last, child.right_edge.i)
    for child in token.rights:
        if child.dep_ == "appos" and doc[child.left_edge.i - 1].text == "(" and child.right_edge.i + 1 < len(doc) \
                and doc[child.right_edge.i + 1].text == ")":
            last = max(last, child.right_edge.i + 1)
    while last > token.i and doc[last].is_punct and doc[last].text != ")":
        last -= 1
    return doc[start].idx, doc[last].idx + len(doc[last])
