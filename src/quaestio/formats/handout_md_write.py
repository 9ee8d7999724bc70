"""The Markdown handout: the debate as the teacher's table in GitHub-flavoured Markdown.

Pipe tables cannot hold paragraphs, so each cell joins its points with
``<br>`` and Markdown's special characters in the text are escaped; the page
renders as the same three-column table as the HTML handout.
"""

from __future__ import annotations

import re

from quaestio.formats.losses import GRAPH, table_view
from quaestio.model import Debate, Evidence

LOSES = (
    frozenset(
        {
            "ach_judgements",
            "ids",
            "years",
            "figures",
            "references",
            "weights",
            "sources",
            "consequence_categories",
            "warnings",
            "historian_keys",
        }
    )
    | GRAPH
)
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: str) -> str:
    """Text safe inside a pipe-table cell: specials escaped, line breaks as <br>."""
    lines = [_SPECIAL.sub(r"\\\1", line.strip()) for line in text.replace("\r\n", "\n").split("\n")]
    return "<br>".join(lines)


def _point(e: Evidence, names: dict[str, str]) -> str:
    head = f"**{escape(e.label)}** – " if e.label else ""
    answers = "".join(f"<br>*↳ answers {names.get(t, escape(t))}*" for t in e.rebuts)
    return head + escape(e.text) + answers


def render(debate: Debate) -> str:
    debate = table_view(debate, LOSES)
    names = {
        e.id: f"“{escape(e.label)}”" if e.label else escape(e.id) for _, e in debate.iter_evidence()
    }
    out = [f"# {escape(debate.title)}", ""]
    if debate.question:
        out += [f"*{escape(debate.question)}*", ""]
    out += ["| Arguments | Supporting evidence | Countering evidence |", "| --- | --- | --- |"]
    for p in debate.positions:
        first = [f"**{escape(p.title)}**"]
        if p.summary:
            first.append(escape(p.summary))
        if p.historians:
            # plain brackets, not italics: the importer reads "(A, B)" back as the historians
            first.append(f"({escape(', '.join(h.name for h in p.historians))})")
        cells = [
            "<br>".join(first),
            "<br><br>".join(_point(e, names) for e in p.supporting),
            "<br><br>".join(_point(e, names) for e in p.countering),
        ]
        out.append("| " + " | ".join(cells) + " |")
    if debate.conclusion is not None:
        out += ["", "## Conclusion", "", escape(debate.conclusion.text).replace("<br>", "  \n")]
    if debate.consequences:
        pos = [c for c in debate.consequences if c.polarity == "positive"]
        neg = [c for c in debate.consequences if c.polarity == "negative"]
        out += ["", "## Positives and negatives", "", "| Positive | Negative |", "| --- | --- |"]
        out.append(
            "| "
            + "<br>".join(f"• {escape(c.text)}" for c in pos)
            + " | "
            + "<br>".join(f"• {escape(c.text)}" for c in neg)
            + " |"
        )
    return "\n".join(out) + "\n"


def write(debate: Debate) -> bytes:
    return render(debate).encode("utf-8")
