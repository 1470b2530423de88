"""Gate: the ingest benchmark's figures must not fall below benchmarks/baselines/ingest.json.

Recomputes the accuracy figures of ``benchmarks/ingest.py`` (MEANTIME and PLOVER-GSR sentences, from
../shared) and fails if one drops below its floor or the gold data changed (its sha256).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "benchmarks" / "baselines" / "ingest.json"
#: figures that count gold items: they must stay exactly equal
COUNTS = ("meantime_articles", "meantime_dated_articles", "dateline_openings")


def _benchmark():
    spec = importlib.util.spec_from_file_location("ingest_benchmark", ROOT / "benchmarks" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(shared_dir):
    return _benchmark().compute()


@pytest.fixture(scope="module")
def baseline():
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def test_gold_data_unchanged(figures, baseline):
    assert figures["gold_sha256"] == baseline["gold_sha256"], "gold data changed: re-run the benchmark, update the baseline"


def test_no_figure_below_its_floor(figures, baseline):
    low = {}
    for name, floor in baseline["floors"].items():
        if name in COUNTS:
            if figures[name] != floor:
                low[name] = (figures[name], floor)
        elif figures[name] < floor - 1e-9:
            low[name] = (round(figures[name], 4), floor)
    assert not low, f"figures below their floors (got, floor): {low}"
