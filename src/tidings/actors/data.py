"""The actor data files: schemas, typed records, and loaders (through :mod:`tidings.lexicon`).

Shipped files live in ``tidings/data/actors/``. Users extend the knowledge base with their own
YAML files in the same format (``--actors FILE``, the ``actors_file`` component setting, or the
``TIDINGS_ACTORS`` environment variable: paths separated by the OS path separator).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..lexicon import Column, Schema, load, load_shipped, validate
from ..model import SECTORS

DATA_DIR = "actors"
ENV_ACTORS = "TIDINGS_ACTORS"

_SECTORS = frozenset(SECTORS)
_CODE = re.compile(r"^(?:[A-Z]{3})$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
ENTRY_TYPES = frozenset({"person", "organisation", "outlet"})
AGENT_KINDS = frozenset({"agent", "role", "weak", "none", "instrument"})
MODIFIER_EFFECTS = frozenset({"former", "add", "state", "ethnic"})


def _is_code(value: str) -> bool:
    return bool(_CODE.match(value))


def _is_date(value: object) -> bool:
    return isinstance(value, (dt.date, int)) or bool(_DATE.match(str(value)))


COUNTRY_SCHEMA = Schema("country", (
    Column("code", check=_is_code),
    Column("names", many=True, required=False),
    Column("adjectives", many=True, required=False),
    Column("demonyms", many=True, required=False),
    Column("capitals", many=True, required=False),
    Column("peoples", many=True, required=False),
), unique=("code",))

TERRITORY_SCHEMA = Schema("territory", (
    Column("name", many=True),
    Column("code", required=False, check=_is_code),
    Column("sectors", many=True, required=False, choices=_SECTORS),
    Column("iso", required=False, check=_is_code),
))

AGENT_SCHEMA = Schema("agent noun", (
    Column("phrase"),
    Column("sectors", many=True, required=False, choices=_SECTORS),
    # an international code (aid groups: NGO), or the one country a noun always belongs to ("peshmerga")
    Column("code", required=False, check=_is_code),
    Column("kind", choices=AGENT_KINDS),
), unique=("phrase",))

MODIFIER_SCHEMA = Schema("modifier", (
    Column("word"),
    Column("sectors", many=True, required=False, choices=_SECTORS),
    Column("effect", choices=MODIFIER_EFFECTS),
), unique=("word",))

ROLE_SCHEMA = Schema("role", (
    Column("title"),
    Column("sectors", many=True, choices=_SECTORS),
    Column("code", required=False, check=_is_code),
    Column("org", required=False),
    Column("start", type=(str, dt.date, int), required=False, check=_is_date),
    Column("end", type=(str, dt.date, int), required=False, check=_is_date),
))

ENTRY_SCHEMA = Schema("actor", (
    Column("id"),
    Column("name"),
    Column("type", choices=ENTRY_TYPES),
    Column("aliases", many=True, required=False),
    Column("code", required=False, check=_is_code),
    Column("sectors", many=True, required=False, choices=_SECTORS),
    Column("roles", type=dict, many=True, required=False),
    Column("ambiguous", type=bool, required=False),
    Column("died", type=(str, dt.date, int), required=False, check=_is_date),
), unique=("id",))

ORG_PATTERN_SCHEMA = Schema("organisation opener", (
    Column("opener"),
    Column("label", choices=frozenset({"ORG", "PERSON", "GPE", "NORP"})),
    Column("gloss", required=False),
), unique=("opener",))

PARTICLE_SCHEMA = Schema("name particle", (Column("particle"),), unique=("particle",))


@dataclass(frozen=True)
class Role:
    """An office held from ``start`` (inclusive) to ``end`` (exclusive); dates are ISO strings."""

    title: str
    sectors: tuple[str, ...]
    code: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Entry:
    """A knowledge-base actor: a person, organisation or news outlet."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    code: str | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    ambiguous: bool = False
    died: str | None = None
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class AgentNoun:
    phrase: str
    sectors: tuple[str, ...]
    code: str | None
    kind: str


@dataclass(frozen=True)
class Modifier:
    word: str
    sectors: tuple[str, ...]
    effect: str


@dataclass(frozen=True)
class CountryRow:
    code: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    peoples: tuple[str, ...] = ()  # adjectives and demonyms above that name a people, not the state


@dataclass(frozen=True)
class TerritoryRow:
    names: tuple[str, ...]
    code: str | None
    sectors: tuple[str, ...] = ()
    iso: str | None = None


@dataclass(frozen=True)
class OrgOpener:
    opener: str
    label: str


@dataclass
class ActorData:
    """Everything the resolver reads, loaded once."""

    countries: list[CountryRow] = field(default_factory=list)
    territories: list[TerritoryRow] = field(default_factory=list)
    agent_nouns: dict[str, AgentNoun] = field(default_factory=dict)
    modifiers: dict[str, Modifier] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    openers: list[OrgOpener] = field(default_factory=list)
    particles: frozenset[str] = frozenset()


def iso_date(value: object) -> str | None:
    """A date field as an ISO string (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _entries(rows: list[dict], source: str) -> list[Entry]:
    out = []
    for row in rows:
        roles = []
        for role in row["roles"]:
            clean = _validate_role(role, source, row["_line"])
            roles.append(Role(title=clean["title"].lower(), sectors=tuple(clean["sectors"]), code=clean["code"],
                              org=clean["org"], start=iso_date(clean["start"]), end=iso_date(clean["end"])))
        out.append(Entry(
            id=row["id"], name=row["name"], type=row["type"], aliases=tuple(str(a) for a in row["aliases"]),
            code=row["code"], sectors=tuple(row["sectors"]), roles=tuple(roles),
            ambiguous=bool(row["ambiguous"]), died=iso_date(row["died"]), source=f"{source}:{row['_line']}",
        ))
    return out


def _validate_role(role: dict, source: str, line: int | None) -> dict:
    return validate([(line, role)], ROLE_SCHEMA, source)[0]


def load_entries(path: str | Path) -> list[Entry]:
    """Knowledge-base entries from a YAML file (shipped name or user path)."""
    rows = load(path, ENTRY_SCHEMA)
    return _entries(rows, str(path))


def user_files(extra: str | Path | list | tuple | None = None) -> tuple[str, ...]:
    """User knowledge-base files: the ones given, else those in ``TIDINGS_ACTORS``."""
    if extra is None:
        extra = os.environ.get(ENV_ACTORS) or None
    if extra is None:
        return ()
    if isinstance(extra, (str, Path)):
        extra = [p for p in str(extra).split(os.pathsep) if p]
    paths = []
    for item in extra:
        path = Path(item).expanduser()
        if not path.exists():
            raise DataFileError("no such actors file", source=str(path))
        paths.append(str(path.resolve()))
    return tuple(paths)


@lru_cache(maxsize=8)
def load_actor_data(extra_files: tuple[str, ...] = ()) -> ActorData:
    """The shipped actor data plus user knowledge-base files (later entries win by id)."""
    data = ActorData()
    for row in load_shipped(f"{DATA_DIR}/countries.tsv", COUNTRY_SCHEMA):
        data.countries.append(CountryRow(row["code"], *(tuple(row[k]) for k in
                                                        ("names", "adjectives", "demonyms", "capitals", "peoples"))))
    for row in load_shipped(f"{DATA_DIR}/territories.tsv", TERRITORY_SCHEMA):
        data.territories.append(TerritoryRow(tuple(row["name"]), row["code"], tuple(row["sectors"]), row["iso"]))
    for name in ("agent_nouns.tsv", "agent_nouns_extra.tsv"):  # the second corrects the first
        for row in load_shipped(f"{DATA_DIR}/{name}", AGENT_SCHEMA):
            phrase = " ".join(row["phrase"].lower().split())
            data.agent_nouns[phrase] = AgentNoun(phrase, tuple(row["sectors"]), row["code"], row["kind"])
    for row in load_shipped(f"{DATA_DIR}/modifiers.tsv", MODIFIER_SCHEMA):
        data.modifiers[row["word"].lower()] = Modifier(row["word"].lower(), tuple(row["sectors"]), row["effect"])
    by_id: dict[str, Entry] = {}
    for entry in _entries(list(load_shipped(f"{DATA_DIR}/knowledge_base.yaml", ENTRY_SCHEMA)),
                          "knowledge_base.yaml"):
        by_id[entry.id] = entry
    for path in extra_files:
        for entry in load_entries(path):
            by_id[entry.id] = entry
    data.entries = list(by_id.values())
    _check_orgs(data.entries)
    for row in load_shipped(f"{DATA_DIR}/org_patterns.yaml", ORG_PATTERN_SCHEMA):
        data.openers.append(OrgOpener(row["opener"], row["label"]))
    data.particles = frozenset(r["particle"].lower() for r in load_shipped(f"{DATA_DIR}/name_particles.tsv",
                                                                            PARTICLE_SCHEMA))
    return data


def _check_orgs(entries: list[Entry]) -> None:
    ids = {e.id for e in entries}
    for entry in entries:
        for role in entry.roles:
            if role.org and role.org not in ids:
                path, _, line = entry.source.rpartition(":")
                raise DataFileError(f"role of {entry.id!r} names unknown org {role.org!r}", source=path,
                                    line=int(line) if line.isdigit() else None)
