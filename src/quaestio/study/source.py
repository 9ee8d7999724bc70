"""Reading the debate that study material is made from.

Students usually start from the teacher's handout itself (a ``.txt`` or
``.docx``); the FORMATS table reads those through the importer, so this only
adds one thing: nodes without a source line get their line in the file read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from quaestio.formats.registry import by_name, read_path
from quaestio.model import Debate, Source


def with_locations(debate: Debate, locations: Mapping[str, int], file: str) -> Debate:
    """Give nodes that carry no source the line where they sit in the file just read.

    Plans and cards cite a node's source line; a hand-written ``.debate.md`` has no
    original handout, so the line in that file is the one a student can look up.
    """

    def located(node_id: str, source: Source | None) -> Source | None:
        if source is not None or node_id not in locations:
            return source
        return Source(file, locations[node_id], locations[node_id])

    positions = tuple(
        replace(
            p,
            source=located(p.id, p.source),
            evidence=tuple(replace(e, source=located(e.id, e.source)) for e in p.evidence),
        )
        for p in debate.positions
    )
    consequences = tuple(replace(c, source=located(c.id, c.source)) for c in debate.consequences)
    return replace(debate, positions=positions, consequences=consequences)


def read_debate(path: str | Path, fmt: str | None = None) -> Debate:
    """The debate in ``path`` (any readable format), every node with a line to cite."""
    loaded = read_path(path, by_name(fmt) if fmt else None)
    return with_locations(loaded.debate, loaded.locations, str(path))
