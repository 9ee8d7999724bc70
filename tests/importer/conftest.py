"""Fixtures for the importer tests: the real seed handout, read from ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_NAME = "seeds/000_4a46fc8bcf2e9123.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    """../shared beside the repo, else $QUAESTIO_SHARED, else /work/shared."""
    candidates = [REPO_ROOT.parent / "shared"]
    if os.environ.get("QUAESTIO_SHARED"):
        candidates.insert(0, Path(os.environ["QUAESTIO_SHARED"]))
    candidates.append(Path("/work/shared"))
    for candidate in candidates:
        if (candidate / SEED_NAME).is_file():
            return candidate
    pytest.fail(f"the seed handout {SEED_NAME} was not found in any of {candidates}")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_dir() / SEED_NAME


@pytest.fixture(scope="session")
def seed_debate(seed_path: Path):  # type: ignore[no-untyped-def]
    from quaestio.importer import import_path

    return import_path(seed_path)
