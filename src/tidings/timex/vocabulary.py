"""The time vocabulary and rules shipped in ``tidings/data/time``, loaded and validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..lexicon import Column, Schema, data_path, load, load_shipped

KINDS = frozenset({"month", "weekday", "season", "unit", "number", "ordinal", "part_of_day", "deictic",
                   "relative", "set", "counted_name", "recurring"})
RULE_KINDS = frozenset({
    "calendar", "numeric", "short_year", "decade", "century", "deictic", "part_of_day",
    "relative", "ago", "relative_to_event", "relative_to_reference", "same_day", "same_period", "quarter", "time",
    "duration", "set", "reference", "anaphoric", "fiscal_range",
})
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
REFERENCE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})

VOCABULARY_SCHEMA = Schema(
    name="time vocabulary",
    columns=(Column("kind", choices=KINDS), Column("word"), Column("value"),
             Column("exact", type=bool, required=False)),
    unique=("kind", "word"),
)
REFERENCE_SCHEMA = Schema(
    name="time references",
    columns=(Column("phrase"), Column("value", choices=REFERENCE_VALUES), Column("type", choices=TIMEX_TYPES)),
    unique=("phrase",),
)
HOLIDAY_SCHEMA = Schema(
    name="holidays",
    columns=(Column("name"), Column("month", type=int, check=lambda m: 1 <= m <= 12),
             Column("day", type=int, check=lambda d: 1 <= d <= 31)),
    unique=("name",),
)
ANCHOR_SCHEMA = Schema(
    name="event anchors",
    columns=(Column("noun"), Column("event_types", many=True, required=False)),
    unique=("noun",),
)
RULE_SCHEMA = Schema(
    name="time rules",
    columns=(Column("name"), Column("pattern"), Column("kind", choices=RULE_KINDS),
             Column("type", choices=TIMEX_TYPES), Column("note", required=False)),
    unique=("name",),
)

#: macros that are not word lists
FIXED_MACROS = {
    "YEAR": r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d)",
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])",
    "SUFFIX": r"(?:st|nd|rd|th)",
    "ZONE": r"(?-i:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|AEST|AEDT|ET|PT|CT)"
            r"(?:\s*[+-]\s*\d{1,2})?",
}
#: vocabulary kind → macro name
KIND_MACROS = {
    "month": "MONTH", "weekday": "WEEKDAY", "season": "SEASON", "unit": "UNIT", "number": "NUMBER",
    "ordinal": "ORDINAL", "part_of_day": "PART", "deictic": "DEICTIC", "relative": "REL", "set": "SET",
    "counted_name": "COUNTED_NAME", "recurring": "RECURRING",
}


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    kind: str
    type: str
    order: int


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, dict[str, str]]  # kind -> lowercased word -> value
    references: dict[str, tuple[str, str]]  # lowercased phrase -> (value, type)
    holidays: dict[str, tuple[int, int]]  # lowercased name -> (month, day)
    anchors: dict[str, tuple[str, ...]]  # noun -> event types
    rules: tuple[Rule, ...]
    macros: dict[str, str]

    def lookup(self, kind: str, word: str | None) -> str | None:
        if word is None:
            return None
        return self.words.get(kind, {}).get(_squash(word))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _alternation(words: list[tuple[str, bool]]) -> str:
    """A regex alternation of words, longest first; exact words keep their case."""
    parts = []
    for word, exact in sorted(set(words), key=lambda w: (-len(w[0]), w[0])):
        body = r"\s+".join(re.escape(piece) for piece in word.split())
        parts.append(f"(?-i:{body})" if exact else body)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load (once) and validate every time data file."""
    words: dict[str, dict[str, str]] = {}
    macro_words: dict[str, list[tuple[str, bool]]] = {}
    for row in load_shipped("time/vocabulary.tsv", VOCABULARY_SCHEMA):
        words.setdefault(row["kind"], {})[_squash(row["word"])] = row["value"]
        macro_words.setdefault(KIND_MACROS[row["kind"]], []).append((row["word"], bool(row["exact"])))
    references = {_squash(r["phrase"]): (r["value"], r["type"])
                  for r in load_shipped("time/references.tsv", REFERENCE_SCHEMA)}
    holidays = {_squash(r["name"]): (r["month"], r["day"]) for r in load_shipped("time/holidays.tsv", HOLIDAY_SCHEMA)}
    anchors = {_squash(r["noun"]): tuple(r["event_types"])
               for r in load_shipped("time/event_anchors.tsv", ANCHOR_SCHEMA)}
    macros = dict(FIXED_MACROS)
    macros.update({name: _alternation(items) for name, items in macro_words.items()})
    macros["REF"] = _alternation([(phrase, False) for phrase in references])
    macros["HOLIDAY"] = _alternation([(name, False) for name in holidays])
    macros["ANCHOR"] = _alternation([(noun, False) for noun in anchors])
    rows = load_shipped("time/rules.yaml", RULE_SCHEMA)
    rules = compile_rules(rows, macros, str(data_path("time/rules.yaml")))
    return Vocabulary(words, references, holidays, anchors, rules, macros)


def load_rules(path: str | Path) -> tuple[Rule, ...]:
    """Load and compile a rules file (same format as the shipped ``time/rules.yaml``)."""
    return compile_rules(load(path, RULE_SCHEMA), vocabulary().macros, str(path))


def compile_rules(rows, macros: dict[str, str], source: str) -> tuple[Rule, ...]:
    return tuple(Rule(row["name"], _compile(row, macros, source), row["kind"], row["type"], order)
                 for order, row in enumerate(rows))


def _compile(row: dict, macros: dict[str, str], source: str) -> re.Pattern:

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in macros:
            raise DataFileError(f"rule {row['name']!r}: unknown macro {{{name}}}", source=source, line=row["_line"])
        return macros[name]

    pattern = re.sub(r"\{([A-Z_]+)\}", expand, row["pattern"])
    try:
        return re.compile(r"(?<![\w'’])(?:" + pattern + r")(?!\w|-\w)", re.IGNORECASE)
    except re.error as err:
        raise DataFileError(f"rule {row['name']!r}: bad pattern: {err}", source=source, line=row["_line"]) from None
