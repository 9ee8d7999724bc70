"""Study material from any debate: essay plans, quizzes, flashcards, spaced repetition.

Everything here is deterministic and faithful: sentences are the debate's own
wording inside fixed templates, and every piece points at the node (and source
line) it was built from. The web app and the CLI are thin wrappers over these
functions.
"""

from quaestio.study.cards import Card, make_cards
from quaestio.study.export import apkg_bytes, csv_text, write_cards
from quaestio.study.quiz import Feedback, Question, make_quiz, mark, question_kinds
from quaestio.study.schedule import CardState, due_cards, new_state, schedule, sync_states
from quaestio.study.text import Ref

__all__ = [
    "Card",
    "CardState",
    "Feedback",
    "Question",
    "Ref",
    "apkg_bytes",
    "csv_text",
    "due_cards",
    "make_cards",
    "make_quiz",
    "mark",
    "new_state",
    "question_kinds",
    "schedule",
    "sync_states",
    "write_cards",
]
