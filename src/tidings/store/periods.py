"""The days a date value covers, so coarse dates ("2021-07", "2017", "PAST_REF") can be filtered.

A date value is an ISO prefix or a TimeML value (see the annotation contract). Each becomes a closed
period of days ``(first, last)``. A filter keeps an event only when its whole period lies inside the
requested range: ``--since 2021-07`` keeps "2021-07-04" and "2021-07" but not "2021" (that year may
have happened before July). Open-ended references are anchored on the article's publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..errors import UsageError

#: stand-ins for "no bound" (PAST_REF has no first day, FUTURE_REF no last day)
EARLIEST = date(1, 1, 1)
LATEST = date(9999, 12, 31)

Period = tuple[date, date]

# TimeML seasons as meteorological seasons; a year's winter runs from its December into February.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def period(value: str | None, anchor: date | None = None) -> Period | None:
    """The first and last day ``value`` covers; None when it names no knowable period.

    ``anchor`` (the publication date) places PAST_REF before it, PRESENT_REF on it and FUTURE_REF
    after it.
    """
    if not value:
        return None
    value = value.strip().upper()
    try:
        return _period(value, anchor)
    except ValueError:  # a well-shaped but impossible date such as 2021-02-30
        return None


def _period(value: str, anchor: date | None) -> Period | None:
    if value in {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}:
        if anchor is None:
            return None
        if value == "PAST_REF":
            return EARLIEST, anchor - timedelta(days=1)
        if value == "PRESENT_REF":
            return anchor, anchor
        return anchor + timedelta(days=1), LATEST
    if match := _DAY.match(value):
        day = date(*map(int, match.groups()))
        return day, day
    if match := _MONTH.match(value):
        return _months(int(match[1]), int(match[2]), int(match[2]))
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return monday, monday + timedelta(days=6)
    if match := _QUARTER.match(value):
        last = int(match[2]) * 3
        return _months(int(match[1]), last - 2, last)
    if match := _HALF.match(value):
        last = int(match[2]) * 6
        return _months(int(match[1]), last - 5, last)
    if match := _SEASON.match(value):
        return _months(int(match[1]), *_SEASONS[match[2]])
    if match := _YEAR.match(value):
        return _years(int(match[1]), int(match[1]))
    if match := _DECADE.match(value):
        return _years(int(match[1]) * 10, int(match[1]) * 10 + 9)
    if match := _CENTURY.match(value):
        return _years(int(match[1]) * 100, int(match[1]) * 100 + 99)
    return None


def _months(year: int, first: int, last: int) -> Period:
    """Months ``first``..``last`` of ``year``; months past 12 run into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _years(first: int, last: int) -> Period:
    return date(max(first, 1), 1, 1), date(last, 12, 31)


_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_bound(value: str | date | None, option: str = "since") -> Period | None:
    """A ``since``/``until`` argument (YYYY, YYYY-MM or YYYY-MM-DD) as the period it names."""
    if value is None:
        return None
    if isinstance(value, date):
        return value, value
    found = period(value) if _BOUND.match(value.strip()) else None
    if found is None:
        raise UsageError(f"--{option} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return found


def date_range(since: str | date | None, until: str | date | None) -> tuple[date | None, date | None]:
    """The first and last day a ``since``/``until`` pair admits (None: unbounded)."""
    since_period = parse_bound(since, "since")
    until_period = parse_bound(until, "until")
    first = since_period[0] if since_period else None
    last = until_period[1] if until_period else None
    if first and last and first > last:
        raise UsageError(f"--since {since} is after --until {until}")
    return first, last


def parse_day(value: str | None) -> date | None:
    """An ISO day (a longer timestamp is cut to its day); None when ``value`` is not one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
