"""Argdown's shortcodes: ``:name:`` or ``.name.`` in a text stands for one character.

The table is @argdown/cli's own (packages/argdown-core/src/plugins/shortcodes.ts in
github.com/argdown/argdown at 01117f67a4, MIT), so that a text reads as the reference
implementation shows it: ``.~.p`` is ``¬p``, ``:happy:`` an emoji.
"""

from __future__ import annotations

import re

SHORTCODES: dict[str, str] = {
    ".A.": "∀",
    ":A:": "∀",
    ".E.": "∃",
    ":E:": "∃",
    ".O.": "𝗢",
    ":O:": "𝗢",
    ".P.": "𝗣",
    ":P:": "𝗣",
    ".->.": "→",
    ":->:": "→",
    ".<->.": "↔",
    ":<->:": "↔",
    ".~.": "¬",
    ":~:": "¬",
    ".^.": "∧",
    ":^:": "∧",
    ".v.": "∨",
    ":v:": "∨",
    ".v_.": "⊻",
    ":v_:": "⊻",
    ".<>.": "◇",
    ":<>:": "◇",
    ".[].": "◻",
    ":[]:": "◻",
    ":happy:": "😀",
    ".happy.": "😀",
    ":smile:": "☺️",
    ".smile.": "☺",
    ":smiley:": "☺",
    ".smiley.": "☺",
    ":laugh:": "😆",
    ".laugh.": "😆",
    ":lol:": "😆",
    ".lol.": "😆",
    ":rofl:": "🤣",
    ".rofl.": "🤣",
    ":joy:": "😂",
    ".joy.": "😂",
    ":heart:": "❤",
    ".heart.": "❤",
    ".?.": "❓",
    ":?:": "❓",
    ".question.": "❓",
    ":question:": "❓",
    ":love:": "😍",
    ".love.": "😍",
    ":wink:": "😉",
    ".wink.": "😉",
    ":shush:": "🤫",
    ".shush.": "🤫",
    ":meh:": "😐",
    ".meh.": "😐",
    ":eye-roll:": "🙄",
    ".eye-roll.": "🙄",
    ":sad:": "😢",
    ".sad.": "😢",
    ":disappointed:": "😞",
    ".disappointed.": "😞",
    ":scream:": "😱",
    ".scream.": "😱",
    ":+1:": "👍",
    ".+1.": "👍",
    ":up:": "👍",
    ".up.": "👍",
    ":-1:": "👎",
    ".-1.": "👎",
    ":down:": "👎",
    ".down.": "👎",
    ":think:": "🤔",
    ".think.": "🤔",
    ".star.": "⭐",
    ":star:": "⭐",
    ".y.": "✔",
    ":y:": "✔",
    ".agree.": "✔",
    ":agree:": "✔",
    ".n.": "❌",
    ":n:": "❌",
    ".disagree.": "❌",
    ":disagree:": "❌",
}
#: what the reference lexer takes for a shortcode: the shortest ``.x.`` or ``:x:``
_CODE = re.compile(r"(?<!\\)([.:])([^\s]+?)\1")


def expand(text: str) -> str:
    """``text`` with every known shortcode replaced by its character (unknown ones stay)."""
    if "." not in text and ":" not in text:
        return text
    return _CODE.sub(lambda m: SHORTCODES.get(m.group(0), m.group(0)), text)
