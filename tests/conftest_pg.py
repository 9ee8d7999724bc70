"""Databases for the store and API tests: every test runs on SQLite and on PostgreSQL.

PostgreSQL is the real server: ``QUAESTIO_TEST_POSTGRES_URL`` when set, else one
started here with ``scripts/pg-test-server`` when Debian's binaries exist (so a
plain ``pytest`` covers both), else the PostgreSQL half is skipped. Each test gets
a fresh database: a copy of a migrated template on PostgreSQL, a new file on SQLite.
"""

from __future__ import annotations

import atexit
import itertools
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# cheap argon2 parameters for the many sign-ups in these tests (see quaestio.store.accounts)
os.environ.setdefault("QUAESTIO_PASSWORD_PROFILE", "test")

REPO = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TEMPLATE = "quaestio_template"
_server: dict[str, str] = {}
_counter = itertools.count()


def _stop(folder: str) -> None:
    subprocess.run(
        [str(REPO / "scripts" / "pg-test-server"), "stop", folder], check=False, capture_output=True
    )


def postgres_admin_url() -> str | None:
    """URL of a PostgreSQL server to create test databases on, or None."""
    env = os.environ.get("QUAESTIO_TEST_POSTGRES_URL")
    if env:
        return env
    if "url" in _server:
        return _server["url"]
    if not (PG_BIN / "initdb").exists():
        return None
    out = subprocess.run(
        [str(REPO / "scripts" / "pg-test-server"), "start"],
        check=True,
        capture_output=True,
        text=True,
        # stopped at exit, and by a watcher should this process be killed before that
        env={**os.environ, "PG_TEST_OWNER": str(os.getpid())},
    ).stdout
    values = dict(line.split("=", 1) for line in out.strip().splitlines())
    _server["url"] = values["QUAESTIO_TEST_POSTGRES_URL"]
    atexit.register(_stop, values["PG_TEST_DIR"])
    return _server["url"]


def _with_db(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _template(admin: str) -> None:
    if _server.get("template") == admin:
        return
    from quaestio.store import Database

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    engine.dispose()
    Database(_with_db(admin, TEMPLATE)).dispose()
    _server["template"] = admin


def new_postgres_database() -> tuple[str, str]:
    """(url of a fresh migrated database, admin url to drop it with)."""
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip("no PostgreSQL: set QUAESTIO_TEST_POSTGRES_URL or install postgresql-15")
    _template(admin)
    name = f"quaestio_t{os.getpid()}_{next(_counter)}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
    engine.dispose()
    return _with_db(admin, name), admin


def drop_postgres_database(url: str, admin: str) -> None:
    name = make_url(url).database
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, empty, migrated database URL: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    url, admin = new_postgres_database()
    yield url
    drop_postgres_database(url, admin)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'other.sqlite3'}"


@pytest.fixture
def postgres_url():  # type: ignore[no-untyped-def]
    url, admin = new_postgres_database()
    yield url
    drop_postgres_database(url, admin)
