"""The reasoning engine's verdict on a debate, with the asking user's own weights.

The engine lives in ``quaestio.reasoning`` and is imported lazily: a build
without it still serves everything else and answers this endpoint with 501.
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from quaestio.model import Debate
from quaestio.recent import Recent
from quaestio.store import debates, personal
from quaestio.store.access import debate_for
from quaestio.study.verdict import plain_verdict, ready_for_weights
from quaestio.web.api.errors import NotImplementedYetError
from quaestio.web.deps import ActorDep, DbDep, DebateId
from quaestio.web.offload import offloader

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["evaluation"])


def engine() -> tuple[Any, Any]:
    """``(evaluate, evaluate_all)`` from the reasoning layer, or a 501 error."""
    try:
        module = importlib.import_module("quaestio.reasoning")
    except ImportError as exc:  # pragma: no cover - the package always exists
        raise NotImplementedYetError("the reasoning engine is not installed") from exc
    evaluate = getattr(module, "evaluate", None)
    evaluate_all = getattr(module, "evaluate_all", None)
    if evaluate is None or evaluate_all is None:
        raise NotImplementedYetError(
            "the reasoning engine (quaestio.reasoning.evaluate) is not available in this build",
            field="semantics",
        )
    return evaluate, evaluate_all


def run(debate: Debate, semantics: str | None, weights: dict[str, float]) -> dict[str, Any]:
    evaluate, evaluate_all = engine()
    result = (
        evaluate_all(debate, weights) if semantics is None else evaluate(debate, semantics, weights)
    )
    to_dict = getattr(result, "to_dict", None)
    if callable(to_dict):
        out = to_dict()
        return out if isinstance(out, dict) else {"result": out}
    if isinstance(result, dict):
        return {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in result.items()}
    return {"result": result}


#: results by (database, debate, content_rev, semantics, weights): evaluating a large
#: debate takes far longer than reading it, and the answer only changes with the
#: content or the weights, both of which are in the key
_cache: Recent[Hashable, dict[str, Any]] = Recent(64)


def _prepared(
    db: DbDep, actor: ActorDep, debate_id: int, semantics: str | None, compare: bool, weights: str
) -> tuple[Hashable, dict[str, Any] | None, Debate | None, dict[str, float]]:
    """The cache key, a cached answer or the debate to compute it from, and the weights."""
    with db.read() as session:
        row, _ = debate_for(session, actor, debate_id)  # permission first: 404 tells nothing
        engine()
        # your own weights over the class default (a class's teacher's weights)
        mine = personal.effective_weights(session, actor, debate_id) if weights == "mine" else {}
        key = (
            str(session.get_bind().engine.url),
            row.id,
            row.content_rev,
            semantics if semantics or compare else "plain",
            tuple(sorted(mine.items())),
        )
        result = _cache.get(key)
        debate = None if result is not None else debates.debate_of(session, row)
    return key, result, debate, mine


def _computed(
    debate: Debate, semantics: str | None, compare: bool, weights: dict[str, float]
) -> dict[str, Any]:
    result: dict[str, Any] = {"verdict": plain_verdict(debate, weights).to_dict()}
    if semantics or compare:
        result["evaluation"] = run(debate, semantics, weights)
    return result


@router.get("/evaluation")
async def evaluation(
    request: Request,
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    semantics: Annotated[
        str | None, Query(description="compare methods: one semantics (all with compare=true)")
    ] = None,
    compare: Annotated[
        bool, Query(description="also the methods side by side (engine strengths and statuses)")
    ] = False,
    weights: Annotated[
        str,
        Query(
            pattern="^(mine|default)$",
            description="'mine': your own weights over the class default (your teacher's) "
            "and the debate's",
        ),
    ] = "mine",
) -> dict[str, Any]:
    """The verdict in plain words (balance of evidence, the handout's own verdict, citing
    points); with ``semantics`` or ``compare=true`` also the methods' output (``evaluation``).

    The computing runs in a child process with a time and memory budget (422 past
    them) and stops when the client disconnects."""
    key, result, debate, mine = await run_in_threadpool(
        _prepared, db, actor, debate_id, semantics, compare, weights
    )
    if debate is not None:
        await run_in_threadpool(ready_for_weights, debate)  # once per revision; children share it
        result = await offloader(request).run(
            request, "The evaluation", _computed, debate, semantics, compare, mine
        )
        _cache.put(key, result)
    assert result is not None
    return {"debate_id": debate_id, "weights": weights, **result}
