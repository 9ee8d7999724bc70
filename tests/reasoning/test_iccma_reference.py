"""Every ICCMA 2019 reference answer in ../shared/iccma must come out the same."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from reasoning_shared import shared_dir

from quaestio.reasoning import dung, iccma_io, tasks
from quaestio.reasoning.af import ArgumentationFramework

ICCMA = shared_dir() / "iccma"
CASES = json.loads((ICCMA / "bars-cases.json").read_text())
SMALL = sorted((ICCMA / "iccma2019-small-patricker").glob("*.apx"))
EXPECTED_NAMES = {
    "grounded": "GR",
    "complete": "CO",
    "preferred": "PR",
    "stable": "ST",
    "semi-stable": "SST",
    "ideal": "ID",
}


@cache
def load(rel: str) -> ArgumentationFramework:
    return iccma_io.read_file(ICCMA / rel)


def test_all_237_queries_are_present() -> None:
    assert len(CASES) == 237


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: f"{c['task']}:{Path(c['file']).stem}:{c.get('arg', '')}"
)
def test_bars_case(case: dict[str, object]) -> None:
    af = load(str(case["file"]))
    answer = tasks.solve(af, str(case["task"]), case.get("arg"))  # type: ignore[arg-type]
    if str(case["task"]).startswith("SE-"):
        expected = [sorted(e) for e in case["expect"]]  # type: ignore[union-attr]
        if not expected:
            assert answer.lines(af) == ["NO"]
        else:
            assert sorted(af.named(answer.extensions[0])) in expected
    else:
        assert answer.lines(af) == [case["expect"]]


def _expected_extensions(path: Path) -> set[frozenset[str]]:
    blocks: list[list[str]] = [[]]
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            continue
        if line.strip() == "---":
            blocks.append([])
        elif line.strip():
            blocks[-1].append(line.strip())
    return {frozenset(b) for b in blocks}


@pytest.mark.parametrize("apx", SMALL, ids=lambda p: p.stem)
@pytest.mark.parametrize("sem_name", sorted(EXPECTED_NAMES))
def test_small_instances_enumerate_exactly_the_reference_extensions(
    apx: Path, sem_name: str
) -> None:
    af = iccma_io.read_file(apx)
    expected = _expected_extensions(apx.parent / "expected" / f"{apx.stem}.{sem_name}.txt")
    got = {frozenset(af.named(e)) for e in dung.extensions(af, EXPECTED_NAMES[sem_name])}
    assert got == expected


def _parse_reference(text: str) -> object:
    first = text.strip().splitlines()[0]
    if first in ("YES", "NO"):
        return first
    inner = first[1:-1]
    if inner.startswith("["):
        groups = re.findall(r"\[([^\[\]]*)\]", inner)
        return {frozenset(x for x in g.split(",") if x) for g in groups}
    return frozenset(x for x in inner.split(",") if x)


MEDIUM = ICCMA / "iccma2019-medium-b1-probo2"


@pytest.mark.parametrize("ref", sorted((MEDIUM / "reference").glob("*.out")), ids=lambda p: p.stem)
def test_medium_instance_matches_reference_output(ref: Path) -> None:
    af = load("iccma2019-medium-b1-probo2/Medium-result-b1.apx")
    assert (af.n, af.m) == (438, 77717)
    task = ref.name.split(".apx-")[1].removesuffix(".out")
    arg = (MEDIUM / "Medium-result-b1.arg").read_text().strip()
    expected = _parse_reference(ref.read_text())
    answer = tasks.solve(af, task, arg)
    if task.startswith("EE-"):
        got: object = {frozenset(af.named(e)) for e in answer.extensions}
        assert isinstance(expected, set) and len(expected) > 1
    elif task.startswith("SE-"):
        got = frozenset(af.named(answer.extensions[0]))
    else:
        got = "YES" if answer.accepted else "NO"
    assert got == expected
