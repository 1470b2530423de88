"""Bytes to text: byte-order marks, strict UTF-8 first, then the most plausible legacy code page.

Order of decisions (each one final):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) names the encoding;
2. known binary signatures (PDF, ZIP/Office, images, archives) and NUL or control bytes mean a
   binary file (UTF-16 without a mark is recognised by its pattern of NUL bytes first);
3. strict UTF-8;
4. UTF-8 with a few stray bytes (files pasted together): those bytes are read as cp1252;
5. a single-byte code page (cp1252, cp1256, cp1251, ...): each candidate decodes a sample and the
   one whose text looks least garbled wins, ties going to the earlier candidate (cp1252 first,
   as the most common legacy encoding of English news, then cp1256 for Arabic outlets).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError

#: byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: leading bytes of common binary formats someone may save with a text extension
SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"BZh", "bzip2-compressed"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)
#: single-byte code pages tried for text that is not UTF-8, in order of preference
LEGACY_ENCODINGS = ("cp1252", "cp1256", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1257")
#: bytes looked at to decide; the decision is then applied to the whole file
SAMPLE_BYTES = 256 * 1024
#: control bytes that never occur in text (tab, line feed, vertical tab, form feed, return and escape do)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True)
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes, *, source: str | None = None) -> Decoded:
    """Decode file contents; a binary or empty file raises :class:`InputError`."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _check_not_empty(_decode_with_bom(data[len(bom):], encoding, source), source)
    kind = binary_kind(data)
    if kind == "utf-16":
        return _check_not_empty(_decode_utf16_without_bom(data, source), source)
    if kind is not None:
        raise InputError(f"binary file ({kind}), not text", source=source)
    try:
        return _check_not_empty(Decoded(data.decode("utf-8"), "utf-8"), source)
    except UnicodeDecodeError:
        pass
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return _check_not_empty(mixed, source)
    return _check_not_empty(decode_legacy(data, source=source), source)


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text ("a PDF document", "NUL bytes" ...), "utf-16" for UTF-16 without a
    byte-order mark, or None for text."""
    head = data[:SAMPLE_BYTES]
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    nuls = head.count(0)
    if nuls and (b"\x00" in head[:8000] or nuls * 1000 >= len(head)):  # a stray NUL later is dropped
        return "utf-16" if _utf16_order(head) else "NUL bytes"
    controls = len(_CONTROL_BYTES.findall(head))
    if controls and controls > max(2, len(head) // 200):  # more than 0.5 % control bytes
        return "control bytes"
    return None


def _decode_with_bom(data: bytes, encoding: str, source: str | None) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":  # a UTF-8 mark on a file with stray bytes: decide without the mark
            mixed = _decode_mostly_utf8(data)
            return mixed if mixed is not None else decode_legacy(data, source=source)
        raise InputError(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}",
                         source=source) from None


def _utf16_order(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes fill every other position, as in mostly-ASCII UTF-16."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode_utf16_without_bom(data: bytes, source: str | None) -> Decoded:
    encoding = _utf16_order(data[:SAMPLE_BYTES]) or "utf-16-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError("binary file (NUL bytes), not text", source=source) from None
    if _CONTROL_BYTES.search(text[:SAMPLE_BYTES].encode("utf-8", "replace")):
        raise InputError("binary file (NUL bytes), not text", source=source)
    return Decoded(text, encoding)


def _decode_mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes that are not (e.g. a cp1252 quote pasted in), or None if it is not UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte becomes one lone surrogate
    stray = len(_STRAY.findall(text))
    extra = len(data) - len(text)  # bytes beyond the first of each valid multi-byte sequence
    # genuine UTF-8 text has many valid multi-byte sequences and few stray bytes
    if extra < 3 or stray * 4 > extra:
        return None
    return Decoded(_STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "tidings-latin1-holes"),
                              text), "utf-8 with cp1252 bytes")


_STRAY = re.compile("[\udc80-\udcff]")


def _latin1_holes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler: read the five bytes cp1252 leaves undefined as Latin-1 (C1 controls)."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("tidings-latin1-holes", _latin1_holes)


def decode_legacy(data: bytes, *, source: str | None = None) -> Decoded:
    """Decode with the single-byte code page under which a sample reads most plausibly."""
    sample = data[:SAMPLE_BYTES]
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = _decode_single_byte(sample, encoding)
        except UnicodeDecodeError:
            continue
        score = garble_score(text)
        if best is None or score < best[0]:
            best = (score, rank, encoding)
        if score == 0.0:
            break
    if best is None:
        raise InputError("cannot tell the text encoding (not UTF-8, UTF-16 or a known code page)", source=source)
    for encoding in (best[2],) + LEGACY_ENCODINGS:
        try:
            return Decoded(_decode_single_byte(data, encoding), encoding)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("latin-1"), "latin-1")


def _decode_single_byte(data: bytes, encoding: str) -> str:
    if encoding == "cp1252":
        return data.decode("cp1252", "tidings-latin1-holes")
    return data.decode(encoding)


def garble_score(text: str) -> float:
    """How garbled decoded text looks: 0 for clean text; wrong code pages score well above 0.1.

    Combines charset-normalizer's mess detector with a script check of our own: a word that mixes
    alphabets ("Straكe") or a Latin word made mostly of accented capitals ("ÇáÚÑÇÞ") is what a wrong
    code page produces.
    """
    score = _script_mess(text)
    try:
        from charset_normalizer.md import mess_ratio
    except ImportError:  # pragma: no cover - charset-normalizer comes with trafilatura
        return score
    return score + mess_ratio(text, 1.0)


_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def _script_mess(text: str) -> float:
    letters = bad = 0
    for match in _LETTER_RUN.finditer(text):
        word = match.group()
        letters += len(word)
        if word.isascii():
            continue
        scripts = {_script(char) for char in word}
        if len(scripts) > 1:
            bad += len(word)
        elif scripts == {"LATIN"}:
            accented = sum(1 for char in word if not char.isascii())
            if len(word) >= 3 and accented * 2 > len(word):
                bad += len(word)
    return bad / letters if letters else 0.0


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "UNKNOWN")
    return name.split(" ", 1)[0]


def _check_not_empty(decoded: Decoded, source: str | None) -> Decoded:
    if not decoded.text.strip(" \t\r\n\f\v\u00a0\ufeff\u200b"):
        raise InputError("empty: no text", source=source)
    return decoded
