"""Give a matched time expression its TimeML value, granularity, type and relation.

Values are anchored to the publication date (``anchor``). Expressions that need an anchor get
``value=None`` and relation ``"unresolved"`` when there is none — never today's date. Where the year
or week is left open ("July", "on Friday"), ``direction`` (the tense of the governing verb:
``"past"``, ``"future"`` or None) picks the occurrence: the last one not after the anchor for the
past, the next one not before it for the future, otherwise the closest (weekdays: the last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal
from .detect import Candidate, find_candidates
from .vocabulary import vocabulary

UNRESOLVED = "unresolved"
#: words (besides the vocabulary's relative words) giving a direction: "the year before"
_DIRECTION_WORDS = {"before": -1, "prior": -1, "earlier": -1, "previous": -1, "after": 1, "later": 1,
                    "following": 1, "next": 1, "same": 0, "entire": 0, "whole": 0, "full": 0}
_LONG_WORDS = {"annual": "P1Y", "yearly": "P1Y", "year-long": "P1Y", "yearlong": "P1Y", "month-long": "P1M",
               "week-long": "P1W", "day-long": "P1D"}
_ZULU = re.compile(r"^(UTC|GMT)(\s*\+\s*0)?$", re.IGNORECASE)
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


@dataclass(frozen=True)
class Normalised:
    value: str | None
    granularity: str
    type: str
    relation: str | None = None


def normalise(text: str, anchor: date | str | None, direction: str | None = None) -> tuple[str | None, str, str, str | None]:
    """Normalise one time expression given as text: ``(value, granularity, type, relation)``.

    ``normalise("by the end of this year", date(2021, 11, 20))`` → ``("2021-12-31", "day", "DATE", "deadline")``.
    Text without a time expression gives ``(None, "unknown", "DATE", None)``.
    """
    if isinstance(anchor, str):
        anchor = cal.parse_iso(anchor)
    candidates = find_candidates(text)
    if not candidates:
        return None, "unknown", "DATE", None
    best = max(candidates, key=lambda c: (c.end - c.start, -c.start))
    result = interpret(best, anchor, direction)
    return result.value, result.granularity, result.type, result.relation


def interpret(candidate: Candidate, anchor: date | None, direction: str | None = None,
              seen: tuple[str, ...] = ()) -> Normalised:
    """The normalised value of a candidate.

    ``seen`` holds the values of the calendar dates the text spoke of before it, latest last (TimeML's
    reference time): "the next day", "three days later", "the year before" count from them.
    """
    handler = _HANDLERS[candidate.kind]
    value, granularity, type_ = handler(candidate, anchor, direction, seen)
    relation = candidate.relation
    if candidate.kind == "relative_to_event":  # "two days after the attack": the relation is to the event
        relation = "before" if candidate.groups.get("dir", "").lower() == "before" else "after"
    if value is None and _needs_anchor(candidate):
        relation = UNRESOLVED if candidate.kind != "relative_to_event" else relation
    if value is not None and relation == "deadline" and candidate.boundary == "end":
        # "by the end of this year": the deadline is the last day of the period
        value, granularity = cal.last_day(value) or value, "day"
    if granularity == "unknown" and value is not None and type_ in {"DATE", "TIME"}:
        granularity = cal.granularity_of(value)
    return Normalised(value, granularity, type_, relation)


def _fiscal(groups: dict[str, str]) -> bool:
    """Whether the expression names a fiscal (financial) year: TimeML writes it ``FY2009``."""
    return any(name.startswith("fy") for name in groups)


def _needs_anchor(candidate: Candidate) -> bool:
    return candidate.kind not in {"duration", "set", "reference", "decade", "century", "fiscal_range"}


# -- helpers ---------------------------------------------------------------------------------------

def _last_day(seen: tuple[str, ...]) -> date | None:
    """The last day-granular date the text spoke of."""
    for value in reversed(seen):
        day = cal.parse_day(value)
        if day is not None:
            return day
    return None


def number_of(word: str | None) -> float | str | None:
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    value = vocabulary().lookup("number", word)
    if value is None:
        return None
    return "X" if value == "X" else float(value)


def unit_of(word: str | None) -> str | None:
    return vocabulary().lookup("unit", word)


def _month(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    value = vocabulary().lookup("month", word) or vocabulary().lookup("month", word.rstrip(".") + ".")
    return int(value) if value else None


def _weekday(word: str | None) -> int | None:
    value = vocabulary().lookup("weekday", word)
    return int(value) if value else None


def _season(word: str | None) -> str | None:
    return vocabulary().lookup("season", word)


def _pick(options: list[tuple[str, tuple[date, date]]], anchor: date, direction: str | None) -> str:
    """Choose among candidate periods (value, (first, last)) by the direction of the verb."""
    if direction == "past":
        past = [o for o in options if o[1][0] <= anchor]
        if past:
            return max(past, key=lambda o: o[1][0])[0]
    if direction == "future":
        future = [o for o in options if o[1][1] >= anchor]
        if future:
            return min(future, key=lambda o: o[1][1])[0]

    def distance(option: tuple[str, tuple[date, date]]) -> tuple[int, int]:
        first, last = option[1]
        gap = 0 if first <= anchor <= last else min(abs((first - anchor).days), abs((anchor - last).days))
        return gap, 0 if last <= anchor else 1  # ties go to the past

    return min(options, key=distance)[0]


def _periods(make, anchor: date) -> list[tuple[str, tuple[date, date]]]:
    out = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = make(year)
        span = cal.bounds(value) if value else None
        if span:
            out.append((value, span))
    return out


def _weekday_date(weekday: int, anchor: date, direction: str | None, strict: bool = False) -> date:
    """The date of a weekday near the anchor: the last one (past/neutral) or the next one (future)."""
    if direction == "future":
        ahead = (weekday - anchor.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return anchor + timedelta(days=ahead)
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _with_part(day_value: str | None, part: str | None) -> tuple[str | None, str]:
    if day_value is None or not part:
        return day_value, "DATE"
    code = vocabulary().lookup("part_of_day", part)
    return (f"{day_value}T{code}", "TIME") if code else (day_value, "DATE")


def _duration_value(amount: float | str | None, unit: str) -> str:
    if amount is None:
        amount = 1.0
    if unit == "2W" and amount != "X":
        amount, unit = float(amount) * 2, "W"
    if unit in {"DE", "CE"}:  # "a decade" is written P10Y in TimeML corpora
        amount = amount if amount == "X" else float(amount) * (10 if unit == "DE" else 100)
        unit = "Y"
    text = "X" if amount == "X" else (str(int(amount)) if float(amount).is_integer() else str(amount))
    if unit in {"H", "MIN", "S"}:
        return f"PT{text}{'M' if unit == 'MIN' else unit}"
    return f"P{text}{'W' if unit == '2W' else unit}"


# -- handlers: (candidate, anchor, direction, reference) -> (value, granularity, type) -------------

def _calendar(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    year = int(g["year"]) if "year" in g else None
    if year is None and "rel" in g:  # "October of next year"
        if anchor is None:
            return None, "unknown", "DATE"
        word = re.sub(r"^the\s+", "", g["rel"].lower())
        year = anchor.year + int(vocabulary().lookup("relative", word) or _DIRECTION_WORDS.get(word, 0))
    month = _month(g.get("month"))
    day = int(g["day"]) if "day" in g else None
    season = _season(g.get("season"))
    if "holiday" in g:
        month, day = vocabulary().holidays[re.sub(r"\s+", " ", g["holiday"].lower())]
    if month and day:
        if year is None:
            if anchor is None:
                return None, "unknown", "DATE"
            value = _pick(_periods(lambda y: _safe_day(y, month, day), anchor), anchor, direction)
        else:
            value = _safe_day(year, month, day)
        value, type_ = _with_part(value, g.get("part"))
        return value, "day", type_
    if month:
        if year is not None:
            return cal.month_value(year, month), "month", "DATE"
        if anchor is None:
            return None, "unknown", "DATE"
        return _pick(_periods(lambda y: cal.month_value(y, month), anchor), anchor, direction), "month", "DATE"
    if season:
        if year is not None:
            return f"{year:04d}-{season}", "season", "DATE"
        if anchor is None:
            return None, "unknown", "DATE"
        return _pick(_periods(lambda y: f"{y:04d}-{season}", anchor), anchor, direction), "season", "DATE"
    if "weekday" in g:
        if anchor is None:
            return None, "unknown", "DATE"
        value, type_ = _with_part(_weekday_date(_weekday(g["weekday"]), anchor, direction).isoformat(), g.get("part"))
        return value, "day", type_
    if year is not None:
        return f"{'FY' if _fiscal(g) else ''}{year:04d}", "year", "DATE"
    return None, "unknown", "DATE"


def _safe_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    import dateparser  # only loaded when a numeric date is met

    parsed = dateparser.parse(c.text, languages=["en"], settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    if parsed is None:
        return None, "unknown", "DATE"
    return parsed.date().isoformat(), "day", "DATE"


def _short_year(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    yy = int(c.groups["yy"])
    limit = anchor.year if anchor else 2030
    year = 2000 + yy if 2000 + yy <= limit + (1 if _fiscal(c.groups) else 0) else 1900 + yy
    return f"{'FY' if _fiscal(c.groups) else ''}{year:04d}", "year", "DATE"


def _fiscal_range(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    """"the 1998-99 fiscal year": a fiscal year spanning two calendar years, named after the second."""
    g = c.groups
    first = int(g.get("year") or g["year2"])
    last = first - first % 100 + int(g.get("yy") or g["yy2"])
    if last < first:  # "1999-00"
        last += 100
    return f"FY{last:04d}", "year", "DATE"


def _decade(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    digit = int(c.groups["decade"])
    if "century" in c.groups:
        return f"{c.groups['century']}{digit}", "decade", "DATE"
    limit = anchor.year if anchor else 2030
    century = 20 if 2000 + 10 * digit <= limit else 19
    return f"{century}{digit}", "decade", "DATE"


def _century(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    word = c.groups["ord"].lower()
    if word[0].isdigit():
        number = int(re.match(r"\d+", word).group(0))
    elif word == "twenty-first":
        number = 21
    else:
        number = _ORDINAL_WORDS.index(word) + 1
    return f"{number - 1:02d}", "century", "DATE"


def _deictic(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    if anchor is None:
        return None, "unknown", "DATE"
    offset = int(vocabulary().lookup("deictic", c.groups["deictic"]) or 0)
    value = (anchor + timedelta(days=offset)).isoformat()
    part = c.groups.get("part") or ("night" if c.groups["deictic"].lower() == "tonight" else None)
    value, type_ = _with_part(value, part)
    return value, "day", type_


def _part_of_day(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    part = c.groups["part"].lower()
    rel = (c.groups.get("rel") or "").lower()
    base = anchor if rel else (_last_day(seen) or anchor)
    if base is None:
        return None, "unknown", "TIME"
    if rel == "last":  # "last night" is the night before the anchor
        base = base - timedelta(days=1)
    value, type_ = _with_part(base.isoformat(), part)
    return value, "day", type_


def _relative(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    if anchor is None:
        return None, "unknown", "DATE"
    rel = (g.get("rel") or "this").lower()
    offset = vocabulary().lookup("relative", rel)
    offset = int(offset) if offset is not None else _DIRECTION_WORDS.get(rel, 0)
    if "weekday" in g:
        weekday = _weekday(g["weekday"])
        if offset < 0:
            return _weekday_date(weekday, anchor, "past", strict=True).isoformat(), "day", "DATE"
        if offset > 0:
            return _weekday_date(weekday, anchor, "future", strict=True).isoformat(), "day", "DATE"
        return _weekday_date(weekday, anchor, direction).isoformat(), "day", "DATE"
    if "month" in g or "season" in g:
        month, season = _month(g.get("month")), _season(g.get("season"))
        make = (lambda y: cal.month_value(y, month)) if month else (lambda y: f"{y:04d}-{season}")
        options = _periods(make, anchor)
        current = next((o for o in options if o[1][0] <= anchor <= o[1][1]), None)
        if offset < 0:
            earlier = [o for o in options if o[1][1] < anchor and o is not current]
            return (max(earlier, key=lambda o: o[1][0])[0] if earlier else None), "unknown", "DATE"
        if offset > 0:
            later = [o for o in options if o[1][0] > anchor]
            return (min(later, key=lambda o: o[1][0])[0] if later else None), "unknown", "DATE"
        return make(anchor.year), "unknown", "DATE"
    unit = unit_of(g.get("unit"))
    if unit is None:
        return None, "unknown", "DATE"
    if _fiscal(g):  # "this fiscal year", "the financial year": the fiscal year named after the anchor's year
        return f"FY{anchor.year + offset:04d}", "year", "DATE"
    if unit == "WE" and offset == 0 and direction is not None:
        # "the weekend" / "this weekend": the one just past for a past verb, the next for a future one
        first, last = cal.bounds(cal.week_value(anchor, weekend=True))
        if direction == "past" and first > anchor:
            offset = -1
        elif direction == "future" and last < anchor:
            offset = 1
    result = cal.relative_period(anchor, offset, unit)
    return (result[0], result[1], "DATE") if result else (None, "unknown", "DATE")


def _ago(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    amount, unit = number_of(c.groups.get("num")), unit_of(c.groups.get("unit"))
    if amount == "X" or unit is None:  # "a few years ago" / "some weeks from now"
        return ("FUTURE_REF" if "fromnow" in c.groups else "PAST_REF"), "unknown", "DATE"
    if anchor is None:
        return None, "unknown", "DATE"
    sign = 1 if "fromnow" in c.groups else -1  # "two weeks from now" / "two weeks ago"
    result = cal.shift(anchor, sign * float(amount), unit)
    return (result[0], result[1], "DATE") if result else (None, "unknown", "DATE")


def _relative_to_event(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    # resolved once the event it points to is dated (tidings.timex.event_dates)
    return None, "unknown", "DATE"


_UNIT_RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}
_GRANULARITY_RANK = {"day": 0, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5, "century": 6}


def _relative_to_reference(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    if "num" in g and number_of(g["num"]) == "X":  # "a few years earlier", "several days later"
        return ("PAST_REF" if _DIRECTION_WORDS.get(g["dir"].lower(), 0) < 0 else "FUTURE_REF"), "unknown", "DATE"
    reference = seen[-1] if seen else None
    span = cal.bounds(reference)
    if span is None:
        return None, "unknown", "DATE"
    word = g["dir"].lower()
    sign = _DIRECTION_WORDS.get(word, 0)
    unit_word = g["unit"].lower()
    unit = "D" if unit_word in {"morning", "evening"} else unit_of(unit_word)
    amount = number_of(g.get("num")) if "num" in g else 1.0
    if unit is None or amount == "X" or amount is None:
        return None, "unknown", "DATE"
    # a reference of a year cannot tell which day "the next day" is
    if _UNIT_RANK.get(unit, 0) < _GRANULARITY_RANK.get(cal.granularity_of(reference), 0):
        return None, "unknown", "DATE"
    base = span[0]
    if "than" in g and cal.parse_day(reference):
        # "arrives on November 11, three days later than planned": the date just given, said to be late
        return reference.split("T")[0], "day", "DATE"
    if unit == "Y" and amount == 1.0 and "num" in g and "T" not in reference:
        # "a year earlier" after "the third quarter": the same part of the year before (1996-Q3)
        moved = cal.shift_years(reference, sign)
        if moved is not None:
            return moved, cal.granularity_of(moved), "DATE"
    if unit_word in {"morning", "evening"}:
        value, type_ = _with_part((base + timedelta(days=sign)).isoformat(), unit_word)
        return value, "day", type_
    result = cal.shift(base, sign * float(amount), unit) if "num" in g else cal.relative_period(base, sign, unit)
    return (result[0], result[1], "DATE") if result else (None, "unknown", "DATE")


def _same_day(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    base = _last_day(seen) or anchor
    return (base.isoformat(), "day", "DATE") if base else (None, "unknown", "DATE")


def _same_period(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    """"the same period last year", "the year-earlier quarter": the period last spoken of, a year earlier.

    "the year-earlier first quarter" names its part of the year: that part of the year before the
    reference year (the last date spoken of, else the anchor's year).
    """
    g = c.groups
    if "ord" in g:
        base = seen[-1] if seen else (anchor.isoformat() if anchor else None)
        year = re.match(r"^(?:FY)?(\d{4})", base or "")
        if year is None:
            return None, "unknown", "DATE"
        letter = "H" if g.get("unit", "").lower() == "half" else "Q"
        position = int(vocabulary().lookup("ordinal", g["ord"]) or 0)
        number = position if position > 0 else (4 if letter == "Q" else 2)
        value = f"{int(year[1]) - 1:04d}-{letter}{number}"
        return value, cal.granularity_of(value), "DATE"
    if not seen:
        return None, "unknown", "DATE"
    reference = _period_of(seen[-1], (g.get("unit") or "").lower())
    year = re.match(r"^(?:FY)?(\d{4})", reference or "")
    if reference and year and "year" in g:  # "the same period of 1997": that year's
        moved = cal.shift_years(reference, int(g["year"]) - int(year[1]))
    else:
        moved = cal.shift_years(reference, -1) if reference else None
    return (moved, cal.granularity_of(moved), "DATE") if moved else (None, "unknown", "DATE")


def _period_of(value: str, unit: str) -> str | None:
    """The ``unit`` ("quarter", "month", "week") holding a day value; other values as they are."""
    day = cal.parse_day(value)
    if day is None or unit not in {"quarter", "month", "week"}:
        return value
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "month":
        return cal.month_value(day.year, day.month)
    return cal.week_value(day)


def _anaphoric(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    """"that day", "that time", "that year": the time last spoken of, at the unit's size ("that
    day" with no day before it: the day of the story, as "the day" is)."""
    if not seen:
        if c.groups["unit"].lower() == "day" and anchor is not None:
            return anchor.isoformat(), "day", "DATE"
        return None, "unknown", "DATE"
    reference, unit = seen[-1], c.groups["unit"].lower()
    if unit in {"time", "date"}:
        value = reference
    elif unit == "day":
        day = cal.parse_day(reference)
        value = day.isoformat() if day else None
    elif unit == "year":
        year = re.match(r"^(?:FY)?\d{4}", reference)
        value = year.group(0) if year else None
    else:
        value = _period_of(reference, unit)
        value = value if value != reference or cal.granularity_of(value) == unit else None
    if value is None:
        return None, "unknown", "DATE"
    type_ = "TIME" if "T" in value else "DATE"
    return value, cal.granularity_of(value), type_


def _quarter(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    if "qn" in g:
        letter, number = g["qn"][0].upper(), int(g["qn"][1])
    else:
        letter = "H" if g.get("unit", "").lower() == "half" else "Q"
        position = int(vocabulary().lookup("ordinal", g["ord"]) or 0)
        number = position if position > 0 else (4 if letter == "Q" else 2)
    prefix = "FY" if _fiscal(g) else ""
    value, granularity, type_ = _quarter_value(g, letter, number, anchor, direction, c.text)
    return (f"{prefix}{value}" if value else None), granularity, type_


def _quarter_value(g: dict[str, str], letter: str, number: int, anchor: date | None, direction: str | None,
                   text: str):
    year_text = g.get("year") or g.get("year2")
    if year_text:
        year = int(year_text)
    elif anchor is None:
        return None, "unknown", "DATE"
    elif "rel" in g:
        year = anchor.year + int(vocabulary().lookup("relative", g["rel"]) or 0)
    elif text.lower().rstrip().endswith("year"):
        year = anchor.year
    else:
        options = _periods(lambda y: f"{y:04d}-{letter}{number}", anchor)
        value = _pick(options, anchor, direction)
        return value, "quarter" if letter == "Q" else "unknown", "DATE"
    return f"{year:04d}-{letter}{number}", "quarter" if letter == "Q" else "unknown", "DATE"


def _time(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    day_rule = g.get("_day_rule")
    if day_rule:
        day_candidate = Candidate(c.start, c.end, c.text, day_rule, "deictic" if day_rule == "deictic" else "calendar",
                                  "DATE", {k: v for k, v in g.items() if k != "part"})
        day_value = _HANDLERS[day_candidate.kind](day_candidate, anchor, direction, seen)[0]
    else:
        base = _last_day(seen) or anchor
        day_value = base.isoformat() if base else None
    if day_value is None:
        return None, "unknown", "TIME"
    if "named" in g:
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["named"].lower()]
    else:
        hour = int(g["hour"])
        ampm = (g.get("ampm") or g.get("ampm2") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{int(g.get('minute') or g.get('minute2') or 0):02d}"
    zone_text = (g.get("zone") or g.get("zone2") or "").strip()
    zone = "Z" if zone_text and _ZULU.match(zone_text) else ""
    return f"{day_value}T{clock}{zone}", "day", "TIME"


def _duration(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    word = g.get("unit", "").lower()
    if word in _LONG_WORDS:
        return _LONG_WORDS[word], "unknown", "DURATION"
    if word.endswith("-long"):
        word = word[:-5]
    unit = unit_of(word)
    if unit is None:
        return None, "unknown", "DURATION"
    if "num" in g:
        amount = number_of(g["num"])
    else:
        amount = "X" if word.endswith("s") else 1.0  # "for years" is vague, "the past year" is one
    return _duration_value(amount, unit), "unknown", "DURATION"


def _set(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    g = c.groups
    if "set" in g:
        return vocabulary().lookup("set", g["set"]), "unknown", "SET"
    weekday = g.get("weekday") or g.get("weekday2")
    if weekday:  # "every Monday", "on Mondays", "Monday afternoons"
        part = vocabulary().lookup("part_of_day", re.sub(r"s$", "", g["part"])) if g.get("part") else None
        return f"XXXX-WXX-{_weekday(weekday)}" + (f"T{part}" if part else ""), "unknown", "SET"
    if "season" in g:  # "every summer"
        return f"XXXX-{_season(g['season'])}", "unknown", "SET"
    if "month" in g:  # "each September"
        return f"XXXX-{_month(g['month']):02d}", "unknown", "SET"
    unit = unit_of(g.get("unit"))
    if unit is None:
        return None, "unknown", "SET"
    amount = number_of(g.get("num")) if "num" in g else 1.0
    return _duration_value(amount, unit), "unknown", "SET"


def _reference(c: Candidate, anchor: date | None, direction: str | None, seen: tuple[str, ...]):
    value, type_ = vocabulary().references[re.sub(r"\s+", " ", c.groups["ref"].lower())]
    return value, "unknown", type_


_HANDLERS = {
    "calendar": _calendar, "numeric": _numeric, "short_year": _short_year, "decade": _decade,
    "century": _century, "deictic": _deictic, "part_of_day": _part_of_day, "relative": _relative, "ago": _ago,
    "relative_to_event": _relative_to_event, "relative_to_reference": _relative_to_reference,
    "same_day": _same_day, "same_period": _same_period, "quarter": _quarter, "time": _time, "duration": _duration,
    "set": _set, "reference": _reference, "anaphoric": _anaphoric, "fiscal_range": _fiscal_range,
}
