"""Turn raw text and metadata into an :class:`~tidings.model.Article`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from ..dateline import detect_dateline
from ..model import Article
from .dates import parse_published
from .layout import split_byline, split_headline
from .repair import repair_text

_TRAILING_SPACE = re.compile("[ \t\u00a0\u3000]+\n")
_SPACES_BEFORE_NEWLINE = (" \n", "\t\n", "\u00a0\n", "\u3000\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_WHITE_SPACE = re.compile(r"\s")
#: typographic variants folded for the id, so a re-typed copy of an article keeps its id
_ID_FOLD = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}
_ID_FOLD_RE = re.compile("[" + "".join(_ID_FOLD) + "]")
#: the id is computed piece by piece so a very long text is never copied whole
_ID_PIECE_CHARS = 1 << 20


def normalise_text(text: str) -> str:
    """NFC, unified line ends, no trailing spaces, at most one blank line in a row, no outer white space.

    Each step copies the text only when it has something to change.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if any(pair in text for pair in _SPACES_BEFORE_NEWLINE):
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """A stable id: a hash of the text with white space, case and typographic variants folded."""
    digest = hashlib.sha1()
    separator = b""
    for piece in _pieces(text, _ID_PIECE_CHARS):
        if not piece.isascii():
            if not unicodedata.is_normalized("NFKC", piece):
                piece = unicodedata.normalize("NFKC", piece)
            piece = _ID_FOLD_RE.sub(lambda m: _ID_FOLD[m.group()], piece)
        words = piece.casefold().split()
        if words:
            digest.update(separator + " ".join(words).encode("utf-8"))
            separator = b" "
    return digest.hexdigest()[:16]


def _pieces(text: str, size: int):
    """Slices of about ``size`` characters, cut at white space (so no word is split)."""
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            space = _WHITE_SPACE.search(text, end)
            end = space.start() if space else len(text)
        yield text[start:end]
        start = end + 1 if end < len(text) else end


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: Any = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | int | None = None,
    source: str | None = None,
    detect_title: bool = True,
    metadata: dict[str, Any] | None = None,
    author: str | None = None,
) -> Article:
    """An Article from body text: repaired, normalised, headline, byline and dateline detected, id assigned.

    ``published`` is normalised to ``YYYY-MM-DD``; a value that is not a date is kept in
    ``metadata["published_raw"]`` and the article gets no date. With ``detect_title``, a headline
    line (and a "By ..." byline after it) is taken out of the body into ``title`` (and ``author``).
    The outlet defaults to the dateline's ("TEHRAN (Tasnim) –" → Tasnim).
    """
    metadata = dict(metadata or {})
    text, repairs = repair_text(text)
    if repairs:
        metadata.setdefault("repairs", repairs)
    body = normalise_text(text)
    if title is None and detect_title:
        title, body = split_headline(body)
    if author is None and detect_title:
        author, body = split_byline(body)
    date = parse_published(published)
    if published is not None and date is None and str(published).strip():
        metadata.setdefault("published_raw", published)
    dateline = detect_dateline(body)
    if outlet is None and dateline is not None:
        outlet = dateline.outlet
    given_id = str(id).strip() if id is not None else ""
    return Article(
        id=given_id or article_id(body),
        text=body,
        title=_clean_field(title),
        published=date,
        outlet=_clean_field(outlet),
        url=_clean_field(url),
        author=_clean_field(author),
        dateline=dateline,
        source=source,
        metadata=metadata,
    )


def _clean_field(value: str | None) -> str | None:
    """A one-line metadata value: repaired, white space collapsed, None if empty."""
    if value is None:
        return None
    value, _ = repair_text(str(value))
    value = " ".join(value.split())
    return value or None
