"""A small reasoning-free example debate, written for these tests, and the loss-stripping helper.

The debate is built in code (not read from a file) so that every round-trip test
starts from the same known object. Years and figures are what
``quaestio.extract`` finds in the text, as the importer would store them.
"""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import replace

import pytest

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.model import (
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Position,
    Source,
    Warning,
)

try:  # the plain-text format is written in the main tree; stand in for it on this branch
    importlib.import_module("quaestio.formats.debate_md")
except ModuleNotFoundError:  # pragma: no cover - disappears once the branches meet
    from quaestio.formats.debate_json import FORMAT as _JSON

    _shim = types.ModuleType("quaestio.formats.debate_md")
    _shim.FORMAT = replace(  # type: ignore[attr-defined]
        _JSON, name="debate-md", suffixes=(".debate.md",), read=None, write=None
    )
    sys.modules["quaestio.formats.debate_md"] = _shim


def _ev(eid: str, stance: str, text: str, label: str | None = None, **kw: object) -> Evidence:
    return Evidence(
        id=eid,
        stance=stance,  # type: ignore[arg-type]
        text=text,
        label=label,
        years=find_years(text),
        figures=find_figures(text),
        **kw,  # type: ignore[arg-type]
    )


def _hist(*names: str) -> tuple[Historian, ...]:
    return tuple(Historian(n, historian_key(n)) for n in names)


def make_example() -> Debate:
    """Why did the Western Roman Empire fall? Three explanations, in the project's own words."""
    src = "example.txt"
    p1 = Position(
        id="p1",
        title="Decay from within",
        summary="Rome rotted from the inside: civil wars, debased coins and a bloated court.",
        historians=_hist("Gibbon", "Rostovtzeff"),
        weight=0.6,
        source=Source(src, 3, 5),
        evidence=(
            _ev(
                "p1.f1",
                "for",
                "Between 235 and 284 some 26 emperors claimed the throne, most of them murdered.",
                "Crisis of the third century",
                weight=0.7,
                source=Source(src, 6),
            ),
            _ev(
                "p1.f2",
                "for",
                "The silver in a denarius fell to about 5% by 270; prices rose & trust fell.",
                "Debased coinage",
                source=Source(src, 7),
            ),
            _ev(
                "p1.a1",
                "against",
                "The eastern half faced the same ills yet lasted until 1453, so decay alone "
                'cannot explain the "fall".',
                "The East survived",
                rebuts=("p1.f1",),
                weight=0.8,
                source=Source(src, 8),
            ),
        ),
    )
    p2 = Position(
        id="p2",
        title="Pressure from outside",
        summary="Migrating peoples, pushed by the Huns, overwhelmed the western frontier.",
        historians=_hist("Heather", "Ward-Perkins"),
        source=Source(src, 10),
        evidence=(
            _ev(
                "p2.f1",
                "for",
                "In 406 Vandals, Alans and Suebi crossed the frozen Rhine; Rome was sacked in 410.",
                "Crossing of the Rhine",
                source=Source(src, 11),
            ),
            _ev(
                "p2.f2",
                "for",
                "Losing Africa in 439 cut off about 1/3 of western tax revenue.",
                source=Source(src, 12),
            ),
            _ev(
                "p2.a1",
                "against",
                "Many newcomers wanted to join the empire, not end it: they served as federates.",
                "Federates, not enemies",
                weight=0.4,
                source=Source(src, 13),
            ),
        ),
    )
    p3 = Position(
        id="p3",
        title="Transformation, not fall",
        summary="Late antiquity changed Roman life slowly; there was no single collapse.",
        historians=_hist("Brown"),
        weight=0.3,
        evidence=(
            _ev(
                "p3.f1",
                "for",
                "Roman law, Latin and the church carried on in the successor kingdoms after 476.",
                "Continuity",
            ),
            _ev(
                "p3.a1",
                "against",
                "Pottery finds show living standards in Britain dropping sharply within 50 years.",
                "Material collapse",
                rebuts=("p3.f1",),
                references=("p2.f1",),
                weight=0.9,
            ),
        ),
    )
    return Debate(
        title="The fall of the Western Roman Empire",
        question="Why did the Western Roman Empire fall in the fifth century?",
        positions=(p1, p2, p3),
        conclusion=Conclusion(
            "Outside pressure struck an empire already weakened from within; neither alone suffices.",
            Source(src, 20),
        ),
        consequences=(
            Consequence("c.pos1", "positive", "New kingdoms mixed Roman and Germanic law.", "law"),
            Consequence("c.pos2", "positive", "The church kept Latin learning alive.", weight=0.6),
            Consequence(
                "c.neg1", "negative", "Trade networks across the Mediterranean broke up.", "economy"
            ),
            Consequence("c.neg2", "negative", "Cities shrank and literacy fell.", weight=0.7),
        ),
        warnings=(Warning("example", "this debate was written for the tests", 1),),
        source_file=src,
    )


@pytest.fixture
def example() -> Debate:
    return make_example()
