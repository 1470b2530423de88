"""TimeML-style values: their granularity, the days they cover, and calendar arithmetic.

A value is an ISO prefix (``2021``, ``2021-07``, ``2021-07-26``, ``2021-07-26T08:30``), a week
(``2021-W46``, ``2021-W46-WE``), a season (``2021-SU``), a quarter or half (``2021-Q3``, ``2021-H1``),
a decade (``202``) or century (``20``), a fiscal year or quarter (``FY2021``, ``FY2021-Q3``), or
``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``.

Fiscal years start in different months for different bodies; where days are needed (``bounds``) a
fiscal year is taken as the calendar year it is named after, and its quarters as that year's quarters.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta

REFERENCES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})

#: granularity names used in records (the annotation contract's list); weeks and halves have no
#: name of their own there and are reported as "unknown" (the value itself says what they are)
_GRANULARITY_PATTERNS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}(T.*)?$"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^(?:FY)?\d{4}$"), "year"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(?:FY)?\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into next year


def granularity_of(value: str | None) -> str:
    """The granularity name of a value (``unknown`` for weeks, references, durations, None)."""
    if not value:
        return "unknown"
    for pattern, name in _GRANULARITY_PATTERNS:
        if pattern.match(value):
            return name
    return "unknown"


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a calendar value covers, or None (references, durations, unknown)."""
    if not value or value in REFERENCES:
        return None
    value = calendar_value(value)
    try:
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(\d{2})$", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])
        if m := re.match(r"^(\d{4})-Q([1-4])$", value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), date(year, first + 2, _calendar.monthrange(year, first + 2)[1])
        if m := re.match(r"^(\d{4})-H([12])$", value):
            year = int(m[1])
            return (date(year, 1, 1), date(year, 6, 30)) if m[2] == "1" else (date(year, 7, 1), date(year, 12, 31))
        if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
            year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
            end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
            return date(year, first, 1), date(end_year, end_month, _calendar.monthrange(end_year, end_month)[1])
        if re.match(r"^\d{4}$", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.match(r"^\d{3}$", value):
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
        if re.match(r"^\d{2}$", value):
            first = max(1, int(value) * 100)
            return date(first, 1, 1), date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def calendar_value(value: str) -> str:
    """A fiscal value as the calendar value it is named after (``FY2021-Q3`` → ``2021-Q3``)."""
    return value[2:] if value.startswith("FY") else value


def last_day(value: str | None) -> str | None:
    """The last day a value covers, as YYYY-MM-DD (``2021`` → ``2021-12-31``)."""
    span = bounds(value)
    return span[1].isoformat() if span else None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _calendar.monthrange(year, month + 1)[1]))


def shift(anchor: date, amount: float, unit: str) -> tuple[str, str] | None:
    """The value ``amount`` units away from ``anchor`` (negative: earlier), at that unit's granularity.

    Units are TimeML letters: D, W, WE, M, Q, Y, DE, CE (hours and smaller stay on the anchor day).
    """
    if amount != int(amount):
        return None
    n = int(amount)
    if unit in {"H", "MIN", "S"}:
        return anchor.isoformat(), "day"
    if unit == "D":
        return (anchor + timedelta(days=n)).isoformat(), "day"
    if unit in {"W", "2W"}:
        days = 7 * n * (2 if unit == "2W" else 1)
        return (anchor + timedelta(days=days)).isoformat(), "day"
    if unit == "WE":
        return week_value(anchor + timedelta(weeks=n), weekend=True), "unknown"
    if unit == "M":
        moved = add_months(anchor, n)
        return month_value(moved.year, moved.month), "month"
    if unit == "Q":
        moved = add_months(anchor, 3 * n)
        return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}", "quarter"
    if unit == "Y":
        return f"{anchor.year + n:04d}", "year"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}", "decade"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}", "century"
    return None


def relative_period(anchor: date, offset: int, unit: str) -> tuple[str, str] | None:
    """The calendar period ``offset`` periods from the one holding ``anchor`` ("last week", "this year")."""
    if unit == "D":
        return (anchor + timedelta(days=offset)).isoformat(), "day"
    if unit == "W":
        return week_value(anchor + timedelta(weeks=offset)), "unknown"
    if unit == "WE":
        return week_value(anchor + timedelta(weeks=offset), weekend=True), "unknown"
    return shift(anchor, offset, unit)


def shift_years(value: str, years: int) -> str | None:
    """The same calendar value ``years`` later (``2010-02`` → ``2009-02`` for -1), or None."""
    match = re.match(r"^(FY)?(\d{4})(-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}))?$", value)
    if not match:
        return None
    moved = f"{match[1] or ''}{int(match[2]) + years:04d}{match[3] or ''}"
    return moved if bounds(moved) is not None else None


def parse_day(value: str | None) -> date | None:
    """The date of a day-granular value (``2021-11-20``, ``2021-11-20T10:00``), else None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_iso(published: str | None) -> date | None:
    """A publication date given as ``YYYY-MM-DD`` (or a longer ISO timestamp), else None."""
    return parse_day(published) if published else None
