"""Annotate articles: text in, :class:`~tidings.model.Annotation` out.

Long articles are split at paragraph boundaries into chunks under ``MAX_CHUNK_CHARS`` so memory
stays bounded; the chunks' records are shifted back to article offsets and renumbered.
"""

from __future__ import annotations

import copy
import dataclasses
import multiprocessing
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .config import MAX_CHUNK_CHARS
from .errors import InputError, TidingsError
from .extensions import doc_text, records, register_extensions
from .ingest import article_from_record, article_from_text
from .model import Annotation, Article, Sentence
from .pipeline import shared_pipeline

#: record lists on the Doc, their id prefix, and the Annotation field they fill
RECORD_LISTS = (
    ("actors", "a"), ("places", "p"), ("timexes", "t"), ("quotes", "q"), ("events", "e"), ("framing", None),
)
#: fields that hold the id of another record
REFERENCE_FIELDS = frozenset({"refers_to", "actor", "actors", "place", "claimed_by", "timex", "quote"})


def annotate(
    text: str,
    published: str | None = None,
    title: str | None = None,
    *,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
) -> Annotation:
    """Annotate one article given as text."""
    article = article_from_text(text, title=title, published=published, outlet=outlet, url=url, id=id,
                                detect_title=title is None)
    return annotate_article(article, nlp=nlp, model=model)


def annotate_article(article: Article, *, nlp: Language | None = None, model: str | None = None) -> Annotation:
    """Annotate one :class:`Article`."""
    return next(annotate_many([article], nlp=nlp, model=model))


def annotate_many(
    items: Iterable[str | Article | dict[str, Any]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    model: str | None = None,
    published: str | None = None,
    errors: str = "raise",
) -> Iterator[Annotation | TidingsError]:
    """Annotate many articles, in order.

    ``items`` are texts, Articles, or dicts with ``text`` and optional ``id``, ``title``,
    ``published``, ``outlet``, ``url``. ``published`` is the default publication date.
    With ``errors="return"`` an article that fails yields a :class:`TidingsError` in its place.
    """
    if errors not in {"raise", "return"}:
        raise ValueError("errors must be 'raise' or 'return'")
    articles = (_as_article(item, published, i) for i, item in enumerate(items))
    if n_process > 1:
        yield from _annotate_parallel(articles, n_process, batch_size, model, errors)
        return
    nlp = nlp or shared_pipeline(model)
    yield from _annotate_serial(articles, nlp, batch_size, errors)


def _as_article(item: str | Article | dict[str, Any], published: str | None,
                position: int = 0) -> Article | TidingsError:
    """An Article from any accepted item, or the InputError saying why it is not one."""
    if isinstance(item, Article):
        if item.published is None and published:
            item = dataclasses.replace(item, published=published)
        return item
    if isinstance(item, str):
        return article_from_text(item, published=published)
    if isinstance(item, dict):
        try:
            return article_from_record(item, source="<items>", line=position + 1, published=published)
        except TidingsError as err:
            return err
    return InputError(f"cannot annotate a {type(item).__name__}", source="<items>", line=position + 1)


def chunk_spans(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split text into spans under ``max_chars``, at paragraph breaks, else lines, else spaces."""
    spans, start = [], 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(separator)
            if cut > max_chars // 4:
                cut += len(separator)
                break
        if cut <= 0:
            cut = max_chars
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]


def _docs_for(article: Article, nlp: Language) -> Iterator[tuple[Doc, int]]:
    """A Doc for each chunk of the article, with the chunk's offset in the article text."""
    for index, (start, end) in enumerate(chunk_spans(article.text, MAX_CHUNK_CHARS)):
        meta = copy.copy(article)
        meta.text = article.text[start:end]
        if index > 0:
            meta.dateline = None
            meta.metadata = {**article.metadata, "chunk": index}
        doc = nlp.make_doc(meta.text)
        doc._.article = meta
        yield doc, start


def _annotate_serial(articles: Iterable[Article], nlp: Language, batch_size: int,
                     errors: str) -> Iterator[Annotation | TidingsError]:
    register_extensions()
    batch: list[Article] = []
    for article in articles:
        if isinstance(article, TidingsError):
            yield from _annotate_batch(batch, nlp, batch_size, errors)
            batch = []
            if errors == "raise":
                raise article
            yield article
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _annotate_batch(batch, nlp, batch_size, errors)
            batch = []
    if batch:
        yield from _annotate_batch(batch, nlp, batch_size, errors)


def _annotate_batch(batch: list[Article], nlp: Language, batch_size: int,
                    errors: str) -> Iterator[Annotation | TidingsError]:
    """Annotate a batch with ``nlp.pipe``; if the batch fails, retry its articles one by one.

    Articles longer than one chunk are streamed chunk by chunk on their own, so memory stays bounded.
    """
    small = [article for article in batch if len(article.text) <= MAX_CHUNK_CHARS]
    by_article: dict[int, Annotation | TidingsError] = {}
    try:
        docs = [next(_docs_for(article, nlp))[0] for article in small]
        for article, doc in zip(small, nlp.pipe(docs, batch_size=batch_size)):
            by_article[id(article)] = merge(article, [doc_to_annotation(doc)])
    except Exception:
        by_article = {}
    for article in batch:
        result = by_article.get(id(article)) or _annotate_one(article, nlp)
        if isinstance(result, TidingsError) and errors == "raise":
            raise result
        yield result


def _annotate_one(article: Article, nlp: Language) -> Annotation | TidingsError:
    try:
        parts = [doc_to_annotation(nlp(doc), offset) for doc, offset in _docs_for(article, nlp)]
        return merge(article, parts)
    except Exception as err:  # one bad article never stops the batch
        return InputError(f"annotation failed: {type(err).__name__}: {err}", source=article.source or article.id)


def doc_to_annotation(doc: Doc, offset: int = 0) -> Annotation:
    """Read the Tidings extensions of a processed Doc into an Annotation (offsets shifted)."""
    article = doc._.article
    dateline = article.dateline if article else None
    paragraphs = doc._.paragraphs or [(0, len(doc_text(doc)))]
    sentences = []
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if dateline is not None and end <= dateline.end:
            continue
        if dateline is not None and start < dateline.end:
            start = dateline.end
            while start < end and doc_text(doc)[start].isspace():
                start += 1
        paragraph = next((i for i, (s, e) in enumerate(paragraphs) if s <= start < e), 0)
        sentences.append(Sentence(start=start, end=end, paragraph=paragraph))
    annotation = Annotation(
        article=article,
        sentences=sentences,
        **{name: list(records(doc, name)) for name, _ in RECORD_LISTS},
    )
    if offset:
        _shift(annotation, offset, skip_article=True)
    return annotation


def _shift(record: Any, offset: int, skip_article: bool = False) -> None:
    if isinstance(record, list):
        for item in record:
            _shift(item, offset)
        return
    if not dataclasses.is_dataclass(record):
        return
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in {"start", "end"} and isinstance(value, int) and not isinstance(value, bool):
            setattr(record, f.name, value + offset)
        elif skip_article and f.name == "article":
            continue
        elif isinstance(value, list) or dataclasses.is_dataclass(value):
            _shift(value, offset)


def merge(article: Article, parts: list[Annotation]) -> Annotation:
    """One Annotation from the annotations of an article's chunks, ids renumbered."""
    if len(parts) == 1:
        result = parts[0]
        result.article = article
        _number_sentences(result)
        return result
    merged = Annotation(article=article)
    for part in parts:
        merged.sentences.extend(part.sentences)
        mapping: dict[str, str] = {}
        for name, prefix in RECORD_LISTS:
            target = getattr(merged, name)
            for position, item in enumerate(getattr(part, name), start=len(target) + 1):
                if prefix is not None:
                    mapping[item.id] = f"{prefix}{position}"
            target.extend(getattr(part, name))
        for name, prefix in RECORD_LISTS:
            for item in getattr(part, name):
                _rename(item, mapping)
    _number_sentences(merged)
    return merged


def _rename(record: Any, mapping: dict[str, str]) -> None:
    if isinstance(record, list):
        for item in record:
            _rename(item, mapping)
        return
    if not dataclasses.is_dataclass(record):
        return
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if (f.name == "id" or f.name in REFERENCE_FIELDS) and isinstance(value, str):
            setattr(record, f.name, mapping.get(value, value))
        elif f.name in REFERENCE_FIELDS and isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(record, f.name, [mapping.get(v, v) for v in value])
        elif isinstance(value, list) or dataclasses.is_dataclass(value):
            _rename(value, mapping)


def _number_sentences(annotation: Annotation) -> None:
    """Point each event at the index of the sentence holding its trigger."""
    starts = [s.start for s in annotation.sentences]
    for event in annotation.events:
        position = event.trigger.start
        index = 0
        for i, start in enumerate(starts):
            if start <= position:
                index = i
            else:
                break
        event.sentence = index


# -- parallel ---------------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = shared_pipeline(model)


def _worker_annotate(article: Article | TidingsError) -> Annotation | TidingsError:
    assert _WORKER_NLP is not None
    if isinstance(article, TidingsError):
        return article
    return _annotate_one(article, _WORKER_NLP)


def _annotate_parallel(articles: Iterable[Article], n_process: int, batch_size: int, model: str | None,
                       errors: str) -> Iterator[Annotation | TidingsError]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(n_process, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(_worker_annotate, articles, chunksize=max(1, batch_size // 4)):
            if isinstance(result, TidingsError) and errors == "raise":
                raise result
            yield result
