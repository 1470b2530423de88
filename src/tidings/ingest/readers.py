"""Read input paths (files, folders, ``-``) into Articles; bad inputs become InputErrors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Article
from .article import article_from_text

SUPPORTED = {".txt"}


def read_inputs(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from each path in order; a path that cannot be read yields an InputError instead."""
    for path in paths:
        if str(path) == "-":
            yield article_from_text(sys.stdin.read(), published=published, source="<stdin>")
            continue
        path = Path(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from read_inputs([child], published=published)
            continue
        if not path.exists():
            yield InputError("no such file or folder", source=str(path))
            continue
        if path.suffix.lower() not in SUPPORTED:
            yield InputError(f"unknown file type {path.suffix!r}", source=str(path))
            continue
        yield article_from_text(path.read_text(encoding="utf-8"), published=published, source=str(path))
