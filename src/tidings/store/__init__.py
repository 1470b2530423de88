"""The DuckDB store: ``Store(path).add(annotation)``, then ``.events(...)``, ``.quotes(...)``, ``.counts()``."""

from .database import Store, event_type
from .periods import period

__all__ = ["Store", "event_type", "period"]
