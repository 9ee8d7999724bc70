"""The default essay plan: exam forms, the factor named, whole quotations, the handout's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.study_rubric import rubric

from quaestio.model import Debate
from quaestio.study import essay_plan, read_debate
from quaestio.study.forms import read_question
from quaestio.study.text import sentences

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WW1 = EXAMPLES / "ww1.debate.md"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("To what extent was the alliance system responsible for the war?", "extent"),
        ("How far do you agree that the alliance system was the main cause of the war?", "agree"),
        ("Assess the view that Germany sought a war of conquest.", "view"),
        ("How significant was Serbian nationalism in the outbreak of war?", "significance"),
        ("Compare the arms race and imperial rivalry as causes of the war.", "compare"),
        ("Why did war break out in 1914?", "why"),
    ],
)
def test_exam_forms_are_read(question: str, kind: str) -> None:
    assert read_question(read_debate(WW1), question).kind == kind


def test_the_factor_the_question_names_is_answered_not_another() -> None:
    debate = read_debate(WW1)
    asked = "How far do you agree that the alliance system was the main cause of the war?"
    form = read_question(debate, asked)
    alliance = next(p.id for p in debate.positions if "alliance" in p.title)
    assert form.positions == (alliance,)  # not Germany, which the claim also mentions elsewhere
    plan = essay_plan(debate, asked)
    judged = [p for p in plan.introduction if (p.label or "").startswith("Judgement on")]
    assert judged and judged[0].refs[0].node == alliance


def test_an_unknown_form_gets_a_plan_with_a_note() -> None:
    plan = essay_plan(read_debate(WW1), "Discuss the July crisis.")
    assert plan.sections and any(p.label == "Note" for p in plan.introduction)


def test_evidence_is_quoted_in_whole_sentences_with_its_dates(crash: Debate) -> None:
    plan = essay_plan(crash)
    evidence = crash.evidence_by_id()
    quoted = [p for s in plan.sections for p in s.points if p.label == "Evidence"]
    assert quoted
    for point in quoted:
        item = evidence[point.refs[0].node]
        body = point.text.split("“", 1)[1].rsplit("”", 1)[0]
        whole = sentences(item.text)
        assert any(" ".join(whole[: i + 1]) == body for i in range(len(whole))), body
        for year in item.years[:1]:
            assert str(year) in point.text


def test_the_plan_says_how_it_stands_to_the_handout(seed_debate: Debate) -> None:
    plan = essay_plan(seed_debate, "To what extent was Stalin responsible for the purges?")
    labels = [p.label for p in plan.conclusion]
    assert "The handout's verdict" in labels and "Handout and evidence" in labels
    text = " ".join(p.text for p in plan.points())
    assert "dfquad" not in text and "strength 0." not in text


def test_the_rubric_finds_nothing_unsupported_or_wrong_on_a_debate_of_another_topic(
    crash: Debate,
) -> None:
    for debate in (crash, read_debate(WW1)):
        counts = rubric(debate)
        assert counts.sentences > 50 and counts.questions > 10
        assert not counts.unsupported and not counts.wrong, counts.unsupported + counts.wrong
        assert not counts.q_wrong and not counts.ambiguous and not counts.repeated
