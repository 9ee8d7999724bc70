"""``quaestio quiz DEBATE``: a reproducible quiz, printed, as JSON, or asked interactively."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quaestio.cli.common import complete_readable, console, err_console, escape, located_debate

if TYPE_CHECKING:
    from quaestio.study.quiz import Question


def _show(number: int, q: Question) -> None:
    from quaestio.study.quiz import LETTERS

    console.print(f"[bold]{number}.[/] {escape(q.prompt)}", soft_wrap=True)
    for i, option in enumerate(q.options):
        console.print(f"   {LETTERS[i]}) {escape(option)}", soft_wrap=True)


def quiz(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to quiz on."),
    n: int = typer.Option(20, "--n", "-n", help="Number of questions."),
    seed: int = typer.Option(1, "--seed", help="Same seed, same quiz."),
    as_json: bool = typer.Option(False, "--json", help="Print the quiz (with answers) as JSON."),
    interactive: bool = typer.Option(
        False, "--interactive", "-i", help="Ask the questions one by one and mark the answers."
    ),
    kinds: list[str] | None = typer.Option(
        None, "--kind", "-k", help="Only these question kinds (repeatable)."
    ),
    semantics: str = typer.Option(
        "dfquad", "--semantics", "-s", help="Semantics for the what-if questions."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Read the debate as this format.",
        autocompletion=complete_readable,
    ),
) -> None:
    """Quiz yourself on a debate: historians, evidence, years, figures, consequences, rebuttals.

    Example: quaestio quiz purges.debate.md --n 10 --seed 3 --interactive
    """
    from quaestio.study.quiz import LETTERS, make_quiz, mark

    debate = located_debate(path, fmt)
    questions = make_quiz(debate, n, seed, kinds=kinds or None, semantics=semantics)
    if as_json:
        print(json.dumps([q.to_dict() for q in questions], ensure_ascii=False, indent=2))
        return
    if not questions:
        asked = ", ".join(kinds) if kinds else "any kind"
        hint = (
            "; a consequence_supports question needs a relation citing a consequence as "
            "evidence (docs/format.md)"
            if "consequence_supports" in (kinds or [])
            else ""
        )
        err_console.print(
            f"error: {path}: this debate gives no question of {asked} (field kind){hint}",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if not interactive:
        for i, q in enumerate(questions, 1):
            _show(i, q)
        console.print("\n[bold]Answers[/]")
        for i, q in enumerate(questions, 1):
            cite = "; ".join(r.describe() for r in q.refs)
            console.print(
                f"{i}. {LETTERS[q.answer]}) {escape(q.correct)} [dim]\\[{escape(cite)}][/]",
                soft_wrap=True,
            )
        return
    score = 0
    for i, q in enumerate(questions, 1):
        _show(i, q)
        answer = typer.prompt("Your answer", default="", show_default=False)
        feedback = mark(q, answer)
        score += feedback.correct
        colour = "green" if feedback.correct else "red"
        console.print(f"[{colour}]{escape(feedback.message)}[/]\n", soft_wrap=True)
    console.print(f"[bold]Score: {score}/{len(questions)}[/]")


def register(app: typer.Typer) -> None:
    app.command("quiz")(quiz)
