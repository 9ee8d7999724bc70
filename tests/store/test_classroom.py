"""A class at work through the store, on SQLite and PostgreSQL: debates in several classes,
students' points through the moderation queue, comments, assignments, progress, CSV,
locked weights and one-time reset links."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from quaestio.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store import (
    Actor,
    Database,
    accounts,
    assignments,
    classes,
    classroom,
    comments,
    contributions,
    debates,
    importing,
    personal,
    progress,
    resets,
)
from quaestio.store.accounts import AuthenticationError
from quaestio.store.convert import debate_from_rows
from quaestio.store.models import DebateRow, PasswordResetRow, utcnow
from store_samples import sample_debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def klass(db: Database) -> dict[str, int]:
    """A teacher with a class and a debate in it, two students, and an outsider teacher."""
    with db.transaction() as s:
        names = {"t": "teach", "a": "ann", "b": "bob", "t2": "other"}
        ids = {k: accounts.create_user(s, n, "correct horse").id for k, n in names.items()}
    with db.transaction() as s:
        c = classes.create_class(s, Actor(ids["t"]), "Year 12")
        classes.join(s, Actor(ids["a"]), c.join_code)
        classes.join(s, Actor(ids["b"]), c.join_code)
        d = debates.import_debate(s, sample_debate(), owner_id=ids["t"])
        classroom.add_debate(s, Actor(ids["t"]), c.id, d.id)
        ids.update(cls=c.id, debate=d.id)
    return ids


def test_a_debate_serves_two_classes_and_leaves_one_without_the_other(
    db: Database, klass: dict[str, int]
) -> None:
    t, a = Actor(klass["t"]), Actor(klass["a"])
    with db.transaction() as s:
        other = classes.create_class(s, t, "Year 13")
        classroom.add_debate(s, t, other.id, klass["debate"])
        with pytest.raises(ConflictError):
            classroom.add_debate(s, t, other.id, klass["debate"])
        assert [d.id for d in classroom.debates_of(s, t, other.id)] == [klass["debate"]]
    with db.transaction() as s:
        assert debates.visible(s, a, limit=10, offset=0).total == 1
        classroom.remove_debate(s, t, klass["cls"], klass["debate"])
    with db.read() as s:  # the student's class lost it; the other class still has it
        assert debates.visible(s, a, limit=10, offset=0).total == 0
        with pytest.raises(NotFoundError):
            debates.load(s, a, klass["debate"])
        assert [d.id for d in classroom.debates_of(s, t, other.id)] == [klass["debate"]]


def test_only_own_debates_go_in_as_they_are_others_are_copied(
    db: Database, klass: dict[str, int]
) -> None:
    t = Actor(klass["t"])
    with db.transaction() as s:
        library = debates.import_debate(s, sample_debate(positions=2), owner_id=None).id
        with pytest.raises(PermissionDeniedError, match="copy"):
            classroom.add_debate(s, t, klass["cls"], library)
        copy = classroom.add_debate(s, t, klass["cls"], library, copy=True)
        assert copy.id != library and copy.owner_id == klass["t"]
    with db.read() as s:
        original = s.get(DebateRow, library)
        assert original is not None and original.owner_id is None
        assert debate_from_rows(s, copy) == debate_from_rows(s, original)


def test_another_teacher_and_a_student_cannot_run_the_class(
    db: Database, klass: dict[str, int]
) -> None:
    with db.transaction() as s:
        with pytest.raises(NotFoundError):
            classroom.update_class(s, Actor(klass["t2"]), klass["cls"], 1, {"name": "Mine"})
        with pytest.raises(NotFoundError):
            progress.progress(s, Actor(klass["t2"]), klass["cls"])
        with pytest.raises(PermissionDeniedError):
            classroom.update_class(s, Actor(klass["a"]), klass["cls"], 1, {"name": "Mine"})
        with pytest.raises(ValidationError) as bad:
            classroom.update_class(s, Actor(klass["t"]), klass["cls"], 1, {"anonymous": "yes"})
        assert bad.value.field == "anonymous"


def test_a_students_nested_point_waits_then_joins_the_debate_when_approved(
    db: Database, klass: dict[str, int]
) -> None:
    t, a = Actor(klass["t"]), Actor(klass["a"])
    cid, did = klass["cls"], klass["debate"]
    with db.transaction() as s:
        row = contributions.contribute(
            s,
            a,
            cid,
            did,
            {
                "claim": "p1.f1",
                "stance": "against",
                "text": "Pay rose in 1937.",
                "source": "Davies",
            },
        )
        assert row.status == "pending" and row.node_id is None
        with pytest.raises(PermissionDeniedError):  # a student cannot approve
            contributions.decide(s, a, cid, row.id, row.version, "approve")
        pending = row.id
    with db.read() as s:
        assert all(
            e.text != "Pay rose in 1937."
            for _, e in debate_from_rows(s, s.get(DebateRow, did)).iter_evidence()
        )
        assert [c.id for c, _ in contributions.contributions(s, Actor(klass["b"]), cid)] == []
    with db.transaction() as s:
        done = contributions.decide(
            s, t, cid, pending, 1, "approve", changes={"text": "Real pay rose in 1937."}
        )
        assert done.status == "approved" and done.node_id
        with pytest.raises(ValidationError):
            contributions.decide(s, t, cid, pending, done.version, "reject")
    with db.read() as s:
        debate = debate_from_rows(s, s.get(DebateRow, did))
        point = next(e for _, e in debate.iter_evidence() if e.id == done.node_id)
        assert (point.parent, point.stance, point.text) == (
            "p1.f1",
            "against",
            "Real pay rose in 1937.",
        )
        assert point.references == ("Davies",)


def test_rejection_keeps_the_debate_and_a_direct_class_skips_the_queue(
    db: Database, klass: dict[str, int]
) -> None:
    t, a = Actor(klass["t"]), Actor(klass["a"])
    cid, did = klass["cls"], klass["debate"]
    with db.transaction() as s:
        row = contributions.contribute(
            s, a, cid, did, {"claim": "p2", "stance": "for", "text": "x"}
        )
        rejected = contributions.decide(s, t, cid, row.id, 1, "reject", note="Give a source.")
        assert (rejected.status, rejected.note, rejected.node_id) == (
            "rejected",
            "Give a source.",
            None,
        )
        with pytest.raises(ValidationError) as bad:
            contributions.contribute(s, a, cid, did, {"claim": "p9", "stance": "for", "text": "x"})
        assert bad.value.field == "claim"
        own = contributions.contribute(
            s, t, cid, did, {"claim": "p2", "stance": "for", "text": "T."}
        )
        assert own.status == "approved" and own.node_id  # a teacher's point needs no approval
        klass_row = classroom.update_class(s, t, cid, 1, {"students_post": True})
        assert klass_row.students_post
        direct = contributions.contribute(
            s, a, cid, did, {"claim": "p2", "stance": "for", "text": "Straight in."}
        )
        assert direct.status == "approved" and direct.node_id
    with db.read() as s:
        debate = debate_from_rows(s, s.get(DebateRow, did))
        assert any(e.text == "Straight in." for _, e in debate.iter_evidence())


def test_an_anonymous_class_names_classmates_by_number_but_the_teacher_by_name(
    db: Database, klass: dict[str, int]
) -> None:
    t, a, b = Actor(klass["t"]), Actor(klass["a"]), Actor(klass["b"])
    cid, did = klass["cls"], klass["debate"]
    with db.transaction() as s:
        classroom.update_class(s, t, cid, 1, {"anonymous": True})
        comments.add_comment(s, a, cid, did, "Is this dated?", node_id="p1.f1")
        comments.add_comment(s, t, cid, did, "Good question.", node_id="p1.f1")
        comments.add_comment(s, t, cid, did, "Cite a historian.", about_user=klass["a"])
        with pytest.raises(PermissionDeniedError):
            comments.add_comment(s, b, cid, did, "Meh.", about_user=klass["a"])
    with db.read() as s:
        seen_by_b = [(r.text, who) for r, who in comments.comments(s, b, cid, did)]
        seen_by_a = [(r.text, who) for r, who in comments.comments(s, a, cid, did)]
        seen_by_t = [(r.text, who) for r, who in comments.comments(s, t, cid, did)]
    assert seen_by_b == [("Is this dated?", "Student 1"), ("Good question.", "teach")]
    assert ("Cite a historian.", "teach") in seen_by_a and seen_by_a[0] == ("Is this dated?", "ann")
    assert seen_by_t[0] == ("Is this dated?", "ann") and len(seen_by_t) == 3


def test_an_assignment_shows_who_has_done_it_and_progress_exports_as_csv(
    db: Database, klass: dict[str, int]
) -> None:
    t, a = Actor(klass["t"]), Actor(klass["a"])
    cid, did = klass["cls"], klass["debate"]
    with db.transaction() as s:
        job = assignments.create(
            s,
            t,
            cid,
            {"debate_id": did, "title": "Weigh it", "due_at": utcnow() + timedelta(days=7)},
        )
        with pytest.raises(ValidationError) as bad:
            assignments.create(s, t, cid, {"debate_id": 99999, "title": "x"})
        assert bad.value.field == "debate_id"
        personal.set_weight(s, a, did, "p1.f1", 0.9, 0)
        personal.set_verdict(s, a, did, "=SUM(A1) Economics decided it.", "p1", 0)
        progress.record_quiz(s, a, did, 7, 10)
        progress.record_quiz(s, a, did, 9, 10)
        for question, right in (("q1", True), ("q2", False), ("q1", False)):  # q1 again: once
            progress.record_answer(s, a, did, "web:3:4", question, right)
        comments.add_comment(s, t, cid, did, "Well argued.", about_user=klass["a"])
    with db.read() as s:
        status = {
            r["username"]: (r["done"], r["late"]) for r in assignments.status(s, t, cid, job.id)
        }
        assert status == {"ann": (True, False), "bob": (False, False)}
        rows = list(csv.DictReader(io.StringIO(progress.progress_csv(s, t, cid))))
        with pytest.raises(PermissionDeniedError):
            progress.progress_csv(s, a, cid)
    by_user = {r["username"]: r for r in rows}
    assert by_user["ann"]["verdict"].startswith("'=SUM")  # no formula for the spreadsheet to run
    assert (
        by_user["ann"]["weights_set"],
        by_user["ann"]["quiz_best"],
        by_user["ann"]["quizzes"],
    ) == (
        "1",
        "9/10",
        "3",
    )
    assert by_user["ann"]["teacher_comments"] == "Well argued."
    assert by_user["ann"]["quiz_last"] == "1/2"  # the quiz marked question by question
    assert by_user["bob"]["verdict"] == "" and by_user["bob"]["weights_set"] == "0"


def test_the_class_ratings_and_a_teacher_locking_weights(
    db: Database, klass: dict[str, int]
) -> None:
    t, a, b = Actor(klass["t"]), Actor(klass["a"]), Actor(klass["b"])
    cid, did = klass["cls"], klass["debate"]
    with db.transaction() as s:
        personal.set_weight(s, a, did, "p1.f1", 0.2, 0)
        personal.set_weight(s, b, did, "p1.f1", 0.6, 0)
        classroom.update_class(s, t, cid, 1, {"weights_locked": True})
        with pytest.raises(PermissionDeniedError, match="locked"):
            personal.set_weight(s, a, did, "p1.f2", 0.3, 0)
        personal.set_weight(s, t, did, "p1.f2", 0.3, 0)  # the teacher is not locked out
    with db.read() as s:
        (rating,) = progress.class_ratings(s, a, cid, did)
    assert (rating.node_id, rating.raters) == ("p1.f1", 2)
    assert rating.mean == pytest.approx(0.4) and rating.spread == pytest.approx(0.2)


def test_an_archived_class_takes_no_new_work_or_members(
    db: Database, klass: dict[str, int]
) -> None:
    t, a = Actor(klass["t"]), Actor(klass["a"])
    with db.transaction() as s:
        row = classroom.update_class(s, t, klass["cls"], 1, {"archived": True, "name": "Y12 2026"})
        code = row.join_code
    with db.transaction() as s:
        with pytest.raises(PermissionDeniedError, match="archived"):
            contributions.contribute(
                s, a, klass["cls"], klass["debate"], {"claim": "p1", "stance": "for", "text": "x"}
            )
        with pytest.raises(PermissionDeniedError, match="archived"):
            classes.join(s, Actor(klass["t2"]), code)
    with db.read() as s:  # still readable
        assert classroom.debates_of(s, a, klass["cls"])


def test_reuploading_a_file_puts_the_edited_debate_in_the_class(
    db: Database, klass: dict[str, int]
) -> None:
    t = Actor(klass["t"])
    data = b"# Why did Rome fall?\n\n## Money\n\n- Taxes rose.\n\n## Armies\n\n- Soldiers left.\n"
    with db.transaction() as s:
        first = importing.import_bytes(s, data, "rome.md", owner_id=klass["t"])
        other = classes.create_class(s, t, "Year 13")
    with db.transaction() as s:
        again = importing.import_bytes(s, data, "rome.md", owner_id=klass["t"], class_id=other.id)
        assert not again.created and again.added_to_class and again.row.id == first.row.id
    with db.read() as s:
        assert [d.id for d in classroom.debates_of(s, t, other.id)] == [first.row.id]


def test_a_reset_link_works_once_and_signs_the_student_out(
    db: Database, klass: dict[str, int]
) -> None:
    t = Actor(klass["t"])
    with db.transaction() as s:
        with pytest.raises(NotFoundError):
            resets.create_link(s, Actor(klass["t2"]), klass["cls"], klass["a"])
        with pytest.raises(PermissionDeniedError):
            resets.create_link(s, t, klass["cls"], klass["t"])
        stale = resets.create_link(s, t, klass["cls"], klass["a"]).secret
        new = resets.create_link(s, t, klass["cls"], klass["a"])
        secret, user = new.secret, new.user
        accounts.open_session(s, user)
        assert all(secret not in r.token_hash for r in s.query(PasswordResetRow))
    with db.transaction() as s:
        with pytest.raises(NotFoundError):  # a newer link replaces the older
            resets.use_link(s, stale, "a new password")
        resets.use_link(s, secret, "a new password")
    with db.transaction() as s:
        with pytest.raises(NotFoundError):
            resets.use_link(s, secret, "another password")
        accounts.check_password(s, "ann", "a new password")
        with pytest.raises(AuthenticationError):
            accounts.check_password(s, "ann", "correct horse")
        late = resets.create_link(s, t, klass["cls"], klass["b"]).secret
        for row in s.query(PasswordResetRow).filter(PasswordResetRow.used_at.is_(None)):
            row.expires_at = utcnow() - timedelta(minutes=1)
    with db.transaction() as s, pytest.raises(NotFoundError):
        resets.use_link(s, late, "a new password")


def test_a_team_argues_on_its_own_copy(db: Database, klass: dict[str, int]) -> None:
    from quaestio.store import teams

    t, a, b = Actor(klass["t"]), Actor(klass["a"]), Actor(klass["b"])
    cid = klass["cls"]
    with db.transaction() as s:
        with pytest.raises(ValidationError) as bad:
            teams.create(s, t, cid, "Reds", klass["debate"], [klass["t2"]])
        assert bad.value.field == "members"
        with pytest.raises(PermissionDeniedError):
            teams.create(s, a, cid, "Reds", klass["debate"], [klass["a"]])
        team = teams.create(s, t, cid, "Reds", klass["debate"], [klass["a"]])
        copy = team.debate_id
        assert copy != klass["debate"]
        row = contributions.contribute(
            s, a, cid, copy, {"claim": "p1", "stance": "for", "text": "Ours."}
        )
        contributions.decide(s, t, cid, row.id, row.version, "approve")
    with db.read() as s:
        assert "Ours." in [
            e.text for _, e in debate_from_rows(s, s.get(DebateRow, copy)).iter_evidence()
        ]
        assert "Ours." not in [
            e.text
            for _, e in debate_from_rows(s, s.get(DebateRow, klass["debate"])).iter_evidence()
        ]
        debates.load(s, a, copy)
        with pytest.raises(NotFoundError):  # a classmate outside the team
            debates.load(s, b, copy)
        with pytest.raises(NotFoundError):
            comments.comments(s, b, cid, copy)
        assert copy in [d.id for d in debates.visible(s, a, limit=50, offset=0).items]
        assert copy not in [d.id for d in debates.visible(s, b, limit=50, offset=0).items]
        assert [tm.name for tm, _ in teams.of_class(s, b, cid)] == []
        assert [(tm.name, [u.username for u in us]) for tm, us in teams.of_class(s, t, cid)] == [
            ("Reds", ["ann"])
        ]
        team_rows = [p for p in progress.progress(s, t, cid) if p.debate_id == copy]
        assert [(p.username, p.contributions["approved"]) for p in team_rows] == [("ann", 1)]
