"""Time expressions of a parsed Doc: rule matches, checked against the parse, plus the model's DATE
and TIME entities that the rules missed, each normalised against the publication date."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from ..model import TimeExpression
from . import calendar as cal
from .detect import Candidate, find_candidates
from .normalise import interpret
from .tense import direction
from .vocabulary import vocabulary

#: heads after which a bare four-digit number names a thing, not a year ("Flight 1549")
_NAME_DEPS = frozenset({"nummod", "compound", "appos", "npadvmod", "nmod"})
#: kinds whose value is a day the text speaks of, so later "the next day" can count from it
_REFERENCE_KINDS = frozenset({"calendar", "numeric", "deictic", "time", "relative", "quarter", "ago",
                              "relative_to_reference", "same_day", "same_period"})
#: model entities are used only when they hold a word of time (anything else is a mislabel)
_TEMPORAL_WORD = re.compile(
    r"\b(?:\d{4}s?|today|yesterday|tomorrow|tonight|now|day|days|week|weeks|weekend|month|months|year|years|"
    r"decade|decades|century|quarter|season|period|era|morning|evening|night|afternoon|hour|hours)\b",
    re.IGNORECASE,
)


_UNIT_WORD = re.compile(r"\b(?:day|week|month|year)\b", re.IGNORECASE)


def tag(doc: Doc, published: str | date | None) -> list[TimeExpression]:
    """The time expressions of a parsed Doc, ids ``t1``.. in text order."""
    anchor = cal.parse_iso(published) if isinstance(published, str) else published
    candidates = [c for c in find_candidates(doc.text) if _keep(doc, c)]
    candidates = _add_entities(doc, candidates)
    timexes: list[TimeExpression] = []
    seen: list[str] = []
    for candidate in candidates:
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        way = _direction(span, candidate) if span is not None else None
        result = interpret(candidate, anchor, way, tuple(seen))
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
    return way


def _keep(doc: Doc, candidate: Candidate) -> bool:
    """Drop rule matches the parse shows are not time: a bare number that counts or names things,
    a lone month name that is a modal verb ("May I ask")."""
    if candidate.rule == "month":
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return span is None or span[-1].tag_ != "MD"
    if candidate.rule != "year":
        return True
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    head = token.head
    if token.dep_ in _NAME_DEPS and head.pos_ in {"NOUN", "PROPN"} and head is not token:
        if head.i < token.i and vocabulary().lookup("counted_name", head.text):  # "Flight 1549"
            return False
        if head.tag_ == "NNS" and not _TEMPORAL_WORD.search(head.text):  # "2000 jobs"
            return False
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"%", "percent", "per"}:
        return False
    if token.i > 0 and doc[token.i - 1].text in {"$", "£", "€", "#", "No.", "no."}:
        return False
    return True


def _add_entities(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Add the model's DATE/TIME entities that no rule matched.

    An entity overlapping a rule match is left out (the rule's span and reading win); one without a
    word of time is a mislabel ("We") and is dropped. The rest name a period by its unit ("their best
    week", "a second consecutive day"): they are read as that period of the current reference time.
    """
    extra = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"} or not _TEMPORAL_WORD.search(ent.text):
            continue
        if any(not (ent.end_char <= c.start or ent.start_char >= c.end) for c in candidates):
            continue
        unit = _UNIT_WORD.search(ent.text)
        if unit is None:
            continue
        word = unit.group(0).lower()
        kind, groups = ("same_day", {}) if word == "day" else ("relative", {"unit": word, "rel": "this"})
        extra.append(Candidate(ent.start_char, ent.end_char, ent.text, "model_entity", kind, "DATE", groups))
    return sorted(candidates + extra, key=lambda c: c.start)
