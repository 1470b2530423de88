"""Reader for the quote attribution test set in ``benchmarks/data/quotes`` (format: README.md there).

Each article is a YAML file with its text and its quotes; a quote names its content, speaker and cue
by the words of the text, which this module turns into character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tidings.model import TextSpan

DATA = Path(__file__).resolve().parent / "data" / "quotes"
ELLIPSIS = " … "
KINDS = {"direct", "indirect"}
QUOTE_KEYS = {"kind", "content", "speaker", "speaker_name", "speaker_context", "cue", "cue_context", "medium",
              "addressee", "date", "date_text", "note"}


class GoldError(ValueError):
    """An annotation that cannot be resolved against its article's text."""


@dataclass
class GoldQuote:
    kind: str
    content: TextSpan
    speaker: TextSpan | None
    cue: TextSpan | None
    speaker_name: str | None = None
    medium: str | None = None
    addressee: str | None = None
    date: str | None = None
    date_text: str | None = None


@dataclass
class GoldArticle:
    id: str
    style: str
    text: str
    published: str | None
    path: Path
    quotes: list[GoldQuote] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list, repr=False)

    def against(self, text: str) -> GoldArticle:
        """The same annotations resolved against another rendering of the text (e.g. without its headline)."""
        if text == self.text:
            return self
        return GoldArticle(self.id, self.style, text, self.published, self.path,
                           resolve_quotes(text, self.rows, self.path.name), self.rows)


def load_test_set(directory: Path = DATA) -> list[GoldArticle]:
    """Every annotated article in ``directory``, in file-name order."""
    return [load_article(path) for path in sorted(directory.glob("*.yaml"))]


def load_article(path: Path) -> GoldArticle:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("id", "style", "text", "quotes"):
        if key not in data:
            raise GoldError(f"{path}: missing key {key!r}")
    text = data["text"]
    return GoldArticle(id=data["id"], style=data["style"], text=text,
                       published=str(data["published"]) if data.get("published") else None, path=path,
                       quotes=resolve_quotes(text, data["quotes"], path.name), rows=data["quotes"])


def resolve_quotes(text: str, rows: list[dict], name: str) -> list[GoldQuote]:
    """Turn annotation rows (words of the text) into quotes with character offsets into ``text``."""
    quotes = []
    for number, row in enumerate(rows, 1):
        where = f"{name} quote {number}"
        unknown = set(row) - QUOTE_KEYS
        if unknown:
            raise GoldError(f"{where}: unknown keys {sorted(unknown)}")
        if row.get("kind") not in KINDS:
            raise GoldError(f"{where}: kind must be one of {sorted(KINDS)}")
        content = _content_span(text, str(row["content"]), where)
        speaker = _nearest(text, row.get("speaker"), content, where, row.get("speaker_context"))
        cue = _nearest(text, row.get("cue"), content, where, row.get("cue_context"))
        quotes.append(GoldQuote(
            kind=row["kind"], content=content, speaker=speaker, cue=cue,
            speaker_name=row.get("speaker_name"), medium=row.get("medium"), addressee=row.get("addressee"),
            date=str(row["date"]) if row.get("date") else None, date_text=row.get("date_text"),
        ))
    return quotes


def _content_span(text: str, content: str, where: str) -> TextSpan:
    """The content named either verbatim or as ``first words … last words``."""
    if ELLIPSIS in content:
        head, tail = content.split(ELLIPSIS, 1)
        start = text.find(head)
        if start < 0:
            raise GoldError(f"{where}: content start {head!r} not in text")
        end_at = text.find(tail, start + len(head))
        if end_at < 0:
            raise GoldError(f"{where}: content end {tail!r} not found after its start")
        end = end_at + len(tail)
    else:
        start = text.find(content)
        if start < 0:
            raise GoldError(f"{where}: content {content!r} not in text")
        if text.find(content, start + 1) >= 0:
            raise GoldError(f"{where}: content {content!r} occurs more than once")
        end = start + len(content)
    return TextSpan(text[start:end], start, end)


def _nearest(text: str, words: str | None, content: TextSpan, where: str,
             context: str | None = None) -> TextSpan | None:
    """The occurrence of ``words`` outside the content that lies nearest to it (or inside ``context``)."""
    if not words:
        return None
    words = str(words)
    if context:
        at = text.find(context)
        if at < 0 or words not in context:
            raise GoldError(f"{where}: speaker_context {context!r} not in text or lacks the speaker")
        start = at + context.index(words)
        return TextSpan(words, start, start + len(words))
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    paragraph = _paragraph(text, content)
    best: tuple[int, int, int] | None = None
    for match in pattern.finditer(text):
        start, end = match.span()
        if start < content.end and end > content.start and not _in_gap(text, content, start):
            continue
        distance = content.start - end if end <= content.start else max(0, start - content.end)
        # an occurrence in the quote's own paragraph(s) beats any other
        rank = (0 if paragraph[0] <= start < paragraph[1] else 1, distance, start)
        if best is None or rank < best:
            best = rank
    if best is None:
        raise GoldError(f"{where}: {words!r} not found outside the content")
    return TextSpan(words, best[2], best[2] + len(words))


def _paragraph(text: str, content: TextSpan) -> tuple[int, int]:
    """The span of the paragraph(s) holding the content."""
    start = text.rfind("\n\n", 0, content.start)
    end = text.find("\n\n", content.end)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def _in_gap(text: str, content: TextSpan, position: int) -> bool:
    """Whether ``position`` lies between two quoted parts of a split quote (``"…," he said, "…"``)."""
    inner = text[content.start:content.end]
    offset = position - content.start
    return any(gap.start() < offset < gap.end() for gap in re.finditer(r'[”"’][^“"‘”]*?[“"‘]', inner))
