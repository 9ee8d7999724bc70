"""The read-only views of one debate: table, map, matrix, timeline, historians, balance.

Each handler loads the debate as the visitor may see it and renders one template;
the data each view draws comes from ``viewdata`` so it is tested without a browser.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import QuaestioError
from quaestio.reasoning import debate_graph, strengths
from quaestio.store import classes as store_classes
from quaestio.store import nodeviews
from quaestio.web.pages import treeview, viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import Opened, error_page, open_debate
from quaestio.web.view_limits import check_view

router = APIRouter()

VIEWS = (
    ("table", "Table"),
    ("tree", "Nested"),
    ("map", "Map"),
    ("matrix", "Matrix"),
    ("timeline", "Timeline"),
    ("historians", "Historians"),
    ("balance", "Balance sheet"),
    ("verdict", "Verdict"),
)


def as_json(data: Any) -> str:
    """JSON safe to put inside a <script> element (no closing tag can appear)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def view(request: Request, debate_id: int, name: str, **extra: Any) -> Response:
    try:
        opened = open_debate(request, debate_id)
        check_view(opened.debate, name)
    except QuaestioError as exc:
        return error_page(request, exc)
    context = {key: fn(opened) if callable(fn) else fn for key, fn in extra.items()}
    return render(
        request,
        f"{name}.html",
        d=opened,
        debate=opened.debate,
        views=VIEWS,
        current_view=name,
        colours=viewdata.colours(opened.debate),
        short=viewdata.short,
        label_of=viewdata.label_of,
        **context,
    )


@router.get("/d/{debate_id}", include_in_schema=False)
def debate_home(debate_id: int) -> RedirectResponse:
    return RedirectResponse(f"/d/{debate_id}/table", status_code=303)


@router.get("/d/{debate_id}/table", response_class=HTMLResponse, include_in_schema=False)
def table(request: Request, debate_id: int) -> Response:
    return view(request, debate_id, "table", historians=lambda o: viewdata.historians(o.debate))


@router.get("/d/{debate_id}/tree", response_class=HTMLResponse, include_in_schema=False)
def nested(request: Request, debate_id: int) -> Response:
    """The nested view: every claim with its pros and cons below it; editors answer in place."""
    return view(
        request,
        debate_id,
        "tree",
        tree=lambda o: treeview.tree(o.debate),
        discussed_in=lambda o: _discussed_in(request, debate_id),
    )


def _discussed_in(request: Request, debate_id: int) -> list[tuple[int, str]]:
    """The viewer's classes that have this debate, for links to each class's discussion."""
    with db(request).read() as session:
        rows = store_classes.classes_with_debate(session, visitor(request).actor.user_id, debate_id)
        return [(c.id, c.name) for c in rows]


def _strengths(o: Opened) -> dict[str, float]:
    """DF-QuAD strength of every node (not only positions) for the map's node sizes.

    Only the fixed point is computed here, not the explanations ``evaluate`` adds
    (Shapley values), so a 2,000-node map renders in well under a second.
    """
    graph = debate_graph(o.debate)
    return strengths(graph.qbaf(o.weights), "dfquad").as_dict(graph.ids)


@router.get("/d/{debate_id}/map", response_class=HTMLResponse, include_in_schema=False)
def argument_map(request: Request, debate_id: int) -> Response:
    return view(
        request,
        debate_id,
        "map",
        graph_json=lambda o: as_json(
            viewdata.graph(o.debate.with_weights(o.weights), _strengths(o))
        ),
    )


@router.get("/d/{debate_id}/matrix", response_class=HTMLResponse, include_in_schema=False)
def matrix(request: Request, debate_id: int) -> Response:
    """The ACH matrix: an editor's cell changes are saved with the debate (versioned)."""

    def data(o: Opened) -> str:
        versions: dict[str, int] = {}
        if o.can_edit:
            with db(request).read() as session:
                versions = nodeviews.versions(session, o.id)
        return as_json(viewdata.matrix(o.debate.with_weights(o.weights), versions, o.can_edit))

    return view(request, debate_id, "matrix", matrix_json=data)


@router.get("/d/{debate_id}/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline(request: Request, debate_id: int) -> Response:
    return view(
        request,
        debate_id,
        "timeline",
        timeline_data=lambda o: viewdata.timeline(o.debate),
        timeline_json=lambda o: as_json(viewdata.timeline(o.debate)),
    )


@router.get("/d/{debate_id}/historians", response_class=HTMLResponse, include_in_schema=False)
def historians(request: Request, debate_id: int) -> Response:
    return view(
        request, debate_id, "historians", historians=lambda o: viewdata.historians(o.debate)
    )


@router.get("/d/{debate_id}/historians/{key}", response_class=HTMLResponse, include_in_schema=False)
def historian(request: Request, debate_id: int, key: str) -> Response:
    return view(
        request,
        debate_id,
        "historian",
        entry=lambda o: viewdata.historian(o.debate, key),
        key=key,
    )


@router.get("/d/{debate_id}/balance", response_class=HTMLResponse, include_in_schema=False)
def balance(request: Request, debate_id: int) -> Response:
    return view(
        request, debate_id, "balance", sheet=lambda o: viewdata.balance(o.debate, o.weights)
    )
