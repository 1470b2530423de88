"""Where an event happened: the place in a locative phrase on its trigger, else in its sentence, else
in its paragraph; the dateline only as a marked fallback.

Reasons reported in ``EventLocation.reason``:

- ``preposition``: a locative phrase (or a place object: "attacked Kyiv") on the trigger or its verb
- ``sentence``: a place in a locative phrase elsewhere in the trigger's sentence (its clause first)
- ``paragraph``: a place in a locative phrase elsewhere in the trigger's paragraph (nearest first)
- ``dateline``: the dateline's place, when the text names no place for the event

A place standing for an actor (role ``metonymy``) or qualifying a noun ("US forces", "Iraq's parliament")
is never an event's location.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..extensions import records
from ..model import Event, EventLocation, Place
from .data import Cues, cues

#: verbs whose "from X" is where the event happens ("withdraw from Iraq")
FROM_VERBS = frozenset({"withdraw", "retreat", "pull", "expel", "evacuate", "leave", "flee", "oust", "drive",
                        "remove", "exit"})
#: dependency labels of a name that only qualifies a noun ("US forces", "Iraq's parliament")
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


@dataclass(frozen=True)
class _Site:
    place: Place
    token: Token  # the head of the place phrase
    anchor: Token | None  # the word the locative phrase hangs on, when it is one


def locate_events(doc: Doc) -> None:
    """Fill ``Event.location`` for every event in ``doc._.events``; mark the chosen places."""
    places = records(doc, "places")
    events = records(doc, "events")
    if not events:
        return
    words = cues()
    sites = _sites(doc, places, words)
    dateline = _dateline_place(places)
    for event in events:
        found = locate_event(doc, event, sites, dateline)
        if found is None:
            event.location = None
            continue
        place, reason = found
        event.location = EventLocation(place=place.id, reason=reason)
        if place.role == "mention":
            place.role = "event_location"


def locate_event(doc: Doc, event: Event, sites: list[_Site] | None = None,
                 dateline: Place | None = None) -> tuple[Place, str] | None:
    """The place where ``event`` happened and why, or None."""
    if sites is None:
        places = records(doc, "places")
        sites = _sites(doc, places, cues())
        dateline = _dateline_place(places)
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return (dateline, "dateline") if dateline is not None else None
    anchors = _anchors(span)
    sentence = span.root.sent
    in_sentence = [s for s in sites if sentence.start <= s.token.i < sentence.end]
    direct = [s for s in in_sentence if s.anchor is not None and s.anchor.i in anchors]
    if direct:
        return _nearest(direct, span.root).place, "preposition"
    locative = [s for s in in_sentence if s.anchor is not None]
    if locative:
        clause = {t.i for t in _clause_head(span.root).subtree}
        inside = [s for s in locative if s.token.i in clause]
        return _nearest(inside or locative, span.root).place, "sentence"
    paragraph = _paragraph_of(doc, span.start_char)
    if paragraph is not None:
        around = [s for s in sites if s.anchor is not None and paragraph[0] <= s.place.start < paragraph[1]]
        before = [s for s in around if s.token.i < span.root.i]
        if before or around:
            return _nearest(before or around, span.root).place, "paragraph"
    if dateline is not None:
        return dateline, "dateline"
    return None


def _dateline_place(places: list[Place]) -> Place | None:
    return next((p for p in places if p.role == "dateline"), None)


def _sites(doc: Doc, places: list[Place], words: Cues) -> list[_Site]:
    """The places that can be an event's location, with what their phrase hangs on."""
    sites = []
    for place in places:
        if place.role in ("metonymy", "dateline"):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = _phrase_head(span.root, words)
        if head.dep_ in _MODIFIER_DEPS and head.head.lower_ not in words.feature_words:
            continue
        sites.append(_Site(place=place, token=head, anchor=_anchor(head, words)))
    return sites


def _phrase_head(token: Token, words: Cues) -> Token:
    """Climb from a name to the head of its phrase: "Anbar" in "in Anbar province" -> "province";
    "Syria" in "in Iraq and Syria" -> "Iraq"; "Iraq" in "in Mosul, Iraq" -> "Mosul"."""
    for _ in range(6):
        if token.dep_ == "compound" and token.head.lower_ in words.feature_words:
            token = token.head
        elif token.dep_ in ("conj", "appos") and token.head is not token:
            token = token.head
        else:
            break
    return token


def _anchor(head: Token, words: Cues) -> Token | None:
    """The word a locative phrase hangs on ("agreed" in "agreed ... in Washington"), or None."""
    if head.dep_ == "pobj" and (head.head.dep_ in ("prep", "pcomp", "advmod") or head.head.pos_ == "ADP"):
        preposition = head.head
        word = preposition.lower_
        governor = preposition.head
        if word in words.event_locatives:
            return governor
        if word == "from" and governor.lemma_.lower() in FROM_VERBS:
            return governor
        return None
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in words.place_object_verbs:
        return head.head
    return None


def _anchors(span) -> set[int]:
    """Token indices a location phrase of this trigger may hang on: the trigger, the verb it serves,
    and the trigger's objects (the parser often hangs "in Washington" on the object in "agreed with
    the US side in Washington")."""
    anchors = {t.i for t in span}
    for token in span:
        for child in token.children:
            if child.dep_ in ("dobj", "obj", "attr"):
                anchors.add(child.i)
            elif child.dep_ == "prep" and child.lower_ != "of":
                anchors.update(grandchild.i for grandchild in child.children if grandchild.dep_ == "pobj")
    root = span.root
    if root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp") and root.head.pos_ in ("VERB", "AUX"):
        anchors.add(root.head.i)  # "carried out a strike in X"
    elif root.dep_ == "pobj" and root.head.head.pos_ in ("VERB", "AUX"):
        anchors.add(root.head.head.i)  # "targeted in a strike ... in X"
    return anchors


def _clause_head(token: Token) -> Token:
    while token.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj") and token.head is not token:
        token = token.head
    return token


def _nearest(sites: list[_Site], token: Token) -> _Site:
    return min(sites, key=lambda s: (abs(s.token.i - token.i), s.token.i))


def _paragraph_of(doc: Doc, position: int) -> tuple[int, int] | None:
    for start, end in getattr(doc._, "paragraphs", None) or []:
        if start <= position < end:
            return start, end
    return None
