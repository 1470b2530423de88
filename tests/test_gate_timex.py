"""Gate: the time benchmark's figures must not fall below benchmarks/baselines/timex.json.

Recomputes every figure of ``benchmarks/timex.py`` (MEANTIME and the reference article, from
../shared) and fails if one drops below its floor or the gold data changed (its sha256).
"""

from __future__ import annotations

import pytest
from gate import below_floors, load_baseline, load_benchmark

#: figures that count gold items: they must stay exactly equal
COUNTS = ("meantime_articles", "meantime_timex_gold", "meantime_events_dated", "meantime_events_stated",
          "reference_timex_gold", "reference_dated_events")


@pytest.fixture(scope="module")
def figures(shared_dir, nlp):
    return load_benchmark("timex").compute(nlp)


@pytest.fixture(scope="module")
def baseline():
    return load_baseline("timex")


def test_gold_data_unchanged(figures, baseline):
    assert figures["gold_sha256"] == baseline["gold_sha256"], "gold data changed: re-run the benchmark, update the baseline"


def test_no_figure_below_its_floor(figures, baseline):
    low = below_floors(figures, baseline["floors"], exact=COUNTS)
    assert not low, f"figures below their floors (got, floor): {low}"
