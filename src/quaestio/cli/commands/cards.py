"""``quaestio cards`` (export flashcards) and ``quaestio review`` (spaced repetition with FSRS)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quaestio.cli.common import complete_readable, console, escape, located_debate
from quaestio.errors import QuaestioError

if TYPE_CHECKING:
    from quaestio.study.schedule import CardState


def cards(
    path: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="Debate to make cards from."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write an Anki deck (.apkg) or a CSV file (.csv)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the cards as JSON."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Read the debate as this format.",
        autocompletion=complete_readable,
    ),
) -> None:
    """Make flashcards from a debate and export them for Anki or as CSV.

    Example: quaestio cards purges.debate.md -o purges.apkg
    """
    from quaestio.study.cards import make_cards
    from quaestio.study.export import csv_text, write_cards

    debate = located_debate(path, fmt)
    made = make_cards(debate)
    if output is not None:
        write_cards(debate, made, output)
        console.print(f"wrote {len(made)} cards to {output}", highlight=False)
    elif as_json:
        print(json.dumps([c.to_dict() for c in made], ensure_ascii=False, indent=2))
    else:
        print(csv_text(made), end="")


def _read_states(path: Path) -> dict[str, CardState]:
    from quaestio.study.schedule import CardState

    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["cards"]
    except (ValueError, KeyError, TypeError) as exc:
        raise QuaestioError(f"not a review state file: {exc}", file=str(path)) from exc
    states: dict[str, CardState] = {}
    for card_id, row in rows.items():
        try:
            states[card_id] = CardState.from_json(row)
        except QuaestioError as exc:
            raise QuaestioError(exc.message, file=str(path), field=f"cards.{card_id}") from exc
    return states


def _write_states(path: Path, title: str, states: dict[str, CardState]) -> None:
    data = {
        "quaestio_review": 1,
        "debate": title,
        "cards": {k: v.to_json() for k, v in states.items()},
    }
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def _parse_now(now: str | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(now)
    except ValueError as exc:
        raise QuaestioError(f"--now {now!r} is not an ISO date-time", field="now") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def review(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to revise."),
    state: Path = typer.Option(
        ..., "--state", help="JSON file keeping your review history (created if missing)."
    ),
    limit: int = typer.Option(20, "--limit", help="Review at most this many cards."),
    now: str | None = typer.Option(
        None, "--now", help="Review as of this ISO time (default: now)."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Read the debate as this format.",
        autocompletion=complete_readable,
    ),
) -> None:
    """Review the flashcards that are due, scheduled by FSRS; rate each again/hard/good/easy.

    Example: quaestio review purges.debate.md --state my-reviews.json
    """
    from quaestio.study.cards import make_cards
    from quaestio.study.schedule import due_cards, parse_rating, schedule, sync_states

    debate = located_debate(path, fmt)
    moment = _parse_now(now)
    by_id = {c.id: c for c in make_cards(debate)}
    states = sync_states(list(by_id), _read_states(state), moment)
    all_due = due_cards(states, moment)
    due = all_due[: max(0, limit)]
    console.print(f"{len(all_due)} card(s) due of {len(by_id)}", highlight=False)
    for i, card_id in enumerate(due, 1):
        card = by_id[card_id]
        console.print(f"\n[bold]{i}/{len(due)}[/] {escape(card.front)}", soft_wrap=True)
        typer.prompt("Press Enter to see the answer", default="", show_default=False)
        cite = "; ".join(r.describe() for r in card.refs)
        console.print(f"{escape(card.back)}\n[dim]\\[{escape(cite)}][/]", soft_wrap=True)
        while True:
            answer = typer.prompt("How well did you know it? again/hard/good/easy (1-4)")
            try:
                rating = parse_rating(answer)
                break
            except QuaestioError as exc:
                console.print(f"[red]{escape(exc.message)}[/]")
        states[card_id] = schedule(states[card_id], rating, moment)
        _write_states(state, debate.title, states)
        console.print(f"[dim]next review {states[card_id].due:%Y-%m-%d %H:%M} UTC[/]")
    _write_states(state, debate.title, states)
    upcoming = sorted(s.due for s in states.values())
    if upcoming:
        console.print(f"next card due {upcoming[0]:%Y-%m-%d %H:%M} UTC", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("cards")(cards)
    app.command("review")(review)
