"""Time expressions and event dates.

``normalise(text, anchor)`` gives one expression its TimeML value; ``tag(doc, published)`` finds and
normalises every expression in a parsed Doc; ``date_events(doc)`` gives each event its own date.
"""

from __future__ import annotations

from .calendar import bounds, granularity_of, last_day
from .normalise import Normalised, interpret, normalise

__all__ = ["Normalised", "bounds", "granularity_of", "interpret", "last_day", "normalise"]
