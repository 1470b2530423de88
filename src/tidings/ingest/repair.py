"""Repair decoded text: mojibake (``â€œ`` → ``“``), HTML entities, stray control characters.

ftfy does the mojibake repair, but it is slow on large texts, so only the lines that hold a
tell-tale sequence (a character that UTF-8 lead bytes become under cp1252/Latin-1, followed by one
that continuation bytes become) are handed to it. ftfy works line by line anyway, so the result is
the same as repairing the whole text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: a UTF-8 lead byte read as cp1252/Latin-1 (Â-ô), then a continuation byte read the same way
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,30});")
#: control characters that carry nothing in an article (tab, line feed, return are kept)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\u0080-\u009f\u200b\u2060\ufeff]")
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def repair_text(text: str) -> tuple[str, list[str]]:
    """The repaired text and the names of the repairs made ("mojibake", "html-entities", "control-characters")."""
    repairs = []
    if not text.isascii() and _MOJIBAKE_HINT.search(text):
        fixed = _fix_mojibake_lines(text)
        if fixed != text:
            text = fixed
            repairs.append("mojibake")
    if "&" in text and _ENTITY.search(text):
        fixed = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
        if fixed != text:
            text = fixed
            repairs.append("html-entities")
    if _LINE_BREAKS.search(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", _TERMINAL_ESCAPE.sub("", text))
        repairs.append("control-characters")
    return text, repairs


def _fix_mojibake_lines(text: str) -> str:
    """Run ftfy on each line that shows a mojibake hint; other lines are copied as they are.

    Text that is mojibake throughout (UTF-8 read as cp1252 as a whole) is undone in one step first,
    which is what ftfy would do line by line, only much faster.
    """
    import ftfy

    whole = _undo_whole(text)
    if whole is not None:
        return whole
    config = _ftfy_config()
    pieces, position = [], 0
    for match in _MOJIBAKE_HINT.finditer(text):
        if match.start() < position:
            continue  # this line was already repaired
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        pieces.append(text[position:start])
        line = text[start:end]
        pieces.append(_undo_whole(line) or ftfy.fix_text(line, config))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _undo_whole(text: str) -> str | None:
    """The text re-read as UTF-8 if all of it is UTF-8 that was read as cp1252, else None."""
    import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252" (cp1252 without undefined bytes)

    try:
        fixed = text.encode("sloppy-windows-1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None


@lru_cache(maxsize=1)
def _ftfy_config():
    """Only encoding repairs: quotes stay curly, widths and ligatures as written, entities handled above."""
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=True, remove_control_chars=False, normalization=None, explain=False,
    )
