"""Places: an offline gazetteer, toponym detection and resolution, metonymy, event location.

- :func:`load_gazetteer` — the shipped gazetteer (countries, subdivisions, cities, regions, facilities)
- :func:`find_places` — geocoded Place records for a parsed Doc (what ``tidings_places`` stores)
- :func:`place_for_span` — the Place a span of the Doc denotes
- :func:`locate_event` — where an event happened, with the reason (what ``tidings_event_location`` stores)
- :func:`geocode` — resolve place names given as plain strings, each in the others' context
"""

from __future__ import annotations

from .find import find_places, place_for_span
from .gazetteer import Entry, Gazetteer, distance_km, load_gazetteer
from .geocode import geocode
from .locate import locate_event, locate_events

__all__ = ["Entry", "Gazetteer", "distance_km", "find_places", "geocode", "load_gazetteer", "locate_event",
           "locate_events", "place_for_span"]
