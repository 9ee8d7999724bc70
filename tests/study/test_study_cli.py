"""The essay, quiz, cards and review commands, run through the real CLI."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from quaestio.cli.app import app
from quaestio.formats import debate_json
from quaestio.model import Debate
from quaestio.study.cards import make_cards

from .verify import check_refs

runner = CliRunner()


@pytest.fixture
def crash_file(crash: Debate, tmp_path: Path) -> Path:
    path = tmp_path / "crash.json"
    path.write_text(debate_json.dumps(crash), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["essay", "quiz", "cards", "review"])
def test_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: quaestio {command}" in result.output


def test_quiz_json_is_reproducible_and_right(crash: Debate, crash_file: Path) -> None:
    from quaestio.study.quiz import Question

    from .verify import check_question

    args = ["quiz", str(crash_file), "--n", "12", "--seed", "9", "--json"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0 and first.output == second.output
    other = runner.invoke(app, ["quiz", str(crash_file), "--n", "12", "--seed", "10", "--json"])
    assert other.output != first.output
    rows = json.loads(first.output)
    assert len(rows) == 12 and len({r["kind"] for r in rows}) >= 5
    for row in rows:
        check_question(crash, Question.from_dict(row))


def test_interactive_quiz_marks_answers(crash_file: Path) -> None:
    rows = json.loads(
        runner.invoke(app, ["quiz", str(crash_file), "--n", "3", "--seed", "2", "--json"]).output
    )
    letters = ["ABCD"[rows[0]["answer"]], "ABCD"[(rows[1]["answer"] + 1) % len(rows[1]["options"])]]
    answers = [letters[0], letters[1], str(rows[2]["answer"] + 1)]
    result = runner.invoke(
        app,
        ["quiz", str(crash_file), "--n", "3", "--seed", "2", "--interactive"],
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("Correct.") == 2 and "Not quite" in result.output
    assert "Score: 2/3" in result.output
    assert rows[1]["refs"][0]["node"] in result.output


def test_essay_from_the_seed_handout_to_docx(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    result = runner.invoke(
        app,
        [
            "essay",
            str(seed_path),
            "-q",
            "How far was Stalin responsible for the purges?",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Judgement on Stalin" in text and "How far was Stalin responsible" in text


def test_essay_to_stdout_and_bad_ending(crash_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["essay", str(crash_file), "--semantics", "ach"])
    assert result.exit_code == 0 and "ranked by ach" in result.output
    bad = runner.invoke(app, ["essay", str(crash_file), "-o", str(tmp_path / "plan.odt")])
    assert bad.exit_code != 0
    assert not (tmp_path / "plan.odt").exists()


def test_cards_command_writes_anki_and_csv(crash: Debate, crash_file: Path, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    assert runner.invoke(app, ["cards", str(crash_file), "-o", str(deck)]).exit_code == 0
    with zipfile.ZipFile(deck) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "c.anki2")
    try:
        assert con.execute("select count(*) from notes").fetchone()[0] == len(make_cards(crash))
    finally:
        con.close()
    listed = runner.invoke(app, ["cards", str(crash_file), "--json"])
    cards = json.loads(listed.output)
    assert [c["id"] for c in cards] == [c.id for c in make_cards(crash)]


def test_review_schedules_and_keeps_state(crash: Debate, crash_file: Path, tmp_path: Path) -> None:
    state = tmp_path / "reviews.json"
    now = "2026-03-02T09:00:00+00:00"
    result = runner.invoke(
        app,
        ["review", str(crash_file), "--state", str(state), "--limit", "2", "--now", now],
        input="\ngood\n\nperfect\neasy\n",
    )
    assert result.exit_code == 0, result.output
    assert "not one of again, hard, good, easy" in result.output
    saved = json.loads(state.read_text())
    reviewed = {k: v for k, v in saved["cards"].items() if v["reviews"] > 0}
    assert len(reviewed) == 2 and len(saved["cards"]) == len(make_cards(crash))
    for card_id, row in reviewed.items():
        assert row["fsrs"]["due"] > now
        card = next(c for c in make_cards(crash) if c.id == card_id)
        check_refs(crash, card.refs)
    # the reviewed cards are no longer due at the same moment
    again = runner.invoke(
        app,
        ["review", str(crash_file), "--state", str(state), "--limit", "0", "--now", now],
    )
    assert f"{len(saved['cards']) - 2} card(s) due" in again.output


def test_review_rejects_a_corrupt_state_file(crash_file: Path, tmp_path: Path) -> None:
    state = tmp_path / "reviews.json"
    state.write_text("{not json")
    result = runner.invoke(app, ["review", str(crash_file), "--state", str(state)])
    assert result.exit_code != 0
    assert state.read_text() == "{not json"


def test_essay_json_cites_existing_nodes(crash: Debate, crash_file: Path) -> None:
    from quaestio.study.text import Ref

    result = runner.invoke(app, ["essay", str(crash_file), "--json"])
    assert result.exit_code == 0
    plan = json.loads(result.output)
    points = plan["introduction"] + plan["conclusion"] + plan["consequences"]
    points += [p for s in plan["sections"] for p in s["points"]]
    assert len(plan["sections"]) == len(crash.positions)
    for point in points:
        check_refs(crash, [Ref(r["node"], r["line"]) for r in point["refs"]])


def test_plain_text_debate_nodes_are_cited_at_their_line(example_path: Path) -> None:
    from quaestio.study import read_debate

    debate = read_debate(example_path)
    lines = example_path.read_text(encoding="utf-8").splitlines()
    for node in [*debate.positions, *(e for _, e in debate.iter_evidence())]:
        assert node.source is not None and node.source.line_start is not None
        assert f"{{#{node.id}" in lines[node.source.line_start - 1]
    result = runner.invoke(app, ["essay", str(example_path), "--json"])
    plan = json.loads(result.output)
    assert all(r["line"] for s in plan["sections"] for p in s["points"] for r in p["refs"])


def test_quiz_is_the_same_in_fresh_processes(seed_path: Path) -> None:
    import os
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parents[2] / "src")
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": src}
        done = subprocess.run(
            [sys.executable, "-m", "quaestio", "quiz", str(seed_path), "--seed", "4", "--json"],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1 and len(json.loads(outputs.pop())) == 20
