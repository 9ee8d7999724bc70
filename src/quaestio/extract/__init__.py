"""Rule-based extraction of years, figures and names from running text.

The names below are loaded on first use (PEP 562): the historians' table and
rapidfuzz behind ``names`` are needed by the importer, not by every reader
that imports ``historian_key`` or ``find_years``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quaestio.extract.figures import find_figures, glued_numbers, parse_figure
    from quaestio.extract.names import (
        HistorianTable,
        KnownName,
        NameCheck,
        fold,
        historian_key,
        load_table,
    )
    from quaestio.extract.typo_fixes import Correction, corrected, corrections
    from quaestio.extract.years import find_years, year_spans

_WHERE: dict[str, str] = {
    "Correction": "quaestio.extract.typo_fixes",
    "corrected": "quaestio.extract.typo_fixes",
    "corrections": "quaestio.extract.typo_fixes",
    "find_figures": "quaestio.extract.figures",
    "glued_numbers": "quaestio.extract.figures",
    "parse_figure": "quaestio.extract.figures",
    "HistorianTable": "quaestio.extract.names",
    "KnownName": "quaestio.extract.names",
    "NameCheck": "quaestio.extract.names",
    "fold": "quaestio.extract.names",
    "historian_key": "quaestio.extract.names",
    "load_table": "quaestio.extract.names",
    "find_years": "quaestio.extract.years",
    "year_spans": "quaestio.extract.years",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "Correction",
    "HistorianTable",
    "KnownName",
    "NameCheck",
    "corrected",
    "corrections",
    "find_figures",
    "find_years",
    "fold",
    "glued_numbers",
    "historian_key",
    "load_table",
    "parse_figure",
    "year_spans",
]
