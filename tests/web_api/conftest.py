"""API test helpers: an app per test on each backend, and clients that sign in like a browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from web_api_helpers import Browser, upload

from conftest_pg import database_url, postgres_url, sqlite_url
from quaestio.web.app import create_app
from store_samples import sample_debate

__all__ = ["database_url", "postgres_url", "sqlite_url"]


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    application = create_app(database_url)
    yield application
    application.state.db.dispose()


@pytest.fixture
def browser(app: FastAPI) -> Any:
    """Make a new signed-out browser: ``browser()``; sign in with ``.signup(name)``."""
    return lambda: Browser(app)


@pytest.fixture
def school(browser: Any) -> dict[str, Any]:
    """Owner (teacher of class A), a co-teacher and two students of A, class B's people, others."""
    owner = browser().signup("owner")
    coteacher = browser().signup("coteacher")
    student = browser().signup("student")
    classmate = browser().signup("classmate")
    other_student = browser().signup("otherstudent")
    outsider = browser().signup("outsider")
    other_teacher = browser().signup("otherteacher")
    class_a = owner.post("/api/classes", json={"name": "A"}).json()
    class_b = other_teacher.post("/api/classes", json={"name": "B"}).json()
    assert (
        owner.post(
            f"/api/classes/{class_a['id']}/members",
            json={"username": "coteacher", "role": "teacher"},
        ).status_code
        == 201
    )
    assert student.post("/api/classes/join", json={"code": class_a["join_code"]}).status_code == 200
    assert (
        classmate.post("/api/classes/join", json={"code": class_a["join_code"]}).status_code == 200
    )
    assert (
        other_student.post("/api/classes/join", json={"code": class_b["join_code"]}).status_code
        == 200
    )
    report = upload(owner, class_id=str(class_a["id"]))
    assert report.status_code == 201, report.text
    b_debate = upload(other_teacher, sample_debate(positions=2), class_id=str(class_b["id"])).json()
    return {
        "owner": owner,
        "coteacher": coteacher,
        "student": student,
        "classmate": classmate,
        "other_student": other_student,
        "outsider": outsider,
        "other_teacher": other_teacher,
        "anonymous": browser(),
        "debate": report.json()["debate"]["id"],
        "b_debate": b_debate["debate"]["id"],
        "class_a": class_a,
        "class_b": class_b,
    }
