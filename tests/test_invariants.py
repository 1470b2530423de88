"""Traceability holds on any input: every span's text is the article text at its offsets, and every
reference (actor, place, quote) points at a record of the same article."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tidings
from tidings.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]

ODD_TEXTS = [
    "\"Unclosed quote starts here and never ends",
    "He said.",
    "WASHINGTON (Reuters) -",
    "They said \"x\" and 'y' and “z”, officials told reporters.",
    "On Friday.",
    "Hamas حماس attacked the crossing, the army said.",
    "😀 Protesters 😀 marched in Lagos on Monday.",
    "US",
    "word " * 800,
]


def spans(annotation):
    for actor in annotation.actors:
        yield actor.text, actor.start, actor.end
        if actor.evidence:
            yield actor.evidence.text, actor.evidence.start, actor.evidence.end
    for record in annotation.places + annotation.timexes:
        yield record.text, record.start, record.end
    for event in annotation.events:
        yield event.trigger.text, event.trigger.start, event.trigger.end
    for quote in annotation.quotes:
        yield quote.content.text, quote.content.start, quote.content.end
        for part in (quote.cue, quote.speaker):
            if part is not None:
                yield part.text, part.start, part.end


def assert_traceable(annotation):
    text = annotation.article.text
    for span_text, start, end in spans(annotation):
        assert text[start:end] == span_text, (annotation.article.id, span_text, start, end)
    actor_ids = {a.id for a in annotation.actors}
    for event in annotation.events:
        assert all(ref.actor in actor_ids for ref in event.actor + event.recipient if ref.actor is not None)
        assert event.location is None or annotation.place(event.location.place) is not None
        assert event.claimed_by is None or annotation.quote(event.claimed_by) is not None
        assert 0 <= event.sentence < len(annotation.sentences)
    for quote in annotation.quotes:
        assert quote.speaker is None or quote.speaker.actor is None or quote.speaker.actor in actor_ids


@pytest.mark.slow
def test_odd_texts_and_bundled_examples_are_traceable(nlp):
    items = [{"id": f"odd{i}", "text": text} for i, text in enumerate(ODD_TEXTS)]
    items += [a for a in read_inputs([ROOT / "examples" / "articles"]) if isinstance(a, tidings.Article)]
    results = list(tidings.annotate_many(items, nlp=nlp, published="2024-06-30"))
    assert len(results) == len(items)
    for annotation in results:
        assert_traceable(annotation)


@pytest.mark.slow
def test_news_corpus_is_traceable(nlp, shared_dir):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpora import meantime_articles

    items = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published}
             for a in meantime_articles()[::4]]
    for annotation in tidings.annotate_many(items, nlp=nlp):
        assert_traceable(annotation)
