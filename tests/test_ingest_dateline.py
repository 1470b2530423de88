"""Datelines: detected with place, outlet and offsets, and never on ordinary openings."""

from __future__ import annotations

import pytest

from tidings.dateline import detect_dateline
from tidings.ingest import article_from_text

DATELINES = [
    # (opening, place, outlet, dateline text)
    ("TEHRAN (Tasnim) – Iraqi political groups urged an alliance.", "Tehran", "Tasnim", "TEHRAN (Tasnim) –"),
    ("WASHINGTON (Reuters) - The State Department said on Monday.", "Washington", "Reuters", "WASHINGTON (Reuters) -"),
    ("BAGHDAD, Iraq, Nov. 20 (AP) — Iraqi lawmakers voted.", "Baghdad", "AP", "BAGHDAD, Iraq, Nov. 20 (AP) —"),
    ("LONDON: Britain's foreign minister flew to Riyadh.", "London", None, "LONDON:"),
    ("BEIRUT — Lebanon's caretaker cabinet met.", "Beirut", None, "BEIRUT —"),
    ("BEIRUT—Lebanon's caretaker cabinet met.", "Beirut", None, "BEIRUT—"),
    ("KYIV, Ukraine — Air raid sirens sounded.", "Kyiv", None, "KYIV, Ukraine —"),
    ("SURFSIDE, Fla. (AP) — Rescuers searched the rubble.", "Surfside", "AP", "SURFSIDE, Fla. (AP) —"),
    ("UNITED NATIONS (AP) — The Security Council met.", "United Nations", "AP", "UNITED NATIONS (AP) —"),
    ("NEW YORK, March 3 (Reuters) -- Stocks fell.", "New York", "Reuters", "NEW YORK, March 3 (Reuters) --"),
    ("GAZA CITY, Gaza Strip (AP) — Crowds gathered.", "Gaza City", "AP", "GAZA CITY, Gaza Strip (AP) —"),
    ("RAMALLAH, West Bank — Officials met.", "Ramallah", None, "RAMALLAH, West Bank —"),
    ("SANAA, Yemen, 20 November 2021 (Reuters) - Fighting resumed.", "Sanaa", "Reuters",
     "SANAA, Yemen, 20 November 2021 (Reuters) -"),
    ("BEIJING, Nov. 20 (Xinhua) -- China said.", "Beijing", "Xinhua", "BEIJING, Nov. 20 (Xinhua) --"),
    ("ST. LOUIS (AP) — The river rose.", "St. Louis", "AP", "ST. LOUIS (AP) —"),
    ("BERLIN (dpa) - The chancellor spoke.", "Berlin", "dpa", "BERLIN (dpa) -"),
    ("TEHRAN (FNA)- Iran's foreign minister said.", "Tehran", "FNA", "TEHRAN (FNA)-"),
    ("Tehran (IRNA) - Iran's foreign minister said.", "Tehran", "IRNA", "Tehran (IRNA) -"),
    ("MONTREAL (AP) — Snow fell.", "Montréal", "AP", "MONTREAL (AP) —"),
    ("AL-FALLUJAH, Iraq — Gunmen attacked a checkpoint.", "Fallujah", None, "AL-FALLUJAH, Iraq —"),
    ("O’HARE AIRPORT, Ill. — Flights were delayed.", "O’Hare Airport", None, "O’HARE AIRPORT, Ill. —"),
    ("   DAMASCUS (SANA) – Leading spaces are skipped.", "Damascus", "SANA", "DAMASCUS (SANA) –"),
]


@pytest.mark.parametrize("opening, place, outlet, dateline_text", DATELINES)
def test_dateline_found_with_place_outlet_and_offsets(opening, place, outlet, dateline_text):
    found = detect_dateline(opening)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)
    assert opening[found.start:found.end] == dateline_text


NOT_DATELINES = [
    "US forces - the troops stayed in their bases.",
    "US forces – the troops stayed in their bases.",
    "US – Iran talks stalled again on Monday.",
    "U.S. (AP) — this is not a place.",
    "US President Joe Biden - who spoke on Monday - said nothing.",
    "NATO – the alliance said it would respond.",
    "NATO: allies agree to send more air defence.",
    "UPDATE: Iran says talks will resume.",
    "BREAKING: Iran says talks will resume.",
    "BREAKING NEWS: Iran says talks will resume.",
    "IAEA (International Atomic Energy Agency) – inspectors arrived.",
    "ISIS - the group claimed the attack.",
    "HEZBOLLAH – The group said its fighters were ready.",
    "IRAN – ISRAEL tensions rose sharply.",
    "President Biden (D) - said nothing.",
    "Hamas (the movement) - said nothing.",
    "WASHINGTON has said it will keep its troops.",
    "The UN: a failure of diplomacy.",
    "CIA: no comment on the report.",
    "EU-US talks - the first in years - ended.",
    "IRGC: we will respond to any attack.",
    "Iraqi groups urge alliance - a report.",
    "TEHRAN (Tasnim) –",  # nothing after the dash
]


@pytest.mark.parametrize("opening", NOT_DATELINES)
def test_no_dateline_on_ordinary_openings(opening):
    assert detect_dateline(opening) is None


def test_dateline_kept_in_text_and_outlet_defaults_from_it():
    article = article_from_text("Iraqis Urge Alliance Against Troops\n\nTEHRAN (Tasnim) – Iraqi groups urged an "
                                "alliance on Saturday.\n\nThey said the deadline must hold.")
    assert article.title == "Iraqis Urge Alliance Against Troops"
    assert article.text.startswith("TEHRAN (Tasnim) – Iraqi groups")
    assert article.dateline is not None
    assert article.text[article.dateline.start:article.dateline.end] == "TEHRAN (Tasnim) –"
    assert (article.dateline.place, article.outlet) == ("Tehran", "Tasnim")


def test_dateline_on_a_line_of_its_own_is_not_a_headline():
    article = article_from_text("TEHRAN (Tasnim) –\n\nIraqi groups urged an alliance on Saturday.")
    assert article.title is None
    assert article.dateline is not None and article.text[:article.dateline.end] == "TEHRAN (Tasnim) –"


def test_given_outlet_wins_over_the_dateline_outlet():
    article = article_from_text("WASHINGTON (Reuters) - Officials said talks would resume.", outlet="The Ledger")
    assert article.outlet == "The Ledger"
    assert article.dateline.outlet == "Reuters"


def test_dateline_stays_out_of_the_first_sentence(annotate_text):
    annotation = annotate_text("BAGHDAD, Iraq, Nov. 20 (AP) — Iraqi lawmakers demanded that foreign troops leave "
                               "the country. The government did not comment.")
    dateline = annotation.article.dateline
    assert dateline is not None and dateline.place == "Baghdad"
    first = annotation.sentences[0]
    assert first.start >= dateline.end
    assert annotation.article.text[first.start:].startswith("Iraqi lawmakers demanded")
