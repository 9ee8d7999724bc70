"""A reader for the Argdown text syntax, enough of it to exchange debates faithfully.

It understands front matter, headings, statement and argument definitions and
references, relation trees (``+ - _`` incoming, ``+> -> _>`` outgoing, ``<+ <-
<_``, ``><`` contradiction), tags, YAML data in braces, escapes, comments and
premise-conclusion structures (whose conclusion the argument then supports).
The output is a neutral document (elements and relations) that the reference
implementation's JSON export can be compared with; ``argdown.py`` turns it
into a debate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.argdown_shortcodes import expand

_RELATION = re.compile(r"^(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)$")
#: a statement or argument; ``[text](url)`` is a Markdown link inside a text, not a statement
_ELEMENT = re.compile(r"^(\[(?:\\.|[^\]\\])+?\](?!\()|<(?:\\.|[^>\\])+?>)(:?)(.*)$")
_TAG = re.compile(
    r"(?<!\\)#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))"
)
_PCS = re.compile(r"^\((\d+)\)\s*(.*)$")
_HEADING = re.compile(r"^(#+)\s+(.*)$")
#: relation symbol -> (kind, child is the source?)
SYMBOLS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}


@dataclass
class Element:
    kind: str  # "statement" or "argument"
    title: str
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    premises: list[str] = field(default_factory=list)
    is_premise: bool = False
    #: a premise-conclusion structure: (role, statement key), role "premise",
    #: "intermediate" (a conclusion that later steps go on from) or "conclusion" (the last)
    pcs: list[tuple[str, str]] = field(default_factory=list)
    #: the inference of the structure's last step
    inference: str = ""
    #: one per conclusion of the structure, in order: the inference's text, and the numbers
    #: of the statements it ``uses`` when the file says so (else the statements back to
    #: the previous conclusion, as @argdown/cli reads them), and its line
    steps: list[tuple[str, list[int] | None, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return ("[" if self.kind == "statement" else "<") + self.title


@dataclass
class Document:
    front: dict[str, Any]
    elements: dict[str, Element]  # by key, in order of first appearance
    relations: list[tuple[str, str, str, int]]  # (from key, to key, kind, line)
    sections: list[str]
    #: element key -> the heading it was defined under (headings group a map's elements)
    section_of: dict[str, str] = field(default_factory=dict)
    #: index in ``relations`` of a relation written below an inference line -> which step
    #: of its argument's structure (0 for the first inference) it is aimed at
    below_inference: dict[int, int] = field(default_factory=dict)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _strip_comments(text: str) -> str:
    """Blank out comments, keeping every newline so line numbers stay right."""

    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    text = re.sub(r"/\*.*?\*/|<!--.*?-->", blank, text, flags=re.S)
    return re.sub(r"(?:(?<=\s)|^)(?<!\\)//[^\n]*", blank, text, flags=re.M)


def _split_data(rest: str, path: str | None, line: int) -> tuple[str, dict[str, Any]]:
    m = re.search(r"(?<!\\)\{", rest)
    if not m:
        return rest, {}
    end = rest.rfind("}")
    if end < m.start():
        raise ParseError(
            "data block '{' is never closed on this line", file=path, line=line, field="data"
        )
    import yaml  # PyYAML loads only for a file with YAML in it

    try:
        data = yaml.safe_load(rest[m.start() : end + 1])
    except yaml.YAMLError as exc:
        raise ParseError(
            f"data is not valid YAML: {exc}", file=path, line=line, field="data"
        ) from None
    if not isinstance(data, dict):
        raise ParseError("data in braces must be a mapping", file=path, line=line, field="data")
    return rest[: m.start()] + rest[end + 1 :], data


def _uses(value: object, path: str | None, line: int) -> list[int] | None:
    """The statement numbers an inference ``uses`` (Argdown's ``uses`` or ``from`` data)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise ParseError(
            "uses must be a list of statement numbers", file=path, line=line, field="uses"
        )
    return list(value)


def _text_and_tags(raw: str) -> tuple[str, list[str]]:
    tags = [a or b for a, b in _TAG.findall(raw)]
    text = expand(_TAG.sub(" ", raw))  # shortcodes, as @argdown/cli shows them
    return " ".join(unescape(text).split()), tags


def _front_matter(lines: list[str], path: str | None) -> tuple[dict[str, Any], int]:
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or not re.match(r"^===+\s*$", lines[first]):
        return {}, 0
    for j in range(first + 1, len(lines)):
        if re.match(r"^===+\s*$", lines[j]):
            import yaml

            try:
                front = yaml.safe_load("\n".join(lines[first + 1 : j])) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = first + 2 + mark.line if mark is not None else first + 1
                raise ParseError(
                    f"front matter is not valid YAML: {exc}", file=path, line=where
                ) from None
            if not isinstance(front, dict):
                raise ParseError("front matter must be a YAML mapping", file=path, line=first + 1)
            return front, j + 1
    raise ParseError("front matter '===' is never closed", file=path, line=first + 1)


_LIST = re.compile(r"^(?:[*]|\d+\.)\s+(?=\S)")


def _logical_lines(
    lines: list[str], original: list[str], start: int, path: str | None
) -> list[tuple[int, str]]:
    """(line number, text) of each line to read, in one pass over the file.

    A line that held only a comment is dropped (it must not end a relation tree the
    way an empty line does); a ``{`` data block left open runs on over the next lines
    and is joined to the line it starts on; ``@include`` is refused.
    """
    out: list[tuple[int, str]] = []
    i = start
    while i < len(lines):
        raw, number = lines[i], i + 1
        i += 1
        if not raw.strip() and original[number - 1].strip():
            continue  # a comment on its own line
        if raw.lstrip().startswith("@include"):
            raise ParseError(
                "@include is not supported: paste the included files into this one first",
                file=path,
                line=number,
                field="@include",
            )
        depth, quote = _open_braces(raw)
        if depth > 0 and raw.rstrip().endswith("{"):  # block YAML between the braces
            inner: list[str] = []
            while i < len(lines) and lines[i].strip() != "}":
                inner.append(lines[i])
                i += 1
            if i == len(lines):
                raise ParseError(
                    "data block '{' is never closed", file=path, line=number, field="data"
                )
            i += 1
            import yaml

            try:
                data = yaml.safe_load("\n".join(inner)) or {}
            except yaml.YAMLError as exc:
                raise ParseError(
                    f"data is not valid YAML: {exc}", file=path, line=number + 1, field="data"
                ) from None
            if not isinstance(data, dict):
                raise ParseError(
                    "data in braces must be a mapping", file=path, line=number, field="data"
                )
            out.append((number, raw.rstrip()[:-1] + json.dumps(data, default=str)))
            continue
        if depth > 0:
            parts = [raw]
            while depth > 0 and i < len(lines):
                parts.append(lines[i].strip())
                depth, quote = _open_braces(lines[i], depth, quote)
                i += 1
            if depth > 0:
                raise ParseError(
                    "data block '{' is never closed", file=path, line=number, field="data"
                )
            raw = " ".join(parts)
        out.append((number, raw))
    return out


def _open_braces(line: str, depth: int = 0, quote: bool = False) -> tuple[int, bool]:
    """The ``{`` depth after ``line`` and whether a "quoted" text is still open there."""
    escaped = False
    for ch in line:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif quote:
            quote = ch != '"'
        elif ch == '"' and depth > 0:
            quote = True
        elif ch == "{":
            depth += 1
        elif ch == "}" and depth > 0:
            depth -= 1
    return depth, quote


def parse(text: str, path: str | None = None) -> Document:
    original = text.split("\n")
    lines = _strip_comments(text).split("\n")
    front, start = _front_matter(lines, path)
    doc = Document(front, {}, [], [])
    texts: dict[str, list[str]] = {}  # continuation lines, joined once at the end
    section = ""
    stack: list[tuple[int, str]] = []
    current: Element | None = None
    last_argument: Element | None = None
    #: the argument whose inference line came last: its next statement is a conclusion
    conclusion_for: Element | None = None
    #: arguments named in a relation tree, by indentation: a structure below one is read as
    #: an untitled argument of its own (as @argdown/cli does), kept here while it runs
    nested: list[tuple[int, Element]] = []
    anonymous = 0
    in_heading = False
    inference_entry: tuple[int, str] | None = None  # an inference line's place in the stack
    inference_step = 0
    rule_text: list[str] = []  # the inference being read: its rules and data
    rule_data: dict[str, Any] = {}
    #: whether the lines after the element last met carry on its text (not when it is a
    #: later member of an equivalence class: only the first text is kept)
    owns_text = False

    def element(raw: str, line: int, allow_plain: bool) -> Element:
        nonlocal anonymous, owns_text
        m = _ELEMENT.match(raw)
        if m:
            bracket, colon, rest = m.groups()
            kind = "statement" if bracket.startswith("[") else "argument"
            title = " ".join(unescape(bracket[1:-1]).split())
        elif allow_plain:
            kind, colon, rest = "statement", ":", raw
            anonymous += 1
            title = f"Untitled {anonymous}"
        else:
            raise ParseError(
                f"expected [statement] or <argument>, found {raw[:30]!r}", file=path, line=line
            )
        if not title:
            raise ParseError("an element needs a title inside its brackets", file=path, line=line)
        rest, data = _split_data(rest, path, line)
        body, tags = _text_and_tags(rest)
        key = ("[" if kind == "statement" else "<") + title
        el = doc.elements.get(key)
        if el is None:
            el = doc.elements[key] = Element(kind, title, line=line)
            if section:
                doc.section_of[key] = section
        owns_text = not el.text
        if colon and body and not el.text:
            el.text, el.line = body, line
        el.tags += [t for t in tags if t not in el.tags]
        el.data.update(data)
        return el

    for number, raw_line in _logical_lines(lines, original, start, path):
        stripped = raw_line.strip()
        indent = len(raw_line) - len(raw_line.lstrip(" \t"))
        if not stripped:
            stack, current, conclusion_for, in_heading = [], None, None, False
            continue
        heading = _HEADING.match(stripped)
        if heading and (indent == 0 or not stack):  # a heading may be indented a little
            section = " ".join(unescape(heading.group(2)).split())
            doc.sections.append(section)
            stack, current, last_argument, nested = [], None, None, []
            in_heading = True
            continue
        if in_heading:
            # a heading runs on to the next empty line, as @argdown/cli reads it: what
            # follows it directly is more of its title, not a statement
            section = " ".join([section, *unescape(_split_data(stripped, path, number)[0]).split()])
            doc.sections[-1] = section
            continue
        if _LIST.match(stripped):
            # a list item, indented or not, starts a paragraph of its own: its text is one
            stripped = _LIST.sub("", stripped)
            stack, current = [], None
        pcs = _PCS.match(stripped)
        rule_line = re.match(r"^-{2,}", stripped)
        if pcs or rule_line:
            # a structure indented below an argument of a relation tree goes on there
            while nested and nested[-1][0] >= indent:
                nested.pop()
        if pcs and last_argument is None and not stack and not nested and pcs.group(1) == "1":
            # a premise-conclusion structure without a title is an argument of its own
            anonymous += 1
            last_argument = Element("argument", f"Untitled {anonymous}", line=number)
            doc.elements[last_argument.key] = last_argument
        if pcs and nested and pcs.group(1) == "1" and not nested[-1][1].key.startswith("<Untitled"):
            # @argdown/cli reads a structure indented below an argument of a relation tree
            # as an untitled argument of its own, not as that argument's
            anonymous += 1
            own = Element("argument", f"Untitled {anonymous}", line=number)
            doc.elements[own.key] = own
            nested[-1] = (nested[-1][0], own)
        owner = nested[-1][1] if nested else last_argument
        if pcs and owner is not None:
            statement = element(pcs.group(2), number, allow_plain=True)
            if conclusion_for is owner:
                # an earlier conclusion of a chain of inferences is a premise of the next one
                owner.pcs = [
                    ("intermediate" if role == "conclusion" else role, k) for role, k in owner.pcs
                ]
                owner.pcs.append(("conclusion", statement.key))
                uses = rule_data.get("uses", rule_data.get("from"))
                if uses is None:
                    uses = statement.data.get("uses", statement.data.get("from"))
                owner.steps.append((" ".join(rule_text), _uses(uses, path, number), number))
                owner.inference = " ".join(rule_text)
            else:
                owner.premises.append(statement.text or statement.title)
                owner.pcs.append(("premise", statement.key))
                statement.is_premise = True
            conclusion_for = None
            stack, current = [(indent, statement.key)], statement
            continue
        if rule_line and owner is not None:
            rule, data = _split_data(stripped, path, number)
            if conclusion_for is not owner:  # a new inference, not the end of a block
                rule_text, rule_data = [], {}
            rule_text += rule.strip("- ").split()
            rule_data.update(data)
            conclusion_for = owner
            # a relation below the inference line is aimed at the inference: the argument
            inference_entry = (indent - 1, owner.key)
            inference_step = sum(role != "premise" for role, _ in owner.pcs)
            stack, current = [inference_entry], None
            continue
        if (
            conclusion_for is not None
            and conclusion_for is owner
            and not _RELATION.match(stripped)
            and not _ELEMENT.match(stripped)
        ):
            # the lines of an inference block (between two '--' lines): its rules and data
            rule, data = _split_data(stripped, path, number)
            rule_text += rule.split()
            rule_data.update(data)
            continue
        rel = _RELATION.match(stripped)
        if rel:
            dedent = False
            while stack and stack[-1][0] > indent:
                stack.pop()
                dedent = True
            if stack and (stack[-1][0] == indent or (dedent and len(stack) > 1)):
                # a sibling; @argdown/cli also reads a line that dedents to between two
                # levels as being on the level above it (its indentation is not a level)
                indent = stack.pop()[0]
            if not stack:
                raise ParseError(
                    f"relation {rel.group(1)!r} has no parent element above it",
                    file=path,
                    line=number,
                )
            child = element(rel.group(2), number, allow_plain=True)
            kind, child_is_source = SYMBOLS[rel.group(1)]
            parent = stack[-1][1]
            src, dst = (child.key, parent) if child_is_source else (parent, child.key)
            if stack[-1] is inference_entry:
                doc.below_inference[len(doc.relations)] = inference_step
            doc.relations.append((src, dst, kind, number))
            stack.append((indent, child.key))
            current = child
            if child.kind == "argument":
                while nested and nested[-1][0] >= indent:
                    nested.pop()
                nested.append((indent, child))
            continue
        if _ELEMENT.match(stripped) or (current is None and not stack):
            el = element(stripped, number, allow_plain=True)
            stack, current = [(indent, el.key)], el
            last_argument = el if el.kind == "argument" else last_argument
            conclusion_for, nested = None, []
            continue
        if current is not None:  # a text running over several lines
            rest, data = _split_data(stripped, path, number)
            body, tags = _text_and_tags(rest)
            if owns_text:
                texts.setdefault(current.key, []).append(body)
            current.tags += [t for t in tags if t not in current.tags]
            current.data.update(data)
    for key, more in texts.items():
        el = doc.elements[key]
        el.text = " ".join(" ".join([el.text, *more]).split())
    for el in doc.elements.values():
        if el.kind == "argument" and el.pcs and el.pcs[-1][0] == "conclusion":
            doc.relations.append((el.key, el.pcs[-1][1], "support", el.line))
    return doc
