"""Input formats and paths: HTML, JSONL, folders, stdin; bad paths; publication date defaults."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.ingest import read_inputs
from tidings.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = "Lawmakers demanded that foreign troops leave the country by the end of the year."


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- HTML -----------------------------------------------------------------------------------------

HTML_PAGES = [
    # file, title, published, outlet, url, author, first words
    ("page_opengraph.html", "Iraqi lawmakers demand troop withdrawal", "2021-11-20", "The Daily Ledger",
     "https://ledger.example.org/world/iraq-lawmakers-demand-withdrawal", "Jane Doe", "BAGHDAD (Ledger) – Iraqi"),
    ("page_jsonld.html", "Parliament sets vote on foreign troops", "2021-11-18", "Northern Courier",
     "https://courier.example.net/2021/11/parliament-vote-troops", "Omar Haddad", "Iraq's parliament will vote"),
    ("page_no_date.html", "Talks on the border crossing resume", None, None, None, None, "Delegations from the two"),
]


@pytest.mark.parametrize("name, title, published, outlet, url, author, start", HTML_PAGES)
def test_html_page_main_text_and_metadata(name, title, published, outlet, url, author, start):
    [article] = read_inputs([DATA / name])
    assert (article.title, article.published, article.outlet, article.url, article.author) == (
        title, published, outlet, url, author)
    assert article.text.startswith(start)
    assert article.source == str(DATA / name)
    # boilerplate (menus, footers, the repeated headline) stays out of the text
    for boilerplate in ("Home", "Most read", "All rights reserved", "Front page", title):
        assert boilerplate not in article.text


def test_html_paragraphs_are_separated_by_blank_lines():
    [article] = read_inputs([DATA / "page_jsonld.html"])
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[1].startswith("The bill was drafted")


def test_html_dateline_in_body():
    [article] = read_inputs([DATA / "page_opengraph.html"])
    assert (article.dateline.place, article.dateline.outlet) == ("Baghdad", "Ledger")
    assert article.outlet == "The Daily Ledger"  # the site that published the page


def test_page_date_wins_over_the_default_which_fills_in_elsewhere():
    dated, undated = read_inputs([DATA / "page_opengraph.html", DATA / "page_no_date.html"], published="2000-01-01")
    assert dated.published == "2021-11-20"
    assert undated.published == "2000-01-01"  # and not 15 November 2021, a date in its text


def test_html_without_article_text_is_an_error_and_the_batch_goes_on():
    error, article = read_inputs([DATA / "page_navigation_only.html", DATA / "page_no_date.html"])
    assert error.one_line() == f"{DATA / 'page_navigation_only.html'}: [T100] no article text found in the HTML page"
    assert article.title == "Talks on the border crossing resume"


def test_html_in_cp1256_with_declared_charset(tmp_path):
    arabic = "قالت الفصائل العراقية إن القوات الأمريكية يجب أن تغادر العراق بحلول نهاية العام الحالي"
    page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
            f"<title>العراق</title></head><body><article><p>{arabic}.</p><p>{arabic}!</p></article></body></html>")
    path = tmp_path / "arabic.htm"
    path.write_bytes(page.encode("cp1256"))
    [article] = read_inputs([path])
    assert article.text == f"{arabic}.\n\n{arabic}!"
    assert article.title == "العراق"


def test_page_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes((DATA / "page_jsonld.html").read_bytes())
    [article] = read_inputs([path])
    assert article.title == "Parliament sets vote on foreign troops" and "<p>" not in article.text


def test_html_declared_latin1_read_as_cp1252(tmp_path):
    page = ("<html><head><meta charset='iso-8859-1'><title>Caf\xe9 talks</title></head><body><article>"
            "<p>The minister said \x93we are ready\x94 at a caf\xe9 in Gen\xe8ve on Monday morning.</p>"
            "</article></body></html>").encode("latin-1")
    path = tmp_path / "latin.html"
    path.write_bytes(page)
    [article] = read_inputs([path])
    assert article.text == "The minister said “we are ready” at a café in Genève on Monday morning."


# -- JSONL ----------------------------------------------------------------------------------------

JSONL_LINES = [
    {"id": "a1", "text": "Iraqi lawmakers demanded that troops leave.", "title": "Lawmakers Demand Exit",
     "published": "2021-11-20", "outlet": "Ledger", "url": "https://example.org/a1", "section": "world",
     "tags": ["iraq", "troops"]},
    "{not json",
    {"id": "a3", "title": "No text here"},
    "",
    {"id": "a5", "text": "   "},
    ["a", "list"],
    {"id": "a7", "text": "Talks resumed in Geneva on Monday.", "published": "last Tuesday, probably"},
    {"id": 8, "text": "The ministry did not comment.", "published": "2021-11-20T23:30:00-05:00"},
    {"text": "Both sides agreed to meet again.", "published": None},
    {"id": "a10", "body": "The text is under another key."},
    {"id": "a11", "text": 42},
]


def _jsonl(path: Path, lines) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines]
    return _write(path, "\n".join(rows) + "\n")


def test_jsonl_good_lines_come_through_and_each_bad_line_is_one_error(tmp_path):
    path = _jsonl(tmp_path / "export.jsonl", JSONL_LINES)
    articles, errors = _split(read_inputs([path], published="2000-01-01"))
    assert [a.id for a in articles] == ["a1", "a7", "8", articles[3].id]
    assert [(e.source, e.line) for e in errors] == [(str(path), n) for n in (2, 3, 5, 6, 10, 11)]
    messages = [e.one_line() for e in errors]
    assert messages[0].startswith(f"{path}:2: [T100] not valid JSON: ")
    assert messages[1] == f"{path}:3: [T100] no 'text' field"
    assert messages[2] == f"{path}:5: [T100] empty 'text'"
    assert messages[3] == f"{path}:6: [T100] expected a JSON object, got a list"
    assert messages[4] == f"{path}:10: [T100] no 'text' field (found 'body': rename it to 'text')"
    assert messages[5] == f"{path}:11: [T100] 'text' must be a string, not a number"


def test_jsonl_fields_metadata_and_dates(tmp_path):
    path = _jsonl(tmp_path / "export.jsonl", JSONL_LINES)
    first, unparseable, timezone, undated = _split(read_inputs([path], published="2000-01-01"))[0]
    assert (first.title, first.published, first.outlet, first.url) == (
        "Lawmakers Demand Exit", "2021-11-20", "Ledger", "https://example.org/a1")
    assert first.metadata == {"section": "world", "tags": ["iraq", "troops"]}
    assert first.source == f"{path}:1"
    # an unparseable date keeps the article: the default fills in, the raw value is kept
    assert unparseable.published == "2000-01-01"
    assert unparseable.metadata["published_raw"] == "last Tuesday, probably"
    assert timezone.published == "2021-11-20"  # the date as written, in its own time zone
    assert undated.published == "2000-01-01"


def test_jsonl_unparseable_date_without_default_is_none(tmp_path):
    path = _jsonl(tmp_path / "export.jsonl", [{"id": "x", "text": GOOD, "published": "31/31/2021"}])
    [article] = read_inputs([path])
    assert article.published is None and article.metadata["published_raw"] == "31/31/2021"


def test_jsonl_same_text_twice_gets_the_same_id(tmp_path):
    path = _jsonl(tmp_path / "twice.jsonl", [{"text": GOOD}, {"text": "  " + GOOD.upper() + "\n"}])
    first, second = read_inputs([path])
    assert first.id == second.id


def test_jsonl_blank_and_bom_and_crlf_lines(tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "1", "text": "First."}\r\n\r\n   \r\n{"id": "2", "text": "Second."}\r\n')
    assert [a.id for a in read_inputs([path])] == ["1", "2"]


def test_jsonl_line_in_cp1252_is_decoded_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Caf\xe9 owners said \x93no\x94."}\n{"id": "2", "text": "Plain."}\n')
    first, second = read_inputs([path])
    assert first.text == "Café owners said “no”." and second.text == "Plain."


def test_jsonl_mojibake_in_fields_is_repaired(tmp_path):
    path = _jsonl(tmp_path / "m.jsonl", [{"text": "Iraqâ€™s lawmakers met.", "title": "Iraqâ€™s Vote"}])
    [article] = read_inputs([path])
    assert (article.text, article.title) == ("Iraq’s lawmakers met.", "Iraq’s Vote")


def test_jsonl_odd_field_types_are_kept_not_fatal(tmp_path):
    path = _jsonl(tmp_path / "odd.jsonl", [{"text": GOOD, "title": ["a", "b"], "author": ["Jane Doe", "Sam Lee"]}])
    [article] = read_inputs([path])
    assert article.title is None and article.metadata["title_raw"] == ["a", "b"]
    assert article.author == "Jane Doe, Sam Lee"


@pytest.mark.parametrize("content, message", [
    (b"", "empty: no JSON lines"),
    (b"\n  \n\n", "empty: no JSON lines"),
    (b"\x1f\x8b\x08\x00" + bytes(100), "binary file (gzip-compressed), not text"),
])
def test_jsonl_file_level_errors(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    [error] = read_inputs([path])
    assert error.one_line() == f"{path}: [T100] {message}"


def test_jsonl_utf16_with_bom(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes('{"id": "w", "text": "Wide “text”."}\n'.encode("utf-16"))
    [article] = read_inputs([path])
    assert (article.id, article.text) == ("w", "Wide “text”.")


# -- paths, folders, stdin --------------------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_files_and_page_assets(tmp_path):
    _write(tmp_path / "b.txt", "Second article text.")
    _write(tmp_path / "a" / "z.txt", "First article text.")
    (tmp_path / "a" / "y.html").write_bytes((DATA / "page_no_date.html").read_bytes())
    _write(tmp_path / "a" / "y_files" / "style.css", "body { color: red }")
    _write(tmp_path / "c" / "lines.jsonl", '{"id": "j1", "text": "Third."}\n{"id": "j2", "text": "Fourth."}')
    _write(tmp_path / ".git" / "notes.txt", "Hidden folder.")
    _write(tmp_path / ".hidden.txt", "Hidden file.")
    articles, errors = _split(read_inputs([tmp_path]))
    assert errors == []
    assert [a.text.split()[0] for a in articles] == ["Delegations", "First", "Second", "Third.", "Fourth."]


def test_file_of_another_type_in_a_folder_is_reported_and_the_rest_read(tmp_path):
    _write(tmp_path / "a.txt", GOOD)
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    _write(tmp_path / "c_files" / "d.txt", GOOD)  # no c.html beside it: an ordinary folder
    items = list(read_inputs([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert items[1].one_line() == (f"{tmp_path / 'b.pdf'}: [T100] unsupported file type '.pdf' "
                                   "(supported: .txt, .html, .htm, .jsonl or .ndjson)")


def test_empty_folder_is_an_error(tmp_path):
    [error] = read_inputs([tmp_path])
    assert error.one_line() == (f"{tmp_path}: [T100] no files in this folder "
                                "(looking for .txt, .html, .htm, .jsonl or .ndjson)")


@pytest.mark.parametrize("name, message", [
    ("report.pdf", "unsupported file type '.pdf' (supported: .txt, .html, .htm, .jsonl or .ndjson)"),
    ("notes.DOCX", "unsupported file type '.docx' (supported: .txt, .html, .htm, .jsonl or .ndjson)"),
    ("article", "unsupported file without an extension (supported: .txt, .html, .htm, .jsonl or .ndjson)"),
])
def test_unknown_extension_is_an_error_and_the_batch_goes_on(tmp_path, name, message):
    bad = _write(tmp_path / name, GOOD)
    good = _write(tmp_path / "good.txt", GOOD)
    error, article = read_inputs([bad, good])
    assert error.one_line() == f"{bad}: [T100] {message}"
    assert article.source == str(good)


def test_missing_path_is_an_error_and_the_batch_goes_on(tmp_path):
    good = _write(tmp_path / "good.txt", GOOD)
    error, article = read_inputs([tmp_path / "missing.txt", good])
    assert error.one_line() == f"{tmp_path / 'missing.txt'}: [T100] no such file or folder"
    assert article.text == GOOD


def test_unreadable_file_is_an_error_and_the_batch_goes_on(tmp_path, monkeypatch):
    bad = _write(tmp_path / "locked.txt", GOOD)
    good = _write(tmp_path / "good.txt", GOOD)
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    error, article = read_inputs([bad, good])
    assert error.one_line() == f"{bad}: [T100] cannot read: permission denied"
    assert article.text == GOOD


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path):
    bad = _write(tmp_path / "locked.txt", GOOD)
    bad.chmod(0)
    try:
        [error] = read_inputs([bad])
    finally:
        bad.chmod(0o644)
    assert error.one_line() == f"{bad}: [T100] cannot read: permission denied"


def test_not_a_regular_file(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = read_inputs([fifo])
    assert error.one_line() == f"{fifo}: [T100] not a regular file"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("data, expected_titles", [
    ("Iraqis Urge Alliance Against Troops\n\nTEHRAN (Tasnim) – Groups urged an alliance.".encode(),
     ["Iraqis Urge Alliance Against Troops"]),
    ("Café owners said “no” to the plan.".encode("cp1252"), [None]),
    (b'{"text": "One.", "title": "First"}\n{"text": "Two.", "title": "Second"}\n', ["First", "Second"]),
    ((DATA / "page_jsonld.html").read_bytes(), ["Parliament sets vote on foreign troops"]),
])
def test_stdin_text_jsonl_or_html(monkeypatch, data, expected_titles):
    _stdin(monkeypatch, data)
    articles = list(read_inputs(["-"], published="2021-11-21"))
    assert [a.title for a in articles] == expected_titles
    assert all(a.source.startswith("<stdin>") for a in articles)
    assert all(a.published in ("2021-11-21", "2021-11-18") for a in articles)


def test_stdin_empty_and_bad_jsonl_line(monkeypatch):
    _stdin(monkeypatch, b"  \n")
    [error] = read_inputs(["-"])
    assert error.one_line() == "<stdin>: [T100] empty: no text"
    _stdin(monkeypatch, b'{"text": "One."}\n{"text": \n')
    article, error = read_inputs(["-"])
    assert article.text == "One." and error.source == "<stdin>" and error.line == 2


def test_default_published_fills_in_only_where_the_input_has_none(tmp_path):
    txt = _write(tmp_path / "a.txt", GOOD)
    jsonl = _jsonl(tmp_path / "b.jsonl", [{"text": "Dated.", "published": "2021-11-19"}, {"text": "Undated."}])
    text_article, dated, undated = read_inputs([txt, jsonl], published="2021-11-20")
    assert (text_article.published, dated.published, undated.published) == ("2021-11-20", "2021-11-19", "2021-11-20")


@pytest.mark.parametrize("date_line, expected", [
    ("March 01, 2008", "2008-03-01"),
    ("Published: 20 November 2021", "2021-11-20"),
    ("2021-11-19", "2021-11-19"),
])
def test_date_line_of_a_text_file_wins_over_the_default(tmp_path, date_line, expected):
    path = _write(tmp_path / "dated.txt", f"Airbus Parent Wins Tanker Contract\n\n{date_line}\n\n{GOOD}")
    [article] = read_inputs([path], published="2000-01-01")
    assert article.title == "Airbus Parent Wins Tanker Contract"
    assert article.published == expected
    assert article.text == f"{date_line}\n\n{GOOD}"  # kept: offsets stay those of the file's text


def test_date_line_is_not_taken_for_a_headline(tmp_path):
    path = _write(tmp_path / "dated.txt", f"March 01, 2008\n\n{GOOD}")
    [article] = read_inputs([path])
    assert article.title is None and article.published == "2008-03-01"


def test_mixed_batch_all_bad_inputs_reported_in_order_all_good_ones_read(tmp_path):
    good_txt = _write(tmp_path / "1-good.txt", GOOD)
    empty = _write(tmp_path / "2-empty.txt", "")
    binary = tmp_path / "3-binary.txt"
    binary.write_bytes(b"%PDF-1.4 stuff")
    jsonl = _jsonl(tmp_path / "4-lines.jsonl", [{"text": "Line one."}, "{oops", {"text": "Line three."}])
    cp1256 = tmp_path / "5-arabic.txt"
    cp1256.write_bytes("بغداد عاصمة العراق".encode("cp1256"))
    unknown = _write(tmp_path / "6-notes.rtf", "x")
    page = DATA / "page_no_date.html"
    items = list(read_inputs([good_txt, empty, binary, jsonl, cp1256, unknown, tmp_path / "7-missing.txt", page]))
    summary = [(type(i).__name__, i.source, getattr(i, "line", None)) for i in items]
    assert summary == [
        ("Article", str(good_txt), None),
        ("InputError", str(empty), None),
        ("InputError", str(binary), None),
        ("Article", f"{jsonl}:1", None),
        ("InputError", str(jsonl), 2),
        ("Article", f"{jsonl}:3", None),
        ("Article", str(cp1256), None),
        ("InputError", str(unknown), None),
        ("InputError", str(tmp_path / "7-missing.txt"), None),
        ("Article", str(page), None),
    ]


def test_cli_reports_bad_inputs_one_line_each_and_annotates_the_good_ones(nlp, tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    _write(tmp_path / "in" / "good.txt", "Iraqis Urge Alliance\n\nTEHRAN (Tasnim) – " + GOOD)
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _jsonl(tmp_path / "in" / "lines.jsonl", ["{broken", {"id": "ok", "text": GOOD}])
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "in"), "--published", "2021-11-20"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {tmp_path / 'in' / 'binary.txt'}: [T100] binary file (a PNG image), not text",
        f"error: {tmp_path / 'in' / 'lines.jsonl'}:1: [T100] not valid JSON: Expecting property name enclosed "
        "in double quotes at column 2",
    ]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["published"] for r in records] == ["2021-11-20", "2021-11-20"]
    assert records[0]["article"]["dateline"]["place"] == "Tehran"
    assert records[1]["article"]["id"] == "ok"
