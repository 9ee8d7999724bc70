"""Reading and writing frameworks in the competition formats (i23, apx, tgf).

``i23`` (ICCMA 2023) is ``p af N`` followed by ``i j`` attack lines and ``#``
comments. Its body is parsed by numpy in one call, so a file of ten million
attacks costs well under a second; only when that fast path finds something
wrong is the text walked line by line to name the offending line.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np

from quaestio.errors import ParseError
from quaestio.reasoning.af import ArgumentationFramework

FORMATS = ("i23", "apx", "tgf")
_SUFFIX = {".i23": "i23", ".af": "i23", ".apx": "apx", ".tgf": "tgf"}


def guess_format(path: str | Path) -> str:
    fmt = _SUFFIX.get(Path(path).suffix.lower())
    if fmt is None:
        raise ParseError(
            f"cannot tell the framework format from {Path(path).name!r}; pass -fo i23|apx|tgf",
            file=str(path),
        )
    return fmt


def read_file(path: str | Path, fmt: str | None = None) -> ArgumentationFramework:
    data = Path(path).read_bytes()
    return parse(data, fmt or guess_format(path), str(path))


def parse(data: bytes, fmt: str, file: str | None = None) -> ArgumentationFramework:
    if fmt == "i23":
        return parse_i23(data, file)
    if fmt == "apx":
        return parse_apx(data.decode("utf-8", errors="replace"), file)
    if fmt == "tgf":
        return parse_tgf(data.decode("utf-8", errors="replace"), file)
    raise ParseError(
        f"unknown framework format {fmt!r}; known: {', '.join(FORMATS)}", file=file, field="format"
    )


# -- i23 -------------------------------------------------------------------------------
_DIGIT = re.compile(rb"\d")
_COMMENT = re.compile(rb"#[^\n]*")
_HEADER = re.compile(rb"^\s*p\s+af\s+(\d+)\s*$")


def parse_i23(data: bytes, file: str | None = None) -> ArgumentationFramework:
    pos = 0
    n: int | None = None
    line_no = 0
    while pos < len(data):  # header: skip comments and blank lines up to ``p af N``
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        line = data[pos:end]
        line_no += 1
        pos = end + 1
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#"):
            continue
        match = _HEADER.match(line)
        if not match:
            raise ParseError("expected the header 'p af N'", file=file, line=line_no)
        n = int(match.group(1))
        break
    if n is None:
        raise ParseError("no 'p af N' header", file=file, line=1)
    while pos < len(data):  # comment lines right after the header cost nothing
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        stripped = data[pos:end].strip()
        if stripped and not stripped.startswith(b"#"):
            break
        pos = end + 1
        line_no += 1
    body = data[pos:]
    if b"#" in body:
        body = _COMMENT.sub(b"", body)
    if body.translate(None, b"0123456789 \t\r\n"):
        _locate_i23_error(data[pos:], n, file, line_no)
    if _DIGIT.search(body) is None:
        return ArgumentationFramework(n, np.zeros(0, np.int32), np.zeros(0, np.int32))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        numbers = np.fromstring(body, dtype=np.int64, sep=" ")  # type: ignore[call-overload]
    if numbers.size % 2 or _suspicious(numbers, n):
        _locate_i23_error(data[pos:], n, file, line_no)
    flat = numbers.astype(np.int32)
    del numbers
    flat -= 1
    pairs = flat.reshape(-1, 2)
    return ArgumentationFramework(n, pairs[:, 0].copy(), pairs[:, 1].copy())


def _suspicious(numbers: np.ndarray, n: int) -> bool:
    return bool(numbers.size) and (int(numbers.min()) < 1 or int(numbers.max()) > n)


def _locate_i23_error(body: bytes, n: int, file: str | None, offset: int) -> None:
    for k, raw in enumerate(body.split(b"\n"), start=offset + 1):
        text = raw.split(b"#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ParseError(
                f"expected an attack 'i j', got {raw.decode(errors='replace')!r}", file=file, line=k
            )
        for p in parts:
            if not 1 <= int(p) <= n:
                raise ParseError(f"argument {int(p)} is outside 1..{n}", file=file, line=k)
    raise ParseError("the attack lines could not be read", file=file, line=offset + 1)


def write_i23(af: ArgumentationFramework, comments: list[str] | None = None) -> bytes:
    head = [f"p af {af.n}", *(f"# {c}" for c in comments or [])]
    flat = np.empty(2 * af.m, dtype=np.int64)
    flat[0::2] = af.src
    flat[1::2] = af.dst
    flat += 1
    chunks = [("\n".join(head) + "\n").encode()]
    step = 2_000_000  # pairs formatted by C-level %-formatting, a chunk at a time
    for start in range(0, flat.size, step):
        part = flat[start : start + step].tolist()
        chunks.append((("%d %d\n" * (len(part) // 2)) % tuple(part)).encode())
    return b"".join(chunks)


# -- apx and tgf -----------------------------------------------------------------------
_APX = re.compile(r"^\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*$")


def parse_apx(text: str, file: str | None = None) -> ArgumentationFramework:
    names: list[str] = []
    index: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    for k, line in enumerate(text.splitlines(), start=1):
        content = line.split("%", 1)[0].strip()
        if not content:
            continue
        m = _APX.match(content)
        if m is None or (m.group(1) == "arg") != (m.group(3) is None):
            raise ParseError(
                f"expected arg(a). or att(a,b)., got {line.strip()!r}", file=file, line=k
            )
        if m.group(1) == "arg":
            if m.group(2) not in index:
                index[m.group(2)] = len(names)
                names.append(m.group(2))
        else:
            attacks.append((m.group(2), m.group(3), k))
    return _named(names, index, attacks, file)


def parse_tgf(text: str, file: str | None = None) -> ArgumentationFramework:
    names: list[str] = []
    index: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    in_edges = False
    for k, line in enumerate(text.splitlines(), start=1):
        content = line.strip()
        if not content:
            continue
        if content == "#":
            in_edges = True
            continue
        parts = content.split()
        if not in_edges:
            if parts[0] not in index:
                index[parts[0]] = len(names)
                names.append(parts[0])
        elif len(parts) < 2:
            raise ParseError(f"expected an attack 'a b', got {content!r}", file=file, line=k)
        else:
            attacks.append((parts[0], parts[1], k))
    return _named(names, index, attacks, file)


def _named(
    names: list[str], index: dict[str, int], attacks: list[tuple[str, str, int]], file: str | None
) -> ArgumentationFramework:
    pairs = np.zeros((len(attacks), 2), dtype=np.int32)
    for row, (a, b, k) in enumerate(attacks):
        for col, name in enumerate((a, b)):
            if name not in index:
                raise ParseError(f"attack names an undeclared argument {name!r}", file=file, line=k)
            pairs[row, col] = index[name]
    return ArgumentationFramework(len(names), pairs[:, 0].copy(), pairs[:, 1].copy(), tuple(names))


def write_apx(af: ArgumentationFramework) -> bytes:
    lines = [f"arg({af.name(i)})." for i in range(af.n)]
    lines += [f"att({af.name(a)},{af.name(b)})." for a, b in af.attack_list()]
    return ("\n".join(lines) + "\n").encode()


def write_tgf(af: ArgumentationFramework) -> bytes:
    lines = [af.name(i) for i in range(af.n)] + ["#"]
    lines += [f"{af.name(a)} {af.name(b)}" for a, b in af.attack_list()]
    return ("\n".join(lines) + "\n").encode()


def write(af: ArgumentationFramework, fmt: str) -> bytes:
    if fmt == "i23":
        return write_i23(af)
    if fmt == "apx":
        return write_apx(af)
    if fmt == "tgf":
        return write_tgf(af)
    raise ParseError(f"unknown framework format {fmt!r}", field="format")
