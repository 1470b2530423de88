"""CAMEO code, QuadClass and Goldstein score derived from a PLOVER event, mode and context.

The CAMEO→PLOVER table (``data/events/cameo_plover.tsv``) is read backwards: among the CAMEO codes
that map to the event type, pick the one whose mode (then context) matches; else the type's
default code from ``types.yaml``. QuadClass follows the GDELT convention on the CAMEO root
(01–05 verbal cooperation 1, 06–08 material cooperation 2, 09–13 verbal conflict 3,
14–20 material conflict 4); the Goldstein score is the CAMEO code's weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import CameoRow, EventLexicon


@dataclass(frozen=True)
class DerivedCodes:
    cameo: str | None
    quad_class: int | None
    goldstein: float | None


def quad_class(cameo: str | None) -> int | None:
    """GDELT QuadClass of a CAMEO code (by its two-digit root)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def choose_cameo(event_type: str, modes: list[str], contexts: list[str], lexicon: EventLexicon,
                 explicit: str | None = None) -> CameoRow | None:
    """The CAMEO row that best fits the event, mode and context."""
    table = lexicon.cameo
    if explicit and explicit in table and table[explicit].event == event_type:
        return table[explicit]
    rows = [row for row in table.values() if row.event == event_type]
    # a mode cue names its usual CAMEO code; it also covers PLOVER 1.0 modes the 2021 table lacks ("drone")
    preferred = {cue.cameo for cue in lexicon.cues_of("mode")
                 if cue.value in modes and event_type in cue.types and cue.cameo in table}
    moded = [row for row in rows if row.mode and row.mode in modes]
    if moded:
        return min(moded, key=lambda r: (-len(set(r.context) & set(contexts)), r.cameo not in preferred,
                                         len(r.cameo), r.cameo))
    for code in sorted(preferred):
        if table[code].event == event_type:
            return table[code]
    default = lexicon.types[event_type].cameo
    if default in table and table[default].event == event_type:
        return table[default]
    contextual = [row for row in rows if not row.mode and set(row.context) & set(contexts)]
    if contextual:
        return min(contextual, key=lambda r: (len(r.cameo), r.cameo))
    return min(rows, key=lambda r: (len(r.cameo), r.cameo)) if rows else None


def derive_codes(event_type: str, modes: list[str], contexts: list[str], lexicon: EventLexicon,
                 explicit: str | None = None) -> DerivedCodes:
    row = choose_cameo(event_type, modes, contexts, lexicon, explicit)
    if row is None:
        return DerivedCodes(None, None, None)
    return DerivedCodes(row.cameo, quad_class(row.cameo), row.goldstein)
