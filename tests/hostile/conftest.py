"""The hostile suite's modules (corpus, harness) live beside the tests; make them importable."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for extra in (HERE, HERE.parents[1], HERE.parent / "formats"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
