"""Fixtures for the format tests: the example debate (see ``fmt_example``)."""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import replace

import pytest
from fmt_example import make_example

from quaestio.model import Debate

try:  # the plain-text format is written in the main tree; stand in for it on this branch
    importlib.import_module("quaestio.formats.debate_md")
except ModuleNotFoundError:  # pragma: no cover - disappears once the branches meet
    from quaestio.formats.debate_json import FORMAT as _JSON

    _shim = types.ModuleType("quaestio.formats.debate_md")
    _shim.FORMAT = replace(  # type: ignore[attr-defined]
        _JSON, name="debate-md", suffixes=(".debate.md",), read=None, write=None
    )
    sys.modules["quaestio.formats.debate_md"] = _shim


@pytest.fixture
def example() -> Debate:
    return make_example()
