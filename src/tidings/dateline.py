"""Datelines: ``TEHRAN (Tasnim) –``, ``WASHINGTON (Reuters) -``, ``BAGHDAD, Iraq, Nov. 20 (AP) —``, ``LONDON:``.

A dateline opens the body: a place (usually in capitals), optionally a region, a date and the outlet
in brackets, then a dash or colon. Ordinary sentences can look alike ("US forces - ...",
"NATO – ...", "BREAKING: ..."), so each candidate must carry enough evidence:

- an outlet in brackets or a date after the place is strong evidence on its own;
- a region after a comma ("KYIV, Ukraine —") needs a known place or a known region;
- a bare place ("BEIRUT —", "LONDON:") must be a known city;
- a place in title case ("Tehran (IRNA) -") needs the outlet and a known place, region or date.

Known places and the words that are never places are data files in ``tidings/data/ingest``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import Column, Schema, load_shipped
from .model import Dateline, TextSpan

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"  # a word of letters, dots, hyphens, apostrophes: ST., AL-QAIM, O’HARE
_SPACE = r"[ \t\u00a0]"
DATELINE_RE = re.compile(
    rf"""(?P<place>{_WORD}(?:{_SPACE}{_WORD}){{0,4}})
        (?:,{_SPACE}*(?P<region>{_WORD}(?:{_SPACE}{_WORD}){{0,2}}))?
        (?:,?{_SPACE}+(?P<date>{_MONTH}{_SPACE}+\d{{1,2}}(?:,?{_SPACE}+\d{{4}})?
                             |\d{{1,2}}{_SPACE}+{_MONTH}(?:,?{_SPACE}+\d{{4}})?))?
        (?:,?{_SPACE}*\((?P<outlet>[^()\n]{{1,40}})\))?
        {_SPACE}*(?P<dash>--|[-–—:])""",
    re.VERBOSE,
)
#: particles that stay lower case inside a title-case place name ("Dar es Salaam")
_PARTICLES = frozenset({"al", "el", "es", "de", "del", "la", "le", "of", "the", "upon", "on", "am", "an", "ad"})
#: Arabic article prefixes dropped when comparing names ("AL-FALLUJAH" = "Fallujah")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az)[ \-]")

PLACES_SCHEMA = Schema(
    "dateline place",
    (Column("name"), Column("kind", choices=frozenset({"city", "region", "country"})),
     Column("country", required=False)),
)
NOT_PLACES_SCHEMA = Schema("dateline non-place", (Column("word"), Column("reason", required=False)))


def detect_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (after leading white space), or None."""
    offset = len(text) - len(text.lstrip())
    head = text[offset:offset + 200]
    match = DATELINE_RE.match(head)
    if not match or not _content_follows(head, match):
        return None
    place = _accepted_place(match)
    if place is None:
        return None
    return Dateline(place=place, outlet=_clean(match.group("outlet")), start=offset, end=offset + match.end("dash"),
                    place_span=_group_span(text, match, "place", offset),
                    region_span=_group_span(text, match, "region", offset))


def _group_span(text: str, match: re.Match, group: str, offset: int) -> TextSpan | None:
    if match.group(group) is None:
        return None
    start, end = offset + match.start(group), offset + match.end(group)
    return TextSpan(text[start:end], start, end)


def _content_follows(head: str, match: re.Match) -> bool:
    """Text must follow the dash: after white space, or straight on after an em/en dash or an outlet."""
    rest = head[match.end("dash"):]
    if rest[:1] in (" ", "\t", "\u00a0", "\n"):
        return bool(rest.strip()) and rest.lstrip()[:1] not in "-–—:"
    glued_ok = match.group("dash") in ("–", "—") or match.group("outlet") is not None
    return glued_ok and bool(rest[:1]) and not rest[:1].isspace() and rest[:1] not in "-–—:"


def _accepted_place(match: re.Match) -> str | None:
    """The place's display name if the match carries enough evidence of being a dateline."""
    place = " ".join(match.group("place").split())
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or _key(place) in not_places():
        return None
    outlet = _clean(match.group("outlet"))
    if outlet is not None and not _plausible_outlet(outlet, place):
        return None  # brackets that hold something else, e.g. an acronym's expansion
    region = _clean(match.group("region"))
    if region is not None and not _plausible_region(region):
        return None
    date = match.group("date")
    city = known_places().get(_key(place))
    all_caps = all(c.isupper() for c in letters)
    if all_caps:
        if outlet or date:
            accepted = True
        elif region:
            accepted = city is not None or _known_region(region)
        else:
            accepted = city is not None and city[1] == "city"
    else:
        accepted = _title_case(place) and outlet is not None and (
            city is not None or region is not None or date is not None)
    if not accepted:
        return None
    return city[0] if city is not None and city[1] == "city" else _display(place)


def _plausible_outlet(outlet: str, place: str) -> bool:
    """An agency or paper name, not a translation or an expansion: at most five words, no digits only."""
    words = outlet.split()
    if not 1 <= len(words) <= 5 or not outlet[0].isalpha():
        return False
    initials = "".join(w[0] for w in words if w[0].isupper())
    compact = re.sub(r"[^A-Za-z]", "", place)
    return not (len(words) > 1 and initials.casefold() == compact.casefold())


def _plausible_region(region: str) -> bool:
    """A region or country after the place: capitalised words or an abbreviation ("Calif.", "D.C.")."""
    if re.fullmatch(_MONTH, region, flags=re.IGNORECASE):
        return False
    words = region.split()
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)


def _known_region(region: str) -> bool:
    """A listed place, or a postal abbreviation such as "Calif.", "Fla." or "D.C."."""
    return _key(region) in known_places() or bool(re.fullmatch(r"[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3}", region))


def _title_case(place: str) -> bool:
    words = place.split()
    return words[0][0].isupper() and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _display(place: str) -> str:
    """TEHRAN → Tehran, ST. LOUIS → St. Louis, AL-QAIM → Al-Qaim, O’HARE → O’Hare."""
    if not all(c.isupper() for c in place if c.isalpha()):
        return place
    out, previous = [], " "
    for i, char in enumerate(place):
        starts_word = previous in " -." or (previous in "'’" and (i == 2 or place[i - 3:i - 2] in (" ", "-")))
        out.append(char.upper() if starts_word or i == 0 else char.lower())
        previous = char
    return "".join(out)


def _key(name: str) -> str:
    """A comparison key: accents dropped, case folded, hyphens as spaces, Arabic article dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = " ".join(plain.replace("’", "'").replace("-", " ").split())
    return _ARTICLE.sub("", plain)


@lru_cache(maxsize=1)
def known_places() -> dict[str, tuple[str, str]]:
    """Comparison key → (display name, kind) for every shipped dateline place; cities win over the rest."""
    places: dict[str, tuple[str, str]] = {}
    for name in ("ingest/dateline_places_extra.csv", "ingest/dateline_places.csv"):
        for row in load_shipped(name, PLACES_SCHEMA):
            key = _key(row["name"])
            if key not in places or (row["kind"] == "city" and places[key][1] != "city"):
                places[key] = (row["name"], row["kind"])
    return places


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Comparison keys of words that are never dateline places."""
    return frozenset(_key(row["word"]) for row in load_shipped("ingest/dateline_not_places.csv", NOT_PLACES_SCHEMA))
