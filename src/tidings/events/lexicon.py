"""The event coder's data files, loaded and validated through :mod:`tidings.lexicon`.

- ``events/triggers.yaml``: verbal and nominal triggers with the syntactic frames that decide
  type, mode, actor and recipient.
- ``events/types.yaml``: per PLOVER type, the default argument paths and how intent changes it
  (a future ASSAULT is a THREATEN, a future AID an AGREE, as the PLOVER manual prescribes).
- ``events/cues.yaml``: words that give modes, contexts, modality, light verbs and non-agents.
- ``events/cameo_plover.tsv``: CAMEO code → PLOVER event, mode, context, Goldstein weight.

Every file can be replaced by a user's own (same schema) through the ``*_file`` settings of the
``tidings_events`` component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..lexicon import Column, Schema, load
from ..model import EVENT_TYPES
from .paths import parse_alternatives

TRIGGERS_FILE = "events/triggers.yaml"
TYPES_FILE = "events/types.yaml"
CUES_FILE = "events/cues.yaml"
CAMEO_FILE = "events/cameo_plover.tsv"

_TYPES = frozenset(EVENT_TYPES)
_POS = frozenset({"VERB", "NOUN", "ADJ"})
_CUE_KINDS = frozenset({
    "mode", "context", "negation", "future_aux", "hypothetical_aux", "future_governor",
    "hypothetical_governor", "condition", "light_verb", "control_noun", "speech", "non_agent",
    "crime", "ordinary", "political",
})


def _valid_path(value: Any) -> bool:
    try:
        parse_alternatives(str(value))
    except ValueError:
        return False
    return True


def _cameo_code(value: Any) -> bool:
    return bool(re.fullmatch(r"\d{2,4}", str(value)))


def _content_rule(value: Any) -> bool:
    """``INNER[:mode]=TYPE`` with PLOVER types on both sides ("PROTEST=THREATEN")."""
    source, sep, outer = str(value).partition("=")
    inner = source.partition(":")[0]
    return bool(sep) and inner in _TYPES and outer in _TYPES


TRIGGER_SCHEMA = Schema(
    name="event trigger",
    columns=(
        Column("lemma", str, many=True),
        Column("pos", str, choices=_POS),
        Column("type", str, choices=_TYPES),
        Column("mode", str, required=False, many=True),
        Column("context", str, required=False, many=True),
        Column("cameo", str, required=False, check=_cameo_code),
        Column("requires", str, required=False, many=True, check=_valid_path),
        Column("excludes", str, required=False, many=True, check=_valid_path),
        Column("actor", str, required=False, many=True, check=_valid_path),
        Column("recipient", str, required=False, many=True, check=_valid_path),
        Column("span", str, required=False, many=True, check=_valid_path),
        Column("content", str, required=False, many=True, check=_valid_path),
        Column("negated_as", str, required=False, choices=_TYPES),
        Column("negated_content_as", str, required=False, many=True, check=_content_rule),
        Column("military_as", str, required=False, choices=_TYPES),
        Column("domestic_as", str, required=False, choices=_TYPES),
        Column("reciprocal", bool, required=False),
        Column("speech", bool, required=False),
        Column("needs_content", bool, required=False),
        Column("note", str, required=False),
    ),
)

TYPE_SCHEMA = Schema(
    name="event type",
    columns=(
        Column("type", str, choices=_TYPES),
        Column("cameo", str, check=_cameo_code),
        Column("verb_recipient", str, required=False, many=True, check=_valid_path),
        Column("noun_recipient", str, required=False, many=True, check=_valid_path),
        Column("place_recipient", str, required=False, many=True, check=_valid_path),
        Column("future_as", str, required=False, choices=_TYPES),
        Column("hypothetical_as", str, required=False, choices=_TYPES),
        Column("content_mode", str, required=False, many=True),
        Column("content_as", str, required=False, many=True),
        Column("content", str, required=False, many=True, check=_valid_path),
        Column("takes_content", bool, required=False),
        Column("needs_political_party", bool, required=False),
        Column("note", str, required=False),
    ),
    unique=("type",),
)

CUE_SCHEMA = Schema(
    name="event cue",
    columns=(
        Column("kind", str, choices=_CUE_KINDS),
        Column("words", str, many=True),
        Column("type", str, required=False, many=True, choices=_TYPES),
        Column("value", str, required=False),
        Column("path", str, required=False, check=_valid_path),
        Column("cameo", str, required=False, check=_cameo_code),
        Column("note", str, required=False),
    ),
)

CAMEO_SCHEMA = Schema(
    name="CAMEO to PLOVER row",
    columns=(
        Column("cameo", str, check=_cameo_code),
        Column("event", str, choices=_TYPES),
        Column("mode", str, required=False),
        Column("context", str, required=False, many=True),
        Column("goldstein", float),
        Column("description", str, required=False),
    ),
    unique=("cameo",),
)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: an anchor lemma and the frame around it."""

    lemmas: frozenset[str]
    pos: str
    type: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    cameo: str | None = None
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] | None = None
    span: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    negated_as: str | None = None
    #: ``INNER[:mode]=TYPE``: the type when the frame is negated and its content is an INNER event
    #: ("will not tolerate rallies by X" is a THREATEN against X, not a rejection)
    negated_content_as: tuple[str, ...] = ()
    #: the type when an actor is an armed force ("troops raided the camp" is an attack, "police
    #: raided the offices" a search)
    military_as: str | None = None
    #: the type when no recipient is of another country than the actor ("sent troops to Mali" is
    #: aid, "sent troops to its northern province" a deployment)
    domestic_as: str | None = None
    reciprocal: bool = False
    speech: bool = False
    #: an event only with an event as its content ("will not tolerate rallies", not "... the noise")
    needs_content: bool = False
    source: str = ""

    @property
    def specificity(self) -> int:
        return len(self.requires)


@dataclass(frozen=True)
class TypeInfo:
    type: str
    cameo: str
    verb_recipient: tuple[str, ...] = ()
    noun_recipient: tuple[str, ...] = ()
    place_recipient: tuple[str, ...] = ()
    future_as: str | None = None
    hypothetical_as: str | None = None
    content_mode: tuple[str, ...] = ()
    content_as: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    takes_content: bool = False
    needs_political_party: bool = False

    @property
    def verbal(self) -> bool:
        """A verbal act (CAMEO roots 01–05 and 09–13: said, asked, accused, threatened ...)."""
        root = int(self.cameo[:2])
        return root <= 5 or 9 <= root <= 13


@dataclass(frozen=True)
class Cue:
    kind: str
    words: tuple[str, ...]
    types: tuple[str, ...] = ()
    value: str | None = None
    path: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class CameoRow:
    cameo: str
    event: str
    mode: str
    context: tuple[str, ...]
    goldstein: float


@dataclass
class EventLexicon:
    """Everything the coder reads from data files."""

    triggers: dict[tuple[str, str], list[Trigger]]
    types: dict[str, TypeInfo]
    cues: list[Cue]
    cameo: dict[str, CameoRow]
    _words: dict[str, frozenset[str]] = field(default_factory=dict)
    _cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)

    def words(self, kind: str) -> frozenset[str]:
        """All words of the cues of one kind (lower case)."""
        if kind not in self._words:
            self._words[kind] = frozenset(w.lower() for c in self.cues_of(kind) for w in c.words)
        return self._words[kind]

    def cues_of(self, kind: str) -> tuple[Cue, ...]:
        """The cues of one kind, in data order (read once: the coder asks per event)."""
        if kind not in self._cues:
            self._cues[kind] = tuple(c for c in self.cues if c.kind == kind)
        return self._cues[kind]

    def entries(self, lemma: str, pos: str) -> list[Trigger]:
        return self.triggers.get((lemma.lower(), pos), [])


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def load_triggers(path: str | Path = TRIGGERS_FILE) -> dict[tuple[str, str], list[Trigger]]:
    index: dict[tuple[str, str], list[Trigger]] = {}
    for row in load(path, TRIGGER_SCHEMA):
        trigger = Trigger(
            lemmas=frozenset(l.lower() for l in row["lemma"]), pos=row["pos"], type=row["type"],
            mode=_tuple(row["mode"]), context=_tuple(row["context"]), cameo=row["cameo"],
            requires=_tuple(row["requires"]), excludes=_tuple(row["excludes"]), actor=_tuple(row["actor"]),
            recipient=_tuple(row["recipient"]) if row["recipient"] else None, span=_tuple(row["span"]),
            content=_tuple(row["content"]), negated_as=row["negated_as"],
            negated_content_as=_tuple(row["negated_content_as"]), military_as=row["military_as"],
            domestic_as=row["domestic_as"], reciprocal=bool(row["reciprocal"]),
            speech=bool(row["speech"]), needs_content=bool(row["needs_content"]),
            source=f"{Path(str(path)).name}:{row['_line']}",
        )
        for lemma in trigger.lemmas:
            index.setdefault((lemma, trigger.pos), []).append(trigger)
    for entries in index.values():
        entries.sort(key=lambda t: -t.specificity)  # most specific frame first; stable for ties
    return index


def load_types(path: str | Path = TYPES_FILE) -> dict[str, TypeInfo]:
    types = {}
    for row in load(path, TYPE_SCHEMA):
        types[row["type"]] = TypeInfo(
            type=row["type"], cameo=row["cameo"], verb_recipient=_tuple(row["verb_recipient"]),
            noun_recipient=_tuple(row["noun_recipient"]), place_recipient=_tuple(row["place_recipient"]),
            future_as=row["future_as"],
            hypothetical_as=row["hypothetical_as"], content_mode=_tuple(row["content_mode"]),
            content_as=_tuple(row["content_as"]), content=_tuple(row["content"]),
            takes_content=bool(row["takes_content"]), needs_political_party=bool(row["needs_political_party"]),
        )
    missing = _TYPES - set(types)
    if missing:
        raise DataFileError(f"no entry for event type(s) {sorted(missing)}", source=str(path))
    return types


def load_cues(path: str | Path = CUES_FILE) -> list[Cue]:
    return [Cue(kind=row["kind"], words=_tuple(row["words"]), types=_tuple(row["type"]), value=row["value"],
                path=row["path"], cameo=row["cameo"]) for row in load(path, CUE_SCHEMA)]


def load_cameo(path: str | Path = CAMEO_FILE) -> dict[str, CameoRow]:
    return {row["cameo"]: CameoRow(cameo=row["cameo"], event=row["event"], mode=(row["mode"] or "").strip(),
                                   context=_tuple(row["context"]), goldstein=row["goldstein"])
            for row in load(path, CAMEO_SCHEMA)}


@lru_cache(maxsize=8)
def event_lexicon(triggers: str = TRIGGERS_FILE, types: str = TYPES_FILE, cues: str = CUES_FILE,
                  cameo: str = CAMEO_FILE) -> EventLexicon:
    """The (cached) lexicon made of the four data files."""
    lexicon = EventLexicon(triggers=load_triggers(triggers), types=load_types(types), cues=load_cues(cues),
                           cameo=load_cameo(cameo))
    for info in lexicon.types.values():
        if info.cameo not in lexicon.cameo and len(info.cameo) > 2:
            raise DataFileError(f"type {info.type}: CAMEO code {info.cameo} is not in {CAMEO_FILE}",
                                source=str(types))
    return lexicon
