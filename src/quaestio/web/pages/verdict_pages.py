"""The verdict view: rankings side by side, live weight sliders, "my verdict".

Moving a slider posts every weight (htmx) to ``/verdict/compute``, which answers
with the re-computed rankings fragment only, so the page updates in place. Saving
stores the weights and the written verdict per user in the store; a teacher also
sees how the class voted.
"""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from quaestio.errors import QuaestioError, ValidationError
from quaestio.model import Debate
from quaestio.recent import Recent
from quaestio.store import personal
from quaestio.store.access import RANK
from quaestio.store.models import VerdictRow
from quaestio.study.verdict import PlainVerdict, plain_verdict, ready_for_weights
from quaestio.web.offload import offloader
from quaestio.web.pages import viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import Opened, error_fragment, error_page, open_debate
from quaestio.web.pages.verdicts import Comparison, compare, distribution, parse_weights
from quaestio.web.pages.views import VIEWS
from quaestio.web.view_limits import LIMITS, check_view

router = APIRouter()


def _weighed(debate: Debate, weights: dict[str, float]) -> tuple[Comparison, PlainVerdict]:
    """The methods side by side and the plain verdict: the page's heavy part, in a child."""
    return compare(debate, weights), plain_verdict(debate, weights)


Weighing = tuple[Comparison, PlainVerdict]
WeighingKey = tuple[str, int, int, str]


def weighing_key(url: str, opened: Opened, weights: dict[str, float]) -> WeighingKey | None:
    """Database, debate id, ``content_rev`` and a digest of every weight: all a weighing
    depends on (None for a debate not read from the store).

    A visit or a slider move that asks again for what was computed lately (coming back
    to the page, a reload, a student whose weights equal the class default) is then
    answered without a child. Every edit moves ``content_rev``, so an entry never
    outlives the content it was computed from; the key holds the weights themselves,
    not whose they are, so an entry only answers a visitor asking for exactly those.
    """
    if opened.content_rev < 0:
        return None
    every = repr(sorted(weights.items())).encode()  # floats' repr is exact
    return url, opened.id, opened.content_rev, hashlib.sha256(every).hexdigest()


#: an entry at 2,000 points pickles to about 240 kB (the rankings and explanations of seven
#: methods), so a few dozen cover a class moving sliders without holding much memory
weighings: Recent[WeighingKey, Weighing] = Recent(32)


async def _weigh(request: Request, opened: Opened, weights: dict[str, float]) -> Weighing:
    key = weighing_key(db(request).url, opened, weights)
    found = None if key is None else weighings.get(key)
    if found is not None:
        return found
    await run_in_threadpool(ready_for_weights, opened.debate)  # once per revision; children share it
    value = await offloader(request).run(request, "The verdict", _weighed, opened.debate, weights)
    if key is not None:
        weighings.put(key, value)
    return value


#: a slider per point of the largest debate the page shows, and a few fields besides;
#: Starlette's default of 1,000 fields refused every slider move at 2,000 points
MAX_FIELDS = LIMITS["verdict"].points + LIMITS["verdict"].positions + 50


async def _form(request: Request) -> dict[str, str]:
    form = await request.form(max_fields=MAX_FIELDS)
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.get("/d/{debate_id}/verdict", response_class=HTMLResponse, include_in_schema=False)
async def verdict(request: Request, debate_id: int) -> Response:
    try:
        page = await run_in_threadpool(_verdict_page, request, debate_id)
        result, plain = await _weigh(request, page[0], page[0].weights)
    except QuaestioError as exc:
        return error_page(request, exc)
    opened, mine, votes, students = page
    return render(
        request,
        "verdict.html",
        d=opened,
        debate=opened.debate,
        views=VIEWS,
        current_view="verdict",
        colours=viewdata.colours(opened.debate),
        short=viewdata.short,
        label_of=viewdata.label_of,
        result=result,
        plain=plain,
        compare_open=False,
        mine=mine,
        votes=votes,
        students=students,
        titles={p.id: p.title for p in opened.debate.positions},
    )


VerdictPage = tuple[
    Opened, VerdictRow | None, list[tuple[str, str, int]], list[tuple[str, str | None, str]]
]


def _verdict_page(request: Request, debate_id: int) -> VerdictPage:
    """What the verdict page reads from the store: the debate, the visitor's own verdict
    and, for a teacher, the class's."""
    opened = open_debate(request, debate_id)
    check_view(opened.debate, "verdict")
    me = visitor(request)
    mine = None
    votes: list[tuple[str, str, int]] = []
    students: list[tuple[str, str | None, str]] = []
    with db(request).read() as session:
        if me.signed_in and opened.can_write_own:
            mine = personal.my_verdict(session, me.actor, debate_id)
        if RANK[opened.role] >= RANK["teacher"]:
            rows = personal.all_verdicts(session, me.actor, debate_id)
            votes = distribution(opened.debate, [v.favoured for v, _ in rows])
            students = [(u.display_name or u.username, v.favoured, v.text) for v, u in rows]
    return opened, mine, votes, students


@router.post("/d/{debate_id}/verdict/compute", response_class=HTMLResponse, include_in_schema=False)
async def compute(request: Request, debate_id: int) -> Response:
    form = await _form(request)
    try:
        opened = await run_in_threadpool(open_debate, request, debate_id)
        check_view(opened.debate, "verdict")
        weights = opened.weights | parse_weights(form, opened.debate)
        result, plain = await _weigh(request, opened, weights)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    response = render(
        request,
        "_ranking.html",
        d=opened,
        debate=opened.debate,
        result=result,
        plain=plain,
        compare_open=form.get("compare") == "1",
        titles={p.id: p.title for p in opened.debate.positions},
        label_of=viewdata.label_of,
    )
    response.headers["X-Compute-Ms"] = f"{result.millis:.1f}"
    return response


@router.post("/d/{debate_id}/weights", response_class=HTMLResponse, include_in_schema=False)
async def save_weights(request: Request, debate_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request)
        if not me.signed_in:
            raise ValidationError("sign in to keep your weights", field="weights")
        opened = open_debate(request, debate_id)
        check_view(opened.debate, "verdict")
        wanted = parse_weights(form, opened.debate)
        changed = 0
        with db(request).transaction() as session:
            versions = {
                w.node_id: w.version for w in personal.weights(session, me.actor, debate_id)
            }
            for node, value in wanted.items():
                if abs(opened.weights.get(node, -1.0) - value) < 1e-9:
                    continue
                personal.set_weight(
                    session, me.actor, debate_id, node, value, versions.get(node, 0)
                )
                changed += 1
    except QuaestioError as exc:
        return error_fragment(request, exc)
    return render(request, "_saved.html", message=f"Saved your weights ({changed} changed).")


@router.post("/d/{debate_id}/my-verdict", response_class=HTMLResponse, include_in_schema=False)
async def save_verdict(request: Request, debate_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request)
        if not me.signed_in:
            raise ValidationError("sign in to save your verdict", field="verdict")
        opened = open_debate(request, debate_id)
        check_view(opened.debate, "verdict")
        favoured = form.get("favoured") or None
        text = form.get("text", "").strip()
        with db(request).transaction() as session:
            current = personal.my_verdict(session, me.actor, debate_id)
            personal.set_verdict(
                session,
                me.actor,
                debate_id,
                text,
                favoured,
                current.version if current is not None else 0,
            )
    except QuaestioError as exc:
        return error_fragment(request, exc)
    title = next((p.title for p in opened.debate.positions if p.id == favoured), None)
    return render(
        request,
        "_saved.html",
        message=f"Saved your verdict{f': {title}' if title else ''}.",
    )
