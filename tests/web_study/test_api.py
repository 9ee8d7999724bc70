"""The study API on SQLite and PostgreSQL: permissions, plans, quizzes, cards, reviews.

Expected answers are derived from the debate the API itself returns (read back
with ``debate_json``) through the study library, never hard-coded.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from tests.web_api.conftest import app, browser, school  # the API suite's fixtures
from tests.web_study.sample import XSS, flu_debate
from web_api_helpers import upload

from conftest_pg import database_url
from paths import SEED
from quaestio.formats import debate_json
from quaestio.model import Debate
from quaestio.study import make_cards, make_quiz

__all__ = ["app", "browser", "database_url", "school"]

READ = ("plan", "quiz", "cards", "cards.apkg", "cards.csv")


def debate_of(client: Any, debate_id: int) -> Debate:
    r = client.get(f"/api/debates/{debate_id}")
    assert r.status_code == 200, r.text
    return debate_json.from_dict(r.json()["debate"])


def _as(school: dict[str, Any], role: str) -> tuple[Any, dict[str, str]]:
    if role.startswith("share"):
        token = school["owner"].post(f"/api/debates/{school['debate']}/shares").json()["token"]
        who = "anonymous" if role == "share" else "outsider"
        return school[who], {"X-Share-Token": token}
    return school[role], {}


# role: (reading study material, listing due cards, rating a card)
EXPECTED = {
    "owner": (200, 200, 200),
    "coteacher": (200, 200, 200),
    "student": (200, 200, 200),
    "share": (200, 401, 401),
    "share_signed_in": (200, 200, 403),
    "other_student": (404, 404, 404),
    "outsider": (404, 404, 404),
    "anonymous": (404, 401, 401),
}


def test_permissions_match_the_rest_of_the_api(school: dict[str, Any]) -> None:
    debate_id = school["debate"]
    card = make_cards(debate_of(school["owner"], debate_id))[0].id
    for role, (read, due, rate) in EXPECTED.items():
        client, headers = _as(school, role)
        for path in READ:
            r = client.get(f"/api/debates/{debate_id}/{path}", headers=headers)
            assert r.status_code == read, (role, path, r.text)
        r = client.get(f"/api/debates/{debate_id}/review/due", headers=headers)
        assert r.status_code == due, (role, r.text)
        r = client.post(
            f"/api/debates/{debate_id}/review",
            json={"card_id": card, "rating": "good"},
            headers=headers,
        )
        assert r.status_code == rate, (role, r.text)
        assert "error" in r.json() or r.json()["card_id"] == card


def test_plan_json_cites_only_real_nodes_and_follows_my_weights(school: dict[str, Any]) -> None:
    student, debate_id = school["student"], school["debate"]
    debate = debate_of(student, debate_id)
    plan = student.get(f"/api/debates/{debate_id}/plan").json()["plan"]
    assert [s["position"] for s in plan["sections"]] != []
    assert {s["position"] for s in plan["sections"]} == {p.id for p in debate.positions}
    known = {p.id for p in debate.positions} | {e.id for _, e in debate.iter_evidence()}
    known |= {c.id for c in debate.consequences}
    points = plan["introduction"] + plan["conclusion"] + plan["consequences"]
    points += [p for s in plan["sections"] for p in s["points"]]
    assert points and all(r["node"] in known for p in points for r in p["refs"])
    # the student's own weights move the plan: apply the engine's flip point as a weight
    evaluation = student.get(f"/api/debates/{debate_id}/evaluation?semantics=dfquad").json()
    flip = evaluation["evaluation"]["flip"]
    assert flip is not None
    r = student.put(
        f"/api/debates/{debate_id}/weights/{flip['evidence']}",
        json={"value": flip["new_weight"], "version": 0},
    )
    assert r.status_code == 200, r.text
    mine = student.get(f"/api/debates/{debate_id}/plan").json()["plan"]
    default = student.get(f"/api/debates/{debate_id}/plan?weights=default").json()["plan"]
    assert mine["sections"][0]["position"] == flip["new_top"]
    assert default["sections"][0]["position"] == plan["sections"][0]["position"]
    # the owner's plan is untouched by the student's weights
    owner_plan = school["owner"].get(f"/api/debates/{debate_id}/plan").json()["plan"]
    assert owner_plan["sections"][0]["position"] == plan["sections"][0]["position"]


def test_plan_question_and_downloads(school: dict[str, Any], database_url: str) -> None:
    owner, debate_id = school["owner"], school["debate"]
    debate = debate_of(owner, debate_id)
    subject = debate.positions[0].title
    question = f"How far do you agree that {subject} <b>mattered</b> most?"
    base = f"/api/debates/{debate_id}/plan"
    md = owner.get(base, params={"question": question, "format": "md"})
    assert md.status_code == 200
    assert md.headers["content-type"].startswith("text/markdown")
    assert f'filename="plan-{debate_id}.md"' in md.headers["content-disposition"]
    assert md.text.startswith(f"# {question}")
    html = owner.get(base, params={"question": question, "format": "html"})
    assert "&lt;b&gt;mattered&lt;/b&gt;" in html.text and "<b>mattered" not in html.text
    assert "@media print" in html.text
    docx = owner.get(base, params={"format": "docx"})
    with zipfile.ZipFile(io.BytesIO(docx.content)) as z:
        assert debate.positions[-1].title in z.read("word/document.xml").decode()
    if database_url.startswith("sqlite"):  # PDF layout is slow; once is enough
        pdf = owner.get(base, params={"format": "pdf"})
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
    assert owner.get(base, params={"format": "odt"}).status_code == 422
    control = owner.get(base, params={"question": "Why\x00?", "format": "docx"})
    assert control.status_code == 422 and control.json()["error"]["field"] == "question"
    assert owner.get(base, params={"semantics": "nonsense"}).status_code == 422


def test_quiz_hides_answers_and_marks_on_the_server(school: dict[str, Any]) -> None:
    student, debate_id = school["student"], school["debate"]
    debate = debate_of(student, debate_id)
    url = f"/api/debates/{debate_id}/quiz"
    quiz = student.get(url, params={"n": 8, "seed": 5}).json()
    assert quiz["n"] == 8 and len(quiz["questions"]) == 8
    for q in quiz["questions"]:
        assert set(q) == {"id", "kind", "prompt", "options"}  # no answer, subject or refs
    assert student.get(url, params={"n": 8, "seed": 5}).json() == quiz
    assert student.get(url, params={"n": 8, "seed": 6}).json()["questions"] != quiz["questions"]
    local = make_quiz(debate, n=8, seed=5)
    assert [q.prompt for q in local] == [q["prompt"] for q in quiz["questions"]]
    # answer half right (by index, letter, text), half wrong
    answers: dict[str, Any] = {}
    for i, q in enumerate(local):
        if i % 2 == 0:
            answers[q.id] = [q.answer, "ABCD"[q.answer], q.correct][i % 3]
        else:
            answers[q.id] = (q.answer + 1) % len(q.options)
    body = {"n": 8, "seed": 5, "fingerprint": quiz["fingerprint"], "answers": answers}
    marked = student.post(f"{url}/mark", json=body).json()
    assert marked["answered"] == 8 and marked["score"] == 4
    nodes = {p.id for p in debate.positions} | {e.id for _, e in debate.iter_evidence()}
    nodes |= {c.id for c in debate.consequences}
    for q, result in zip(local, marked["results"], strict=True):
        assert result["id"] == q.id
        assert result["correct"] == (answers[q.id] != (q.answer + 1) % len(q.options))
        assert result["expected"] == q.correct
        assert result["refs"] and all(r["node"] in nodes for r in result["refs"])
        assert result["refs"][0]["node"] in result["message"]
    # a client cannot send its own questions or answers keys, nor mark unknown questions
    bad = student.post(f"{url}/mark", json={**body, "questions": [{"answer": 0}]})
    assert bad.status_code == 422
    unknown = student.post(f"{url}/mark", json={**body, "answers": {"q99": 0}})
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "answers.q99"
    kinds = student.get(url, params={"kind": ["no_such_kind"]})
    assert kinds.status_code == 422 and kinds.json()["error"]["field"] == "kind"


def test_marking_a_quiz_after_the_debate_changed_is_a_conflict(school: dict[str, Any]) -> None:
    owner, debate_id = school["owner"], school["debate"]
    url = f"/api/debates/{debate_id}/quiz"
    quiz = owner.get(url, params={"n": 3, "seed": 2}).json()
    body = {"n": 3, "seed": 2, "fingerprint": quiz["fingerprint"], "answers": {"q1": 0}}
    assert owner.post(f"{url}/mark", json=body).status_code == 200
    evidence = owner.get(f"/api/debates/{debate_id}/evidence").json()["items"][0]
    r = owner.patch(
        f"/api/debates/{debate_id}/evidence/{evidence['id']}",
        json={"version": evidence["version"], "text": evidence["text"] + " Revised."},
    )
    assert r.status_code == 200, r.text
    stale = owner.post(f"{url}/mark", json=body)
    assert stale.status_code == 409 and stale.json()["error"]["field"] == "fingerprint"


def test_a_class_deals_and_marks_quizzes_from_one_drafting_per_revision(
    school: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quizzes are dealt and marked in child processes, whose caches die with them: every
    quiz drafted the whole debate again (half a second at 2,000 points, twice per quiz,
    for each student of a class). One child drafts per debate revision now, and the
    server keeps the drafts for every child after it."""
    import os

    from quaestio.study import quiz as quiz_module

    log = tmp_path / "drafted.log"  # children write here too: they are forked
    kind = "evidence_position"
    generator = quiz_module.GENERATORS[kind]

    def counted(debate: Debate) -> Any:
        with log.open("a") as out:
            out.write(f"{os.getpid()}\n")  # the server's own process or a child
        return generator(debate)

    monkeypatch.setitem(quiz_module.GENERATORS, kind, counted)

    def draftings() -> int:
        return len(log.read_text().splitlines()) if log.exists() else 0

    owner, debate_id = school["owner"], school["debate"]
    url = f"/api/debates/{debate_id}/quiz"
    dealt: list[tuple[int, Any, Any]] = []
    for who in ("student", "classmate", "student"):
        for seed in (1, 2, 3):
            quiz = school[who].get(url, params={"n": 4, "seed": seed}).json()
            answers = {q["id"]: 0 for q in quiz["questions"]}
            body = {"n": 4, "seed": seed, "fingerprint": quiz["fingerprint"], "answers": answers}
            marked = school[who].post(f"{url}/mark", json=body)
            assert marked.status_code == 200, marked.text
            dealt.append((seed, quiz, marked.json()))
    page = school["student"].client.get(f"/d/{debate_id}/quiz", params={"n": 3})
    assert page.status_code == 200
    assert draftings() == 1
    debate = debate_of(owner, debate_id)  # the quizzes are the library's, rightly marked
    for seed, quiz, marked in dealt:
        local = make_quiz(debate, n=4, seed=seed)
        assert [q["prompt"] for q in quiz["questions"]] == [q.prompt for q in local]
        assert [r["correct"] for r in marked["results"]] == [q.answer == 0 for q in local]
    # a new revision is drafted again, once; a quiz of the old one is refused
    evidence = owner.get(f"/api/debates/{debate_id}/evidence").json()["items"][0]
    r = owner.patch(
        f"/api/debates/{debate_id}/evidence/{evidence['id']}",
        json={"version": evidence["version"], "text": evidence["text"] + " Revised."},
    )
    assert r.status_code == 200, r.text
    before = draftings()
    for seed in (1, 2):
        fresh = school["classmate"].get(url, params={"n": 4, "seed": seed}).json()
        assert fresh["fingerprint"] != quiz["fingerprint"]
    assert draftings() == before + 1
    stale = school["student"].post(f"{url}/mark", json=body)
    assert stale.status_code == 409 and stale.json()["error"]["field"] == "fingerprint"


def test_cards_and_exports_hold_every_card(school: dict[str, Any], tmp_path: Path) -> None:
    student, debate_id = school["student"], school["debate"]
    expected = make_cards(debate_of(student, debate_id))
    listed = student.get(f"/api/debates/{debate_id}/cards", params={"limit": 200}).json()
    assert listed["total"] == len(expected)
    assert [c["id"] for c in listed["items"]] == [c.id for c in expected]
    rows = list(csv.reader(io.StringIO(student.get(f"/api/debates/{debate_id}/cards.csv").text)))
    assert rows[0][:4] == ["id", "kind", "front", "back"]
    assert [r[0] for r in rows[1:]] == [c.id for c in expected]
    apkg = student.get(f"/api/debates/{debate_id}/cards.apkg")
    assert apkg.headers["content-disposition"].endswith(f'cards-{debate_id}.apkg"')
    with zipfile.ZipFile(io.BytesIO(apkg.content)) as z:
        data = z.read("collection.anki2")
    path = tmp_path / "collection.anki2"
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    try:
        fields = [r[0] for r in conn.execute("select flds from notes")]
    finally:
        conn.close()
    assert sorted(f.split("\x1f")[3] for f in fields) == sorted(c.id for c in expected)


def test_review_schedules_per_user_with_fsrs(school: dict[str, Any]) -> None:
    student, classmate, debate_id = school["student"], school["classmate"], school["debate"]
    url = f"/api/debates/{debate_id}/review"
    first = student.get(f"{url}/due", params={"limit": 500}).json()
    assert first["due_count"] == first["total_cards"] == len(first["cards"]) > 2
    assert all(c["new"] and c["reviews"] == 0 for c in first["cards"])
    card = first["cards"][0]["card"]["id"]
    before = datetime.now(UTC)
    rated = student.post(url, json={"card_id": card, "rating": "good"}).json()
    assert rated["card_id"] == card and rated["reviews"] == 1 and rated["version"] == 1
    assert datetime.fromisoformat(rated["due"]) > before
    assert rated["due_count"] == first["due_count"] - 1
    again = student.post(url, json={"card_id": card, "rating": 1}).json()
    assert again["reviews"] == 2 and again["version"] == 2
    after = student.get(f"{url}/due", params={"limit": 500}).json()
    assert card not in [c["card"]["id"] for c in after["cards"]]
    assert datetime.fromisoformat(after["next_due"]) == datetime.fromisoformat(again["due"])
    # later on, the card comes back, with its history
    later = (datetime.now(UTC) + timedelta(days=400)).isoformat()
    back = student.get(f"{url}/due", params={"limit": 500, "at": later}).json()
    entry = next(c for c in back["cards"] if c["card"]["id"] == card)
    assert entry["reviews"] == 2 and not entry["new"]
    # stored through the store's review states, for this user only
    stored = student.get(f"/api/debates/{debate_id}/reviews").json()["items"]
    assert [s["card_id"] for s in stored] == [card] and stored[0]["state"]["reviews"] == 2
    assert classmate.get(f"{url}/due").json()["due_count"] == first["total_cards"]
    # bad input
    far = student.get(f"{url}/due", params={"at": "0001-01-01T00:00:00+05:00"})
    assert far.status_code == 422 and far.json()["error"]["field"] == "at"
    assert student.post(url, json={"card_id": card, "rating": "meh"}).status_code == 422
    missing = student.post(url, json={"card_id": "claim:nope", "rating": "good"})
    assert missing.status_code == 404 and missing.json()["error"]["field"] == "card_id"


@pytest.mark.parametrize("semantics", ["grounded", "qe"])
def test_other_semantics_plan_and_quiz(school: dict[str, Any], semantics: str) -> None:
    owner, debate_id = school["owner"], school["debate"]
    plan = owner.get(f"/api/debates/{debate_id}/plan", params={"semantics": semantics})
    assert plan.status_code == 200 and plan.json()["plan"]["semantics"] == semantics
    quiz = owner.get(
        f"/api/debates/{debate_id}/quiz",
        params={"semantics": semantics, "kind": ["discount_top", "position_historian"], "n": 3},
    )
    assert quiz.status_code == 200, quiz.text
    assert {q["kind"] for q in quiz.json()["questions"]} <= {"discount_top", "position_historian"}


def test_another_topic_with_markup_is_studied_and_escaped(school: dict[str, Any]) -> None:
    """A debate on another topic, with markup in its titles, through every study endpoint."""
    owner = school["owner"]
    r = upload(owner, flu_debate(), name="flu.debate.json")
    assert r.status_code == 201, r.text
    debate_id = r.json()["debate"]["id"]
    question = "To what extent were troop movements responsible for the spread?"
    plan = owner.get(f"/api/debates/{debate_id}/plan", params={"question": question}).json()
    assert plan["plan"]["focus"]["positions"] == ["p1"]
    html = owner.get(
        f"/api/debates/{debate_id}/plan", params={"question": question, "format": "html"}
    ).text
    assert XSS not in html and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    quiz = owner.get(f"/api/debates/{debate_id}/quiz", params={"n": 30}).json()
    assert len({q["kind"] for q in quiz["questions"]}) >= 5
    due = owner.get(f"/api/debates/{debate_id}/review/due", params={"limit": 500}).json()
    assert due["due_count"] == len(make_cards(flu_debate()))


def test_a_debate_with_control_characters_cannot_break_a_word_download(
    school: dict[str, Any],
) -> None:
    """Text pasted from elsewhere may hold control characters that Word files cannot."""
    owner, debate_id = school["owner"], school["debate"]
    position = owner.get(f"/api/debates/{debate_id}/positions").json()["items"][0]
    r = owner.patch(
        f"/api/debates/{debate_id}/positions/{position['id']}",
        json={"version": position["version"], "title": "Money\x0btroubles"},
    )
    assert r.status_code == 200, r.text
    docx = owner.get(f"/api/debates/{debate_id}/plan", params={"format": "docx"})
    assert docx.status_code == 200, docx.text
    from docx import Document

    words = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Money troubles" in words  # the control character became a space
    md = owner.get(f"/api/debates/{debate_id}/plan", params={"format": "md"})
    assert md.status_code == 200 and "Money\x0btroubles" in md.text


def test_pages_follow_the_same_permissions(school: dict[str, Any]) -> None:
    """The study pages: readers read and mark, only members rate, outsiders see nothing."""
    debate_id = school["debate"]
    card = make_cards(debate_of(school["owner"], debate_id))[0].id
    mark = {"qid": "q1", "n": "3", "seed": "1", "semantics": "dfquad", "answer": "0"}
    for role, (read, _due, rate) in EXPECTED.items():
        client, headers = _as(school, role)
        query = {"share": headers["X-Share-Token"]} if headers else {}
        for path in ("plan", "quiz?n=3", "review"):
            r = client.get(f"/d/{debate_id}/{path}", params=query)
            assert r.status_code == read, (role, path)
        marked = client.post(f"/d/{debate_id}/quiz/mark", data=mark, params=query)
        assert marked.status_code == 200
        assert ("is-marked" in marked.text) is (read == 200), (role, marked.text)
        rated = client.post(
            f"/d/{debate_id}/review", data={"card_id": card, "rating": "easy"}, params=query
        )
        assert ("data-done" in rated.text) is (rate == 200), (role, rated.text)
        if rate != 200:
            assert 'class="error"' in rated.text and rated.headers["HX-Retarget"] == "#messages"


def test_page_posts_need_the_csrf_header(school: dict[str, Any]) -> None:
    student, debate_id = school["student"], school["debate"]
    card = make_cards(debate_of(student, debate_id))[0].id
    forged = student.client.post(f"/d/{debate_id}/review", data={"card_id": card, "rating": "good"})
    assert "reload the page" in forged.text and "data-done" not in forged.text
    assert student.get(f"/api/debates/{debate_id}/reviews").json()["total"] == 0
    ok = student.post(f"/d/{debate_id}/review", data={"card_id": card, "rating": "good"})
    assert "Good: back in" in ok.text
    assert student.get(f"/api/debates/{debate_id}/reviews").json()["total"] == 1


def test_review_states_take_figure_card_ids_with_a_slash(browser: Any) -> None:
    """Figure cards are named by their figure ("3/5"): the id must survive the URL path."""
    owner = browser().signup("seedowner")
    report = owner.post(
        "/api/imports", files={"file": (SEED.name, SEED.read_bytes(), "text/plain")}
    )
    assert report.status_code == 201, report.text
    debate_id = report.json()["debate"]["id"]
    served: list[dict[str, Any]] = []
    while not served or len(served) % 200 == 0:
        chunk = owner.get(
            f"/api/debates/{debate_id}/cards", params={"limit": 200, "offset": len(served)}
        ).json()["items"]
        if not chunk:
            break
        served += chunk
    slashed = [c["id"] for c in served if c["kind"] == "figure" and "/" in c["id"]]
    assert len(slashed) >= 2, "the seed's fractions give figure cards with '/' in their ids"
    url = f"/api/debates/{debate_id}/reviews"
    raw = owner.put(f"{url}/{slashed[0]}", json={"state": {"reps": 1}, "version": 0})
    assert raw.status_code == 200, raw.text
    assert raw.json()["card_id"] == slashed[0]
    encoded = owner.put(
        f"{url}/{quote(slashed[1], safe='')}", json={"state": {"reps": 2}, "version": 0}
    )
    assert encoded.status_code == 200, encoded.text
    assert encoded.json()["card_id"] == slashed[1]
    again = owner.put(f"{url}/{slashed[0]}", json={"state": {"reps": 3}, "version": 1})
    assert again.status_code == 200 and again.json()["version"] == 2
    stored = {r["card_id"]: r["state"] for r in owner.get(url).json()["items"]}
    assert stored == {slashed[0]: {"reps": 3}, slashed[1]: {"reps": 2}}
    # the documented path parameter says how such ids are sent
    spec = owner.get("/openapi.json").json()
    put = spec["paths"]["/api/debates/{debate_id}/reviews/{card_id}"]["put"]
    card_param = next(p for p in put["parameters"] if p["name"] == "card_id")
    assert "%2F" in card_param["description"]
