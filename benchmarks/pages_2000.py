"""Every page of a 2,000-point debate: server time, and time to usable in Chromium.

Starts the app (uvicorn, one worker, SQLite) with a 2,000-point debate, signs its
teacher in with Debian's Chromium (Playwright), and opens each page twice. "Server"
is the time for the whole HTML answer over loopback (httpx, the same cookies);
"usable" is navigation start to the page's load event and its main content
present (for the map: drawn and answering), read in the browser. Targets from
the classroom issue: server under 1 s, usable under 2 s. Writes its section of
docs/benchmarks.md.

    python -m benchmarks.pages_2000
    python -m benchmarks.pages_2000 --only map verdict edit   # a few pages, printed only

With ``--only`` the named pages are measured and printed, and docs/benchmarks.md
is left as it is (its table is of every page).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from typing import Any

import httpx
import uvicorn
from tests.web_browser import ARGS, CHROMIUM, free_port
from tests.web_ui.sample import big_debate

from benchmarks.sections import machine_line, replace_section
from quaestio.store import accounts
from quaestio.store import debates as store_debates
from quaestio.web.app import create_app

TEACHER, PASSWORD = "teacher", "correct horse 7"
# page, path below /d/{id}, what shows that it is usable
PAGES = (
    ("table", "table", "table"),
    ("nested", "tree", "main li"),
    ("map", "map", "#map[data-ready=true]"),
    ("matrix", "matrix", "table"),
    ("timeline", "timeline", "#timeline[data-ready=true]"),
    ("historians", "historians", "main"),
    ("balance sheet", "balance", "main"),
    ("verdict", "verdict", "#ranking ol, #ranking li"),
    ("essay plan", "plan", "main h3, main h2"),
    ("quiz", "quiz?n=10", "main form"),
    ("flashcards (review)", "review", "main"),
    ("edit", "edit", "main form"),
)


def _serve() -> tuple[uvicorn.Server, str, int]:
    folder = tempfile.mkdtemp()
    app = create_app(f"sqlite:///{folder}/pages.sqlite3")
    with app.state.db.transaction() as session:  # the teacher's own debate: the editor opens
        owner = accounts.create_user(session, TEACHER, PASSWORD)
        did = store_debates.import_debate(session, big_debate(20, 100), owner_id=owner.id).id
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}", did


def measure(only: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    server, base, did = _serve()
    rows: list[dict[str, Any]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            signed = context.request.post(
                f"{base}/api/auth/login", data={"username": TEACHER, "password": PASSWORD}
            )
            assert signed.ok, signed.text()
            cookies = {c["name"]: c["value"] for c in context.cookies()}
            client = httpx.Client(base_url=base, cookies=cookies, timeout=120)
            page = context.new_page()
            for name, path, ready in PAGES:
                if only and name not in only:
                    continue
                url = f"/d/{did}/{path}"
                server_s, usable_s = [], []
                status = 0
                for _ in range(2):
                    started = time.perf_counter()
                    r = client.get(url)
                    server_s.append(time.perf_counter() - started)
                    status = r.status_code
                    started = time.perf_counter()
                    page.goto(base + url, wait_until="load", timeout=120_000)
                    if status == 200:
                        page.wait_for_selector(ready, timeout=120_000, state="attached")
                    usable_s.append(time.perf_counter() - started)
                rows.append(
                    {
                        "page": name,
                        "path": url,
                        "status": status,
                        "server": statistics.median(server_s),
                        "usable": statistics.median(usable_s),
                        "first_usable": usable_s[0],
                    }
                )
                print(rows[-1], flush=True)
            browser.close()
    finally:
        server.should_exit = True
    return rows


def report(rows: list[dict[str, Any]]) -> None:
    lines = [
        "",
        "## Every page at 2,000 points",
        "",
        machine_line(),
        "",
        "`python -m benchmarks.pages_2000`: a 2,000-point debate (20 positions x 100 points) on "
        "SQLite, one uvicorn worker, its teacher signed in to Chromium at 1280x800. Server: the "
        "whole HTML answer over loopback; usable: navigation to the load event with the "
        "page's content present (the map: drawn and answering). Median of two visits; "
        "targets: server < 1 s, usable < 2 s.",
        "",
        "| page | status | server s | usable s | first visit usable s | met |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in rows:
        met = "yes" if r["server"] < 1 and r["usable"] < 2 else "no"
        lines.append(
            f"| {r['page']} | {r['status']} | {r['server']:.2f} | {r['usable']:.2f} | "
            f"{r['first_usable']:.2f} | {met} |"
        )
    replace_section("pages-2000", [*lines, ""])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages_2000")
    names = [name for name, _, _ in PAGES]
    parser.add_argument(
        "--only",
        nargs="+",
        choices=names,
        default=(),
        metavar="PAGE",
        help=f"measure only these pages and print them (one of: {', '.join(names)})",
    )
    only = tuple(parser.parse_args(argv).only)
    rows = measure(only)
    if not only:
        report(rows)


if __name__ == "__main__":
    main()
