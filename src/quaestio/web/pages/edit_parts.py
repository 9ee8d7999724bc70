"""The editor's page parts, rendered alone so a change redraws only what it touched.

An edit answers with the part it changed (one node, one position's points, a new
position) and, out of band, the undo/redo bar; undo, redo and moves answer with the
parts their operations touched. Everything names points by their words: the ids
stay in attributes, where only the code reads them.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy import select

from quaestio.model import Debate
from quaestio.store import edit_history, nodeviews
from quaestio.store.edit_steps import Touched
from quaestio.store.models import DebateRow, EvidenceRow, PositionRow
from quaestio.web.pages import links_view, viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import open_debate

DEBATE_NODE = "debate"  # the debate's own fields (title, question, conclusion)
NAME_LENGTH = 60


#: written after a historian's name in the form: they dispute the claim rather than make it
DISPUTES = "(disputes)"


def as_field(node: dict[str, Any], name: str) -> Any:
    """A node's value as its form field holds it (lists become text), for undo/redo."""
    value = node.get(name)
    if name == "historians":
        return ", ".join(
            h["name"] + (f" {DISPUTES}" if h.get("stance") == "against" else "")
            for h in value or []
        )
    if name in ("years", "rebuts", "tags"):
        return ", ".join(str(v) for v in value or [])
    return value


def name_of(node: dict[str, Any]) -> str:
    """How a node is named to people: its label, title or first words, never its id."""
    text = node.get("label") or node.get("title") or node.get("text") or ""
    return viewdata.short(str(text), NAME_LENGTH)


def node_dict(session: Any, debate_id: int, node_id: str) -> dict[str, Any]:
    """A node as the editor shows it (the debate's own fields under ``debate``)."""
    if node_id == DEBATE_NODE:
        row = session.get(DebateRow, debate_id)
        return {
            "id": DEBATE_NODE,
            "title": row.title,
            "question": row.question,
            "conclusion": (row.conclusion or {}).get("text") or "",
            "version": row.version,
        }
    kind = kind_of(node_id)
    if kind == "consequence":
        return nodeviews.consequence_dict(nodeviews.get_consequence(session, debate_id, node_id))
    if kind == "evidence":
        return nodeviews.evidence_dict(session, nodeviews.get_evidence(session, debate_id, node_id))
    return nodeviews.position_dict(session, nodeviews.get_position(session, debate_id, node_id))


def kind_of(node_id: str) -> str:
    if node_id == DEBATE_NODE:
        return "debate"
    if node_id.startswith("c."):
        return "consequence"
    return "evidence" if "." in node_id else "position"


def _depths(debate: Debate) -> dict[str, int]:
    parent = {e.id: e.parent for _, e in debate.iter_evidence()}
    out: dict[str, int] = {}
    for node in parent:
        depth, up = 0, parent.get(node)
        while up is not None and depth < 50:
            depth, up = depth + 1, parent.get(up)
        out[node] = depth
    return out


def context(request: Request, debate: Debate, debate_id: int, **extra: Any) -> dict[str, Any]:
    """What every editor part needs besides its nodes."""
    points = list(debate.iter_evidence())
    depths = _depths(debate)
    me = visitor(request)
    with db(request).read() as session:
        history = edit_history.stacks(session, debate_id, me.actor.user_id)
    return {
        "did": debate_id,
        "debate": debate,
        "colours": viewdata.colours(debate),
        "names": {e.id: viewdata.label_of(e) for _, e in points},
        "name_of": name_of,
        "depth_of": lambda e: depths.get(e.id, 0),
        "history": history,
        "field": as_field,
        "lazy_points": not carries_points(debate),
        **extra,
    }


def choices(debate: Debate) -> list[dict[str, str]]:
    """Every point, named by its words, for the list a rebuttal is picked from."""
    return [
        {
            "id": e.id,
            "name": viewdata.label_of(e),
            "full": f"{e.label}: {e.text}" if e.label else e.text,
            "search": f"{e.label or ''} {e.text} {p.title}".lower(),
            "position": viewdata.short(p.title, 40),
        }
        for p, e in debate.iter_evidence()
    ]


def targets(debate: Debate) -> list[dict[str, str]]:
    """Where a point can be moved to: under a position, or as an answer to a point."""
    out: list[dict[str, str]] = []
    for p in debate.positions:
        out.append({"id": p.id, "name": f"the position “{viewdata.short(p.title, 50)}”"})
        out.extend(
            {"id": e.id, "name": f"  the point “{viewdata.label_of(e)}”"} for e in p.evidence
        )
    return out


#: past this many points the editor page carries the positions only; each position's
#: points are fetched when it scrolls into view (2,000 points made a 2.4 MB page), and
#: the browser lays out only the positions near the screen
LAZY_POINTS = 400


def carries_points(debate: Debate) -> bool:
    """Whether the whole editor page carries every point (``LAZY_POINTS`` or fewer)."""
    return sum(len(p.evidence) for p in debate.positions) <= LAZY_POINTS


def nodes_of(
    session: Any, debate_id: int, debate: Debate, positions: list[str], points: bool = True
) -> dict[str, Any]:
    """The editor's view of the named positions and, unless ``points`` is false, their
    points (all positions when ``positions`` is empty)."""
    ctx = nodeviews.around(session, debate_id)  # read once, not once per point
    shown = [p for p in debate.positions if not positions or p.id in positions]
    position_rows = {
        r.node_id: r
        for r in session.scalars(
            select(PositionRow).where(
                PositionRow.debate_id == debate_id,
                PositionRow.node_id.in_([p.id for p in shown]),
            )
        )
    }
    point_rows = {  # only the shown positions' points: after one edit, one position
        r.node_id: r
        for r in session.scalars(
            select(EvidenceRow).where(
                EvidenceRow.debate_id == debate_id,
                EvidenceRow.position_id.in_(
                    [r.id for r in position_rows.values()] if points else []
                ),
            )
        )
    }
    out: dict[str, Any] = {}
    for p in shown:
        out[p.id] = nodeviews.position_dict(session, position_rows[p.id], ctx)
        if points:
            for e in p.evidence:
                out[e.id] = nodeviews.evidence_dict(session, point_rows[e.id], ctx)
    return out


def part(request: Request, template: str, ctx: dict[str, Any]) -> str:
    return bytes(render(request, template, **ctx).body).decode()


def toolbar(request: Request, ctx: dict[str, Any], status: str) -> str:
    return part(request, "_edit_history.html", {**ctx, "oob": True, "status": status})


def links_oob(request: Request, ctx: dict[str, Any]) -> str:
    """The list of links between claims, out of band (an edit removed or added some)."""
    links = {"links": links_view.rows(ctx["debate"]), "oob_links": True}
    return part(request, "_edit_link_list.html", {**ctx, **links})


def touched_parts(request: Request, debate_id: int, touched: Touched, status: str) -> str:
    """Out-of-band copies of every part ``touched`` names, and the undo/redo bar."""
    debate = open_debate(request, debate_id).debate
    ctx = context(request, debate, debate_id)
    html: list[str] = [toolbar(request, ctx, status)]
    ids = {p.id for p in debate.positions}
    with db(request).read() as session:
        if touched.structure:
            nodes = nodes_of(session, debate_id, debate, [], points=carries_points(debate))
            html.append(
                part(request, "_edit_positions.html", {**ctx, "nodes": nodes, "oob_all": True})
            )
        else:
            wanted = sorted(touched.positions & ids)
            nodes = nodes_of(session, debate_id, debate, wanted)
            for p in debate.positions:
                if p.id in wanted:
                    html.append(
                        part(
                            request,
                            "_edit_position.html",
                            {**ctx, "p": p, "nodes": nodes, "oob_position": True},
                        )
                    )
        if touched.consequences:
            cons = {c.id: node_dict(session, debate_id, c.id) for c in debate.consequences}
            html.append(
                part(request, "_edit_consequences.html", {**ctx, "nodes": cons, "oob_cons": True})
            )
        if touched.relations:
            html.append(links_oob(request, ctx))
        if touched.debate:
            node = node_dict(session, debate_id, DEBATE_NODE)
            html.append(
                part(
                    request,
                    "_edit_node.html",
                    {**ctx, "node": node, "kind": "debate", "editing": False, "oob_node": True},
                )
            )
    return "".join(html)
