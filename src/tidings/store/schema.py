"""The store's tables, created and changed only through named migrations (see docs/schema.md).

Never edit a migration that has shipped: add a new one below it.
"""

from __future__ import annotations

import duckdb

from .migrations import Migrations

MIGRATIONS = Migrations()

#: tables holding one article's rows, keyed by ``article_id`` (``articles`` by ``id``)
ARTICLE_TABLES = ("sentences", "actors", "events", "event_participants", "quotes", "timexes", "places",
                  "framing")
TABLES = ("articles",) + ARTICLE_TABLES


@MIGRATIONS("0001_initial")
def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            published DATE,
            outlet VARCHAR,
            url VARCHAR,
            language VARCHAR,
            author VARCHAR,
            source VARCHAR,
            dateline_place VARCHAR,
            dateline_outlet VARCHAR,
            dateline_start INTEGER,
            dateline_end INTEGER,
            metadata JSON,
            text VARCHAR NOT NULL,
            stored_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""")
    con.execute("""
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            paragraph INTEGER,
            PRIMARY KEY (article_id, seq)
        )""")
    con.execute("""
        CREATE TABLE actors (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            name VARCHAR,
            code VARCHAR,
            sectors VARCHAR[],
            kb_id VARCHAR,
            resolved_by VARCHAR,
            refers_to VARCHAR,
            label VARCHAR,
            evidence_text VARCHAR,
            evidence_start INTEGER,
            evidence_end INTEGER,
            PRIMARY KEY (article_id, id)
        )""")
    con.execute("""
        CREATE TABLE events (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            event_type VARCHAR NOT NULL,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            sentence INTEGER,
            mode VARCHAR[],
            context VARCHAR[],
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            negated BOOLEAN,
            hypothetical BOOLEAN,
            future BOOLEAN,
            historical BOOLEAN,
            date_value VARCHAR,
            date_granularity VARCHAR,
            date_end VARCHAR,
            date_resolved_by VARCHAR,
            date_timex VARCHAR,
            date_relation VARCHAR,
            period_start DATE,
            period_end DATE,
            location_place VARCHAR,
            location_reason VARCHAR,
            claimed_by VARCHAR,
            rule VARCHAR,
            PRIMARY KEY (article_id, id)
        )""")
    con.execute("""
        CREATE TABLE event_participants (
            article_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
            seq INTEGER NOT NULL,
            actor_id VARCHAR,
            code VARCHAR,
            sectors VARCHAR[],
            actor_text VARCHAR,
            actor_name VARCHAR,
            PRIMARY KEY (article_id, event_id, role, seq)
        )""")
    con.execute("""
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            kind VARCHAR,
            speaker_text VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_actor VARCHAR,
            speaker_name VARCHAR,
            speaker_code VARCHAR,
            speaker_sectors VARCHAR[],
            cue_text VARCHAR,
            cue_start INTEGER,
            cue_end INTEGER,
            content_text VARCHAR,
            content_start INTEGER,
            content_end INTEGER,
            medium VARCHAR,
            addressee VARCHAR,
            date VARCHAR,
            PRIMARY KEY (article_id, id)
        )""")
    con.execute("""
        CREATE TABLE timexes (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            type VARCHAR,
            value VARCHAR,
            granularity VARCHAR,
            relation VARCHAR,
            PRIMARY KEY (article_id, id)
        )""")
    con.execute("""
        CREATE TABLE places (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            name VARCHAR,
            country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            feature VARCHAR,
            gazetteer_id VARCHAR,
            role VARCHAR,
            PRIMARY KEY (article_id, id)
        )""")
    con.execute("""
        CREATE TABLE framing (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            voice VARCHAR,
            quote_id VARCHAR,
            PRIMARY KEY (article_id, seq)
        )""")


@MIGRATIONS("0002_dateline_place_offsets")
def _dateline_place_offsets(con: duckdb.DuckDBPyConnection) -> None:
    for column in ("dateline_place_start", "dateline_place_end", "dateline_region_start", "dateline_region_end"):
        con.execute(f"ALTER TABLE articles ADD COLUMN {column} INTEGER")
