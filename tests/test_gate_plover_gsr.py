"""Gate: the event coder's benchmark figures never drop below their recorded floors.

Recomputes ``benchmarks/plover_gsr.py`` (PLOVER gold standard sentences, the project's news
paragraphs and its held-out paragraph sets) and compares with ``benchmarks/baselines/plover_gsr.json``;
the gold data must be the data the floors were measured on. Re-record the floors (and docs/benchmarks.md) when a change
raises them.
"""

from __future__ import annotations

import pytest
from gate import below_floors, load_baseline, load_benchmark


@pytest.fixture(scope="module")
def benchmark(shared_dir):
    module = load_benchmark("plover_gsr")
    if not module.GSR.exists():
        pytest.skip(f"{module.GSR} is absent")
    return module


@pytest.fixture(scope="module")
def baseline(benchmark):
    return load_baseline("plover_gsr")


def test_gold_data_unchanged(benchmark, baseline):
    hashes = benchmark.hashes()
    assert hashes == {key: baseline.get(key) for key in hashes}


def test_figures_at_or_above_floors(benchmark, baseline, nlp):
    figures = benchmark.gate_figures(benchmark.all_figures(nlp))
    below = below_floors(figures, baseline["floors"])
    assert not below, f"below the floor (figure, floor): {below}"
