"""Study material from any debate: essay plans, quizzes, flashcards, spaced repetition.

Everything here is deterministic and faithful: sentences are the debate's own
wording inside fixed templates, and every piece points at the node (and source
line) it was built from. The web app and the CLI are thin wrappers over these
functions.

The names below are loaded on first use (PEP 562): ``from quaestio.study import
read_debate`` must not import the essay planner, which pulls the reasoning
engine and scipy, into a command that only reads a file.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quaestio.study.cards import Card, make_cards
    from quaestio.study.export import apkg_bytes, csv_text, write_cards
    from quaestio.study.focus import Focus, find_focus
    from quaestio.study.plan import EssayPlan, Section, essay_plan
    from quaestio.study.quiz import Feedback, Question, make_quiz, mark, question_kinds
    from quaestio.study.render import render_plan
    from quaestio.study.schedule import CardState, due_cards, new_state, schedule, sync_states
    from quaestio.study.source import read_debate
    from quaestio.study.text import Point, Ref

_WHERE: dict[str, str] = {
    "Card": "quaestio.study.cards",
    "make_cards": "quaestio.study.cards",
    "apkg_bytes": "quaestio.study.export",
    "csv_text": "quaestio.study.export",
    "write_cards": "quaestio.study.export",
    "Focus": "quaestio.study.focus",
    "find_focus": "quaestio.study.focus",
    "EssayPlan": "quaestio.study.plan",
    "Section": "quaestio.study.plan",
    "essay_plan": "quaestio.study.plan",
    "Feedback": "quaestio.study.quiz",
    "Question": "quaestio.study.quiz",
    "make_quiz": "quaestio.study.quiz",
    "mark": "quaestio.study.quiz",
    "question_kinds": "quaestio.study.quiz",
    "render_plan": "quaestio.study.render",
    "CardState": "quaestio.study.schedule",
    "due_cards": "quaestio.study.schedule",
    "new_state": "quaestio.study.schedule",
    "schedule": "quaestio.study.schedule",
    "sync_states": "quaestio.study.schedule",
    "read_debate": "quaestio.study.source",
    "Point": "quaestio.study.text",
    "Ref": "quaestio.study.text",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


class _Package(ModuleType):
    """Keeps ``quaestio.study.schedule`` the function after its module is imported.

    Importing a submodule binds its name on the package; the function ``schedule``
    shares its module's name, and the eager imports this package used to make
    left the function there, so it still does.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, ModuleType) and hasattr(value, name):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "Card",
    "CardState",
    "EssayPlan",
    "Feedback",
    "Focus",
    "Point",
    "Question",
    "Ref",
    "Section",
    "apkg_bytes",
    "csv_text",
    "due_cards",
    "essay_plan",
    "find_focus",
    "make_cards",
    "make_quiz",
    "mark",
    "new_state",
    "question_kinds",
    "read_debate",
    "render_plan",
    "schedule",
    "sync_states",
    "write_cards",
]
