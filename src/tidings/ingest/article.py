"""Turn raw text and metadata into an :class:`~tidings.model.Article`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from ..dateline import detect_dateline
from ..model import Article

_SPACES = re.compile(r"[ \t\u00a0]+")


def normalise_text(text: str) -> str:
    """NFC, unified line ends, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """A stable id: a hash of the text with white space and case folded."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


def split_headline(text: str) -> tuple[str | None, str]:
    """A first line that reads like a headline (short, no final stop, followed by a blank line)."""
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip():
        return None, text
    line = first.strip()
    blank_follows = rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")
    words = line.split()
    if (blank_follows and 1 < len(words) <= 25 and not line.endswith((".", ":", ";", ","))
            and not detect_dateline(line + " - x")):
        return line, rest.strip()
    return None, text


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    source: str | None = None,
    detect_title: bool = True,
    metadata: dict[str, Any] | None = None,
) -> Article:
    """An Article from body text: normalised, headline and dateline detected, id assigned."""
    body = normalise_text(text)
    if title is None and detect_title:
        title, body = split_headline(body)
    dateline = detect_dateline(body)
    if dateline is not None and outlet is None:
        outlet = dateline.outlet
    return Article(
        id=str(id) if id is not None else article_id(body),
        text=body,
        title=title,
        published=published,
        outlet=outlet,
        url=url,
        dateline=dateline,
        source=source,
        metadata=dict(metadata or {}),
    )
