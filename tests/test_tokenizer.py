"""Ranks and titles with a full stop stay whole, so they never end a sentence inside a name."""

from __future__ import annotations

import pytest

from tidings.lexicon import load
from tidings.tokenizer import ABBREVIATIONS


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, kept",
    [
        ("Lt. Col. Ahmed Saleh said the convoy was ambushed near Kandahar.", ["Lt.", "Col."]),
        ("The rebels freed Capt. Maria Lopez and Sgt. Tom Reed on Monday.", ["Capt.", "Sgt."]),
        ("Maj.-Gen. Ilir Gashi denied the report.", ["Maj.-Gen."]),
    ],
)
def test_abbreviations_stay_whole_and_sentences_unbroken(nlp, annotate_text, text, kept):
    tokens = [token.text for token in nlp.make_doc(text)]
    assert all(form in tokens for form in kept)
    assert len(annotate_text(text).sentences) == 1


def test_shipped_abbreviations_validate():
    rows = load("text/abbreviations.tsv", ABBREVIATIONS)
    assert {"Lt.", "Col.", "Sgt."} <= {row["abbreviation"] for row in rows}
