"""Name keys: the normalised form under which gazetteer names are indexed and looked up.

``name_key("Téhéran")`` and ``name_key("TEHERAN")`` are both ``"teheran"``; ``name_key("the U.S.")`` is
``"us"``. Keys ignore case, accents, punctuation, a leading "the" and the spelling of "Saint".
"""

from __future__ import annotations

import re
import unicodedata

#: letters that NFKD does not take apart into a base letter plus accents
_LETTERS = str.maketrans({
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h",
})
_DROP = re.compile(r"[’‘'`´ʼʻʿʾ.]")  # apostrophes and periods vanish: U.S. -> us, Qa'im -> qaim
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SAINT = re.compile(r"\b(saint|sainte|ste)\b")

#: Arabic (and Hebrew, Romance) articles that news writing often drops: "Al Fallujah" / "Fallujah"
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "az", "at", "ash", "ath", "adh", "ez", "es", "ed", "ha"})


def fold(text: str) -> str:
    """Lower case, accents and special letters reduced to plain ASCII letters where possible."""
    text = text.translate(_LETTERS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


def name_key(text: str) -> str:
    """The lookup key of a place name."""
    key = _DROP.sub("", fold(text))
    key = _NON_WORD.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    if "sain" in key or "ste" in key:
        key = _SAINT.sub("st", key)
    return key


def without_article(key: str) -> str | None:
    """The key without a leading article ("al fallujah" -> "fallujah"), or None if it has none."""
    head, _, rest = key.partition(" ")
    if head in ARTICLES and rest:
        return rest
    return None


def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin letter (so English news may spell it so)."""
    if text.isascii():
        return True
    return all(not c.isalpha() or c in _LATIN_EXTRA or ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in text)


_LATIN_EXTRA = frozenset("ʻʼʿʾ")  # transliteration marks (not IPA) count as Latin


def lookup_keys(names: list[str] | tuple[str, ...]) -> list[str]:
    """Every key under which an entry with these names is found, without repeats, in order."""
    keys: list[str] = []
    for name in names:
        key = name_key(name)
        for variant in (key, without_article(key)):
            if variant and variant not in keys:
                keys.append(variant)
    return keys
