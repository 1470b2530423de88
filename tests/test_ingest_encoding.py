"""Bad bytes: encodings, mojibake, binary and empty files, a 20 MB article."""

from __future__ import annotations

import codecs
import time
import tracemalloc
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.ingest import decode_bytes, read_inputs
from tidings.model import Article

ENGLISH = "The minister said on Monday that talks with Iraq’s neighbours would continue – “we are ready,” he added."
FRENCH = "Le ministre a déclaré lundi à Genève que les négociations avec l'Irak se poursuivraient."
GERMAN = "Der Außenminister sagte in Köln, die Gespräche würden fortgesetzt."
ARABIC = "قالت الفصائل العراقية إن القوات الأمريكية يجب أن تغادر العراق بحلول نهاية العام الحالي."
GOOD = "Lawmakers demanded that foreign troops leave the country by the end of the year."

ENCODED = [
    ("utf-8", ENGLISH.encode("utf-8"), ENGLISH),
    ("utf-8 with BOM", codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
    ("utf-16 LE with BOM", ENGLISH.encode("utf-16"), ENGLISH),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
    ("utf-16 LE without BOM", ENGLISH.encode("utf-16-le"), ENGLISH),
    ("utf-32 with BOM", ENGLISH.encode("utf-32"), ENGLISH),
    ("cp1252 English, curly quotes", ENGLISH.encode("cp1252"), ENGLISH),
    ("latin-1 French", FRENCH.encode("latin-1"), FRENCH),
    ("latin-1 German", GERMAN.encode("latin-1"), GERMAN),
    ("latin-1 short", "café à Genève".encode("latin-1"), "café à Genève"),
    ("cp1256 Arabic", ARABIC.encode("cp1256"), ARABIC),
    ("cp1256 one word", "بغداد".encode("cp1256"), "بغداد"),
    ("cp1256 English and Arabic", ("Baghdad is " + ARABIC).encode("cp1256"), "Baghdad is " + ARABIC),
    ("utf-8 with two cp1252 quotes pasted in", ENGLISH.encode() + b" \x93ok\x94", ENGLISH + " “ok”"),
]


@pytest.mark.parametrize("name, data, expected", ENCODED, ids=[case[0] for case in ENCODED])
def test_encodings_are_detected_and_decoded(name, data, expected):
    assert decode_bytes(data).text == expected


@pytest.mark.parametrize("encoding, text", [("cp1256", ARABIC), ("cp1252", ENGLISH), ("latin-1", FRENCH)])
def test_legacy_encoded_file_reads_as_article_with_its_encoding(tmp_path, encoding, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [article] = read_inputs([path])
    assert article.text == text
    assert article.metadata["encoding"] == ("cp1252" if encoding == "latin-1" else encoding)


MOJIBAKE = [
    ("â€œWe are readyâ€\x9d, he said.", "“We are ready”, he said."),
    ("Iraqâ€™s neighbours met in CafÃ© Central.", "Iraq’s neighbours met in Café Central."),
    ("The talks â€“ the first in years â€“ ended.", "The talks – the first in years – ended."),
    ("Ø¨ØºØ¯Ø§Ø¯ is the capital.", "بغداد is the capital."),
]


@pytest.mark.parametrize("garbled, repaired", MOJIBAKE)
def test_mojibake_is_repaired(tmp_path, garbled, repaired):
    path = tmp_path / "mojibake.txt"
    path.write_text(garbled + "\n\nThe government did not comment.", encoding="utf-8")
    [article] = read_inputs([path])
    assert article.text == repaired + "\n\nThe government did not comment."
    assert article.metadata["repairs"] == ["mojibake"]


def test_correct_accents_and_quotes_are_left_alone(tmp_path):
    text = "Café owners in Genève said “no” — the mayor’s plan failed. Tōkyō, Zürich, naïve, São Paulo."
    path = tmp_path / "clean.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read_inputs([path])
    assert article.text == text
    assert "repairs" not in article.metadata and "encoding" not in article.metadata


def test_html_entities_and_control_characters_are_cleaned(tmp_path):
    path = tmp_path / "scraped.txt"
    path.write_bytes(b"AT&amp;T and Iraq&#8217;s \x1b[31mministry\x1b[0m said\x07 no.\x0cNext page.")
    [article] = read_inputs([path])
    assert article.text == "AT&T and Iraq’s ministry said no.\nNext page."
    assert article.metadata["repairs"] == ["html-entities", "control-characters"]


BINARY = [
    ("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document)"),
    ("docx.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "binary file (a ZIP archive or Office document)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
    ("gzip.txt", b"\x1f\x8b\x08\x00" + bytes(200), "binary file (gzip-compressed)"),
    ("nul.txt", b"Some text\x00\x00\x01\x02 then \x00 nothing" + bytes(range(32)) * 20, "binary file (NUL bytes)"),
    ("controls.txt", bytes(range(1, 32)) * 50 + b"text", "binary file (control bytes)"),
    ("random.txt", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary file (NUL bytes)"),
]
EMPTY = [
    ("empty.txt", b""),
    ("spaces.txt", b"   \n\t\r\n  \n"),
    ("bom_only.txt", codecs.BOM_UTF8),
    ("utf16_spaces.txt", "   \n \n".encode("utf-16")),
    ("nbsp.txt", "\u00a0\u00a0\n".encode("utf-8")),
]


def read_bad_then_good(folder: Path, name: str, data: bytes) -> tuple[Path, InputError, Article]:
    """Read a bad file ``name`` holding ``data``, then a good one: (bad path, its error, the good article)."""
    bad = folder / name
    bad.write_bytes(data)
    good = folder / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    error, article = read_inputs([bad, good])
    return bad, error, article


@pytest.mark.parametrize("name, data, message", BINARY, ids=[case[0] for case in BINARY])
def test_binary_file_is_an_error_and_the_batch_goes_on(tmp_path, name, data, message):
    bad, error, article = read_bad_then_good(tmp_path, name, data)
    assert isinstance(error, InputError)
    assert error.source == str(bad)
    assert message in error.one_line() and str(bad) in error.one_line()
    assert article.text == GOOD


@pytest.mark.parametrize("name, data", EMPTY, ids=[case[0] for case in EMPTY])
def test_empty_file_is_an_error_and_the_batch_goes_on(tmp_path, name, data):
    bad, error, article = read_bad_then_good(tmp_path, name, data)
    assert isinstance(error, InputError)
    assert error.one_line() == f"{bad}: [T100] empty: no text"
    assert article.text == GOOD


def test_stray_nul_far_into_a_text_file_is_dropped_not_fatal(tmp_path):
    path = tmp_path / "padded.txt"
    path.write_bytes(((GOOD + "\n\n") * 2000).encode() + b"\x00")
    [article] = read_inputs([path])
    assert article.text.startswith(GOOD) and "\x00" not in article.text


def _big_article(size: int) -> str:
    paragraph = ("Iraqi political groups urged the formation of an alliance to expel foreign troops when their "
                 "mandate finishes, officials said on Saturday. “We are ready,” one lawmaker told reporters. ") * 3
    count = size // (len(paragraph) + 2) + 1
    return "Troops Must Leave, Lawmakers Say\n\nBAGHDAD (AP) — " + "\n\n".join([paragraph.strip()] * count)


def test_twenty_megabyte_article_is_read_once_without_extra_copies(tmp_path):
    text = _big_article(20 * 2**20)
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    assert size >= 20 * 2**20
    tracemalloc.start()
    try:
        started = time.perf_counter()
        [article] = read_inputs([path])
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert article.title == "Troops Must Leave, Lawmakers Say"
    assert article.dateline.place == "Baghdad"
    assert article.text == text.split("\n\n", 1)[1]
    # the result holds 2 bytes a character (it has curly quotes); reading may add the bytes and a few
    # transient copies, but not one per paragraph or per word
    result_bytes = 2 * len(article.text)
    assert peak < result_bytes + 3 * size, f"peak {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB file"
    assert elapsed < 60  # generous: a guard against quadratic work, not a benchmark


def test_twenty_megabyte_mojibake_file_is_repaired_quickly(tmp_path):
    text = _big_article(20 * 2**20)
    garbled = text.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "\x9d")
    path = tmp_path / "huge-mojibake.txt"
    path.write_text(garbled, encoding="utf-8")
    [article] = read_inputs([path])
    assert article.text == text.split("\n\n", 1)[1]
    assert article.metadata["repairs"] == ["mojibake"]


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    from tidings.ingest import readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, encoding="utf-8")
    [error] = read_inputs([path])
    assert isinstance(error, InputError) and "too large for one article" in error.message


def test_decode_never_returns_for_binary_data():
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(Path(__file__).parent.joinpath("conftest.py").read_bytes() + b"\x00" * 10_000)
