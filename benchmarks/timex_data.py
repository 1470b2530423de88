"""Gold data for the time benchmark: MEANTIME (TIMEX3 values, dated event instances) and the
reference article's gold time expressions and dated events, read from ../shared.

MEANTIME articles are rebuilt from their tokens: the title, then one body sentence per paragraph.
The date line under the title (the creation time) is left out of the text and becomes the
publication date. MEANTIME annotates only the title and the first four body sentences (sentences
0 and 2-5), so the text stops there: whatever is found later could not be scored. Every gold span
is kept as character offsets into that text.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEANTIME_DIR = SHARED / "data" / "meantime-en"
MEANTIME = MEANTIME_DIR / "intra-doc_annotation"
INSTANCES = MEANTIME_DIR / "list_instances.csv"
REFERENCE_ARTICLE = SHARED / "examples" / "tasnim-iraq-2021.txt"
REFERENCE_GOLD = SHARED / "gold" / "tasnim-iraq-2021.gold.json"
REFERENCE_PUBLISHED = "2021-11-20"

LAST_ANNOTATED_SENTENCE = 5
#: TLINK types that put an event at a time expression ("the text states its time")
STATING_RELATIONS = frozenset({"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "IDENTITY"})
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldEvent:
    start: int
    end: int
    text: str
    value: str  # the instance's time, cut to its known part (2010-02-XX -> 2010-02)
    pos: str | None = None
    stated: bool = False  # a TLINK places the mention at a time expression of the text (or the creation time)


@dataclass
class GoldArticle:
    id: str
    text: str
    published: str | None
    timexes: list[GoldTimex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)


def instance_times() -> dict[str, str]:
    """Corpus-level event instance id → its TIME column (only instances that have one)."""
    times = {}
    with INSTANCES.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) > 7 and not row[0].startswith("#") and row[1] == "EVENT" and row[7].strip():
                times[row[0]] = row[7].strip()
    return times


def _iso_day(value: str | None) -> str | None:
    """A creation time as YYYY-MM-DD; one article writes it day first (03-02-2009)."""
    if not value:
        return None
    if match := re.match(r"^(\d{2})-(\d{2})-(\d{4})$", value):
        return f"{match[3]}-{match[2]}-{match[1]}"
    return value[:10]


def known_part(value: str) -> str | None:
    """``2010-02-XX`` → ``2010-02``; ``XXXX-XX-XX`` → None (the time is not known)."""
    parts = value.split("-")
    kept = []
    for part in parts:
        if "X" in part.upper():
            break
        kept.append(part)
    return "-".join(kept) or None


def _build_text(sentences: dict[int, list[tuple[str, str]]], skip: set[int]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from tokens (title, blank line, one sentence per paragraph) and each token's offsets."""
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    for number in sorted(sentences):
        if number in skip:
            continue
        if pieces:
            pieces.append("\n\n")
            length += 2
        previous = None
        for t_id, word in sentences[number]:
            if previous is not None and not _NO_SPACE_BEFORE.match(word) and previous not in _NO_SPACE_AFTER:
                pieces.append(" ")
                length += 1
            offsets[t_id] = (length, length + len(word))
            pieces.append(word)
            length += len(word)
            previous = word
    return "".join(pieces), offsets


def meantime(with_events: bool = True) -> list[GoldArticle]:
    """The 120 MEANTIME articles with their gold time expressions and dated event mentions.

    Gold time expressions: TIMEX3 elements with tokens, except the creation time. Dated events: event
    mentions whose corpus-level instance (REFERS_TO) has a TIME in list_instances.csv that names at
    least a year (``XXXX-XX-XX`` is left out), scored at the known part of that time; ``stated`` marks
    those a TLINK (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, IDENTITY) ties to a time expression
    of the text or to the creation time.
    """
    times = instance_times() if with_events else {}
    articles = []
    for path in sorted(MEANTIME.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        sentences: dict[int, list[tuple[str, str]]] = {}
        token_sentence = {}
        for token in root.iter("token"):
            number = int(token.get("sentence"))
            sentences.setdefault(number, []).append((token.get("t_id"), token.text or ""))
            token_sentence[token.get("t_id")] = number
        markables = root.find("Markables")
        dct_value, dct_id = None, None
        for timex in markables.iter("TIMEX3"):
            anchors = [a.get("t_id") for a in timex.iter("token_anchor")]
            if timex.get("functionInDocument") == "CREATION_TIME" or (anchors and token_sentence[anchors[0]] == 1):
                dct_value, dct_id = timex.get("value"), timex.get("m_id")
                break
        unannotated = {n for n in sentences if n > LAST_ANNOTATED_SENTENCE} | ({1} if dct_id is not None else set())
        text, offsets = _build_text(sentences, skip=unannotated)
        article = GoldArticle(id=root.get("doc_id"), text=text, published=_iso_day(dct_value))
        for timex in markables.iter("TIMEX3"):
            anchors = [a.get("t_id") for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
            if not anchors or timex.get("m_id") == dct_id:
                continue
            start, end = offsets[anchors[0]][0], offsets[anchors[-1]][1]
            article.timexes.append(GoldTimex(start, end, text[start:end], timex.get("type"), timex.get("value")))
        if with_events:
            article.events = _meantime_events(root, markables, offsets, text, times)
        articles.append(article)
    return articles


def _meantime_events(root, markables, offsets, text, times) -> list[GoldEvent]:
    mentions = {}
    for mention in markables.iter("EVENT_MENTION"):
        anchors = [a.get("t_id") for a in mention.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            mentions[mention.get("m_id")] = (offsets[anchors[0]][0], offsets[anchors[-1]][1], mention.get("pos"))
    instance_of = {e.get("m_id"): e.get("instance_id") for e in markables.iter("EVENT") if e.get("instance_id")}
    timex_ids = {t.get("m_id") for t in markables.iter("TIMEX3")}
    events = []
    relations = root.find("Relations")
    stated = set()
    for link in relations.iter("TLINK") if relations is not None else []:
        ends = {link.find("source").get("m_id"), link.find("target").get("m_id")}
        if link.get("reltype") in STATING_RELATIONS and ends & timex_ids:
            stated |= ends - timex_ids
    for link in relations.iter("REFERS_TO") if relations is not None else []:
        target = link.find("target").get("m_id")
        time = times.get(instance_of.get(target, ""))
        value = known_part(time) if time else None
        if value is None:
            continue
        for source in link.findall("source"):
            if source.get("m_id") in mentions:
                start, end, pos = mentions[source.get("m_id")]
                events.append(GoldEvent(start, end, text[start:end], value, pos, source.get("m_id") in stated))
    return sorted(events, key=lambda e: e.start)


def reference() -> tuple[str, dict]:
    """The reference article's text and gold annotation."""
    return REFERENCE_ARTICLE.read_text(encoding="utf-8"), json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))


def gold_files() -> list[Path]:
    """Every gold file the benchmark reads (hashed into the baseline)."""
    return sorted(MEANTIME.glob("*/*.xml")) + [INSTANCES, REFERENCE_ARTICLE, REFERENCE_GOLD]
