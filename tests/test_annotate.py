"""Annotating text: structure, chunking of long articles, merging, batches, errors."""

from __future__ import annotations

import json
import re

import pytest

import importlib

import tidings
from tidings.annotate import chunk_spans, merge
from tidings.errors import TidingsError

annotate_module = importlib.import_module("tidings.annotate")
from tidings.model import Actor, ActorRef, Annotation, Article, Event, Quote, Speaker, TextSpan


@pytest.mark.parametrize("max_chars", [50, 120, 400])
def test_chunks_cover_the_text_in_order_and_respect_the_limit(max_chars):
    text = "\n\n".join(f"Paragraph {i} says something about the talks in Baghdad." for i in range(20))
    spans = chunk_spans(text, max_chars)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(end - start <= max_chars for start, end in spans)


def test_chunks_prefer_paragraph_breaks():
    text = "First paragraph is here.\n\nSecond paragraph is here.\n\nThird one."
    spans = chunk_spans(text, 40)
    assert [text[s:e].strip() for s, e in spans][0] == "First paragraph is here."


def _part(text: str, actor_text: str) -> Annotation:
    start = text.index(actor_text)
    return Annotation(
        article=Article(id="x", text=text),
        actors=[Actor(id="a1", text=actor_text, start=start, end=start + len(actor_text)),
                Actor(id="a2", text="he", start=0, end=2, refers_to="a1")],
        events=[Event(id="e1", event_type="ACCUSE", trigger=TextSpan("blamed", 0, 6), sentence=0,
                      actor=[ActorRef(actor="a1")], claimed_by="q1")],
        quotes=[Quote(id="q1", kind="direct", speaker=Speaker("he", 0, 2, actor="a2", actors=["a2", "a1"]), cue=None,
                      content=TextSpan("x", 0, 1))],
    )


def test_merge_renumbers_ids_and_rewrites_references():
    merged = merge(Article(id="x", text=""), [_part("Iran blamed", "Iran"), _part("Iraq blamed", "Iraq")])
    assert [a.id for a in merged.actors] == ["a1", "a2", "a3", "a4"]
    assert merged.actors[3].refers_to == "a3"
    assert merged.events[1].id == "e2" and merged.events[1].actor[0].actor == "a3"
    assert merged.events[1].claimed_by == "q2"
    assert merged.quotes[1].speaker.actor == "a4"
    assert merged.quotes[1].speaker.actors == ["a4", "a3"]


@pytest.mark.slow
def test_dateline_stays_out_of_the_first_sentence(annotate_text):
    text = "KABUL (Wire) – Officials met on Monday.\n\nThey agreed to meet again."
    annotation = annotate_text(text)
    assert annotation.article.dateline.place == "Kabul"
    assert annotation.article.dateline.outlet == "Wire"
    first = annotation.sentences[0]
    assert text[first.start:first.end] == "Officials met on Monday."


@pytest.mark.slow
def test_no_sentence_crosses_a_paragraph_break(nlp):
    text = "The minister arrived in Cairo\n\nTalks began at noon and lasted until the evening."
    annotation = tidings.annotate(text, title="Talks", nlp=nlp)
    assert all("\n\n" not in text[s.start:s.end] for s in annotation.sentences)
    assert [s.paragraph for s in annotation.sentences] == [0, 1]


@pytest.mark.slow
def test_long_article_is_chunked_with_offsets_into_the_whole_text(nlp, monkeypatch):
    monkeypatch.setattr(annotate_module, "MAX_CHUNK_CHARS", 200)
    paragraph = "Protesters gathered in Nairobi on Tuesday. Police fired tear gas at the crowd."
    text = "\n\n".join(paragraph for _ in range(12))
    annotation = tidings.annotate(text, nlp=nlp, title="Long")
    assert len(annotation.sentences) == 24
    for sentence in annotation.sentences:
        assert text[sentence.start:sentence.end] in paragraph
    ids = [a.id for a in annotation.actors]
    assert len(ids) == len(set(ids))
    for record in annotation.actors + annotation.places + annotation.timexes:
        assert text[record.start:record.end] == record.text


@pytest.mark.slow
def test_annotate_many_keeps_order_and_reports_failures_in_place(nlp, monkeypatch):
    structure = nlp.get_pipe("tidings_structure")
    original = type(structure).__call__

    def explode(self, doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(structure), "__call__", explode)
    texts = ["Iran and Iraq signed a deal.", "EXPLODE here.", "Egypt condemned the attack."]
    results = list(tidings.annotate_many(texts, nlp=nlp, errors="return"))
    assert isinstance(results[1], TidingsError) and "boom" in results[1].one_line()
    assert [r.article.text for i, r in enumerate(results) if i != 1] == [texts[0], texts[2]]
    with pytest.raises(TidingsError):
        list(tidings.annotate_many(texts, nlp=nlp))


@pytest.mark.slow
def test_parallel_equals_serial(nlp):
    texts = [f"Protesters in city number {i} blocked a road on Friday, police said." for i in range(6)]
    serial = [a.to_dict() for a in tidings.annotate_many(texts, nlp=nlp, published="2024-01-05")]
    parallel = [a.to_dict() for a in tidings.annotate_many(texts, n_process=2, published="2024-01-05")]
    assert parallel == serial


def _contract_keys(shared_dir) -> dict:
    doc = (shared_dir / "docs" / "annotation-format.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    return example


@pytest.mark.slow
@pytest.mark.parametrize("section", ["article", "sentences", "actors", "events", "quotes", "timexes", "places"])
def test_output_keeps_the_contract_names(shared_dir, reference_annotation, section):
    example = _contract_keys(shared_dir)[section]
    produced = json.loads(json.dumps(reference_annotation.to_dict()))[section]
    if isinstance(example, list):
        assert produced, f"no {section} found in the reference article"
        expected_keys, produced_keys = set(example[0]), set(produced[0])
    else:
        expected_keys, produced_keys = set(example), set(produced)
    assert expected_keys <= produced_keys
