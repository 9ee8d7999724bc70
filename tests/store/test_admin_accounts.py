"""What the server's administrator does from the command line, on SQLite and PostgreSQL.

Reset a password (old one refused, sessions closed), remove an account (refused
while it owns things others use, or handing them over), list accounts, and make
a user a teacher of a class.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quaestio.errors import ConflictError, NotFoundError, ValidationError
from quaestio.store import Actor, Database, accounts, classes, debates, personal
from quaestio.store.accounts import AuthenticationError
from quaestio.store.models import (
    ApiToken,
    AuthSession,
    DebateRow,
    Membership,
    Revision,
    SchoolClass,
    User,
)
from store_samples import sample_debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


def _users(db: Database, *names: str) -> list[int]:
    with db.transaction() as s:
        return [accounts.create_user(s, n, "correct horse").id for n in names]


def test_reset_password_replaces_it_and_signs_out(db: Database) -> None:
    (uid,) = _users(db, "student7")
    with db.transaction() as s:
        accounts.open_session(s, s.get(User, uid))  # type: ignore[arg-type]
        accounts.create_token(s, uid, "script")
    with db.transaction() as s:
        accounts.reset_password(s, "student7", "a brand new one")
    with db.transaction() as s:
        assert accounts.check_password(s, "student7", "a brand new one").id == uid
        with pytest.raises(AuthenticationError):
            accounts.check_password(s, "student7", "correct horse")
        assert s.scalar(select(func.count()).select_from(AuthSession)) == 0
        assert s.scalar(select(func.count()).select_from(ApiToken)) == 1


def test_reset_password_refuses_short_passwords_and_unknown_users(db: Database) -> None:
    _users(db, "student7")
    with db.transaction() as s, pytest.raises(ValidationError):
        accounts.reset_password(s, "student7", "short")
    with db.transaction() as s, pytest.raises(NotFoundError):
        accounts.reset_password(s, "nobody", "long enough now")
    with db.transaction() as s:
        accounts.check_password(s, "student7", "correct horse")


def test_remove_deletes_the_account_and_what_is_only_theirs(db: Database) -> None:
    teacher, student = _users(db, "teacher", "student")
    with db.transaction() as s:
        klass = classes.create_class(s, Actor(teacher), "History")
        classes.join(s, Actor(student), klass.join_code)
        debate = debates.import_debate(s, sample_debate(2, 1), owner_id=teacher, class_id=klass.id)
        personal.set_weight(s, Actor(student), debate.id, "p1.f1", 0.8, 0)
        accounts.create_token(s, student, "cli")
        accounts.open_session(s, s.get(User, student))  # type: ignore[arg-type]
    with db.transaction() as s:
        done = accounts.remove_user(s, "student")
    assert done.handed_over == {}
    with db.read() as s:
        assert [u.username for u in accounts.list_users(s)] == ["teacher"]
        for table in (ApiToken, AuthSession):
            assert s.scalar(select(func.count()).select_from(table)) == 0
        assert s.scalar(select(func.count()).select_from(Membership)) == 1  # the teacher's


def test_remove_refuses_an_owner_unless_told_who_takes_over(db: Database) -> None:
    teacher, heir = _users(db, "teacher", "heir")
    with db.transaction() as s:
        klass = classes.create_class(s, Actor(teacher), "History")
        debates.import_debate(s, sample_debate(2, 1), owner_id=teacher, class_id=klass.id)
    with db.transaction() as s, pytest.raises(ConflictError, match="1 debates, 1 classes"):
        accounts.remove_user(s, "teacher")
    with db.transaction() as s, pytest.raises(ValidationError):
        accounts.remove_user(s, "teacher", give_to="teacher")
    with db.transaction() as s:
        done = accounts.remove_user(s, "teacher", give_to="heir")
    assert done.handed_over == {"debates": 1, "classes": 1}
    with db.read() as s:
        assert s.scalar(select(DebateRow.owner_id)) == heir
        assert s.scalar(select(SchoolClass.created_by)) == heir
        assert s.get(User, teacher) is None


def test_set_class_role_promotes_and_adds_and_logs(db: Database) -> None:
    teacher, student, other = _users(db, "teacher", "student", "other")
    with db.transaction() as s:
        klass = classes.create_class(s, Actor(teacher), "History")
        classes.join(s, Actor(student), klass.join_code)
        class_id = klass.id
    with db.transaction() as s:
        assert accounts.set_class_role(s, "student", class_id, "teacher") == "student"
        assert accounts.set_class_role(s, "other", class_id, "teacher") is None
    with db.read() as s:
        roles = {m.user_id: m.role for m in s.scalars(select(Membership))}
        assert roles == {teacher: "teacher", student: "teacher", other: "teacher"}
        logged = s.scalars(select(Revision).where(Revision.resource == "membership")).all()
        assert {r.resource_id for r in logged} >= {f"{class_id}/{student}", f"{class_id}/{other}"}
    with db.transaction() as s, pytest.raises(NotFoundError):
        accounts.set_class_role(s, "student", class_id + 99, "teacher")
    with db.transaction() as s, pytest.raises(ValidationError):
        accounts.set_class_role(s, "student", class_id, "head")
