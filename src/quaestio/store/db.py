"""Engines, sessions and schema upgrades for SQLite and PostgreSQL alike.

The same code serves a laptop (an SQLite file in the user's data directory) and
a school (PostgreSQL behind several app processes). Opening a database always
brings its schema up to date with Alembic, so ``quaestio serve`` needs no
separate migration step; on PostgreSQL an advisory lock keeps several workers
starting at once from migrating twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from quaestio.errors import QuaestioError

ENV_VAR = "QUAESTIO_DATABASE_URL"
_MIGRATION_LOCK = 742_301  # arbitrary advisory-lock key for schema upgrades


class DatabaseError(QuaestioError):
    """The database URL is unusable or the schema cannot be brought up to date."""

    code = "database_error"


def default_url() -> str:
    """``QUAESTIO_DATABASE_URL`` if set, else an SQLite file in the user's data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("quaestio", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'quaestio.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    """Writers take SQLite's write lock up front (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once with "database
    is locked" if another writer committed in between; taking the lock first makes
    concurrent writers queue (busy_timeout) instead, and the version check then
    sees the other writer's commit.
    """
    mode = "IMMEDIATE" if conn.get_execution_options().get("quaestio_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise DatabaseError(
        f"unsupported database URL {url.split(':', 1)[0]!r}: use sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST/DB",
        field="database_url",
    )


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("quaestio.store").joinpath("migrations"))
    )
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it already is)."""
    cfg = _alembic_config()
    with engine.execution_options(quaestio_write=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() == head_revision():
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Database:
    """An engine plus its session factory; one per process and database URL."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = normalise_url(url or default_url())
        self.engine = make_engine(self.url)
        if migrate:
            upgrade(self.engine)
        self.sessions = sessionmaker(
            self.engine.execution_options(quaestio_write=True), expire_on_commit=False
        )
        # A whole-debate read is several SELECTs; on PostgreSQL they must all see one
        # snapshot (REPEATABLE READ), or a read racing a write returns a node's text from
        # version N+1 next to versions that say N, and a client writing back on that read
        # silently drops the other change. Read-only transactions never fail on it.
        # SQLite's reader already sees one snapshot for the whole transaction.
        reading = self.engine
        if self.engine.dialect.name == "postgresql":
            reading = self.engine.execution_options(isolation_level="REPEATABLE READ")
        self.readers = sessionmaker(reading, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back whole."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only (on SQLite it does not take the write lock)."""
        with self.readers() as session, session.begin():
            session.info["read_only"] = True  # what it reads may come from a cache
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
