"""Real uvicorn with several workers: no lost updates; a killed import is all or nothing."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from dataclasses import replace
from typing import Any

import httpx
import pytest
from live_server import LiveServer
from sqlalchemy import func, select

from quaestio.formats import debate_json
from quaestio.store import Database
from quaestio.store.models import DebateRow, EvidenceRow, PositionRow
from store_samples import sample_debate


@pytest.fixture
def server(database_url: str) -> Any:
    live = LiveServer(database_url, workers=2)
    yield live
    live.stop()


def _token_client(server: LiveServer, name: str) -> httpx.Client:
    anon = httpx.Client(base_url=server.url, timeout=30)
    signed = anon.post(
        "/api/auth/signup", json={"username": name, "password": "correct horse battery"}
    )
    assert signed.status_code == 201, signed.text
    csrf = signed.json()["csrf_token"]
    token = anon.post("/api/tokens", json={"name": "test"}, headers={"X-CSRF-Token": csrf}).json()[
        "token"
    ]
    anon.close()
    return httpx.Client(
        base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {token}"}
    )


def _import(client: httpx.Client, debate: Any) -> int:
    content = debate_json.dumps(debate).encode()
    r = client.post("/api/imports", files={"file": ("d.debate.json", content, "application/json")})
    assert r.status_code == 201, r.text
    return int(r.json()["debate"]["id"])


def test_two_clients_same_evidence_one_gets_409_nothing_lost(server: LiveServer) -> None:
    alice = _token_client(server, "alice")
    d = _import(alice, sample_debate())
    bob = httpx.Client(base_url=server.url, timeout=30, headers=dict(alice.headers))
    url = f"/api/debates/{d}/evidence/p1.f1"
    for round_ in range(5):
        version = alice.get(url).json()["version"]
        barrier = threading.Barrier(2)
        results: dict[str, httpx.Response] = {}

        def write(
            name: str,
            client: httpx.Client,
            version: int = version,
            round_: int = round_,
            barrier: threading.Barrier = barrier,
            results: dict[str, httpx.Response] = results,
        ) -> None:
            barrier.wait()
            results[name] = client.patch(
                url, json={"version": version, "text": f"{name} round {round_}"}
            )

        threads = [
            threading.Thread(target=write, args=(n, c)) for n, c in (("alice", alice), ("bob", bob))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        codes = sorted(r.status_code for r in results.values())
        assert codes == [200, 409], {k: v.text for k, v in results.items()}
        winner = next(n for n, r in results.items() if r.status_code == 200)
        loser = next(r for r in results.values() if r.status_code == 409)
        assert (
            loser.json()["current"] is None
            or loser.json()["current"]["text"] == f"{winner} round {round_}"
        )
        now = alice.get(url).json()
        assert now["text"] == f"{winner} round {round_}" and now["version"] == version + 1


def test_many_threads_on_one_weight_lose_no_update(server: LiveServer) -> None:
    owner = _token_client(server, "owner")
    d = _import(owner, sample_debate())
    url = f"/api/debates/{d}/evidence/p2.a1"
    outcomes: Counter[int] = Counter()
    lock = threading.Lock()

    def worker(n: int) -> None:
        client = httpx.Client(base_url=server.url, timeout=60, headers=dict(owner.headers))
        for k in range(6):
            version = client.get(url).json()["version"]
            r = client.patch(url, json={"version": version, "weight": round((n * 10 + k) / 100, 2)})
            with lock:
                outcomes[r.status_code] += 1
            if r.status_code == 409:
                assert r.json()["error"]["code"] == "conflict"
        client.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(outcomes) <= {200, 409} and outcomes[200] >= 1
    assert outcomes[200] + outcomes[409] == 36
    final = owner.get(url).json()
    assert final["version"] == 1 + outcomes[200]  # every accepted write moved the version once
    history = owner.get(f"/api/debates/{d}/revisions?limit=200").json()["items"]
    edits = [h for h in history if h["resource"] == "evidence" and h["resource_id"] == "p2.a1"]
    assert len(edits) == outcomes[200]
    # each accepted write started from the state the previous one left: a gap-free chain
    chain = sorted((h["before"]["version"], h["after"]["version"]) for h in edits)
    assert chain == [(v, v + 1) for v in range(1, outcomes[200] + 1)]
    assert edits[0]["after"]["weight"] == final["weight"]


def test_killed_server_mid_import_leaves_all_or_nothing(database_url: str) -> None:
    """Time one big import, then kill the server halfway through an identical-sized second one."""
    live = LiveServer(database_url, workers=1)
    client = _token_client(live, "bulk")
    big = sample_debate(positions=100, per_side=10)
    expected = sum(len(p.evidence) for p in big.positions)
    started = time.monotonic()
    _import(client, big)
    took = time.monotonic() - started
    second = replace(big, title="The same, imported again")
    content = debate_json.dumps(second).encode()

    def send() -> None:
        with contextlib.suppress(httpx.HTTPError):  # the server dies under us
            client.post(
                "/api/imports", files={"file": ("big2.debate.json", content, "application/json")}
            )

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(took / 2)
    live.kill()
    sender.join(30)
    db = Database(database_url)
    with db.read() as s:
        titles = list(s.scalars(select(DebateRow.title).order_by(DebateRow.id)))
        evidence = s.scalar(select(func.count()).select_from(EvidenceRow))
        positions = s.scalar(select(func.count()).select_from(PositionRow))
    db.dispose()
    assert titles[0] == big.title
    if len(titles) == 1:  # killed before the commit: nothing of the second import
        assert (positions, evidence) == (100, expected)
    else:  # killed after it: all of it
        assert titles[1] == second.title and (positions, evidence) == (200, 2 * expected)


def test_whole_debate_reads_are_one_snapshot_while_another_client_writes(
    server: LiveServer,
) -> None:
    """GET /api/debates/{id} never mixes a node's text from one version with another's number.

    The writer puts the version each edit creates into the text, so any read whose text
    and ``versions`` disagree is a torn read (found on PostgreSQL under READ COMMITTED).
    """
    owner = _token_client(server, "snapshot")
    d = _import(owner, sample_debate())
    url = f"/api/debates/{d}/evidence/p1.f1"
    done = threading.Event()
    torn: list[tuple[str, int]] = []
    reads = 0

    def writer() -> None:
        client = httpx.Client(base_url=server.url, timeout=60, headers=dict(owner.headers))
        for _ in range(15):
            version = client.get(url).json()["version"]
            r = client.patch(url, json={"version": version, "text": f"edited at {version + 1}"})
            assert r.status_code in (200, 409), r.text
        client.close()
        done.set()

    def reader() -> None:
        nonlocal reads
        client = httpx.Client(base_url=server.url, timeout=60, headers=dict(owner.headers))
        while not done.is_set():
            body = client.get(f"/api/debates/{d}").json()
            version = body["versions"]["p1.f1"]
            text = next(
                e["text"]
                for p in body["debate"]["positions"]
                for e in p["evidence"]
                if e["id"] == "p1.f1"
            )
            reads += 1
            if version > 1 and text != f"edited at {version}":
                torn.append((text, version))
        client.close()

    threads = [
        threading.Thread(target=writer),
        *(threading.Thread(target=reader) for _ in range(2)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert reads > 0 and torn == []
