"""Metonymy: a place name standing for its government or people.

"Washington said", "Washington's attempts", "Baghdad and Washington said in a joint statement",
"sanctions imposed by Moscow", "urged Tehran to", "talks with Kyiv": the name is an actor, not a
location. Decided from the dependency parse and the word lists in ``data/places/metonymy.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .data import Cues, cues


def metonymy_reason(span: Span, word_lists: Cues | None = None, polity: bool = True) -> str | None:
    """Why the place name ``span`` stands for an actor ("subject", "possessive", ...), or None.

    ``polity``: the place is a country or a national capital, whose name as the subject of any verb
    acting on something is an actor ("Chile reinforced its border"); for other places ("The Indus
    breached a dyke", "Buffalo escaped the worst") only the verbs listed as agentive count."""
    words = word_lists or cues()
    token = _first_conjunct(span.root)
    dep, head = token.dep_, token.head
    if head.i == token.i:  # the root of its sentence (spaCy makes a new Token object per access)
        predicate = _misparsed_predicate(token) if polity else None
        if predicate is None:
            return None
        dep, head = "nsubj", predicate
    if dep == "compound" and head.dep_ == "dobj" and head.ent_type_ in _AMOUNTS and head.i > token.i:
        dep, head = "dative", head.head  # "cost Cairo millions": the parser hangs the name on the amount
    lemma = head.lemma_.lower()
    if dep == "nsubj":
        if lemma in words.subject_verbs:
            return "subject"
        if polity and head.pos_ == "VERB" and (lemma not in words.stative_verbs or _agent_object(head, words)) \
                and _acts_on_something(head):
            return "subject"  # acting on something or reporting: "Chile reinforced its border", "X insisted that"
    if dep == "poss" and _noun_lemma(head) in words.intent_nouns:
        return "possessive"
    if dep == "pobj" and head.dep_ == "agent":
        return "agent"  # "... imposed by Washington"
    if dep in ("dobj", "dative") and lemma in words.object_verbs:  # "cost Cairo millions": dative
        return "object"
    if dep == "pobj" and head.lower_ == "with" and _noun_lemma(head.head) in words.partner_words:
        return "partner"
    if polity and dep == "pobj" and head.lower_ == "from" and head.head.pos_ == "NOUN" \
            and _noun_lemma(head.head) in words.source_nouns:
        return "source"  # "acting on orders from Brussels", "instructions from Moscow"
    if polity and _acting_relative(token, words):
        return "subject"  # "welcomed in Washington, which has pressed both sides to settle"
    return None


_AMOUNTS = frozenset({"MONEY", "CARDINAL", "QUANTITY"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def _acting_relative(token: Token, words: Cues) -> bool:
    """Whether a relative clause on the name makes it the subject of an act: "Washington, which has
    pressed both sides to settle" (the capital is the government); "Kabul, which lies in a valley" is not."""
    for child in token.rights:
        if child.dep_ != "relcl" or child.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_PRONOUNS for c in child.children):
            continue
        lemma = child.lemma_.lower()
        if lemma in words.subject_verbs:
            return True
        if lemma not in words.stative_verbs and _acts_on_something(child):
            return True
    return False


def _misparsed_predicate(token: Token) -> Token | None:
    """The verb of a name the parser made the root of its sentence when a relative clause follows it:
    in "Uzbekistan, which shares the valley, offered to host the talks" "offered" hangs on the name as a
    clause (acl) after the relative clause and a comma: it is the name's own predicate. A participle
    with an agent ("Kabul, which ..., surrounded by hills") stays a modifier."""
    relative = False
    for child in token.rights:
        if child.dep_ == "relcl":
            relative = True
        elif relative and child.dep_ == "acl" and child.pos_ == "VERB" and child.i > 0 and \
                child.doc[child.i - 1].text == "," and not any(c.dep_ == "agent" for c in child.children):
            return child
    return None


def _agent_object(verb: Token, words: Cues) -> bool:
    """Whether a verb's object is one an agent acts on: "hosted the talks", "received the envoy"."""
    return any(child.dep_ == "dobj" and _noun_lemma(child) in words.agent_objects for child in verb.children)


def _acts_on_something(verb: Token) -> bool:
    """Whether a verb has an object or a reported clause, itself or through the verb it governs:
    "reinforced its border", "began moving families back"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "ccomp"):
            return True
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and any(c.dep_ == "dobj" for c in child.children):
            return True
    return False


def _first_conjunct(token: Token) -> Token:
    """For "Baghdad and Washington", the parse hangs Washington on Baghdad: climb to Baghdad. Only
    over names: in "Leaders in Skopje and Tirana urged calm" a bad parse may hang Tirana on "Leaders"."""
    seen = 0
    while token.dep_ == "conj" and token.head is not token and token.head.pos_ == "PROPN" and seen < 10:
        token = token.head
        seen += 1
    return token


def _noun_lemma(token: Token) -> str:
    # the small model lemmatises some plurals oddly ("talks" -> "talk"); accept both spellings
    lemma = token.lemma_.lower()
    return lemma if lemma else token.lower_
