"""Long work as a job: one request starts it, the page polls its progress, the owner may cancel.

A 19 MB handout takes longer to read than a browser or a proxy will wait for an
answer, and a page that just spins says nothing. So an import runs as a job: the
request that uploads the file gets ``202`` and the job's address at once (or the
finished answer, when the work was done within a short wait), the page polls
``GET /api/jobs/{id}`` for the stage it is at and then goes to the result, and
``DELETE /api/jobs/{id}`` stops it. The work itself runs through the app's
``Offloader`` (a child process with the same time and memory budget as every
other heavy piece of work); the child only reads the file and hands back the
parsed debate, and the parent saves it in one transaction, so a job cancelled,
killed or over budget has written nothing.

A job's state is a small JSON file in a directory all the server's worker
processes share (``QUAESTIO_JOBS_DIR``; by default one per database in the
system's temporary folder): the worker that started the job runs it and writes
its state, any worker answers a poll or takes a cancel (a marker file the
running worker sees within a fraction of a second). A job whose worker died is
reported failed rather than running for ever. Jobs are kept an hour.

A job belongs to the user who started it; anyone else is told it does not exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from quaestio.errors import NotFoundError, QuaestioError
from quaestio.web.offload import ClientGone, Offloader, Watched
from quaestio.web.throttle import TooManyAttemptsError

JOB_ID = "^[A-Za-z0-9_-]{16,64}$"
_JOB_ID = re.compile(JOB_ID)
FINAL = ("done", "failed", "cancelled")
#: how far along each state is, for a progress bar (the readers do not report finer steps)
PROGRESS = {"queued": 0.05, "running": 0.3, "saving": 0.85, "done": 1.0}
STAGES = {
    "queued": "waiting for a free worker",
    "saving": "saving the debate",
    "done": "done",
    "failed": "stopped: it could not be finished",
    "cancelled": "cancelled: nothing was saved",
}
_POLL = 0.1  # seconds between looks at a running job from the request waiting for it

#: what the parent does with the child's result: (result for the client, its page, HTTP status)
Finish = Callable[[Any], tuple[dict[str, Any], str | None, int]]
#: an error made into the API's error body and its HTTP status
Describe = Callable[[QuaestioError], tuple[dict[str, Any], int]]


@dataclass(frozen=True)
class JobLimits:
    """When an import becomes a job, and how many one user may run (``QUAESTIO_JOB_*``)."""

    #: an import whose work takes longer than this answers 202 with its job instead
    wait_seconds: float = 2.0
    #: a file at least this large answers 202 at once
    background_bytes: int = 1024 * 1024
    #: jobs one user may have queued or running at once; one more is refused with 429
    per_user: int = 3
    keep_seconds: float = 3600.0

    @classmethod
    def from_env(cls) -> JobLimits:
        d = cls()
        env = os.environ.get
        return cls(
            wait_seconds=float(env("QUAESTIO_JOB_WAIT_SECONDS", d.wait_seconds)),
            background_bytes=int(env("QUAESTIO_JOB_BYTES", d.background_bytes)),
            per_user=int(env("QUAESTIO_JOB_PER_USER", d.per_user)),
        )


@dataclass(frozen=True)
class Job:
    """One job as every worker sees it (its file's content)."""

    id: str
    owner_id: int
    kind: str
    what: str
    budget_seconds: float
    worker: int = field(default_factory=os.getpid)
    state: str = "queued"
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    result: dict[str, Any] | None = None
    result_url: str | None = None
    status: int | None = None  # what the synchronous request would have answered
    error: dict[str, Any] | None = None  # the API's error body ({"code", "message", ...})

    @property
    def final(self) -> bool:
        return self.state in FINAL

    @property
    def progress(self) -> float:
        return PROGRESS.get(self.state, 1.0)

    @property
    def stage(self) -> str:
        return self.what if self.state == "running" else STAGES[self.state]

    @property
    def elapsed(self) -> float:
        return round((self.updated if self.final else time.time()) - self.created, 3)


class JobStore:
    """Job files in one directory shared by the server's processes; writes are atomic."""

    def __init__(self, directory: Path, keep_seconds: float = 3600.0) -> None:
        self.directory = directory
        self.keep_seconds = keep_seconds
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, job_id: str, suffix: str) -> Path:
        if not _JOB_ID.match(job_id):
            raise NotFoundError("no such job", field="job_id")
        return self.directory / f"{job_id}{suffix}"

    def _put(self, path: Path, content: dict[str, Any]) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".job-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(content, out)
        os.replace(tmp, path)

    def _get(self, path: Path) -> dict[str, Any] | None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except (OSError, ValueError):
            return None

    def write(self, job: Job) -> Job:
        self._put(self._path(job.id, ".json"), asdict(job))
        return job

    def read(self, job_id: str) -> Job | None:
        raw = self._get(self._path(job_id, ".json"))
        return Job(**raw) if raw is not None else None

    def attach(self, job_id: str, content: dict[str, Any]) -> None:
        """Data a page needs with the result, kept beside the job (not sent with each poll)."""
        self._put(self._path(job_id, ".page.json"), content)

    def attached(self, job_id: str) -> dict[str, Any]:
        return self._get(self._path(job_id, ".page.json")) or {}

    def ask_cancel(self, job_id: str) -> None:
        self._path(job_id, ".cancel").touch()

    def cancel_asked(self, job_id: str) -> bool:
        return self._path(job_id, ".cancel").exists()

    def prune(self) -> None:
        """Forget jobs older than ``keep_seconds``."""
        cutoff = time.time() - self.keep_seconds
        for path in self.directory.iterdir():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()


def default_directory(database_url: str) -> Path:
    """One folder per database, so two servers on two databases never share jobs."""
    chosen = os.environ.get("QUAESTIO_JOBS_DIR")
    if chosen:
        return Path(chosen)
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"quaestio-jobs-{os.getuid()}-{digest}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class _CancelWatch:
    """What the offloader watches for a job: its cancel marker, instead of a connection."""

    store: JobStore
    job_id: str

    async def is_disconnected(self) -> bool:
        return self.store.cancel_asked(self.job_id)


class Jobs:
    """The jobs this process runs, and the reading of anyone's job for its owner."""

    def __init__(
        self,
        store: JobStore,
        offloader: Offloader,
        describe: Describe,
        limits: JobLimits | None = None,
    ) -> None:
        self.store = store
        self.offloader = offloader
        self.describe = describe
        self.limits = limits or JobLimits.from_env()
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._owners: dict[str, int] = {}
        self._raised: dict[str, Exception] = {}

    def start(
        self,
        owner_id: int,
        kind: str,
        what: str,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        finish: Finish,
    ) -> Job:
        """Start ``fn(*args)`` in a child, then ``finish`` with its result in this process.

        Refused with 503 when the workers and their queue are full, and with 429 when
        ``owner_id`` already has ``per_user`` jobs under way.
        """
        self.offloader.check_room()
        mine = sum(1 for job_id, owner in self._owners.items() if owner == owner_id)
        if mine >= self.limits.per_user:
            raise TooManyAttemptsError(
                f"you already have {mine} imports under way; wait for one to finish",
                retry_after=max(5, int(self.limits.wait_seconds * 5)),
                field="file",
            )
        self.store.prune()
        job = self.store.write(
            Job(
                id=secrets.token_urlsafe(18),
                owner_id=owner_id,
                kind=kind,
                what=what,
                budget_seconds=self.offloader.limits.seconds,
            )
        )
        self._owners[job.id] = owner_id
        self._tasks[job.id] = asyncio.get_running_loop().create_task(
            self._run(job, fn, args, finish)
        )
        return job

    def _set(self, job: Job, **changes: Any) -> Job:
        return self.store.write(replace(job, updated=time.time(), **changes))

    async def _run(
        self, job: Job, fn: Callable[..., Any], args: tuple[Any, ...], finish: Finish
    ) -> None:
        current = job

        def started() -> None:
            nonlocal current
            current = self._set(current, state="running")

        try:
            watch = _CancelWatch(self.store, job.id)
            value = await self.offloader.run(watch, job.what, fn, *args, on_start=started)
            if self.store.cancel_asked(job.id):
                raise ClientGone
            current = self._set(current, state="saving")  # from here on a cancel is too late
            result, url, status = await run_in_threadpool(finish, value)
            self._set(current, state="done", result=result, result_url=url, status=status)
        except ClientGone:
            self._set(current, state="cancelled")
        except QuaestioError as exc:
            self._keep(job.id, exc)
            content, status = self.describe(exc)
            self._set(current, state="failed", error=content.get("error"), status=status)
        except Exception as exc:  # a bug: the job says so instead of staying "running"
            self._keep(job.id, exc)
            logging.getLogger("quaestio.web").exception("job %s failed", job.id)
            error = {"code": "internal_error", "message": "the server failed; the error was logged"}
            self._set(current, state="failed", error=error, status=500)
        finally:
            self._tasks.pop(job.id, None)
            self._owners.pop(job.id, None)

    def _keep(self, job_id: str, exc: Exception) -> None:
        """Keep a failed job's error for the request waiting on it (the last few only:
        nobody waits on a background job, and its file keeps the error anyway)."""
        self._raised[job_id] = exc
        while len(self._raised) > 64:
            self._raised.pop(next(iter(self._raised)))

    async def wait(self, job: Job, request: Request, seconds: float | None) -> Job:
        """Wait up to ``seconds`` (None: until it ends) for a job this process runs.

        The client leaving cancels the job (``ClientGone``): a synchronous request
        is cancelled when its browser goes away.
        """
        deadline = None if seconds is None else time.monotonic() + seconds
        task = self._tasks.get(job.id)
        while task is not None and not task.done():
            if deadline is not None and time.monotonic() >= deadline:
                break
            await asyncio.wait({task}, timeout=_POLL)
            if not task.done() and await request.is_disconnected():
                self.store.ask_cancel(job.id)
                with contextlib.suppress(Exception):
                    await task
                raise ClientGone
        return self.store.read(job.id) or job

    def raised(self, job: Job) -> Exception | None:
        """The error a failed job of this process raised (re-raised to a waiting request)."""
        return self._raised.pop(job.id, None)

    def get(self, job_id: str, owner_id: int | None) -> Job:
        """The job for its owner; a job of someone else's does not exist (404)."""
        job = self.store.read(job_id)
        if job is None or owner_id is None or job.owner_id != owner_id:
            raise NotFoundError("no such job (it may have finished over an hour ago)")
        if not job.final and job.id not in self._tasks and not _alive(job.worker):
            error = {"code": "interrupted", "message": "the server restarted; start it again"}
            job = self._set(job, state="failed", error=error, status=503)
        return job

    def cancel(self, job_id: str, owner_id: int | None, seconds: float = 5.0) -> Job:
        """Ask the job to stop; give its state once it has (or after ``seconds``).

        A job that is already saving finishes (its one transaction commits or not at
        all); a finished job stays as it is.
        """
        job = self.get(job_id, owner_id)
        if job.final:
            return job
        self.store.ask_cancel(job_id)
        deadline = time.monotonic() + seconds
        while not job.final and time.monotonic() < deadline:
            time.sleep(0.05)
            job = self.get(job_id, owner_id)
        return job


def jobs(request: Request) -> Jobs:
    """The app's jobs (made in ``create_app``)."""
    return request.app.state.jobs  # type: ignore[no-any-return]


__all__ = ["FINAL", "JOB_ID", "Job", "JobLimits", "JobStore", "Jobs", "Watched", "jobs"]
