"""The editor's links between claims as people read them: sentences and grouped lists.

Pure data from the debate, shared by the links routes (``edit_links``) and the parts an
edit redraws (``edit_parts``), so neither imports the other.
"""

from __future__ import annotations

from typing import Any

from quaestio.model import Debate
from quaestio.web.pages import viewdata
from quaestio.web.pages.treeview import OUTGOING


def claim_names(debate: Debate) -> dict[str, str]:
    """Every claim a link may name, by its words: positions, points, consequences and the
    conclusion's claims."""
    out = {p.id: p.title for p in debate.positions}
    out.update({e.id: viewdata.label_of(e) for _, e in debate.iter_evidence()})
    out.update({c.id: viewdata.short(c.text, 60) for c in debate.consequences})
    out.update({k.id: viewdata.short(k.text, 60) for k in debate.conclusion_claims})
    return out


def rows(debate: Debate) -> list[dict[str, Any]]:
    """The debate's relations as sentences: “source” supports “target” (and the note)."""
    names = claim_names(debate)
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
