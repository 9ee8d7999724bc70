"""Heavy work runs in a child that is killed when the browser leaves or a budget is passed.

The disconnect test runs a real uvicorn server in a subprocess and a real socket that
hangs up mid-request; the child's pid must be gone soon after, not minutes later.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from quaestio.errors import TooLargeError, ValidationError
from quaestio.web.offload import Offloader, WorkLimits


def _double(x: int) -> dict[str, int]:
    return {"twice": 2 * x, "pid": os.getpid()}


def _refuse(field: str) -> None:
    raise ValidationError("weights must be from 0 to 1", field=field)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _hog(mb: int) -> int:
    block = bytearray(mb * 1024 * 1024)
    return len(block)


def _stamp(path: str) -> None:
    start = time.monotonic()
    time.sleep(0.3)
    Path(path).write_text(f"{start} {time.monotonic()}", encoding="ascii")


def _run(offloader: Offloader, fn: object, *args: object) -> object:
    return _in_new_loop(offloader.run(None, "The work", fn, *args))  # type: ignore[arg-type]


def _in_new_loop(work: Any) -> Any:
    """Its own thread and loop: a browser test before may have left one running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, work).result()


def test_the_answer_comes_from_another_process() -> None:
    out = _run(Offloader(WorkLimits(workers=1)), _double, 21)
    assert isinstance(out, dict) and out["twice"] == 42 and out["pid"] != os.getpid()


def test_an_error_of_the_work_reaches_the_caller_with_its_field() -> None:
    with pytest.raises(ValidationError) as err:
        _run(Offloader(WorkLimits(workers=1)), _refuse, "w:p1.f1")
    assert err.value.field == "w:p1.f1" and "from 0 to 1" in err.value.message


def test_work_past_its_time_is_stopped_and_its_process_killed() -> None:
    offloader = Offloader(WorkLimits(workers=1, seconds=0.5))
    started = time.monotonic()
    with pytest.raises(TooLargeError) as err:
        _run(offloader, _sleep, 30)
    assert time.monotonic() - started < 10
    assert "took longer than 0.5 s" in err.value.message
    assert offloader.killed == 1


def test_work_past_its_memory_is_stopped_with_a_plain_message() -> None:
    with pytest.raises(TooLargeError) as err:
        _run(Offloader(WorkLimits(workers=1, memory_mb=64)), _hog, 512)
    assert "needed more than 64 MB" in err.value.message
    assert _run(Offloader(WorkLimits(workers=1, memory_mb=64)), _hog, 8) == 8 * 1024 * 1024


def test_no_more_children_run_at_once_than_there_are_workers(tmp_path: Path) -> None:
    offloader = Offloader(WorkLimits(workers=1))

    async def both() -> None:
        await asyncio.gather(
            *(offloader.run(None, "w", _stamp, str(tmp_path / f"{i}.txt")) for i in range(3))
        )

    _in_new_loop(both())
    spans = sorted(tuple(map(float, (tmp_path / f"{i}.txt").read_text().split())) for i in range(3))
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end  # one after the other, never overlapping
    assert offloader.started == 3


SERVER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    import uvicorn
    from quaestio.web.offload import ClientGone, Offloader, WorkLimits

    MARK = Path(sys.argv[2])
    offloader = Offloader(WorkLimits(workers=2, seconds=120))

    def slow() -> str:
        MARK.write_text(str(os.getpid()))
        time.sleep(120)
        return "done"

    async def page(request):
        try:
            return PlainTextResponse(await offloader.run(request, "slow", slow))
        except ClientGone:
            Path(str(MARK) + ".gone").write_text(str(offloader.killed))
            return PlainTextResponse("", status_code=499)

    app = Starlette(routes=[Route("/slow", page)])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(path: Path, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.05)
    raise AssertionError(f"{path.name} did not appear within {seconds} s")


def test_a_browser_that_hangs_up_stops_the_work_at_once(tmp_path: Path) -> None:
    port = _free_port()
    script = tmp_path / "server.py"
    script.write_text(SERVER, encoding="utf-8")
    mark = tmp_path / "pid"
    server = subprocess.Popen([sys.executable, str(script), str(port), str(mark)])
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                client = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        client.sendall(b"GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
        pid = int(_wait_for(mark, 20))
        assert Path(f"/proc/{pid}").exists()  # the work is running in its own process
        client.close()  # the browser goes away
        assert _wait_for(Path(str(mark) + ".gone"), 10) == "1"
        gone_by = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists() and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not Path(f"/proc/{pid}").exists(), "the child kept computing"
    finally:
        server.terminate()
        server.wait(10)


def test_a_full_queue_is_refused_at_once_with_a_time_to_retry() -> None:
    from quaestio.web.offload import BusyError

    offloader = Offloader(WorkLimits(workers=1, queue=0, seconds=20))

    async def two() -> float:
        first = asyncio.ensure_future(offloader.run(None, "w", _sleep, 1))
        await asyncio.sleep(0.1)  # the first holds the only worker
        started = time.monotonic()
        with pytest.raises(BusyError) as err:
            await offloader.run(None, "w", _double, 1)
        refused_in = time.monotonic() - started
        assert err.value.retry_after >= 5 and "busy" in err.value.message
        await first
        return refused_in

    assert _in_new_loop(two()) < 0.5  # refused without waiting for the worker
    assert offloader.pending == 0 and offloader.started == 1


def test_the_child_runs_after_fork_before_the_work(tmp_path: Path) -> None:
    mark = tmp_path / "forked"
    offloader = Offloader(WorkLimits(workers=1), after_fork=lambda: mark.write_text("yes"))
    out = _run(offloader, _double, 2)
    assert isinstance(out, dict) and out["twice"] == 4
    assert mark.read_text() == "yes"  # written by the child only: the parent never ran it
