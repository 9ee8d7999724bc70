"""What each line became (``importer.preview``) and the fix script on nested points
(``importer.corrections``): the roles follow the debate, corrections keep it sound."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.importer import import_bytes
from quaestio.importer.corrections import apply_corrections
from quaestio.importer.fixes import parse_fixes
from quaestio.importer.preview import click, correction, fix_script, line_roles, preview
from quaestio.model import validate

DOC = (
    b"# Why did the Roman Republic fall?\n"  # 1
    b"\n"
    b"Notes for Year 12, autumn term.\n"  # 3
    b"\n"
    b"## Ambitious generals\n"  # 5
    b"\n"
    b"- Marius reformed the army so soldiers were loyal to their general\n"  # 7
    b"- Sulla marched on Rome in 88 BC\n"  # 8
    b"- Caesar crossed the Rubicon in 49 BC\n"  # 9
    b"    - he had the loyalty of the Gallic legions\n"  # 10
    b"- But the Senate had survived ambitious men before\n"  # 11
    b"\n"
    b"## Social and economic strain\n"  # 13
    b"\n"
    b"- Land held by the rich pushed small farmers off the land\n"  # 15
    b"- Many small farmers still prospered\n"  # 16
    b"\n"
    b"### Corruption of the Senate\n"  # 18
    b"\n"
    b"- Bribery decided elections\n"  # 20
    b"- Provinces were plundered by governors\n"  # 21
    b"\n"
    b"## Key terms\n"  # 23
    b"\n"
    b"- Optimates: the conservative faction\n"  # 25
)


def roles(fixes: str = "") -> dict[int, str]:
    return {line.number: line.role for line in preview(DOC, "rome.md", fixes).lines}


def sound(fixes: str) -> None:
    debate = preview(DOC, "rome.md", fixes).debate
    assert not [p for p in validate(debate) if p.severity == "error"], fixes


def test_every_line_is_named_by_what_it_became() -> None:
    got = roles()
    assert got[1] == "question"
    assert got[3] == "note"  # text before the first position, with the reason
    assert got[5] == got[13] == "position"
    assert got[7] == got[8] == "for" and got[11] == "against"
    assert got[23] == got[25] == "note"
    assert got[2] == "blank"
    lines = preview(DOC, "rome.md").lines
    assert "not an explanation" in next(x.label for x in lines if x.number == 23)
    marked = preview(DOC, "rome.md", "historian add 13 Brunt\n").debate
    listing = [(13, "## Social and economic strain, after Brunt"), (14, "Brunt on the land")]
    assert [(x.role, x.historians) for x in line_roles(marked, listing)] == [
        ("position", ("Brunt",)),
        ("historian", ("Brunt",)),
    ]
    # nothing is left without a name: every non-blank line has a role a reader can see
    assert all(x.label for x in lines if x.role != "blank")


def test_roles_follow_the_corrections() -> None:
    got = roles("promote 18\nflip 16\nmove 8 under 7\ndemote 13\n")
    assert got[18] == "position" and got[20] == "for"
    assert got[16] == "against"
    assert got[13] == "for"  # the demoted heading is now a point of the position before
    lines = preview(DOC, "rome.md", "move 8 under 7\n").lines
    moved = next(x for x in lines if x.number == 8)
    assert moved.depth == 1 and "answers the point on line 7" in moved.label


def test_move_under_a_point_nests_it_with_its_own_points() -> None:
    base = import_bytes(DOC, "rome.md")
    once = apply_corrections(base, parse_fixes("move 9 under 15\n"))
    strain = once.positions[1]
    caesar = next(e for e in strain.evidence if e.text.startswith("Caesar"))
    land = next(e for e in strain.evidence if e.text.startswith("Land"))
    assert caesar.parent == land.id and caesar.id.startswith(land.id + ".")
    assert not [p for p in validate(once) if p.severity == "error"]
    again = apply_corrections(once, parse_fixes("drop 15\n"))
    assert not any(e.text.startswith("Caesar") for _, e in again.iter_evidence())
    with pytest.raises(ParseError, match="part of the one being moved"):
        apply_corrections(once, parse_fixes("move 15 under 9\n"))
    back = apply_corrections(once, parse_fixes("move 9 to 5\n"))
    assert next(e for e in back.positions[0].evidence if e.text.startswith("Caesar")).parent is None


def test_promoting_a_sub_heading_names_the_position_after_it() -> None:
    debate = preview(DOC, "rome.md", "promote 20\n").debate
    titles = [p.title for p in debate.positions]
    assert titles == [
        "Ambitious generals",
        "Social and economic strain",
        "Corruption of the Senate",
    ]
    assert [e.text for e in debate.positions[2].evidence] == [
        "Bribery decided elections",
        "Provinces were plundered by governors",
    ]


def test_clicks_append_undo_redo_and_refuse_what_is_not_a_correction() -> None:
    fixes, redo = click([], [], "flip 16", {})
    fixes, redo = click(fixes, redo, "set-question", {"question": "How far?\nflip 7 # x"})
    assert fixes == ["flip 16", "question: How far? flip 7 x"]
    fixes, redo = click(fixes, redo, "undo", {})
    assert (fixes, redo) == (["flip 16"], ["question: How far? flip 7 x"])
    assert click(fixes, redo, "redo", {})[0][-1].startswith("question:")
    assert click(fixes, redo, "mark-historian 5", {"historian-5": "Syme"})[0][-1] == (
        "historian add 5 Syme"
    )
    assert click(fixes, redo, "move", {"move-point": "8", "move-to": "7"})[0][-1] == (
        "move 8 under 7"
    )
    with pytest.raises(ParseError):
        correction("delete everything", {})
    with pytest.raises(ParseError) as info:
        correction("mark-historian 5", {})
    assert info.value.field == "historian-5"
    assert fix_script(["flip 16"]).splitlines()[1:] == ["flip 16"]
    ops = [(f.op, f.target) for f in parse_fixes(fix_script(["flip 16", "promote 20"]))]
    assert ops == [("flip", 16), ("promote", 20)]


def test_a_docx_lists_its_paragraphs_by_number() -> None:
    doc = docx.Document()
    doc.add_heading("Why did the Roman Republic fall?", 1)
    doc.add_heading("Ambitious generals", 2)
    doc.add_paragraph("Sulla marched on Rome", style="List Bullet")
    doc.add_paragraph("But the Senate survived", style="List Bullet")
    doc.add_heading("Social strain", 2)
    doc.add_paragraph("Small farmers lost their land", style="List Bullet")
    out = BytesIO()
    doc.save(out)
    shown = preview(out.getvalue(), "rome.docx")
    texts = {x.number: (x.text, x.role) for x in shown.lines}
    assert texts[2] == ("Ambitious generals", "position")
    assert texts[3][1] == "for" and texts[4][1] == "against"


def test_html_lines_show_the_text_read_on_them() -> None:
    page = (
        b"<html><body>\n<h1>Why did the Roman Republic fall?</h1>\n<h2>Ambitious generals</h2>\n"
        b"<ul>\n<li>Sulla marched on Rome</li>\n<li>But the Senate survived</li>\n</ul>\n"
        b"<h2>Social strain</h2>\n<ul><li>Small farmers lost their land</li></ul>\n</body></html>"
    )
    shown = preview(page, "rome.html")
    by_text = {x.text: x.role for x in shown.lines}
    assert by_text["Ambitious generals"] == "position"
    assert by_text["Sulla marched on Rome"] == "for"
    assert not any("<" in x.text for x in shown.lines)


def test_line_roles_of_an_empty_listing() -> None:
    assert line_roles(import_bytes(DOC, "rome.md"), []) == ()


OPS = st.sampled_from(
    [
        "flip 7",
        "flip 16",
        "promote 20",
        "promote 8",
        "demote 13",
        "move 8 under 7",
        "move 9 under 15",
        "move 16 to 5",
        "drop 11",
        "drop 21",
        "historian add 5 Syme",
        "question: How far?",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, max_size=6))
def test_any_corrections_that_apply_leave_a_sound_debate(ops: list[str]) -> None:
    """Invariant: whatever corrections apply, the debate is valid and every point is placed."""
    try:
        shown = preview(DOC, "rome.md", "\n".join(ops))
    except ParseError:
        return  # a correction that no longer fits is refused with its line, not applied
    assert not [p for p in validate(shown.debate) if p.severity == "error"], ops
    placed = {x.number for x in shown.lines if x.role in ("for", "against")}
    for _, e in shown.debate.iter_evidence():
        assert e.source is not None and e.source.line_start in placed | {
            p.source.line_start for p in shown.debate.positions if p.source
        }


def test_the_cli_gives_the_debate_the_preview_shows(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The downloaded corrections re-run by ``quaestio import --fix`` give the same debate."""
    from quaestio.cli.commands.import_cmd import run_import
    from quaestio.formats import debate_json

    monkeypatch.chdir(tmp_path)
    script = [
        "promote 20",
        "flip 16",
        "move 9 under 15",
        "historian add 5 Syme",
        "question: How far?",
    ]
    (tmp_path / "rome.md").write_bytes(DOC)
    (tmp_path / "rome.fixes.txt").write_text(fix_script(script), encoding="utf-8")
    code = run_import(
        tmp_path / "rome.md",
        tmp_path / "rome.json",
        "auto",
        None,
        False,
        tmp_path / "rome.fixes.txt",
    )
    assert code == 0
    from_cli = debate_json.loads((tmp_path / "rome.json").read_text(encoding="utf-8")).debate
    shown = preview(DOC, str(tmp_path / "rome.md"), "\n".join(script)).debate
    assert from_cli.positions == shown.positions and from_cli.question == shown.question
    # the gap warnings speak of the corrected positions: the flip filled one
    gaps = [w.message for w in shown.warnings if w.code == "no_countering"]
    assert not any("Social and economic strain" in m for m in gaps)


def test_every_line_of_the_seed_is_used_or_named() -> None:
    """The seed handout: each line is part of the debate, its layout, or blank; none unused."""
    from paths import SEED

    shown = preview(SEED.read_bytes(), "seed.txt")
    assert not [x.number for x in shown.lines if x.role == "unused"]
    assert {"position", "for", "against", "historian", "consequence", "structure"} <= {
        x.role for x in shown.lines
    }


@given(st.lists(OPS, max_size=8), OPS)
def test_undo_takes_back_exactly_the_last_click_and_redo_puts_it_back(
    before: list[str], op: str
) -> None:
    after, redo = click(before, ["flip 7"], op, {})
    assert after == [*before, op] and redo == []  # a new click forgets what was undone
    undone, redo = click(after, redo, "undo", {})
    assert undone == before and redo == [op]
    assert click(undone, redo, "redo", {}) == (after, [])
