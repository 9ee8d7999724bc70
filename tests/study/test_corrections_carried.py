"""The importer's flagged typos are carried corrected into every study output: the essay
plan (every format), the quiz (every kind, method quiz too), the cards (CSV, Anki) and the
verdict's text. On a handout written for this test and on the imported seed."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

from quaestio.model import Debate
from quaestio.study import (
    apkg_bytes,
    csv_text,
    essay_plan,
    make_cards,
    make_quiz,
    question_kinds,
    read_debate,
    render_plan,
)
from quaestio.study.verdict import plain_verdict

from .verify import check_question

HANDOUT = """\
# Why did the Terror spread in 1937?

Question: To what extent was the terror a system out of control?

## The terror fed itself {#p1}

Historians: Brezinski, Cohen

Denunciations made more arrests, and arrests more denunciations, as Brezinski argued.

### For

- {#p1.f1} **Quotas:** In July 1937 regions were given quotas; of the 1996b delegates to one congress 1104 were later arrested.
- {#p1.f2} Brezinski pointed to the purge of the purgers in 1938.

### Against

- {#p1.a1 rebuts=p1.f1} The quotas were set and raised in Moscow in 1937.

## Stalin directed it {#p2}

Historians: Conquest, Shapiro

Stalin signed the lists and set the pace.

### For

- {#p2.f1} **Lists:** In 1938 Stalin signed lists of thousands of names.

### Against

- {#p2.a1} Regional leaders asked for higher quotas in 1937, which Brezinski saw as momentum.

## Conclusion

Brezinski was right that the terror ran on, though Shapiro showed who started it.
"""

WRONG = ("Brezinski", "Shapiro", "1996b")


def _outputs(debate: Debate) -> dict[str, str]:
    plan = essay_plan(debate)
    quiz = make_quiz(debate, n=200, seed=1, kinds=question_kinds(), semantics="dfquad")
    cards = make_cards(debate)
    with zipfile.ZipFile(BytesIO(apkg_bytes(debate, cards))) as z:
        anki = z.read("collection.anki2").decode("latin-1")
    docx = zipfile.ZipFile(BytesIO(render_plan(plan, "docx"))).read("word/document.xml")
    return {
        "plan md": render_plan(plan, "md").decode(),
        "plan html": render_plan(plan, "html").decode(),
        "plan docx": docx.decode(),
        "plan json": json.dumps(plan.to_dict(), ensure_ascii=False),
        "method plan": render_plan(essay_plan(debate, semantics="dfquad"), "md").decode(),
        "quiz": json.dumps([q.to_dict() for q in quiz], ensure_ascii=False),
        "cards csv": csv_text(cards),
        "cards apkg": anki,
        "verdict": json.dumps(plain_verdict(debate).to_dict(), ensure_ascii=False),
    }


def test_no_output_carries_a_flagged_typo(tmp_path: Path) -> None:
    path = tmp_path / "terror.debate.md"
    path.write_text(HANDOUT, encoding="utf-8")
    debate = read_debate(path)
    assert "Brezinski" in {h.name for p in debate.positions for h in p.historians}
    outputs = _outputs(debate)
    for name, text in outputs.items():
        for typo in WRONG:
            assert typo not in text, (name, typo)
    assert "Brzezinski" in outputs["plan md"] and "Schapiro" in outputs["plan md"]
    assert "1996 delegates" in outputs["cards csv"] or "1996" in outputs["quiz"]
    for q in make_quiz(debate, n=200, seed=3):
        check_question(debate, q)


def test_the_seed_outputs_spell_its_historians_right(seed_debate: Debate) -> None:
    outputs = _outputs(seed_debate)
    for name, text in outputs.items():
        for typo in WRONG:
            assert typo not in text, (name, typo)
    assert "Brzezinski" in outputs["plan md"] and "Schapiro" in outputs["plan md"]
