"""Flashcards out of quaestio: an Anki package (genanki) and a CSV any tool can import.

Anki identifies models, decks and notes by number and guid; all three are derived
from names and card ids here, so re-exporting a debate updates the student's
existing deck in Anki instead of duplicating every note.
"""

from __future__ import annotations

import csv
import html
import io
import os
import tempfile
import zlib
from pathlib import Path

import genanki

from quaestio.errors import QuaestioError
from quaestio.model import Debate
from quaestio.study.cards import Card

_MODEL_NAME = "quaestio card"
_CSS = """.card { font-family: Georgia, serif; font-size: 20px; text-align: left; }
.source { color: #777; font-size: 13px; margin-top: 1em; }"""


def _stable_id(text: str) -> int:
    # Anki ids are positive 63-bit numbers; a checksum keeps them stable per name.
    return (1 << 30) + zlib.crc32(text.encode("utf-8"))


def _model() -> genanki.Model:
    return genanki.Model(
        _stable_id(_MODEL_NAME),
        _MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "CardId"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<div class="source">{{Source}}</div>',
            }
        ],
        css=_CSS,
        sort_field_index=3,
    )


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _tag(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text)


def deck_name(debate: Debate) -> str:
    return f"quaestio::{debate.title.strip() or 'debate'}"


def apkg_bytes(debate: Debate, cards: list[Card]) -> bytes:
    """An Anki package holding one note per card."""
    if not cards:
        raise QuaestioError("the debate gives no cards to export", field="cards")
    name = deck_name(debate)
    deck = genanki.Deck(_stable_id(name), name)
    model = _model()
    for card in cards:
        source = "; ".join(r.describe() for r in card.refs)
        if debate.source_file:
            source = f"{debate.source_file}: {source}"
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_html(card.front), _html(card.back), _html(source), card.id],
                tags=[_tag(t) for t in card.tags],
                guid=genanki.guid_for(name, card.id),
            )
        )
    fd, tmp = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        genanki.Package(deck).write_to_file(tmp)
        return Path(tmp).read_bytes()
    finally:
        Path(tmp).unlink(missing_ok=True)


CSV_COLUMNS = ("id", "kind", "front", "back", "source", "tags")


def csv_text(cards: list[Card]) -> str:
    """One row per card; ``source`` lists node ids and lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for card in cards:
        writer.writerow(
            [
                card.id,
                card.kind,
                card.front,
                card.back,
                "; ".join(r.describe() for r in card.refs),
                " ".join(card.tags),
            ]
        )
    return out.getvalue()


def write_cards(debate: Debate, cards: list[Card], path: str | Path) -> Path:
    """Write ``.apkg`` or ``.csv`` by the file's ending, atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".apkg":
        data = apkg_bytes(debate, cards)
    elif suffix == ".csv":
        data = csv_text(cards).encode("utf-8")
    else:
        raise QuaestioError(
            f"cannot tell how to write cards to {target.name!r}: use .apkg or .csv",
            file=str(target),
        )
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return target
