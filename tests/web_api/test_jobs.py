"""Long imports on a real uvicorn server: off the request workers, polled, bounded, cancelled.

Each test starts ``uvicorn`` in a subprocess with its own work limits
(``QUAESTIO_WORK_*``, ``QUAESTIO_JOB_*``) and uploads a Kialo export that takes a
few seconds to read (the reader is slow on long files). The reading runs in a
child of the server's worker; these tests look at that child through ``/proc``.
"""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from benchmarks.generators import slow_kialo
from live_server import LiveServer

SLOW_SHAPE = (60, 50)  # positions x points: seconds to read on this machine


SMALL = slow_kialo(2, 2)
SLOW = slow_kialo(*SLOW_SHAPE)
#: several times the reading time of SLOW: for what must still be running after a few
#: polls, or must run past a 1 s budget however fast the machine (SLOW read in under 1 s
#: on an idle CI machine once its modules were warm)
SLOWER_SHAPE = (SLOW_SHAPE[0] * 4, SLOW_SHAPE[1])
SLOWER = slow_kialo(*SLOWER_SHAPE)


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("QUAESTIO_JOBS_DIR", str(tmp_path / "jobs"))
    return monkeypatch


def _serve(database_url: str, workers: int = 1) -> LiveServer:
    return LiveServer(database_url, workers=workers)


def _two_workers(limits: pytest.MonkeyPatch, url: str) -> Iterator[LiveServer]:
    """Two uvicorn workers: a poll may reach the other worker than the one running the job."""
    limits.setenv("QUAESTIO_JOB_BYTES", str(len(SLOW) // 2))  # SLOW is a job at once
    live = _serve(url, workers=2)
    yield live
    live.stop()


@pytest.fixture
def served(limits: pytest.MonkeyPatch, sqlite_url: str) -> Iterator[LiveServer]:
    yield from _two_workers(limits, sqlite_url)


@pytest.fixture
def served_on_both(limits: pytest.MonkeyPatch, database_url: str) -> Iterator[LiveServer]:
    """On SQLite and on PostgreSQL (the child disowns the parent's pooled connections)."""
    yield from _two_workers(limits, database_url)


def user(server: LiveServer, name: str | None = None) -> httpx.Client:
    anon = httpx.Client(base_url=server.url, timeout=60)
    signed = anon.post(
        "/api/auth/signup",
        json={"username": name or f"u{uuid.uuid4().hex[:8]}", "password": "correct horse battery"},
    )
    assert signed.status_code == 201, signed.text
    csrf = signed.json()["csrf_token"]
    made = anon.post("/api/tokens", json={"name": "t"}, headers={"X-CSRF-Token": csrf})
    anon.close()
    return httpx.Client(
        base_url=server.url,
        timeout=60,
        headers={"Authorization": f"Bearer {made.json()['token']}"},
    )


def upload(
    client: httpx.Client, data: bytes, prefer: str = "respond-async", **form: str
) -> httpx.Response:
    """An import; by default asking for a job when the file is large or slow (RFC 7240)."""
    return client.post(
        "/api/imports",
        files={"file": ("big.kialo.txt", data, "text/plain")},
        data=form,
        headers={"Prefer": prefer} if prefer else {},
    )


def poll(client: httpx.Client, url: str, seconds: float = 120) -> list[dict[str, Any]]:
    """Every state the job went through until it ended."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        r = client.get(url)
        assert r.status_code == 200, r.text
        seen.append(r.json())
        if seen[-1]["state"] in ("done", "failed", "cancelled"):
            return seen
        time.sleep(0.2)
    raise AssertionError(f"the job did not end within {seconds} s: {seen[-1]}")


def debates_of(client: httpx.Client) -> int:
    return int(client.get("/api/debates").json()["total"])


def _children(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc: no psutil here)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def test_a_big_import_is_a_job_polled_to_its_result_while_others_are_answered(
    served_on_both: LiveServer,
) -> None:
    served = served_on_both
    alice = user(served)
    started = upload(alice, SLOWER)
    assert started.status_code == 202, started.text
    job = started.json()
    assert started.headers["location"] == job["url"] == f"/api/jobs/{job['id']}"
    assert job["state"] in ("queued", "running") and job["result"] is None
    # the server answers other requests at once while the file is being read
    answered = []
    while alice.get(job["url"]).json()["state"] in ("queued", "running"):
        t = time.monotonic()
        assert alice.get("/api/health").status_code == 200
        answered.append(time.monotonic() - t)
        time.sleep(0.2)
    assert len(answered) >= 3, "the job ended before other requests could be made"
    # read on a request thread, the file would hold every one of these for seconds
    assert sorted(answered)[len(answered) // 2] < 0.25 and max(answered) < 3, answered
    states = poll(alice, job["url"])
    end = states[-1]
    assert end["state"] == "done", end
    assert end["progress"] == 1.0 and end["status"] == 201
    report = end["result"]
    assert report["created"] is True and report["format"] == "kialo"
    assert end["result_url"] == f"/api/debates/{report['debate']['id']}"
    stored = alice.get(end["result_url"]).json()
    assert len(stored["debate"]["positions"]) == SLOWER_SHAPE[0]
    # the same file again (small wait, big file): found again, not stored twice
    again = poll(alice, upload(alice, SLOWER).json()["url"])[-1]
    assert again["status"] == 200 and again["result"]["created"] is False
    assert debates_of(alice) == 1


def test_a_small_import_still_answers_at_once(served: LiveServer) -> None:
    alice = user(served)
    r = upload(alice, SMALL, prefer="respond-async, wait=30")
    assert r.status_code == 201, r.text
    assert r.json()["created"] is True
    plain = upload(alice, SLOW, prefer="")  # no Prefer: the request waits, however long
    assert plain.status_code == 201, plain.text
    assert plain.json()["format"] == "kialo"
    forced = upload(alice, SMALL, background="true")
    assert forced.status_code == 202
    assert poll(alice, forced.json()["url"])[-1]["result"]["created"] is False


def test_someone_elses_job_does_not_exist_for_you(served: LiveServer) -> None:
    alice, bob = user(served), user(served)
    job = upload(alice, SMALL, background="true").json()
    for call in (bob.get, bob.delete):
        r = call(job["url"])
        assert r.status_code == 404, r.text
        assert "no such job" in r.json()["error"]["message"]
    assert httpx.get(served.url + job["url"]).status_code == 401
    assert poll(alice, job["url"])[-1]["state"] == "done"  # bob's cancel did nothing
    assert bob.get("/api/jobs/" + "x" * 24).status_code == 404


def test_a_cancelled_job_kills_its_reader_and_saves_nothing(served: LiveServer) -> None:
    alice = user(served)
    baseline = _children(served.process.pid)
    job = upload(alice, SLOWER, background="true").json()
    deadline = time.monotonic() + 30
    while alice.get(job["url"]).json()["state"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    readers = _children(served.process.pid) - baseline
    assert readers, "the file is not read in a process of its own"
    r = alice.delete(job["url"])
    assert r.status_code == 200 and r.json()["state"] == "cancelled", r.text
    assert r.json()["stage"] == "cancelled: nothing was saved"
    time.sleep(0.5)
    assert not any(Path(f"/proc/{p}").exists() for p in readers), "the reader kept reading"
    assert debates_of(alice) == 0
    assert alice.delete(job["url"]).json()["state"] == "cancelled"  # again: no change


def test_past_its_time_an_import_is_422_and_writes_nothing(
    limits: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    limits.setenv("QUAESTIO_WORK_SECONDS", "1")
    live = _serve(sqlite_url)
    try:
        alice = user(live)
        r = upload(alice, SLOWER, prefer="")
        assert r.status_code == 422, r.text
        message = r.json()["error"]["message"]
        assert "Reading the file took longer than 1 s and was stopped" in message
        assert "too large for this server" in message
        assert debates_of(alice) == 0
        # the same as a job: failed, with the same error, and nothing saved
        end = poll(alice, upload(alice, SLOWER, background="true").json()["url"])[-1]
        assert end["state"] == "failed" and end["status"] == 422
        assert end["error"]["message"] == message
        assert debates_of(alice) == 0
        assert upload(alice, SMALL, prefer="").status_code == 201  # the server is fine after
    finally:
        live.stop()


def test_full_workers_and_queue_answer_503_with_retry_after(
    limits: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    limits.setenv("QUAESTIO_WORK_WORKERS", "1")
    limits.setenv("QUAESTIO_WORK_QUEUE", "0")
    live = _serve(sqlite_url)
    try:
        alice, bob = user(live), user(live)
        first = upload(alice, SLOWER, background="true")
        assert first.status_code == 202
        refused = upload(bob, SMALL, prefer="")
        assert refused.status_code == 503, refused.text
        assert int(refused.headers["retry-after"]) >= 5
        assert "busy" in refused.json()["error"]["message"]
        alice.delete(first.json()["url"])
        time.sleep(0.5)
        assert upload(bob, SMALL, prefer="").status_code == 201
    finally:
        live.stop()


def test_a_client_that_hangs_up_kills_the_reader_and_saves_nothing(
    limits: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    live = _serve(sqlite_url)  # no Prefer header: the request waits for the import
    try:
        alice = user(live)
        token = str(alice.headers["authorization"])
        boundary = "quaestioboundary"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="big.kialo.txt"\r\nContent-Type: text/plain\r\n\r\n'
            ).encode()
            + SLOWER
            + f"\r\n--{boundary}--\r\n".encode()
        )
        head = (
            f"POST /api/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: {token}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        before = _children(live.process.pid)
        client = socket.create_connection(("127.0.0.1", live.port), timeout=5)
        client.sendall(head + body)
        deadline = time.monotonic() + 20
        while not (readers := _children(live.process.pid) - before):
            assert time.monotonic() < deadline, "no reader process started"
            time.sleep(0.05)
        client.close()  # the browser goes away mid-import
        gone_by = time.monotonic() + 10
        while any(Path(f"/proc/{p}").exists() for p in readers) and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not any(Path(f"/proc/{p}").exists() for p in readers), "the reader kept reading"
        time.sleep(0.3)
        assert debates_of(alice) == 0
    finally:
        live.stop()
