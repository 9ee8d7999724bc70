"""Kialo's plain-text export: a numbered outline of claims marked ``Pro:`` and ``Con:``.

Kialo has written two layouts. The older one starts ``Discussion Title: ...`` and puts
each claim on its number's line (``1.2.3. Pro: text``); the current one starts with a
``Discussion Name:`` line, the name on the next line, and every claim's text on the
lines after its number and stance (``1.2. Con:``), and ends with the ``Sources:``
the claims cite as ``[1]``, which are not read. Text may run over several lines, and
in the current layout a numbered line without Pro/Con is a list inside a claim.

A discussion whose top-level claims carry no Pro/Con is a multi-thesis discussion:
each of those claims is a position and the thesis is the question. Otherwise the
thesis itself is the one position. Every claim below keeps the claim it answers as
its parent, at any depth, with its own Pro/Con as the stance towards that parent.
A ``-> See 1.2.3.`` line is Kialo's link to a claim that also stands elsewhere: it
becomes a support or attack relation from that claim to the linking claim's parent.

Writing produces the current layout: a single position is the thesis, several
positions are the top-level claims under the question; support and attack
relations between claims of the outline come out as ``-> See`` links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.errors import ParseError
from quaestio.formats.draft import (
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    DraftRelation,
    build,
    decode,
)
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate, Evidence, RelationKind, Warning

LOSES = frozenset(
    {
        "ach_judgements",
        "title",
        "labels",
        "position_historians",
        "weights",
        "conclusion",
        "consequences",
        "references",
        "sources",
        "ids",
        "whitespace",
        "warnings",
        "arguments",
        "tags",
        "point_historians",
        "schools",
        "conclusion_claims",
    }
)
_HEAD = re.compile(r"^Discussion (Title|Name):\s*(.*)$")
_ITEM = re.compile(r"^\s*((?:\d+\.)+)(?:\s+|$)(?:(Pro|Con|Thesis):)?\s*(.*)$")
_LINK = re.compile(r"^->\s*See\s+((?:\d+\.)+)\s*$")


def looks_like_kialo(data: bytes) -> bool:
    """True when ``data`` is a Kialo export, whatever the file is called (``slug.txt``).

    The registry and the CLI call this to tell a Kialo download from a handout saved
    as text: Kialo's first non-empty line is always ``Discussion Title:`` or
    ``Discussion Name:``, and the first numbered line is the thesis ``1.``.
    """
    text = data[:4096].decode("utf-8-sig", errors="replace")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or not _HEAD.match(lines[0]):
        return False
    numbered = next((ln for ln in lines[1:] if _ITEM.match(ln)), None)
    return numbered is not None and numbered.startswith("1.")


@dataclass
class _Item:
    number: str
    stance: str | None
    lines: list[str]
    line: int

    @property
    def parent(self) -> str:
        return ".".join(self.number.rstrip(".").split(".")[:-1]) + "."

    @property
    def text(self) -> str:
        """The claim as Kialo shows it: escapes undone, Markdown links reduced to their words."""
        raw = "\n".join(self.lines).strip()
        raw = re.sub(r"\\([\[\]()])", r"\1", raw)
        return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw)


def _items(text: str, path: str | None) -> tuple[str, list[_Item]]:
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise ParseError("the Kialo export is empty", file=path, line=1)
    m = _HEAD.match(lines[first].strip())
    if not m:
        raise ParseError(
            "a Kialo export starts with 'Discussion Title:' or 'Discussion Name:'",
            file=path,
            line=first + 1,
            field="title",
        )
    layout, title, start = m.group(1), m.group(2).strip(), first + 1
    if not title:  # the current layout: the name is on the next non-empty line
        nxt = next((i for i in range(start, len(lines)) if lines[i].strip()), None)
        if nxt is not None and not _ITEM.match(lines[nxt]):
            title, start = lines[nxt].strip(), nxt + 1
    items: list[_Item] = []
    seen: set[str] = set()
    for n, raw in enumerate(lines[start:], start=start + 1):
        if raw.rstrip() == "Sources:" and items:
            break  # the current layout ends with the sources the claims cite as [1], [2]...
        im = _ITEM.match(raw)
        if im and layout == "Name" and not im.group(2) and im.group(3):
            im = None  # the current layout marks every claim; "1. text" is a list in a claim
        if im:
            number = im.group(1)
            stance = im.group(2) if im.group(2) in ("Pro", "Con") else None
            item = _Item(number, stance, [im.group(3)] if im.group(3) else [], n)
            if number in seen:
                raise ParseError(f"claim {number} appears twice", file=path, line=n, field="number")
            if items and item.parent not in seen:
                raise ParseError(
                    f"claim {number} has no parent {item.parent}", file=path, line=n, field="number"
                )
            if not items and number != "1.":
                raise ParseError(
                    f"the thesis must be numbered 1., not {number}",
                    file=path,
                    line=n,
                    field="number",
                )
            seen.add(number)
            items.append(item)
        elif raw.strip():
            if not items:
                raise ParseError("text before the thesis '1.'", file=path, line=n)
            items[-1].lines.append(raw.strip())
    if not items:
        raise ParseError("no numbered claims after the title", file=path, line=first + 1)
    return title, items


def read(data: bytes, path: str | None) -> Loaded:
    title, items = _items(decode(data, path), path)
    for item in items:
        if not item.text:
            raise ParseError(
                f"claim {item.number} has no text", file=path, line=item.line, field="text"
            )
    thesis, rest = items[0], items[1:]
    top = [i for i in rest if i.parent == "1."]
    multi = bool(top) and all(i.stance is None and not _LINK.match(i.text) for i in top)
    draft = DraftDebate(title=title, question=thesis.text if multi else "")
    positions: dict[str, DraftPosition] = {}
    for i in top if multi else [thesis]:
        head, _, summary = i.text.partition("\n")
        positions[i.number] = DraftPosition(
            title=head, summary=summary.strip(), key=i.number, line=i.line
        )
    draft.positions = list(positions.values())

    owner: dict[str, str] = {}  # claim number -> its position's number
    links: list[_Item] = []
    unsigned = 0
    for item in rest:
        if item.number in positions:
            continue
        if _LINK.match(item.text):
            links.append(item)
            continue
        if item.parent in positions:
            root, parent = item.parent, None
        elif item.parent in owner:
            root, parent = owner[item.parent], item.parent
        else:  # under the thesis of a multi-thesis discussion, or under a link
            raise ParseError(
                f"claim {item.number} answers {item.parent}, which is not a claim",
                file=path,
                line=item.line,
                field="number",
            )
        if item.stance is None:
            unsigned += 1
        owner[item.number] = root
        positions[root].evidence.append(
            DraftEvidence(
                stance="against" if item.stance == "Con" else "for",
                text=item.text,
                key=item.number,
                parent=parent,
                line=item.line,
            )
        )
    dangling = []
    for item in links:
        m = _LINK.match(item.text)
        target = m.group(1) if m else ""
        if target not in owner and target not in positions:
            dangling.append(f"{item.number} (line {item.line}) -> {target}")
            continue
        if item.parent not in owner and item.parent not in positions:
            dangling.append(f"{item.number} (line {item.line}) under {item.parent}")
            continue
        kind: RelationKind = "attack" if item.stance == "Con" else "support"
        draft.relations.append(DraftRelation(kind, target, item.parent, line=item.line))
    if dangling:
        draft.warnings.append(
            Warning(
                "kialo_links",
                f"{len(dangling)} '-> See' link(s) name no claim of this export and were "
                f"skipped: {', '.join(dangling[:5])}",
            )
        )
    if unsigned:
        draft.warnings.append(
            Warning("kialo_unsigned", f"{unsigned} claim(s) without Pro/Con read as Pro")
        )
    return build(draft, path)


# -- writing --------------------------------------------------------------------------
def _lines(number: str, stance: str, text: str) -> list[str]:
    indent = "  " * (number.count(".") - 1)
    body = [ln.strip() for ln in text.splitlines() if ln.strip()] or ["(no text)"]
    return [f"{indent}{number} {stance}".rstrip(), *(f"{indent}{ln}" for ln in body), ""]


def write(debate: Debate) -> bytes:
    """The current layout; points depth-first under what they answer, links last in each list."""
    single = len(debate.positions) == 1 and not debate.question
    children: dict[str, list[Evidence]] = {}
    for p in debate.positions:
        for e in p.evidence:
            children.setdefault(e.parent or p.id, []).append(e)
    links: dict[str, list[tuple[str, str]]] = {}
    for r in debate.relations:
        if r.kind in ("support", "attack"):
            links.setdefault(r.target, []).append(
                ("Con:" if r.kind == "attack" else "Pro:", r.source)
            )
    out = ["Discussion Name:", debate.title, ""]
    number: dict[str, str] = {}
    pending: list[tuple[str, str, str]] = []  # (number, stance, claim id) of links
    # (claim id, its number, stance line, text), depth-first without recursion
    stack: list[tuple[str, str, str, str]] = []
    if single:
        p = debate.positions[0]
        stack.append((p.id, "1.", "Thesis:", "\n".join(x for x in (p.title, p.summary) if x)))
    else:
        out += _lines("1.", "Thesis:", debate.question or debate.title)
        for n, p in reversed(list(enumerate(debate.positions, start=1))):
            stack.append((p.id, f"1.{n}.", "", "\n".join(x for x in (p.title, p.summary) if x)))
    while stack:
        claim, num, stance, text = stack.pop()
        number[claim] = num
        out += _lines(num, stance, text)
        below = children.get(claim, [])
        for k, (lstance, source) in enumerate(links.get(claim, []), start=len(below) + 1):
            pending.append((f"{num}{k}.", lstance, source))
        for k, e in reversed(list(enumerate(below, start=1))):
            stack.append((e.id, f"{num}{k}.", "Pro:" if e.stance == "for" else "Con:", e.text))
    for num, stance, source in sorted(
        pending, key=lambda x: [int(n) for n in x[0].split(".")[:-1]]
    ):
        if source in number:
            out += _lines(num, stance, f"-> See {number[source]}")
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


FORMAT = Format(
    name="kialo",
    suffixes=(".kialo.txt",),
    description=(
        "Kialo discussion export (numbered outline with Pro:/Con:, either layout), nested to "
        "any depth, '-> See' links as relations; a Kialo .txt is recognised by its content"
    ),
    media_type="text/plain",
    read=read,
    write=write,
    loses=describe(
        LOSES,
        "Kialo has no place for these, so a Kialo file never carries them; relations other "
        "than support and attack between claims of the outline are not written.",
    ),
    kind="interchange",
)
