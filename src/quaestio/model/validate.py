"""Structural validation: every problem at once, not the first one.

A teacher fixing a hand-written file wants the whole list, so ``validate``
never raises; callers decide what is fatal.
"""

from __future__ import annotations

from collections import Counter

from quaestio.model.debate import ACH_RATINGS, POLARITIES, STANCES, Debate, Evidence, Problem
from quaestio.model.ids import MAX_ID_LENGTH
from quaestio.model.validate_graph import graph_problems
from quaestio.model.validate_graph import weight_problem as _weight_problem


def _ach_problems(item: Evidence, position_ids: set[str]) -> list[Problem]:
    """The analyst's ACH judgements of one item: known positions, known ratings, weights in [0, 1]."""
    out: list[Problem] = []
    seen: set[str] = set()
    for r in item.ach:
        if r.position not in position_ids:
            out.append(
                Problem(
                    "dangling_ach",
                    f"{item.id} has an ACH rating for {r.position!r}, which is not a position id",
                    item.id,
                    "ach",
                )
            )
        elif r.position in seen:
            out.append(
                Problem(
                    "duplicate_ach",
                    f"{item.id} is rated twice against {r.position}",
                    item.id,
                    "ach",
                )
            )
        seen.add(r.position)
        if r.rating not in ACH_RATINGS:
            out.append(
                Problem(
                    "bad_ach_rating",
                    f"{item.id}: ACH rating {r.rating!r} for {r.position} is not one of "
                    + ", ".join(ACH_RATINGS),
                    item.id,
                    "ach",
                )
            )
    for name in ("credibility", "relevance"):
        value = getattr(item, name)
        if value is not None and (p := _weight_problem(item.id, value)) is not None:
            out.append(
                Problem(p.code, p.message.replace("weight", name, 1), item.id, name, p.severity)
            )
    return out


def validate(debate: Debate) -> list[Problem]:
    """Return every structural problem of ``debate`` (empty list when it is sound)."""
    problems: list[Problem] = []
    if not debate.title.strip():
        problems.append(Problem("empty_title", "the debate has no title", None, "title"))
    for name, value in (("title", debate.title), ("question", debate.question)):
        if "\n" in value:
            problems.append(
                Problem("multiline_" + name, f"the {name} must be one line", None, name)
            )

    counts = Counter(debate.all_ids())
    for node_id, n in sorted(counts.items()):
        if n > 1:
            problems.append(
                Problem("duplicate_id", f"id {node_id!r} is used by {n} nodes", node_id, "id")
            )
    for node_id in counts:
        if not node_id or any(ch.isspace() for ch in node_id):
            problems.append(
                Problem("bad_id", f"id {node_id!r} is empty or contains spaces", node_id, "id")
            )
        elif len(node_id) > MAX_ID_LENGTH:
            problems.append(
                Problem(
                    "long_id",
                    f"id {node_id[:40]!r}... is {len(node_id)} characters long; at most "
                    f"{MAX_ID_LENGTH} fit (a nested point may take a short id like p1.n1)",
                    node_id,
                    "id",
                )
            )

    evidence_ids = {e.id for _, e in debate.iter_evidence()}
    position_ids = {p.id for p in debate.positions}
    for position in debate.positions:
        if not position.title.strip():
            problems.append(
                Problem("empty_title", f"position {position.id} has no title", position.id, "title")
            )
        if "\n" in position.title:
            problems.append(
                Problem(
                    "multiline_title", f"{position.id}: a title is one line", position.id, "title"
                )
            )
        if (p := _weight_problem(position.id, position.weight)) is not None:
            problems.append(p)
        for item in position.evidence:
            if item.stance not in STANCES:
                problems.append(
                    Problem(
                        "bad_stance",
                        f"{item.id}: stance {item.stance!r} is not 'for' or 'against'",
                        item.id,
                        "stance",
                    )
                )
            if not item.text.strip():
                problems.append(Problem("empty_text", f"{item.id} has no text", item.id, "text"))
            if (p := _weight_problem(item.id, item.weight)) is not None:
                problems.append(p)
            problems += _ach_problems(item, position_ids)
            if item.label is not None and (
                "\n" in item.label
                or "*" in item.label
                or item.label != item.label.strip()
                or not item.label
            ):
                problems.append(
                    Problem(
                        "bad_label",
                        f"{item.id}: a label must be one line without '*'",
                        item.id,
                        "label",
                    )
                )
            for target in item.rebuts:
                if target == item.id:
                    problems.append(
                        Problem("self_rebuttal", f"{item.id} rebuts itself", item.id, "rebuts")
                    )
                elif target not in evidence_ids:
                    problems.append(
                        Problem(
                            "dangling_rebuttal",
                            f"{item.id} rebuts {target!r}, which is not an evidence id",
                            item.id,
                            "rebuts",
                        )
                    )
    for consequence in debate.consequences:
        if consequence.polarity not in POLARITIES:
            problems.append(
                Problem(
                    "bad_polarity",
                    f"{consequence.id}: polarity {consequence.polarity!r} is not positive/negative",
                    consequence.id,
                    "polarity",
                )
            )
        if not consequence.text.strip():
            problems.append(
                Problem("empty_text", f"{consequence.id} has no text", consequence.id, "text")
            )
        if (p := _weight_problem(consequence.id, consequence.weight)) is not None:
            problems.append(p)
    problems += graph_problems(debate)
    return problems
