"""The editor's links between claims as people read them: sentences and grouped lists.

Pure data from the debate, shared by the links routes (``edit_links``) and the parts an
edit redraws (``edit_parts``), so neither imports the other.
"""

from __future__ import annotations

from typing import Any

from quaestio.model import Debate
from quaestio.web.pages import viewdata
from quaestio.web.pages.treeview import OUTGOING


def rows(debate: Debate) -> list[dict[str, Any]]:
    """The debate's relations as sentences: “source” supports “target” (and the note)."""
    names = viewdata.claim_names(debate)
    names.update({r.id: f"the link “{names.get(r.source, r.source)}”" for r in debate.relations})
    return [
        {
            "id": r.id,
            "source": names.get(r.source, r.source),
            "verb": OUTGOING.get(r.kind, r.kind),
            "target": names.get(r.target, r.target),
            "text": r.text,
        }
        for r in debate.relations
    ]


def groups(debate: Debate) -> list[tuple[str, list[tuple[str, str]]]]:
    """The claims for the pickers, grouped as the page shows them."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for p in debate.positions:
        items = [(p.id, f"{p.title} (the explanation)")]
        items += [(e.id, viewdata.label_of(e)) for e in p.evidence]
        out.append((viewdata.short(p.title, 50), items))
    if debate.consequences:
        out.append(
            ("Consequences", [(c.id, viewdata.short(c.text, 80)) for c in debate.consequences])
        )
    if debate.conclusion_claims:
        out.append(
            (
                "The conclusion",
                [(k.id, viewdata.short(k.text, 80)) for k in debate.conclusion_claims],
            )
        )
    return out
