"""Argdown checked against the reference implementation, @argdown/cli 1.7.5 from npm.

The CLI lives in ``tools/argdown`` (package.json + package-lock.json); when its
node_modules are missing the tests install them with ``npm ci``. They skip only
when Node.js itself is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from test_fmt_property import debates

from quaestio.errors import ParseError
from quaestio.formats import argdown
from quaestio.formats.argdown_syntax import Document, parse
from quaestio.model import Debate

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "argdown"
DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.npm


@pytest.fixture(scope="module")
def argdown_cli() -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js is not installed")
    binary = TOOLS / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
    if not binary.exists():
        subprocess.run(
            ["npm", "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"],
            check=True,
            timeout=600,
            capture_output=True,
        )
    assert binary.exists(), "npm ci did not install @argdown/cli"
    return binary


def reference(cli: Path, text: str, tmp: Path) -> dict[str, Any]:
    """The reference implementation's JSON export of ``text``."""
    source = tmp / "map.argdown"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["node", str(cli), "json", str(source), str(tmp / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "Successfully" in result.stdout, result.stdout + result.stderr
    return dict(json.loads((tmp / "out" / "map.json").read_text(encoding="utf-8")))


def _clean(member: dict[str, Any]) -> str:
    """A member's text without its tags, located by the reference's own tag ranges."""
    units = (member.get("text") or "").encode("utf-16-le")  # ranges count JavaScript's UTF-16 units
    for r in sorted(member.get("ranges", []), key=lambda r: -int(r["start"])):
        if r.get("type") == "tag":
            units = units[: 2 * r["start"]] + " ".encode("utf-16-le") + units[2 * (r["stop"] + 1) :]
    return " ".join(units.decode("utf-16-le").split())


def _theirs(
    ref: dict[str, Any],
) -> tuple[dict[str, str], dict[str, str], set[tuple[str, str, str]], dict[str, Any]]:
    def text_of(el: dict[str, Any]) -> str:
        texts = [_clean(m) for m in el["members"]]
        return next((t for t in texts if t), "")

    statements = {f"[{k}": text_of(v) for k, v in ref["statements"].items()}
    arguments = {f"<{k}": text_of(v) for k, v in ref["arguments"].items()}
    kind = {"argument": "<", "equivalence-class": "["}
    relations = {
        (kind[r["fromType"]] + r["from"], kind[r["toType"]] + r["to"], r["relationType"])
        for r in ref["relations"]
    }
    for title, arg in ref[
        "arguments"
    ].items():  # a premise-conclusion structure supports its conclusion
        for member in arg.get("pcs", []):
            if member.get("role") == "main-conclusion":
                relations.add((f"<{title}", f"[{member['title']}", "support"))
    data = {("[" + k): v.get("data") or {} for k, v in ref["statements"].items()}
    data |= {("<" + k): v.get("data") or {} for k, v in ref["arguments"].items()}
    return statements, arguments, relations, data


def _ours(
    doc: Document,
) -> tuple[dict[str, str], dict[str, str], set[tuple[str, str, str]], dict[str, Any]]:
    statements = {k: e.text for k, e in doc.elements.items() if e.kind == "statement"}
    arguments = {k: e.text for k, e in doc.elements.items() if e.kind == "argument"}
    relations = {(a, b, k) for a, b, k, _ in doc.relations}
    return statements, arguments, relations, {k: e.data for k, e in doc.elements.items()}


def test_reference_reads_what_quaestio_writes(
    argdown_cli: Path, example: Debate, tmp_path: Path
) -> None:
    text = argdown.write(example).decode()
    ref = reference(argdown_cli, text, tmp_path)
    theirs, ours = _theirs(ref), _ours(parse(text))
    assert theirs == ours
    # and in the reference's reading, the debate is all there: every point's text, every rebuttal
    arguments = theirs[1]
    assert sorted(arguments.values()) == sorted(
        " ".join(e.text.split()) for _, e in example.iter_evidence()
    )
    attacks_on_points = {(a, b) for a, b, k in theirs[2] if k == "attack" and b.startswith("<")}
    assert len(attacks_on_points) == len(example.rebuttal_pairs())
    assert {v.get("id") for v in theirs[3].values()} >= set(example.node_ids())


def test_quaestio_reads_a_hand_written_map_like_the_reference(
    argdown_cli: Path, tmp_path: Path
) -> None:
    text = (DATA / "weimar-map.argdown").read_text()
    assert _theirs(reference(argdown_cli, text, tmp_path)) == _ours(parse(text))


def test_hand_written_map_becomes_a_debate() -> None:
    loaded = argdown.read((DATA / "weimar-map.argdown").read_bytes(), "weimar-map.argdown")
    d = loaded.debate
    assert d.title == "Weimar in brief"
    # "Farm vote" only undercuts: it answers no claim, so it stands as a position of its own
    assert [p.title for p in d.positions] == ["Depression", "Constitution", "Farm vote"]
    depression, constitution, farm = d.positions
    assert [h.name for h in depression.historians] == ["Borchardt"]
    ids = {e.label: e.id for e in depression.evidence}
    assert [(e.label, e.stance, e.parent) for e in depression.evidence] == [
        ("Mass unemployment", "for", None),
        ("Britain survived", "against", ids["Mass unemployment"]),  # nested, not flattened
        ("Timing", "against", None),
        ("Banks failed", "for", None),
    ]
    assert depression.evidence[3].tags == ("econ",)
    assert depression.evidence[0].text == "Six million unemployed turned to extremist parties."
    decrees = constitution.evidence[0]
    assert decrees.label == "Decrees" and decrees.stance == "for"
    # the premises of <Decrees> are its points, and the structure is kept as an argument
    (argument,) = d.arguments
    assert argument.conclusion == constitution.id
    assert [d.evidence_by_id()[k].text for k in argument.premises] == [
        "Brüning ruled by decree from 1930.",
        "Rule by decree weakened parliament.",
    ]
    assert [(r.kind, r.source, r.target) for r in d.relations] == [
        ("attack", ids["Britain survived"], decrees.id),  # across positions
        ("undercut", farm.id, ids["Mass unemployment"]),
        ("contradictory", constitution.id, depression.id),
    ]
    assert d.warnings == ()
    assert loaded.locations[depression.id] == 9


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("===\ntitle: [unclosed\n===\n", 2),
        ("===\ntitle: x\n", 1),
        ("[A]: text\n\n  + <B>: orphan relation\n", 3),
        ("[A]: text {id: [1, 2}\n", 1),
        ("[A]: text {a: b: c}\n", 1),
        ("[A]: text #position {weight: 7}\n", 1),
    ],
)
def test_malformed_argdown_names_the_line(text: str, line: int) -> None:
    with pytest.raises(ParseError) as info:
        argdown.read(text.encode(), "bad.argdown")
    assert info.value.line == line and info.value.file == "bad.argdown"


@settings(
    max_examples=int(os.environ.get("QUAESTIO_FUZZ_EXAMPLES", "6")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(debate=debates())
def test_reference_agrees_on_random_debates(
    argdown_cli: Path, tmp_path_factory: pytest.TempPathFactory, debate: Debate
) -> None:
    """Escaping holds for any wording: the reference parses exactly what quaestio parses."""
    text = argdown.write(debate).decode()
    assert _theirs(reference(argdown_cli, text, tmp_path_factory.mktemp("random"))) == _ours(
        parse(text)
    )


def test_windows_line_endings_read_the_same(example: Debate) -> None:
    data = argdown.write(example)
    crlf = argdown.read(data.replace(b"\n", b"\r\n"), "x.argdown")
    assert crlf.debate == argdown.read(data, "x.argdown").debate
