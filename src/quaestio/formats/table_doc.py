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

`quaestio export DEBATE --to NAME [-o OUT]` writes any format marked *write*;
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
                    f"`{fmt.name}`",
                    ", ".join(f"`{s}`" for s in fmt.suffixes),
                    fmt.kind,
                    abilities(fmt),
                    _cell(fmt.description),
                    _cell(fmt.loses),
                ]
            )
            + " |"
        )
    rows += ["", "## How each format is laid out", ""]
    for fmt in formats if formats is not None else all_formats():
        doc = module_doc(fmt)
        if doc:
            rows += [f"### `{fmt.name}`", "", doc, ""]
    return "\n".join(rows).rstrip("\n") + "\n"


def module_doc(fmt: Format) -> str:
    """The docstring of the module that reads or writes ``fmt`` (its design notes)."""
    func = fmt.read or fmt.write
    module = sys.modules.get(getattr(func, "__module__", "") or "")
    return inspect.cleandoc(module.__doc__ or "") if module is not None else ""
