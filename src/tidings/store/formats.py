"""Query results as a readable table, JSON lines or CSV."""

from __future__ import annotations

import csv
import json
import os
from enum import Enum
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


#: CSV columns of an event record (nested fields joined with "_", several values with "; ")
EVENT_COLUMNS = (
    "article_id", "event_id", "event_type", "date", "date_end", "date_granularity", "date_resolved_by",
    "period_start", "period_end",
    "actor_code", "actor_sectors", "actor_text", "actor_name", "actor_actor",
    "recipient_code", "recipient_sectors", "recipient_text", "recipient_name", "recipient_actor",
    "trigger_text", "trigger_start", "trigger_end", "sentence", "mode", "context", "cameo", "quad_class", "goldstein",
    "modality_negated", "modality_hypothetical", "modality_future", "modality_historical",
    "location_place", "location_name", "location_country", "location_lat", "location_lon", "location_reason",
    "claimed_by_quote", "claimed_by_speaker", "claimed_by_speaker_name", "claimed_by_speaker_code", "rule",
    "article_title", "article_published", "article_outlet", "article_url",
)
QUOTE_COLUMNS = (
    "article_id", "quote_id", "kind",
    "speaker_text", "speaker_start", "speaker_end", "speaker_actor", "speaker_name", "speaker_code", "speaker_sectors",
    "cue_text", "cue_start", "cue_end", "content_text", "content_start", "content_end",
    "medium", "addressee", "date", "claims",
    "article_title", "article_published", "article_outlet", "article_url",
)

#: longest text shown in a table cell before it is cut with "…"
TRIGGER_CHARS = 50
TITLE_CHARS = 32
CONTENT_CHARS = 90
#: table width when stdout is not a terminal and COLUMNS is unset (a file or pager has room)
PIPED_WIDTH = 120


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """A record as flat text fields: nested keys joined with "_", lists joined with "; "."""
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            keys = dict.fromkeys(k for item in value for k in item)
            for sub in keys:
                flat[f"{name}_{sub}"] = "; ".join(_text(item.get(sub), " ") for item in value)
        else:
            flat[name] = _text(value, "; ")
    return flat


def _text(value: Any, separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return separator.join(_text(item, " ") for item in value)
    return str(value)


def write_records(records: list[dict[str, Any]], fmt: Format, columns: tuple[str, ...], handle: TextIO,
                  table: Table | None = None) -> None:
    """Write records as JSON lines, or CSV with a header, or print ``table``."""
    if fmt is Format.json:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(flatten(record))
    elif table is not None:
        Console(file=handle, highlight=False, width=_width(handle)).print(table)


def _width(handle: TextIO) -> int | None:
    """None lets rich measure a terminal (or honour COLUMNS); elsewhere use a generous fixed width."""
    isatty = getattr(handle, "isatty", None)
    if (isatty is not None and isatty()) or os.environ.get("COLUMNS"):
        return None
    return PIPED_WIDTH


def clip(text: str | None, limit: int) -> str:
    """Text on one line, cut to at most ``limit`` characters (at a word break if one is near) with "…"."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def participant(item: dict[str, Any]) -> str:
    """``IRQ LEG Iraqi lawmakers``: code, sectors, then the words that name the participant."""
    label = " ".join([item.get("code") or "?", *item.get("sectors", [])])
    words = item.get("name") or item.get("text")
    return f"{label} {clip(words, 30)}" if words else label


def article_label(record: dict[str, Any]) -> str:
    return clip(record["article"].get("title") or record["article_id"], TITLE_CHARS)


def events_table(records: list[dict[str, Any]]) -> Table:
    """date, type, actor, recipient, trigger, article; dates taken from publication marked "*"."""
    caption = f"{len(records)} event{'' if len(records) == 1 else 's'}"
    if any(r["date_resolved_by"] == "publication" for r in records):
        caption += "; * publication date"
    table = Table(caption=caption, box=box.SIMPLE_HEAD, caption_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True, min_width=9)
    table.add_column("actor")
    table.add_column("recipient")
    table.add_column("trigger")
    table.add_column("article")
    for record in records:
        marker = "*" if record["date_resolved_by"] == "publication" else ""
        negated = "not " if record["modality"]["negated"] else ""
        table.add_row(
            f"{record['date'] or '?'}{marker}",
            f"{negated}{record['event_type']}",
            "\n".join(participant(p) for p in record["actor"]),
            "\n".join(participant(p) for p in record["recipient"]),
            clip(record["trigger"]["text"], TRIGGER_CHARS),
            article_label(record),
        )
    return table


def quotes_table(records: list[dict[str, Any]]) -> Table:
    """speaker, cue, content, medium, article."""
    table = Table(caption=f"{len(records)} quote{'' if len(records) == 1 else 's'}", box=box.SIMPLE_HEAD,
                  caption_justify="left")
    table.add_column("speaker")
    table.add_column("cue")
    table.add_column("content")
    table.add_column("medium")
    table.add_column("article")
    for record in records:
        speaker = record["speaker"]
        who = ""
        if speaker:
            who = clip(speaker["text"], 40)
            if speaker.get("name") and speaker["name"].casefold() not in speaker["text"].casefold():
                who += f" ({clip(speaker['name'], 30)})"
            if speaker.get("code"):
                who += f" [{speaker['code']}]"
        table.add_row(
            who,
            record["cue"]["text"] if record["cue"] else "",
            clip(record["content"]["text"], CONTENT_CHARS),
            record["medium"] or "",
            article_label(record),
        )
    return table
