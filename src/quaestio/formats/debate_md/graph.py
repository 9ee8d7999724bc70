"""The graph sections of ``*.debate.md``: relations, arguments, schools and conclusion claims.

Each is a bullet list a teacher can write by hand::

    ## Relations
    - p1.a3 supports p5: the same worries explain the reactions
    - {#r2} p2.a1 undercuts p2.f2
    - k1 rephrases p1           (also: attacks, is contrary to, contradicts)

    ## Arguments
    - {#g1} **Fear as method:** p1.f4, p1.f5 => p1
      the inference, on the following lines

    ## Schools
    - {#s1} **Stalin-centred:** p1, p2
      a description, on the following lines

    ## Conclusion
    The text as written.
    ### Claims
    - {#k1 endorses=p1 qualifies=p5,p6 rejects=p4} one sentence of it as a claim
"""

from __future__ import annotations

import re
from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.debate_md.attrs import is_bare
from quaestio.formats.debate_md.outline import Item
from quaestio.formats.debate_md.values import as_list, source_attr, weight_attr
from quaestio.model import (
    VERDICTS,
    Argument,
    ConclusionClaim,
    IdAllocator,
    Judgement,
    Relation,
    RelationKind,
    School,
)

#: the verb a teacher writes -> the relation kind
VERBS: dict[str, RelationKind] = {
    "supports": "support",
    "attacks": "attack",
    "undercuts": "undercut",
    "is contrary to": "contrary",
    "contradicts": "contradictory",
    "rephrases": "rephrase",
}
WORDS: dict[str, str] = {kind: verb for verb, kind in VERBS.items()}
_RELATION = re.compile(
    r"^(\S+)\s+(" + "|".join(re.escape(v) for v in VERBS) + r")\s+(\S+?)(?::\s+(.*)|:?)$",
    re.IGNORECASE | re.DOTALL,
)
_ARROW = "=>"


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def given_ids(items: list[Item]) -> list[str]:
    return [str(i.attrs["id"]) for i in items if "id" in i.attrs]


def read_relations(
    items: list[Item], ids: IdAllocator, path: str | None, locations: dict[str, int]
) -> tuple[Relation, ...]:
    out: list[Relation] = []
    for item in items:
        first, *rest = item.lines or [""]
        m = _RELATION.match(first.strip())
        if m is None:
            raise ParseError(
                "a relation reads 'SOURCE VERB TARGET', e.g. 'p1.a3 supports p5', with VERB one "
                "of: " + ", ".join(VERBS),
                file=path,
                line=item.line,
                field="relations",
            )
        rid = str(item.attrs["id"]) if "id" in item.attrs else ids.relation()
        locations.setdefault(rid, item.line)
        text = _join([m.group(4) or "", *rest]) if (m.group(4) or rest) else ""
        out.append(
            Relation(
                rid,
                VERBS[m.group(2).lower()],
                m.group(1),
                m.group(3),
                text.strip("\n"),
                source_attr(item.attrs, path, item.line),
                weight_attr(item.attrs, path, item.line),
            )
        )
    return tuple(out)


def read_arguments(
    items: list[Item], ids: IdAllocator, path: str | None, locations: dict[str, int]
) -> tuple[Argument, ...]:
    out: list[Argument] = []
    for item in items:
        first, *rest = item.lines or [""]
        premises, arrow, conclusion = first.partition(_ARROW)
        if not arrow or not conclusion.strip() or " " in conclusion.strip():
            raise ParseError(
                "an argument reads 'PREMISE, PREMISE => CONCLUSION' with claim ids, "
                "e.g. 'p1.f4, p1.f5 => p1'",
                file=path,
                line=item.line,
                field="arguments",
            )
        gid = str(item.attrs["id"]) if "id" in item.attrs else ids.argument()
        locations.setdefault(gid, item.line)
        title = item.label if item.label is not None else str(item.attrs.get("title", ""))
        out.append(
            Argument(
                gid,
                title,
                _ids(premises),
                conclusion.strip(),
                _join(rest),
                source_attr(item.attrs, path, item.line),
            )
        )
    return tuple(out)


def read_schools(
    items: list[Item], ids: IdAllocator, locations: dict[str, int]
) -> tuple[School, ...]:
    out: list[School] = []
    for item in items:
        first, *rest = item.lines or [""]
        sid = str(item.attrs["id"]) if "id" in item.attrs else ids.school()
        locations.setdefault(sid, item.line)
        name = item.label if item.label is not None else str(item.attrs.get("name", ""))
        out.append(School(sid, name, _ids(first), _join(rest)))
    return tuple(out)


def read_claims(
    items: list[Item], ids: IdAllocator, path: str | None, locations: dict[str, int]
) -> tuple[ConclusionClaim, ...]:
    out: list[ConclusionClaim] = []
    for item in items:
        kid = str(item.attrs["id"]) if "id" in item.attrs else ids.conclusion_claim()
        locations.setdefault(kid, item.line)
        judgements = tuple(
            Judgement(position, verdict)
            for verdict in VERDICTS
            for position in as_list(item.attrs.get(verdict, []))
        )
        out.append(
            ConclusionClaim(
                kid,
                _join(item.lines),
                judgements,
                source_attr(item.attrs, path, item.line),
                weight_attr(item.attrs, path, item.line),
            )
        )
    return tuple(out)


# -- writing ------------------------------------------------------------------------
def relation_line(r: Relation) -> str:
    verb = WORDS.get(r.kind, r.kind)
    return f"{r.source} {verb} {r.target}" + (f": {r.text}" if r.text else "")


def id_list(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def judgement_attrs(claim: ConclusionClaim) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for verdict in VERDICTS:
        named = [j.position for j in claim.judgements if j.verdict == verdict]
        if named:
            bare = all(is_bare(n) and "," not in n for n in named)
            out[verdict] = ",".join(named) if bare else named
    return out
