"""Convert a PETRARCH/CAMEO agents dictionary into the project's agent-noun table (TSV).

The format: ``PHRASE_WITH_UNDERSCORES {IRREGULAR_PLURAL} [~CODES]  # comment``, with substitution
sets such as ``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON``. ``CODES`` concatenates three-letter
codes (``GOVMIL`` = GOV + MIL); NGO/IGO are international actor codes; NON and JNK mark words that
are not actors. Run ``python -m tidings.actors.agents_import PLOVER_agents.txt > agent_nouns.tsv``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import NON_STATE_CODES, SECTORS

_ENTRY = re.compile(r"^(?P<phrase>[^{\[#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<codes>[A-Za-z]*)\]")
_SUBSTITUTION = re.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<values>.+)$")
NOT_ACTOR_CODES = {"NON", "JNK"}


@dataclass(frozen=True)
class AgentRow:
    phrase: str
    sectors: tuple[str, ...]
    code: str | None
    kind: str  # agent | none


def parse_agents(lines: Iterable[str]) -> Iterator[AgentRow]:
    """Rows of a PETRARCH agents file, substitution sets expanded, phrases lower-cased."""
    substitutions: dict[str, list[str]] = {}
    seen: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = _SUBSTITUTION.match(line)
        if sub:
            substitutions[sub["name"]] = [v.strip() for v in sub["values"].split(",") if v.strip()]
            continue
        entry = _ENTRY.match(line)
        if not entry:
            continue
        sectors, code, kind = _split_codes(entry["codes"].upper())
        forms = [entry["phrase"]] + ([entry["plural"]] if entry["plural"] else [])
        for form in forms:
            for phrase in _expand(form, substitutions):
                if phrase and phrase not in seen:
                    seen.add(phrase)
                    yield AgentRow(phrase, sectors, code, kind)


def _split_codes(codes: str) -> tuple[tuple[str, ...], str | None, str]:
    chunks = [codes[i:i + 3] for i in range(0, len(codes), 3)]
    if any(chunk in NOT_ACTOR_CODES for chunk in chunks):
        return (), None, "none"
    code = next((chunk for chunk in chunks if chunk in NON_STATE_CODES), None)
    sectors = tuple(dict.fromkeys(chunk for chunk in chunks if chunk in SECTORS))
    return sectors, code, "agent"


def _expand(form: str, substitutions: dict[str, list[str]]) -> list[str]:
    phrases = [form]
    for name, values in substitutions.items():
        phrases = [p.replace(name, value) for p in phrases for value in values] if any(
            name in p for p in phrases) else phrases
    return [" ".join(p.replace("_", " ").lower().split()) for p in phrases]


def to_tsv(rows: Iterable[AgentRow], header: str = "") -> str:
    lines = [header.rstrip("\n")] if header else []
    lines.append("phrase\tsectors\tcode\tkind")
    for row in rows:
        lines.append(f"{row.phrase}\t{'|'.join(row.sectors)}\t{row.code or ''}\t{row.kind}")
    return "\n".join(lines) + "\n"


HEADER = """\
# Agent nouns -> PLOVER sectors, converted from PLOVER_agents.txt (NGEC project, Open Event Data
# Alliance, MIT licence, Copyright (c) 2014 Open Event Data Alliance; see SOURCES.md) by
# tidings.actors.agents_import. Do not edit: corrections go in agent_nouns_extra.tsv, which wins.
# kind: agent (an actor noun), none (not an actor)."""


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python -m tidings.actors.agents_import AGENTS_FILE", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as handle:
        sys.stdout.write(to_tsv(parse_agents(handle), HEADER))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
