"""Fixtures for the study tests: a small debate written for these tests, and the seed.

The crash debate is our own wording about another topic, so every feature is
checked on something that is not the seed. The seed is read through the shared
lookup in ``tests/conftest.py`` (``../shared`` beside the repository), never copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.importer import import_path
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Historian, Position, Source


def _ev(pid: str, sid: str, stance: str, text: str, line: int, **kw: object) -> Evidence:
    return Evidence(
        id=f"{pid}.{sid}",
        stance=stance,  # type: ignore[arg-type]
        text=text,
        years=find_years(text),
        figures=find_figures(text),
        source=Source("crash.txt", line, line),
        **kw,  # type: ignore[arg-type]
    )


def _pos(
    pid: str, title: str, summary: str, names: list[str], line: int, ev: list[Evidence]
) -> Position:
    return Position(
        id=pid,
        title=title,
        summary=summary,
        historians=tuple(Historian(n, historian_key(n)) for n in names),
        evidence=tuple(ev),
        source=Source("crash.txt", line, line),
    )


def build_crash_debate() -> Debate:
    p1 = _pos(
        "p1",
        "Speculation caused the Crash",
        "Buying shares on borrowed money pushed prices far above what companies earned.",
        ["Galbraith", "Kindleberger"],
        3,
        [
            _ev(
                "p1",
                "f1",
                "for",
                "Brokers' loans rose to 8 billion dollars in 1929. Ordinary "
                "clerks bought shares with only 10% paid down.",
                5,
                weight=0.8,
                label="Margin buying",
            ),
            _ev(
                "p1",
                "f2",
                "for",
                "Investment trusts were floated in 1928 at a rate of one a day "
                "and bought each other's stock.",
                6,
                weight=0.6,
            ),
            _ev(
                "p1",
                "a1",
                "against",
                "Prices of most shares in 1929 were not far above their "
                "earnings, so the boom was not pure mania.",
                7,
                weight=0.5,
                rebuts=("p1.f1",),
            ),
        ],
    )
    p2 = _pos(
        "p2",
        "The Federal Reserve was responsible",
        "The central bank raised interest rates at the wrong moment and then let banks fail.",
        ["Friedman", "Schwartz"],
        9,
        [
            _ev(
                "p2",
                "f1",
                "for",
                "In August 1929 the discount rate was raised to 6%, which "
                "squeezed credit just as industry slowed.",
                11,
                weight=0.7,
            ),
            _ev(
                "p2",
                "f2",
                "for",
                "Between 1930 and 1933 the money supply shrank by a third of "
                "its size while the bank did little.",
                12,
                weight=0.7,
            ),
            _ev(
                "p2",
                "a1",
                "against",
                "The bank was a young institution founded in 1913 whose "
                "powers were split among 12 regional banks.",
                13,
                weight=0.6,
                rebuts=("p2.f1",),
            ),
        ],
    )
    p3 = _pos(
        "p3",
        "The economy was already weak",
        "Farming, building and consumer demand were falling before the market broke.",
        ["Temin", "Galbraith"],
        15,
        [
            _ev(
                "p3",
                "f1",
                "for",
                "Farm incomes had been low since 1920 and 600 rural banks closed each year.",
                17,
                weight=0.6,
            ),
            _ev(
                "p3",
                "f2",
                "for",
                "Car sales fell in 1929 and house building had peaked in 1926.",
                18,
                weight=0.5,
            ),
            _ev(
                "p3",
                "a1",
                "against",
                "Industrial output was still at a record level in June 1929.",
                19,
                weight=0.4,
                rebuts=("p3.f2",),
            ),
        ],
    )
    p4 = _pos(
        "p4",
        "Hoover and Congress made it worse",
        "Political choices after the Crash turned a slump into a depression.",
        ["Eichengreen"],
        21,
        [
            _ev(
                "p4",
                "f1",
                "for",
                "The tariff act of 1930 raised duties on 20 000 goods and "
                "other countries retaliated.",
                23,
                weight=0.4,
            ),
            _ev(
                "p4",
                "a1",
                "against",
                "The tariff came after the Crash, so it cannot explain why shares fell in October.",
                24,
                weight=0.7,
                rebuts=("p4.f1",),
            ),
        ],
    )
    consequences = (
        Consequence(
            "c.pos1",
            "positive",
            "Banking rules were rewritten and deposits insured.",
            source=Source("crash.txt", 27, 27),
        ),
        Consequence(
            "c.pos2",
            "positive",
            "Economists began to study demand and money seriously.",
            source=Source("crash.txt", 28, 28),
        ),
        Consequence(
            "c.neg1",
            "negative",
            "A quarter of workers had no job by 1933.",
            source=Source("crash.txt", 30, 30),
        ),
        Consequence(
            "c.neg2",
            "negative",
            "World trade fell by two thirds.",
            source=Source("crash.txt", 31, 31),
        ),
    )
    return Debate(
        title="Why did the Wall Street Crash happen?",
        question="To what extent was the Federal Reserve responsible for the Crash?",
        positions=(p1, p2, p3, p4),
        conclusion=Conclusion("Several causes met in one autumn.", Source("crash.txt", 25, 25)),
        consequences=consequences,
        source_file="crash.txt",
    )


@pytest.fixture
def crash() -> Debate:
    return build_crash_debate()


@pytest.fixture
def seed_debate(seed_path: Path) -> Debate:
    """The seed handout, imported by the real importer (``seed_path``: tests/conftest.py)."""
    return import_path(seed_path)
