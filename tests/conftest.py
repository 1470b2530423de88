"""Shared fixtures: the pipeline (loaded once), the reference article in ../shared, temp stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE_ARTICLE = SHARED / "examples" / "tasnim-iraq-2021.txt"
REFERENCE_GOLD = SHARED / "gold" / "tasnim-iraq-2021.gold.json"
REFERENCE_PUBLISHED = "2021-11-20"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The full Tidings pipeline on the installed English model."""
    from tidings.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: reference data lives beside the clone, not in it")
    return SHARED


@pytest.fixture(scope="session")
def reference_text(shared_dir) -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_gold(shared_dir) -> dict:
    import json

    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_annotation(nlp, reference_text):
    """The reference article annotated once per test session (published 2021-11-20)."""
    import tidings

    return tidings.annotate(reference_text, published=REFERENCE_PUBLISHED, nlp=nlp)


@pytest.fixture
def resolve(nlp):
    """Resolve a short actor phrase with the shared pipeline: ``resolve(text, date=None)``."""
    from tidings.actors import resolve_actor

    def run(text: str, date: str | None = None):
        return resolve_actor(text, date, nlp=nlp)

    return run


@pytest.fixture
def annotate_text(nlp):
    """Annotate a short text with the shared pipeline: ``annotate_text(text, published=None)``."""
    import tidings

    def run(text: str, published: str | None = None):
        return tidings.annotate(text, published=published, nlp=nlp)

    return run
