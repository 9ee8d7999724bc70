"""The whole argument graph as supports and attacks between numbered arguments.

``bipolar.debate_graph`` builds the table's edges itself when a debate is only a table
(the fast path every benchmark takes); a debate with nested points, relations or
conclusion claims comes here. The rules, in plain words:

- a point supports (for) or attacks (against) what it answers: its parent point, or its
  position; an against-point that names points it rebuts attacks those instead;
- ``support`` / ``attack`` relations are supports / attacks; ``contrary`` and
  ``contradictory`` are attacks both ways;
- ``rephrase``: the rephrasing claim is the same claim as the one it rephrases, so every
  edge it has is moved onto that claim and counted once;
- an ``undercut`` (or an attack aimed at a relation) attacks the *link*, not the claim: the
  link becomes an argument of its own (named after the relation, or ``<point>/link``)
  that the premise holds up (a *premise edge*), that acts on the conclusion in the
  premise's place, and that the undercutter attacks. Its base score is the premise's
  weight (a relation's link: the relation's weight). Premise edges carry attacks on the
  premise over to the link, but a premise does not attack through its link once the link
  is attacked (see ``DebateGraph.derived_attacks``); an undercut of a position attacks
  the position's link to the question, which is no node, so it is an attack on the position;
- consequences that a relation names are arguments with their weights, like conclusion
  claims (an outcome cited as evidence for who wanted it);
- conclusion claims are arguments with their weights and take part through relations;
  their judgements of positions are the author's verdict, kept out of the frameworks so
  that it can be compared with the computed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quaestio.model import SYMMETRIC_KINDS, Debate

Edge = tuple[int, int]


@dataclass
class GraphEdges:
    ids: list[str]
    weights: list[float]
    supports: list[Edge] = field(default_factory=list)
    attacks: list[Edge] = field(default_factory=list)
    premises: list[Edge] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)


def _aliases(debate: Debate) -> dict[str, str]:
    """Each rephrasing claim -> the claim it finally rephrases (cycles stop where they close)."""
    step = {r.source: r.target for r in debate.relations if r.kind == "rephrase"}
    out: dict[str, str] = {}
    for start in step:
        seen = {start}
        cursor = step[start]
        while cursor in step and step[cursor] not in seen:
            seen.add(cursor)
            cursor = step[cursor]
        if cursor != start:
            out[start] = cursor
    return out


def graph_edges(debate: Debate) -> GraphEdges:
    out = GraphEdges([p.id for p in debate.positions], [float(p.weight) for p in debate.positions])
    points = [e for _, e in debate.iter_evidence()]
    out.ids += [e.id for e in points]
    out.weights += [float(e.weight) for e in points]
    out.ids += [k.id for k in debate.conclusion_claims]
    out.weights += [float(k.weight) for k in debate.conclusion_claims]
    # a consequence takes part only where a relation names it (most are the table's own)
    named = {r.source for r in debate.relations} | {r.target for r in debate.relations}
    outcomes = [c for c in debate.consequences if c.id in named]
    out.ids += [c.id for c in outcomes]
    out.weights += [float(c.weight) for c in outcomes]
    index = {a: i for i, a in enumerate(out.ids)}
    relations = debate.relation_by_id()
    positions = debate.position_by_id()
    out.aliases = {a: t for a, t in _aliases(debate).items() if a in index and t in index}

    def node(claim: str) -> int:
        return index[out.aliases.get(claim, claim)]

    # links that something attacks get a node of their own
    linked: set[str] = set()
    for r in debate.relations:
        if r.kind in ("attack", "undercut") and r.target in relations:
            linked.add(r.target)
        elif r.kind == "undercut" and r.target in index and r.target not in positions:
            linked.add(f"{r.target}/link")
    link_node: dict[str, int] = {}

    def link(name: str, weight: float) -> int:
        if name not in link_node:
            link_node[name] = len(out.ids)
            out.ids.append(name)
            out.weights.append(weight)
        return link_node[name]

    supports: list[Edge] = []
    attacks: list[Edge] = []

    def edge(src: int, dst: int, kind: str, via: str | None, weight: float) -> None:
        if via is not None and via in linked:
            hub = link(via, weight)
            out.premises.append((src, hub))
            src = hub
        (supports if kind == "support" else attacks).append((src, dst))

    answers = debate.answers()
    claims = debate.claims_by_id()
    for e in points:
        me = node(e.id)
        parent = node(answers[e.id])
        via = f"{e.id}/link"
        targets = [node(t) for t in e.rebuts if t in index and t != e.id]
        if e.stance == "for":
            edge(me, parent, "support", via, float(e.weight))
            for t in targets:
                edge(me, t, "attack", via, float(e.weight))
        elif targets:
            for t in targets:
                edge(me, t, "attack", via, float(e.weight))
        else:
            edge(me, parent, "attack", via, float(e.weight))
    # relations in an order where a relation's own link exists before it is aimed at
    for r in debate.relations:
        if r.source not in index or r.kind == "rephrase":
            continue
        if r.target in relations:
            if r.kind not in ("attack", "undercut"):
                continue
            target = relations[r.target]
            if target.source not in index:
                continue
            dst = link(r.target, float(target.weight))
            edge(node(r.source), dst, "attack", r.id, float(r.weight))
        elif r.kind == "undercut" and r.target in positions:
            # a position's link is to the question, which is not a node: attack the position
            edge(node(r.source), node(r.target), "attack", r.id, float(r.weight))
        elif r.kind == "undercut":
            if r.target in index:
                dst = link(f"{r.target}/link", float(claims[r.target].weight))
                edge(node(r.source), dst, "attack", r.id, float(r.weight))
        elif r.target in index:
            src, dst = node(r.source), node(r.target)
            kind = "support" if r.kind == "support" else "attack"
            edge(src, dst, kind, r.id, float(r.weight))
            if r.kind in SYMMETRIC_KINDS:
                attacks.append((dst, src))
    out.supports = _clean(supports)
    out.attacks = _clean(attacks)
    out.premises = _clean(out.premises)
    out.supports = _clean(out.supports + out.premises)
    return out


def _clean(edges: list[Edge]) -> list[Edge]:
    """Edges once each, in first-seen order, without self-loops (a rephrase can make them)."""
    return [e for e in dict.fromkeys(edges) if e[0] != e[1]]
