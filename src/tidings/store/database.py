"""The DuckDB store: annotations in, events and quotes out (schema in docs/schema.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

import duckdb

from ..errors import StoreError, UsageError
from ..model import EVENT_TYPES, Annotation
from .migrations import applied
from .periods import EARLIEST, LATEST, date_range
from .rows import annotation_from_rows, annotation_rows
from .schema import ARTICLE_TABLES, MIGRATIONS, TABLES

MEMORY = ":memory:"
#: DuckDB before 1.2 rejects re-inserting a key deleted in the same transaction, which replacing an
#: article needs (the "over-eager constraint checking" its documentation describes)
MIN_DUCKDB = (1, 2)

_EVENTS_SQL = """
SELECT e.*, a.title, a.published, a.outlet, a.url,
       p.actors, p.recipients,
       pl.name AS place_name, pl.country AS place_country, pl.lat AS place_lat, pl.lon AS place_lon,
       q.speaker_text AS claim_speaker, q.speaker_name AS claim_speaker_name, q.speaker_code AS claim_speaker_code
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN (
    SELECT article_id, event_id,
           list({'actor': actor_id, 'code': code, 'sectors': sectors, 'text': actor_text, 'name': actor_name}
                ORDER BY seq) FILTER (WHERE role = 'actor') AS actors,
           list({'actor': actor_id, 'code': code, 'sectors': sectors, 'text': actor_text, 'name': actor_name}
                ORDER BY seq) FILTER (WHERE role = 'recipient') AS recipients
    FROM event_participants GROUP BY article_id, event_id
) p ON p.article_id = e.article_id AND p.event_id = e.id
LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.id = e.location_place
LEFT JOIN quotes q ON q.article_id = e.article_id AND q.id = e.claimed_by
"""

_QUOTES_SQL = """
SELECT q.*, a.title, a.published, a.outlet, a.url, c.claims
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN (
    SELECT article_id, claimed_by, list(id ORDER BY seq) AS claims
    FROM events WHERE claimed_by IS NOT NULL GROUP BY article_id, claimed_by
) c ON c.article_id = q.article_id AND c.claimed_by = q.id
"""

_PARTICIPANT = ("EXISTS (SELECT 1 FROM event_participants p WHERE p.article_id = e.article_id "
                "AND p.event_id = e.id AND p.role = ? AND p.code = ?)")


class Store:
    """A DuckDB file (or ``":memory:"``) holding annotated articles.

    Opening applies any pending schema migration. ``create=False`` refuses to create a missing file;
    ``read_only=True`` opens an existing store for queries only (several readers may share it).
    """

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False, create: bool = True):
        self.path = str(path)
        if _version(duckdb.__version__) < MIN_DUCKDB:
            raise StoreError(f"needs duckdb >= {'.'.join(map(str, MIN_DUCKDB))}, found {duckdb.__version__}",
                             source=self.path)
        if self.path != MEMORY and not Path(self.path).exists():
            if read_only or not create:
                raise StoreError("no such database (create it with `tidings ingest`)", source=self.path)
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open the database: {_reason(err)}", source=self.path) from None
        self.read_only = read_only
        try:
            self._migrate()
            self._columns = self._table_columns()
        except BaseException:
            self.con.close()
            raise

    def _migrate(self) -> None:
        if not self.read_only:
            try:
                MIGRATIONS.apply(self.con)
            except duckdb.Error as err:
                raise StoreError(f"cannot create the tables: {_reason(err)}", source=self.path) from None
        elif not applied(self.con):
            raise StoreError("not a Tidings database", source=self.path)
        elif MIGRATIONS.pending(self.con):
            raise StoreError("written by an older Tidings: run `tidings ingest` on it once to upgrade it",
                             source=self.path)

    def _table_columns(self) -> dict[str, dict[str, str]]:
        columns: dict[str, dict[str, str]] = {}
        for table, column, kind in self.con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall():
            columns.setdefault(table, {})[column] = kind
        return columns

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    # -- writing --------------------------------------------------------------------------------

    def add(self, annotation: Annotation | dict[str, Any]) -> dict[str, int]:
        """Store one annotation, replacing every row of an article with the same id, in one transaction.

        Returns the number of rows written per table.
        """
        try:
            if isinstance(annotation, dict):
                annotation = Annotation.from_dict(annotation)
            rows = annotation_rows(annotation)
        except (AttributeError, KeyError, TypeError, ValueError) as err:
            raise StoreError(f"malformed annotation: {type(err).__name__}: {err}", source=self.path) from None
        article = annotation.article
        where = article.source or self.path

        def replace() -> None:
            self._delete(article.id)
            for table in TABLES:
                self._insert(table, rows[table])

        self._write(replace, f"cannot store article {article.id}", where)
        return {table: len(rows[table]) for table in TABLES}

    def add_many(self, annotations: Iterable[Annotation | dict[str, Any]]) -> dict[str, int]:
        """Store each annotation in turn (each in its own transaction); total rows written per table."""
        totals = dict.fromkeys(TABLES, 0)
        for annotation in annotations:
            for table, count in self.add(annotation).items():
                totals[table] += count
        return totals

    def remove(self, article_id: str) -> bool:
        """Delete an article and all its rows; whether it was there."""
        found = self.con.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchone()[0] > 0
        self._write(lambda: self._delete(article_id), f"cannot remove article {article_id}", self.path)
        return found

    def _write(self, work: Callable[[], None], message: str, source: str) -> None:
        if self.read_only:
            raise StoreError("opened read-only", source=self.path)
        self.con.begin()
        try:
            work()
            self.con.commit()
        except duckdb.Error as err:
            self.con.rollback()
            raise StoreError(f"{message}: {_reason(err)}", source=source) from None
        except BaseException:
            self.con.rollback()
            raise

    def _delete(self, article_id: str) -> None:
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows in one statement: DuckDB parses them from a single JSON parameter, which is far
        faster than binding every value separately."""
        if not rows:
            return
        types = self._columns[table]
        structure = json.dumps([{name: types[name] for name in rows[0]}]).replace("'", "''")
        self.con.execute(
            f"INSERT INTO {table} BY NAME SELECT unnest(r) FROM (SELECT unnest(from_json(?, '{structure}')) AS r)",
            [json.dumps(rows, default=str)])

    # -- reading --------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def annotation(self, article_id: str) -> Annotation | None:
        """The stored annotation of one article, rebuilt from its rows (None if absent)."""
        articles = self._dicts("SELECT * FROM articles WHERE id = ?", [article_id])
        if not articles:
            return None
        rows = {"articles": articles}
        for table in ARTICLE_TABLES:
            rows[table] = self._dicts(f"SELECT * FROM {table} WHERE article_id = ?", [article_id])
        return annotation_from_rows(rows)

    def events(
        self,
        type: str | None = None,
        actor_country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        limit: int | None = None,
        *,
        recipient_country: str | None = None,
        article_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Events, oldest first, filtered by PLOVER type, actor or recipient country code and date.

        ``since``/``until`` (YYYY, YYYY-MM or YYYY-MM-DD) keep an event only when every day its date can
        mean lies in the range (see docs/schema.md); an event without a date has its article's
        publication day.
        """
        first, last = date_range(since, until)
        where: list[str] = []
        params: list[Any] = []
        if type:
            where.append("e.event_type = ?")
            params.append(event_type(type))
        for role, code in (("actor", actor_country), ("recipient", recipient_country)):
            if code:
                where.append(_PARTICIPANT)
                params += [role, code.strip().upper()]
        if first:
            where.append("e.period_start >= ?")
            params.append(first)
        if last:
            where.append("e.period_end <= ?")
            params.append(last)
        if article_id:
            where.append("e.article_id = ?")
            params.append(article_id)
        sql = (_EVENTS_SQL + _where(where)
               + " ORDER BY e.period_start NULLS LAST, a.published NULLS LAST, e.article_id, e.seq"
               + _limit(limit, params))
        return [_event_record(row) for row in self._dicts(sql, params)]

    def quotes(
        self,
        speaker: str | None = None,
        actor_country: str | None = None,
        limit: int | None = None,
        *,
        article_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes in article order; ``speaker`` is a case-insensitive part of the speaker's words or of
        the name its actor resolves to; ``actor_country`` the speaker actor's code."""
        where: list[str] = []
        params: list[Any] = []
        if speaker and speaker.strip():
            where.append("(strpos(lower(coalesce(q.speaker_text, '')), ?) > 0 "
                         "OR strpos(lower(coalesce(q.speaker_name, '')), ?) > 0)")
            params += [speaker.strip().lower()] * 2
        if actor_country:
            where.append("q.speaker_code = ?")
            params.append(actor_country.strip().upper())
        if article_id:
            where.append("q.article_id = ?")
            params.append(article_id)
        sql = (_QUOTES_SQL + _where(where) + " ORDER BY a.published NULLS LAST, q.article_id, q.seq"
               + _limit(limit, params))
        return [_quote_record(row) for row in self._dicts(sql, params)]

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        try:
            cursor = self.con.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except duckdb.Error as err:
            raise StoreError(f"query failed: {_reason(err)}", source=self.path) from None


def event_type(value: str) -> str:
    """A PLOVER event type, case-insensitive; UsageError if there is no such type."""
    name = value.strip().upper()
    if name not in EVENT_TYPES:
        raise UsageError(f"unknown event type {value!r}; use one of {', '.join(EVENT_TYPES)}")
    return name


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _limit(limit: int | None, params: list[Any]) -> str:
    if limit is None:
        return ""
    if limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {limit}")
    params.append(limit)
    return " LIMIT ?"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _article(row: dict[str, Any]) -> dict[str, Any]:
    return {"title": row["title"], "published": _iso(row["published"]), "outlet": row["outlet"], "url": row["url"]}


def _event_record(row: dict[str, Any]) -> dict[str, Any]:
    published = _iso(row["published"])
    own = row["date_value"] is not None
    return {
        "article_id": row["article_id"],
        "event_id": row["id"],
        "event_type": row["event_type"],
        "date": row["date_value"] if own else published,
        "date_end": row["date_end"],
        "date_granularity": row["date_granularity"] if own else ("day" if published else None),
        "date_resolved_by": row["date_resolved_by"] if own else ("publication" if published else None),
        "period": _period(row["period_start"], row["period_end"]),
        "actor": [_participant(p) for p in row["actors"] or []],
        "recipient": [_participant(p) for p in row["recipients"] or []],
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "sentence": row["sentence"],
        "mode": list(row["mode"] or []),
        "context": list(row["context"] or []),
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "modality": {name: bool(row[name]) for name in ("negated", "hypothetical", "future", "historical")},
        "location": None if row["location_place"] is None and row["location_reason"] is None else {
            "place": row["location_place"], "name": row["place_name"], "country": row["place_country"],
            "lat": row["place_lat"], "lon": row["place_lon"], "reason": row["location_reason"]},
        "claimed_by": None if row["claimed_by"] is None else {
            "quote": row["claimed_by"], "speaker": row["claim_speaker"], "speaker_name": row["claim_speaker_name"],
            "speaker_code": row["claim_speaker_code"]},
        "rule": row["rule"],
        "article": _article(row),
    }


def _period(start: date | None, end: date | None) -> dict[str, str | None] | None:
    """The days the event's date covers; None for an open end (PAST_REF, FUTURE_REF)."""
    if start is None or end is None:
        return None
    return {"start": None if start == EARLIEST else start.isoformat(),
            "end": None if end == LATEST else end.isoformat()}


def _participant(item: dict[str, Any]) -> dict[str, Any]:
    return {"actor": item["actor"], "code": item["code"], "sectors": list(item["sectors"] or []),
            "text": item["text"], "name": item["name"]}


def _quote_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "quote_id": row["id"],
        "kind": row["kind"],
        "speaker": None if row["speaker_text"] is None else {
            "text": row["speaker_text"], "start": row["speaker_start"], "end": row["speaker_end"],
            "actor": row["speaker_actor"], "name": row["speaker_name"], "code": row["speaker_code"],
            "sectors": list(row["speaker_sectors"] or [])},
        "cue": None if row["cue_text"] is None else {
            "text": row["cue_text"], "start": row["cue_start"], "end": row["cue_end"]},
        "content": {"text": row["content_text"], "start": row["content_start"], "end": row["content_end"]},
        "medium": row["medium"],
        "addressee": row["addressee"],
        "date": row["date"],
        "claims": list(row["claims"] or []),
        "article": _article(row),
    }


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())


def _reason(err: Exception) -> str:
    """DuckDB's message without its multi-line context."""
    return " ".join(str(err).split())
