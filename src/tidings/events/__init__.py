"""The PLOVER event coder: trigger frames, arguments, modality and derived CAMEO codes.

``code_doc(doc, lexicon)`` codes a processed Doc; ``event_lexicon()`` loads the data files.
"""

from .build import code_doc
from .codes import derive_codes, quad_class
from .lexicon import event_lexicon

__all__ = ["code_doc", "derive_codes", "event_lexicon", "quad_class"]
