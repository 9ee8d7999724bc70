"""Editing a debate file in place: read, change, check nothing is lost, write atomically.

Used by commands that change one thing in a file a person keeps (``quaestio ach
set``): the file is rewritten in its own format, so that format must be able to
hold the change. Writing a rating into a format that drops ratings would report
success and lose it, so the written bytes are read back first and the file is
only replaced when the change survives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quaestio.errors import UnsupportedOperationError, ValidationError
from quaestio.formats.registry import for_path, read_path, write_bytes
from quaestio.model import Debate, validate


def _ach_state(debate: Debate) -> object:
    return (
        debate.ach_ratings(),
        {e.id: (e.credibility, e.relevance) for _, e in debate.iter_evidence()},
    )


def edit_ach_in_place(path: str | Path, change: Callable[[Debate], Debate]) -> Debate:
    """Apply ``change`` to the debate in ``path`` and write it back atomically.

    Refuses (leaving the file untouched) when the result does not validate or
    when the file's format cannot carry the analyst's ACH judgements.
    """
    target = Path(path)
    fmt = for_path(target)
    debate = change(read_path(target, fmt).debate)
    errors = [p for p in validate(debate) if p.severity == "error"]
    if errors:
        first = errors[0]
        raise ValidationError(
            first.message, problems=list(errors), file=str(target), field=first.field
        )
    data = write_bytes(debate, fmt)
    if fmt.read is None or _ach_state(fmt.read(data, str(target)).debate) != _ach_state(debate):
        raise UnsupportedOperationError(
            f"the {fmt.name} format cannot keep ACH ratings; convert the file to "
            ".debate.md or .json first",
            file=str(target),
            field="format",
        )
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return debate
