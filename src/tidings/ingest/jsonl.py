"""JSON Lines exports: one article per line.

Known keys: ``id``, ``text`` (required), ``title``, ``published``, ``outlet``, ``url``, ``author``;
every other key is kept in ``Article.metadata``. A line that cannot be read becomes an
:class:`InputError` naming the file and line, and reading goes on with the next line. Blank lines
are skipped. The file is read line by line, so its size does not matter.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..model import Article
from .article import article_from_text
from .dates import parse_published
from .decode import BOMS, SAMPLE_BYTES, binary_kind, decode_bytes, decode_legacy

#: keys read into Article fields; all others go to metadata
KNOWN_KEYS = ("id", "text", "title", "published", "outlet", "url", "author")
#: keys that scrapers use for the body text, named in the error when ``text`` is missing
TEXT_KEY_HINTS = ("body", "content", "maintext", "article", "full_text", "fulltext", "text_content", "story")


def read_jsonl(path: Path, *, published: str | None = None,
               source: str | None = None) -> Iterator[Article | InputError]:
    """Articles from a JSONL file, an InputError for each line (or the whole file) that cannot be read."""
    source = source or str(path)
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        if any(head.startswith(bom) for bom, encoding in BOMS if not encoding.startswith("utf-8")) \
                or binary_kind(head) is not None:
            # UTF-16/32 files are small in practice: decode whole (binary files fail here with their reason)
            try:
                text = decode_bytes(head + handle.read(), source=source).text
            except InputError as error:
                yield error
                return
            yield from articles_from_lines(enumerate(text.split("\n"), 1), source=source, published=published)
            return
        handle.seek(0)
        yield from articles_from_lines(_decoded_lines(handle), source=source, published=published)


def _decoded_lines(handle) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(handle, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, decode_legacy(raw).text  # a line in a legacy code page: decode it alone


def articles_from_lines(lines: Iterable[tuple[int, str]], *, source: str,
                        published: str | None = None) -> Iterator[Article | InputError]:
    """Articles from numbered JSON lines; blank lines are skipped, an empty input is one error."""
    seen_any = False
    for number, line in lines:
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        seen_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"not valid JSON: {error.msg} at column {error.colno}", source=source, line=number)
            continue
        except RecursionError:
            yield InputError("not valid JSON: nested too deeply", source=source, line=number)
            continue
        try:
            yield article_from_record(record, source=source, line=number, published=published)
        except InputError as error:
            yield error
    if not seen_any:
        yield InputError("empty: no JSON lines", source=source)


def article_from_record(record: Any, *, source: str, line: int, published: str | None = None) -> Article:
    """One JSON record as an Article; raises :class:`InputError` (with file and line) if it has no text."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {_json_type(record)}", source=source, line=line)
    text = record.get("text")
    if text is None:
        hints = [key for key in TEXT_KEY_HINTS if isinstance(record.get(key), str)]
        hint = f" (found {', '.join(repr(k) for k in hints)}: rename it to 'text')" if hints else ""
        raise InputError(f"no 'text' field{hint}", source=source, line=line)
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {_json_type(text)}", source=source, line=line)
    if not text.strip():
        raise InputError("empty 'text'", source=source, line=line)
    metadata = {key: value for key, value in record.items() if key not in KNOWN_KEYS}
    fields = {key: _scalar(record.get(key), key, metadata) for key in ("id", "title", "outlet", "url")}
    author = record.get("author")
    if isinstance(author, list) and all(isinstance(name, str) for name in author):
        author = ", ".join(name.strip() for name in author if name.strip()) or None
    else:
        author = _scalar(author, "author", metadata)
    raw_date = record.get("published")
    date = parse_published(raw_date)
    if date is None and raw_date not in (None, ""):
        metadata["published_raw"] = raw_date  # kept for the user; the default date fills in
    return article_from_text(
        text,
        title=fields["title"],
        published=date or published,
        outlet=fields["outlet"],
        url=fields["url"],
        id=fields["id"],
        author=author,
        source=f"{source}:{line}",
        detect_title=fields["title"] is None,
        metadata=metadata,
    )


def _scalar(value: Any, key: str, metadata: dict[str, Any]) -> str | None:
    """A string field: strings and numbers are taken; anything else is kept as ``<key>_raw`` in metadata."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    metadata[f"{key}_raw"] = value
    return None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null",
             int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
