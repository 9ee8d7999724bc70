"""Mutable drafts that readers fill in, then turn into a checked ``Debate``.

Most foreign formats are graphs or outlines whose node names are not quaestio
ids. Readers collect what they find into these drafts, keyed by whatever the
file calls a node; :func:`build` then hands out ids by the scheme in
``model.ids`` (keeping a file's own id when it already fits the scheme),
resolves rebuttals, re-extracts years and figures the format did not store, and
validates the result so a reader never returns a broken debate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from quaestio.errors import ParseError
from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats.registry import Loaded
from quaestio.model import (
    ACH_RATINGS,
    DEFAULT_WEIGHT,
    AchRating,
    Argument,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    IdAllocator,
    Polarity,
    Position,
    Relation,
    RelationKind,
    Source,
    Stance,
    Warning,
    fits_evidence,
    validate,
)


@dataclass
class DraftEvidence:
    stance: Stance
    text: str
    key: str = ""
    label: str | None = None
    hint: str | None = None
    years: tuple[int, ...] | None = None
    figures: tuple[Figure, ...] | None = None
    rebuts: list[str] = field(default_factory=list)
    references: tuple[str, ...] = ()
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None
    line: int | None = None
    #: the analyst's ACH ratings as (position key, rating); keys resolved by ``build``
    ach: list[tuple[str, str]] = field(default_factory=list)
    credibility: float | None = None
    relevance: float | None = None
    #: the draft key of the point this one answers (None: it answers its position)
    parent: str | None = None
    tags: tuple[str, ...] = ()


@dataclass
class DraftPosition:
    title: str
    key: str = ""
    summary: str = ""
    historians: list[str] = field(default_factory=list)
    historian_keys: list[str] | None = None
    evidence: list[DraftEvidence] = field(default_factory=list)
    hint: str | None = None
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None
    line: int | None = None
    tags: tuple[str, ...] = ()


@dataclass
class DraftConsequence:
    polarity: Polarity
    text: str
    #: the reader's own key, for relations that name the consequence
    key: str = ""
    hint: str | None = None
    category: str | None = None
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None
    line: int | None = None


@dataclass
class DraftRelation:
    """A typed link by draft keys; ``target`` may be the key of another relation."""

    kind: RelationKind
    source: str
    target: str
    key: str = ""
    text: str = ""
    line: int | None = None


@dataclass
class DraftArgument:
    title: str
    premises: list[str]
    conclusion: str
    inference: str = ""
    line: int | None = None


@dataclass
class DraftDebate:
    title: str = ""
    question: str = ""
    positions: list[DraftPosition] = field(default_factory=list)
    conclusion: str | None = None
    conclusion_source: Source | None = None
    consequences: list[DraftConsequence] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    source_file: str | None = None
    relations: list[DraftRelation] = field(default_factory=list)
    arguments: list[DraftArgument] = field(default_factory=list)


_POSITION = re.compile(r"^p\d+$")
_CONSEQUENCE = {"positive": re.compile(r"^c\.pos\d+$"), "negative": re.compile(r"^c\.neg\d+$")}


def _fits_evidence(hint: str | None, parent: str, stance: Stance) -> bool:
    return bool(hint) and fits_evidence(str(hint), parent, stance)


def _parents_first(p: DraftPosition, path: str | None) -> list[int]:
    """Indexes of ``p.evidence`` with every parent before its children (ids extend parents')."""
    index = {e.key: i for i, e in enumerate(p.evidence) if e.key}
    order: list[int] = []
    state: dict[int, int] = {}
    for start in range(len(p.evidence)):
        chain = [start]
        while chain:
            i = chain[-1]
            if state.get(i) == 2:
                chain.pop()
                continue
            parent = p.evidence[i].parent
            j = index.get(parent) if parent is not None else None
            if parent is not None and j is None:
                raise ParseError(
                    f"{p.evidence[i].key or p.evidence[i].text[:30]!r} answers {parent!r}, "
                    f"which is not a point of the position {p.title[:40]!r}",
                    file=path,
                    line=p.evidence[i].line,
                    field="parent",
                )
            if j is not None and state.get(j) != 2:
                if state.get(j) == 1:
                    raise ParseError(
                        f"points answer each other in a circle ({parent!r})",
                        file=path,
                        line=p.evidence[i].line,
                        field="parent",
                    )
                state[i] = 1
                chain.append(j)
                continue
            state[i] = 2
            order.append(i)
            chain.pop()
    return order


def build(draft: DraftDebate, path: str | None) -> Loaded:
    """Allocate ids, resolve rebuttals, validate; raise ParseError naming the line on failure."""
    alloc = IdAllocator()
    # Claim every hint that fits the scheme first, so later allocations skip them.
    position_ids: list[str | None] = []
    for p in draft.positions:
        ok = p.hint is not None and _POSITION.match(p.hint) and p.hint not in alloc.taken
        position_ids.append(alloc.claim(p.hint) if ok and p.hint else None)
    final_positions = [pid or alloc.position() for pid in position_ids]

    orders = [_parents_first(p, path) for p in draft.positions]
    evidence_ids: list[list[str | None]] = []
    for pid, p in zip(final_positions, draft.positions, strict=True):
        row: list[str | None] = []
        for e in p.evidence:
            # a nested point's hint is checked once its parent's id is known (below)
            ok = e.parent is None and _fits_evidence(e.hint, pid, e.stance)
            row.append(alloc.claim(e.hint) if ok and e.hint and e.hint not in alloc.taken else None)
        evidence_ids.append(row)
    consequence_ids: list[str | None] = []
    for c in draft.consequences:
        pattern = _CONSEQUENCE.get(c.polarity)
        ok = bool(c.hint is not None and pattern is not None and pattern.match(c.hint))
        consequence_ids.append(
            alloc.claim(c.hint) if ok and c.hint not in alloc.taken and c.hint else None
        )

    by_key: dict[str, str] = {}
    for pid, p in zip(final_positions, draft.positions, strict=True):
        if p.key:
            by_key.setdefault(p.key, pid)
    locations: dict[str, int] = {}
    final_evidence: list[list[str]] = []
    parent_ids: list[list[str | None]] = []
    for pid, p, row, order in zip(
        final_positions, draft.positions, evidence_ids, orders, strict=True
    ):
        if p.line is not None:
            locations[pid] = p.line
        ids: list[str] = [""] * len(p.evidence)
        parents: list[str | None] = [None] * len(p.evidence)
        local: dict[str, str] = {}
        for i in order:
            e, eid = p.evidence[i], row[i]
            under = local[e.parent] if e.parent is not None else None
            if eid is None and under is not None and _fits_evidence(e.hint, under, e.stance):
                eid = alloc.claim(e.hint) if e.hint and e.hint not in alloc.taken else None
            final = eid or alloc.evidence(under or pid, e.stance)
            ids[i], parents[i] = final, under
            if e.key:
                by_key[e.key] = final
                local[e.key] = final
            if e.line is not None:
                locations[final] = e.line
        final_evidence.append(ids)
        parent_ids.append(parents)

    positions = []
    for pid, p, ids, parents in zip(
        final_positions, draft.positions, final_evidence, parent_ids, strict=True
    ):
        keys = p.historian_keys
        if keys is None or len(keys) != len(p.historians):
            keys = [historian_key(n) for n in p.historians]
        items = []
        for e, eid, parent in zip(p.evidence, ids, parents, strict=True):
            rebuts = []
            for target in e.rebuts:
                resolved = by_key.get(target)
                if resolved is None:
                    raise ParseError(
                        f"{target!r} is rebutted but never defined",
                        file=path,
                        line=e.line,
                        field="rebuts",
                    )
                if resolved not in rebuts:
                    rebuts.append(resolved)
            items.append(
                Evidence(
                    id=eid,
                    stance=e.stance,
                    text=e.text,
                    label=e.label or None,
                    years=find_years(e.text) if e.years is None else e.years,
                    figures=find_figures(e.text) if e.figures is None else e.figures,
                    rebuts=tuple(rebuts),
                    references=tuple(by_key.get(r, r) for r in e.references),
                    weight=e.weight,
                    source=e.source,
                    ach=_resolve_ach(e, by_key, path),
                    credibility=e.credibility,
                    relevance=e.relevance,
                    parent=parent,
                    tags=e.tags,
                )
            )
        positions.append(
            Position(
                id=pid,
                title=p.title,
                summary=p.summary,
                historians=tuple(Historian(n, k) for n, k in zip(p.historians, keys, strict=True)),
                evidence=tuple(items),
                weight=p.weight,
                source=p.source,
                tags=p.tags,
            )
        )
    consequences = []
    for c, cid in zip(draft.consequences, consequence_ids, strict=True):
        final = cid or alloc.consequence(c.polarity)
        if c.line is not None:
            locations[final] = c.line
        consequences.append(Consequence(final, c.polarity, c.text, c.category, c.weight, c.source))
        if c.key:
            by_key.setdefault(c.key, final)
    relations, arguments = _graph(draft, by_key, alloc, locations, path)
    debate = Debate(
        title=draft.title.strip() or fallback_title(path),
        question=draft.question,
        positions=tuple(positions),
        conclusion=None
        if draft.conclusion is None
        else Conclusion(draft.conclusion, draft.conclusion_source),
        consequences=tuple(consequences),
        warnings=tuple(draft.warnings),
        source_file=draft.source_file,
        relations=relations,
        arguments=arguments,
    )
    problems = [p for p in validate(debate) if p.severity == "error"]
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        line = locations.get(first.node or "")
        raise ParseError(first.message + more, file=path, line=line, field=first.field)
    return Loaded(debate, locations)


def _graph(
    draft: DraftDebate,
    by_key: dict[str, str],
    alloc: IdAllocator,
    locations: dict[str, int],
    path: str | None,
) -> tuple[tuple[Relation, ...], tuple[Argument, ...]]:
    """The draft's relations and arguments with their keys resolved to ids."""
    ids = [alloc.relation() for _ in draft.relations]
    rel_ids = {r.key: rid for r, rid in zip(draft.relations, ids, strict=True) if r.key}
    for r, rid in zip(draft.relations, ids, strict=True):
        if r.line is not None:
            locations[rid] = r.line

    def resolve(key: str, line: int | None, where: str, relations_too: bool) -> str:
        found = by_key.get(key) or (rel_ids.get(key) if relations_too else None)
        if found is None:
            raise ParseError(
                f"{key!r} is named but never defined", file=path, line=line, field=where
            )
        return found

    relations = []
    for r, rid in zip(draft.relations, ids, strict=True):
        relations.append(
            Relation(
                id=rid,
                kind=r.kind,
                source=resolve(r.source, r.line, "source", False),
                target=resolve(r.target, r.line, "target", True),
                text=r.text,
                origin=Source(path, r.line) if r.line is not None else None,
            )
        )
    arguments = []
    for a in draft.arguments:
        gid = alloc.argument()
        if a.line is not None:
            locations[gid] = a.line
        arguments.append(
            Argument(
                id=gid,
                title=a.title,
                premises=tuple(resolve(k, a.line, "premises", False) for k in a.premises),
                conclusion=resolve(a.conclusion, a.line, "conclusion", False),
                inference=a.inference,
                origin=Source(path, a.line) if a.line is not None else None,
            )
        )
    return tuple(relations), tuple(arguments)


def _resolve_ach(
    e: DraftEvidence, by_key: dict[str, str], path: str | None
) -> tuple[AchRating, ...]:
    out = []
    for key, rating in e.ach:
        if key not in by_key:
            raise ParseError(
                f"an ACH rating names {key!r}, which is not a position",
                file=path,
                line=e.line,
                field="ach",
            )
        if rating not in ACH_RATINGS:
            raise ParseError(
                f"ACH rating {rating!r} is not one of {', '.join(ACH_RATINGS)}",
                file=path,
                line=e.line,
                field="ach",
            )
        out.append(AchRating(by_key[key], rating))
    return tuple(out)


def fallback_title(path: str | None) -> str:
    """A title for formats that have none: the file name without its endings."""
    name = PurePath(path).name.split(".")[0].strip() if path else ""
    return name or "Untitled debate"


def decode(data: bytes, path: str | None) -> str:
    """UTF-8 text (a BOM is dropped); anything else is a ParseError with the byte offset."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(f"not UTF-8 text (byte {exc.start})", file=path, line=line) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ParseError("a text file must not contain NUL characters", file=path, line=line)
    return text


def parse_weight(raw: object, path: str | None, line: int | None, where: str) -> float:
    """A weight in [0, 1] from a file's text or number, or a ParseError saying where."""
    if raw is None or raw == "":
        return DEFAULT_WEIGHT
    if isinstance(raw, bool):
        raise ParseError(f"weight {raw!r} is not a number", file=path, line=line, field=where)
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ParseError(
            f"weight {raw!r} is not a number", file=path, line=line, field=where
        ) from None
    if not 0.0 <= value <= 1.0:
        raise ParseError(f"weight {value} is outside [0, 1]", file=path, line=line, field=where)
    return value
