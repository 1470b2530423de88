"""Every Tidings component is exposed to spaCy through an entry point, and each one loads."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from tidings.config import COMPONENTS

FACTORIES = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name.startswith("tidings_")}


@pytest.mark.parametrize("name", COMPONENTS)
def test_component_has_a_loadable_entry_point(name):
    assert name in FACTORIES, f"{name} is missing from [project.entry-points.spacy_factories]"
    assert callable(FACTORIES[name].load())
