"""Fixtures for the format tests: the example debate (see ``fmt_example``)."""

from __future__ import annotations

import pytest
from fmt_example import make_example

from quaestio.model import Debate


@pytest.fixture
def example() -> Debate:
    return make_example()
