"""The plain-text debate format (``*.debate.md``): Markdown a teacher can write and diff.

Layout::

    # Title
    Question: Why did it happen?

    ## A position {#p1 weight=0.6}
    Historians: Smith, Jones
    A summary paragraph.

    ### For
    - {#p1.f1} **Label:** a supporting point, 1934
    ### Against
    - {#p1.a1 rebuts=p1.f1} a counter-point aimed at that one point
    - {#p1.a2 ach=p1:II,p2:C credibility=0.9} the analyst's own ACH ratings

    ## Conclusion
    ## Consequences
    ### Positive / ### Negative
    ## Warnings

Attributes in ``{...}`` are optional when writing by hand: ids are assigned,
``rebuts`` may name a label instead of an id, years and figures are found in the
text. The writer omits whatever the reader would derive anyway, so a file
written by quaestio reads back to exactly the same debate.
"""

# This docstring is the format's page in docs/formats.md. The parts: ``attrs``
# (the ``{...}`` syntax), ``outline`` (the line-by-line pass), ``read`` and ``write``.

from __future__ import annotations

from quaestio.formats.debate_md.read import loads
from quaestio.formats.debate_md.write import canonical_order, dumps
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded, decode_utf8
from quaestio.model import Debate

__all__ = ["FORMAT", "LOSES", "canonical_order", "dumps", "loads"]

#: see ``formats.losses``: everything else is kept exactly.
LOSES = frozenset({"order"})


def _read(data: bytes, path: str | None) -> Loaded:
    return loads(decode_utf8(data, path), path=path)


def _write(debate: Debate) -> bytes:
    return dumps(debate).encode("utf-8")


FORMAT = Format(
    name="debate-md",
    suffixes=(".debate.md",),
    description="quaestio plain-text debate (Markdown with {#id ...} attributes), for writing by hand and diffing",
    media_type="text/markdown",
    read=_read,
    write=_write,
    loses=describe(LOSES),
)
