"""The gazetteer: its data files, lookups, spelling variants, and resolution of names by context.

No spaCy model needed: these run on plain strings (``tidings.places.geocode``).
"""

from __future__ import annotations

import shutil

import pytest

from tidings.errors import DataFileError
from tidings.lexicon import data_path
from tidings.places import distance_km, geocode, load_gazetteer
from tidings.places.gazetteer import build_gazetteer
from tidings.places.names import name_key, without_article


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("written, key", [
    ("Téhéran", "teheran"), ("TEHERAN", "teheran"), ("the U.S.", "us"), ("Sault Ste. Marie", "sault st marie"),
    ("Saint-Louis", "st louis"), ("Qa'im", "qaim"), ("Deir ez-Zor", "deir ez zor"), ("Łódź", "lodz"),
])
def test_name_keys_ignore_case_accents_and_punctuation(written, key):
    assert name_key(written) == key


def test_arabic_article_is_optional():
    assert without_article("al fallujah") == "fallujah"
    assert without_article("fallujah") is None


@pytest.mark.parametrize("name, gazetteer_id, feature", [
    ("Kiev", "geonames:703448", "city"),          # curated exonym of Kyiv
    ("Kyiv", "geonames:703448", "city"),
    ("Teheran", "geonames:112931", "city"),
    ("U.S.", "iso3166:USA", "country"),
    ("Britain", "iso3166:GBR", "country"),
    ("Baghdad International Airport", "tidings:baghdad-international-airport", "airport"),
    ("Ain al-Asad Air Base", "tidings:ain-al-asad-air-base", "military_base"),
    ("Strait of Hormuz", "tidings:strait-of-hormuz", "water"),
    ("Anbar", "iso3166-2:IQ-AN", "admin1"),
    ("Fallujah", "geonames:99454", "city"),        # GeoNames writes "Al Fallūjah"
    ("Lachin", "geonames:147625", "city"),         # a transliteration of Laçın, a town of 2,300
    ("Benguet", "geonames-admin2:PH:Cordillera:Province of Benguet", "admin2"),
    ("Orange County", "geonames-admin2:US:California:Orange County", "admin2"),
    ("Salgado Filho Airport", "iata:POA", "airport"),
    ("Porto Alegre airport", "iata:POA", "airport"),
    ("Kordofan", "tidings:kordofan", "region"),
])
def test_lookup_finds_names_and_variants(gazetteer, name, gazetteer_id, feature):
    rows = [row for row, _ in gazetteer.lookup(name)]
    assert gazetteer_id in [gazetteer.ids[row] for row in rows]
    row = gazetteer.row_of(gazetteer_id)
    assert gazetteer.features[row] == feature


def test_abbreviations_match_only_as_written(gazetteer):
    assert [gazetteer.ids[row] for row, _ in gazetteer.lookup_abbreviation("Ky.")] == ["iso3166-2:US-KY"]
    assert gazetteer.lookup_abbreviation("Miss") == []  # without the full stop, nobody's state
    assert not any(gazetteer.ids[row] == "iso3166-2:US-MS" for row, _ in gazetteer.lookup("Miss"))


def test_no_town_keeps_a_spelling_that_names_a_country_or_a_much_bigger_place(gazetteer):
    assert {gazetteer.features[row] for row, _ in gazetteer.lookup("Laos")} == {"country"}  # not Lao Cai
    frankfurt = {gazetteer.countries[row] for row, _ in gazetteer.lookup("Frankfurt")}
    assert frankfurt == {"DEU"}  # not Frankfort, Kentucky


def test_similar_spellings_are_found_within_the_edits_allowed(gazetteer):
    assert "kyaukpyu" in gazetteer.similar_keys("kyaukphyu", 2)
    assert "kyaukpyu" not in gazetteer.similar_keys("kyaukphyu", 0)
    assert all(key[:2] == "ky" for key in gazetteer.similar_keys("kyaukphyu", 2))


def test_ambiguous_names_have_all_their_candidates(gazetteer):
    washington = {(gazetteer.features[row], gazetteer.countries[row]) for row, _ in gazetteer.lookup("Washington")}
    assert {("city", "USA"), ("admin1", "USA"), ("city", "GBR")} <= washington
    georgia = {gazetteer.countries[row] for row, _ in gazetteer.lookup("Georgia")}
    assert {"GEO", "USA"} <= georgia


def test_points_are_where_the_places_are(gazetteer):
    def point(gazetteer_id):
        row = gazetteer.row_of(gazetteer_id)
        return gazetteer.lat[row], gazetteer.lon[row]

    assert distance_km(*point("geonames:4140963"), 38.895, -77.036) < 5  # Washington, D.C.
    assert distance_km(*point("tidings:baghdad-international-airport"), 33.262, 44.235) < 5
    assert distance_km(*point("iso3166:IRQ"), 33.0, 44.0) < 50
    assert distance_km(*point("iso3166-2:US-TX"), 31.25, -99.25) < 50  # curated point of a large state


def test_capitals_are_marked(gazetteer):
    capitals = {gazetteer.names[row] for row in gazetteer.capitals}
    assert {"Baghdad", "Tehran", "Washington", "Paris", "Kyiv"} <= capitals


@pytest.mark.parametrize("names, index, country, near", [
    (["Paris, Texas", "Dallas"], 0, "USA", (33.661, -95.556)),
    (["Springfield, Illinois"], 0, "USA", (39.801, -89.644)),
    (["Sydney, Nova Scotia"], 0, "CAN", (46.136, -60.194)),
    (["Paris", "Lyon"], 0, "FRA", (48.853, 2.349)),
    (["Georgia", "Atlanta"], 0, "USA", (32.75, -83.5)),                  # the state
    (["Georgia", "Tbilisi"], 0, "GEO", (42.0, 43.5)),                    # the country
    (["Tripoli", "Beirut"], 0, "LBN", (34.437, 35.850)),
    (["Tripoli", "Benghazi"], 0, "LBY", (32.885, 13.180)),
    (["Birmingham", "Montgomery", "Alabama"], 0, "USA", (33.521, -86.802)),
    (["Birmingham", "Manchester", "Leeds"], 0, "GBR", (52.481, -1.900)),
    (["Perth", "Edinburgh", "Glasgow"], 0, "GBR", (56.396, -3.437)),
    (["Perth", "Melbourne"], 0, "AUS", (-31.952, 115.861)),
    (["Sydney", "Halifax", "Nova Scotia"], 0, "CAN", (46.136, -60.194)),
    (["Cambridge", "Boston"], 0, "USA", (42.375, -71.106)),
    (["Alexandria", "Cairo"], 0, "EGY", (31.200, 29.919)),
    (["Alexandria", "Arlington", "Virginia"], 0, "USA", (38.805, -77.047)),
    (["Washington"], 0, "USA", (38.895, -77.036)),                       # the capital, not the state
    (["Mexico"], 0, "MEX", (23.0, -102.0)),                              # the country, not its capital
])
def test_names_are_resolved_by_their_neighbours(names, index, country, near):
    entry = geocode(names)[index]
    assert entry is not None
    assert entry.country == country
    assert distance_km(entry.lat, entry.lon, *near) < 161


def test_unknown_name_geocodes_to_none():
    assert geocode(["Xyzzyville Qwerty"]) == [None]


def _copy_data(tmp_path):
    folder = tmp_path / "places"
    shutil.copytree(data_path("places"), folder)
    return folder


def test_a_user_can_add_a_place_in_the_hand_written_files(tmp_path):
    folder = _copy_data(tmp_path)
    with (folder / "facilities.tsv").open("a", encoding="utf-8") as handle:
        handle.write("tidings:test-depot\tNorth Quay Depot\tfacility\tGBR\t51.5\t-0.1\tQuay Depot\t\n")
    with (folder / "alternates.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Big Smoke\tgeonames:2643743\t\n")
    gazetteer = build_gazetteer(folder)
    assert [gazetteer.ids[r] for r, _ in gazetteer.lookup("Quay Depot")] == ["tidings:test-depot"]
    assert "London" in [gazetteer.names[r] for r, _ in gazetteer.lookup("Big Smoke")]


def test_a_bad_row_names_file_and_line(tmp_path):
    folder = _copy_data(tmp_path)
    lines = (folder / "facilities.tsv").read_text(encoding="utf-8").splitlines()
    lines.append("tidings:broken\tBroken Place\tairport\tIRQ\t95.0\t44.0\t\t")
    (folder / "facilities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        build_gazetteer(folder)
    assert f"facilities.tsv:{len(lines)}:" in info.value.one_line()


def test_an_unknown_alternate_target_is_reported(tmp_path):
    folder = _copy_data(tmp_path)
    with (folder / "alternates.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Nowhere\tgeonames:0\t\n")
    with pytest.raises(DataFileError, match="unknown gazetteer id"):
        build_gazetteer(folder)


def test_a_damaged_cities_table_is_reported(tmp_path):
    folder = _copy_data(tmp_path)
    path = folder / "cities.columns"
    text = path.read_text(encoding="utf-8")
    lat_start = text.index("\nlat\t") + 1
    path.write_text(text[:lat_start] + "lat\tnorth" + text[lat_start + 3:], encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        build_gazetteer(folder)
    assert "cities.columns" in info.value.one_line() and "'lat'" in info.value.one_line()


def test_an_unknown_abbreviation_target_is_reported(tmp_path):
    folder = _copy_data(tmp_path)
    with (folder / "abbreviations.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Xx.\tiso3166-2:US-XX\t\n")
    with pytest.raises(DataFileError, match="unknown gazetteer id") as info:
        build_gazetteer(folder)
    assert "abbreviations.tsv" in info.value.one_line()


def test_a_bad_feature_in_the_cities_table_is_reported(tmp_path):
    folder = _copy_data(tmp_path)
    path = folder / "cities.columns"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nfeature\t") + 1
    path.write_text(text[:start] + "feature\tcastle" + text[start + len("feature\tcity"):], encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        build_gazetteer(folder)
    assert "cities.columns" in info.value.one_line() and "'feature'" in info.value.one_line()


def test_every_place_data_file_loads_with_its_schema():
    gazetteer = build_gazetteer(data_path("places"))
    assert len(gazetteer) > 150_000
    from tidings.places.data import cues

    words = cues()
    assert words.feature_words["province"] == "admin1"
    assert "say" in words.subject_verbs and "attempt" in words.intent_nouns
    assert "from" in words.locatives and "from" not in words.event_locatives


def test_long_documents_take_context_from_a_window_around_each_mention():
    """A short document is context for every mention; in a long one each mention sees the mentions
    around it, so that resolving costs time in proportion to the length."""
    from tidings.places.resolve import CONTEXT_WINDOW, _windows

    assert _windows([0, 5], 30) == [(0, 30, [0, 5])]
    size = 10 * CONTEXT_WINDOW
    windows = _windows([0, size // 2, size - 1], size)
    assert windows[0] == (0, CONTEXT_WINDOW + 1, [0])
    assert windows[1] == (size // 2 - CONTEXT_WINDOW, size // 2 + CONTEXT_WINDOW + 1, [size // 2])
    assert windows[2] == (size - 1 - CONTEXT_WINDOW, size, [size - 1])
