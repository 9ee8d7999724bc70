"""Shared test setup: where ../shared lives, and the bundled example."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # for helpers such as strategies.py


def shared_dir() -> Path:
    """``../shared`` beside the clone (CI), or QUAESTIO_SHARED, or /work/shared."""
    candidates = [
        os.environ.get("QUAESTIO_SHARED"),
        str(REPO_ROOT.parent / "shared"),
        "/work/shared",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "seeds").is_dir():
            return Path(candidate)
    raise RuntimeError("cannot find ../shared (set QUAESTIO_SHARED)")


# Shared machines are slow and noisy: no per-example deadlines, and a fixed
# database of examples is not needed in CI.
settings.register_profile(
    "quaestio", deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
settings.load_profile("quaestio")

SHARED = shared_dir()
SEED = SHARED / "seeds" / "000_4a46fc8bcf2e9123.txt"
EXAMPLE = REPO_ROOT / "examples" / "purges.debate.md"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
