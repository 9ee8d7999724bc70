"""The ``../shared`` lookup for modules that need it at import time (parametrisation)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """``../shared`` beside the repository, else ``$QUAESTIO_SHARED``, else ``/work/shared``."""
    candidates = [REPO_ROOT.parent / "shared"]
    if os.environ.get("QUAESTIO_SHARED"):
        candidates.insert(0, Path(os.environ["QUAESTIO_SHARED"]))
    candidates.append(Path("/work/shared"))
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no shared/ folder found beside the repository")
