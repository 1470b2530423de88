"""Loaded wording is marked, and kept apart by voice: the outlet's own (narrator) or a direct
quote's (attributed)."""

from __future__ import annotations

import pytest

from tidings.components.framing import LOADED_TERMS
from tidings.lexicon import load


def marks(annotation):
    return {(m.text, m.voice) for m in annotation.framing}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cThe occupiers must leave our land,\u201d the cleric told worshippers on Friday.",
         {("occupiers", "attributed")}),
        ("Regime forces shelled the town overnight, killing four people.", {("Regime forces", "narrator")}),
        ("The mission will shift to an \u201cadvisory\u201d role next year, officials said.", {("advisory", "narrator")}),
        ("The heroic defenders of the city held out for a week.", {("heroic defenders", "narrator")}),
        ("The minister met reporters in Cairo on Monday.", set()),
    ],
)
def test_loaded_wording_and_its_voice(annotate_text, text, expected):
    assert marks(annotate_text(text)) == expected


@pytest.mark.slow
def test_indirect_speech_keeps_the_narrators_wording_but_names_the_quote(annotate_text):
    annotation = annotate_text("The spokesman said the puppet government had lost control of the north.")
    mark = next(m for m in annotation.framing if m.text == "puppet government")
    assert mark.voice == "narrator"
    assert mark.quote == annotation.quotes[0].id


def test_shipped_terms_validate():
    rows = load("framing/loaded_terms.yaml", LOADED_TERMS)
    assert {row["kind"] for row in rows} == {"label", "praise", "scorn", "charge", "emotion"}


@pytest.mark.slow
def test_reference_article_framing(reference_annotation, reference_gold):
    found = {(m.text.lower(), m.voice) for m in reference_annotation.framing}
    narrator = reference_gold["framing"]["narrator"]
    attributed = reference_gold["framing"]["attributed"]
    hit_narrator = [t for t in narrator if any(t.lower() in text for text, voice in found if voice == "narrator")]
    hit_attributed = [t for t in attributed if any(t.lower() in text for text, voice in found if voice == "attributed")]
    # floors measured on 2026-11-26: 11/11 narrator terms, 5/6 attributed ("hegemonic powers" sits in
    # indirect speech, which Tidings counts as the outlet's wording)
    assert len(hit_narrator) >= 11
    assert len(hit_attributed) >= 5
