"""Turn coded sentences into Event records for a whole Doc.

Per event: actors and recipients through the actors contract, a type the participants decide
(``military_as``, ``domestic_as``), mode and context from cue words, CAMEO/QuadClass/Goldstein from
the CAMEO table. Per document: drop events without a participant, events caused by natural forces,
events in a paragraph about an ordinary topic (crime, disasters and accidents for violence and
coercion; sport, entertainment and markets for every type: see :mod:`.topics`), and the same event
reported again in the next sentence(s).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ..model import Actor, ActorRef, Event, Modality, TextSpan
from .arguments import PASSIVE_INSTRUMENT_PATH, is_participant_token, is_passive
from .coder import code_sentence, content_targets
from .codes import derive_codes
from .frames import Candidate, match_entry
from .lexicon import Cue, EventLexicon
from .participants import actor_ref, actors_for, inner_participants
from .paths import follow
from .setting import PlaceIndex, Setting
from .topics import Paragraph, TopicCues, ordinary_setting, paragraph_at, paragraphs_of

#: sectors that make an actor political whatever the topic (PLOVER sector codes)
#: (courts and police are left out: they also deal with ordinary crime)
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "SPY", "UAF", "PRM", "ELI", "JRN"})
#: sectors of armed forces (regular, rebel, paramilitary, unidentified)
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF"})
#: how many sentences apart two mentions of the same event may be
_REPEAT_WINDOW = 2
#: sectors of state institutions an actor addresses to act on its behalf
_INSTITUTIONS = frozenset({"GOV", "LEG", "JUD"})


class DocPlaces:
    """The place indexes of one Doc, built on first need and once per Doc (see ``PlaceIndex``)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._where: PlaceIndex | None = None
        self._targets: PlaceIndex | None = None

    @property
    def where(self) -> PlaceIndex:
        if self._where is None:
            self._where = PlaceIndex.where(self.doc)
        return self._where

    @property
    def targets(self) -> PlaceIndex:
        if self._targets is None:
            self._targets = PlaceIndex.targets(self.doc)
        return self._targets


def code_doc(doc: Doc, lexicon: EventLexicon) -> list[Event]:
    """All events of a processed Doc, numbered e1, e2 ... in trigger order."""
    paragraphs = paragraphs_of(doc)
    places = DocPlaces(doc)
    topics = TopicCues.from_lexicon(lexicon)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        paragraph = paragraph_at(paragraphs, sent.start_char)
        for candidate in code_sentence(sent, lexicon):
            event = _event(doc, sent, index, candidate, lexicon, paragraph, topics, places)
            if event is not None:
                events.append(event)
    events = _drop_repeats(events)
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    return events


def _event(doc: Doc, sent: Span, index: int, candidate: Candidate, lexicon: EventLexicon,
           paragraph: Paragraph, topics: TopicCues, places: DocPlaces) -> Event | None:
    if lexicon.types[candidate.event_type].needs_political_party and _natural_force(candidate, lexicon):
        return None
    trigger = {t.i for t in candidate.span_tokens}
    actors = actors_for(doc, candidate.actor_tokens, trigger)
    if not actors and is_passive(candidate.head):
        # "was killed in a car bomb explosion": the weapon stands for who used it
        actors = actors_for(doc, follow(candidate.head, PASSIVE_INSTRUMENT_PATH), trigger)
    recipients = _recipients(doc, candidate, actors, trigger, lexicon)
    recipients = _redirect_recipient(doc, candidate, actors, recipients)
    if not recipients and actors:  # a place never makes an event on its own ("involved in a shooting in X")
        recipients = _place_recipients(doc, candidate, lexicon, trigger, {a.id for a in actors}, places.targets)
    if not (actors or recipients or any(is_participant_token(t)
                                        for t in candidate.actor_tokens + candidate.recipient_tokens)):
        return None  # an event needs someone who does it or to whom it is done
    _refine_type(candidate, actors, recipients)
    info = lexicon.types[candidate.event_type]
    if not _political(actors + recipients, paragraph, topics, info.needs_political_party):
        return None
    modes = candidate.mode or _cue_values(lexicon.cues_of("mode"), sent, candidate.event_type)[:1]
    contexts = sorted(set(candidate.context) | set(_cue_values(lexicon.cues_of("context"), sent, None)))
    explicit = candidate.entry.cameo if candidate.event_type == candidate.entry.type and not candidate.mode else None
    codes = derive_codes(candidate.event_type, modes, contexts, lexicon, explicit)
    start, end = _trigger_bounds(candidate)
    return Event(
        id="", event_type=candidate.event_type,
        trigger=TextSpan(text=doc_text(doc)[start:end], start=start, end=end), sentence=index,
        mode=list(modes), context=contexts, cameo=codes.cameo, quad_class=codes.quad_class,
        goldstein=codes.goldstein,
        modality=Modality(negated=candidate.negated, hypothetical=candidate.hypothetical, future=candidate.future),
        actor=_refs(doc, sent, candidate, actors, [], places),
        recipient=_refs(doc, sent, candidate, recipients, actors, places),
        rule=f"{candidate.entry.source} {candidate.token.lemma_.lower()} -> {candidate.event_type}",
    )


def _refs(doc: Doc, sent: Span, candidate: Candidate, actors: list[Actor], others: list[Actor],
          places: DocPlaces) -> list[ActorRef]:
    """References to the participants; one whom the text gives no country takes the country the
    event happens in, else (a recipient) that of the state acting on it (``others``; see
    :mod:`.setting`). The actor record itself is left as the text says it."""
    refs = [actor_ref(a) for a in actors]
    setting = None
    for ref, actor in zip(refs, actors):
        if ref.code is None and _domestic(actor):
            setting = setting or Setting(doc, sent, candidate, places.where)
            ref.code = setting.country_of(actor, others)
    return refs


def _domestic(actor: Actor) -> bool:
    """A participant that is someone (sectors, or a name) but whose country the text does not give;
    not a region ("the West" has no country, as PLOVER says) nor an unresolved pronoun."""
    return bool(actor.sectors) or actor.label in ("PERSON", "ORG")


def _recipients(doc: Doc, candidate: Candidate, actors: list[Actor], trigger: set[int],
                lexicon: EventLexicon) -> list[Actor]:
    """The recipient: the first recipient path whose phrase names a participant, or a participant
    inside it ("denounced Serbia's suppression of ..." → Serbia; "demanded support from X" → X)."""
    options = list(candidate.recipient_options)
    if candidate.recipient_tokens and (not options or options[0] != candidate.recipient_tokens):
        options.insert(0, list(candidate.recipient_tokens))  # set by a merged nominal
    taken = {a.id for a in actors}

    def event_noun(token) -> bool:
        return match_entry(token, lexicon) is not None

    for option in options:
        found = [a for a in actors_for(doc, option, trigger) if a.id not in taken]
        if not found:
            found = [a for a in inner_participants(doc, option, trigger, event_noun) if a.id not in taken]
        if found:
            return found
    return []


def _place_recipients(doc: Doc, candidate: Candidate, lexicon: EventLexicon, trigger: set[int],
                      taken: set[str], places: PlaceIndex) -> list[Actor]:
    """The people of the place an act is aimed at, when it names no participant: "demonstrated in
    Serbia", "imposed a curfew in Algiers" (``place_recipient`` paths of the type)."""
    paths = lexicon.types[candidate.event_type].place_recipient
    if not paths:
        return []
    heads = [candidate.token] + ([candidate.light_verb] if candidate.light_verb is not None else [])
    for path in paths:
        for head in heads:
            for obj in follow(head, path):
                for place in places.in_phrase(obj)[:1]:
                    span = doc.char_span(place.start, place.end, alignment_mode="expand")
                    if span is None or span.root.dep_ in ("amod", "compound", "nmod", "poss"):
                        continue  # "Montenegrin prisoners", "Iraq's parliament": not the place itself
                    found = [a for a in actors_for(doc, [span.root], trigger) if a.id not in taken]
                    if found:
                        return found
    return []


def _trigger_bounds(candidate: Candidate) -> tuple[int, int]:
    tokens = list(candidate.span_tokens)
    light = candidate.light_verb
    if light is not None and abs(light.i - candidate.token.i) <= 6:
        tokens.append(light)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _natural_force(candidate: Candidate, lexicon: EventLexicon) -> bool:
    """Floods and earthquakes kill people, but that is no ASSAULT."""
    words = lexicon.words("non_agent")
    heads = list(candidate.actor_tokens)
    for token in candidate.actor_tokens:
        if token.dep_ in {"nsubj", "nsubjpass"}:  # "A magnitude 6.8 earthquake" parsed as two subjects
            heads.extend(t for t in token.head.children if t.dep_ == token.dep_ and t.i != token.i)
    for token in (candidate.token, candidate.head):
        heads.extend(t for prep in token.children if prep.dep_ in {"prep", "agent"}
                     and prep.lower_ in {"in", "by", "during"} for t in prep.children if t.dep_ == "pobj")
    if candidate.is_nominal and candidate.token.lemma_.lower() in words:
        return True
    return any(t.lemma_.lower() in words or t.lower_ in words for t in heads)


def _redirect_recipient(doc: Doc, candidate: Candidate, actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """A request, threat or rejection is directed at the target of its content when its addressee
    is missing or is the actor's own side ("lawmakers approved a bill that requires the government
    to end the presence of foreign forces" is directed at the foreign forces)."""
    if not candidate.redirect or (not candidate.absorbed and not candidate.content_tokens):
        return recipients
    if candidate.recipient_tokens and any(child.dep_ == "xcomp" for child in candidate.token.children):
        return recipients  # "called upon X to ...": X is the addressee even when it names no country
    own = {a.code for a in actors if a.code}
    # an addressee of the actor's own country, or an unnamed institution ("the government"), is the
    # channel, not the target
    if recipients and not all((r.code in own) if r.code else bool(set(r.sectors) & _INSTITUTIONS)
                              for r in recipients):
        return recipients
    inner = {t.i for event in candidate.absorbed for t in event.recipient_tokens}
    domestic: list[Actor] = []
    for target in content_targets(candidate):
        if target in candidate.actor_tokens:
            continue
        found = [a for a in actors_for(doc, [target]) if a.id not in {x.id for x in actors}]
        foreign = [a for a in found if a.code and a.code not in own]
        if foreign:
            return foreign
        if found and not recipients and not own:
            return found
        # people of the actor's own country the content is aimed at ("threatened to impose a curfew
        # in Algiers", "demanded a truce with Moslem forces"): taken when nothing foreign is
        # (an unnamed institution, "the government", is the channel; a named person is a target)
        people = [a for a in found if a.code and not _same_side(a, actors)
                  and not (set(a.sectors) & _INSTITUTIONS and a.kb_id is None and a.name is None)]
        if people and not recipients and target.i in inner:
            return people
        domestic = domestic or people
    return recipients or domestic


def _same_side(actor: Actor, actors: list[Actor]) -> bool:
    """Whether a phrase is the actor again: a pronoun referring to it, or its own country named."""
    ids = {a.id for a in actors}
    if actor.refers_to in ids or any(actor.name and actor.name == a.name for a in actors):
        return True
    return any(actor.code == a.code for a in actors) and not actor.sectors and actor.name is not None


def _political(participants: list[Actor], paragraph: Paragraph, topics: TopicCues, needs_party: bool) -> bool:
    """Whether an event has a political setting (see :mod:`.topics`). A paragraph about sport,
    entertainment or markets that names nothing political has none, whoever the participants seem
    to be ("Real Madrid beat Bayern": a club is no government). Violence, coercion and accusations
    also need a political participant, or a paragraph not about crime, disasters or accidents."""
    if ordinary_setting(paragraph, topics, any_type=True):
        return False
    if not needs_party or any(set(a.sectors) & POLITICAL_SECTORS for a in participants):
        return True
    return not ordinary_setting(paragraph, topics, any_type=False)


def _refine_type(candidate: Candidate, actors: list[Actor], recipients: list[Actor]) -> None:
    """The frame's type as its participants decide it (``military_as``, ``domestic_as`` in the
    lexicon): a raid by troops is an attack; personnel sent to no other country are a deployment,
    not aid. A type already changed by intent or negation is left alone."""
    entry = candidate.entry
    if candidate.event_type != entry.type:
        return
    new_type = None
    if entry.military_as and any(set(a.sectors) & ARMED_SECTORS for a in actors):
        new_type = entry.military_as
    elif entry.domestic_as:
        own = {a.code for a in actors if a.code}
        if not any(r.code and r.code not in own for r in recipients):
            new_type = entry.domestic_as
    if new_type and new_type != candidate.event_type:
        candidate.event_type = new_type
        candidate.mode = []  # the new type's mode comes from the cue words


def _cue_values(cues: tuple[Cue, ...], sent: Span, event_type: str | None) -> list[str]:
    """Values of the cues (in data order) whose words occur in the sentence: a word as a token's
    lemma or text, a phrase (or hyphenated word) in the sentence text."""
    text = sent.text.lower()
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    values: list[str] = []
    for cue in cues:
        if event_type is not None and cue.types and event_type not in cue.types:
            continue
        if cue.value in values:
            continue
        for word in cue.words:
            word = word.lower()
            hit = _phrase(word).search(text) if " " in word or "-" in word else word in words
            if hit:
                values.append(cue.value or word)
                break
    return values


@lru_cache(maxsize=2048)
def _phrase(words: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(words) + r"\b")


def _codes(actor_refs: list[ActorRef]) -> frozenset[str]:
    return frozenset(r.code for r in actor_refs if r.code)


def _drop_repeats(events: list[Event]) -> list[Event]:
    """The same event told again a sentence or two later (same type, same parties) is kept once,
    in the mention that names more of its participants."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_event(k, event)), None)
        if twin is None:
            kept.append(event)
        elif len(event.actor) + len(event.recipient) > len(twin.actor) + len(twin.recipient):
            kept[kept.index(twin)] = event
    return kept


def _same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or abs(a.sentence - b.sentence) > _REPEAT_WINDOW or a.sentence == b.sentence:
        return False
    if a.modality.negated != b.modality.negated:
        return False
    actors_a, actors_b = _codes(a.actor), _codes(b.actor)
    recipients_a, recipients_b = _codes(a.recipient), _codes(b.recipient)
    if actors_a and actors_b and actors_a != actors_b:
        return False
    if recipients_a and recipients_b and not recipients_a & recipients_b:
        return False
    shared = (actors_a & actors_b) | (recipients_a & recipients_b)
    return bool(shared)
