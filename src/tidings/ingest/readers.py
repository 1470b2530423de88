"""Read input paths (files, folders, ``-``) into Articles; bad inputs become InputErrors.

A folder is read recursively in sorted order. Every file in it is an input (one of another type
is reported), except hidden files and folders and the folder of images and scripts a browser saves
beside a page (``Page_files`` next to ``Page.html``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Article
from .article import article_from_text
from .decode import decode_bytes
from .html import article_from_html, decode_html, looks_like_html
from .jsonl import articles_from_lines, read_jsonl
from .layout import leading_date

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = frozenset(TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES)
#: a single text or HTML article larger than this is refused (JSONL files are streamed, any size)
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
STDIN = "-"
STDIN_SOURCE = "<stdin>"


def read_inputs(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from each path in order; an input that cannot be read yields an InputError instead.

    ``published`` (YYYY-MM-DD) is the default publication date: it fills in only where an input
    gives none (a page's own date, or a JSONL line's, wins).
    """
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin(published=published)
            continue
        path = Path(path)
        try:
            is_dir = path.is_dir()
        except OSError as error:
            yield _os_error(error, path)
            continue
        if is_dir:
            yield from read_folder(path, published=published)
        else:
            yield from read_file(path, published=published)


def read_file(path: Path, *, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one file (one, or one per line for JSONL)."""
    source = str(path)
    if not path.exists():
        yield InputError("no such file or folder", source=source)
        return
    if not path.is_file():
        yield InputError("not a regular file", source=source)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputError(_unsupported(suffix), source=source)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, published=published)
            return
        data = _read_bytes(path)
        if suffix in HTML_SUFFIXES:
            yield article_from_html(decode_html(data, source=source), source=source, published=published)
        else:
            text = decode_bytes(data, source=source)
            del data  # the bytes are not needed once decoded: keep one copy of a large article
            if looks_like_html(text.text):  # a page saved with a .txt name
                yield article_from_html(text.text, source=source, published=published)
            else:
                yield _article(text.text, text.encoding, source, published)
    except InputError as error:
        yield error
    except OSError as error:
        yield _os_error(error, path)


def read_folder(folder: Path, *, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from every file under a folder, in sorted order (a file of another type is an error)."""
    files: list[Path] = []
    errors: list[InputError] = []

    def unreadable(error: OSError) -> None:
        errors.append(_os_error(error, Path(error.filename or folder)))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".") and not _saved_page_assets(name, names)]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    yield from errors
    if not files and not errors:
        yield InputError(f"no files in this folder (looking for {_supported_list()})", source=str(folder))
    for path in sorted(files):
        yield from read_file(path, published=published)


def _saved_page_assets(folder: str, files: list[str]) -> bool:
    """A browser's "save complete page" folder (``Page_files`` beside ``Page.html``): images and scripts."""
    if not folder.endswith("_files"):
        return False
    stem = folder[: -len("_files")]
    return any(f"{stem}{suffix}" in files for suffix in HTML_SUFFIXES)


def read_stdin(*, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from standard input: plain text, an HTML page, or JSON Lines (recognised by content)."""
    stream = sys.stdin
    if stream is None:
        yield InputError("standard input is closed", source=STDIN_SOURCE)
        return
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            decoded = decode_bytes(buffer.read(), source=STDIN_SOURCE)
            text, encoding = decoded.text, decoded.encoding
        else:
            text, encoding = stream.read(), "utf-8"
            if not text.strip():
                raise InputError("empty: no text", source=STDIN_SOURCE)
    except InputError as error:
        yield error
        return
    yield from read_text_input(text, source=STDIN_SOURCE, published=published, encoding=encoding)


def read_text_input(text: str, *, source: str, published: str | None = None,
                    encoding: str = "utf-8") -> Iterator[Article | InputError]:
    """Articles from text whose format is unknown: JSON Lines, an HTML page, or plain text."""
    try:
        if _looks_like_jsonl(text):
            yield from articles_from_lines(enumerate(text.split("\n"), 1), source=source, published=published)
        elif looks_like_html(text):
            yield article_from_html(text, source=source, published=published)
        else:
            yield _article(text, encoding, source, published)
    except InputError as error:
        yield error


def _article(text: str, encoding: str, source: str, published: str | None) -> Article:
    """A plain-text article; a date line at its top ("March 1, 2008") wins over the default date."""
    metadata = {} if encoding in ("utf-8", "ascii") else {"encoding": encoding}
    article = article_from_text(text, published=published, source=source, metadata=metadata)
    own_date = leading_date(article.text)
    if own_date is not None:
        article.published = own_date
    return article


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"too large for one article ({size / 2**20:.0f} MB; the limit is "
                         f"{MAX_ARTICLE_BYTES // 2**20} MB): split it, or use JSONL", source=str(path))
    return path.read_bytes()


def _looks_like_jsonl(text: str) -> bool:
    first = next((line.strip() for line in text.split("\n", 20)[:20] if line.strip()), "")
    return first.startswith("{") and first.endswith("}")


def _os_error(error: OSError, path: Path) -> InputError:
    if isinstance(error, PermissionError):
        reason = "permission denied"
    else:
        reason = (error.strerror or type(error).__name__).lower()
    return InputError(f"cannot read: {reason}", source=str(path))


def _supported_list() -> str:
    ordered = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    return ", ".join(ordered[:-1]) + " or " + ordered[-1]


def _unsupported(suffix: str) -> str:
    what = f"file type {suffix!r}" if suffix else "file without an extension"
    return f"unsupported {what} (supported: {_supported_list()})"
