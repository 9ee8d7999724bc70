"""Which reader a file needs: by name if one was given, else its ending, else its content.

Most endings name one format (``.aif.json``, ``.argdown``, ``.debate.md``). A few
are shared: ``.json`` is quaestio's own JSON, an AIF graph or Argdown's JSON
export; ``.txt`` is a teacher's handout saved as text or a Kialo export. For
those, and for a file with no known ending, the first bytes decide. The reason
for the choice is kept (``Choice.reason``) so that a command can say which reader
it used and why: a file read by the wrong reader is then impossible to miss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from quaestio.errors import UnknownFormatError, UnsupportedOperationError
from quaestio.formats.registry import Format, all_formats, by_name

#: Endings that more than one format uses; the content decides between them.
SHARED_ENDINGS = (".json", ".txt")
_KIALO = re.compile(r"^\ufeff?\s*Discussion (?:Title|Name):", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|body|table|h[1-6])\b", re.I)
_ICCMA = re.compile(r"^[ \t]*p[ \t]+af\s+\d+", re.M)
_ARGDOWN = re.compile(r"^[ \t]*(?:\[[^\]\n]+\]:|<[^>\n]+>:|===\s*$)", re.M)


@dataclass(frozen=True)
class Choice:
    """The format a file is read as, and why (a phrase such as "its ending .aif.json")."""

    format: Format
    reason: str


def ending(path: str | Path) -> tuple[str, Format] | None:
    """The longest registered ending of ``path`` and its format, if any."""
    name = Path(path).name.lower()
    best: tuple[str, Format] | None = None
    for fmt in all_formats():
        for suffix in fmt.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > len(best[0])):
                best = (suffix, fmt)
    return best


def choose(
    path: str | Path,
    data: bytes,
    fmt: Format | None = None,
    *,
    option: str = "--from",
    fallback: Format | None = None,
) -> Choice:
    """The reader for ``data`` read from ``path``: named, by ending, or by content.

    ``fallback`` is used when neither the ending nor the content tells (``import``
    reads such a file as a plain-text handout); without it that is an error.
    """
    if fmt is not None:
        return Choice(fmt, f"asked for with {option} {fmt.name}")
    found = ending(path)
    if found is not None and found[0] not in SHARED_ENDINGS:
        return Choice(found[1], f"its ending {found[0]}")
    sniffed = sniff(data, str(path))
    if found is not None:
        suffix = found[0]
        if sniffed is not None and sniffed[0].name != found[1].name and _fits(sniffed[0], suffix):
            return Choice(sniffed[0], f"the ending {suffix} is shared and {sniffed[1]}")
        others = "an AIF graph or Argdown's JSON" if suffix == ".json" else "a Kialo export"
        return Choice(found[1], f"its ending {suffix}, and the content is not {others}")
    if sniffed is not None:
        return Choice(sniffed[0], f"no known ending, and {sniffed[1]}")
    if fallback is not None:
        return Choice(
            fallback, f"neither its ending nor its content says, so as {_plain(fallback)}"
        )
    known = ", ".join(s for f in all_formats() if f.can_read for s in f.suffixes)
    raise UnknownFormatError(
        f"cannot tell the format of {Path(path).name!r} from its ending or its content; "
        f"name it with {option} (see 'quaestio formats'); known endings: {known}",
        file=str(path),
        field=option.lstrip("-"),
    )


def _fits(fmt: Format, suffix: str) -> bool:
    """Whether content sniffed as ``fmt`` may hide behind the shared ``suffix``."""
    if suffix == ".json":
        return fmt.name in ("json", "aif") or fmt.name.startswith("argdown")
    return fmt.name == "kialo"  # a .txt is a handout unless it opens as a Kialo export


def _plain(fmt: Format) -> str:
    return {"json": "quaestio JSON", "text": "a handout in plain text"}.get(fmt.name, fmt.name)


def sniff(data: bytes, path: str | None = None) -> tuple[Format, str] | None:
    """A readable format recognised from the content alone, with what gave it away."""
    head = data[:65536].decode("utf-8", errors="ignore").lstrip("\ufeff")
    start = head.lstrip()
    if data.startswith(b"PK\x03\x04"):
        return by_name("docx"), "the content is a zip archive (a Word document)"
    if start.startswith(("{", "[")):
        return sniff_json(data, path)
    if start.startswith("<") and "<graphml" in head[:4096]:
        return by_name("graphml"), "the content is a GraphML document"
    if _HTML.search(head[:4096]):
        return by_name("html"), "the content is an HTML page"
    if _KIALO.match(head):
        return by_name("kialo"), "the first line is Kialo's 'Discussion Title:'"
    if _ICCMA.match(head):
        return by_name("iccma"), "the content starts with an ICCMA 'p af' line"
    if len(_ARGDOWN.findall(head)) >= 2:
        return by_name("argdown"), "the content has Argdown statement or argument lines"
    return None


def sniff_json(data: bytes, path: str | None = None) -> tuple[Format, str] | None:
    """quaestio JSON, AIF or Argdown JSON, told apart by their top-level members."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None  # the reader the ending names reports the syntax error at its line
    if not isinstance(doc, dict):
        return None
    if "quaestio" in doc:
        return by_name("json"), "the content has quaestio's 'quaestio' version member"
    if isinstance(doc.get("nodes"), list) or isinstance(doc.get("AIF"), dict):
        return by_name("aif"), "the content is an AIF graph (a 'nodes' list)"
    if "statements" in doc and "arguments" in doc:
        for fmt in all_formats():
            if fmt.name.startswith("argdown") and fmt.name != "argdown" and fmt.can_read:
                return fmt, "the content is Argdown's JSON export ('statements', 'arguments')"
        raise UnsupportedOperationError(
            "this is Argdown's JSON export ('statements' and 'arguments'), which quaestio does "
            "not read; give quaestio the Argdown source (.argdown) instead",
            file=path,
            field="format",
        )
    return None
