"""Datelines such as ``TEHRAN (Tasnim) –`` or ``BAGHDAD, Iraq, Nov 20 (Reuters) -``."""

from __future__ import annotations

import re

from .model import Dateline

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_RE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'’.\- ]{1,38}[A-Z.])            # all-caps place: TEHRAN, NEW YORK, ST. LOUIS
        (?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}))?   # optional region or country
        (?:,?\s*(?P<date>""" + _MONTH + r"""\s+\d{1,2}(?:,\s*\d{4})?))?  # optional date
        \s*(?:\((?P<outlet>[A-Za-z][\w .&'’-]{0,40})\))?   # optional (Outlet)
        \s*(?P<dash>[-–—:]{1,2})\s+""",
    re.VERBOSE,
)


def detect_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (after leading white space), or None."""
    stripped = len(text) - len(text.lstrip())
    match = DATELINE_RE.match(text[stripped:stripped + 160])
    if not match:
        return None
    place = match.group("place").strip()
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return None
    return Dateline(
        place=_title_case(place),
        outlet=(match.group("outlet") or "").strip() or None,
        start=stripped,
        end=stripped + match.end("dash"),
    )


def _title_case(place: str) -> str:
    return " ".join(w.capitalize() if not w.startswith("ST.") else "St." for w in place.split())
