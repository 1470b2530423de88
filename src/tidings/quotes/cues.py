"""The attribution cue lexicon and the media patterns, read from ``tidings/data/quotes``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Column, Schema, load_shipped

CUE_SCHEMA = Schema(
    name="attribution cue",
    columns=(
        Column("cue", check=lambda v: bool(v.strip())),
        Column("pos", choices=frozenset({"VERB", "NOUN", "ADP"})),
        Column("category", choices=frozenset({"speech", "writing", "cognition", "evidence", "manner"})),
        Column("use", choices=frozenset({"any", "direct"})),
        Column("needs_that", type=bool),
    ),
    unique=("cue", "pos"),
)
MEDIA_SCHEMA = Schema(
    name="medium pattern",
    columns=(
        Column("kind", choices=frozenset({"platform", "outlet", "outlet_noun", "medium_noun"})),
        Column("name", check=lambda v: bool(str(v).strip())),
        Column("aliases", required=False, many=True),
    ),
    unique=("kind", "name"),
)
ELISION_SCHEMA = Schema(name="elision", columns=(Column("word"),), unique=("word",))
NOT_SOURCE_SCHEMA = Schema(name="not a source", columns=(Column("word"),), unique=("word",))


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: ``particle`` holds the rest of a phrasal verb ("out" in "point out")."""

    lemma: str
    pos: str
    category: str
    use: str
    needs_that: bool
    particle: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join((self.lemma, *self.particle))


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, tuple[Cue, ...]]  # lemma -> entries (plain first, then phrasal)
    nouns: dict[str, Cue]
    prepositions: tuple[tuple[str, ...], ...]  # word sequences, lower case ("according", "to")

    def verb(self, lemma: str, particles: set[str], direct: bool = False, form: str = "") -> Cue | None:
        """The entry for a verb with these particle/adverb children, or None.

        A phrasal entry wins over the plain verb; ``direct`` admits entries that only frame quotations.
        ``form`` (the word as written) is tried when the lemma is not listed: the lemmatizer sometimes
        errs ("raged" → "rag").
        """
        entries = self.verbs.get(lemma.lower(), ())
        if not entries and form:
            entries = next((self.verbs[c] for c in _stems(form.lower()) if c in self.verbs), ())
        phrasal = [c for c in entries if c.particle and set(c.particle) <= particles]
        plain = [c for c in entries if not c.particle]
        for cue in phrasal + plain:
            if cue.use == "any" or direct:
                return cue
        return None


def _stems(word: str) -> list[str]:
    """Candidate lemmas of an inflected verb form: raged → rage, stressed → stress, tweets → tweet."""
    out = [word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return out


@dataclass(frozen=True)
class MediaLexicon:
    platforms: dict[str, str]  # alias (lower case) -> platform name
    outlets: dict[tuple[str, ...], str]  # alias words (lower case) -> outlet name
    outlet_nouns: frozenset[str]
    medium_nouns: frozenset[str]
    max_outlet_words: int = 1


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, Cue] = {}
    prepositions: list[tuple[str, ...]] = []
    for row in load_shipped("quotes/cues.tsv", CUE_SCHEMA):
        words = tuple(row["cue"].lower().split())
        cue = Cue(words[0], row["pos"], row["category"], row["use"], row["needs_that"], words[1:])
        if row["pos"] == "VERB":
            verbs.setdefault(words[0], []).append(cue)
        elif row["pos"] == "NOUN":
            nouns[row["cue"].lower()] = cue
        else:
            prepositions.append(words)
    return CueLexicon({k: tuple(v) for k, v in verbs.items()}, nouns, tuple(prepositions))


@lru_cache(maxsize=1)
def media_lexicon() -> MediaLexicon:
    platforms: dict[str, str] = {}
    outlets: dict[tuple[str, ...], str] = {}
    outlet_nouns: set[str] = set()
    medium_nouns: set[str] = set()
    for row in load_shipped("quotes/media.yaml", MEDIA_SCHEMA):
        names = [str(row["name"]), *map(str, row["aliases"])]
        if row["kind"] == "platform":
            # platform aliases are case-sensitive proper names ("X", not the letter x)
            platforms.update({alias: str(row["name"]) for alias in names})
        elif row["kind"] == "outlet":
            outlets.update({tuple(alias.split()): str(row["name"]) for alias in names})
        elif row["kind"] == "outlet_noun":
            outlet_nouns.update(alias.lower() for alias in names)
        else:
            medium_nouns.update(alias.lower() for alias in names)
    longest = max((len(words) for words in outlets), default=1)
    return MediaLexicon(platforms, outlets, frozenset(outlet_nouns), frozenset(medium_nouns), longest)


@lru_cache(maxsize=1)
def elisions() -> frozenset[str]:
    """Words spelled with a leading apostrophe ('til, 'em) in lower case."""
    return frozenset(row["word"].lower() for row in load_shipped("quotes/elisions.tsv", ELISION_SCHEMA))


@lru_cache(maxsize=1)
def not_sources() -> frozenset[str]:
    """Nouns after "according to" that name no source ("according to plan"), in lower case."""
    return frozenset(row["word"].lower() for row in load_shipped("quotes/not_sources.tsv", NOT_SOURCE_SCHEMA))
