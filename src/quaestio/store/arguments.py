"""Premise-conclusion arguments and the conclusion's claims, created, changed and deleted.

An argument names claims of the debate as its premises and its conclusion (with the
inference in words); a conclusion claim is one sentence of the author's conclusion that
endorses, qualifies or rejects positions. Both carry their own id and version like the
relations and schools of ``store.graph``, and go through the same versioned edit: a
stale version is a 409 with the current state, a bad field a 422 naming it, every change
logged and the debate's ``content_rev`` moved.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from quaestio.errors import NotFoundError, ValidationError
from quaestio.model import VERDICTS, IdAllocator
from quaestio.store.access import Actor, debate_for
from quaestio.store.convert_graph import source_to_json
from quaestio.store.edits import log, next_ord
from quaestio.store.graph_edit import forget, versioned_delete, versioned_update
from quaestio.store.models import ArgumentRow, ConclusionClaimRow, DebateRow, PositionRow
from quaestio.store.nodeviews import all_ids, claim_ids


# -- representations ------------------------------------------------------------------
def argument_dict(row: ArgumentRow) -> dict[str, Any]:
    return {
        "id": row.node_id,
        "title": row.title,
        "premises": list(row.premises),
        "conclusion": row.conclusion,
        "inference": row.inference,
        "origin": row.origin,
        "version": row.version,
    }


def claim_dict(row: ConclusionClaimRow) -> dict[str, Any]:
    return {
        "id": row.node_id,
        "text": row.text,
        "judgements": [dict(j) for j in row.judgements],
        "weight": row.weight,
        "source": row.source,
        "version": row.version,
    }


def list_arguments(session: Session, debate_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(ArgumentRow).where(ArgumentRow.debate_id == debate_id).order_by(ArgumentRow.ord)
    )
    return [argument_dict(r) for r in rows]


def list_claims(session: Session, debate_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(ConclusionClaimRow)
        .where(ConclusionClaimRow.debate_id == debate_id)
        .order_by(ConclusionClaimRow.ord)
    )
    return [claim_dict(r) for r in rows]


def get_argument(session: Session, debate_id: int, argument_id: str) -> ArgumentRow:
    row = session.scalar(
        select(ArgumentRow).where(
            ArgumentRow.debate_id == debate_id, ArgumentRow.node_id == argument_id
        )
    )
    if row is None:
        raise NotFoundError(f"argument {argument_id!r} does not exist", field="argument_id")
    return row


def get_claim(session: Session, debate_id: int, claim_id: str) -> ConclusionClaimRow:
    row = session.scalar(
        select(ConclusionClaimRow).where(
            ConclusionClaimRow.debate_id == debate_id, ConclusionClaimRow.node_id == claim_id
        )
    )
    if row is None:
        raise NotFoundError(f"conclusion claim {claim_id!r} does not exist", field="claim_id")
    return row


# -- checks ---------------------------------------------------------------------------
def _check_structure(
    session: Session, debate_id: int, premises: list[str], conclusion: str
) -> list[str]:
    """The premises, each once; every id must be a claim, the conclusion not a premise.
    No premises is a defeasible argument that presumes its conclusion (Carneades has them)."""
    claims = claim_ids(session, debate_id)
    for p in premises:
        if p not in claims:
            raise ValidationError(f"{p!r} is not a claim of this debate", field="premises")
    if conclusion not in claims:
        raise ValidationError(f"{conclusion!r} is not a claim of this debate", field="conclusion")
    if conclusion in premises:
        raise ValidationError(
            f"{conclusion} cannot be both a premise and the conclusion", field="premises"
        )
    return list(dict.fromkeys(premises))


def _check_judgements(
    session: Session, debate_id: int, judgements: list[dict[str, Any]]
) -> list[dict[str, str]]:
    known = set(
        session.scalars(select(PositionRow.node_id).where(PositionRow.debate_id == debate_id))
    )
    out: dict[str, str] = {}
    for n, j in enumerate(judgements):
        position, verdict = str(j.get("position", "")), str(j.get("verdict", ""))
        if position not in known:
            raise ValidationError(
                f"{position!r} is not a position of this debate",
                field=f"judgements.{n}.position",
            )
        if verdict not in VERDICTS:
            raise ValidationError(
                f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}",
                field=f"judgements.{n}.verdict",
            )
        if position in out and out[position] != verdict:
            raise ValidationError(
                f"{position} is judged twice, {out[position]} and {verdict}",
                field=f"judgements.{n}.verdict",
            )
        out[position] = verdict
    return [{"position": p, "verdict": v} for p, v in out.items()]


def _text(value: object, field: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise ValidationError(f"{field} must not be empty", field=field)
    return text


def _weight(value: object) -> float:
    weight = float(value)  # type: ignore[arg-type]
    if not math.isfinite(weight) or not 0.0 <= weight <= 1.0:
        raise ValidationError("weight must be between 0 and 1", field="weight")
    return weight


# -- arguments ------------------------------------------------------------------------
def create_argument(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    conclusion = str(data["conclusion"])
    row = ArgumentRow(
        debate_id=debate_id,
        node_id=IdAllocator(all_ids(session, debate_id)).argument(),
        ord=next_ord(session, ArgumentRow.ord, ArgumentRow.debate_id == debate_id),
        title=str(data.get("title") or "").strip(),
        premises=_check_structure(session, debate_id, list(data["premises"]), conclusion),
        conclusion=conclusion,
        inference=data.get("inference") or "",
        origin=source_to_json(None),
    )
    session.add(row)
    session.flush()
    after = argument_dict(row)
    log(session, actor, debate_id, "create", "argument", row.node_id, None, after)
    return after


def update_argument(
    session: Session,
    actor: Actor,
    debate_id: int,
    argument_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    def apply(row: ArgumentRow) -> None:
        premises = list(changes.get("premises", row.premises))
        conclusion = str(changes.get("conclusion", row.conclusion))
        row.premises = _check_structure(session, debate_id, premises, conclusion)
        row.conclusion = conclusion
        if "title" in changes:
            row.title = str(changes["title"] or "").strip()
        if "inference" in changes:
            row.inference = changes["inference"] or ""
        flag_modified(row, "premises")  # even an empty edit moves the version

    row = _argument_for_edit(session, actor, debate_id, argument_id)
    return versioned_update(
        session, actor, debate_id, "argument", argument_id, row, argument_dict, expected, apply
    )


def delete_argument(
    session: Session, actor: Actor, debate_id: int, argument_id: str, expected: int
) -> None:
    row = _argument_for_edit(session, actor, debate_id, argument_id)
    versioned_delete(
        session,
        actor,
        debate_id,
        "argument",
        argument_id,
        row,
        argument_dict,
        expected,
        lambda: session.delete(row),
    )


def _argument_for_edit(
    session: Session, actor: Actor, debate_id: int, argument_id: str
) -> ArgumentRow:
    debate_for(session, actor, debate_id, "teacher")
    return get_argument(session, debate_id, argument_id)


# -- conclusion claims ----------------------------------------------------------------
def create_claim(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate, _ = debate_for(session, actor, debate_id, "teacher")
    _needs_conclusion(debate)
    row = ConclusionClaimRow(
        debate_id=debate_id,
        node_id=IdAllocator(all_ids(session, debate_id)).conclusion_claim(),
        ord=next_ord(session, ConclusionClaimRow.ord, ConclusionClaimRow.debate_id == debate_id),
        text=_text(data.get("text"), "text"),
        judgements=_check_judgements(session, debate_id, list(data.get("judgements", []))),
        weight=_weight(data.get("weight", 0.5)),
        source=source_to_json(None),
    )
    session.add(row)
    session.flush()
    after = claim_dict(row)
    log(session, actor, debate_id, "create", "conclusion_claim", row.node_id, None, after)
    return after


def update_claim(
    session: Session,
    actor: Actor,
    debate_id: int,
    claim_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    def apply(row: ConclusionClaimRow) -> None:
        if "text" in changes:
            row.text = _text(changes["text"], "text")
        if "judgements" in changes:
            row.judgements = _check_judgements(session, debate_id, list(changes["judgements"]))
        if "weight" in changes:
            row.weight = _weight(changes["weight"])
        flag_modified(row, "judgements")

    debate_for(session, actor, debate_id, "teacher")
    row = get_claim(session, debate_id, claim_id)
    return versioned_update(
        session, actor, debate_id, "conclusion_claim", claim_id, row, claim_dict, expected, apply
    )


def delete_claim(
    session: Session, actor: Actor, debate_id: int, claim_id: str, expected: int
) -> None:
    """Delete a conclusion claim, and the relations and arguments that name it."""
    debate_for(session, actor, debate_id, "teacher")
    row = get_claim(session, debate_id, claim_id)
    versioned_delete(
        session,
        actor,
        debate_id,
        "conclusion_claim",
        claim_id,
        row,
        claim_dict,
        expected,
        lambda: _forget_claim(session, debate_id, row),
    )


def _forget_claim(session: Session, debate_id: int, row: ConclusionClaimRow) -> None:
    forget(session, debate_id, {row.node_id})
    session.delete(row)


def _needs_conclusion(debate: DebateRow) -> None:
    if debate.conclusion is None:
        raise ValidationError(
            "this debate has no conclusion to hold claims: give it a conclusion first",
            field="conclusion",
        )


def current(session: Session, debate_id: int, resource: str, key: str) -> dict[str, Any] | None:
    """The present state of an argument or conclusion claim (None: gone, or another kind)."""
    try:
        if resource == "argument":
            return argument_dict(get_argument(session, debate_id, key))
        if resource == "conclusion_claim":
            return claim_dict(get_claim(session, debate_id, key))
    except NotFoundError:
        return None
    return None
