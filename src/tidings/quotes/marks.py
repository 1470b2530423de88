"""Pair quotation marks in plain text: curly and straight, double and single, across paragraphs.

Pure text functions (no spaCy). The rules:

- A straight mark's direction comes from its neighbours: after a space it opens, before one it closes.
- ``’`` and ``'`` between two letters are apostrophes (``don’t``, ``Asa'ib``); before a digit or a listed
  elision (``’90s``, ``'til``) they are not quote marks either.
- The family used most as the outer mark (double in most styles, single in British) is paired first;
  the other family is paired only outside it (marks inside a quotation belong to its content).
- A closing single mark followed by a word (``the governors’ association``) is *weak*: it closes only if no
  strong closing mark (after punctuation, or before punctuation or the paragraph end) follows in the paragraph.
- An opening mark met inside an open quotation means the first one had no partner: it is dropped.
- A quotation left open at a paragraph end continues when the next paragraph opens with a mark of its
  family (the multi-paragraph convention); otherwise it is dropped, never closed by a wrong mark.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = {'"': "double", "'": "single"}
OPENING_CONTEXT = "([{—–-/"
CLOSING_PUNCT = ",.;:!?)]}—–-…"
STRONG_BEFORE = ".,!?;:…—–-"


#: two-character marks of Penn Treebank style text: ``like this''
TREEBANK_OPEN = "``"
TREEBANK_CLOSE = "''"


@dataclass(frozen=True)
class QuotedSpan:
    """A paired quotation: ``open`` and ``close`` are the indices of its outer marks."""

    open: int
    close: int
    family: str  # "double" or "single"
    reopens: tuple[int, ...] = ()  # opening marks of the paragraphs it continues into
    open_width: int = 1  # 2 for a treebank ``
    close_width: int = 1  # 2 for a treebank ''

    @property
    def start(self) -> int:
        return self.open + self.open_width

    @property
    def end(self) -> int:
        return self.close

    @property
    def after(self) -> int:
        """The index just after the closing mark."""
        return self.close + self.close_width


@dataclass(frozen=True)
class _Mark:
    pos: int
    can_open: bool
    can_close: bool
    strong: bool  # a closing mark that certainly closes
    width: int = 1


def family_of(char: str) -> str | None:
    if char in DOUBLE_OPEN or char in DOUBLE_CLOSE:
        return "double"
    if char in SINGLE_OPEN or char in SINGLE_CLOSE:
        return "single"
    return STRAIGHT.get(char)


def classify(text: str, i: int, elided: frozenset[str] = frozenset()) -> _Mark | None:
    """The roles the mark at ``text[i]`` can play, or None if it is no quote mark here."""
    char = text[i]
    left = text[i - 1] if i > 0 else None
    right = text[i + 1] if i + 1 < len(text) else None
    left_open = left is None or left.isspace() or left in OPENING_CONTEXT or family_of(left) is not None
    right_space = right is None or right.isspace()
    right_word = right is not None and right.isalnum()
    strong = (left is not None and left in STRONG_BEFORE) or right is None or right == "\n" \
        or (right is not None and right in CLOSING_PUNCT)
    if char in DOUBLE_OPEN:
        return _Mark(i, True, False, False)
    if char in DOUBLE_CLOSE:
        return _Mark(i, False, True, True)
    if char == '"':
        can_open = left_open and not right_space
        can_close = not left_open and (right_space or not right_word or (left in STRONG_BEFORE))
        return _Mark(i, can_open, can_close, True) if can_open or can_close else None
    # single marks: apostrophes and elisions first
    if left is not None and left.isalpha() and right_word:
        return None  # don’t, O’Rourke, Asa'ib
    if right_word and (right.isdigit() or _word_at(text, i + 1).lower() in elided):
        return None  # ’90s, 'til, ’em
    if char in SINGLE_OPEN:
        return _Mark(i, left_open and not right_space, False, False) if left_open and not right_space else None
    if char in SINGLE_CLOSE or char == "'":
        can_open = char == "'" and left_open and not right_space
        can_close = not left_open and not right_word
        if not (can_open or can_close):
            return None
        return _Mark(i, can_open, can_close, can_close and strong)
    return None


def _word_at(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j]


def find_quoted_spans(text: str, paragraphs: list[tuple[int, int]] | None = None,
                      elided: frozenset[str] = frozenset()) -> list[QuotedSpan]:
    """Every paired quotation in ``text``, outermost only, in document order."""
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    marks: dict[str, list[_Mark]] = {"double": [], "single": []}
    skip = -1
    for i, char in enumerate(text):
        if i <= skip:
            continue
        pair = text[i:i + 2]
        if pair in (TREEBANK_OPEN, TREEBANK_CLOSE):
            opening = pair == TREEBANK_OPEN
            marks["double"].append(_Mark(i, opening, not opening, not opening, width=2))
            skip = i + 1
            continue
        family = family_of(char)
        if family is None:
            continue
        mark = classify(text, i, elided)
        if mark is not None:
            marks[family].append(mark)
    primary = "single" if _openers(marks["single"]) > _openers(marks["double"]) else "double"
    secondary = "double" if primary == "single" else "single"
    spans = _pair(marks[primary], primary, text, paragraphs)
    inside = [(s.open, s.close) for s in spans]
    outside = [m for m in marks[secondary] if not any(a <= m.pos <= b for a, b in inside)]
    spans += _pair(outside, secondary, text, paragraphs)
    return sorted(spans, key=lambda s: s.open)


def _openers(marks: list[_Mark]) -> int:
    return sum(1 for m in marks if m.can_open and not m.can_close)


def _pair(marks: list[_Mark], family: str, text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    carry: tuple[_Mark, list[int]] | None = None
    for start, end in paragraphs:
        here = [m for m in marks if start <= m.pos < end]
        current: int | None = None
        reopens: list[int] = []
        if carry is not None:
            first = _first_visible(text, start, end)
            if here and here[0].pos == first and here[0].can_open:
                current, reopens = carry[0], carry[1] + [here[0].pos]
                here = here[1:]
            carry = None
        for k, mark in enumerate(here):
            if current is None:
                if mark.can_open:
                    current, reopens = mark, []
                continue  # a closing mark with nothing open is stray
            if mark.can_close and (mark.strong or family == "double" or not _strong_close_ahead(here[k + 1:])):
                spans.append(QuotedSpan(current.pos, mark.pos, family, tuple(reopens), current.width, mark.width))
                current = None
            elif mark.can_open and not mark.can_close:
                current, reopens = mark, []
        if current is not None:
            carry = (current, reopens)
    return [s for s in spans if text[s.start:s.end].strip()]


def _strong_close_ahead(rest: list[_Mark]) -> bool:
    for mark in rest:
        if mark.can_close and mark.strong:
            return True
        if mark.can_open and not mark.can_close:
            return False
    return False


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start
