"""Readers for the evaluation corpora in ../shared (skipped gracefully where it is absent)."""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEANTIME = SHARED / "data" / "meantime-en" / "intra-doc_annotation"
GSR_DEV = SHARED / "data" / "plover-gsr" / "dev.jsonl"

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b)")
_NO_SPACE_AFTER = re.compile(r"([($\[{]) ")


@dataclass
class CorpusArticle:
    id: str
    title: str
    text: str
    published: str | None = None


def detokenize(tokens: list[str]) -> str:
    """Rejoin tokens into readable text (close up punctuation and clitics)."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def files_sha256(paths: list[Path]) -> str:
    """One sha256 over files, each file's name and bytes in order: the gold data a baseline was measured on."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def meantime_files() -> list[Path]:
    return sorted(MEANTIME.glob("*/*.xml"))


def meantime_sentences(path: Path) -> tuple[ET.Element, list[str]]:
    """A MEANTIME file's XML root and its sentences, detokenised, in order (the title first)."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    return root, [detokenize(sentences[k]) for k in sorted(sentences)]


def meantime_articles() -> list[CorpusArticle]:
    """MEANTIME's 120 English Wikinews articles as plain text (title, then the body)."""
    articles = []
    for path in meantime_files():
        root, ordered = meantime_sentences(path)
        title, body = ordered[0], ordered[1:]
        dct = root.find(".//TIMEX3[@functionInDocument='CREATION_TIME']")
        published = dct.get("value")[:10] if dct is not None and dct.get("value") else None
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        articles.append(CorpusArticle(id=root.get("doc_id"), title=title, text="\n\n".join(paragraphs),
                                      published=published))
    return articles


def gsr_briefs(size: int = 2) -> list[CorpusArticle]:
    """PLOVER gold-standard dev sentences grouped ``size`` at a time into short briefs."""
    rows = [json.loads(line) for line in GSR_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"] for row in rows]
    return [CorpusArticle(id=f"gsr-{i}", title=f"Brief {i}", text="\n\n".join(texts[i:i + size]))
            for i in range(0, len(texts), size)]
