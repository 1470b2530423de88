"""Annotate inputs and store each article as soon as it is annotated."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..batch import BatchReport, annotate_inputs
from ..errors import StoreError
from .database import Store


def ingest_inputs(
    store: Store,
    paths: Iterable[str],
    report: BatchReport,
    *,
    published: str | None = None,
    model: str | None = None,
    n_process: int = 1,
) -> Counter[str]:
    """Rows written per table (``articles`` counts the articles stored).

    Each article is committed on its own, so an input failing later in the batch loses nothing
    stored before it; inputs that cannot be read, annotated or stored are recorded in ``report``.
    """
    written: Counter[str] = Counter()
    for annotation in annotate_inputs(paths, report, published=published, model=model, n_process=n_process):
        try:
            written.update(store.add(annotation))
        except StoreError as err:
            report.fail(err)
    return written


def summary(written: Counter[str], report: BatchReport, db: str) -> str:
    """One line: what was stored where, and how many inputs failed."""
    line = (f"stored {_count(written['articles'], 'article')} ({_count(written['events'], 'event')}, "
            f"{_count(written['quotes'], 'quote')}, {_count(written['actors'], 'actor')}) in {db}")
    if report.failures:
        line += f"; {_count(len(report.failures), 'input')} failed"
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
