"""The question a handout answers, derived from its title only when the title says so."""

from __future__ import annotations

from quaestio.importer.title import question_for


def test_explanation_titles_become_why_questions() -> None:
    body = "the purges began; purges spread"
    assert question_for("Power: Explanation of the Purges", body) == "Why did the purges happen?"
    assert question_for("Causes of the First World War", "the war began") == (
        "Why did the First World War happen?"
    )
    assert question_for("Reasons for the Fall of Constantinople", "") == (
        "Why did the Fall of Constantinople happen?"
    )


def test_other_titles_are_kept() -> None:
    assert question_for("Was Napoleon a tyrant?") == "Was Napoleon a tyrant?"
    assert question_for("The Tudors and the Church") == "The Tudors and the Church"
    assert question_for("") == ""
