"""Shared by the benchmark gates (tests/test_gate_*.py): load a benchmark script, compare to floors.

The gates follow trafilatura's eval gate: each benchmark's figures are pinned as floors in
``benchmarks/baselines/<name>.json`` with a sha256 of the gold data, so no change lowers a figure
silently and no floor is measured on other data than the gold it names.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` as a module (registered, so its dataclasses can be defined)."""
    module_name = f"{name}_benchmark"
    if module_name in sys.modules:
        return sys.modules[module_name]
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))  # benchmarks import their sibling readers
    spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def load_baseline(name: str) -> dict:
    return json.loads((BENCHMARKS / "baselines" / f"{name}.json").read_text(encoding="utf-8"))


def below_floors(figures: dict, floors: dict, exact: tuple[str, ...] = ()) -> dict:
    """Figures under their floor as ``{name: (figure, floor)}``; names in ``exact`` (counts of gold
    items) must equal their recorded value. A floor with no figure counts as missing."""
    low = {}
    for name, floor in floors.items():
        if name not in figures:
            low[name] = (None, floor)
        elif name in exact:
            if figures[name] != floor:
                low[name] = (figures[name], floor)
        elif figures[name] < floor - 1e-9:
            low[name] = (round(figures[name], 4), floor)
    return low
