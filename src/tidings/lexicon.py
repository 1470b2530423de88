"""One loader for every data file Tidings ships (YAML, CSV, TSV), validated on load.

A schema names the columns (or keys) a row must have, their types, and allowed values.
Errors name the file and the line, so a user extending a lexicon sees what to fix.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from .errors import DataFileError

DATA_PACKAGE = "tidings.data"


@dataclass(frozen=True)
class Column:
    """One field of a row: its name, type, whether it is required, and allowed values."""

    name: str
    type: type | tuple[type, ...] = str
    required: bool = True
    choices: frozenset | None = None
    check: Callable[[Any], bool] | None = None
    many: bool = False  # a list of values (YAML list, or ``|``-separated in CSV/TSV)


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]
    extra_ok: bool = False  # whether keys not named here are allowed
    unique: tuple[str, ...] = field(default_factory=tuple)  # columns whose combination must be unique


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``tidings/data``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def shipped_files() -> list[Path]:
    """Every data file shipped with the package."""
    root = data_path("")
    return sorted(p for p in root.rglob("*") if p.suffix in {".yaml", ".yml", ".csv", ".tsv"})


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a YAML list, CSV or TSV file, each with its line number."""
    path = Path(path)
    if not path.exists():
        raise DataFileError("no such data file", source=str(path))
    if path.suffix in {".yaml", ".yml"}:
        return _read_yaml(path)
    if path.suffix in {".csv", ".tsv"}:
        return _read_table(path, "\t" if path.suffix == ".tsv" else ",")
    raise DataFileError(f"unknown data file type {path.suffix!r} (use .yaml, .csv or .tsv)", source=str(path))


def _read_yaml(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        nodes = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataFileError(f"not valid YAML: {getattr(err, 'problem', err)}", source=str(path),
                            line=mark.line + 1 if mark else None) from None
    if data is None:
        return []
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
        nodes = next((v for k, v in nodes.value if k.value == "entries"), None)
    if not isinstance(data, list):
        raise DataFileError("expected a list of entries (or a mapping with an 'entries' list)", source=str(path))
    lines = [n.start_mark.line + 1 for n in nodes.value] if nodes is not None else [None] * len(data)
    rows = []
    for line, row in zip(lines, data):
        if not isinstance(row, dict):
            raise DataFileError("each entry must be a mapping", source=str(path), line=line)
        rows.append((line, row))
    return rows


def _read_table(path: Path, delimiter: str) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle)
        reader = csv.DictReader((line for line in lines if line.strip() and not line.startswith("#")),
                                delimiter=delimiter)
        for row in reader:
            if None in row:
                raise DataFileError("more fields than the header names", source=str(path), line=reader.line_num)
            rows.append((reader.line_num, {k: (v if v != "" else None) for k, v in row.items()}))
    return _renumber(path, rows)


def _renumber(path: Path, rows: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    # csv counts only the lines it was given; map back to file lines (comments and blanks skipped)
    file_lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if line.strip() and not line.startswith("#")]
    return [(file_lines[n - 1] if 0 < n <= len(file_lines) else n, row) for n, row in rows]


def validate(rows: Iterable[tuple[int, dict[str, Any]]], schema: Schema, source: str) -> list[dict[str, Any]]:
    """Check rows against a schema; return them with list columns split and types converted."""
    known = {c.name for c in schema.columns}
    seen: dict[tuple, int] = {}
    out = []
    for line, row in rows:
        if not schema.extra_ok:
            extra = set(row) - known
            if extra:
                raise DataFileError(f"unknown field(s) {sorted(extra)} for {schema.name}", source=source, line=line)
        clean = dict(row)
        for column in schema.columns:
            value = row.get(column.name)
            if value is None or value == [] or value == "":
                if column.required:
                    raise DataFileError(f"missing required field {column.name!r}", source=source, line=line)
                clean[column.name] = [] if column.many else None
                continue
            values = _as_list(value) if column.many else [value]
            converted = [_convert(v, column, source, line) for v in values]
            clean[column.name] = converted if column.many else converted[0]
        if schema.unique:
            key = tuple(str(clean.get(c)).lower() for c in schema.unique)
            if key in seen:
                raise DataFileError(f"duplicate entry {key} (first at line {seen[key]})", source=source, line=line)
            seen[key] = line
        clean["_line"] = line
        out.append(clean)
    return out


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return [value]


def _convert(value: Any, column: Column, source: str, line: int | None) -> Any:
    wanted = column.type
    if not isinstance(value, wanted):
        try:
            target = wanted[0] if isinstance(wanted, tuple) else wanted
            if target is bool and isinstance(value, str):
                if value.lower() not in {"true", "false", "yes", "no", "1", "0"}:
                    raise ValueError(value)
                value = value.lower() in {"true", "yes", "1"}
            else:
                value = target(value)
        except (TypeError, ValueError):
            raise DataFileError(f"field {column.name!r}: {value!r} is not a {getattr(wanted, '__name__', wanted)}",
                                source=source, line=line) from None
    if column.choices is not None and value not in column.choices:
        raise DataFileError(f"field {column.name!r}: {value!r} is not one of {sorted(column.choices)}",
                            source=source, line=line)
    if column.check is not None and not column.check(value):
        raise DataFileError(f"field {column.name!r}: {value!r} is not allowed", source=source, line=line)
    return value


def load(path: str | Path, schema: Schema) -> list[dict[str, Any]]:
    """Read and validate a data file; a bare name is looked up in ``tidings/data``."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = data_path(str(path))
    return validate(read_rows(path), schema, str(path))


@lru_cache(maxsize=64)
def load_shipped(name: str, schema: Schema) -> tuple[dict[str, Any], ...]:
    """Cached :func:`load` of a shipped data file."""
    return tuple(load(data_path(name), schema))
