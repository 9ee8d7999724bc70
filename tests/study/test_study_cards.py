"""Flashcards, FSRS scheduling and the Anki/CSV exports, read back with real readers."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quaestio.errors import QuaestioError
from quaestio.extract import corrected
from quaestio.model import Debate
from quaestio.study import (
    CardState,
    apkg_bytes,
    csv_text,
    due_cards,
    make_cards,
    new_state,
    schedule,
    sync_states,
    write_cards,
)

from .verify import check_refs

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_cards_cover_the_debate_and_cite_nodes(crash: Debate) -> None:
    cards = make_cards(crash)
    ids = [c.id for c in cards]
    assert len(ids) == len(set(ids))
    kinds = {c.kind for c in cards}
    assert kinds == {"historians", "claim", "evidence", "rebuttal", "figure", "year", "consequence"}
    for card in cards:
        check_refs(crash, card.refs)
        assert card.front.strip() and card.back.strip()
    by_id = {c.id: c for c in cards}
    assert by_id["historians:p2"].back == "Friedman and Schwartz"
    assert by_id["consequence:c.neg1"].back == "negative"
    assert "counts against" in by_id["evidence:p4.a1"].back
    rebut = by_id["rebuttal:p2.a1:p2.f1"]
    assert rebut.back == crash.evidence_by_id()["p2.a1"].text
    for card in cards:
        if card.kind == "figure":
            evidence = crash.evidence_by_id()[card.refs[0].node]
            assert card.front.split("“")[1].split("____")[0].strip() in evidence.text
            assert card.back in evidence.text
        if card.kind == "year":
            assert card.id.split(":")[1] in card.front
    assert make_cards(crash) == cards


def test_apkg_is_a_zip_with_a_sqlite_collection_holding_the_notes(
    crash: Debate, tmp_path: Path
) -> None:
    cards = make_cards(crash)
    target = write_cards(crash, cards, tmp_path / "deck.apkg")
    assert zipfile.is_zipfile(target)
    with zipfile.ZipFile(target) as z:
        assert "collection.anki2" in z.namelist()
        (tmp_path / "col.anki2").write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "col.anki2")
    try:
        notes = con.execute("select guid, flds, tags from notes").fetchall()
        assert con.execute("select count(*) from cards").fetchone()[0] == len(cards)
        decks = json.loads(con.execute("select decks from col").fetchone()[0])
    finally:
        con.close()
    assert len(notes) == len(cards)
    fields = {f.split("\x1f")[3]: f.split("\x1f") for _, f, _ in notes}
    assert set(fields) == {c.id for c in cards}
    historians = fields["historians:p1"]
    assert historians[1] == "Galbraith and Kindleberger"
    assert "p1, line 3" in historians[2] and "crash.txt" in historians[2]
    assert any(
        d["name"] == "quaestio::Why did the Wall Street Crash happen?" for d in decks.values()
    )
    # re-exporting gives the same note guids, so Anki updates instead of duplicating
    again = zipfile.ZipFile(io.BytesIO(apkg_bytes(crash, cards)))
    (tmp_path / "col2.anki2").write_bytes(again.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "col2.anki2")
    try:
        assert {g for g, _, _ in notes} == {r[0] for r in con.execute("select guid from notes")}
    finally:
        con.close()


def test_csv_round_trips_through_the_csv_reader(crash: Debate, tmp_path: Path) -> None:
    cards = make_cards(crash)
    path = write_cards(crash, cards, tmp_path / "cards.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == [c.id for c in cards]
    assert rows[0]["front"] == cards[0].front and rows[0]["back"] == cards[0].back
    assert all(r["source"] for r in rows)
    assert csv_text(cards).splitlines()[0] == "id,kind,front,back,source,tags"


def test_unknown_card_file_ending_is_an_error_and_writes_nothing(
    crash: Debate, tmp_path: Path
) -> None:
    with pytest.raises(QuaestioError, match=r"\.apkg or \.csv"):
        write_cards(crash, make_cards(crash), tmp_path / "deck.txt")
    assert list(tmp_path.iterdir()) == []


def test_fsrs_schedule_spaces_reviews_and_round_trips_json() -> None:
    state = new_state("evidence:p1.f1", NOW)
    assert state.due == NOW and state.state == "learning"
    good = schedule(state, "good", NOW)
    again = schedule(state, "again", NOW)
    easy = schedule(state, 4, NOW)
    assert again.due < good.due < easy.due
    later = schedule(good, "good", good.due)
    assert later.due - good.due > timedelta(days=1) and later.reviews == 2
    restored = CardState.from_json(json.loads(json.dumps(later.to_json())))
    assert restored == later
    # the same reviews at the same times always give the same schedule
    assert schedule(schedule(state, "good", NOW), "good", good.due) == later


def test_fsrs_rejects_bad_input() -> None:
    state = new_state("x", NOW)
    with pytest.raises(QuaestioError, match="rating"):
        schedule(state, "perfect", NOW)
    with pytest.raises(QuaestioError, match="time zone"):
        schedule(state, "good", NOW.replace(tzinfo=None))
    with pytest.raises(QuaestioError, match="card review state"):
        CardState.from_json({"fsrs": {}})


def test_due_cards_and_sync(crash: Debate) -> None:
    ids = [c.id for c in make_cards(crash)]
    states = sync_states(ids, {}, NOW)
    assert due_cards(states, NOW) == sorted(ids)
    first = ids[0]
    states[first] = schedule(states[first], "easy", NOW)
    assert first not in due_cards(states, NOW + timedelta(hours=1))
    assert first in due_cards(states, states[first].due)
    kept = sync_states(ids[:3], states, NOW)
    assert list(kept) == ids[:3] and kept[first] == states[first]


def test_seed_cards_and_deck(seed_debate: Debate, tmp_path: Path) -> None:
    cards = make_cards(seed_debate)
    for card in cards:
        check_refs(seed_debate, card.refs)
    kinds = {c.kind for c in cards}
    assert {"historians", "evidence", "rebuttal", "figure", "year", "consequence"} <= kinds
    historians = {c.refs[0].node: c.back for c in cards if c.kind == "historians"}
    assert len(historians) == len(seed_debate.positions)
    for position in corrected(seed_debate).positions:  # spelt as the table spells them
        for h in position.historians:
            assert h.name in historians[position.id]
    deck = write_cards(seed_debate, cards, tmp_path / "seed.apkg")
    with zipfile.ZipFile(deck) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "c.anki2")
    try:
        assert con.execute("select count(*) from notes").fetchone()[0] == len(cards)
    finally:
        con.close()


def test_one_card_per_fact_not_per_year(seed_debate: Debate) -> None:
    from collections import Counter

    from quaestio.study import make_cards

    cards = make_cards(seed_debate)
    backs = Counter((c.kind, c.back) for c in cards if c.kind != "consequence")
    assert [k for k, n in backs.items() if n > 1] == []
    years = [c for c in cards if c.kind == "year"]
    assert any(", " in c.front or " and " in c.front for c in years)  # a list of years, one card
