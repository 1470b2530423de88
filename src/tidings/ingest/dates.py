"""Publication dates from inputs (JSONL fields, HTML metadata) as ``YYYY-MM-DD``, or None.

A date is taken as written, in its own time zone (``2021-11-20T23:30:00-05:00`` is the 20th).
Numeric dates whose day and month cannot be told apart (``03/04/2021``), relative dates
("yesterday") and dates without a year are refused rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NUMERIC_DMY_OR_MDY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tomorrow|now|last|next|this)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def parse_published(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date given as text, a date/datetime, or Unix seconds/milliseconds; else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    for parse in (_parse_numeric, _parse_words):
        try:
            parsed = parse(text)
        except _Refused:
            return None
        except (ValueError, OverflowError):
            parsed = None
        if parsed is not None:
            return parsed.isoformat()
    return None


class _Refused(ValueError):
    """A date that must not be guessed (day and month ambiguous)."""


def _parse_numeric(text: str) -> date | None:
    if match := _ISO_DATE.fullmatch(text):
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            raise _Refused("not a calendar date") from None
    if _ISO_DATETIME.match(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    if match := _YMD.fullmatch(text):
        return date(*map(int, match.groups()))
    if match := _COMPACT.fullmatch(text):
        return date(*map(int, match.groups()))
    if match := _NUMERIC_DMY_OR_MDY.fullmatch(text):
        first, second, year = map(int, match.groups())
        if first > 12:
            return date(year, second, first)
        if second > 12 or first == second:
            return date(year, first, second)
        raise _Refused("day and month cannot be told apart")
    if text.isdigit():
        return None if len(text) < 9 else _timestamp_date(int(text))
    return None


def _parse_words(text: str) -> date | None:
    """Dates in words ("20 November 2021", "Sat, 20 Nov 2021 08:30:00 GMT") through dateparser."""
    years = _YEAR.findall(text)
    if not years or _RELATIVE.search(text) or len(text) > 80:
        return None
    import dateparser

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings) or dateparser.parse(text, settings=settings)
    if parsed is None or str(parsed.year) not in years:
        return None
    return parsed.date()


def _from_timestamp(value: float) -> str | None:
    moment = _timestamp_date(value)
    return moment.isoformat() if moment is not None else None


def _timestamp_date(value: float) -> date | None:
    """Unix time in seconds or milliseconds (from 1973 on, so small numbers are not taken for dates)."""
    if 1e11 <= value < 1e14:
        value /= 1000
    if not 1e8 <= value < 1e11:
        return None
    return datetime.fromtimestamp(value, tz=timezone.utc).date()
