"""The days a date value covers, so coarse dates ("2021-07", "2017", "PAST_REF") can be filtered.

A date value is an ISO prefix or a TimeML value (see the annotation contract). Each becomes a closed
period of days ``(first, last)``. A filter keeps an event only when its whole period lies inside the
requested range: ``--since 2021-07`` keeps "2021-07-04" and "2021-07" but not "2021" (that year may
have happened before July). Open-ended references are anchored on the article's publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..errors import UsageError
from ..timex.calendar import REFERENCES, bounds

#: stand-ins for "no bound" (PAST_REF has no first day, FUTURE_REF no last day)
EARLIEST = date(1, 1, 1)
LATEST = date(9999, 12, 31)

Period = tuple[date, date]

#: forms the timex calendar (``tidings.timex.calendar.bounds``) does not produce but other annotators do:
#: the autumn season "AU" (TimeML's "FA"), a decade or century written with X ("202X", "19XX")
_AUTUMN = re.compile(r"^(\d{4})-AU$")
_DECADE_X = re.compile(r"^(\d{3})X$")
_CENTURY_X = re.compile(r"^(\d{2})XX$")


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
    if value in REFERENCES:
        if anchor is None:
            return None
        if value == "PAST_REF":
            return EARLIEST, anchor - timedelta(days=1)
        if value == "PRESENT_REF":
            return anchor, anchor
        return anchor + timedelta(days=1), LATEST
    # days, weeks and weekends, months, quarters, halves, seasons, years, decades, centuries, fiscal values
    if (days := bounds(value)) is not None:
        return days
    if match := _AUTUMN.match(value):
        return bounds(f"{match[1]}-FA")
    if match := _DECADE_X.match(value):
        return bounds(match[1])
    if match := _CENTURY_X.match(value):
        return bounds(match[1])
    return None


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
