"""Time expressions of a parsed Doc: rule matches, checked against the parse, plus the model's DATE
and TIME entities that the rules missed, each normalised against the publication date."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ..model import TimeExpression
from . import calendar as cal
from .detect import Candidate, find_candidates
from .filters import TEMPORAL_WORD, is_rate, is_yearly_amount, keep, without_verb
from .normalise import interpret
from .tense import direction

#: kinds whose value is a day the text speaks of, so later "the next day" can count from it
_REFERENCE_KINDS = frozenset({"calendar", "numeric", "deictic", "time", "relative", "quarter", "ago",
                              "relative_to_reference", "same_day", "same_period", "fiscal_range"})
_UNIT_WORD = re.compile(r"\b(?:day|week|month|year)\b", re.IGNORECASE)


def tag(doc: Doc, published: str | date | None) -> list[TimeExpression]:
    """The time expressions of a parsed Doc, ids ``t1``.. in text order."""
    anchor = cal.parse_iso(published) if isinstance(published, str) else published
    candidates = [without_verb(doc, c) for c in find_candidates(doc_text(doc)) if keep(doc, c)]
    candidates = _add_entities(doc, candidates)
    timexes: list[TimeExpression] = []
    seen: list[str] = []
    for candidate in candidates:
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        way = _direction(span, candidate) if span is not None else None
        if span is not None and is_rate(doc, span, candidate):
            candidate.kind, candidate.type = "set", "SET"  # "15 a year", "$2 billion a year"
        if span is not None and is_yearly_amount(span, candidate):
            candidate.kind, candidate.type = "duration", "DURATION"  # "annual profit": a year's worth
            candidate.groups = {"unit": "annual"}
        result = interpret(candidate, anchor, way, tuple(seen))
        if candidate.kind == "anaphoric" and result.value is None:
            continue  # "that day" with no day spoken of before: nothing to point at
        timexes.append(TimeExpression(
            id=f"t{len(timexes) + 1}", text=candidate.text, start=candidate.start, end=candidate.end,
            type=result.type, value=result.value, granularity=result.granularity, relation=result.relation,
        ))
        if candidate.kind in _REFERENCE_KINDS and cal.bounds(result.value) is not None:
            seen.append(result.value)
    return timexes


def _direction(span: Span, candidate: Candidate) -> str | None:
    way = direction(span)
    if way is None and candidate.signal in {"until", "till", "by"}:
        return "future"  # "markets stay closed until Friday"
    if way is None and candidate.signal == "since":
        return "past"  # "since Aug. 2"
    return way


def _add_entities(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Add the model's DATE/TIME entities that no rule matched.

    An entity overlapping a rule match is left out (the rule's span and reading win); one without a
    word of time is a mislabel ("We") and is dropped. The rest name a period by its unit ("their best
    week", "a second consecutive day"): they are read as that period of the current reference time.
    """
    extra = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"} or not TEMPORAL_WORD.search(ent.text):
            continue
        if re.search(r"[\s-]old\b|\baged?\b", ent.text, re.IGNORECASE):  # an age ("45-year-old")
            continue
        if any(not (ent.end_char <= c.start or ent.start_char >= c.end) for c in candidates):
            continue
        unit = _UNIT_WORD.search(ent.text)
        if unit is None or not re.fullmatch(r"(?:\s+(?:in\s+a\s+row|running))?\W*", ent.text[unit.end():]):
            continue  # the unit must end the phrase: "their best week", not "the holy month of Ramadan"
        word = unit.group(0).lower()
        kind, groups = ("same_day", {}) if word == "day" else ("relative", {"unit": word, "rel": "this"})
        extra.append(Candidate(ent.start_char, ent.end_char, ent.text, "model_entity", kind, "DATE", groups))
    return sorted(candidates + extra, key=lambda c: c.start)
