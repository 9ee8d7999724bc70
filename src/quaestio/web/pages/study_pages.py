"""The study pages of one debate: a printable essay plan, a quiz, a flashcard review.

Each handler loads the debate as the visitor may see it and calls the same
helpers as the study API (``quaestio.web.api.study``), so the page and the API
deal the same quiz for a seed and store the same review states. Quiz answers are
marked in place (htmx swaps one question for its marked version); the review
page swaps in the next due card after each rating.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from quaestio.errors import QuaestioError, ValidationError
from quaestio.model import Debate
from quaestio.reasoning import ALL_SEMANTICS
from quaestio.reasoning.evaluation import SEMANTICS_TITLES
from quaestio.study import Question, essay_plan, question_kinds, schedule
from quaestio.study.plan import EssayPlan
from quaestio.study.schedule import RATINGS
from quaestio.web.api.study import (
    ReviewDeck,
    dealt,
    marked,
    now_utc,
    public_question,
    rate_card,
    ready_quiz,
    review_deck,
)
from quaestio.web.offload import offload
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import Opened, error_fragment, error_page, open_debate
from quaestio.web.pages.views import VIEWS
from quaestio.web.view_limits import check_view

router = APIRouter()

QUIZ_SIZES = (5, 10, 20, 40)
KIND_TITLES = {
    "historian_position": "Historian → explanation",
    "position_historian": "Explanation → historian",
    "evidence_position": "Evidence → explanation",
    "evidence_stance": "Supports or counts against",
    "rebuttal": "Rebuttals",
    "year_event": "Years",
    "figure_cloze": "Figures",
    "consequence_polarity": "Consequences",
    "earliest_event": "Which came first",
    "supports_position": "Which point supports",
    "historian_disagrees": "Who would disagree",
    "historian_school": "Schools of historians",
    "event_order": "Put events in order",
    "consequence_supports": "Consequences as evidence",
    "discount_top": "What if evidence is discounted",
}


def _page(request: Request, template: str, opened: Opened, current: str, **extra: Any) -> Response:
    return render(
        request,
        template,
        d=opened,
        debate=opened.debate,
        views=VIEWS,
        current_view=current,
        share=opened_share(request),
        **extra,
    )


def opened_share(request: Request) -> str:
    """``share=...`` to carry a share link's token on the study pages' own links."""
    token = visitor(request).actor.share_token
    return f"share={token}" if token else ""


def _int(value: str | None, default: int, low: int, high: int, field: str) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise ValidationError(
            f"{field} must be a whole number, not {value!r}", field=field
        ) from exc
    if not low <= number <= high:
        raise ValidationError(f"{field} must be between {low} and {high}", field=field)
    return number


PLAN_TITLES = {"balance": "the balance of evidence", **SEMANTICS_TITLES}


def _semantics(value: str | None, default: str = "dfquad") -> str:
    chosen = value or default
    if chosen not in ALL_SEMANTICS and not (default == "balance" and chosen == "balance"):
        raise ValidationError(f"unknown semantics {chosen!r}", field="semantics")
    return chosen


# -- essay plan ------------------------------------------------------------------------
def _planned(
    debate: Debate, question: str | None, semantics: str, weights: dict[str, float] | None
) -> EssayPlan:
    """The page's plan (in a child process: offloaded like every heavy piece of work)."""
    check_view(debate, "plan")
    return essay_plan(debate, question, semantics, weights=weights)


@router.get("/d/{debate_id}/plan", response_class=HTMLResponse, include_in_schema=False)
async def plan_page(request: Request, debate_id: int) -> Response:
    params = request.query_params
    try:
        opened = await run_in_threadpool(open_debate, request, debate_id)
        semantics = _semantics(params.get("semantics"), "balance")
        question = (params.get("question") or "").strip()[:500] or None
        use_mine = params.get("weights", "mine") == "mine"
        weights = opened.saved_weights if use_mine else None
        plan = await offload(
            request, "The essay plan", _planned, opened.debate, question, semantics, weights
        )
    except QuaestioError as exc:
        return error_page(request, exc)
    query = {"semantics": semantics, "weights": "mine" if use_mine else "default"}
    if question:
        query["question"] = question
    return _page(
        request,
        "study_plan.html",
        opened,
        "plan",
        plan=plan,
        question=question or "",
        semantics=semantics,
        semantics_titles=PLAN_TITLES,
        use_mine=use_mine,
        download_query=query,
    )


# -- quiz ------------------------------------------------------------------------------
def _quiz_params(params: Any) -> tuple[int, int, list[str] | None, str]:
    n = _int(params.get("n"), 10, 1, 100, "n")
    seed = _int(params.get("seed"), 1, 0, 2**31 - 1, "seed")
    kinds = [k for k in params.getlist("kind") if k] or None
    return n, seed, kinds, _semantics(params.get("semantics"))


@router.get("/d/{debate_id}/quiz", response_class=HTMLResponse, include_in_schema=False)
async def quiz_page(request: Request, debate_id: int) -> Response:
    try:
        opened = await run_in_threadpool(open_debate, request, debate_id)
        n, seed, kinds, semantics = _quiz_params(request.query_params)
        drafts = await ready_quiz(request, opened.debate, kinds, semantics)
        printed, questions = await run_in_threadpool(
            dealt, opened.debate, n, seed, kinds, semantics, drafts
        )
    except QuaestioError as exc:
        return error_page(request, exc)
    return _page(
        request,
        "study_quiz.html",
        opened,
        "quiz",
        questions=questions,
        n=n,
        seed=seed,
        kinds=kinds or [],
        semantics=semantics,
        fingerprint=printed,
        sizes=QUIZ_SIZES,
        kind_titles={k: KIND_TITLES.get(k, k) for k in question_kinds()},
    )


@router.post("/d/{debate_id}/quiz/mark", response_class=HTMLResponse, include_in_schema=False)
async def quiz_mark(request: Request, debate_id: int) -> Response:
    form = await request.form()
    try:
        me = visitor(request)
        opened = await run_in_threadpool(open_debate, request, debate_id)
        n, seed, kinds, semantics = _quiz_params(form)
        qid = str(form.get("qid") or "")
        answer = str(form.get("answer") or "")
        if not answer:
            raise ValidationError("choose an answer first", field="answer")
        drafts = await ready_quiz(request, opened.debate, kinds, semantics)
        ((question, feedback),) = await run_in_threadpool(
            marked,
            opened.debate,
            n,
            seed,
            kinds,
            semantics,
            {qid: int(answer) if answer.isdigit() else answer},
            str(form.get("fingerprint") or "") or None,
            drafts,
        )
        if opened.can_write_own and me.signed_in:  # kept for the student's class (progress)
            from quaestio.store.progress import record_answer

            with db(request).transaction() as session:
                attempt = f"web:{seed}:{n}:{','.join(kinds or [])}:{semantics}"
                record_answer(session, me.actor, debate_id, attempt, qid, bool(feedback["correct"]))
    except QuaestioError as exc:
        return error_fragment(request, exc)
    return render(
        request,
        "study_question.html",
        d=opened,
        q=public_question(question),
        number=int(qid[1:]) if qid[1:].isdigit() else 0,
        marked=_marked(question, feedback),
        n=n,
        seed=seed,
        kinds=kinds or [],
        semantics=semantics,
        fingerprint=drafts.fingerprint,
        share=opened_share(request),
    )


def _marked(question: Question, feedback: dict[str, Any]) -> dict[str, Any]:
    """The feedback plus which option was chosen and which is right, for the template."""
    given = feedback["given"]
    return {
        **feedback,
        "right_index": question.answer,
        "given_index": question.options.index(given) if given in question.options else None,
    }


# -- review ----------------------------------------------------------------------------
def interval(delta: timedelta) -> str:
    """'10 min', '3 h', '4 days': how long until a card comes back."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = round(minutes / 60)
    if hours < 24:
        return f"{hours} h"
    days = round(hours / 24)
    return f"{days} day{'s' if days != 1 else ''}"


def _review_context(deck: ReviewDeck) -> dict[str, Any]:
    current = deck.due[0] if deck.due else None
    previews: list[tuple[str, int, str]] = []
    if current is not None:
        state = deck.states[current]
        for name, value in RATINGS.items():
            after = schedule(state, value, deck.now)
            previews.append((name, value, interval(after.due - deck.now)))
    return {
        "deck": deck,
        "card": deck.cards[current] if current else None,
        "state": deck.states[current] if current else None,
        "previews": previews,
        "next_due": deck.next_due,
    }


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else ""


@router.get("/d/{debate_id}/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, debate_id: int) -> Response:
    try:
        opened = open_debate(request, debate_id)
        me = visitor(request)
        context = (
            _review_context(review_deck(db(request), me.actor, debate_id, now_utc()))
            if me.signed_in
            else {}
        )
    except QuaestioError as exc:
        return error_page(request, exc)
    return _page(request, "study_review.html", opened, "review", when=_when, **context)


@router.post("/d/{debate_id}/review", response_class=HTMLResponse, include_in_schema=False)
async def review_rate(request: Request, debate_id: int) -> Response:
    form = await request.form()
    try:
        me = visitor(request)
        if not me.signed_in:
            raise ValidationError("sign in to keep your review history", field="rating")
        opened = open_debate(request, debate_id)
        card_id = str(form.get("card_id") or "")
        rating = str(form.get("rating") or "")
        now = now_utc()
        state, _ = rate_card(db(request), me.actor, debate_id, card_id, rating, now)
        deck = review_deck(db(request), me.actor, debate_id, now)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    done = f"{rating.capitalize()}: back in {interval(state.due - now)}."
    return render(
        request,
        "study_review_card.html",
        d=opened,
        share=opened_share(request),
        when=_when,
        done=done,
        **_review_context(deck),
    )
