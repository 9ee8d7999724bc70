"""``quaestio ach``: the analyst's own ACH ratings, kept in the debate file.

``set`` / ``clear`` rate one cell (evidence x position), ``weigh`` sets an
item's credibility and relevance, ``show`` prints the matrix with the
analyst's cells marked. Changes rewrite the file in place, atomically, and only
in formats that keep ACH judgements (``.debate.md``, ``.json``, ``.ach.csv``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quaestio.cli.common import console, make_console

if TYPE_CHECKING:
    from rich.console import Console

#: The ratings (``quaestio.model.ACH_RATINGS``), written out so that --help imports no model.
RATINGS = ("CC", "C", "N", "I", "II", "NA")

HELP = """The analyst's own ACH ratings, saved in the debate file.

Example: quaestio ach set purges.debate.md p2.f1 p1 II
"""

DebateArg = typer.Argument(..., exists=True, dir_okay=False, help="A .debate.md or .json debate.")
EvidenceArg = typer.Argument(..., help="Evidence id, e.g. p2.f1.")
PositionArg = typer.Argument(..., help="Position id, e.g. p1.")


def _report(debate_path: Path, evidence: str, out: Console) -> None:
    from quaestio.formats import read_path
    from quaestio.reasoning import ach_matrix

    m = ach_matrix(read_path(debate_path).debate)
    cells = ", ".join(
        f"{p} {m.rating(evidence, p)}{'*' if m.origin(evidence, p) == 'analyst' else ''}"
        for p in m.positions
    )
    out.print(f"{evidence}: {cells}  (* set by the analyst)", highlight=False, soft_wrap=True)


def set_cmd(
    debate: Path = DebateArg,
    evidence: str = EvidenceArg,
    position: str = PositionArg,
    rating: str = typer.Argument(..., help=f"One of {', '.join(RATINGS)}."),
) -> None:
    """Rate how one piece of evidence bears on one position, and save it in the file.

    Example: quaestio ach set purges.debate.md p2.f1 p1 II
    """
    from quaestio.formats.inplace import edit_ach_in_place
    from quaestio.model.ach import set_rating

    edit_ach_in_place(debate, lambda d: set_rating(d, evidence, position, rating))
    _report(debate, evidence, console)


def clear_cmd(
    debate: Path = DebateArg, evidence: str = EvidenceArg, position: str = PositionArg
) -> None:
    """Forget the analyst's rating of one cell: quaestio derives it again.

    Example: quaestio ach clear purges.debate.md p2.f1 p1
    """
    from quaestio.formats.inplace import edit_ach_in_place
    from quaestio.model.ach import set_rating

    edit_ach_in_place(debate, lambda d: set_rating(d, evidence, position, None))
    _report(debate, evidence, console)


def _weight(text: str | None, name: str) -> float | None:
    from quaestio.errors import ValidationError

    if text is None or text.lower() == "derived":
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(
            f"--{name} expects a number in [0, 1] or 'derived', got {text!r}", field=name
        ) from None


def weigh_cmd(
    debate: Path = DebateArg,
    evidence: str = EvidenceArg,
    credibility: str | None = typer.Option(
        None, "--credibility", "-c", help="0..1, or 'derived' (the item's weight)."
    ),
    relevance: str | None = typer.Option(None, "--relevance", "-r", help="0..1, or 'derived' (1)."),
) -> None:
    """Set how credible and how relevant one piece of evidence is in ACH.

    Example: quaestio ach weigh purges.debate.md p2.f1 --credibility 0.9 --relevance derived
    """
    from quaestio.errors import ValidationError
    from quaestio.formats.inplace import edit_ach_in_place
    from quaestio.model.ach import set_weights

    changes = {
        name: _weight(text, name)
        for name, text in (("credibility", credibility), ("relevance", relevance))
        if text is not None
    }
    if not changes:
        raise ValidationError("give --credibility and/or --relevance", field="credibility")
    edit_ach_in_place(debate, lambda d: set_weights(d, evidence, changes))
    _report(debate, evidence, console)


def show_cmd(debate: Path = DebateArg) -> None:
    """Print the ACH matrix; cells the analyst set are marked with *.

    Example: quaestio ach show examples/purges.debate.md
    """
    from quaestio.cli.commands.evaluate import render_ach
    from quaestio.formats import read_path

    render_ach(read_path(debate).debate, make_console(width=160))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help=HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command("set")(set_cmd)
    group.command("clear")(clear_cmd)
    group.command("weigh")(weigh_cmd)
    group.command("show")(show_cmd)
    app.add_typer(group, name="ach")
