"""Run the pipeline over many inputs: errors reported one line each, progress on a terminal."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .annotate import annotate_many
from .errors import TidingsError
from .ingest import read_inputs
from .model import Annotation, Article

#: show a progress bar from this many articles on
PROGRESS_FROM = 5


@dataclass
class BatchReport:
    """What happened to a batch: how many articles were annotated, and every failure."""

    annotated: int = 0
    failures: list[TidingsError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    def fail(self, error: TidingsError) -> None:
        self.failures.append(error)
        print(f"error: {error.one_line()}", file=sys.stderr)


def annotate_inputs(
    paths: Iterable[str],
    report: BatchReport,
    *,
    published: str | None = None,
    model: str | None = None,
    n_process: int = 1,
    progress: bool | None = None,
) -> Iterator[Annotation]:
    """Annotations for every readable article under ``paths``; failures go to ``report``."""
    articles: list[Article] = []
    for item in read_inputs(paths, published=published):
        if isinstance(item, TidingsError):
            report.fail(item)
        else:
            articles.append(item)
    show = progress if progress is not None else (sys.stderr.isatty() and len(articles) >= PROGRESS_FROM)
    results = annotate_many(articles, n_process=n_process, model=model, errors="return")
    if show:
        results = _with_progress(results, len(articles))
    for result in results:
        if isinstance(result, TidingsError):
            report.fail(result)
            continue
        report.annotated += 1
        yield result


def _with_progress(results: Iterator, total: int) -> Iterator:
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("annotating", total=total)
        for result in results:
            yield result
            progress.advance(task)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
