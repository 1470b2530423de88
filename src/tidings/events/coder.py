"""Code one sentence: find trigger frames, read their arguments and modality, settle their type.

The steps, each a small function:

1. frames: lexicon triggers in the sentence (not inside a condition clause: "unless X agrees");
2. arguments: actor, recipient and content heads from the parse;
3. merge a nominal trigger into the verb it modifies ("were targeted in a drone strike
   authorized by X", "air strikes killed ...");
4. absorb events inside the content of a verbal event ("threatened to launch an offensive" is one
   THREATEN, "urged ... to expel" one REQUEST); the content gives the verbal event its mode;
5. modality; intent changes the type as the PLOVER manual says (a future or conditional ASSAULT is
   a THREATEN, future AID an AGREE); a negated frame may name its opposite ("will not accept" → REJECT);
6. nominal triggers need a participant or a light verb: "the agreement has enraged ..." is no AGREE.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .arguments import fill_arguments, subject_of, within
from .frames import Candidate, find_candidates
from .lexicon import EventLexicon
from .modality import ModalityCues, in_condition_clause, read_modality
from .paths import word_forms

#: relations through which a nominal trigger belongs to a verbal one of the same type
_MERGE_DEPS = frozenset({"pobj", "nsubj", "dobj", "npadvmod"})
#: dependency labels of phrases in content that can be the target of a requested/threatened act
_TARGET_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos", "dative"})
#: determiners of a nominal trigger that name no actual event ("any attack", "every provocation")
_UNREAL_DETERMINERS = frozenset({"any", "every", "whatever"})


def code_sentence(sent: Span, lexicon: EventLexicon) -> list[Candidate]:
    """The events (as candidates with argument heads) of one sentence, in trigger order."""
    cues = ModalityCues.from_lexicon(lexicon)
    candidates = [c for c in find_candidates(sent, lexicon) if not in_condition_clause(c.token, cues)]
    for candidate in candidates:
        fill_arguments(candidate, lexicon)
    _merge_nominals(candidates, lexicon)
    live = [c for c in candidates if c.absorbed_by is None]
    _absorb_content(live, lexicon)
    live = [c for c in live if c.absorbed_by is None]
    for candidate in live:
        read_modality(candidate, cues)
        _content_type(candidate, lexicon)
        _content_mode(candidate, lexicon)
        _settle_type(candidate, lexicon)
    return [c for c in live if _is_event(c, lexicon)]


def _merge_nominals(candidates: list[Candidate], lexicon: EventLexicon) -> None:
    """A nominal trigger that is an argument of a verbal one belongs to it: "were targeted in a drone
    strike" and "air strikes killed" are one ASSAULT; "prevented the demonstration staged by students"
    is one COERCE whose recipient is who staged it."""
    by_index = {c.token.i: c for c in candidates}
    for noun in candidates:
        if not noun.is_nominal:
            continue
        verb_token, via_prep = noun.token.head, False
        if noun.token.dep_ == "pobj" and verb_token.dep_ == "prep":
            verb_token, via_prep = verb_token.head, True
        verb = by_index.get(verb_token.i)
        if verb is None or verb is noun or verb.is_nominal:
            continue
        if verb.event_type == noun.event_type and (via_prep or noun.token.dep_ in _MERGE_DEPS):
            _join(noun, verb)
            if noun.token.dep_ == "nsubj" or not verb.actor_tokens:
                verb.actor_tokens = noun.actor_tokens or verb.actor_tokens
            if not verb.recipient_tokens:
                verb.recipient_tokens = noun.recipient_tokens
            if not verb.mode:
                verb.mode = list(noun.mode)
        elif noun.token.dep_ in {"dobj", "nsubjpass"} and not lexicon.types[verb.event_type].takes_content:
            _join(noun, verb)
            if not verb.recipient_tokens or verb.recipient_tokens == [noun.token]:
                verb.recipient_tokens = noun.actor_tokens or noun.recipient_tokens


def _join(noun: Candidate, verb: Candidate) -> None:
    noun.absorbed_by = verb
    verb.absorbed.append(noun)
    verb.context = sorted(set(verb.context) | set(noun.context))


def _absorb_content(candidates: list[Candidate], lexicon: EventLexicon) -> None:
    """Events inside what another event requests, threatens, rejects or agrees to belong to it."""
    by_index = {c.token.i: c for c in candidates}
    for inner in candidates:
        current = inner.token
        while current.head.i != current.i:
            current = current.head
            outer = by_index.get(current.i)
            if outer is None or outer is inner or not lexicon.types[outer.event_type].takes_content:
                continue  # keep climbing: the nearest content-taking ancestor decides
            if _in_content(inner, outer):
                inner.absorbed_by = outer
                outer.absorbed.append(inner)
            break


def _in_content(inner: Candidate, outer: Candidate) -> bool:
    token = inner.head if inner.head.i != outer.token.i else inner.token
    if token.i == outer.token.i:
        token = inner.token
    return within(token, outer.token) or any(within(token, head) or token.i == head.i
                                              for head in outer.content_tokens)


def _content_type(candidate: Candidate, lexicon: EventLexicon) -> None:
    """A verbal event may be re-typed by its content ("vowed to fight" is a THREATEN)."""
    for rule in lexicon.types[candidate.event_type].content_as:
        if any(_rule_outcome(rule, inner.event_type, inner.mode) is not None
               for inner in _substantial(candidate.absorbed) if _direct(inner, candidate)):
            candidate.event_type = rule.partition("=")[2]
            return


def _rule_outcome(rule: str, inner_type: str, inner_mode: list[str]) -> str | None:
    """The outcome of an ``INNER[:mode]=OUTCOME`` rule for an inner event of this type and mode, or
    None when the rule does not apply to it."""
    source, _, outcome = rule.partition("=")
    wanted_type, _, wanted_mode = source.partition(":")
    if inner_type == wanted_type and (not wanted_mode or wanted_mode in inner_mode):
        return outcome
    return None


def _mode_from_content(event_type: str, inner_type: str, inner_mode: list[str], lexicon: EventLexicon) -> str | None:
    """The mode an event of ``event_type`` takes from an inner event (the type's ``content_mode``)."""
    for rule in lexicon.types[event_type].content_mode:
        mode = _rule_outcome(rule, inner_type, inner_mode)
        if mode is not None:
            return mode
    return None


def _direct(inner: Candidate, outer: Candidate) -> bool:
    """Whether the inner event is what the outer one is about, not a purpose or a modifier of it
    ("offered troops to help him oust X" is an offer, not a threat)."""
    current = inner.head
    while current.i != outer.token.i and current.head.i != current.i:
        if current.dep_ in {"advcl", "acl", "relcl"} and not _misparsed_complement(current, outer.token):
            return False
        current = current.head
    return current.i == outer.token.i


def _misparsed_complement(clause: Token, verb: Token) -> bool:
    """An infinitive hung as a purpose clause on a verb with no object is its complement: "have
    sworn to fight" (a purpose needs something done first: "offered troops to help")."""
    return (clause.dep_ == "advcl" and clause.head.i == verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and not any(c.dep_ in {"dobj", "dative"} for c in verb.children))


def _substantial(inners: list[Candidate]) -> list[Candidate]:
    """Absorbed events that say something: verbs, and nouns with a participant or a light verb."""
    return [c for c in inners if not c.is_nominal or c.light_verb is not None or c.actor_tokens or c.recipient_tokens]


def _content_mode(candidate: Candidate, lexicon: EventLexicon) -> None:
    """Mode of a verbal event from what it is about ("threatened to attack" → violence)."""
    if candidate.mode:
        return
    for inner in _substantial(candidate.absorbed):
        mode = _mode_from_content(candidate.event_type, inner.event_type, inner.mode, lexicon)
        if mode is not None:
            candidate.mode = [mode]
            return


def _settle_type(candidate: Candidate, lexicon: EventLexicon) -> None:
    """Apply the manual's intent rules and the frame's negation rule to the event type."""
    info = lexicon.types[candidate.event_type]
    new_type = None
    if candidate.hypothetical and info.hypothetical_as:
        new_type = info.hypothetical_as
    elif candidate.future and info.future_as:
        new_type = info.future_as
    if new_type and new_type != candidate.event_type:
        old_type, old_mode = candidate.event_type, list(candidate.mode)
        candidate.event_type = new_type
        # the intended act becomes the content of the verbal event ("would blockade" → THREATEN restrict)
        mode = _mode_from_content(new_type, old_type, old_mode, lexicon)
        candidate.mode = [mode] if mode is not None else []
    refused = _negated_content(candidate) if candidate.negated else None
    if refused is not None:
        _refusal_as_threat(candidate, *refused, lexicon)
    elif candidate.negated and candidate.entry.negated_as:
        candidate.event_type = candidate.entry.negated_as
        candidate.negated = False  # "will not accept" IS a rejection, not a negated acceptance
        candidate.mode = []
    if candidate.event_type == "THREATEN" and (candidate.absorbed or new_type == "THREATEN"):
        candidate.hypothetical = True  # the threatened act is conditional by nature


def _negated_content(candidate: Candidate) -> tuple[str, Candidate] | None:
    """The frame's ``negated_content_as`` rule that its content meets, with the inner event: a
    refusal to tolerate or allow someone's rallies or attacks, said of now or the future ("will not
    tolerate", "does not allow"), warns of what follows them. Said of the past ("did not allow the
    march") it stays a refusal. Inner events need no participant here: "will not allow marches"
    threatens whoever would march."""
    if not candidate.entry.negated_content_as or _past_clause(candidate.head):
        return None
    for rule in candidate.entry.negated_content_as:
        for inner in candidate.absorbed:
            if _rule_outcome(rule, inner.event_type, inner.mode) is not None and _direct(inner, candidate):
                return rule, inner
    return None


def _refusal_as_threat(candidate: Candidate, rule: str, inner: Candidate, lexicon: EventLexicon) -> None:
    """Re-type a refusal by its content ("police will not allow marches by X" → THREATEN X).

    The threat is aimed at who would do the refused act (its actor), never at whom that act is
    aimed; its mode is what the threat holds out (the type's ``content_mode``). Said in the
    complement of a verb of saying ("the chief warned that police will no longer tolerate ..."),
    the threat is the speaker's verbal act, and the speaker is its actor."""
    candidate.event_type = rule.partition("=")[2]
    candidate.negated = False  # "will not tolerate rallies" IS a threat, not a negated tolerance
    candidate.redirect = False
    mode = _mode_from_content(candidate.event_type, inner.event_type, inner.mode, lexicon)
    candidate.mode = [mode] if mode is not None else []
    if inner.actor_tokens:
        candidate.recipient_tokens = list(inner.actor_tokens)
    clause = candidate.head
    if clause.dep_ == "ccomp" and not lexicon.words("speech").isdisjoint(word_forms(clause.head)):
        speaker = subject_of(clause.head)
        if speaker:
            candidate.actor_tokens = speaker


def _past_clause(verb: Token) -> bool:
    """Whether a clause tells of the past: a past verb, or a past or perfect auxiliary ("did not",
    "has never")."""
    if verb.tag_ == "VBD":
        return True
    return any(child.dep_ in {"aux", "auxpass"} and (child.tag_ == "VBD" or child.lemma_.lower() == "have")
               for child in verb.children)


def _is_event(candidate: Candidate, lexicon: EventLexicon) -> bool:
    """A verbal act needs someone who performs it ("lure people into agreeing" agrees nothing); a
    nominal trigger is an event only with a participant or a light verb ("the agreement has enraged")."""
    if lexicon.types[candidate.event_type].verbal and not candidate.actor_tokens:
        return False
    if candidate.entry.needs_content and not candidate.absorbed:
        return False  # "could no longer tolerate the noise": no act is refused or allowed
    if not candidate.is_nominal and not candidate.actor_tokens and _bare_infinitive(candidate.token):
        return False  # "efforts to drive X out": a goal someone unnamed has, not an event
    if not candidate.is_nominal:
        return True
    if any(child.dep_ == "det" and child.lower_ in _UNREAL_DETERMINERS for child in candidate.token.children):
        return False  # "would respond to any attack": an attack nobody has made
    if candidate.light_verb is not None:
        return True
    return bool(candidate.actor_tokens or candidate.recipient_tokens)


def _bare_infinitive(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children) and not any(
        child.dep_ in {"nsubj", "nsubjpass"} for child in token.children)


def content_targets(candidate: Candidate) -> list[Token]:
    """Phrases inside a verbal event's content that may be its real target, nearest first."""
    targets: list[Token] = []
    for inner in candidate.absorbed:
        targets.extend(inner.recipient_tokens)
    for head in candidate.content_tokens:
        for token in head.subtree:
            if token.dep_ in _TARGET_DEPS and token.pos_ in {"NOUN", "PROPN", "PRON"} and token not in targets:
                targets.append(token)
    return targets
