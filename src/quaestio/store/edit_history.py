"""One user's undo and redo in the editor, kept in the debate's revision history.

The revisions table already logs every change, per debate and per user, and
outlives a page reload; so undo needs no table of its own. Each editor action adds
one marker revision (resource ``editor``): a ``step`` holds its label and the
operations that reverse it, an ``undo``/``redo`` names the step it replayed and the
operations that would reverse the replay. Reading a user's markers in order
rebuilds both stacks, whichever browser tab (or day) the edits came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import ValidationError
from quaestio.store.access import Actor
from quaestio.store.edit_steps import Op, Touched, apply
from quaestio.store.models import Revision
from quaestio.store.revisions import record

RESOURCE = "editor"
STEP, UNDO, REDO = "step", "undo", "redo"
#: how many of a user's latest markers are read: older steps drop off the stack
WINDOW = 400


@dataclass(frozen=True)
class Step:
    """One entry of a stack: the step's label and the operations that replay it."""

    marker: int
    label: str
    ops: tuple[Op, ...]


@dataclass(frozen=True)
class Stacks:
    undo: tuple[Step, ...]
    redo: tuple[Step, ...]


def stacks(session: Session, debate_id: int, user_id: int | None) -> Stacks:
    """The user's undo and redo stacks for this debate, latest last."""
    if user_id is None:
        return Stacks((), ())
    rows = list(
        session.scalars(
            select(Revision)
            .where(
                Revision.debate_id == debate_id,
                Revision.user_id == user_id,
                Revision.resource == RESOURCE,
            )
            .order_by(Revision.id.desc())
            .limit(WINDOW)
        )
    )
    undo: list[Step] = []
    redo: list[Step] = []
    for row in reversed(rows):
        data: dict[str, Any] = row.after or {}
        if row.action == STEP:
            undo.append(Step(row.id, str(data.get("label", "")), tuple(data.get("ops", ()))))
            redo.clear()
        elif row.action == UNDO and undo and undo[-1].marker == data.get("step"):
            done = undo.pop()
            redo.append(Step(done.marker, done.label, tuple(data.get("ops", ()))))
        elif row.action == REDO and redo and redo[-1].marker == data.get("step"):
            done = redo.pop()
            undo.append(Step(done.marker, done.label, tuple(data.get("ops", ()))))
    return Stacks(tuple(undo), tuple(redo))


def run(session: Session, actor: Actor, debate_id: int, ops: list[Op]) -> tuple[list[Op], Touched]:
    """Apply ``ops`` in order; returns the reversing operations (in the order to apply them)."""
    touched = Touched()
    inverse: list[Op] = []
    for op in ops:
        back, t = apply(session, actor, debate_id, op)
        inverse.insert(0, back)
        touched.merge(t)
    return inverse, touched


def do(session: Session, actor: Actor, debate_id: int, label: str, ops: list[Op]) -> Touched:
    """An editor action: apply its operations and remember them as one undoable step."""
    inverse, touched = run(session, actor, debate_id, ops)
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action=STEP,
        resource=RESOURCE,
        after={"label": label, "ops": inverse},
    )
    return touched


def replay(session: Session, actor: Actor, debate_id: int, which: str) -> tuple[str, Touched]:
    """Undo (``which="undo"``) or redo the user's latest step; returns its label."""
    current = stacks(session, debate_id, actor.user_id)
    stack = current.undo if which == UNDO else current.redo
    if not stack:
        raise ValidationError(f"nothing to {which}", field="history")
    top = stack[-1]
    inverse, touched = run(session, actor, debate_id, list(top.ops))
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action=UNDO if which == UNDO else REDO,
        resource=RESOURCE,
        after={"step": top.marker, "label": top.label, "ops": inverse},
    )
    return top.label, touched
