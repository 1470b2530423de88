"""The cue lexicon and media patterns are data files, validated on load."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.lexicon import load
from tidings.quotes.cues import CUE_SCHEMA, MEDIA_SCHEMA, cue_lexicon, elisions, media_lexicon


def test_shipped_lexicons_load():
    cues = cue_lexicon()
    assert cues.verb("say", set()) is not None
    assert cues.verb("point", {"out"}).text == "point out"
    assert cues.verb("fume", set()) is None            # frames quotations only
    assert cues.verb("fume", set(), direct=True) is not None
    assert cues.verb("rag", set(), form="raged", direct=True) is not None  # a lemmatizer slip
    assert ("according", "to") in cues.prepositions
    media = media_lexicon()
    assert media.platforms["Twitter"] == "Twitter"
    assert "agency" in media.outlet_nouns and "statement" in media.medium_nouns
    assert "til" in elisions()


@pytest.mark.parametrize("content, message", [
    ("cue\tpos\tcategory\tuse\tneeds_that\nsay\tVERB\tspeech\tany\tmaybe\n", "needs_that"),
    ("cue\tpos\tcategory\tuse\tneeds_that\nsay\tADVERB\tspeech\tany\tfalse\n", "pos"),
    ("cue\tpos\tcategory\tuse\tneeds_that\nsay\tVERB\tspeech\tany\tfalse\nsay\tVERB\tspeech\tany\tfalse\n",
     "duplicate"),
])
def test_a_bad_cue_file_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "cues.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load(path, CUE_SCHEMA)
    assert message in str(err.value) and "cues.tsv:" in str(err.value)


def test_a_bad_media_entry_names_its_line(tmp_path):
    path = tmp_path / "media.yaml"
    path.write_text("entries:\n  - {kind: platform, name: Twitter}\n  - {kind: blog, name: Substack}\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load(path, MEDIA_SCHEMA)
    assert "media.yaml:3" in str(err.value)
