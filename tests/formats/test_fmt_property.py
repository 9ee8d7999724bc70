"""Round trips of random debates: whatever the wording, each format loses only what it says.

Texts are random words of letters, digits, punctuation and symbols (any
script), separated by spaces or line breaks, as an importer would produce
them; names are letters, spaces, hyphens, dots and apostrophes.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import replace

from fmt_lossy import renumber, strip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats import by_name
from quaestio.model import (
    ACH_RATINGS,
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Position,
)

FORMATS = {
    "csv": "quaestio.formats.evidence_csv",
    "aif": "quaestio.formats.aif_json",
    "ach-csv": "quaestio.formats.ach_csv",
    "graphml": "quaestio.formats.graphml",
    "argdown": "quaestio.formats.argdown",
}

_word = st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=7)
_sep = st.sampled_from([" ", " ", " ", " ", "\n"])


@st.composite
def texts(draw: st.DrawFn, max_words: int = 12, one_line: bool = False) -> str:
    words = draw(st.lists(_word, min_size=1, max_size=max_words))
    out = words[0]
    for w in words[1:]:
        out += (" " if one_line else draw(_sep)) + w
    return out


_name = (
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÄÖéłńABCXYZ -.'"), min_size=1, max_size=12)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_weight = st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1 / 3])


@st.composite
def debates(draw: st.DrawFn) -> Debate:
    positions = []
    for n in range(1, draw(st.integers(1, 4)) + 1):
        items: list[Evidence] = []
        counts = {"for": 0, "against": 0}
        for _ in range(draw(st.integers(0, 5))):
            stance = draw(st.sampled_from(["for", "against"]))
            counts[stance] += 1
            text = draw(texts())
            label = draw(st.none() | texts(4, one_line=True).filter(lambda s: "*" not in s))
            fors = [e.id for e in items if e.stance == "for"]
            rebuts = (
                tuple(draw(st.lists(st.sampled_from(fors), max_size=1, unique=True)))
                if fors and stance == "against"
                else ()
            )
            items.append(
                Evidence(
                    id=f"p{n}.{'f' if stance == 'for' else 'a'}{counts[stance]}",
                    stance=stance,  # type: ignore[arg-type]
                    text=text,
                    label=label,
                    years=find_years(text),
                    figures=find_figures(text),
                    rebuts=rebuts,
                    weight=draw(_weight),
                )
            )
        names = draw(st.lists(_name, max_size=3, unique=True))
        positions.append(
            Position(
                id=f"p{n}",
                title=draw(texts(5, one_line=True)),
                summary=draw(st.just("") | texts()),
                historians=tuple(Historian(h, historian_key(h)) for h in names),
                evidence=tuple(items),
                weight=draw(_weight),
            )
        )
    ids = [p.id for p in positions]
    positions = [
        replace(
            p,
            evidence=tuple(
                replace(
                    e,
                    ach=tuple(
                        AchRating(q, draw(st.sampled_from(ACH_RATINGS)))
                        for q in draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
                    ),
                    credibility=draw(st.none() | _weight),
                    relevance=draw(st.none() | _weight),
                )
                for e in p.evidence
            ),
        )
        for p in positions
    ]
    cons = []
    for polarity, prefix in (("positive", "pos"), ("negative", "neg")):
        for k in range(1, draw(st.integers(0, 2)) + 1):
            cons.append(
                Consequence(f"c.{prefix}{k}", polarity, draw(texts()), draw(st.none() | _name))
            )  # type: ignore[arg-type]
    return Debate(
        title=draw(texts(6, one_line=True)),
        question=draw(st.just("") | texts(8, one_line=True)),
        positions=tuple(positions),
        conclusion=draw(st.none() | texts().map(Conclusion)),
        consequences=tuple(cons),
    )


@settings(
    max_examples=int(os.environ.get("QUAESTIO_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(name=st.sampled_from(sorted(FORMATS)), debate=debates())
def test_random_debates_round_trip(name: str, debate: Debate) -> None:
    module = importlib.import_module(FORMATS[name])
    fmt = by_name(name)
    back = fmt.read(fmt.write(debate), f"random{fmt.suffixes[0]}").debate  # type: ignore[misc]
    expected, got = strip(debate, module.LOSES, untitled="random"), back
    if "ids" in module.LOSES:
        expected, got = renumber(expected), renumber(got)
    assert got == expected
