"""The question a handout answers, derived from its title only when the title says so."""

from __future__ import annotations

from quaestio.importer.title import question_for


def test_explanation_titles_become_why_questions() -> None:
    body = "the purges began; purges spread"
    assert question_for("Power: Explanation of the Purges", body) == "Why did the purges happen?"
    assert question_for("Causes of the First World War", "the war began") == (
        "What caused the First World War?"
    )
    assert question_for("Causes of World War II (Summary Notes)") == "What caused World War II?"
    assert question_for("Reasons for the Fall of Constantinople", "") == (
        "Why did the Fall of Constantinople happen?"
    )


def test_other_titles_are_kept() -> None:
    assert question_for("Was Napoleon a tyrant?") == "Was Napoleon a tyrant?"
    assert question_for("The Tudors and the Church") == "The Tudors and the Church"
    assert question_for("") == ""


def test_a_stated_question_wins() -> None:
    from quaestio.importer.title import stated_question

    blocks = [("Notes", True), ("Question: Why did the republic fall so quickly", False)]
    assert stated_question(blocks) == "Why did the republic fall so quickly?"
    assert stated_question(
        [("Question d’essai :", True), ("Dans quelle mesure X a-t-il duré ?", False)]
    ) == ("Dans quelle mesure X a-t-il duré ?")
    assert stated_question([("Questions", True), ("1. What is it?", False)]) is None
