"""`tidings ingest`, `tidings events` and `tidings quotes` through the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import tidings.batch
from tidings.cli import app
from tidings.errors import InputError
from tidings.model import Actor, ActorRef, Annotation, Article, Event, EventDate, Quote, Speaker, TextSpan
from tidings.store import Store
from tidings.store.formats import EVENT_COLUMNS, QUOTE_COLUMNS, flatten

runner = CliRunner()


def span(text: str, words: str) -> TextSpan:
    start = text.index(words)
    return TextSpan(words, start, start + len(words))


def actor(text: str, actor_id: str, words: str, code: str, sectors: list[str], name: str | None = None) -> Actor:
    where = span(text, words)
    return Actor(actor_id, words, where.start, where.end, name=name, code=code, sectors=sectors)


def ref(item: Actor) -> ActorRef:
    return ActorRef(item.id, item.code, list(item.sectors))


def annotations() -> list[Annotation]:
    """Two articles: an Egyptian-mediated ceasefire (2023-05) and a Chadian protest (2019)."""
    cairo = ("Egypt brokered a ceasefire between Israel and Hamas on Saturday, "
             "Foreign Minister Sameh Shoukry told state television.")
    egypt, israel, shoukry = (actor(cairo, "a1", "Egypt", "EGY", ["GOV"]), actor(cairo, "a2", "Israel", "ISR", ["GOV"]),
                              actor(cairo, "a3", "Foreign Minister Sameh Shoukry", "EGY", ["GOV"], "Sameh Shoukry"))
    ndjamena = "Thousands of Chadians protested against fuel prices in 2019, the opposition said."
    chadians, opposition = (actor(ndjamena, "a1", "Thousands of Chadians", "TCD", ["CVL"]),
                            actor(ndjamena, "a2", "the opposition", "TCD", ["OPP"]))
    return [
        Annotation(
            article=Article(id="cairo", text=cairo, title="Egypt brokers Gaza ceasefire after five days of fighting",
                            published="2023-05-14"),
            actors=[egypt, israel, shoukry],
            events=[Event("e1", "AGREE", span(cairo, "brokered a ceasefire"), 0, actor=[ref(egypt)],
                          recipient=[ref(israel)], date=EventDate("2023-05-13", "day", resolved_by="relative"),
                          claimed_by="q1")],
            quotes=[Quote("q1", "indirect", Speaker(shoukry.text, shoukry.start, shoukry.end, "a3"),
                          span(cairo, "told"), span(cairo, "Egypt brokered a ceasefire between Israel and Hamas"),
                          medium="state television")],
        ),
        Annotation(
            article=Article(id="ndjamena", text=ndjamena, title="Chad fuel protest", published="2019-11-02"),
            actors=[chadians, opposition],
            events=[Event("e1", "PROTEST", span(ndjamena, "protested"), 0, actor=[ref(chadians)],
                          date=EventDate("2019", "year", resolved_by="explicit"))],
            quotes=[Quote("q1", "indirect", Speaker(opposition.text, opposition.start, opposition.end, "a2"),
                          span(ndjamena, "said"), span(ndjamena, "Thousands of Chadians protested"))],
        ),
    ]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.add_many(annotations())
    return path


def invoke(*args: str, columns: int | None = None):
    """Run ``tidings *args``; ``columns`` widens the table so no cell wraps."""
    return runner.invoke(app, [str(arg) for arg in args], env={"COLUMNS": str(columns)} if columns else None)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# -- events -------------------------------------------------------------------------------------------


def test_events_prints_a_readable_table(db):
    result = invoke("events", "--db", db, columns=200)
    assert result.exit_code == 0, result.output
    for expected in ("date", "type", "actor", "recipient", "trigger", "article",
                     "2023-05-13", "AGREE", "EGY GOV Egypt", "ISR GOV Israel", "brokered a ceasefire",
                     "Egypt brokers Gaza ceasefire", "PROTEST", "TCD CVL", "2 events"):
        assert expected in result.stdout
    assert result.stdout.index("PROTEST") < result.stdout.index("AGREE")  # oldest first


def test_a_long_title_is_cut_in_the_table(db):
    result = invoke("events", "--db", db, "--type", "AGREE", columns=200)
    assert "Egypt brokers Gaza ceasefire…" in result.stdout
    assert "days of fighting" not in result.stdout


@pytest.mark.parametrize("args, expected", [
    ([], ["ndjamena/e1", "cairo/e1"]),
    (["--type", "agree"], ["cairo/e1"]),
    (["--actor-country", "TCD"], ["ndjamena/e1"]),
    (["--recipient-country", "isr"], ["cairo/e1"]),
    (["--since", "2023-05"], ["cairo/e1"]),
    (["--since", "2019-06"], ["cairo/e1"]),  # the protest is dated only "2019"
    (["--since", "2019", "--until", "2019"], ["ndjamena/e1"]),
    (["--until", "2023-05-12"], ["ndjamena/e1"]),
    (["--limit", "1"], ["ndjamena/e1"]),
    (["--type", "ASSAULT"], []),
])
def test_events_json_lines_are_filtered(db, args, expected):
    result = invoke("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [f"{r['article_id']}/{r['event_id']}" for r in records] == expected


def test_an_event_json_line_names_participants_and_claim(db):
    (record,) = json_lines(invoke("events", "--db", db, "-f", "json", "--type", "AGREE").stdout)
    assert record["actor"][0]["code"] == "EGY" and record["recipient"][0]["code"] == "ISR"
    assert record["trigger"] == {"text": "brokered a ceasefire", "start": 6, "end": 26}
    assert record["claimed_by"]["speaker_name"] == "Sameh Shoukry"


def test_events_csv_has_a_header_and_one_row_per_event(db):
    result = invoke("events", "--db", db, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [(r["event_type"], r["date"], r["actor_code"], r["recipient_code"]) for r in rows] == [
        ("PROTEST", "2019", "TCD", ""), ("AGREE", "2023-05-13", "EGY", "ISR")]
    assert rows[1]["claimed_by_speaker"] == "Foreign Minister Sameh Shoukry"


def test_csv_columns_cover_every_field_of_a_record(db):
    with Store(db, read_only=True) as store:
        event, quote = store.events(type="AGREE")[0], store.quotes(speaker="shoukry")[0]
    assert set(flatten(event)) - {"location"} <= set(EVENT_COLUMNS)
    assert set(flatten(quote)) <= set(QUOTE_COLUMNS)


def test_no_match_says_so_on_stderr(db):
    result = invoke("events", "--db", db, "--type", "ASSAULT")
    assert result.exit_code == 0
    assert result.stdout == "" and "no events match" in result.stderr


def test_csv_without_matches_is_just_the_header(db):
    result = invoke("events", "--db", db, "--type", "ASSAULT", "--format", "csv")
    assert result.stdout.strip() == ",".join(EVENT_COLUMNS)


def test_a_missing_database_is_one_line_and_exit_1(tmp_path):
    missing = tmp_path / "nothing.duckdb"
    for command in ("events", "quotes"):
        result = invoke(command, "--db", missing)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and str(missing) in result.stderr and "[T400]" in result.stderr
        assert "Traceback" not in result.output
    assert not missing.exists()


@pytest.mark.parametrize("args, message", [
    (["--since", "2021-13"], "--since must be"),
    (["--until", "last week"], "--until must be"),
    (["--since", "2022", "--until", "2021"], "after --until"),
    (["--type", "FIGHT"], "unknown event type"),
])
def test_bad_filters_are_usage_errors_even_without_a_database(tmp_path, args, message):
    result = invoke("events", "--db", tmp_path / "nothing.duckdb", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_unknown_format_is_a_usage_error(db):
    assert invoke("events", "--db", db, "--format", "xml").exit_code == 2


# -- quotes -------------------------------------------------------------------------------------------


def test_quotes_prints_a_readable_table(db):
    result = invoke("quotes", "--db", db, columns=200)
    assert result.exit_code == 0, result.output
    for expected in ("speaker", "content", "Foreign Minister Sameh Shoukry", "[EGY]", "told", "state television",
                     "the opposition", "[TCD]", "2 quotes"):
        assert expected in result.stdout


@pytest.mark.parametrize("args, expected", [
    (["--speaker", "SHOUKRY"], ["cairo/q1"]),
    (["--speaker", "opposition"], ["ndjamena/q1"]),
    (["--actor-country", "egy"], ["cairo/q1"]),
    (["--actor-country", "TCD", "--speaker", "shoukry"], []),
    ([], ["ndjamena/q1", "cairo/q1"]),
])
def test_quotes_json_lines_are_filtered(db, args, expected):
    result = invoke("quotes", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    assert [f"{r['article_id']}/{r['quote_id']}" for r in json_lines(result.stdout)] == expected


def test_quotes_csv(db):
    rows = list(csv.DictReader(io.StringIO(invoke("quotes", "--db", db, "--format", "csv").stdout)))
    assert list(rows[0]) == list(QUOTE_COLUMNS)
    assert rows[1]["speaker_code"] == "EGY" and rows[1]["medium"] == "state television"
    assert rows[1]["claims"] == "e1"


# -- ingest -------------------------------------------------------------------------------------------

COUNTRIES = {"Iran": ("IRN", ["GOV"]), "Israel": ("ISR", ["GOV"]), "Kenya": ("KEN", ["GOV"])}
VERBS = {"accused": "ACCUSE", "praised": "SUPPORT"}


def fake_annotate(article: Article) -> Annotation | InputError:
    """"<Country> <verb> <Country> ...": one event, coded from the words; text with FAIL cannot be annotated."""
    if "FAIL" in article.text:
        return InputError("annotation failed: simulated", source=article.source)
    words = article.text.split()
    text = article.text
    source, target = (actor(text, f"a{i + 1}", words[i * 2], *COUNTRIES[words[i * 2]]) for i in range(2))
    return Annotation(article=article, actors=[source, target],
                      events=[Event("e1", VERBS[words[1]], span(text, words[1]), 0,
                                    actor=[ref(source)], recipient=[ref(target)])])


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Replace the spaCy pipeline with :func:`fake_annotate`; returns the list of texts it was given."""
    seen: list[str] = []

    def annotate_many(articles, **kwargs):
        for article in articles:
            seen.append(article.text)
            yield fake_annotate(article)

    monkeypatch.setattr(tidings.batch, "annotate_many", annotate_many)
    return seen


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Iran accused Israel of sabotage at a nuclear site.\n", encoding="utf-8")
    (folder / "b-broken.txt").write_text("This article makes the pipeline FAIL.\n", encoding="utf-8")
    return folder


def test_ingest_stores_good_files_and_reports_bad_ones(fake_pipeline, inbox, tmp_path):
    db = tmp_path / "out" / "t.duckdb"
    result = invoke("ingest", inbox, tmp_path / "missing.txt", "--db", db, "--published", "2021-04-12")
    assert result.exit_code == 1
    assert "b-broken.txt" in result.stderr and "missing.txt" in result.stderr
    assert f"stored 1 article (1 event, 0 quotes, 2 actors) in {db}; 2 inputs failed" in result.stderr
    with Store(db, read_only=True) as store:
        (event,) = store.events()
    assert (event["event_type"], event["actor"][0]["code"], event["recipient"][0]["code"]) == ("ACCUSE", "IRN", "ISR")
    assert event["date"] == "2021-04-12" and event["article"]["published"] == "2021-04-12"


def test_ingesting_again_adds_no_duplicates(fake_pipeline, inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    assert invoke("ingest", inbox, "--db", db).exit_code == 1
    with Store(db, read_only=True) as store:
        first = store.counts()
    assert invoke("ingest", inbox, "--db", db).exit_code == 1
    with Store(db, read_only=True) as store:
        assert store.counts() == first
    assert first["articles"] == 1 and first["events"] == 1 and first["event_participants"] == 2


def test_ingest_of_good_files_exits_0_and_adds_to_the_store(fake_pipeline, tmp_path):
    db = tmp_path / "t.duckdb"
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Iran accused Israel of an attack.", encoding="utf-8")
    two.write_text("Kenya praised Israel for the aid.", encoding="utf-8")
    assert invoke("ingest", one, "--db", db).exit_code == 0
    result = invoke("ingest", two, one, "--db", db)
    assert result.exit_code == 0, result.output
    assert "stored 2 articles (2 events" in result.stderr
    events = json_lines(invoke("events", "--db", db, "-f", "json").stdout)
    assert sorted(e["event_type"] for e in events) == ["ACCUSE", "SUPPORT"]


def test_articles_stored_before_a_crash_are_kept(monkeypatch, tmp_path):
    db = tmp_path / "t.duckdb"
    for name, text in (("1.txt", "Iran accused Israel of spying."), ("2.txt", "Kenya praised Israel today.")):
        (tmp_path / name).write_text(text, encoding="utf-8")

    def crash_after_first(articles, **kwargs):
        yield fake_annotate(articles[0])
        raise MemoryError("simulated crash")

    monkeypatch.setattr(tidings.batch, "annotate_many", crash_after_first)
    result = invoke("ingest", tmp_path / "1.txt", tmp_path / "2.txt", "--db", db)
    assert isinstance(result.exception, MemoryError)
    with Store(db, read_only=True) as store:
        assert [e["event_type"] for e in store.events()] == ["ACCUSE"]


def test_ingest_into_something_that_is_not_a_database_fails_before_annotating(fake_pipeline, inbox, tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("plain text, not DuckDB\n" * 50, encoding="utf-8")
    result = invoke("ingest", inbox, "--db", bad)
    assert result.exit_code == 1
    assert "[T400]" in result.stderr and str(bad) in result.stderr
    assert fake_pipeline == []


def test_ingest_rejects_a_bad_published_date(fake_pipeline, inbox, tmp_path):
    result = invoke("ingest", inbox, "--db", tmp_path / "t.duckdb", "--published", "12/04/2021")
    assert result.exit_code == 2
    assert not (tmp_path / "t.duckdb").exists()


@pytest.mark.parametrize("text, limit, expected", [
    ("Chad fuel protest", 32, "Chad fuel protest"),
    ("Egypt brokers Gaza ceasefire after five days", 32, "Egypt brokers Gaza ceasefire…"),
    ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ("line one\n  line   two", 40, "line one line two"),
    (None, 10, ""),
])
def test_clip_cuts_long_text_at_a_word_break(text, limit, expected):
    from tidings.store.formats import clip

    assert clip(text, limit) == expected


def test_flatten_joins_nested_fields_and_lists():
    record = {"id": "e1", "actor": [{"code": "IRQ", "sectors": ["GOV", "MIL"]}, {"code": "IRN", "sectors": []}],
              "trigger": {"text": "hit", "start": 3}, "mode": ["violence", "air"], "negated": False, "cameo": None}
    assert flatten(record) == {"id": "e1", "actor_code": "IRQ; IRN", "actor_sectors": "GOV MIL; ",
                               "trigger_text": "hit", "trigger_start": "3", "mode": "violence; air",
                               "negated": "false", "cameo": ""}
