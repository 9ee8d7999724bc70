"""Shared test setup: where ../shared lives, and the bundled example."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # for helpers such as strategies.py


# Shared machines are slow and noisy: no per-example deadlines, and a fixed
# database of examples is not needed in CI.
settings.register_profile(
    "quaestio", deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
settings.load_profile("quaestio")

from paths import EXAMPLE, SEED, SHARED, shared_dir  # noqa: E402

__all__ = ["EXAMPLE", "SEED", "SHARED", "shared_dir"]

# The browser suites' one server and one Chromium (tests/web_browser.py), registered
# here so that every suite below shares the same session-scoped instances.
pytest_plugins = ["web_browser"]


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
