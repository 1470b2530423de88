"""The word lists of the places area (``tidings/data/places/*.yaml``), loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Column, Schema, load_shipped
from .gazetteer import FEATURES

CUE_KINDS = frozenset({"feature", "locative", "not_place", "motion", "institution", "person_name",
                       "place_object", "title", "place_of", "generic_feature", "organisation"})
METONYMY_ROLES = frozenset({"subject", "object", "intent", "partner", "stative", "agent_object", "natural",
                            "source"})

CUES = Schema("place cue", (
    Column("word", str), Column("kind", str, choices=CUE_KINDS),
    Column("feature", str, required=False, choices=FEATURES), Column("event", bool, required=False),
), unique=("word", "kind"))
METONYMY = Schema("metonymy cue", (
    Column("word", str), Column("role", str, choices=METONYMY_ROLES),
), unique=("word", "role"))


@dataclass(frozen=True)
class Cues:
    feature_words: dict[str, str]  # "province" -> "admin1"
    locatives: frozenset[str]  # prepositions that place something: in, at, near ...
    event_locatives: frozenset[str]  # the subset that places an event (not "from", "to")
    not_places: frozenset[str]
    motion_verbs: frozenset[str]
    institution_words: frozenset[str]
    person_names: frozenset[str]
    place_object_verbs: frozenset[str]
    titles: frozenset[str]  # words before a person's name: "Mr", "President", "spokesman"
    place_of_nouns: frozenset[str]  # nouns whose "of X" is a place: "residents", "outskirts"
    subject_verbs: frozenset[str]
    object_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    partner_words: frozenset[str]
    stative_verbs: frozenset[str]
    agent_objects: frozenset[str]  # objects that make even a stative verb's subject an agent: "hosted the talks"
    natural_words: frozenset[str] = frozenset()  # words of natural features' names: "Mount", "River"
    source_nouns: frozenset[str] = frozenset()  # nouns whose "from X" is a government: "orders from Brussels"
    generic_features: frozenset[str] = frozenset()  # "Strait", "Valley", "Park": an unknown "X Strait" is no town X
    organisation_words: frozenset[str] = frozenset()  # "Inc", "FC", "club": the name beside it is an organisation's


@lru_cache(maxsize=1)
def cues() -> Cues:
    rows = load_shipped("places/cues.yaml", CUES)
    metonymy = load_shipped("places/metonymy.yaml", METONYMY)
    for row in rows:
        if row["kind"] == "feature" and not row["feature"]:
            from ..errors import DataFileError

            raise DataFileError("a feature cue needs a feature", source="places/cues.yaml", line=row["_line"])

    def words(kind: str) -> frozenset[str]:
        return frozenset(r["word"] for r in rows if r["kind"] == kind)

    def roles(role: str) -> frozenset[str]:
        return frozenset(r["word"] for r in metonymy if r["role"] == role)

    return Cues(
        feature_words={r["word"]: r["feature"] for r in rows if r["kind"] == "feature"},
        locatives=words("locative"),
        event_locatives=frozenset(r["word"] for r in rows if r["kind"] == "locative" and r["event"] is not False),
        not_places=words("not_place"),
        motion_verbs=words("motion"),
        institution_words=words("institution"),
        person_names=words("person_name"),
        place_object_verbs=words("place_object"),
        titles=words("title"),
        place_of_nouns=words("place_of"),
        subject_verbs=roles("subject"),
        object_verbs=roles("object"),
        intent_nouns=roles("intent"),
        partner_words=roles("partner"),
        stative_verbs=roles("stative"),
        agent_objects=roles("agent_object"),
        natural_words=roles("natural"),
        source_nouns=roles("source"),
        generic_features=words("generic_feature"),
        organisation_words=words("organisation"),
    )
