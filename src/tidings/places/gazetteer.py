"""The offline gazetteer: countries, first-level subdivisions, cities, regions and facilities.

Loaded once per process (:func:`load_gazetteer`) from the tables in ``tidings/data/places``:

- ``countries.tsv``, ``admin1.tsv``, ``cities.columns``: built by ``scripts/build_places_gazetteer.py``
  from pycountry and GeoNames; ``cities.columns`` (about 227,000 populated places and 23,000 second-level
  units, one line per column plus an index of lookup keys) is read by a fast loader of its own that
  checks labels, lengths and numbers.
- ``regions.tsv``, ``facilities.tsv``, ``alternates.tsv``, ``abbreviations.tsv``, ``admin1_points.tsv``,
  ``seats.tsv`` (seats of government beside the capital, which weigh as capitals), ``world_cities.tsv``
  (world cities below a million people, which weigh as capitals in resolution), ``admin1_seats.tsv``
  (state and provincial capitals, which may stand for their subdivision's government): written by hand,
  loaded through :mod:`tidings.lexicon`; extend these to teach Tidings new places and spellings.

Entries live in parallel columns; :meth:`Gazetteer.entry` builds a typed :class:`Entry` on demand.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..lexicon import Column, Schema, data_path, load
from .names import lookup_keys, name_key

FEATURES = frozenset({
    "country", "admin1", "admin2", "city", "region", "continent", "water", "island", "airport", "military_base",
    "border_crossing", "port", "facility", "site",
})

_LAT = Column("lat", float, check=lambda v: -90.0 <= v <= 90.0)
_LON = Column("lon", float, check=lambda v: -180.0 <= v <= 180.0)
_NAMES = Column("names", str, required=False, many=True)
_COUNTRY = Column("country", str, required=False, check=lambda v: len(v) == 3 and v.isupper())

COUNTRIES = Schema("countries", (
    Column("id", str, check=lambda v: len(v) == 3 and v.isupper()), Column("alpha2", str), Column("name", str),
    _LAT, _LON, Column("population", int), Column("capital", str, required=False), _NAMES,
    Column("demonyms", str, required=False, many=True),
), unique=("id",))
ADMIN1 = Schema("admin1", (
    Column("id", str), _COUNTRY, Column("name", str), Column("kind", str, required=False), _LAT, _LON, _NAMES,
), unique=("id",))
CURATED = Schema("curated places", (
    Column("id", str), Column("name", str), Column("feature", str, choices=FEATURES), _COUNTRY, _LAT, _LON,
    _NAMES, Column("note", str, required=False),
), unique=("id",))
ALTERNATES = Schema("alternate names", (
    Column("name", str), Column("target", str), Column("note", str, required=False),
), unique=("name", "target"))
SEATS = Schema("seats of government", (
    Column("id", str), _COUNTRY, Column("note", str, required=False),
), unique=("id",))
ADMIN1_POINTS = Schema("subdivision points", (
    Column("id", str), _LAT, _LON, Column("note", str, required=False),
), unique=("id",))

CITY_COLUMNS = ("id", "country", "admin1", "name", "lat", "lon", "population", "index_keys", "index_rows")
#: features the column table may hold (an optional ``feature`` line; without it, every row is a city)
_COLUMN_FEATURES = frozenset({"city", "admin2", "airport", "military_base"})


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry."""

    row: int
    id: str  # gazetteer id: iso3166:IRQ, iso3166-2:IQ-BG, geonames:98182, tidings:baghdad-international-airport
    name: str
    feature: str
    country: str | None
    admin1: str | None  # gazetteer id of the first-level subdivision, for cities
    lat: float
    lon: float
    population: int
    capital: bool = False


class Gazetteer:
    """Names -> entries. Use :func:`load_gazetteer` for the shipped one."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.features: list[str] = []
        self.countries: list[str | None] = []
        self.admin1: list[str | None] = []
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.capitals: set[int] = set()
        self.prominent: set[int] = set()  # world cities a bare name means (world_cities.tsv)
        self.admin1_seats: set[int] = set()  # state and provincial capitals (admin1_seats.tsv)
        self.country_rows: dict[str, int] = {}  # alpha-3 -> row of the country
        self.demonyms: dict[str, str] = {}  # name_key of "Iraqi", "Iraqis" -> IRQ
        self.index: dict[str, list[int]] = {}  # key -> rows * 2 (+1 when the key is an alternate name)
        self.city_index: dict[str, str] = {}  # key -> comma-separated codes as above, parsed when looked up
        self.city_offset = 0  # row of the first city
        self.abbreviations: dict[str, list[int]] = {}  # "Ky." -> rows, matched as written
        self._rows_by_id: dict[str, int] | None = None
        self._buckets: dict[str, list[str]] | None = None  # keys by their first two letters, for similar_keys

    def __len__(self) -> int:
        return len(self.ids)

    # -- building ----------------------------------------------------------------------------

    def add(self, id: str, name: str, feature: str, country: str | None, admin1: str | None, lat: float,
            lon: float, population: int = 0, keys: list[str] | None = None) -> int:
        """Append an entry and index it under its keys (the first key is its primary name)."""
        row = len(self.ids)
        self.ids.append(id)
        self.names.append(name)
        self.features.append(feature)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        for position, key in enumerate(keys if keys is not None else lookup_keys([name])):
            self._index(key, row, alternate=position > 0 and key != name_key(name))
        return row

    def add_name(self, row: int, name: str, alternate: bool = False) -> None:
        """Index an extra name for an entry: a curated one counts as its own name ("Kiev" for Kyiv)."""
        for key in lookup_keys([name]):
            self._index(key, row, alternate=alternate)

    def _index(self, key: str, row: int, alternate: bool) -> None:
        code = row * 2 + (1 if alternate else 0)
        rows = self.index.get(key)
        if rows is None:
            self.index[key] = [code]
        elif code not in rows:
            if not alternate and code + 1 in rows:
                rows.remove(code + 1)  # an own name outranks the same spelling as an alternate
            if alternate and code - 1 in rows:
                return
            rows.append(code)

    # -- reading -----------------------------------------------------------------------------

    def entry(self, row: int) -> Entry:
        return Entry(row=row, id=self.ids[row], name=self.names[row], feature=self.features[row],
                     country=self.countries[row], admin1=self.admin1[row], lat=self.lat[row],
                     lon=self.lon[row], population=self.population[row], capital=row in self.capitals)

    def lookup(self, name: str) -> list[tuple[int, bool]]:
        """Rows whose names match ``name`` exactly (after normalisation), with whether by an alternate name."""
        return self.lookup_key(name_key(name))

    def lookup_abbreviation(self, text: str) -> list[tuple[int, bool]]:
        """Rows an abbreviation written exactly so stands for ("Ky.", "N.J.")."""
        return [(row, False) for row in self.abbreviations.get(text.strip(), ())]

    def lookup_key(self, key: str) -> list[tuple[int, bool]]:
        found = self._lookup_key(key)
        if not found and key and " " not in key:
            # GeoNames names Japanese municipalities with their suffix ("Onagawa Chō"); news drops it
            for suffix in _MUNICIPAL_SUFFIXES:
                found = [(row, alternate) for row, alternate in self._lookup_key(key + suffix)
                         if self.countries[row] == "JPN"]
                if found:
                    break
        if key and not any(not alternate for _, alternate in found):
            # Taiwanese, Chinese, Kenyan ... counties go by their bare name in news ("Kinmen" for Kinmen
            # County), which must outrank another place's alternate spelling (Jingmen's "Kinmen"); US
            # counties keep the word ("Wayne County"), so a bare "Wayne" is no county
            counties = [(row, False) for row, alternate in self._lookup_key(key + " county")
                        if not alternate and self.features[row] == "admin2" and self.countries[row] != "USA"]
            found = found + [c for c in counties if c[0] not in {row for row, _ in found}]
        return found

    def _lookup_key(self, key: str) -> list[tuple[int, bool]]:
        found = [(code >> 1, bool(code & 1)) for code in self.index.get(key, ())]
        cities = self.city_index.get(key)
        if cities:
            offset = self.city_offset
            found += [((code >> 1) + offset, bool(code & 1)) for code in map(int, cities.split(","))]
        if len(found) > 1:  # one entry per row; a row found by its own name counts as such
            best: dict[int, bool] = {}
            for row, alternate in found:
                best[row] = best.get(row, True) and alternate
            found = list(best.items())
        return found

    def similar_keys(self, key: str, edits: int) -> list[str]:
        """Index keys within ``edits`` insertions, deletions or substitutions of ``key`` that start with
        the same two letters (the bucket of keys by their first two letters is built on first use)."""
        from rapidfuzz.distance import Levenshtein

        if self._buckets is None:
            buckets: dict[str, list[str]] = {}
            for known in (*self.index, *self.city_index):
                buckets.setdefault(known[:2], []).append(known)
            self._buckets = buckets
        return [known for known in self._buckets.get(key[:2], ())
                if abs(len(known) - len(key)) <= edits and known != key
                and Levenshtein.distance(known, key, score_cutoff=edits) <= edits]

    def rows_by_id(self) -> dict[str, int]:
        if self._rows_by_id is None or len(self._rows_by_id) != len(self.ids):
            self._rows_by_id = dict(zip(self.ids, range(len(self.ids))))
        return self._rows_by_id

    def row_of(self, gazetteer_id: str) -> int | None:
        return self.rows_by_id().get(gazetteer_id)

    def country_row(self, alpha3: str | None) -> int | None:
        return self.country_rows.get(alpha3) if alpha3 else None


#: suffixes of Japanese town and village names in GeoNames, as lookup keys ("Onagawa Chō" -> "onagawa cho")
_MUNICIPAL_SUFFIXES = (" cho", " machi", " mura")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


# -- loading ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return build_gazetteer(data_path("places"))


def build_gazetteer(folder: Path) -> Gazetteer:
    """A gazetteer from the tables in ``folder`` (the layout of ``tidings/data/places``)."""
    folder = Path(folder)
    gazetteer = Gazetteer()
    countries = load(folder / "countries.tsv", COUNTRIES)
    capital_ids = {row["capital"] for row in countries if row["capital"]}
    for row in countries:
        gazetteer.country_rows[row["id"]] = gazetteer.add(
            f"iso3166:{row['id']}", row["name"], "country", row["id"], None, row["lat"], row["lon"],
            row["population"], lookup_keys([row["name"], *row["names"]]))
        for demonym in row["demonyms"]:
            gazetteer.demonyms.setdefault(name_key(demonym), row["id"])
    points = {row["id"]: (row["lat"], row["lon"]) for row in load(folder / "admin1_points.tsv", ADMIN1_POINTS)}
    for row in load(folder / "admin1.tsv", ADMIN1):
        lat, lon = points.get(row["id"], (row["lat"], row["lon"]))
        gazetteer.add(row["id"], row["name"], "admin1", row["country"], row["id"], lat, lon, 0,
                      lookup_keys([row["name"], *row["names"]]))
    for name in ("regions.tsv", "facilities.tsv"):
        for row in load(folder / name, CURATED):
            gazetteer.add(row["id"], row["name"], row["feature"], row["country"], None, row["lat"], row["lon"],
                          0, lookup_keys([row["name"], *row["names"]]))
            if row["feature"] == "country" and row["country"] not in gazetteer.country_rows:
                gazetteer.country_rows[row["country"]] = len(gazetteer) - 1
    _load_cities(gazetteer, folder / "cities.columns", capital_ids)
    for row in load(folder / "alternates.tsv", ALTERNATES):
        target = gazetteer.row_of(row["target"])
        if target is None:
            raise DataFileError(f"unknown gazetteer id {row['target']!r}", source=str(folder / "alternates.tsv"),
                                line=row["_line"])
        gazetteer.add_name(target, row["name"])
    # hand-written lists of cities that weigh more than their size: seats of government (as capitals),
    # world cities, and seats of first-level units (governments in stories about their state)
    for name, marked in (("seats.tsv", gazetteer.capitals), ("world_cities.tsv", gazetteer.prominent),
                         ("admin1_seats.tsv", gazetteer.admin1_seats)):
        marked.update(_city_rows(gazetteer, folder / name))
    abbreviations = folder / "abbreviations.tsv"
    if abbreviations.exists():
        for row in load(abbreviations, ALTERNATES):
            target = gazetteer.row_of(row["target"])
            if target is None:
                raise DataFileError(f"unknown gazetteer id {row['target']!r}", source=str(abbreviations),
                                    line=row["_line"])
            gazetteer.abbreviations.setdefault(row["name"], []).append(target)
    return gazetteer


def _city_rows(gazetteer: Gazetteer, path: Path) -> list[int]:
    """Rows of the cities a city list names (id and country checked; errors name the file and line)."""
    if not path.exists():
        return []
    rows = []
    for row in load(path, SEATS):
        target = gazetteer.row_of(row["id"])
        if target is None or gazetteer.countries[target] != row["country"]:
            raise DataFileError(f"no city {row['id']!r} in {row['country']}", source=str(path), line=row["_line"])
        rows.append(target)
    return rows


def _load_cities(gazetteer: Gazetteer, path: Path, capital_ids: set[str]) -> None:
    """Read ``cities.columns``: one line per column, then an index of lookup keys to rows.

    The format (written by ``scripts/build_places_gazetteer.py``) loads with a few splits instead
    of one per row. Labels, column lengths, numbers and coordinate ranges are checked on load.
    """
    if not path.exists():
        raise DataFileError("no such data file", source=str(path))
    lines = path.read_text(encoding="utf-8").split("\n")
    columns: dict[str, list[str]] = {}
    line_of: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        label, _, values = line.partition("\t")
        columns[label] = values.split("\t") if values else []
        line_of[label] = number
    missing = [label for label in CITY_COLUMNS if label not in columns]
    if missing:
        raise DataFileError(f"missing column line(s) {missing}", source=str(path))
    size = len(columns["id"])
    for label in CITY_COLUMNS[:-2]:
        if len(columns[label]) != size:
            raise DataFileError(f"column {label!r} has {len(columns[label])} values, expected {size}",
                                source=str(path), line=line_of[label])
    if len(columns["index_keys"]) != len(columns["index_rows"]):
        raise DataFileError("index_keys and index_rows differ in length", source=str(path), line=line_of["index_rows"])
    numbers = {}
    for label, kind in (("lat", "d"), ("lon", "d"), ("population", "q")):
        try:
            numbers[label] = array(kind, map(float if kind == "d" else int, columns[label]))
        except ValueError:
            raise DataFileError(f"column {label!r} holds a value that is not a number", source=str(path),
                                line=line_of[label]) from None
    lat, lon = numbers["lat"], numbers["lon"]
    if size and (min(lat) < -90 or max(lat) > 90 or min(lon) < -180 or max(lon) > 180):
        raise DataFileError("coordinates out of range", source=str(path), line=line_of["lat"])
    if any(len(code) != 3 for code in set(columns["country"])):
        raise DataFileError("country must be ISO 3166 alpha-3", source=str(path), line=line_of["country"])
    features = columns.get("feature")
    if features is None:  # tables written before second-level units joined them hold cities only
        features = ["city"] * size
    elif len(features) != size or not set(features) <= _COLUMN_FEATURES:
        raise DataFileError(f"column 'feature' must hold {size} values of {sorted(_COLUMN_FEATURES)}",
                            source=str(path), line=line_of["feature"])
    first = len(gazetteer.ids)
    gazetteer.ids.extend(columns["id"])
    gazetteer.names.extend(columns["name"])
    gazetteer.features.extend(features)
    gazetteer.countries.extend(columns["country"])
    gazetteer.admin1.extend(code or None for code in columns["admin1"])
    gazetteer.lat.extend(lat)
    gazetteer.lon.extend(lon)
    gazetteer.population.extend(numbers["population"])
    gazetteer.city_index = dict(zip(columns["index_keys"], columns["index_rows"]))
    gazetteer.city_offset = first
    rows = gazetteer.rows_by_id()
    gazetteer.capitals.update(rows[id_] for id_ in capital_ids if id_ in rows)
