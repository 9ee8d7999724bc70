"""The FORMATS table as Markdown, the source of ``docs/formats.md``.

Generated, never hand-edited: ``quaestio formats --markdown > docs/formats.md``
rewrites the page and a test fails when the page and the table disagree.
"""

from __future__ import annotations

import inspect
import sys

from quaestio.formats.registry import Format, all_formats

HEADER = """# File formats

Generated from the format table in `src/quaestio/formats/registry.py` by
`quaestio formats --markdown > docs/formats.md`; do not edit by hand.

`quaestio export DEBATE --to NAME [-o OUT]` writes any format marked *write*
(or give only `-o OUT`: its ending picks the format); `import` and `convert` read
any format marked *read*, by its ending, or by its content where an ending is
shared (`.json` is quaestio JSON, AIF or Argdown's JSON export; `.txt` a handout
or a Kialo export) and say which reader they used and why. Names in brackets are
older names still accepted.
`quaestio formats` shows this table in the terminal. "Loses" is what a round
trip through the format drops (for write-only formats: what the file does not
show); the round-trip tests strip exactly these fields before comparing.

Not supported: PARC ACH's `.achz` archive, whose layout is not publicly
documented (the ACH matrix travels as `.ach.csv` instead).

The sections after "Measured on outside files" at the end are written by
`python -m benchmarks.formats_corpus --section NAME`, not by this generator.
"""
#: where the generated part of docs/formats.md ends and the measured sections begin
MEASURED = "## Measured on outside files"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def abilities(fmt: Format) -> str:
    return (
        " + ".join(x for x, ok in (("read", fmt.can_read), ("write", fmt.can_write)) if ok) or "—"
    )


def formats_markdown(formats: tuple[Format, ...] | None = None) -> str:
    rows = [
        HEADER,
        "| Name | Endings | Kind | Can | Description | Loses |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for fmt in formats if formats is not None else all_formats():
        rows.append(
            "| "
            + " | ".join(
                [
                    f"`{fmt.name}`"
                    + (
                        f" (also {', '.join(f'`{a}`' for a in fmt.aliases)})" if fmt.aliases else ""
                    ),
                    ", ".join(f"`{s}`" for s in fmt.suffixes),
                    fmt.kind,
                    abilities(fmt),
                    _cell(fmt.description),
                    _cell(fmt.loses),
                ]
            )
            + " |"
        )
    rows += ["", *tokens_markdown()]
    rows += ["", *limits_markdown()]
    rows += ["", "## How each format is laid out", ""]
    for fmt in formats if formats is not None else all_formats():
        doc = module_doc(fmt)
        if doc:
            rows += [f"### `{fmt.name}`", "", doc, ""]
    return "\n".join(rows).rstrip("\n") + "\n"


def tokens_markdown() -> list[str]:
    """The loss vocabulary: each format's "Loses" column is built from these tokens."""
    from quaestio.formats.losses import FIELDS, GRAPH

    out = [
        '## What "loses" can say',
        "",
        'Each format module declares the set of tokens it loses (`LOSES`); the "Loses"',
        "column above is made from their phrases, and the round-trip tests strip exactly",
        "those fields before comparing, so the column is what the tests check. Tokens are",
        "snake_case names of what goes: singular for what a debate has once (`title`,",
        "`question`, `conclusion`), plural for what every item has (`summaries`, `labels`,",
        "`weights`), prefixed with its owner where the bare word would be ambiguous",
        "(`position_historians` and `point_historians`, `consequence_categories`,",
        "`relation_notes`), and a plain word for a property of the whole file (`ids`, `order`,",
        "`whitespace`, `nesting`). Tokens marked",
        "*graph* are the parts of the argument graph a table-shaped format cannot hold.",
        "",
        "| Token | What is lost | |",
        "| --- | --- | --- |",
    ]
    out += [
        f"| `{token}` | {_cell(phrase)} | {'graph' if token in GRAPH else ''} |"
        for token, phrase in FIELDS.items()
    ]
    return out


def limits_markdown() -> list[str]:
    """The limits every reader keeps (from ``quaestio.limits``), so the page never drifts."""
    from quaestio import limits as lim

    mb = 1024 * 1024
    return [
        "## Limits",
        "",
        "Every reader checks these before doing the work and refuses a file past them with",
        "one error naming the file (and the line and field where there is one): exit code 2",
        "in the CLI, HTTP 422 from the web app. Anything else that goes wrong inside a reader",
        "(nesting past Python's recursion limit, a number past Python's digit limit, an XML",
        "or zip error) is turned into the same kind of error; none ends in a traceback.",
        "",
        "| Limit | Value | Formats |",
        "| --- | --- | --- |",
        f"| file size | {lim.MAX_FILE_BYTES // mb} MB | all |",
        f"| positions + evidence in one file | {lim.MAX_NODES:,} | json (checked before the "
        "schema); others through the text and size limits |",
        f"| characters of one node's text | {lim.MAX_TEXT_CHARS:,} | debate-md, text, docx, "
        "markdown, html |",
        f"| nesting | about {lim.MAX_NESTING} levels are always fine; past Python's recursion "
        "limit a clean error | json, aif, debate-md attributes, html |",
        f"| digits of one number | {lim.MAX_DIGITS:,} | all |",
        f"| arguments declared by `p af N` | {lim.MAX_ICCMA_ARGS:,}, and at most "
        f"{lim.MIN_ICCMA_ARGS:,} + the file's size in bytes; checked before parsing | iccma |",
        f"| cells in one table row | {lim.MAX_COLUMNS} | text |",
        f"| cells of one text table | {lim.MAX_NODES:,} | text, markdown |",
        f"| colspan / gridSpan of a cell | clamped to {lim.MAX_SPAN} | html, docx |",
        f"| zip members | {lim.MAX_ZIP_MEMBERS:,} | docx |",
        f"| uncompressed size of one zip member (from the directory, before inflating) | "
        f"{lim.MAX_ZIP_MEMBER_BYTES // mb} MB | docx |",
        f"| uncompressed size of the whole zip | {lim.MAX_ZIP_TOTAL_BYTES // mb} MB | docx |",
        f"| compression ratio of a member over 1 MB | {lim.MAX_ZIP_RATIO} to 1 | docx |",
        "| XML entities | never expanded (python-docx and lxml with `resolve_entities=False`, "
        "no network, no huge trees) | docx, html, graphml |",
        f"| time per file (fuzz suite) | {lim.READ_SECONDS:.0f} s of CPU | all |",
        f"| memory per reader process (fuzz suite, RLIMIT_AS) | "
        f"{lim.READ_MEMORY_BYTES // mb} MB | all |",
        "",
        "`tests/hostile/` holds the hostile corpus (billion laughs, nesting 100,000 deep, a",
        "zip bomb made small, malformed `.rels`, a colspan of a billion, `p af 100000000`,",
        "5,000-digit numbers, 20,000-paragraph .docx ...) and runs it with mutants through",
        "`quaestio check` under these limits; `python -m benchmarks.hostile` is the",
        "300-inputs-per-reader sweep (figures in docs/deployment.md).",
    ]


def module_doc(fmt: Format) -> str:
    """The docstring of the module that reads or writes ``fmt`` (its design notes)."""
    func = fmt.read or fmt.write
    module = sys.modules.get(getattr(func, "__module__", "") or "")
    return inspect.cleandoc(module.__doc__ or "") if module is not None else ""
