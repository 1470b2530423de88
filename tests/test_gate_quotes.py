"""Gate: quote attribution figures never drop below benchmarks/baselines/quotes.json.

Recomputes ``benchmarks/quotes.py`` on the project's attribution test set (in the repository) and on the
reference article's gold quotes (in ../shared; that part skips when it is absent).
"""

from __future__ import annotations

import pytest
from gate import load_baseline, load_benchmark


@pytest.fixture(scope="module")
def bench():
    return load_benchmark("quotes")


@pytest.fixture(scope="module")
def baseline(bench):
    return load_baseline("quotes")


@pytest.fixture(scope="module")
def results(bench, nlp):
    return {"test_set": bench.evaluate_test_set(nlp), "holdout": bench.evaluate_test_set(nlp, bench.HOLDOUT),
            "holdout2": bench.evaluate_test_set(nlp, bench.HOLDOUT2), "reference": None,
            "test_set_sha256": bench.test_set_hash(), "reference_gold_sha256": bench.reference_hash()}


def test_test_set_unchanged(bench, baseline):
    assert bench.test_set_hash() == baseline["test_set_sha256"], \
        "benchmarks/data/quotes changed: rerun `python benchmarks/quotes.py --write-baseline` and review the figures"


def test_test_set_figures_hold(bench, baseline, results):
    drops = [d for d in bench.below_floor(results, baseline) if not d.startswith("reference.")]
    assert not drops, "; ".join(drops)


def test_reference_figures_hold(bench, baseline, results, nlp, shared_dir):
    assert bench.reference_hash() == baseline["reference_gold_sha256"], "the reference gold file changed"
    results = dict(results, reference=bench.evaluate_reference(nlp))
    drops = [d for d in bench.below_floor(results, baseline) if d.startswith("reference.")]
    assert not drops, "; ".join(drops)
