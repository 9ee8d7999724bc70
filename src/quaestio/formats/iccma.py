"""A debate as an ICCMA 2023 attack framework (``.i23``).

Writing produces the Dung framework that the extension semantics use (direct,
supported and secondary attacks; see ``reasoning.bipolar``) with one comment
line ``# N node-id`` per argument, so a competition solver can be run on a
debate and its answer mapped back.

Reading is the reverse, and it loses almost everything: an i23 file has no
text, titles, weights, historians or supports. When the comments carry our node
ids, positions and evidence are rebuilt from them (stance from the ``f``/``a``
in the id, rebuttals from attacks between evidence, text and titles set to the
id). A plain framework without such comments becomes one position per argument
and, for every attack ``i -> j``, an against-point on position ``j`` whose text
names ``i``.
"""

from __future__ import annotations

import re

from quaestio.errors import ParseError
from quaestio.formats.registry import Format, Loaded
from quaestio.limits import MAX_ICCMA_ARGS, MIN_ICCMA_ARGS
from quaestio.model import Debate, Evidence, Position

_MAP = re.compile(r"^#\s*(\d+)\s+(\S+)\s*$")
_EVIDENCE = re.compile(r"^(?P<pos>[^.\s]+)\.(?P<kind>[fa])\d+$")


def write(debate: Debate) -> bytes:
    # imported here: the reasoning engine loads numpy and scipy, which the other
    # formats (and quaestio's start-up) do not need
    from quaestio.reasoning import debate_graph
    from quaestio.reasoning.iccma_io import write_i23

    graph = debate_graph(debate)
    af = graph.dung()
    comments = [f"{i + 1} {node}" for i, node in enumerate(graph.ids)]
    return write_i23(af, comments)


_HEAD = re.compile(rb"^[ \t]*p[ \t]+af[ \t]+(\d+)", re.M)


def _check_header(data: bytes, path: str | None) -> None:
    """Refuse a header declaring more arguments than the file can justify, before any work."""
    m = _HEAD.search(data, 0, 1 << 16)
    if m is None:
        return
    line = data.count(b"\n", 0, m.start()) + 1
    digits = m.group(1)
    limit = min(MAX_ICCMA_ARGS, MIN_ICCMA_ARGS + len(data))
    if len(digits) > 9 or int(digits) > limit:
        shown = digits.decode() if len(digits) <= 20 else f"a {len(digits)}-digit number of"
        raise ParseError(
            f"the header declares {shown} arguments; a debate read from a file of "
            f"{len(data)} bytes may have at most {limit}",
            file=path,
            line=line,
            field="p af",
        )


def read(data: bytes, path: str | None) -> Loaded:
    _check_header(data, path)
    from quaestio.reasoning.iccma_io import parse_i23

    af = parse_i23(data, path)
    names: dict[int, str] = {}
    lines: dict[str, int] = {}
    for k, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        m = _MAP.match(raw.strip())
        if m:
            num, node = int(m.group(1)), m.group(2)
            if not 1 <= num <= af.n:
                raise ParseError(
                    f"comment maps argument {num}, outside 1..{af.n}", file=path, line=k
                )
            names[num - 1] = node
            lines[node] = k
    title = f"framework {path}" if path else "framework"
    if len(names) == af.n and af.n:
        return Loaded(_rebuild(af.attack_list(), names, title, path), lines)
    return Loaded(_plain(af.n, af.attack_list(), title), {})


def _rebuild(
    attacks: list[tuple[int, int]], names: dict[int, str], title: str, path: str | None
) -> Debate:
    positions: dict[str, list[Evidence]] = {}
    order: list[str] = []
    rebuts: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for i in sorted(names):
        node = names[i]
        m = _EVIDENCE.match(node)
        if m is None:
            positions.setdefault(node, [])
            order.append(node)
        else:
            kinds[node] = m.group("kind")
    for a, b in attacks:
        if names[a] in kinds and names[b] in kinds:
            rebuts.setdefault(names[a], []).append(names[b])
    for node, kind in kinds.items():
        pos = _EVIDENCE.match(node).group("pos")  # type: ignore[union-attr]
        if pos not in positions:
            raise ParseError(f"evidence {node} belongs to no position in the file", file=path)
        positions[pos].append(
            Evidence(
                id=node,
                stance="for" if kind == "f" else "against",
                text=node,
                rebuts=tuple(rebuts.get(node, ())),
            )
        )
    return Debate(
        title=title,
        positions=tuple(Position(p, p, evidence=tuple(positions[p])) for p in order),
    )


def _plain(n: int, attacks: list[tuple[int, int]], title: str) -> Debate:
    against: dict[int, list[int]] = {}
    for a, b in attacks:
        against.setdefault(b, []).append(a)
    positions = []
    for j in range(n):
        pid = f"p{j + 1}"
        evidence = tuple(
            Evidence(id=f"{pid}.a{k}", stance="against", text=f"attacked by argument {a + 1}")
            for k, a in enumerate(against.get(j, []), start=1)
        )
        positions.append(Position(pid, f"argument {j + 1}", evidence=evidence))
    return Debate(title=title, positions=tuple(positions))


FORMAT = Format(
    name="iccma",
    suffixes=(".i23",),
    description="ICCMA 2023 attack framework of the debate (extension-semantics view)",
    media_type="text/plain",
    read=read,
    write=write,
    loses=(
        "text, titles, weights, historians, supports, consequences, the conclusion and the "
        "analyst's ACH ratings"
    ),
    kind="framework",
)
