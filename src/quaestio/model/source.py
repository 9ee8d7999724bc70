"""The smallest shared pieces of the model: where a node came from, the default weight."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_WEIGHT = 0.5


@dataclass(frozen=True)
class Source:
    """Where a node came from in the document it was imported from.

    ``element`` is what the node was in that document's own terms when the format has
    more than one kind of claim (Argdown's ``statement`` or ``argument``, or ``premise``:
    a statement met only inside a premise-conclusion structure), so a writer of the same
    format can give each claim back as it was.
    """

    file: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    element: str | None = None

    def describe(self) -> str:
        if self.line_start is None:
            return self.file or ""
        lines = (
            f"{self.line_start}"
            if self.line_end in (None, self.line_start)
            else f"{self.line_start}-{self.line_end}"
        )
        return f"{self.file}:{lines}" if self.file else f"line {lines}"
