"""The patterns of the Argdown corpus that the round trip through @argdown/cli got wrong.

Each map below is written here, small, to reproduce one pattern met in the Argdown
project's own files (github.com/argdown/argdown at 01117f67a4, MIT): the
documentation's multi-step structures with ``explodeArguments`` and ``uses``
(docs/guide/creating-statement-and-argument-nodes.md, docs/changes/2021.md), a
heading that runs over several lines (examples/semmelweis_betz.argdown), indented
list items and a second text given to a titled statement (packages/argdown-core/test/
intro.1.argdown, parser-mix.argdown). For each: what quaestio reads, and that the
reference implementation counts the same statements, arguments and relations in the
original and in what quaestio writes back.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_fmt_argdown import argdown_cli, reference

from quaestio.errors import ParseError
from quaestio.formats import argdown
from quaestio.formats.argdown_syntax import parse

__all__ = ["argdown_cli"]  # the fixture, used by name
pytestmark = pytest.mark.npm

EXPLODED = """===
model:
    explodeArguments: true
===

<Long road>

(1) Rain fell all week.
    - <Drought> #con
(2) The river rose.
----
(3) The bridge closed.
    - <Ferry> #con
(4) The ferry was slow.
--
{uses: [1,4]}
--
(5) The market emptied.
----
(6) Prices rose in town. {uses: [3,5]}
"""

CHAINED = """<Chain>

(1) [A]: The harvest failed.
(2) [B]: Grain was taxed.
-- famine rule --
(3) [C]: Peasants went hungry.
  - <Relief>: aid arrived in spring
(4) [D]: The towns kept their bread.
-- {uses: [1, 4]} --
(5) [E]: The towns grew calm.
-----
(6) [F]: Unrest stayed in the villages. {uses: [3, 5]}
"""

HEADING = """# Two rival accounts of the
harvest and the
unrest {isGroup: false}

[Harvest]: The harvest failed.
  - [Tax]: The tax did it.
"""

LISTS = """Some prose before the lists.

  * The first item of a list.
  * The second item.

  1. A numbered item.
  2. Another numbered item.
    + [Backing]: A claim under the second item.

[Named]: The first text of this statement.

<Uses it>

(1) [Named]: A second text for the same statement,
running over two lines.
----
(2) A conclusion.
"""


def counts(ref: dict[str, Any]) -> tuple[int, int, tuple[tuple[str, int], ...]]:
    kinds = Counter(r["relationType"] for r in ref.get("relations", []))
    return len(ref["statements"]), len(ref["arguments"]), tuple(sorted(kinds.items()))


def round_trip(cli: Path, text: str, tmp: Path) -> tuple[Any, Any]:
    (tmp / "before").mkdir()
    (tmp / "after").mkdir()
    before = reference(cli, text, tmp / "before")
    written = argdown.write(argdown.read(text.encode(), "map.argdown").debate).decode()
    return counts(before), counts(reference(cli, written, tmp / "after"))


@pytest.mark.parametrize("text", [EXPLODED, CHAINED, HEADING, LISTS])
def test_reference_counts_the_same_before_and_after(
    argdown_cli: Path, tmp_path: Path, text: str
) -> None:
    before, after = round_trip(argdown_cli, text, tmp_path)
    assert before == after


def test_each_inferential_step_is_an_argument() -> None:
    d = argdown.read(CHAINED.encode(), "chain.argdown").debate
    text_of = {e.id: e.text for _, e in d.iter_evidence()} | {p.id: p.summary for p in d.positions}
    by_text = {t: k for k, t in text_of.items()}
    steps = [
        (a.title, {text_of[k] for k in a.premises}, text_of[a.conclusion], a.inference)
        for a in d.arguments
    ]
    assert steps == [
        (
            "Chain",
            {"The harvest failed.", "Grain was taxed."},
            "Peasants went hungry.",
            "famine rule",
        ),
        (
            "Chain",
            {"The harvest failed.", "The towns kept their bread."},
            "The towns grew calm.",
            "",
        ),
        (
            "Chain",
            {"Peasants went hungry.", "The towns grew calm."},
            "Unrest stayed in the villages.",
            "",
        ),
    ]
    # the premises of the first step answer the intermediate conclusion, not the last one
    parent = {e.id: e.parent for _, e in d.iter_evidence()}
    assert parent[by_text["Grain was taxed."]] == by_text["Peasants went hungry."]
    # written back as one structure, with the uses the default would not give
    text = argdown.write(d).decode()
    assert text.count("<Chain>") == 1
    assert "{uses: [1, 4]}" in text and "{uses: [3, 5]}" in text


def test_explode_arguments_gives_the_steps_their_own_titles() -> None:
    d = argdown.read(EXPLODED.encode(), "exploded.argdown").debate
    assert [a.title for a in d.arguments] == ["Long road - 1", "Long road - 2", "Long road - 3"]
    assert [len(a.premises) for a in d.arguments] == [2, 2, 2]


def test_a_heading_runs_on_to_the_empty_line() -> None:
    doc = parse(HEADING)
    assert doc.sections == ["Two rival accounts of the harvest and the unrest"]
    assert set(doc.elements) == {"[Harvest", "[Tax"}


def test_indented_list_items_are_statements_and_a_second_text_is_not_added() -> None:
    doc = parse(LISTS)
    texts = sorted(el.text for el in doc.elements.values() if el.kind == "statement")
    assert "The first item of a list." in texts and "The second item." in texts
    assert "A numbered item." in texts and "Another numbered item." in texts
    assert doc.elements["[Named"].text == "The first text of this statement."
    assert ("[Backing", "[Untitled 5", "support") in {r[:3] for r in doc.relations}


def test_uses_naming_a_later_statement_is_an_error_with_its_line() -> None:
    bad = "<A>\n\n(1) one\n(2) two\n-- {uses: [1, 3]} --\n(3) three\n"
    with pytest.raises(ParseError) as err:
        argdown.read(bad.encode(), "bad.argdown")
    assert err.value.line == 6 and err.value.field == "uses"  # the conclusion it leads to
