"""``quaestio import``: read a teacher's handout and write it as a debate file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from quaestio.errors import QuaestioError, ValidationError
from quaestio.formats import for_path, write_path
from quaestio.importer import KINDS, import_path, summarise
from quaestio.importer.fixes import apply_fixes, read_fixes
from quaestio.model import validate

HELP = """Import a handout (Word table saved as text, .docx, Markdown or HTML) as a debate.

Prints what was found (positions, evidence for and against, rebuttal pairs,
historians, conclusion, consequences) and every warning with its source line,
then writes the debate: JSON by default, or the format named by OUT's ending.

Example: quaestio import handout.txt -o purges.json
"""


def run_import(
    file: Path,
    out: Path | None,
    kind: str,
    historians: Path | None,
    strict: bool,
    console: Console,
    fixes: Path | None = None,
) -> int:
    """The command's work, callable without Typer; returns the exit code."""
    target = out or Path.cwd() / f"{file.stem}.json"
    fmt = for_path(target)
    if not fmt.can_write:
        raise QuaestioError(
            f"format {fmt.name} cannot be written; choose an ending such as .json",
            file=str(target),
            field="output",
        )
    if kind not in KINDS:
        raise QuaestioError(f"--format must be one of {', '.join(KINDS)}", field="format")
    corrections = read_fixes(fixes) if fixes is not None else []
    with console.status(f"importing {file}", spinner="dots"):
        debate = import_path(file, kind=kind, historians=historians)
    if corrections:
        debate = apply_fixes(debate, corrections, file=str(fixes), historians=historians)
        console.print(
            f"applied {len(corrections)} corrections from {fixes}", highlight=False, markup=False
        )
    problems = [p for p in validate(debate) if p.severity == "error"]
    if problems:
        raise ValidationError(
            f"the imported debate is not sound: {problems[0].message}",
            problems=list(problems),
            file=str(file),
        )
    summary = summarise(debate)
    for line in summary.lines(str(file)):
        console.print(line, highlight=False, markup=False)
    try:
        write_path(debate, target, fmt)
    except OSError as exc:
        raise QuaestioError(
            f"cannot write the debate: {exc.strerror or exc}", file=str(target), field="output"
        ) from exc
    console.print(f"wrote {target} ({fmt.name})", highlight=False, markup=False)
    return 1 if strict and summary.warnings else 0


def register(app: typer.Typer) -> None:
    @app.command("import", help=HELP)
    def import_command(
        file: Path = typer.Argument(..., help="the handout to read", show_default=False),
        out: Path | None = typer.Option(
            None, "-o", "--output", help="where to write the debate (default: FILE's name + .json)"
        ),
        kind: str = typer.Option(
            "auto", "--format", "-f", help="how to read FILE: auto, text, docx, markdown or html"
        ),
        historians: Path | None = typer.Option(
            None,
            "--historians",
            help="extra historian table (TOML or JSON) added to the built-in one",
        ),
        strict: bool = typer.Option(False, "--strict", help="exit with 1 when there are warnings"),
        fix: Path | None = typer.Option(
            None,
            "--fix",
            help="corrections to apply, one per line (question:, promote, demote, flip, move, "
            "historian add/remove; see docs/import.md)",
        ),
    ) -> None:
        console = Console(soft_wrap=True)
        try:
            code = run_import(file, out, kind, historians, strict, console, fix)
        except QuaestioError as exc:
            Console(stderr=True, soft_wrap=True).print(
                f"error: {exc}", highlight=False, markup=False
            )
            raise typer.Exit(2) from exc
        if code:
            raise typer.Exit(code)
