"""YAML front matter ("---" ... "---" at the top of a Markdown note) read as metadata.

Static-site and note-taking tools (Jekyll, Hugo, Obsidian) open a page with a
block of ``key: value`` lines. It is not part of the debate, but its ``title``
(and a ``question``, when there is one) is, so it is read as metadata and the
lines are blanked (keeping every later line number) rather than handed to the
Markdown parser, which would take them for a heading.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], int, str]:
    """(metadata, number of the closing line or 0, text with the block blanked)."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0].strip()):
        return {}, 0, text
    for end in range(1, min(len(lines), 200)):
        if _FENCE.match(lines[end].strip()):
            break
    else:
        return {}, 0, text
    body = lines[1:end]
    if body and not any(_KEY.match(line) for line in body if line.strip()):
        return {}, 0, text
    meta: dict[str, str] = {}
    for line in body:
        if m := _KEY.match(line):
            value = m.group("value").strip().strip("'\"")
            if value and value not in (">-", "|", ">"):
                meta.setdefault(m.group("key").lower(), value)
    blank = [""] * (end + 1)
    return meta, end + 1, "\n".join(blank + lines[end + 1 :])
