"""Gate: the places benchmark's figures must not fall below benchmarks/baselines/places.json.

Recomputes every figure of ``benchmarks/places.py`` (MEANTIME and the reference article from ../shared,
the hand-geocoded articles, the gazetteer's load time and size) and fails if one drops below its floor,
rises above its ceiling, a count of gold items changes, or the gold data changed (its sha256).
"""

from __future__ import annotations

import pytest
from gate import below_floors, load_baseline, load_benchmark


@pytest.fixture(scope="module")
def benchmark():
    return load_benchmark("places")


@pytest.fixture(scope="module")
def figures(shared_dir, nlp, benchmark):
    return benchmark.compute(nlp)


@pytest.fixture(scope="module")
def baseline():
    return load_baseline("places")


def test_gold_data_unchanged(figures, baseline):
    assert figures["gold_sha256"] == baseline["gold_sha256"], \
        "gold data changed: re-run the benchmark, update the baseline"


def test_no_figure_below_its_floor(figures, baseline, benchmark):
    low = below_floors(figures, baseline["floors"], exact=benchmark.COUNTS)
    assert not low, f"figures below their floors (got, floor): {low}"


def test_no_figure_above_its_ceiling(figures, baseline):
    high = {name: (round(figures[name], 3), ceiling) for name, ceiling in baseline["ceilings"].items()
            if figures[name] > ceiling}
    assert not high, f"figures above their ceilings (got, ceiling): {high}"


def test_targets_of_the_issue_hold(figures):
    """The issue's targets, stated once more so a lowered baseline cannot hide a miss."""
    assert figures["meantime_detection_f1"] >= 0.80
    assert figures["combined_accuracy_161km"] >= 0.90
    assert figures["reference_within_50km"] == 1.0
    assert figures["reference_washington_city"] == 1.0
    assert figures["reference_metonymy_marked"] == 1.0
