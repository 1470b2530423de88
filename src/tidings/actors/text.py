"""Normalised keys for matching names, and small word helpers shared by the actor modules."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "—": "-", "‐": "-"})
_HYPHEN_SPACES = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe and hyphen, single spaces: a lookup key."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _HYPHEN_SPACES.sub("-", text.strip().lower())
    return _SPACES.sub(" ", text)


def singular(word: str) -> str:
    """A naive singular for plural agent nouns the lemmatiser leaves alone ("MPs", "Houthis")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
