"""Where the test data lives: ``../shared`` beside the clone, and the bundled example."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


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


SHARED = shared_dir()
SEED = SHARED / "seeds" / "000_4a46fc8bcf2e9123.txt"
EXAMPLE = REPO_ROOT / "examples" / "purges.debate.md"
