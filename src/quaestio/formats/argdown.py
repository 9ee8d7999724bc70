"""Argdown: the debate as an argument map people can read, edit and render.

Each position is a statement tagged ``#position``; its evidence are arguments
in a relation tree below it (``+`` supports, ``-`` attacks) and a rebuttal is an
outgoing attack (``->``) from the counter-point to the point it answers.
Historians, weights, years and quaestio ids travel as YAML data in braces; the
question and title as front matter; the conclusion and consequences as
statements tagged ``#conclusion``, ``#positive`` and ``#negative``. Reading
accepts any Argdown map: untagged statements that argue for nothing become
positions and everything arguing towards them becomes their evidence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.argdown_syntax import Document, Element, parse
from quaestio.formats.draft import (
    DraftArgument,
    DraftConsequence,
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    DraftRelation,
    build,
    decode,
    parse_weight,
)
from quaestio.formats.graph_shape import Edge, place, rebuttals, relations
from quaestio.formats.losses import describe, table_view
from quaestio.formats.registry import Format, Loaded
from quaestio.model import (
    DEFAULT_WEIGHT,
    Argument,
    Debate,
    Evidence,
    Relation,
    RelationKind,
    Source,
    Warning,
)

LOSES = frozenset(
    {
        "ach_judgements",
        "whitespace",
        "figures",
        "historian_keys",
        "sources",
        "warnings",
        "point_historians",
        "schools",
        "conclusion_claims",
        "relation_notes",
    }
)
_SPECIAL = re.compile(r"([\\@#*_\[\]<>{}/=]|[.:](?=\S))")


# -- writing --------------------------------------------------------------------------
def escape(text: str) -> str:
    """Argdown text: one line, every character Argdown would treat as syntax escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _yaml(data: dict[str, Any]) -> str:
    """Inline YAML (JSON flow style) whose braces cannot end Argdown's data block early."""
    parts = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()]
    body = ", ".join(parts).replace("{", "\\u007b").replace("}", "\\u007d")
    return "{" + body + "}"


class _Titles:
    """Unique element titles without the characters that end a title."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str) -> str:
        base = " ".join(re.sub(r"[\[\]<>{}\\]", " ", wanted).split()) or "Untitled"
        title, n = base, 1
        while title.lower() in self.used:
            n += 1
            title = f"{base} ({n})"
        self.used.add(title.lower())
        return title


def _strict(debate: Debate, ref: dict[str, str], links: list[Relation]) -> bool:
    """Whether to write Argdown's strict mode: a contrary between statements needs it.

    Only when no against-point is written as a statement answering a statement, since
    strict mode would read that attack as a contrary too.
    """
    statement = {k for k, r in ref.items() if r.startswith("[")}
    answers = debate.answers()
    if not any(r.kind == "contrary" and {r.source, r.target} <= statement for r in links):
        return False
    return not any(
        e.id in statement
        and (
            (e.stance == "against" and answers[e.id] in statement)
            or any(t in statement for t in e.rebuts)
        )
        for _, e in debate.iter_evidence()
    ) and not any(r.kind == "attack" and {r.source, r.target} <= statement for r in links)


def _chains(arguments: tuple[Argument, ...]) -> list[list[Argument]]:
    """The model's arguments as Argdown structures: the steps of one structure together.

    A multi-step structure is held as one model argument per inferential step, the steps
    sharing the structure's title. Steps with one title are written as one structure when
    they chain into one last conclusion (every other step's conclusion is a premise of a
    later step), in an order where each conclusion comes before its use; anything else
    with a shared title is written as arguments of their own.
    """
    groups: dict[str, list[Argument]] = {}
    for a in arguments:
        groups.setdefault(a.title, []).append(a)
    out: list[list[Argument]] = []
    for a in arguments:
        group = groups.get(a.title)
        if group is None:
            continue
        if group[0] is not a:
            continue
        del groups[a.title]
        chained = len(group) > 1 and all(g.premises for g in group)
        ordered = _chain_order(group) if chained else None
        out += [ordered] if ordered else [[g] for g in group]
    return out


def _chain_order(group: list[Argument]) -> list[Argument] | None:
    """The steps in the order they can be written, or None when they do not form one chain."""
    conclusions = [g.conclusion for g in group]
    used = {k for g in group for k in g.premises}
    finals = [g for g in group if g.conclusion not in used]
    if len(set(conclusions)) < len(group) or len(finals) != 1:
        return None
    made = set(conclusions)
    done: list[Argument] = []
    known: set[str] = set()  # conclusions written so far, and premises met
    waiting = list(group)
    while waiting:
        ready = next(
            (g for g in waiting if all(k in known or k not in made for k in g.premises)), None
        )
        if ready is None or ready.conclusion in known:
            return None  # a circle, or a conclusion met as a premise before it is concluded
        waiting.remove(ready)
        done.append(ready)
        known.update(ready.premises)
        known.add(ready.conclusion)
    return done if done[-1] is finals[0] else None


def _element(source: Source | None) -> str | None:
    """What a claim was in the Argdown file it came from (None: the writer's default)."""
    return None if source is None else source.element


def _tags(tags: tuple[str, ...]) -> str:
    return "".join(
        f" #{t}" if re.fullmatch(r"[A-Za-z0-9\-]+", t) else f" #({t.replace(')', ' ')})"
        for t in tags
    )


def _edata(e: Evidence, ref: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": e.id}
    if e.label is not None and e.label != ref[e.id][1:-1]:
        data["label"] = e.label
    if e.label is None:
        data["label"] = None
    if e.years:
        data["years"] = list(e.years)
    if e.references:
        data["references"] = list(e.references)
    if e.weight != DEFAULT_WEIGHT:
        data["weight"] = e.weight
    return data


_ARROW = {
    "support": "+>",
    "attack": "->",
    "undercut": "_>",
    "contrary": "->",
    "contradictory": "><",
}


def write(debate: Debate) -> bytes:
    debate = table_view(debate, LOSES)
    front = {"title": debate.title, "question": debate.question}
    out = [
        "===",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items() if v),
        "===",
        "",
    ]
    statements, arguments = _Titles(), _Titles()
    in_pcs = {k for a in debate.arguments for k in (*a.premises, a.conclusion)}
    ref: dict[str, str] = {}  # claim id -> "[title]" or "<title>"
    for p in debate.positions:
        if _element(p.source) == "argument" and p.id not in in_pcs:
            ref[p.id] = f"<{arguments.make(p.title)}>"
        else:
            ref[p.id] = f"[{statements.make(p.title)}]"
    for _, e in debate.iter_evidence():
        if e.id in in_pcs or _element(e.source) == "statement":
            ref[e.id] = f"[{statements.make(e.label or e.id)}]"
        else:
            ref[e.id] = f"<{arguments.make(e.label or e.id)}>"
    for claim_k in debate.conclusion_claims:
        ref[claim_k.id] = f"[{statements.make(claim_k.id)}]"
    for c in debate.consequences:
        ref[c.id] = f"[{statements.make(c.id)}]"
    # an argument claim and its premise-conclusion structure are one Argdown argument:
    # its premises are written in the structure, not again as supports in the tree; so are
    # the premises of a bare structure (an argument that is no claim) that answer its
    # conclusion. Such a premise is defined in the structure, its own subtree below it.
    by_ref = {r: c for c, r in ref.items()}
    structure: dict[str, str] = {}  # argument id -> the claim written as that argument
    in_structure: set[tuple[str, str]] = set()  # (premise, argument claim)
    in_bare: set[tuple[str, str]] = set()  # (premise, conclusion of a bare structure)
    answers = debate.answers()
    chains = _chains(debate.arguments)
    for chain in chains:
        a = chain[-1]
        for step in chain[:-1]:  # an intermediate step's premises answer its conclusion
            in_bare.update((k, step.conclusion) for k in step.premises)
        claim = by_ref.get(f"<{a.title}>")
        if claim is not None and claim not in structure.values():
            structure[a.id] = claim
            in_structure.update((k, claim) for k in a.premises)
        else:
            in_bare.update((k, a.conclusion) for k in a.premises)
    evidence = debate.evidence_by_id()
    children: dict[str, list[Evidence]] = {}
    for _, e in debate.iter_evidence():
        children.setdefault(answers[e.id], []).append(e)
    deferred = {  # points defined in a structure instead of the tree
        e.id
        for _, e in debate.iter_evidence()
        if e.stance == "for"
        and (
            (e.id, answers[e.id]) in in_structure
            or ((e.id, answers[e.id]) in in_bare and _element(e.source) == "premise")
        )
    }

    def tree(first: list[Evidence], depth: int) -> list[str]:
        lines: list[str] = []
        stack = [(e, depth) for e in reversed(first)]
        while stack:  # depth-first without recursion: deep trees cannot overflow the stack
            e, level = stack.pop()
            if e.id in deferred:
                continue
            edata = _edata(e, ref)
            sign = "+" if e.stance == "for" else "-"
            pad = "  " * level
            lines.append(f"{pad}{sign} {ref[e.id]}: {escape(e.text)}{_tags(e.tags)} {_yaml(edata)}")
            lines += [f"{pad}  -> {ref[t]}" for t in e.rebuts if t in ref]
            stack += [(c, level + 1) for c in reversed(children.get(e.id, []))]
        return lines

    out += ["# Positions", ""]
    for p in debate.positions:
        title = ref[p.id][1:-1]
        data: dict[str, Any] = {"id": p.id}
        if title != p.title:
            data["title"] = p.title
        if p.historians:
            data["historians"] = [h.name for h in p.historians]
        if p.weight != DEFAULT_WEIGHT:
            data["weight"] = p.weight
        out.append(
            f"{ref[p.id]}: {escape(p.summary)} #position{_tags(p.tags)} {_yaml(data)}".replace(
                ":  #", ": #"
            )
        )
        out += tree(children.get(p.id, []), 1)
        out.append("")
    bodied: set[str] = set()  # deferred points already defined in a structure

    def pcs_line(k: str, n: int) -> list[str]:
        """Statement ``n`` of a structure: defined there with its subtree, or referenced."""
        item = evidence.get(k)
        if item is None or k not in deferred or k in bodied:
            return [f"({n}) {ref[k]}"]
        bodied.add(k)
        body = f"{escape(item.text)}{_tags(item.tags)} {_yaml(_edata(item, ref))}"
        return [
            f"({n}) {ref[k]}: {body}",
            *(f"  -> {ref[t]}" for t in item.rebuts if t in ref),
            *tree(children.get(k, []), 1),
        ]

    if debate.arguments:
        out += ["# Arguments", ""]
        for chain in chains:
            a = chain[-1]
            claim = structure.get(a.id)
            title = ref[claim][1:-1] if claim else arguments.make(a.title or a.id)
            if not a.premises:  # Argdown has no structure without premises: an argument
                about = f": {escape(a.inference)}" if a.inference and not claim else ""
                out += [f"<{title}>{about}", f"  +> {ref[a.conclusion]}", ""]
                continue
            out += [f"<{title}>", ""]
            number: dict[str, int] = {}  # claim -> its number in the structure
            last = 0  # the number of the previous conclusion (0: none yet)
            for step in chain:
                for k in step.premises:
                    if k not in number:
                        number[k] = len(number) + 1
                        out += pcs_line(k, number[k])
                uses = sorted(number[k] for k in step.premises)
                # @argdown/cli's default: the statements back to the previous conclusion
                default = list(range(max(last, 1), len(number) + 1))
                uses_data = "" if uses == default else " " + _yaml({"uses": uses})
                rule = escape(step.inference) + uses_data
                out.append(f"-- {rule.strip()} --" if rule else "-----")
                number[step.conclusion] = len(number) + 1
                out += pcs_line(step.conclusion, number[step.conclusion])
                last = number[step.conclusion]
            out.append("")
    links = [r for r in debate.relations if r.kind in _ARROW and r.target in ref]
    if _strict(debate, ref, links):
        out[1:1] = ["model:", "  mode: strict"]  # so that '->' between statements is contrary
    if links:
        out += ["# Relations", ""]
        for r in links:
            out += [ref[r.source], f"  {_ARROW[r.kind]} {ref[r.target]}", ""]
    if debate.conclusion is not None:
        out += [
            "# Conclusion",
            "",
            f"[{statements.make('Conclusion')}]: {escape(debate.conclusion.text)} #conclusion",
            "",
        ]
        for claim_k in debate.conclusion_claims:
            out += [f"{ref[claim_k.id]}: {escape(claim_k.text)}", ""]
    if debate.consequences:
        out += ["# Consequences", ""]
        for c in debate.consequences:
            cdata: dict[str, Any] = {"id": c.id}
            if c.category:
                cdata["category"] = c.category
            if c.weight != DEFAULT_WEIGHT:
                cdata["weight"] = c.weight
            out += [f"{ref[c.id]}: {escape(c.text)} #{c.polarity} {_yaml(cdata)}", ""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


# -- reading --------------------------------------------------------------------------
def read(data: bytes, path: str | None) -> Loaded:
    doc = parse(decode(data, path), path)
    return build(_interpret(doc, path), path)


def _str(el: Element, key: str, path: str | None) -> str | None:
    value = el.data.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ParseError(f"{key} must be text", file=path, line=el.line, field=key)
    return str(value)


def _list(el: Element, key: str, path: str | None, kind: type) -> list[Any]:
    value = el.data.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(v, kind) and not isinstance(v, bool) for v in value
    ):
        raise ParseError(
            f"{key} must be a list of {kind.__name__}", file=path, line=el.line, field=key
        )
    return value


_KIND: dict[str, RelationKind] = {
    "support": "support",
    "attack": "attack",
    "undercut": "undercut",
    "contradictory": "contradictory",
    "contrary": "contrary",
}


def _interpret(doc: Document, path: str | None) -> DraftDebate:
    front = doc.front
    draft = DraftDebate(
        title=str(front.get("title") or ""), question=str(front.get("question") or "")
    )
    special = {"conclusion", "positive", "negative"}
    bare = _bare_structures(doc)
    nodes = [k for k, el in doc.elements.items() if not special & set(el.tags) and k not in bare]
    known = set(nodes)
    seen: set[tuple[str, str, str]] = set()
    edges = []
    model = front.get("model")
    strict = isinstance(model, dict) and model.get("mode") == "strict"
    concludes = {
        k: el.pcs[-1][1]
        for k, el in doc.elements.items()
        if el.pcs and el.pcs[-1][0] == "conclusion"
    }
    for i, (src, dst, kind, line) in enumerate(doc.relations):
        if src in bare:
            continue  # a bare structure's own link to its conclusion: the argument says it
        if src in concludes and dst != concludes[src] and kind in ("support", "attack", "undercut"):
            # Argdown reads a reconstructed argument's outgoing relations as its conclusion's
            src = concludes[src]
        if strict and kind == "attack" and src.startswith("[") and dst.startswith("["):
            kind = "contrary"  # Argdown's strict mode: an attack between statements
        if kind in _KIND and (src, dst, kind) not in seen:  # a relation said twice is one
            seen.add((src, dst, kind))
            edges.append(Edge(f"e{i}", _KIND[kind], src, dst, line))
    # a premise belongs to its argument: it supports it (a bare structure's conclusion)
    # unless the map says otherwise; only as the premise's place in the tree, since the
    # premise-conclusion structure already holds the link
    # (an intermediate conclusion is what the premises of its own step support)
    structural: set[str] = set()
    steps = {key: _steps(el, path) for key, el in doc.elements.items() if el.pcs}
    for key, el in doc.elements.items():
        for s, (premises, conclusion, _, _) in enumerate(steps.get(key, [])):
            last = s == len(steps[key]) - 1
            target = key if last and key not in bare else conclusion
            for n, premise in enumerate(premises):
                if (
                    premise in known
                    and target in known
                    and premise != target
                    and (premise, target, "support") not in seen
                ):
                    edges.append(Edge(f"{key}~{s}~{n}", "support", premise, target, el.line))
                    structural.add(f"{key}~{s}~{n}")
    # a consequence is a claim too: its relations are kept beside the placed tree
    outcomes = {k for k, el in doc.elements.items() if {"positive", "negative"} & set(el.tags)}
    outcome_edges = [
        e
        for e in edges
        if (e.source in outcomes or e.target in outcomes)
        and {e.source, e.target} <= known | outcomes
    ]
    skipped = sum(
        1
        for src, dst, *_ in doc.relations
        if src not in bare
        and (src not in known or dst not in known)
        and not ((src in outcomes or dst in outcomes) and {src, dst} <= known | outcomes)
    )
    edges = [e for e in edges if e.source in known and e.target in known]
    forced = [k for k in nodes if "position" in doc.elements[k].tags]
    placed = place(nodes, edges, forced)
    tree = {p.edge for p in placed.values()}
    edges = [e for e in edges if e.key not in structural or e.key in tree]
    draft.relations, dropped = relations(edges, placed)
    draft.relations, rebuts = rebuttals(draft.relations, placed)
    draft.relations += [
        DraftRelation(e.kind, e.source, e.target, e.key, line=e.line) for e in outcome_edges
    ]
    # undercutting an argument that answers nothing attacks its inference: the link of
    # its premises to it when it has premises; else the position's own unstated inference
    for r in draft.relations:
        index = int(r.key[1:]) if r.key.startswith("e") and r.key[1:].isdigit() else -1
        chain = steps.get(r.target, [])
        if r.kind == "undercut" and index in doc.below_inference and chain:
            # an undercut below an inference line attacks that step: the link of its
            # premises to its conclusion (to the argument, for the last step)
            s = min(doc.below_inference[index], len(chain) - 1)
            to = r.target if s == len(chain) - 1 else chain[s][1]
            linked = [k for k in chain[s][0] if k in placed and placed[k].parent == to]
            if linked:
                r.target = linked[0]
                continue
        if r.kind == "undercut" and r.target in placed and placed[r.target].stance == "root":
            premises = [k for role, k in doc.elements[r.target].pcs if role != "conclusion"]
            linked = [k for k in premises if k in placed and placed[k].parent == r.target]
            if linked:
                r.target = linked[0]
    in_pcs = {k for el in doc.elements.values() for _, k in el.pcs}
    positions: dict[str, DraftPosition] = {}
    for key in nodes:
        el = doc.elements[key]
        if placed[key].stance != "root":
            continue
        positions[key] = DraftPosition(
            title=_str(el, "title", path) or el.title,
            key=key,
            hint=_str(el, "id", path),
            summary=el.text,
            historians=[str(h) for h in _list(el, "historians", path, str)],
            weight=parse_weight(el.data.get("weight"), path, el.line, "weight"),
            line=el.line,
            tags=tuple(t for t in el.tags if t != "position"),
            source=Source(element="argument") if el.kind == "argument" else None,
        )
        draft.positions.append(positions[key])
    for key in nodes:
        el = doc.elements[key]
        where = placed[key]
        if where.stance == "root":
            continue
        ident = _str(el, "id", path)
        label = (
            _str(el, "label", path)
            if "label" in el.data
            else (None if el.title.startswith("Untitled ") else _label(el.title))
        )
        premises = [doc.elements[k].text or doc.elements[k].title for _, k in el.pcs]
        positions[where.root].evidence.append(
            DraftEvidence(
                stance="for" if where.stance == "for" else "against",
                text=el.text or " ".join(premises) or el.title,
                key=key,
                hint=ident,
                label=label,
                parent=where.parent,
                rebuts=rebuts.get(key, []),
                tags=tuple(t for t in el.tags if t != "position"),
                years=tuple(_list(el, "years", path, int)) if "years" in el.data else None,
                references=tuple(str(r) for r in _list(el, "references", path, str)),
                weight=parse_weight(el.data.get("weight"), path, el.line, "weight"),
                line=el.line,
                source=_element_source(el.kind, key in in_pcs, where.edge in structural),
            )
        )
    model_settings = model if isinstance(model, dict) else {}
    explode = bool(model_settings.get("explodeArguments"))
    for key, el in doc.elements.items():
        chain = steps.get(key, [])
        for n, (premises, conclusion, inference, line) in enumerate(chain, start=1):
            premises = [k for k in premises if k in known]
            if el.kind != "argument" or not premises or conclusion not in known:
                continue
            # each inferential step is a model argument; the steps of one structure share
            # its title (the writer gives them back as one structure), unless the file
            # has @argdown/cli explode them into arguments of their own, "X - 1", "X - 2"
            title = f"{el.title} - {n}" if explode and len(chain) > 1 else el.title
            draft.arguments.append(DraftArgument(title, premises, conclusion, inference, line))
    # in the order they are defined: a relation may name a consequence before its text
    for key, el in sorted(doc.elements.items(), key=lambda item: item[1].line):
        if "conclusion" in el.tags:
            draft.conclusion = el.text
        for polarity in ("positive", "negative"):
            if polarity in el.tags:
                draft.consequences.append(
                    DraftConsequence(
                        polarity="positive" if polarity == "positive" else "negative",
                        text=el.text,
                        key=key,
                        hint=_str(el, "id", path),
                        category=_str(el, "category", path),
                        weight=parse_weight(el.data.get("weight"), path, el.line, "weight"),
                        line=el.line,
                    )
                )
    if skipped + dropped:
        draft.warnings.append(
            Warning(
                "argdown_skipped",
                f"{skipped + dropped} relation(s) to the conclusion or consequences were skipped",
            )
        )
    return draft


def _steps(el: Element, path: str | None) -> list[tuple[list[str], str, str, int]]:
    """The inferential steps of a structure: (premise keys, conclusion key, inference, line).

    A step uses the statements its ``uses`` data names, else the statements before its
    conclusion back to (and with) the previous conclusion, as @argdown/cli's
    ExplodeArgumentsPlugin reads them.
    """
    out: list[tuple[list[str], str, str, int]] = []
    ends = [i for i, (role, _) in enumerate(el.pcs) if role != "premise"]
    for n, i in enumerate(ends):
        text, uses, line = el.steps[n] if n < len(el.steps) else (el.inference, None, el.line)
        if uses is not None:
            if any(u < 1 or u > i for u in uses):
                raise ParseError(
                    f"uses names a statement that does not come before conclusion ({i + 1})",
                    file=path,
                    line=line,
                    field="uses",
                )
            premises = [el.pcs[u - 1][1] for u in uses]
        else:
            start = ends[n - 1] if n else 0
            premises = [k for _, k in el.pcs[start:i]]
        out.append((premises, el.pcs[i][1], text, line))
    return out


def _element_source(kind: str, in_pcs: bool, placed_by_pcs: bool) -> Source | None:
    """What a point was in the file, where the writer would not guess it.

    The writer's default for a point is an argument, or a statement inside a structure;
    a premise placed in the tree only by its structure (no relation of its own to the
    conclusion) is marked so that it is written in the structure alone.
    """
    if in_pcs:
        return Source(element="premise") if placed_by_pcs else None
    return Source(element="statement") if kind == "statement" else None


def _bare_structures(doc: Document) -> set[str]:
    """Arguments that are nothing but a premise-conclusion structure.

    An argument without a text, tags or data of its own, that no relation names except its
    link to its own conclusion, is read as a model argument only, not also as a claim:
    otherwise every structure would come back as an extra point (and the structure quaestio
    writes for an argument would grow a claim on each round trip).
    """
    own = {
        (el.key, el.pcs[-1][1])
        for el in doc.elements.values()
        if el.pcs and el.pcs[-1][0] == "conclusion"
    }
    named = {k for src, dst, *_ in doc.relations if (src, dst) not in own for k in (src, dst)}
    return {
        key
        for key, el in doc.elements.items()
        if el.kind == "argument"
        and not el.text
        and not el.tags
        and not el.data
        and key not in named
        and any(role == "premise" for role, _ in el.pcs)
        and el.pcs[-1][0] == "conclusion"
    }


def _label(title: str) -> str | None:
    """An Argdown title as a label: one line, without the '*' a label may not hold."""
    return " ".join(title.replace("*", " ").split()) or None


def _key_id(doc: Document, key: str, path: str | None) -> str:
    """The draft key of an element: its data id when it has one, else its Argdown key."""
    return _str(doc.elements[key], "id", path) or key


FORMAT = Format(
    name="argdown",
    suffixes=(".argdown", ".ad"),
    description=(
        "Argdown argument map (statements, arguments, support/attack trees, tags, YAML data)"
    ),
    media_type="text/x-argdown",
    read=read,
    write=write,
    loses=describe(
        LOSES,
        "Rephrases and attacks on relations are not written (Argdown has no syntax for "
        "them); an argument without premises is written as an argument that supports its "
        "conclusion, and read back as a point. An outside Argdown file also loses its headings and equivalence-class "
        "members after the first text; @include is refused.",
    ),
    kind="interchange",
)
