"""The patterns of the Argdown corpus that the round trip through @argdown/cli got wrong.

Each map below is written here, small, to reproduce one pattern met in the Argdown
project's own files (github.com/argdown/argdown at 01117f67a4, MIT): the
documentation's multi-step structures with ``explodeArguments`` and ``uses``
(docs/guide/creating-statement-and-argument-nodes.md, docs/changes/2021.md), a
heading that runs over several lines (examples/semmelweis_betz.argdown), indented
list items and a second text given to a titled statement (packages/argdown-core/test/
intro.1.argdown, parser-mix.argdown), a relation that dedents to between two levels
(lexer-indentation.argdown), shortcodes (docs/syntax/README.md) and an undercut below the
first of two inferences (docs/syntax/README.md). For each: what quaestio reads, and that the
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

DEDENT = """[Top]: The top claim.
  + [Left]: A reason.
  - [Right]: An objection.
      <+ [Deep]: Backing for the objection.
        <- [Deeper]: Against the backing.
    -> [Aside]: Attacked from the level of Right.
"""

SHORTCODES = """[Law]: .~.(p .^. q) .<->. (.~.p .v. .~.q)
    + [Cheer]: :happy: :up:
"""

STEP_UNDERCUT = """<Two steps>

(1) [s1]: one
(2) [s2]: two
-----
    <_ <Doubt>
(3) [s3]: three
(4) [s4]: four
-----
(5) [s5]: five

<Doubt>

(1) [d1]: six
----
(2) [d2]: the first step does not hold
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


@pytest.mark.parametrize(
    "text", [EXPLODED, CHAINED, HEADING, LISTS, DEDENT, SHORTCODES, STEP_UNDERCUT]
)
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


def test_a_dedent_between_two_levels_is_on_the_level_above() -> None:
    rel = {(a, b) for a, b, *_ in parse(DEDENT).relations}
    assert ("[Top", "[Aside") in rel  # not from [Right], whose indentation it passes


def test_shortcodes_become_their_characters() -> None:
    doc = parse(SHORTCODES)
    assert doc.elements["[Law"].text == "¬(p ∧ q) ↔ (¬p ∨ ¬q)"
    assert doc.elements["[Cheer"].text == "😀 👍"
    # and a text holding the characters is written as they are, read back the same
    d = argdown.read(SHORTCODES.encode(), "law.argdown").debate
    again = argdown.read(argdown.write(d), "again.argdown").debate
    assert {p.summary for p in again.positions} == {p.summary for p in d.positions}


def test_an_undercut_below_the_first_inference_attacks_the_first_step() -> None:
    d = argdown.read(STEP_UNDERCUT.encode(), "u.argdown").debate
    text_of = {e.id: e.text for _, e in d.iter_evidence()} | {p.id: p.summary for p in d.positions}
    parent = {e.id: e.parent for _, e in d.iter_evidence()}
    (undercut,) = [r for r in d.relations if r.kind == "undercut"]
    # from the undercutting argument's conclusion, to the link of s1 to s3 (not to s5)
    assert text_of[undercut.source] == "the first step does not hold"
    assert text_of[undercut.target] == "one"
    assert text_of[parent[undercut.target] or ""] == "three"
