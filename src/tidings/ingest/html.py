"""Saved web pages: the main text and metadata, extracted with trafilatura.

The page's own metadata is used where it has it: title, author, canonical URL (``<link rel=canonical>``
or ``og:url``), site name as the outlet, and its publication date from metadata only (never a date
guessed from the body text). A default publication date fills in only where the page has none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import article_from_text
from .dates import parse_published
from .decode import decode_bytes

#: a charset declared in the first bytes of a page
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
#: labels that browsers read as windows-1252 (the WHATWG encoding standard)
_WEB_ALIASES = {name: "cp1252" for name in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii")}
#: an article page has at least one paragraph of this many words
MIN_PARAGRAPH_WORDS = 6
#: metadata kept on the Article when the page has it
KEPT_METADATA = ("description", "categories", "tags", "language", "image")


def decode_html(data: bytes, *, source: str | None = None) -> str:
    """Page bytes as text: a byte-order mark or valid UTF-8 first, then the declared charset, then a guess."""
    decoded = decode_bytes(data, source=source)
    if decoded.encoding in ("utf-8", "utf-8-sig") or decoded.encoding.startswith(("utf-16", "utf-32")):
        return decoded.text
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_WEB_ALIASES.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass
    return decoded.text


def article_from_html(html: str, *, source: str | None = None, published: str | None = None) -> Article:
    """An Article from a page's HTML; a page without article text raises :class:`InputError`."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, config=_config(),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # noqa: BLE001 - a page the extractor chokes on is one bad input, not a crash
        raise InputError(f"cannot parse the HTML page: {type(error).__name__}: {error}", source=source) from None
    text = (getattr(document, "text", None) or "") if document is not None else ""
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.split("\n")):
        # nothing but menu entries, link lists or captions: not an article
        raise InputError("no article text found in the HTML page", source=source)
    title = _text(document.title)
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:] or paragraphs  # the page's headline, repeated as its first line
    page_date = parse_published(document.date)
    metadata: dict[str, Any] = {}
    for key in KEPT_METADATA:
        value = getattr(document, key, None)
        if value not in (None, "", [], {}):
            metadata[key] = value
    return article_from_text(
        "\n\n".join(paragraphs),
        title=title,
        published=page_date or published,
        outlet=_text(document.sitename),
        url=_text(document.url),
        author=_text(document.author),
        source=source,
        detect_title=title is None,
        metadata=metadata,
    )


def looks_like_html(text: str) -> bool:
    """Whether text (e.g. from stdin) is an HTML page rather than plain text."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml", "<meta", "<article"))


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its timeout uses signals, which fail outside the main thread
    return config


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
