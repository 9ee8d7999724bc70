"""A consequence cited as evidence (a relation from it) survives every format that keeps
both consequences and relations; the others say in their "loses" what goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from quaestio.formats.registry import all_formats, read_path, write_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"


def _links(debate) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(kind, consequence text, position title): ids may be renumbered by a format."""
    text = {c.id: c.text for c in debate.consequences}
    title = {p.id: p.title for p in debate.positions}
    return {
        (r.kind, text[r.source], title[r.target])
        for r in debate.relations
        if r.source in text and r.target in title
    }


@pytest.mark.parametrize("fmt", [f for f in all_formats() if f.can_read and f.can_write], ids=lambda f: f.name)
def test_consequence_links_are_kept_or_named_as_lost(fmt) -> None:  # type: ignore[no-untyped-def]
    debate = read_path(EXAMPLE).debate
    wanted = _links(debate)
    assert len(wanted) == 4
    assert fmt.read is not None
    back = fmt.read(write_bytes(debate, fmt), "example" + fmt.suffixes[0]).debate
    kept = _links(back)
    if kept != wanted:
        said = fmt.loses.casefold()
        assert "consequences" in said or "cross-links" in said or "relations" in said, fmt.name
    if fmt.name in ("json", "debate-md", "argdown"):
        assert kept == wanted
