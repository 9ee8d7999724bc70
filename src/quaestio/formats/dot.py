"""Graphviz DOT: a drawing of the debate, one cluster per position.

Supporting points hang off their position with green arrows, counter-points
with red ones, and a rebuttal is a dashed red arrow to the point it answers.
Evidence is shown by its label (or its first words) so the picture stays
readable; the full text is kept in each node's tooltip for SVG output.
Write only: DOT is for looking at, not for editing the debate.
"""

from __future__ import annotations

import textwrap

from quaestio.formats.losses import GRAPH, describe, table_view
from quaestio.formats.registry import Format
from quaestio.model import Debate

LOSES = (
    frozenset(
        {
            "ach_judgements",
            "question",
            "summaries",
            "years",
            "figures",
            "references",
            "weights",
            "sources",
            "conclusion",
            "consequences",
            "consequence_categories",
            "warnings",
            "historian_keys",
        }
    )
    | GRAPH
)


def quote(text: str) -> str:
    """A DOT double-quoted string; newlines become centred line breaks."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 32) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def write(debate: Debate) -> bytes:
    debate = table_view(debate, LOSES)
    out = [
        "digraph debate {",
        f"  label={quote(debate.title)};",
        '  labelloc="t"; fontname="Helvetica"; rankdir="BT"; newrank=true;',
        '  node [fontname="Helvetica", fontsize=10, shape=box, style="rounded,filled",'
        ' fillcolor="white"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for n, p in enumerate(debate.positions, start=1):
        historians = ", ".join(h.name for h in p.historians)
        title = _wrap(p.title) + (f"\n({historians})" if historians else "")
        out.append(f"  subgraph cluster_{n} {{")
        out.append('    style="rounded"; color="grey70"; label="";')
        out.append(
            f'    {quote(p.id)} [label={quote(title)}, fillcolor="lightyellow", penwidth=2];'
        )
        for e in p.evidence:
            colour = "darkgreen" if e.stance == "for" else "firebrick"
            shown = _wrap(e.label or _short(e.text))
            out.append(
                f"    {quote(e.id)} [label={quote(shown)}, tooltip={quote(e.text)}, "
                f"color={colour}];"
            )
        out.append("  }")
    for p in debate.positions:
        for e in p.evidence:
            colour = "darkgreen" if e.stance == "for" else "firebrick"
            sign = "+" if e.stance == "for" else "−"
            out.append(f"  {quote(e.id)} -> {quote(p.id)} [color={colour}, label={quote(sign)}];")
            for target in e.rebuts:
                out.append(
                    f"  {quote(e.id)} -> {quote(target)} "
                    '[color=firebrick, style=dashed, label="rebuts", constraint=false];'
                )
    out.append("}")
    return ("\n".join(out) + "\n").encode("utf-8")


FORMAT = Format(
    name="dot",
    suffixes=(".dot", ".gv"),
    description="Graphviz DOT drawing: positions with their supporting and countering evidence",
    media_type="text/vnd.graphviz",
    read=None,
    write=write,
    loses=describe(
        LOSES, "Evidence text is shown by its label or first words (full text as tooltip)."
    ),
    kind="report",
)
