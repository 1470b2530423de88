"""Gate: the ingest benchmark's figures must not fall below benchmarks/baselines/ingest.json.

Recomputes the accuracy figures of ``benchmarks/ingest.py`` (MEANTIME and PLOVER-GSR sentences, from
../shared) and fails if one drops below its floor or the gold data changed (its sha256).
"""

from __future__ import annotations

import pytest
from gate import below_floors, load_baseline, load_benchmark

#: figures that count gold items: they must stay exactly equal
COUNTS = ("meantime_articles", "meantime_dated_articles", "dateline_openings")


@pytest.fixture(scope="module")
def figures(shared_dir):
    return load_benchmark("ingest").compute()


@pytest.fixture(scope="module")
def baseline():
    return load_baseline("ingest")


def test_gold_data_unchanged(figures, baseline):
    assert figures["gold_sha256"] == baseline["gold_sha256"], "gold data changed: re-run the benchmark, update the baseline"


def test_no_figure_below_its_floor(figures, baseline):
    low = below_floors(figures, baseline["floors"], exact=COUNTS)
    assert not low, f"figures below their floors (got, floor): {low}"
