"""Study material over the API: essay plans, quizzes, flashcards and spaced repetition.

Thin on purpose: every answer is built by ``quaestio.study`` from the debate as
the store gives it to the asking user, and review states are kept with the
store's ``personal`` functions. The few helpers below (``quiz_for``,
``mark_answers``, ``review_deck``, ``rate_card``) are shared with the study
pages so that a page and the API can never disagree.

Two rules the helpers enforce:

- a quiz goes to the client without its answers, subjects or references (an
  evidence id such as ``p2.a1`` would give away the explanation and the stance);
  marking re-derives the questions from the seed on the server, and refuses
  with 409 when the debate changed since the quiz was dealt;
- review states are written only for the signed-in user, at the server's clock.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from quaestio.errors import ConflictError, NotFoundError, QuaestioError, ValidationError
from quaestio.formats import debate_json
from quaestio.model import Debate
from quaestio.reasoning import ALL_SEMANTICS
from quaestio.store import Actor, Database, personal
from quaestio.store import debates as store_debates
from quaestio.study import (
    Card,
    CardState,
    Question,
    apkg_bytes,
    csv_text,
    due_cards,
    essay_plan,
    make_cards,
    make_quiz,
    mark,
    new_state,
    question_kinds,
    render_plan,
    schedule,
    sync_states,
)
from quaestio.study.memo import ByDebate
from quaestio.study.quiz import Pools, chosen_kinds, every_draft
from quaestio.web.api.download import download
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import Page
from quaestio.web.deps import ActorDep, DbDep, DebateId, PageDep, UserDep
from quaestio.web.offload import offload
from quaestio.web.view_limits import check_view

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["study"])

SEMANTICS_PATTERN = f"^({'|'.join(ALL_SEMANTICS)})$"
PLAN_MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
MAX_QUESTIONS = 100
# Text that Word and PDF files can hold: no control characters (XML forbids them).
PRINTABLE = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\ufffe\\uffff]*$"
Rating = Literal["again", "hard", "good", "easy", 1, 2, 3, 4]


# -- helpers shared with the pages ----------------------------------------------------
def load(db: Database, actor: Actor, debate_id: int) -> tuple[Debate, dict[str, float]]:
    """The debate as ``actor`` may read it, and the actor's weights (own over the class default)."""
    with db.read() as session:
        _, debate, _ = store_debates.load(session, actor, debate_id)
        mine = personal.effective_weights(session, actor, debate_id)  # over the class default
    return debate, mine


_fingerprints: ByDebate[str] = ByDebate(8)


def fingerprint(debate: Debate) -> str:
    """Identifies the debate's content, so a quiz is marked against the debate it came from
    (kept per debate: writing a 2,000-point debate out takes a tenth of a second, and every
    quiz dealt and marked asks for it)."""
    found = _fingerprints.get(debate)
    if found is None:
        found = store_debates.content_hash(debate_json.dumps(debate).encode("utf-8"))[:16]
        _fingerprints.put(debate, None, found)
    return found


def check_kinds(kinds: list[str] | None) -> list[str] | None:
    unknown = [k for k in kinds or [] if k not in question_kinds()]
    if unknown:
        raise ValidationError(
            f"unknown question kind(s) {', '.join(unknown)}; known: {', '.join(question_kinds())}",
            field="kind",
        )
    return kinds or None


def public_question(q: Question) -> dict[str, Any]:
    """What a student may see before answering: no answer, subject or node references."""
    return q.to_dict(with_answer=False)


def quiz_for(
    debate: Debate,
    n: int,
    seed: int,
    kinds: list[str] | None,
    semantics: str,
    pools: Pools | None = None,
) -> list[Question]:
    return make_quiz(
        debate, n=n, seed=seed, kinds=check_kinds(kinds), semantics=semantics, drafts=pools
    )


def mark_answers(
    debate: Debate,
    n: int,
    seed: int,
    kinds: list[str] | None,
    semantics: str,
    answers: dict[str, int | str],
    expected_fingerprint: str | None,
    drafts: QuizDrafts | None = None,
) -> list[tuple[Question, dict[str, Any]]]:
    """Re-deal the quiz from its seed and mark the given answers: (question, feedback) pairs."""
    printed = fingerprint(debate) if drafts is None else drafts.fingerprint
    if expected_fingerprint is not None and expected_fingerprint != printed:
        raise ConflictError(
            "the debate changed since this quiz was dealt: start a new quiz", field="fingerprint"
        )
    pools = None if drafts is None else drafts.pools
    by_id = {q.id: q for q in quiz_for(debate, n, seed, kinds, semantics, pools)}
    unknown = [qid for qid in answers if qid not in by_id]
    if unknown:
        raise ValidationError(
            f"no question {unknown[0]!r} in this quiz", field=f"answers.{unknown[0]}"
        )
    return [(by_id[qid], mark(by_id[qid], answer).to_dict()) for qid, answer in answers.items()]


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ReviewDeck:
    """One user's flashcards for one debate with their FSRS states (new cards due now)."""

    cards: dict[str, Card]
    states: dict[str, CardState]
    due: list[str]
    now: datetime

    @property
    def next_due(self) -> datetime | None:
        later = [s.due for cid, s in self.states.items() if cid not in self.due]
        return min(later) if later else None

    def summary(self, card_id: str) -> dict[str, Any]:
        state = self.states[card_id]
        return {
            "card": self.cards[card_id].to_dict(),
            "state": state.state,
            "new": state.reviews == 0,
            "due": state.due,
            "reviews": state.reviews,
            "lapses": state.lapses,
        }


def _stored(row_state: dict[str, Any]) -> CardState | None:
    try:
        return CardState.from_json(row_state)
    except QuaestioError:  # written by another client in a shape this scheduler cannot read
        return None


def deck_of(debate: Debate) -> list[Card]:
    """The debate's flashcards, refused at once past the cards' size limit."""
    check_view(debate, "cards")
    return make_cards(debate)


def review_deck(db: Database, actor: Actor, debate_id: int, now: datetime) -> ReviewDeck:
    with db.read() as session:
        _, debate, _ = store_debates.load(session, actor, debate_id)
        rows = personal.reviews(session, actor, debate_id)
    cards = {c.id: c for c in deck_of(debate)}
    kept = {r.card_id: s for r in rows if (s := _stored(r.state)) is not None}
    states = sync_states(list(cards), kept, now)
    return ReviewDeck(cards, states, due_cards(states, now), now)


def rate_card(
    db: Database, actor: Actor, debate_id: int, card_id: str, rating: int | str, now: datetime
) -> tuple[CardState, int]:
    """Schedule one review with FSRS and store the new state as the actor's own."""
    with db.transaction() as session:
        _, debate, _ = store_debates.load(session, actor, debate_id)
        if card_id not in {c.id for c in deck_of(debate)}:
            raise NotFoundError(f"debate {debate_id} has no card {card_id!r}", field="card_id")
        row = next(
            (r for r in personal.reviews(session, actor, debate_id) if r.card_id == card_id), None
        )
        before = (_stored(row.state) if row is not None else None) or new_state(card_id, now)
        after = schedule(before, rating, now)
        saved = personal.set_review(
            session, actor, debate_id, card_id, after.to_json(), row.version if row else 0
        )
        session.flush()
        return after, saved.version


# -- schemas ---------------------------------------------------------------------------
class RefOut(BaseModel):
    node: str
    line: int | None


class QuestionOut(BaseModel):
    id: str
    kind: str
    prompt: str
    options: list[str]


class QuizOut(BaseModel):
    debate_id: int
    fingerprint: str = Field(description="send back when marking; changes when the debate does")
    n: int
    seed: int
    semantics: str
    kinds: list[str] | None
    questions: list[QuestionOut]


class MarkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    n: int = Field(20, ge=1, le=MAX_QUESTIONS)
    seed: int = Field(1, ge=0, le=2**31 - 1)
    kinds: list[str] | None = Field(None, max_length=20)
    semantics: str = Field("dfquad", pattern=SEMANTICS_PATTERN)
    fingerprint: str | None = Field(None, max_length=64)
    answers: dict[str, int | str] = Field(
        description="question id -> option index, letter, 1-based number or option text",
        max_length=MAX_QUESTIONS,
    )


class FeedbackOut(BaseModel):
    id: str
    correct: bool
    given: str | None
    expected: str
    explanation: str
    message: str
    refs: list[RefOut]


class MarkOut(BaseModel):
    debate_id: int
    score: int
    answered: int
    results: list[FeedbackOut]


class CardOut(BaseModel):
    id: str
    kind: str
    front: str
    back: str
    refs: list[RefOut]
    tags: list[str]


class DueCardOut(BaseModel):
    card: CardOut
    state: str
    new: bool
    due: datetime
    reviews: int
    lapses: int


class DueOut(BaseModel):
    debate_id: int
    now: datetime
    total_cards: int
    due_count: int
    next_due: datetime | None
    cards: list[DueCardOut]


class RateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    card_id: str = Field(min_length=1, max_length=200)
    rating: Rating


class RatedOut(BaseModel):
    card_id: str
    state: str
    due: datetime
    reviews: int
    lapses: int
    version: int
    due_count: int


SemanticsQ = Annotated[str, Query(pattern=SEMANTICS_PATTERN, description="reasoning semantics")]
KindsQ = Annotated[list[str] | None, Query(alias="kind", max_length=20, description="kinds")]


# -- routes ----------------------------------------------------------------------------
@router.get(
    "/plan",
    response_class=Response,
    responses={200: {"content": {"application/json": {}, **{m: {} for m in PLAN_MEDIA.values()}}}},
)
async def get_plan(
    request: Request,
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    question: Annotated[
        str | None, Query(max_length=500, pattern=PRINTABLE, description="the essay question")
    ] = None,
    semantics: Annotated[
        str,
        Query(
            pattern=f"^(balance|{'|'.join(ALL_SEMANTICS)})$",
            description="balance (plain words) or a method to compare",
        ),
    ] = "balance",
    weights: Annotated[str, Query(pattern="^(mine|default)$")] = "mine",
    consequences: bool = True,
    format: Annotated[str, Query(pattern="^(json|md|html|docx|pdf)$")] = "json",
) -> Response:
    """An essay plan citing its nodes: JSON, or a Markdown/HTML/Word/PDF download.

    Planned in a separate process with a time and memory budget (422 past it)."""
    debate, mine = await run_in_threadpool(load, db, actor, debate_id)
    made = await offload(
        request,
        "The essay plan",
        _plan,
        debate,
        question or None,
        semantics,
        mine if weights == "mine" else None,
        consequences,
        format,
    )
    if isinstance(made, dict):
        return JSONResponse({"debate_id": debate_id, "plan": made})
    return download(made, PLAN_MEDIA[format], f"plan-{debate_id}.{format}")


def _plan(
    debate: Debate,
    question: str | None,
    semantics: str,
    weights: dict[str, float] | None,
    consequences: bool,
    format: str,
) -> dict[str, Any] | bytes | str:
    """The plan as JSON data or rendered in ``format`` (in a child process)."""
    check_view(debate, "plan")
    plan = essay_plan(debate, question, semantics, weights=weights, consequences=consequences)
    return plan.to_dict() if format == "json" else render_plan(plan, format)


@dataclass(frozen=True)
class QuizDrafts:
    """Every draft of a debate's quiz for some kinds and semantics, and the debate's
    fingerprint: what dealing or marking a quiz needs besides the seed."""

    fingerprint: str
    pools: Pools


#: by the debate object (the store's, one per revision) and (kinds, semantics)
_quiz_drafts: ByDebate[QuizDrafts] = ByDebate(4)
_drafting_now: dict[tuple[int, tuple[str, ...], str], asyncio.Lock] = {}


def _drafting(debate: Debate, kinds: tuple[str, ...], semantics: str) -> QuizDrafts:
    """Draft the whole debate's questions (in a child process)."""
    check_view(debate, "quiz")
    return QuizDrafts(fingerprint(debate), every_draft(debate, kinds, semantics))


async def ready_quiz(
    request: Request, debate: Debate, kinds: list[str] | None, semantics: str
) -> QuizDrafts:
    """The quiz's drafts, made in a child process once per debate revision, kinds and
    semantics, and kept in this one.

    Drafting reads the whole debate (about half a second of CPU at 2,000 points);
    dealing from the drafts only shuffles and takes milliseconds. Quizzes used to be
    dealt and marked in child processes whose caches died with them, so every quiz was
    drafted twice (dealt, then marked), and a class of thirty queued behind its own
    drafting. Requests that come while the one child drafts wait for it.
    """
    chosen = chosen_kinds(check_kinds(kinds))
    found = _quiz_drafts.get(debate, (chosen, semantics))
    if found is not None:
        return found
    key = (id(debate), chosen, semantics)  # the debate is alive while the key is in use
    lock = _drafting_now.setdefault(key, asyncio.Lock())
    try:
        async with lock:
            found = _quiz_drafts.get(debate, (chosen, semantics))
            if found is None:
                found = await offload(request, "The quiz", _drafting, debate, chosen, semantics)
                _quiz_drafts.put(debate, (chosen, semantics), found)
                _fingerprints.put(debate, None, found.fingerprint)
            return found
    finally:
        if _drafting_now.get(key) is lock and not lock.locked():
            del _drafting_now[key]


def dealt(
    debate: Debate,
    n: int,
    seed: int,
    kinds: list[str] | None,
    semantics: str,
    drafts: QuizDrafts,
) -> tuple[str, list[dict[str, Any]]]:
    """The debate's fingerprint and the quiz without its answers, dealt from ``drafts``
    (cheap: run it in a thread)."""
    check_view(debate, "quiz")
    questions = quiz_for(debate, n, seed, kinds, semantics, drafts.pools)
    return drafts.fingerprint, [public_question(q) for q in questions]


def marked(
    debate: Debate,
    n: int,
    seed: int,
    kinds: list[str] | None,
    semantics: str,
    answers: dict[str, int | str],
    expected_fingerprint: str | None,
    drafts: QuizDrafts,
) -> list[tuple[Question, dict[str, Any]]]:
    """``mark_answers`` behind the quiz's size limit, from ``drafts`` (in a thread)."""
    check_view(debate, "quiz")
    return mark_answers(debate, n, seed, kinds, semantics, answers, expected_fingerprint, drafts)


@router.get("/quiz", response_model=QuizOut)
async def get_quiz(
    request: Request,
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    n: Annotated[int, Query(ge=1, le=MAX_QUESTIONS)] = 20,
    seed: Annotated[int, Query(ge=0, le=2**31 - 1)] = 1,
    kinds: KindsQ = None,
    semantics: SemanticsQ = "dfquad",
) -> QuizOut:
    """A reproducible quiz (same seed, same questions) without its answers.

    The debate's questions are drafted in a separate process with a time and memory
    budget (422 past it), once per revision; dealing from them is quick."""
    debate, _ = await run_in_threadpool(load, db, actor, debate_id)
    drafts = await ready_quiz(request, debate, kinds, semantics)
    printed, questions = await run_in_threadpool(dealt, debate, n, seed, kinds, semantics, drafts)
    return QuizOut(
        debate_id=debate_id,
        fingerprint=printed,
        n=n,
        seed=seed,
        semantics=semantics,
        kinds=kinds,
        questions=[QuestionOut.model_validate(q) for q in questions],
    )


@router.post("/quiz/mark", response_model=MarkOut)
async def post_marks(
    request: Request, debate_id: DebateId, body: MarkIn, actor: ActorDep, db: DbDep
) -> MarkOut:
    """Mark answers; the questions are re-derived from the seed, never taken from the client."""
    debate, _ = await run_in_threadpool(load, db, actor, debate_id)
    drafts = await ready_quiz(request, debate, body.kinds, body.semantics)
    done = await run_in_threadpool(
        marked,
        debate,
        body.n,
        body.seed,
        body.kinds,
        body.semantics,
        body.answers,
        body.fingerprint,
        drafts,
    )
    results = [FeedbackOut.model_validate({"id": q.id, **fb}) for q, fb in done]
    score = sum(r.correct for r in results)
    if actor.user_id is not None and results:  # kept for the student's class (progress)
        await run_in_threadpool(_record, db, actor, debate_id, score, len(results))
    return MarkOut(
        debate_id=debate_id,
        score=score,
        answered=len(results),
        results=results,
    )


def _record(db: Database, actor: Actor, debate_id: int, score: int, answered: int) -> None:
    from quaestio.store.progress import record_quiz

    with db.transaction() as session:
        record_quiz(session, actor, debate_id, score, answered)


def _cards(debate: Debate) -> list[dict[str, Any]]:
    return [c.to_dict() for c in deck_of(debate)]


def _apkg(debate: Debate) -> bytes:
    return apkg_bytes(debate, deck_of(debate))


def _csv(debate: Debate) -> str:
    return csv_text(deck_of(debate))


@router.get("/cards", response_model=Page[CardOut])
async def get_cards(
    request: Request, debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[CardOut]:
    """The debate's flashcards, in reading order."""
    debate, _ = await run_in_threadpool(load, db, actor, debate_id)
    cards = await offload(request, "The flashcards", _cards, debate)
    return paged(cards, page, CardOut.model_validate)


@router.get(
    "/cards.apkg",
    response_class=Response,
    responses={200: {"content": {"application/apkg": {}}}},
)
async def get_apkg(request: Request, debate_id: DebateId, actor: ActorDep, db: DbDep) -> Response:
    """The flashcards as an Anki package (re-importing updates the same notes)."""
    debate, _ = await run_in_threadpool(load, db, actor, debate_id)
    data = await offload(request, "The Anki deck", _apkg, debate)
    return download(data, "application/apkg", f"cards-{debate_id}.apkg")


@router.get("/cards.csv", response_class=Response, responses={200: {"content": {"text/csv": {}}}})
async def get_csv(request: Request, debate_id: DebateId, actor: ActorDep, db: DbDep) -> Response:
    """The flashcards as CSV: id, kind, front, back, source, tags."""
    debate, _ = await run_in_threadpool(load, db, actor, debate_id)
    text = await offload(request, "The flashcards", _csv, debate)
    return download(text, "text/csv; charset=utf-8", f"cards-{debate_id}.csv")


@router.get("/review/due", response_model=DueOut)
def get_due(
    debate_id: DebateId,
    actor: UserDep,
    db: DbDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    at: Annotated[datetime | None, Query(description="another moment (default: now)")] = None,
) -> DueOut:
    """Your cards due for review, most overdue first; cards never reviewed are due now."""
    moment = now_utc() if at is None else (at if at.tzinfo else at.replace(tzinfo=UTC))
    if not 1970 < moment.year < 9000:
        raise ValidationError("a review time must lie between 1971 and 8999", field="at")
    deck = review_deck(db, actor, debate_id, moment)
    return DueOut(
        debate_id=debate_id,
        now=moment,
        total_cards=len(deck.cards),
        due_count=len(deck.due),
        next_due=deck.next_due,
        cards=[DueCardOut.model_validate(deck.summary(cid)) for cid in deck.due[:limit]],
    )


@router.post("/review", response_model=RatedOut)
def post_review(debate_id: DebateId, body: RateIn, actor: UserDep, db: DbDep) -> RatedOut:
    """Rate one card (again/hard/good/easy): FSRS schedules it and your state is stored."""
    now = now_utc()
    state, version = rate_card(db, actor, debate_id, body.card_id, body.rating, now)
    deck = review_deck(db, actor, debate_id, now)
    return RatedOut(
        card_id=state.card_id,
        state=state.state,
        due=state.due,
        reviews=state.reviews,
        lapses=state.lapses,
        version=version,
        due_count=len(deck.due),
    )
