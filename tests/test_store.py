"""The DuckDB store: schema and migrations, idempotent writes, and the event and quote queries."""

from __future__ import annotations

import dataclasses
from datetime import date

import duckdb
import pytest

from tidings.errors import StoreError, UsageError
from tidings.model import (
    Actor, ActorRef, Annotation, Article, Dateline, Event, EventDate, EventLocation, Framing, Modality, Place,
    Quote, Sentence, Speaker, TextSpan, TimeExpression,
)
from tidings.store import Store, period
from tidings.store.migrations import applied
from tidings.store.periods import date_range, parse_bound
from tidings.store.rows import annotation_rows
from tidings.store.schema import MIGRATIONS, TABLES

# -- hand-built annotations -------------------------------------------------------------------------


def span(text: str, words: str) -> TextSpan:
    start = text.index(words)
    return TextSpan(words, start, start + len(words))


def actor(text: str, actor_id: str, words: str, code: str | None, sectors: list[str], **extra) -> Actor:
    where = span(text, words)
    return Actor(id=actor_id, text=words, start=where.start, end=where.end, code=code, sectors=sectors, **extra)


def event(text: str, event_id: str, event_type: str, trigger: str, actors=(), recipients=(), **extra) -> Event:
    return Event(id=event_id, event_type=event_type, trigger=span(text, trigger), sentence=0,
                 actor=[ActorRef(a.id, a.code, list(a.sectors)) for a in actors],
                 recipient=[ActorRef(a.id, a.code, list(a.sectors)) for a in recipients], **extra)


def quote(text: str, quote_id: str, speaker: Actor, cue: str, content: str, **extra) -> Quote:
    return Quote(id=quote_id, kind="indirect", speaker=Speaker(speaker.text, speaker.start, speaker.end, speaker.id),
                 cue=span(text, cue), content=span(text, content), **extra)


def timex(text: str, timex_id: str, words: str, value: str, granularity: str) -> TimeExpression:
    where = span(text, words)
    return TimeExpression(timex_id, words, where.start, where.end, value=value, granularity=granularity)


def baghdad_article(title: str = "Factions threaten US forces") -> Annotation:
    """Published 2021-11-20: a dated THREATEN, an undated claimed ASSAULT, a CONSULT in July 2021."""
    text = ("BAGHDAD (Wire) - Iraqi resistance factions threatened US forces on Saturday. "
            "Lawmaker Saad Karim said the group would attack the bases. "
            "He told the Baghdad Today agency that talks with the government had failed in July.")
    factions = actor(text, "a1", "Iraqi resistance factions", "IRQ", ["REB"], resolved_by="demonym")
    us = actor(text, "a2", "US forces", "USA", ["MIL"], resolved_by="kb",
               evidence=span(text, "US"), label="GPE")
    karim = actor(text, "a3", "Lawmaker Saad Karim", "IRQ", ["LEG"], name="Saad Karim", resolved_by="title")
    he = actor(text, "a4", "He", None, [], resolved_by="coreference", refers_to="a3")
    return Annotation(
        article=Article(id="wire-1", text=text, title=title, published="2021-11-20", outlet="Wire",
                        dateline=Dateline("Baghdad", "Wire", 0, 16, place_span=span(text, "BAGHDAD")),
                        source="in/wire-1.txt",
                        metadata={"section": "world", "tags": ["iraq", "us"]}),
        sentences=[Sentence(17, 76), Sentence(77, 135, 1), Sentence(136, len(text), 1)],
        actors=[factions, us, karim, he],
        events=[
            event(text, "e1", "THREATEN", "threatened", [factions], [us], mode=["violence"], cameo="138",
                  quad_class=3, goldstein=-7.0, rule="threaten.v",
                  date=EventDate("2021-11-20", "day", resolved_by="explicit", timex="t1")),
            event(text, "e2", "ASSAULT", "attack", [factions], [us], claimed_by="q1",
                  modality=Modality(hypothetical=True, future=True)),
            event(text, "e3", "CONSULT", "talks", [], [], claimed_by="q2", location=EventLocation("p1", "dateline"),
                  date=EventDate("2021-07", "month", resolved_by="anchored", timex="t2")),
        ],
        quotes=[
            quote(text, "q1", karim, "said", "the group would attack the bases"),
            quote(text, "q2", he, "told", "talks with the government had failed in July", medium="Baghdad Today",
                  date="2021-11-20"),
        ],
        timexes=[timex(text, "t1", "on Saturday", "2021-11-20", "day"),
                 timex(text, "t2", "in July", "2021-07", "month")],
        places=[Place("p1", "BAGHDAD", 0, 7, name="Baghdad", country="IRQ", lat=33.34, lon=44.4, feature="city",
                      gazetteer_id="98182", role="dateline")],
        framing=[Framing("resistance factions", 22, 41, "narrator")],
    )


def tehran_article() -> Annotation:
    """Published 2022-01-05: an ACCUSE dated 2017 and a REQUEST dated only PAST_REF."""
    text = "Iran accused Washington of sabotage in 2017. Tehran has demanded an apology, the foreign ministry said."
    iran = actor(text, "a1", "Iran", "IRN", ["GOV"])
    washington = actor(text, "a2", "Washington", "USA", ["GOV"], resolved_by="metonymy")
    tehran = actor(text, "a3", "Tehran", "IRN", ["GOV"], resolved_by="metonymy")
    ministry = actor(text, "a4", "the foreign ministry", "IRN", ["GOV"], resolved_by="agent-noun")
    return Annotation(
        article=Article(id="wire-2", text=text, title="Iran demands apology", published="2022-01-05"),
        sentences=[Sentence(0, 44), Sentence(45, len(text))],
        actors=[iran, washington, tehran, ministry],
        events=[
            event(text, "e1", "ACCUSE", "accused", [iran], [washington],
                  date=EventDate("2017", "year", resolved_by="explicit")),
            event(text, "e2", "REQUEST", "demanded", [tehran], [washington], claimed_by="q1",
                  date=EventDate("PAST_REF", "unknown", resolved_by="relative")),
        ],
        quotes=[quote(text, "q1", ministry, "said", "Tehran has demanded an apology")],
    )


def undated_article() -> Annotation:
    """No publication date: one event without a date, one whose date value names no knowable period."""
    text = "Protesters marched in Basra. Police arrested dozens on the 15th."
    police = actor(text, "a1", "Police", None, ["COP"])
    return Annotation(
        article=Article(id="wire-3", text=text),
        actors=[police],
        events=[event(text, "e1", "PROTEST", "marched"),
                event(text, "e2", "COERCE", "arrested", [police],
                      date=EventDate("XXXX-XX-15", "day", resolved_by="explicit"))],
    )


def corpus() -> list[Annotation]:
    return [baghdad_article(), tehran_article(), undated_article()]


@pytest.fixture
def store():
    with Store(":memory:") as fresh:
        yield fresh


@pytest.fixture
def filled(store):
    store.add_many(corpus())
    return store


def keys(records: list[dict]) -> list[str]:
    return [f"{r['article_id']}/{r.get('event_id') or r.get('quote_id')}" for r in records]


# -- schema and migrations --------------------------------------------------------------------------


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "sub" / "t.duckdb"
    with Store(path) as first:
        assert applied(first.con) == [step.name for step in MIGRATIONS.steps] \
            == ["0001_initial", "0002_dateline_place_offsets"]
        first.add(baghdad_article())
    with Store(path) as again:
        assert again.con.execute("SELECT count(*) FROM _migrations").fetchone()[0] == 2
        assert again.counts()["events"] == 3


def test_only_new_migrations_run_on_an_existing_store(tmp_path, monkeypatch):
    from tidings.store import schema
    from tidings.store.migrations import Migrations

    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add(baghdad_article())
    later = Migrations(list(schema.MIGRATIONS.steps))
    later("0003_add_article_notes")(lambda con: con.execute("ALTER TABLE articles ADD COLUMN notes VARCHAR"))
    monkeypatch.setattr("tidings.store.database.MIGRATIONS", later)
    with pytest.raises(StoreError, match="older Tidings"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert applied(store.con) == ["0001_initial", "0002_dateline_place_offsets", "0003_add_article_notes"]
        assert "notes" in store._columns["articles"]
        assert store.counts()["events"] == 3  # the data survived
    with Store(path, read_only=True) as store:
        assert store.events(type="THREATEN")


def test_a_migration_name_cannot_be_registered_twice():
    from tidings.store.migrations import Migrations

    steps = Migrations()
    steps("0001_a")(lambda con: None)
    with pytest.raises(ValueError, match="twice"):
        steps("0001_a")


def test_every_row_field_is_a_column_and_every_column_is_written(store):
    rows = annotation_rows(baghdad_article())
    for table in TABLES:
        columns = set(store._columns[table])
        written = set(rows[table][0])
        assert written <= columns, f"{table}: no column for {written - columns}"
        assert columns - written <= {"stored_at"}, f"{table}: never written: {columns - written}"


def test_an_annotation_round_trips_through_the_store(store):
    original = baghdad_article()
    store.add(original)
    assert store.annotation("wire-1") == original
    assert store.annotation("missing") is None


def test_non_ascii_text_and_offsets_round_trip(store):
    text = ("وزير الخارجية said: “We will not retreat” 😀 — in Baghdad.\n"
            "Second line with \\ and \"quotes\".")
    original = Annotation(article=Article(id="ar-1", text=text, metadata={"note": "ünïcode"}),
                          places=[Place("p1", "Baghdad", text.index("Baghdad"), text.index("Baghdad") + 7)])
    store.add(original)
    again = store.annotation("ar-1")
    assert again == original
    place = again.places[0]
    assert again.article.text[place.start:place.end] == "Baghdad"
    sql = ("SELECT substring(a.text, p.start_char + 1, p.end_char - p.start_char) "
           "FROM places p JOIN articles a ON a.id = p.article_id")
    assert store.con.execute(sql).fetchone()[0] == "Baghdad"  # DuckDB counts characters as Python does


def test_a_dict_from_annotate_json_can_be_stored(store):
    store.add(tehran_article().to_dict())
    assert store.annotation("wire-2") == tehran_article()


# -- idempotent writes -------------------------------------------------------------------------------

EXPECTED_COUNTS = {"articles": 3, "sentences": 5, "actors": 9, "events": 7, "event_participants": 9,
                   "quotes": 3, "timexes": 2, "places": 1, "framing": 1}


def test_adding_twice_adds_no_rows(store):
    store.add_many(corpus())
    assert store.counts() == EXPECTED_COUNTS
    store.add_many(corpus())
    assert store.counts() == EXPECTED_COUNTS
    assert len(store.events()) == 7


def test_add_many_reports_rows_written(store):
    assert store.add_many(corpus()) == EXPECTED_COUNTS


def test_a_changed_article_replaces_its_rows(filled):
    changed = baghdad_article(title="Factions warn US forces")
    changed.events = changed.events[:1]
    changed.quotes = changed.quotes[:1]
    filled.add(changed)
    counts = filled.counts()
    assert counts["articles"] == 3
    assert counts["events"] == EXPECTED_COUNTS["events"] - 2
    assert counts["event_participants"] == EXPECTED_COUNTS["event_participants"] - 2
    assert counts["quotes"] == EXPECTED_COUNTS["quotes"] - 1
    assert [r["article"]["title"] for r in filled.events(actor_country="IRQ")] == ["Factions warn US forces"]
    assert filled.annotation("wire-1") == changed


def test_a_failed_write_leaves_the_stored_article_intact(filled):
    broken = baghdad_article(title="Broken")
    broken.events[1] = dataclasses.replace(broken.events[1], id="e1")  # duplicate key
    with pytest.raises(StoreError, match="wire-1"):
        filled.add(broken)
    assert filled.counts() == EXPECTED_COUNTS
    assert filled.annotation("wire-1") == baghdad_article()


def test_remove_deletes_every_row_of_the_article(filled):
    assert filled.remove("wire-1") is True
    assert filled.remove("wire-1") is False
    assert filled.article_ids() == ["wire-2", "wire-3"]
    assert filled.counts()["event_participants"] == 5
    assert filled.counts()["framing"] == 0


# -- opening --------------------------------------------------------------------------------------------


def test_a_missing_file_is_not_created_when_reading(tmp_path):
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match="no such database"):
        Store(path, read_only=True)
    with pytest.raises(StoreError, match="no such database"):
        Store(path, create=False)
    assert not path.exists()


def test_a_file_that_is_not_duckdb_is_a_one_line_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(path) in caught.value.one_line() and "\n" not in caught.value.one_line()


def test_a_duckdb_file_without_our_tables_is_refused_read_only(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE x (a INTEGER)").close()
    with pytest.raises(StoreError, match="not a Tidings database"):
        Store(path, read_only=True)


def test_a_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add(baghdad_article())


# -- dates ----------------------------------------------------------------------------------------------

D = date


@pytest.mark.parametrize("value, expected", [
    ("2021-11-15", (D(2021, 11, 15), D(2021, 11, 15))),
    ("2021-11-15T10:30", (D(2021, 11, 15), D(2021, 11, 15))),
    ("2021-07", (D(2021, 7, 1), D(2021, 7, 31))),
    ("2020-02", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2017", (D(2017, 1, 1), D(2017, 12, 31))),
    ("2021-W01", (D(2021, 1, 4), D(2021, 1, 10))),
    # the weekend and fiscal values the time tagger writes ("last weekend", "the third fiscal quarter")
    ("2021-W46-WE", (D(2021, 11, 20), D(2021, 11, 21))),
    ("FY2021", (D(2021, 1, 1), D(2021, 12, 31))),
    ("FY2021-Q3", (D(2021, 7, 1), D(2021, 9, 30))),
    ("2021-Q3", (D(2021, 7, 1), D(2021, 9, 30))),
    ("2021-H1", (D(2021, 1, 1), D(2021, 6, 30))),
    ("2021-SU", (D(2021, 6, 1), D(2021, 8, 31))),
    ("2021-WI", (D(2021, 12, 1), D(2022, 2, 28))),
    ("2021-AU", (D(2021, 9, 1), D(2021, 11, 30))),
    ("201", (D(2010, 1, 1), D(2019, 12, 31))),
    ("199X", (D(1990, 1, 1), D(1999, 12, 31))),
    ("19", (D(1900, 1, 1), D(1999, 12, 31))),
    ("19XX", (D(1900, 1, 1), D(1999, 12, 31))),
    ("PRESENT_REF", (D(2021, 11, 20), D(2021, 11, 20))),
    ("PAST_REF", (D(1, 1, 1), D(2021, 11, 19))),
    ("FUTURE_REF", (D(2021, 11, 21), D(9999, 12, 31))),
    ("XXXX-11-15", None),
    ("2021-02-30", None),
    ("P3D", None),
    ("", None),
])
def test_date_values_cover_periods(value, expected):
    assert period(value, anchor=D(2021, 11, 20)) == expected


def test_relative_references_need_an_anchor():
    assert period("PAST_REF") is None


@pytest.mark.parametrize("bound", ["2021-13", "21-07", "yesterday", "2021/07/01", "2021-7", "2021-02-30"])
def test_bad_bounds_are_usage_errors(bound):
    with pytest.raises(UsageError, match="YYYY"):
        parse_bound(bound)


def test_since_after_until_is_a_usage_error():
    with pytest.raises(UsageError, match="after"):
        date_range("2022", "2021-12")


def test_bounds_cover_their_whole_period():
    assert date_range("2021-07", "2021-07") == (D(2021, 7, 1), D(2021, 7, 31))
    assert date_range("2021", None) == (D(2021, 1, 1), None)
    assert date_range(None, D(2021, 3, 4)) == (None, D(2021, 3, 4))


# -- event queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("filters, expected", [
    ({"type": "THREATEN"}, ["wire-1/e1"]),
    ({"type": "assault"}, ["wire-1/e2"]),
    ({"actor_country": "IRQ"}, ["wire-1/e1", "wire-1/e2"]),
    ({"actor_country": "irn"}, ["wire-2/e2", "wire-2/e1"]),
    ({"actor_country": "USA"}, []),
    ({"recipient_country": "USA"}, ["wire-2/e2", "wire-2/e1", "wire-1/e1", "wire-1/e2"]),
    ({"actor_country": "IRN", "type": "ACCUSE"}, ["wire-2/e1"]),
    # a day, a month and an undated event (publication day) all lie in November 2021
    ({"since": "2021-11"}, ["wire-1/e1", "wire-1/e2"]),
    ({"since": "2021-07", "until": "2021-07"}, ["wire-1/e3"]),
    ({"since": "2021-07-01", "until": "2021-07-31"}, ["wire-1/e3"]),
    ({"since": "2021-07-02"}, ["wire-1/e1", "wire-1/e2"]),
    ({"since": "2021", "until": "2021"}, ["wire-1/e3", "wire-1/e1", "wire-1/e2"]),
    # a year-only date passes a filter only when the whole year lies inside it
    ({"since": "2017", "until": "2017"}, ["wire-2/e1"]),
    ({"since": "2017-06"}, ["wire-1/e3", "wire-1/e1", "wire-1/e2"]),
    ({"until": "2017-12"}, ["wire-2/e1"]),
    ({"until": "2017-11"}, []),
    # PAST_REF: some time before publication (2022-01-05), so within "until 2022" but never "since" anything
    ({"until": "2022"}, ["wire-2/e2", "wire-2/e1", "wire-1/e3", "wire-1/e1", "wire-1/e2"]),
    ({"until": "2022-01-04"}, ["wire-2/e2", "wire-2/e1", "wire-1/e3", "wire-1/e1", "wire-1/e2"]),
    ({"until": "2022-01-03"}, ["wire-2/e1", "wire-1/e3", "wire-1/e1", "wire-1/e2"]),
    ({"since": date(2021, 11, 20), "until": date(2021, 11, 20)}, ["wire-1/e1", "wire-1/e2"]),
])
def test_event_filters(filled, filters, expected):
    assert keys(filled.events(**filters)) == expected


def test_events_come_oldest_first_with_unknown_dates_last(filled):
    assert keys(filled.events()) == ["wire-2/e2", "wire-2/e1", "wire-1/e3", "wire-1/e1", "wire-1/e2",
                                     "wire-3/e1", "wire-3/e2"]
    assert keys(filled.events(limit=2)) == ["wire-2/e2", "wire-2/e1"]
    assert filled.events(limit=0) == []


def test_an_event_record_carries_participants_claim_place_and_article(filled):
    by_key = {f"{r['article_id']}/{r['event_id']}": r for r in filled.events()}
    threat = by_key["wire-1/e1"]
    assert threat["date"] == "2021-11-20" and threat["date_resolved_by"] == "explicit"
    assert threat["actor"] == [{"actor": "a1", "code": "IRQ", "sectors": ["REB"], "text": "Iraqi resistance factions",
                                "name": None}]
    assert [(r["code"], r["sectors"]) for r in threat["recipient"]] == [("USA", ["MIL"])]
    assert threat["trigger"] == {"text": "threatened", "start": 43, "end": 53}
    assert threat["goldstein"] == -7.0 and threat["mode"] == ["violence"]
    assert threat["article"] == {"title": "Factions threaten US forces", "published": "2021-11-20",
                                 "outlet": "Wire", "url": None}
    attack = by_key["wire-1/e2"]
    assert attack["date"] == "2021-11-20" and attack["date_resolved_by"] == "publication"
    assert attack["modality"] == {"negated": False, "hypothetical": True, "future": True, "historical": False}
    assert attack["claimed_by"] == {"quote": "q1", "speaker": "Lawmaker Saad Karim", "speaker_name": "Saad Karim",
                                    "speaker_code": "IRQ"}
    talks = by_key["wire-1/e3"]
    assert talks["location"]["name"] == "Baghdad" and talks["location"]["reason"] == "dateline"
    assert talks["claimed_by"]["speaker_name"] == "Saad Karim"  # "He" resolved through coreference
    assert by_key["wire-2/e2"]["period"] == {"start": None, "end": "2022-01-04"}
    assert by_key["wire-3/e1"]["date"] is None and by_key["wire-3/e1"]["period"] is None


@pytest.mark.parametrize("filters, message", [
    ({"type": "FIGHT"}, "unknown event type"),
    ({"since": "last week"}, "--since"),
    ({"until": "2021-13"}, "--until"),
    ({"limit": -1}, "--limit"),
])
def test_bad_event_filters_are_usage_errors(filled, filters, message):
    with pytest.raises(UsageError, match=message):
        filled.events(**filters)


# -- quote queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("filters, expected", [
    ({}, ["wire-1/q1", "wire-1/q2", "wire-2/q1"]),
    ({"speaker": "saad"}, ["wire-1/q1", "wire-1/q2"]),  # q2's speaker is "He", resolved to Saad Karim
    ({"speaker": "KARIM"}, ["wire-1/q1", "wire-1/q2"]),
    ({"speaker": "lawmaker"}, ["wire-1/q1"]),
    ({"speaker": "Foreign Ministry"}, ["wire-2/q1"]),
    ({"speaker": "%"}, []),
    ({"actor_country": "irq"}, ["wire-1/q1", "wire-1/q2"]),  # q2 through its antecedent's code
    ({"actor_country": "IRN"}, ["wire-2/q1"]),
    ({"speaker": "saad", "actor_country": "IRN"}, []),
    ({"limit": 1}, ["wire-1/q1"]),
])
def test_quote_filters(filled, filters, expected):
    assert keys(filled.quotes(**filters)) == expected


def test_a_quote_record_carries_speaker_medium_and_claims(filled):
    told = filled.quotes(speaker="saad")[1]
    assert told["speaker"] == {"text": "He", "start": 136, "end": 138, "actor": "a4", "name": "Saad Karim",
                               "code": "IRQ", "sectors": ["LEG"]}
    assert told["cue"]["text"] == "told" and told["medium"] == "Baghdad Today"
    assert told["content"]["text"] == "talks with the government had failed in July"
    assert told["claims"] == ["e3"]
    assert told["date"] == "2021-11-20"


def test_counts_name_every_table(filled):
    assert set(filled.counts()) == set(TABLES)


# -- the documented SQL runs ------------------------------------------------------------------------


def documented_sql() -> list[str]:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```sql")[1:]]
    return [statement.strip() for block in blocks for statement in block.split(";") if statement.strip()]


@pytest.mark.parametrize("statement", documented_sql())
def test_sql_examples_in_the_schema_doc_run_and_return_rows(filled, statement):
    assert filled.con.execute(statement).fetchall()
