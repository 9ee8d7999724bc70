"""Kialo's plain-text export: a numbered outline of claims marked ``Pro:`` and ``Con:``.

Kialo writes ``Discussion Title: ...``, a blank line, the thesis as ``1.``, and
every claim below it as ``1.2.3. Pro: text``. Text may run over several lines.
A discussion whose top-level claims carry no Pro/Con is a multi-thesis
discussion: each of those claims is a position and the thesis is the question.
Otherwise the thesis itself is the one position. Deeper claims are attached to
their position with the stance the chain of Pro/Con gives them; a Con directly
under a point also rebuts that point. ``-> See 1.2.`` links are skipped with a
warning. Read only: Kialo imports its own format, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.errors import ParseError
from quaestio.formats.draft import DraftDebate, DraftEvidence, DraftPosition, build, decode
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Warning

LOSES = frozenset(
    {
        "ach",
        "labels",
        "historians",
        "weights",
        "conclusion",
        "consequences",
        "references",
        "sources",
    }
)
_TITLE = re.compile(r"^Discussion Title:\s*(.*)$")
_ITEM = re.compile(r"^\s*((?:\d+\.)+)\s+(?:(Pro|Con):\s*)?(.*)$")
_LINK = re.compile(r"^->\s*See\s+((?:\d+\.)+)")


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
    m = _TITLE.match(lines[first].strip())
    if not m:
        raise ParseError(
            "a Kialo export starts with 'Discussion Title:'", file=path, line=first + 1
        )
    items: list[_Item] = []
    seen: set[str] = set()
    for n, raw in enumerate(lines[first + 1 :], start=first + 2):
        im = _ITEM.match(raw)
        if im:
            number = im.group(1)
            item = _Item(number, im.group(2), [im.group(3)], n)
            if number in seen:
                raise ParseError(f"claim {number} appears twice", file=path, line=n)
            if items and item.parent not in seen:
                raise ParseError(f"claim {number} has no parent {item.parent}", file=path, line=n)
            if not items and number != "1.":
                raise ParseError(f"the thesis must be numbered 1., not {number}", file=path, line=n)
            seen.add(number)
            items.append(item)
        elif raw.strip():
            if not items:
                raise ParseError("text before the thesis '1.'", file=path, line=n)
            items[-1].lines.append(raw.strip())
    if not items:
        raise ParseError("no numbered claims after the title", file=path, line=first + 1)
    return m.group(1).strip(), items


def read(data: bytes, path: str | None) -> Loaded:
    title, items = _items(decode(data, path), path)
    for item in items:
        if not item.text:
            raise ParseError(f"claim {item.number} has no text", file=path, line=item.line)
    thesis, rest = items[0], items[1:]
    top = [i for i in rest if i.parent == "1."]
    multi = bool(top) and all(i.stance is None for i in top)
    draft = DraftDebate(title=title, question=thesis.text if multi else "")
    positions: dict[str, DraftPosition] = {}
    if multi:
        for i in top:
            head, _, summary = i.text.partition("\n")
            positions[i.number] = DraftPosition(
                title=head, summary=summary.strip(), key=i.number, line=i.line
            )
    else:
        head, _, summary = thesis.text.partition("\n")
        positions["1."] = DraftPosition(
            title=head, summary=summary.strip(), key="1.", line=thesis.line
        )
    draft.positions = list(positions.values())

    info: dict[str, tuple[str, str]] = {}  # number -> (position number, stance)
    links = unsigned = 0
    for item in rest:
        if item.number in positions:
            continue
        if _LINK.match(item.text):
            links += 1
            continue
        if item.parent in positions:
            owner, parent_stance = item.parent, "for"
        elif item.parent in info:
            owner, parent_stance = info[item.parent]
        else:  # under a link or under a skipped claim
            links += 1
            continue
        if item.stance is None:
            unsigned += 1
        against = item.stance == "Con"
        stance = parent_stance if not against else ("against" if parent_stance == "for" else "for")
        if item.parent in positions:
            stance = "against" if against else "for"
        info[item.number] = (owner, stance)
        rebuts = [item.parent] if against and item.parent in info else []
        positions[owner].evidence.append(
            DraftEvidence(
                stance="for" if stance == "for" else "against",
                text=item.text,
                key=item.number,
                rebuts=rebuts,
                line=item.line,
            )
        )
    if links:
        draft.warnings.append(
            Warning("kialo_links", f"{links} linked claim(s) ('-> See') were skipped")
        )
    if unsigned:
        draft.warnings.append(
            Warning("kialo_unsigned", f"{unsigned} claim(s) without Pro/Con read as Pro")
        )
    return build(draft, path)


FORMAT = Format(
    name="kialo",
    suffixes=(".kialo.txt",),
    description="Kialo discussion export (numbered outline with Pro:/Con:); read only",
    media_type="text/plain",
    read=read,
    write=None,
    loses=describe(LOSES, "Kialo has no place for these, so a Kialo file never carries them."),
    kind="interchange",
)
