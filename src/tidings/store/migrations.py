"""Named schema migrations, applied once each and recorded in a ``_migrations`` table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import duckdb

Apply = Callable[[duckdb.DuckDBPyConnection], None]

MIGRATIONS_TABLE = "_migrations"


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Apply


@dataclass
class Migrations:
    """An ordered set of migrations; register one with the ``@migrations("0002_name")`` decorator."""

    steps: list[Migration] = field(default_factory=list)

    def __call__(self, name: str) -> Callable[[Apply], Apply]:
        if any(step.name == name for step in self.steps):
            raise ValueError(f"migration {name!r} is registered twice")

        def register(function: Apply) -> Apply:
            self.steps.append(Migration(name, function))
            return function

        return register

    def pending(self, con: duckdb.DuckDBPyConnection) -> list[Migration]:
        """Migrations not yet applied to the database behind ``con``."""
        done = set(applied(con))
        return [step for step in self.steps if step.name not in done]

    def apply(self, con: duckdb.DuckDBPyConnection) -> list[str]:
        """Apply every pending migration, each in its own transaction; the names applied."""
        con.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
                    "name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
        names = []
        for step in self.pending(con):
            con.begin()
            try:
                step.apply(con)
                con.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name) VALUES (?)", [step.name])
                con.commit()
            except BaseException:
                con.rollback()
                raise
            names.append(step.name)
        return names


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in the database, in the order they were applied."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                         [MIGRATIONS_TABLE]).fetchone()[0]
    if not exists:
        return []
    return [row[0] for row in con.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY applied_at, name").fetchall()]
