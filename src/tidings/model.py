"""The typed data model: what one annotated article is made of.

Field names follow the annotation contract (``docs/annotation-format.md``).
Every span is a pair of character offsets into ``Article.text`` (end exclusive).
Records refer to each other by id (``"a1"``, ``"e3"``, ``"q2"``, ``"p1"``, ``"t4"``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)
NON_STATE_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
GRANULARITIES = ("day", "month", "year", "season", "quarter", "decade", "century", "unknown")
DATE_RESOLUTIONS = ("explicit", "relative", "anchored", "publication", "unresolved")
PLACE_ROLES = ("event_location", "dateline", "mention", "metonymy")


@dataclass
class TextSpan:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass
class Dateline:
    place: str | None
    outlet: str | None
    start: int
    end: int
    place_span: TextSpan | None = None  # where the place stands in the text ("TEHRAN")
    region_span: TextSpan | None = None  # a region after it ("BAGHDAD, Iraq")


@dataclass
class Article:
    """An input article and what is known about it before any analysis."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    author: str | None = None
    dateline: Dateline | None = None
    source: str | None = None  # file (and line) the article came from
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass
class Actor:
    """A participant mention, resolved to a PLOVER code and sectors where possible."""

    id: str
    text: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    sectors: list[str] = field(default_factory=list)
    kb_id: str | None = None
    resolved_by: str | None = None  # kb, apposition, title, demonym, coreference, metonymy, agent-noun
    refers_to: str | None = None  # id of the actor this mention corefers with
    evidence: TextSpan | None = None
    label: str | None = None  # entity label that produced the mention


@dataclass
class ActorRef:
    actor: str | None
    code: str | None = None
    sectors: list[str] = field(default_factory=list)


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


@dataclass
class EventDate:
    value: str | None
    granularity: str = "unknown"
    end: str | None = None
    resolved_by: str = "publication"
    timex: str | None = None  # id of the time expression used
    relation: str | None = None  # e.g. "deadline", "after"


@dataclass
class EventLocation:
    place: str | None
    reason: str | None = None


@dataclass
class Event:
    id: str
    event_type: str
    trigger: TextSpan
    sentence: int
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    modality: Modality = field(default_factory=Modality)
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    date: EventDate | None = None
    location: EventLocation | None = None
    claimed_by: str | None = None
    rule: str | None = None  # the lexicon entry that fired


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    actor: str | None = None
    actors: list[str] = field(default_factory=list)  # every actor of a joint speaker ("Baghdad and Washington")


@dataclass
class Quote:
    id: str
    kind: str  # direct, indirect, mixed
    speaker: Speaker | None
    cue: TextSpan | None
    content: TextSpan
    medium: str | None = None
    addressee: str | None = None
    date: str | None = None


@dataclass
class TimeExpression:
    id: str
    text: str
    start: int
    end: int
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    value: str | None = None
    granularity: str = "unknown"
    relation: str | None = None


@dataclass
class Place:
    id: str
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    gazetteer_id: str | None = None
    role: str = "mention"


@dataclass
class Framing:
    """Loaded wording, in the outlet's own voice (narrator) or inside a quote (attributed)."""

    text: str
    start: int
    end: int
    voice: str  # narrator, attributed
    quote: str | None = None


@dataclass
class Annotation:
    """Everything Tidings found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotation:
        return from_dict(cls, data)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def quote(self, quote_id: str | None) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (dataclasses become dicts, recursively)."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output; unknown keys are ignored."""
    import typing

    if data is None:
        return None
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    import typing

    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is list and args:
        return [_coerce(args[0], item) for item in value]
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in args:
            if arg is type(None):
                continue
            return _coerce(arg, value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value
