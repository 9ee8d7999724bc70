"""Heavy work in a child process: off the server's event loop, bounded, and cancelled
when the browser goes away.

A verdict, a comparison of methods or a quiz on a large debate is CPU work of up to a
second or more; run on the event loop it stalls every other request, and run in a
thread it cannot be stopped: the server went on computing for minutes after the
browser had given up. Here each piece of work runs in a forked child that already
holds the debate (nothing is pickled on the way in), and the request waits for its
answer while watching the connection. A client that disconnects, a piece of work that
passes its time budget, or one that passes its memory budget ends with the child
killed, so the server's memory and cores are back at once. At most ``workers``
children run at a time; further requests wait their turn, at most ``queue`` of them:
past that the server answers 503 with ``Retry-After`` at once instead of letting a
backlog build that nobody will wait for.

Everything heavy goes through ``run``: the verdict and evaluation, quizzes, essay
plans, flashcard decks, exports, and imports (``quaestio.web.jobs`` runs a long
import as a job whose progress a page polls, through this same ``run``). A child
never writes to the database: it reads or computes and hands its result back; the
parent saves it in one transaction. The engine's pool is disowned in the child
(``after_fork``) so a forked copy of a pooled connection is never used or closed
from two processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Protocol, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from quaestio.errors import QuaestioError, TooLargeError
from quaestio.malloc import keep_freed_memory

T = TypeVar("T")
_CHECK_EVERY = 0.2  # seconds between looks at the connection
_TOO_LARGE = "it is too large for this server"


class ClientGone(Exception):
    """The browser closed the connection (or a job was cancelled); nobody wants the answer."""


class Watched(Protocol):
    """Whoever waits for the work: a request, or a job that can be cancelled."""

    async def is_disconnected(self) -> bool: ...


class BusyError(QuaestioError):
    """Every worker is busy and the queue is full: try again in ``retry_after`` seconds."""

    code = "busy"

    def __init__(self, message: str, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(message)


@dataclass(frozen=True)
class WorkLimits:
    """What one piece of heavy work may take (``QUAESTIO_WORK_*`` in the environment)."""

    workers: int = max(1, os.cpu_count() or 1)
    seconds: float = 60.0
    memory_mb: int = 2048
    #: pieces of work that may wait for a worker; one more is refused with 503. A class
    #: of 30 moving their sliders at once on two cores filled 16 (the classroom
    #: benchmark's 503s); a waiting request costs no process, and one whose browser
    #: left is dropped, so twice a class can wait
    queue: int = 64

    @classmethod
    def from_env(cls) -> WorkLimits:
        default = cls()
        return cls(
            workers=int(os.environ.get("QUAESTIO_WORK_WORKERS", default.workers)),
            seconds=float(os.environ.get("QUAESTIO_WORK_SECONDS", default.seconds)),
            memory_mb=int(os.environ.get("QUAESTIO_WORK_MEMORY_MB", default.memory_mb)),
            queue=int(os.environ.get("QUAESTIO_WORK_QUEUE", default.queue)),
        )


def _cap_memory(extra_mb: int) -> None:
    """Let the child grow by ``extra_mb`` over what it inherited, and no further."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    cap = (size_kb + extra_mb * 1024) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child(
    conn: Connection,
    memory_mb: int,
    after_fork: Callable[[], None] | None,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
) -> None:
    """Run ``fn`` and send back what it gave, or what it raised, in a form that pickles."""
    try:
        if after_fork is not None:
            after_fork()
        keep_freed_memory()  # a child lives for one piece of work: no page faults per array
        _cap_memory(memory_mb)
        conn.send(("ok", fn(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except QuaestioError as exc:
        conn.send(("error", (type(exc), exc.args, dict(vars(exc)))))
    except BaseException as exc:
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
        os._exit(0)  # the parent's atexit hooks, pools and buffers are not the child's


def _rebuilt(payload: tuple[type[QuaestioError], tuple[Any, ...], dict[str, Any]]) -> Exception:
    kind, args, attributes = payload
    exc = kind.__new__(kind)
    exc.args = args
    vars(exc).update(attributes)
    return exc


class Offloader:
    """Runs heavy work in children, ``limits.workers`` at a time."""

    def __init__(
        self, limits: WorkLimits | None = None, after_fork: Callable[[], None] | None = None
    ) -> None:
        self.limits = limits or WorkLimits.from_env()
        self.after_fork = after_fork  # run first in every child (the app disowns its pool)
        self._slots: asyncio.Semaphore | None = None
        self.pending = 0  # pieces of work running or waiting for a worker
        self.started = 0  # children started, and killed before they answered (for tests)
        self.killed = 0

    def check_room(self) -> None:
        """Refuse at once (503) when every worker is busy and the queue is full."""
        if self.pending >= self.limits.workers + self.limits.queue:
            raise BusyError(
                "the server is busy with other large work; try again in a minute",
                retry_after=max(5, int(self.limits.seconds // 4)),
            )

    def _semaphore(self) -> asyncio.Semaphore:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limits.workers)
        return self._slots

    async def run(
        self,
        request: Watched | None,
        what: str,
        fn: Callable[..., T],
        *args: Any,
        on_start: Callable[[], None] | None = None,
    ) -> T:
        """``fn(*args)`` in a child; ``what`` names the work in a time-out message.

        Raises ``BusyError`` when the queue is full, ``ClientGone`` when ``request``'s
        client disconnects (or its job is cancelled) first, ``TooLargeError`` past the
        time or memory budget, and whatever ``QuaestioError`` the work itself raised.
        ``on_start`` is called when the work leaves the queue for a worker.
        """
        self.check_room()
        self.pending += 1
        try:
            async with self._semaphore():
                if request is not None and await request.is_disconnected():
                    raise ClientGone
                if on_start is not None:
                    on_start()
                return await self._in_child(request, what, fn, args)
        finally:
            self.pending -= 1

    async def _in_child(
        self, request: Watched | None, what: str, fn: Callable[..., T], args: tuple[Any, ...]
    ) -> T:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_child,
            args=(sender, self.limits.memory_mb, self.after_fork, fn, args),
            daemon=True,
        )
        child.start()
        self.started += 1
        sender.close()
        ready = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_reader(receiver.fileno(), ready.set)
        deadline = time.monotonic() + self.limits.seconds
        try:
            while not ready.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ready.wait(), _CHECK_EVERY)
                if ready.is_set():
                    break
                if request is not None and await request.is_disconnected():
                    raise ClientGone
                if time.monotonic() > deadline:
                    raise TooLargeError(
                        f"{what} took longer than {self.limits.seconds:g} s and was stopped; "
                        f"{_TOO_LARGE}"
                    )
            # no more wake-ups while a thread drains the pipe (finally covers the other ways out)
            loop.remove_reader(receiver.fileno())
            os.set_blocking(receiver.fileno(), True)  # a large answer comes in several reads
            try:
                status, value = await run_in_threadpool(receiver.recv)
            except EOFError:  # the child died without a word: killed by the system
                status, value = "memory", None
        except BaseException:
            self._kill(child)
            raise
        finally:
            loop.remove_reader(receiver.fileno())
            receiver.close()
            await run_in_threadpool(child.join, 5)
        if status == "ok":
            return value  # type: ignore[no-any-return]
        if status == "memory":
            raise TooLargeError(
                f"{what} needed more than {self.limits.memory_mb} MB and was stopped; {_TOO_LARGE}"
            )
        if status == "error":
            raise _rebuilt(value)
        raise RuntimeError(f"{what} failed: {value}")

    def _kill(self, child: multiprocessing.process.BaseProcess) -> None:
        if child.is_alive():
            child.kill()
            self.killed += 1


def offloader(request: Request) -> Offloader:
    """The app's offloader (one per app, made on first use)."""
    state = request.app.state
    found = getattr(state, "offloader", None)
    if found is None:
        found = state.offloader = Offloader()
    return found  # type: ignore[no-any-return]


async def offload(request: Request, what: str, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a child of the app's offloader, stopped when ``request``'s client leaves."""
    return await offloader(request).run(request, what, fn, *args)
