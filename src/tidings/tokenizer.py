"""Tokenizer additions: abbreviations of ranks and titles kept whole (``data/text/abbreviations.tsv``)."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language

from .lexicon import Column, Schema, load_shipped

ABBREVIATIONS = Schema(
    name="abbreviations",
    columns=(Column("abbreviation", check=lambda v: v.endswith(".") and " " not in v), Column("meaning")),
    unique=("abbreviation",),
)


def add_abbreviations(nlp: Language, name: str = "text/abbreviations.tsv") -> None:
    """Keep each listed abbreviation (and its upper-case form) as one token."""
    for row in load_shipped(name, ABBREVIATIONS):
        for form in {row["abbreviation"], row["abbreviation"].upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
