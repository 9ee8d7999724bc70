"""Lint: things that are not wrong but make a debate weaker to teach from.

Validation (``quaestio.model.validate``) finds what is broken; lint finds what a
careful teacher would still want to fix: positions nobody holds, positions with
evidence on one side only, undated evidence, numbers glued to letters.
"""

from __future__ import annotations

from quaestio.extract import glued_numbers
from quaestio.model import Debate, Problem, validate


def lint(debate: Debate) -> list[Problem]:
    """Warnings about the debate's content (never structural errors)."""
    problems: list[Problem] = []

    def warn(code: str, message: str, node: str | None, fld: str | None = None) -> None:
        problems.append(Problem(code, message, node, fld, severity="warning"))

    if not debate.positions:
        warn("no_positions", "the debate has no positions", None, "positions")
    for position in debate.positions:
        if not position.evidence:
            warn(
                "no_evidence",
                f"position {position.title!r} has no evidence",
                position.id,
                "evidence",
            )
        elif not position.supporting:
            warn(
                "one_sided",
                f"position {position.title!r} has no supporting evidence",
                position.id,
                "evidence",
            )
        elif not position.countering:
            warn(
                "one_sided",
                f"position {position.title!r} has no countering evidence",
                position.id,
                "evidence",
            )
        if not position.historians:
            warn(
                "unattributed",
                f"position {position.title!r} names no historian",
                position.id,
                "historians",
            )
        for item in position.evidence:
            if not item.years:
                warn("undated", f"{item.id} mentions no year", item.id, "years")
            for glued in glued_numbers(item.text):
                warn(
                    "glued_number",
                    f"{item.id}: {glued!r} looks like a number glued to letters (a typo hiding a figure?)",
                    item.id,
                    "text",
                )
    if debate.conclusion is None:
        warn("no_conclusion", "the debate has no conclusion", None, "conclusion")
    else:
        for glued in glued_numbers(debate.conclusion.text):
            warn(
                "glued_number",
                f"conclusion: {glued!r} looks like a number glued to letters",
                None,
                "conclusion",
            )
    return problems


def check(debate: Debate) -> list[Problem]:
    """Validation errors first, then lint warnings."""
    return validate(debate) + lint(debate)
