"""PLOVER events: type, mode, context, actor, recipient, modality, derived CAMEO codes.

The coding logic lives in :mod:`tidings.events`; the trigger lexicon and frames are data files
under ``tidings/data/events/`` (a user may pass their own with the ``*_file`` settings).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..events import code_doc, event_lexicon
from ..events.lexicon import CAMEO_FILE, CUES_FILE, TRIGGERS_FILE, TYPES_FILE
from ..extensions import register_extensions


class EventCoder:
    """Fills ``doc._.events`` with Event records (ids e1, e2 ... in trigger order)."""

    def __init__(self, nlp: Language, name: str, triggers_file: str = TRIGGERS_FILE, types_file: str = TYPES_FILE,
                 cues_file: str = CUES_FILE, cameo_file: str = CAMEO_FILE):
        self.name = name
        register_extensions()
        self.lexicon = event_lexicon(triggers_file, types_file, cues_file, cameo_file)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_doc(doc, self.lexicon) if len(doc) else []
        return doc


@Language.factory(
    "tidings_events",
    assigns=["doc._.events"],
    default_config={"triggers_file": TRIGGERS_FILE, "types_file": TYPES_FILE, "cues_file": CUES_FILE,
                    "cameo_file": CAMEO_FILE},
)
def make_events(nlp: Language, name: str, triggers_file: str, types_file: str, cues_file: str,
                cameo_file: str) -> EventCoder:
    return EventCoder(nlp, name, triggers_file, types_file, cues_file, cameo_file)
