"""Actor and recipient argument heads of a trigger, read off the dependency parse.

Only syntax lives here: which tokens head the actor and recipient phrases. Mapping those phrases
to Actor records is the actors component's job (``actor_for_span``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .frames import Candidate
from .lexicon import EventLexicon
from .paths import ACTOR_ENTITY_LABELS, follow, word_forms

_SUBJECT = frozenset({"nsubj"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_CLAUSE_BARRIERS = frozenset({"advcl", "acl", "relcl", "conj", "parataxis", "appos", "nsubj", "nsubjpass", "csubj", "cc",
                              "punct", "mark", "aux", "auxpass", "neg", "npadvmod"})

#: where a nominal trigger's actor is found when the lexicon entry names none
NOUN_ACTOR_PATHS = ("prep:by>pobj", "acl>agent>pobj", "poss", "compound|amod|nmod:@ent")
PASSIVE_ACTOR_PATHS = ("agent>pobj",)
#: what a passive act was done "in" ("killed in a car bomb explosion"): the actors component reads
#: it as an actor only when it is a weapon or an attack (see events.build)
PASSIVE_INSTRUMENT_PATH = "prep:in>pobj"


def is_passive(token: Token) -> bool:
    """A passive verb ("were killed"), or a passive participle modifying a noun ("a strike authorized by")."""
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of a verb, inherited through control, coordination and relative clauses."""
    if depth > 4:
        return []
    subjects = [child for child in verb.children if child.dep_ in _SUBJECT]
    if subjects:
        subject = subjects[0]
        if subject.tag_ in _RELATIVE and verb.dep_ == "relcl":
            return [verb.head]  # "groups, which have played ..." → groups
        return [_counted(subject)]
    if verb.dep_ == "relcl" and not is_passive(verb):
        return [verb.head]  # "forces that attacked ..." parsed without a subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]  # "militants attacking the base"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        holder = verb.head.head  # "X are guilty of violating", "X were accused of killing"
        if holder.pos_ == "ADJ" and holder.dep_ in {"acomp", "oprd"}:
            return subject_of(holder.head, depth + 1)
        return []
    purpose = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in {"xcomp", "conj"} or purpose or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        head = verb.head
        if head.pos_ in {"VERB", "AUX", "ADJ"}:
            if verb.dep_ == "conj" and is_passive(head) and not is_passive(verb):
                return []
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is ready to contribute"
                head = head.head
            return subject_of(head, depth + 1)
    return []


#: heads that only count or collect the participants named after "of" ("hundreds of farmers")
_QUANTITY = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten", "number", "group", "crowd", "band",
                       "handful", "couple", "majority", "some", "many", "all", "most", "several", "few", "both",
                       "each", "one", "two", "three", "dozens", "hundreds", "thousands", "tens", "scores", "member", "members"})


def first_found(token: Token, paths: tuple[str, ...] | list[str]) -> list[Token]:
    """The tokens reached by the first path that reaches any (a quantity head gives way to what it counts)."""
    for path in paths:
        found = _reached(token, path)
        if found:
            return found
    return []


def all_found(token: Token, paths: tuple[str, ...] | list[str]) -> list[list[Token]]:
    """What each path reaches, in path order (paths reaching nothing are left out)."""
    options = []
    for path in paths:
        found = _reached(token, path)
        if found and found not in options:
            options.append(found)
    return options


def _reached(token: Token, path: str) -> list[Token]:
    """The participant heads a path reaches: one per slot, counted ("hundreds of farmers" → farmers), no dates."""
    return [c for t in _one_per_slot(follow(token, path)) if not _is_date(c := _counted(t))]


def _one_per_slot(tokens: list[Token]) -> list[Token]:
    """A head has one phrase per relation: a second direct object is a misparse ("abused
    immigrants ..., a human rights organization charged"), so the first is kept."""
    seen: set[tuple[int, str]] = set()
    out = []
    for token in tokens:
        slot = (token.head.i, token.dep_)
        if token.dep_ in ("dobj", "nsubj", "nsubjpass", "dative") and slot in seen:
            continue
        seen.add(slot)
        out.append(token)
    return out


def _counted(token: Token, depth: int = 0) -> Token:
    if depth < 3 and (token.lemma_.lower() in _QUANTITY or token.lower_ in _QUANTITY):
        for of in token.children:
            if of.dep_ == "prep" and of.lower_ == "of":
                objects = [c for c in of.children if c.dep_ == "pobj"]
                if objects:
                    return _counted(objects[0], depth + 1)  # "hundreds of thousands of people"
    return token


def _is_date(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def light_verb_of(noun: Token, lexicon: EventLexicon, event_type: str | None = None) -> Token | None:
    """The verb a nominal trigger is the object of ("launched an attack", "engage in a war"); a cue
    listing types is a light verb only for those ("had talks" but not "had a deal")."""
    for cue in lexicon.cues_of("light_verb"):
        if cue.types and event_type not in cue.types:
            continue
        words = {w.lower() for w in cue.words}
        for head in (noun.head, noun.head.head, noun.head.head.head):
            if head.i == noun.i or head.pos_ not in {"VERB", "AUX"}:
                continue
            if not words.isdisjoint(word_forms(head)) and noun in follow(head, cue.path or "dobj"):
                return head
    return None


def control_noun_actor(verb: Token, lexicon: EventLexicon) -> list[Token]:
    """The possessor of a control noun: "the US military's decision to install" → the US military."""
    if verb.dep_ not in {"acl", "relcl"} or verb.head.lemma_.lower() not in lexicon.words("control_noun"):
        return []
    noun = verb.head
    found = first_found(noun, ("poss", "prep:by>pobj", "compound|amod:@ent"))
    if found:
        return found
    light = light_verb_of(noun, lexicon) or (noun.head if noun.head.pos_ == "VERB" else None)
    return subject_of(light) if light is not None else []


def fill_arguments(candidate: Candidate, lexicon: EventLexicon) -> None:
    """Set the candidate's actor, recipient and content heads from its frame and the parse."""
    token, entry = candidate.token, candidate.entry
    info = lexicon.types[candidate.event_type]
    if candidate.is_nominal:
        candidate.light_verb = light_verb_of(token, lexicon, candidate.event_type)
        actor = first_found(token, entry.actor or NOUN_ACTOR_PATHS)
        if not actor and candidate.light_verb is not None:
            verb = candidate.light_verb
            actor = first_found(verb, PASSIVE_ACTOR_PATHS) if is_passive(verb) else subject_of(verb)
        recipient_paths = entry.recipient if entry.recipient is not None else info.noun_recipient
        options = all_found(token, recipient_paths)
        if candidate.light_verb is not None:
            verb = candidate.light_verb
            options += all_found(verb, [p for p in info.verb_recipient if p != "dobj"])
            if is_passive(verb):
                options += all_found(verb, ("nsubjpass",))  # "X was put under investigation"
    else:
        passive = is_passive(token)
        if entry.actor:
            actor = first_found(token, entry.actor)
        elif passive:
            actor = first_found(token, PASSIVE_ACTOR_PATHS)
        else:
            # "issued a declaration demanding ...": the issuer demands, not the declaration
            actor = control_noun_actor(token, lexicon) or subject_of(token)
        recipient_paths = list(entry.recipient if entry.recipient is not None else info.verb_recipient)
        if passive:
            # the passive subject (or the noun a passive participle modifies) is the object
            recipient_paths = [("nsubjpass" if p == "dobj" else p) for p in recipient_paths]
            if token.dep_ == "acl" and "nsubjpass" in recipient_paths:
                recipient_paths.append("^acl")
        options = all_found(token, recipient_paths)
    candidate.actor_tokens = [t for t in actor if t.i != token.i]
    options = [[t for t in option if t.i != token.i and t not in candidate.actor_tokens] for option in options]
    candidate.recipient_options = [option for option in options if option]
    candidate.recipient_tokens = list(candidate.recipient_options[0]) if candidate.recipient_options else []
    candidate.content_tokens = content_heads(candidate, info.content) if info.takes_content else []


def content_heads(candidate: Candidate, type_paths: tuple[str, ...] = ()) -> list[Token]:
    """The complements holding what was requested, threatened, rejected or agreed."""
    paths = candidate.entry.content or type_paths or ("xcomp", "ccomp", "dobj", "prep:for|of|to|against|on|with|into>pobj|pcomp",
                                        "dobj>acl|relcl", "oprd", "acomp>xcomp", "acomp>prep>pobj")
    heads: list[Token] = []
    for path in paths:
        heads.extend(t for t in follow(candidate.token, path) if t not in heads)
    return heads


def is_participant_token(token: Token) -> bool:
    """A syntactic hint that a phrase names a participant (an entity, or a noun an entity modifies:
    "Iraqi political groups"), used only when the actors component found no actor for it."""
    if token.ent_type_ in ACTOR_ENTITY_LABELS or (token.pos_ == "PRON" and token.tag_ == "PRP"):
        return True
    return any(child.ent_type_ in ACTOR_ENTITY_LABELS for child in token.children
               if child.dep_ in {"amod", "compound", "poss", "nmod"})


def argument_span(token: Token, stop: frozenset[int] = frozenset()) -> Span:
    """The phrase an argument head stands for: its subtree (the actors contract), without edge
    punctuation nor what follows a trigger word inside it ("held [US forces] responsible for ...")."""
    doc = token.doc
    start, end = contiguous_subtree(token)
    for child in token.children:
        if child.i > token.i and any(t.i in stop for t in child.subtree):
            end = min(end, child.left_edge.i)
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def contiguous_subtree(token: Token) -> tuple[int, int]:
    """Token range of the unbroken run of ``token``'s subtree around it. A misparse can hang a phrase
    far away on a word ("Serbia eased ..., the scene of ..." as an apposition to Serbia); the
    subtree's edges would then swallow the verb between them."""
    inside = {t.i for t in token.subtree}
    start, end = token.i, token.i + 1
    while start - 1 in inside:
        start -= 1
    while end in inside:
        end += 1
    return start, end


def _open_barrier(token: Token, ancestor: Token) -> bool:
    """Coordination inside the content ("not to be lenient and to mount strikes") and purpose
    infinitives ("urged the formation of an alliance to expel ...") stay inside it."""
    if token.dep_ == "conj":
        return token.head.i != ancestor.i
    if token.dep_ in {"advcl", "acl"}:
        return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)
    return False


def within(token: Token, ancestor: Token, barriers: frozenset[str] = _CLAUSE_BARRIERS) -> bool:
    """Whether ``token`` lies in ``ancestor``'s complements without crossing a clause barrier."""
    current = token
    while current.i != ancestor.i:
        if current.dep_ in barriers and not _open_barrier(current, ancestor):
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return True
