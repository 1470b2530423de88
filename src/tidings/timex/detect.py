"""Find time expressions in text with the shipped rules (no parse needed).

Every rule in ``data/time/rules.yaml`` is run over the text; overlapping matches are resolved
longest first; then each match is widened by a boundary modifier on its left ("early", "mid-",
"the end of") and the preposition before it is read as a signal ("by" → deadline, "since" ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocabulary import Rule, vocabulary

#: a modifier directly left of a date: "early 2009", "mid-2011", "the end of this year"
_MODIFIER = re.compile(
    r"(?:(?P<mod>early|mid|late)[\s-]+|(?:the\s+|this\s+)?(?:very\s+)?"
    r"(?P<boundary>end|beginning|start|middle|close|turn|rest|remainder|first\s+half|second\s+half)\s+of\s+)$",
    re.IGNORECASE,
)
#: the preposition (signal) directly left of an expression, and the relation it gives
_SIGNAL = re.compile(
    r"(?:^|\W)(?P<signal>by|no\s+later\s+than|not\s+later\s+than|since|until|till|through|after|before|ahead\s+of"
    r"|within|in|on|at|during|from|for)\s+$",
    re.IGNORECASE,
)
SIGNAL_RELATIONS = {
    "by": "deadline", "no later than": "deadline", "not later than": "deadline", "since": "since",
    "until": "until", "till": "until", "through": "until", "after": "after", "before": "before",
    "ahead of": "before",
}
#: kinds whose values are calendar positions a boundary modifier can apply to
_MODIFIABLE = frozenset({"calendar", "relative", "quarter", "decade", "century", "short_year", "same_day"})


@dataclass
class Candidate:
    """One matched time expression before normalisation."""

    start: int
    end: int
    text: str
    rule: str
    kind: str
    type: str
    groups: dict[str, str] = field(default_factory=dict)
    mod: str | None = None  # early, mid, late
    boundary: str | None = None  # end, beginning, start, middle ...
    signal: str | None = None  # the preposition before it (lowercase)
    order: int = 0

    @property
    def relation(self) -> str | None:
        return SIGNAL_RELATIONS.get(self.signal or "")


def find_candidates(text: str) -> list[Candidate]:
    """All time expressions the rules find in ``text``, in text order, without overlaps."""
    found: list[Candidate] = []
    for rule in vocabulary().rules:
        for match in rule.regex.finditer(text):
            if match.end() > match.start():
                found.append(_candidate(text, match, rule))
    chosen = _resolve_overlaps(found)
    for candidate in chosen:
        _widen(text, candidate)
    chosen = _merge_time_and_day(text, chosen)
    return chosen


def _candidate(text: str, match: re.Match, rule: Rule) -> Candidate:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    candidate = Candidate(match.start(), match.end(), match.group(0), rule.name, rule.kind, rule.type, groups,
                          order=rule.order)
    if "boundary" in groups:  # a rule that names its boundary itself ("year-end")
        candidate.boundary = groups["boundary"].lower()
    return candidate


def _resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    """Longest match first (earlier rule on ties); drop any match overlapping one already kept."""
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _widen(text: str, candidate: Candidate) -> None:
    """Take in a boundary modifier on the left; read the signal before the expression."""
    left = text[max(0, candidate.start - 40):candidate.start]
    if candidate.kind in _MODIFIABLE:
        match = _MODIFIER.search(left) if candidate.boundary is None else None
        if match:
            candidate.mod = (match.group("mod") or "").lower() or None
            boundary = match.group("boundary")
            candidate.boundary = re.sub(r"\s+", " ", boundary.lower()) if boundary else None
            candidate.start -= len(match.group(0))
            candidate.text = text[candidate.start:candidate.end]
            left = text[max(0, candidate.start - 40):candidate.start]
    signal = _SIGNAL.search(left)
    if signal:
        candidate.signal = re.sub(r"\s+", " ", signal.group("signal").lower())


_JOIN = re.compile(r"^(?:\s+|\s+(?:on|at)\s+)$", re.IGNORECASE)
_DAY_RULES = frozenset({"weekday", "deictic", "weekday_month_day", "weekday_month_day_year", "day_month",
                        "day_month_year", "iso_date"})


def _merge_time_and_day(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join a clock time and the day next to it ("12:00 UTC Monday", "Friday at 9 a.m.")."""
    out: list[Candidate] = []
    for candidate in candidates:
        previous = out[-1] if out else None
        if (previous is not None and previous.kind == "time" and candidate.rule in _DAY_RULES
                and "_day_rule" not in previous.groups and re.fullmatch(r"\s*,\s*", text[previous.end:candidate.start])):
            # "16:15 UTC, June 1st": two expressions, the time on that day
            previous.groups.update({k: v for k, v in candidate.groups.items() if k not in previous.groups})
            previous.groups["_day_rule"] = candidate.rule
        if previous is not None and _JOIN.match(text[previous.end:candidate.start]):
            pair = (previous, candidate)
            time = next((c for c in pair if c.kind == "time"), None)
            day = next((c for c in pair if c.rule in _DAY_RULES), None)
            if time is not None and day is not None and time is not day:
                merged = Candidate(previous.start, candidate.end, text[previous.start:candidate.end],
                                   f"{day.rule}+time", "time", "TIME", {**day.groups, **time.groups},
                                   signal=previous.signal, order=min(time.order, day.order))
                merged.groups["_day_rule"] = day.rule
                out[-1] = merged
                continue
        out.append(candidate)
    return out
