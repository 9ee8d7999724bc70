"""Study material from any debate: essay plans, quizzes, flashcards, spaced repetition.

Everything here is deterministic and faithful: sentences are the debate's own
wording inside fixed templates, and every piece points at the node (and source
line) it was built from. The web app and the CLI are thin wrappers over these
functions.
"""

from quaestio.study.cards import Card, make_cards
from quaestio.study.export import apkg_bytes, csv_text, write_cards
from quaestio.study.focus import Focus, find_focus
from quaestio.study.plan import EssayPlan, Section, essay_plan
from quaestio.study.quiz import Feedback, Question, make_quiz, mark, question_kinds
from quaestio.study.render import render_plan
from quaestio.study.schedule import CardState, due_cards, new_state, schedule, sync_states
from quaestio.study.source import read_debate
from quaestio.study.text import Point, Ref

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
