"""Validation of the graph beyond the table: nesting, relations, arguments, schools, judgements.

Every problem is reported at once, each naming the node and the field, like the rest of
``validate``. A cycle of supports is a legitimate argument (mutual support) and is not
reported; a cycle of parents, or of rephrases, has no meaning and is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from quaestio.model.debate import STANCES, Debate, Evidence, Historian, Problem
from quaestio.model.graph import RELATION_KINDS, RELATION_TARGETING, VERDICTS


def _cycle_members(edges: dict[str, list[str]]) -> list[list[str]]:
    """The directed cycles of ``edges`` as lists of nodes, each cycle once (iterative DFS)."""
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles: list[list[str]] = []
    for root in edges:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = [root]
        state[root] = 1
        while stack:
            node, i = stack[-1]
            targets = edges.get(node, [])
            if i < len(targets):
                stack[-1] = (node, i + 1)
                nxt = targets[i]
                if state.get(nxt) == 1:
                    cycles.append(path[path.index(nxt) :])
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, 0))
                    path.append(nxt)
            else:
                state[node] = 2
                stack.pop()
                path.pop()
    return cycles


def _parent_problems(debate: Debate) -> list[Problem]:
    out: list[Problem] = []
    owner = {e.id: p.id for p, e in debate.iter_evidence()}
    edges: dict[str, list[str]] = {}
    for position, item in debate.iter_evidence():
        if item.parent is None:
            continue
        if item.parent == item.id:
            out.append(Problem("self_parent", f"{item.id} answers itself", item.id, "parent"))
        elif item.parent not in owner:
            what = "a position" if item.parent in debate.position_by_id() else "not a point id"
            out.append(
                Problem(
                    "dangling_parent",
                    f"{item.id} answers {item.parent!r}, which is {what} "
                    "(a point answering its position has no parent)",
                    item.id,
                    "parent",
                )
            )
        elif owner[item.parent] != position.id:
            out.append(
                Problem(
                    "parent_other_position",
                    f"{item.id} (in {position.id}) answers {item.parent}, a point of "
                    f"{owner[item.parent]}; link across positions with a relation instead",
                    item.id,
                    "parent",
                )
            )
        else:
            edges.setdefault(item.id, []).append(item.parent)
    for cycle in _cycle_members(edges):
        out.append(
            Problem(
                "parent_cycle",
                "points answer each other in a circle: " + " -> ".join([*cycle, cycle[0]]),
                min(cycle),
                "parent",
            )
        )
    return out


def _relation_problems(debate: Debate) -> list[Problem]:
    out: list[Problem] = []
    claims = set(debate.claim_ids())
    relations = debate.relation_by_id()
    points = debate.evidence_by_id()
    positions = debate.position_by_id()
    rephrase: dict[str, list[str]] = {}
    seen: set[tuple[str, str, str]] = set()
    for r in debate.relations:
        if r.kind not in RELATION_KINDS:
            out.append(
                Problem(
                    "bad_relation_kind",
                    f"{r.id}: kind {r.kind!r} is not one of " + ", ".join(RELATION_KINDS),
                    r.id,
                    "kind",
                )
            )
            continue
        if r.source not in claims:
            out.append(
                Problem(
                    "dangling_relation",
                    f"{r.id} ({r.kind}) starts at {r.source!r}, which is not a claim of the debate",
                    r.id,
                    "source",
                )
            )
        if r.target == r.id or (r.target == r.source and r.target in claims):
            out.append(
                Problem("self_relation", f"{r.id} links {r.target} to itself", r.id, "target")
            )
        elif r.target in relations:
            if r.kind not in RELATION_TARGETING:
                out.append(
                    Problem(
                        "relation_on_relation",
                        f"{r.id} is a {r.kind} aimed at the relation {r.target}; only an attack "
                        "or an undercut may aim at a relation",
                        r.id,
                        "target",
                    )
                )
        elif r.target not in claims:
            out.append(
                Problem(
                    "dangling_relation",
                    f"{r.id} ({r.kind}) aims at {r.target!r}, which is not a claim or relation "
                    "of the debate",
                    r.id,
                    "target",
                )
            )
        elif r.kind == "undercut" and r.target not in points and r.target not in positions:
            out.append(
                Problem(
                    "undercut_of_nothing",
                    f"{r.id} undercuts {r.target}, which links to nothing: an undercut aims at "
                    "a point (the link to what it answers), a position (the link to the "
                    "question) or a relation",
                    r.id,
                    "target",
                )
            )
        if r.kind == "rephrase" and r.source in claims and r.target in claims:
            rephrase.setdefault(r.source, []).append(r.target)
        key = (r.kind, r.source, r.target)
        if key in seen:
            out.append(
                Problem(
                    "duplicate_relation",
                    f"{r.id} repeats a {r.kind} from {r.source} to {r.target}",
                    r.id,
                    "target",
                    "warning",
                )
            )
        seen.add(key)
        if (p := weight_problem(r.id, r.weight)) is not None:
            out.append(p)
    for cycle in _cycle_members(rephrase):
        if len(cycle) > 1:
            closing = next(
                r.id
                for r in debate.relations
                if r.kind == "rephrase" and r.source == cycle[-1] and r.target == cycle[0]
            )
            out.append(
                Problem(
                    "rephrase_cycle",
                    f"{closing} closes a circle of rephrases: "
                    + " -> ".join([*cycle, cycle[0]])
                    + "; say which one is the original",
                    closing,
                    "target",
                )
            )
    return out


def _argument_problems(debate: Debate) -> list[Problem]:
    out: list[Problem] = []
    claims = set(debate.claim_ids())
    for a in debate.arguments:
        # an argument may have no premise: a defeasible argument for its conclusion that
        # rests on nothing stated (Carneades has them); an undercutter can still defeat it
        for premise in a.premises:
            if premise not in claims:
                out.append(
                    Problem(
                        "dangling_premise",
                        f"argument {a.id} has premise {premise!r}, which is not a claim",
                        a.id,
                        "premises",
                    )
                )
        if a.conclusion not in claims:
            out.append(
                Problem(
                    "dangling_conclusion",
                    f"argument {a.id} concludes {a.conclusion!r}, which is not a claim",
                    a.id,
                    "conclusion",
                )
            )
        elif a.conclusion in a.premises:
            out.append(
                Problem(
                    "circular_argument",
                    f"argument {a.id} has its conclusion {a.conclusion} among its premises",
                    a.id,
                    "premises",
                )
            )
    return out


def _school_and_judgement_problems(debate: Debate) -> list[Problem]:
    out: list[Problem] = []
    positions = set(debate.position_by_id())
    for s in debate.schools:
        if not s.name.strip() or "\n" in s.name:
            out.append(Problem("bad_name", f"school {s.id} needs a one-line name", s.id, "name"))
        for member in s.positions:
            if member not in positions:
                out.append(
                    Problem(
                        "dangling_school",
                        f"school {s.id} lists {member!r}, which is not a position id",
                        s.id,
                        "positions",
                    )
                )
    for k in debate.conclusion_claims:
        if not k.text.strip():
            out.append(Problem("empty_text", f"{k.id} has no text", k.id, "text"))
        if (p := weight_problem(k.id, k.weight)) is not None:
            out.append(p)
        judged: set[str] = set()
        for j in k.judgements:
            if j.position not in positions:
                out.append(
                    Problem(
                        "dangling_judgement",
                        f"{k.id} judges {j.position!r}, which is not a position id",
                        k.id,
                        "judgements",
                    )
                )
            elif j.position in judged:
                out.append(
                    Problem(
                        "duplicate_judgement",
                        f"{k.id} judges {j.position} twice",
                        k.id,
                        "judgements",
                    )
                )
            judged.add(j.position)
            if j.verdict not in VERDICTS:
                out.append(
                    Problem(
                        "bad_verdict",
                        f"{k.id}: verdict {j.verdict!r} on {j.position} is not one of "
                        + ", ".join(VERDICTS),
                        k.id,
                        "judgements",
                    )
                )
    return out


def historian_problems(node: str, historians: Iterable[Historian]) -> list[Problem]:
    return [
        Problem(
            "bad_stance",
            f"{node}: historian {h.name!r} has stance {h.stance!r}, not 'for' or 'against'",
            node,
            "historians",
        )
        for h in historians
        if h.stance not in STANCES
    ]


def tag_problems(item: Evidence) -> list[Problem]:
    return [
        Problem("bad_tag", f"{item.id}: tag {t!r} is empty or not one line", item.id, "tags")
        for t in item.tags
        if not t.strip() or "\n" in t
    ]


def weight_problem(node: str, weight: object) -> Problem | None:
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or math.isnan(weight):
        return Problem("bad_weight", f"{node}: weight {weight!r} is not a number", node, "weight")
    if not 0.0 <= float(weight) <= 1.0:
        return Problem(
            "weight_out_of_range", f"{node}: weight {weight} is outside [0, 1]", node, "weight"
        )
    return None


def graph_problems(debate: Debate) -> list[Problem]:
    """Every problem of the graph's nesting, relations, arguments, schools and judgements."""
    out = _parent_problems(debate)
    for _, item in debate.iter_evidence():
        out += historian_problems(item.id, item.historians)
        out += tag_problems(item)
    for position in debate.positions:
        out += historian_problems(position.id, position.historians)
    if debate.relations:
        out += _relation_problems(debate)
    out += _argument_problems(debate)
    out += _school_and_judgement_problems(debate)
    return out
