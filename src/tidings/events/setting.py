"""The country an event happens in: the country of participants the text gives none of their own.

The PLOVER gold standard codes a participant without a nationality by where it acts ("Up to 100
ethnic Albanians demonstrated in Serbia" → SRB, "people blocked streets in Hong Kong" → HKG, "a
roadside bombing near Samarra" → IRQ): domestic actors (police, protesters, an opposition
coalition, an unidentified bomber) belong to the country they act in. The country is read, in order:

1. from a locative phrase of the participant's own phrase ("a roadside bombing near the town of
   Samarra", "Moslem forces in east Bosnia");
2. from a locative phrase of the trigger or of its light verb ("demonstrated in Serbia", "rioted at
   a jail in East Timor's capital Dili", "killed in a car bomb explosion in eastern Beirut");
3. from the nearest other locative phrase within the trigger's clause ("agreed to postpone the
   demonstration in Baku");
4. from the article's dateline ("BAGHDAD (Reuters) —"), when the sentence names no other country;
5. for a non-state recipient (rebels, protesters, a party) of what a state does (a country, its
   government, parliament, courts or police), from that state: "The Mozambique government accepted
   demands from Shona rebels" (the military is left out: armies also act abroad; and not the other
   way round: people call for sanctions against foreign states).

Places are read from the places component's records (``doc._.places``); a place standing for an
actor (role ``metonymy``: "Washington said") says nothing about where anything happens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..extensions import records
from ..model import Actor, Place
from .arguments import contiguous_subtree
from .frames import Candidate

#: prepositions whose object says where something happens
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"})
#: place roles that say where something is
_WHERE_ROLES = frozenset({"event_location", "mention", "dateline"})
#: sectors of the state: a participant with one of them is no domestic non-state party
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PRM", "ELI"})
#: sectors of a state facing its own people at home (not MIL, SPY: they also act abroad)
_DOMESTIC_STATE = frozenset({"GOV", "LEG", "JUD", "COP"})


class Setting:
    """Where one event happens, read lazily (most events need no country from it)."""

    def __init__(self, doc: Doc, sent: Span, candidate: Candidate):
        self.doc, self.sent, self.candidate = doc, sent, candidate
        self._places: list[Place] | None = None
        self._event: tuple[str | None] | None = None

    @property
    def places(self) -> list[Place]:
        if self._places is None:
            self._places = [p for p in records(self.doc, "places") if p.country and p.role in _WHERE_ROLES]
        return self._places

    def country_of(self, actor: Actor, others: list[Actor] = ()) -> str | None:
        """The country of a participant with none of its own: where its phrase says it is, else
        where the event happens, else that of the state the participant faces (``others``: the
        event's other side)."""
        return self._where(actor) or _facing_state(actor, others)

    def _where(self, actor: Actor) -> str | None:
        if not self.places:
            return None
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            named = next((p for p in self.places if p.start <= root.idx < p.end), None)
            if named is not None:
                return named.country  # the actor is a place ("Gorazde", where the act is aimed)
            own = _locative_country(self.doc, root, self.places)
            if own:
                return own
        if self._event is None:
            self._event = (self._event_country(),)
        return self._event[0]

    def _event_country(self) -> str | None:
        candidate, doc = self.candidate, self.doc
        heads = [candidate.token] + ([candidate.light_verb] if candidate.light_verb is not None else [])
        for head in heads:
            code = _locative_country(doc, head, self.places)
            if code:
                return code
        trigger = candidate.token.i
        clause = {t.i for head in heads for t in head.subtree}
        others = sorted((t for t in self.sent if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS and t.i in clause),
                        key=lambda t: abs(t.i - trigger))
        for prep in others:
            code = _locative_country(doc, prep.head, self.places, only=prep)
            if code:
                return code
        in_sentence = {p.country for p in self.places
                       if self.sent.start_char <= p.start < self.sent.end_char and p.role != "dateline"}
        datelines = {p.country for p in self.places if p.role == "dateline"}
        if len(datelines) == 1 and in_sentence <= datelines:
            return next(iter(datelines))
        return None


def _locative_country(doc: Doc, head: Token, places: list[Place], only: Token | None = None) -> str | None:
    """The country of the first place inside a locative phrase of ``head`` (or in ``only``)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS or (only is not None and prep.i != only.i):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            start, end = contiguous_subtree(obj)
            first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            inside = sorted((p for p in places if first <= p.start and p.end <= last), key=lambda p: p.start)
            if inside:
                return inside[0].country
    return None


def _facing_state(actor: Actor, others: list[Actor]) -> str | None:
    """The country of the one state among the other side, for a non-state participant."""
    if not actor.sectors or set(actor.sectors) & STATE_SECTORS:
        return None
    states = {other.code for other in others if other.code and _is_state(other)}
    return states.pop() if len(states) == 1 else None


def _is_state(actor: Actor) -> bool:
    """A country named as such ("Algeria"), or its government, parliament, courts or police."""
    if set(actor.sectors) & _DOMESTIC_STATE:
        return True
    return not actor.sectors and actor.resolved_by == "kb" and actor.name is not None and len(actor.code or "") == 3 \
        and actor.kb_id is None
