"""The layout of a plain-text article: a headline line and a byline before the body.

A first line is a headline when it is short, does not end like a sentence, and is followed by a
blank line and more text. A first sentence that lost its full stop looks alike, so a line in
sentence case must be shorter than one in title case, must not hold a sentence break, and the
text after it must start like a new paragraph (not in lower case).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dateline import detect_dateline
from ..lexicon import Column, Schema, load_shipped
from .dates import parse_published

LAYOUT_WORDS_SCHEMA = Schema(
    "layout word",
    (Column("word"), Column("role", choices=frozenset({"minor", "article", "past", "weekday", "abbreviation"}))),
    unique=("word", "role"),
)
_SENTENCE_END = (".", ",", ";", ":", "…", ".”", ".’", '."', ".'", ",”", ",\"", "-", "–", "—")
_INNER_SENTENCE_BREAK = re.compile(r"(\S*[a-z]{2}[.!?])\s+[A-Z]")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "... warns U.S."
_OPEN_QUOTES = {"“": "”", "«": "»"}
_NAME_WORD = r"(?:[A-Z][\w.'’\-]*|(?:al|el|bin|ibn|abu|de|del|der|van|von|da|di|du|le|la)(?:-[A-Z][\w.'’\-]*)?)"
_BYLINE = re.compile(
    rf"[Bb][Yy]:?[ \t]+(?P<author>[A-Z][\w.'’\-]*(?:[ \t]+(?:{_NAME_WORD}|and|&)){{0,6}})"
    r"(?:,[ \t]*[A-Z][\w.'’\- ]{1,40})?"
)
MAX_HEADLINE_WORDS = 25
MAX_SENTENCE_CASE_WORDS = 16
MAX_HEADLINE_CHARS = 200


def split_headline(text: str) -> tuple[str | None, str]:
    """``(headline, body)`` if the first line of normalised text is a headline, else ``(None, text)``."""
    newline = text.find("\n", 0, MAX_HEADLINE_CHARS * 2)
    if newline < 0:
        return None, text
    line = text[:newline].strip()
    blank_follows = text.startswith("\n", newline + 1)
    body_start = _skip_space(text, newline)
    if body_start >= len(text) or not is_headline(line, text[body_start:body_start + 200], blank_follows):
        return None, text
    return line, text[body_start:]


def is_headline(line: str, following: str, blank_follows: bool = True) -> bool:
    """Whether ``line`` reads as a headline, given the start of the text that follows it."""
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if len(words) < 2:
        return False
    if line.endswith(_SENTENCE_END) and not _ABBREVIATION_END.search(line):
        return False
    if detect_dateline(line + " x") is not None:
        return False  # a dateline opens the body (perhaps on a line of its own)
    if _BYLINE.fullmatch(line) or date_line(line) is not None:
        return False
    if any(line.count(open_) > line.count(close) for open_, close in _OPEN_QUOTES.items()) or line.count('"') % 2:
        return False  # a quote that goes on past the line
    title_case = is_title_case(words)
    if not title_case:
        if len(words) > MAX_SENTENCE_CASE_WORDS or line.endswith(("?", "!")):
            return False
        if _has_sentence_break(line) or _reads_like_sentence(words):
            return False
    first = following.lstrip()[:1]
    if not first or first.islower():
        return False  # the line goes on in the next paragraph
    # without a blank line after it, only a title-case line stands apart from hard-wrapped text
    return blank_follows or (title_case and len(words) <= 15)


def is_title_case(words: list[str]) -> bool:
    """Most words capitalised, minor words aside (or the whole line in capitals)."""
    minor = layout_words("minor")
    major = [w for w in words if w[:1].isalpha() and w.casefold().strip("'’\"“”") not in minor]
    if len(major) < 2:
        return False
    capitalised = sum(1 for w in major if w[0].isupper())
    return capitalised * 5 >= len(major) * 4


def _has_sentence_break(line: str) -> bool:
    """A full stop, question or exclamation mark inside the line that ends a sentence (not "Inc.")."""
    abbreviations = layout_words("abbreviation")
    return any(match.group(1).casefold() not in abbreviations for match in _INNER_SENTENCE_BREAK.finditer(line))


def _reads_like_sentence(words: list[str]) -> bool:
    """Sentence-case text with two articles, a past-tense reporting verb, or "on Monday": headlines have none."""
    folded = [w.casefold().strip(",;:'’\"“”") for w in words]
    if sum(1 for w in folded if w in layout_words("article")) >= 2:
        return True
    if any(w in layout_words("past") for w in folded):
        return True
    return any(a == "on" and b in layout_words("weekday") for a, b in zip(folded, folded[1:]))


@lru_cache(maxsize=None)
def layout_words(role: str) -> frozenset[str]:
    """Case-folded words of one role from ``data/ingest/layout_words.csv``."""
    rows = load_shipped("ingest/layout_words.csv", LAYOUT_WORDS_SCHEMA)
    return frozenset(row["word"].casefold() for row in rows if row["role"] == role)


_DATE_LABEL = re.compile(r"(?:(?:published|posted|updated|dated|date)\s*(?:on)?\s*:?\s*)", re.IGNORECASE)
MAX_DATE_LINE_WORDS = 8


def date_line(line: str) -> str | None:
    """``YYYY-MM-DD`` if the line is only a date ("March 01, 2008", "Published: 20 Nov 2021"), else None."""
    line = line.strip()
    if not line or len(line.split()) > MAX_DATE_LINE_WORDS or not any(c.isdigit() for c in line):
        return None
    label = _DATE_LABEL.match(line)
    return parse_published(line[label.end():] if label else line)


def leading_date(text: str, paragraphs: int = 2) -> str | None:
    """The date of a date line among the first paragraphs of a body, if there is one."""
    start = 0
    for _ in range(paragraphs):
        end = text.find("\n\n", start, start + 500)
        paragraph = text[start:end if end >= 0 else start + 500]
        found = date_line(paragraph) if "\n" not in paragraph.strip() else None
        if found is not None or end < 0:
            return found
        start = end + 2
    return None


def split_byline(text: str) -> tuple[str | None, str]:
    """``(author, body)`` if the text opens with a byline paragraph ("By Jane Doe"), else ``(None, text)``."""
    newline = text.find("\n", 0, 200)
    if newline < 0:
        return None, text
    line = text[:newline].strip()
    match = _BYLINE.fullmatch(line)
    if not match:
        return None, text
    body_start = _skip_space(text, newline)
    if body_start >= len(text):
        return None, text
    return match.group("author").strip(), text[body_start:]


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
