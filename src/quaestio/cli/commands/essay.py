"""``quaestio essay DEBATE``: an essay plan that cites the node and line of every point."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from quaestio.cli.common import complete_readable, console, located_debate
from quaestio.errors import QuaestioError


def essay(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to plan from."),
    question: str | None = typer.Option(
        None, "--question", "-q", help="Essay question (default: the debate's own question)."
    ),
    semantics: str = typer.Option(
        "balance",
        "--semantics",
        "-s",
        help="balance (plain words, the default) or a method to compare: dfquad, grounded, …",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the plan to FILE (.md, .html, .docx or .pdf)."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Read the debate as this format.",
        autocompletion=complete_readable,
    ),
    consequences: bool = typer.Option(
        True, "--consequences/--no-consequences", help="Add a paragraph on consequences."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the plan as JSON."),
) -> None:
    """Plan an essay: a line of argument, one section per explanation, a judgement.

    Example: quaestio essay purges.debate.md -q "How far was Stalin responsible?" -o plan.docx
    """
    from quaestio.study.plan import essay_plan
    from quaestio.study.render import PLAN_FORMATS, plan_markdown, render_plan

    debate = located_debate(path, fmt)
    plan = essay_plan(debate, question, semantics, consequences=consequences)
    if as_json:
        print(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2))
        return
    if output is None:
        console.print(plan_markdown(plan), markup=False, highlight=False, soft_wrap=True)
        return
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in PLAN_FORMATS:
        raise QuaestioError(
            f"cannot tell the plan format from {output.name!r}; use .md, .html, .docx or .pdf",
            file=str(output),
        )
    data = render_plan(plan, suffix)
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(output)
    console.print(f"wrote {output} ({len(plan.sections)} explanations)", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("essay")(essay)
