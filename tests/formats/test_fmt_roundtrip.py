"""Every readable and writable format gives back a debate, minus exactly what it says it loses.

Three debates: a small one built in code, the bundled example, and the imported seed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

import pytest
from fmt_example import make_example, make_graph_example
from fmt_lossy import renumber, strip

from paths import EXAMPLE, SEED
from quaestio.formats import by_name, read_path
from quaestio.formats.losses import describe
from quaestio.model import Debate, validate

#: format name -> module that declares LOSES
ROUND_TRIP = {
    "json": "quaestio.formats.debate_json",
    "debate-md": "quaestio.formats.debate_md",
    "csv": "quaestio.formats.evidence_csv",
    "aif": "quaestio.formats.aif_json",
    "ach-csv": "quaestio.formats.ach_csv",
    "graphml": "quaestio.formats.graphml",
    "argdown": "quaestio.formats.argdown",
}
#: debates every format must round-trip (name -> factory)
DEBATES: dict[str, Callable[[], Debate]] = {
    "example": make_example,
    "graph": make_graph_example,
    "bundled": lambda: read_path(EXAMPLE).debate,
    "seed": lambda: read_path(SEED).debate,
}


#: known defects, each failing today (strict: the mark must go once it is fixed)
KNOWN: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("debate", sorted(DEBATES))
@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_round_trip_loses_exactly_what_the_table_says(name: str, debate: str) -> None:
    if (name, debate) in KNOWN:
        pytest.xfail(KNOWN[name, debate])
    example = DEBATES[debate]()
    module = importlib.import_module(ROUND_TRIP[name])
    fmt = by_name(name)
    assert fmt.loses.startswith(describe(module.LOSES))
    data = fmt.write(example)  # type: ignore[misc]
    back = fmt.read(data, f"{debate}{fmt.suffixes[0]}").debate  # type: ignore[misc]
    assert validate(back) == []
    expected = strip(example, module.LOSES, untitled=debate)
    got = back
    if "sources" in module.LOSES:  # lines a reader gives relations are the new file's own
        got = replace(
            got,
            relations=tuple(replace(r, origin=None) for r in got.relations),
            arguments=tuple(replace(a, origin=None) for a in got.arguments),
        )
    if "ids" in module.LOSES:
        expected, got = renumber(expected), renumber(got)
    assert got == expected
    # writing what was read gives the same bytes: nothing drifts on a second pass
    assert fmt.write(back) == data  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_each_claimed_loss_is_real(name: str) -> None:
    """A format must not claim to lose a field it keeps: stripping each one alone must matter."""
    example = make_graph_example()
    module = importlib.import_module(ROUND_TRIP[name])
    # the graph's tokens are checked on real-shaped files by test_fmt_graph_files
    graph = {"nesting", "relations", "arguments", "tags", "point_historians", "schools"}
    skip = {"ids", "historian_keys", "years", "figures", "order", "conclusion_claims", *graph}
    for token in sorted(module.LOSES - skip):
        assert strip(example, frozenset({token})) != example, token
