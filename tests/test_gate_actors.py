"""Gate: the actor benchmark's figures must not fall below benchmarks/baselines/actors.json.

Recomputes the accuracy figures of ``benchmarks/actors.py`` (the project's phrases; the PLOVER
gold-standard actors on their own and in their sentences; the reference article's actors table)
and fails if one drops below its floor or the gold data changed (sha256). Speed is measured by the
benchmark, not gated here (CPU time on a shared machine is too noisy for a unit test).
"""

from __future__ import annotations

import pytest
from gate import below_floors, load_baseline, load_benchmark

#: figures that count gold items: they must stay exactly equal
COUNTS = ("reference_actors_acceptable",)


@pytest.fixture(scope="module")
def computed(shared_dir, nlp):
    return load_benchmark("actors").compute(nlp)


@pytest.fixture(scope="module")
def baseline():
    return load_baseline("actors")


def test_gold_data_unchanged(computed, baseline):
    assert computed["gold_sha256"] == baseline["gold_sha256"], \
        "gold data changed: re-run benchmarks/actors.py --json and update the baseline"


def test_no_figure_below_its_floor(computed, baseline):
    figures = computed["figures"]
    low = below_floors(figures, baseline["floors"], exact=COUNTS)
    assert not low, f"figures below their floors (got, floor): {low}"


def test_targets_on_short_phrases(computed):
    figures = computed["figures"]
    assert figures["phrases_country_accuracy"] >= 0.92
    assert figures["phrases_sector_accuracy"] >= 0.88


@pytest.mark.parametrize("name", ["heldout_phrases", "heldout2_phrases", "gsr", "gsr_in_context"])
def test_targets_on_held_out_phrases(computed, name):
    figures = computed["figures"]
    assert figures[f"{name}_country_accuracy"] >= 0.92
    assert figures[f"{name}_sector_accuracy"] >= 0.88
