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

from bisect import bisect_left, bisect_right

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


class PlaceIndex:
    """A Doc's places with a country, sorted by offset, built once per Doc: each event looks up
    only the places inside a phrase (the coder stays linear in the length of the document)."""

    def __init__(self, places: list[Place]):
        self.places = sorted(places, key=lambda p: p.start)
        self._starts = [p.start for p in self.places]
        self.datelines = {p.country for p in self.places if p.role == "dateline"}

    @classmethod
    def where(cls, doc: Doc) -> PlaceIndex:
        """Places that say where something is (not a capital standing for a government)."""
        return cls([p for p in records(doc, "places") if p.country and p.role in _WHERE_ROLES])

    @classmethod
    def targets(cls, doc: Doc) -> PlaceIndex:
        """Places an act may be aimed at (every place with a country but a metonymy)."""
        return cls([p for p in records(doc, "places") if p.country and p.role != "metonymy"])

    def __bool__(self) -> bool:
        return bool(self.places)

    def in_phrase(self, token: Token) -> list[Place]:
        """Places lying inside the phrase ``token`` heads (its unbroken subtree), in order."""
        doc = token.doc
        start, end = contiguous_subtree(token)
        return self.within(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))

    def within(self, first: int, last: int) -> list[Place]:
        """Places lying inside the characters first..last, in order."""
        index = bisect_left(self._starts, first)
        found = []
        while index < len(self.places) and self.places[index].start <= last:
            if self.places[index].end <= last:
                found.append(self.places[index])
            index += 1
        return found

    def at(self, offset: int) -> Place | None:
        """The place covering a character offset."""
        index = bisect_right(self._starts, offset) - 1
        while index >= 0 and offset - self.places[index].start < _LONGEST_PLACE:
            if self.places[index].start <= offset < self.places[index].end:
                return self.places[index]
            index -= 1
        return None


#: no place name is longer than this (characters); bounds the look-back of ``PlaceIndex.at``
_LONGEST_PLACE = 200


class Setting:
    """Where one event happens, read lazily (most events need no country from it)."""

    def __init__(self, doc: Doc, sent: Span, candidate: Candidate, places: PlaceIndex):
        self.doc, self.sent, self.candidate = doc, sent, candidate
        self.places = places  # ``PlaceIndex.where`` of the Doc
        self._event: tuple[str | None] | None = None

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
            named = self.places.at(root.idx)
            if named is not None:
                return named.country  # the actor is a place ("Gorazde", where the act is aimed)
            own = _locative_country(root, self.places)
            if own:
                return own
        if self._event is None:
            self._event = (self._event_country(),)
        return self._event[0]

    def _event_country(self) -> str | None:
        candidate = self.candidate
        heads = [candidate.token] + ([candidate.light_verb] if candidate.light_verb is not None else [])
        for head in heads:
            code = _locative_country(head, self.places)
            if code:
                return code
        trigger = candidate.token.i
        clause = {t.i for head in heads for t in head.subtree}
        others = sorted((t for t in self.sent if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS and t.i in clause),
                        key=lambda t: abs(t.i - trigger))
        for prep in others:
            code = _locative_country(prep.head, self.places, only=prep)
            if code:
                return code
        in_sentence = {p.country for p in self.places.within(self.sent.start_char, self.sent.end_char)
                       if p.role != "dateline"}
        datelines = self.places.datelines
        if len(datelines) == 1 and in_sentence <= datelines:
            return next(iter(datelines))
        return None


def _locative_country(head: Token, places: PlaceIndex, only: Token | None = None) -> str | None:
    """The country of the first place inside a locative phrase of ``head`` (or in ``only``)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS or (only is not None and prep.i != only.i):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            inside = places.in_phrase(obj)
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
