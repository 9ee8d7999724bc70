"""``quaestio import``: read a handout (or any readable format) and write it as a debate file."""

from __future__ import annotations

from pathlib import Path

import typer

from quaestio.cli.common import complete_readable, say, status
from quaestio.errors import QuaestioError, ValidationError

HELP = """Import a handout (Word table saved as text, .docx, Markdown or HTML), or a file in
any readable format (AIF, Argdown, Kialo, GraphML...), as a debate.

Says which reader it used and why (the ending, or the content when the ending is
shared, as .json and .txt are), prints what was found (positions, evidence for and
against, rebuttal pairs, historians, conclusion, consequences) and every warning
with its source line, then writes the debate: JSON by default, or the format named
by OUT's ending.

Example: quaestio import handout.txt -o purges.debate.md
"""

#: Handout formats go through the importer (with its report and historian table).
_IMPORTER_KIND = {"text": "text", "docx": "docx", "md": "markdown", "html": "html"}


def default_target(file: Path) -> Path:
    """``FILE``'s name before its first dot, plus ``.json``, in the current folder."""
    return Path.cwd() / f"{file.name.split('.')[0] or file.name}.json"


def run_import(
    file: Path,
    out: Path | None,
    format_name: str,
    historians: Path | None,
    strict: bool,
    fixes: Path | None = None,
) -> int:
    """The command's work, callable without Typer; returns the exit code."""
    from quaestio.formats import all_formats, by_name, for_path, write_path
    from quaestio.formats.detect import choose
    from quaestio.importer import import_bytes, summarise
    from quaestio.importer.corrections import apply_corrections
    from quaestio.importer.fixes import read_fixes
    from quaestio.model import validate

    target = out or default_target(file)
    corrections = read_fixes(fixes) if fixes is not None else []
    fmt = for_path(target)
    if not fmt.can_write:
        raise QuaestioError(
            f"format {fmt.name} cannot be written; choose an ending such as .json",
            file=str(target),
            field="output",
        )
    if target.resolve() == file.resolve():
        raise QuaestioError(
            "the debate would overwrite the file being imported; give -o another name",
            file=str(target),
            field="output",
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise QuaestioError(f"cannot read the file: {exc.strerror or exc}", file=str(file)) from exc
    named = None if format_name in ("", "auto") else by_name(format_name)
    if named is not None and not named.can_read:
        readable = ", ".join(f.name for f in all_formats() if f.can_read)
        raise QuaestioError(
            f"--format {format_name}: {named.name} cannot be read; formats that can: {readable}",
            field="format",
        )
    choice = choose(file, data, named, option="--format", fallback=by_name("text"))
    source = choice.format
    say(f"reading {file} as {source.name}: {choice.reason}")
    if source.read is None:
        raise QuaestioError(f"format {source.name} cannot be read", file=str(file), field="format")
    with status(f"importing {file}"):
        if source.name in _IMPORTER_KIND:
            debate = import_bytes(
                data, str(file), kind=_IMPORTER_KIND[source.name], historians=historians
            )
        else:
            debate = source.read(data, str(file)).debate
    if corrections:
        debate = apply_corrections(debate, corrections, file=str(fixes), historians=historians)
        say(f"applied {len(corrections)} corrections from {fixes}")
    problems = [p for p in validate(debate) if p.severity == "error"]
    if problems:
        raise ValidationError(
            f"the imported debate is not sound: {problems[0].message}",
            problems=list(problems),
            file=str(file),
        )
    summary = summarise(debate)
    for line in summary.lines(str(file)):
        say(line)
    write_path(debate, target, fmt)
    say(f"wrote {target} ({fmt.name})")
    return 1 if strict and summary.warnings else 0


def register(app: typer.Typer) -> None:
    @app.command("import", help=HELP)
    def import_command(
        file: Path = typer.Argument(
            ..., help="the handout to read", show_default=False, exists=True, dir_okay=False
        ),
        out: Path | None = typer.Option(
            None,
            "-o",
            "--output",
            help="where to write the debate (default: FILE's name + .json); its ending picks"
            " the format",
        ),
        format_name: str = typer.Option(
            "auto",
            "--format",
            "--from",
            "-f",
            help="read FILE as this format (see 'quaestio formats'): auto, text, docx, md,"
            " html, aif, argdown, kialo...",
            autocompletion=complete_readable,
        ),
        historians: Path | None = typer.Option(
            None,
            "--historians",
            help="extra historian table (TOML or JSON) added to the built-in one",
            exists=True,
            dir_okay=False,
        ),
        strict: bool = typer.Option(False, "--strict", help="exit with 1 when there are warnings"),
        fix: Path | None = typer.Option(
            None,
            "--fix",
            help="corrections to apply, one per line (question:, promote, demote, flip, move, "
            "historian add/remove; see docs/import.md)",
            exists=True,
            dir_okay=False,
        ),
    ) -> None:
        try:
            code = run_import(file, out, format_name, historians, strict, fix)
        except QuaestioError as exc:  # the same one line as the entry point prints
            from quaestio.cli.failures import report

            raise typer.Exit(report(exc)) from exc
        if code:
            raise typer.Exit(code)
