"""How the argument map copes with a 2,000-node debate in Debian's Chromium.

Measures the time from navigation to a usable map (a map this large opens on its
positions), the time "Expand all" takes to show every node, and the frame times of a
burst of zoom and pan steps with every node shown. Run:
PYTHONPATH=src:. python benchmarks/web_map.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import threading
import time

import uvicorn
from tests.web_browser import ARGS, CHROMIUM, ZOOM_PAN_FRAMES, free_port
from tests.web_ui.sample import big_debate

from benchmarks.sections import machine_line, replace_section
from quaestio.store import debates as store_debates
from quaestio.web.app import create_app


def main() -> dict[str, float]:
    folder = tempfile.mkdtemp()
    app = create_app(f"sqlite:///{folder}/bench.sqlite3")
    with app.state.db.transaction() as session:
        did = store_debates.import_debate(session, big_debate(), owner_id=None).id
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        import httpx

        t0 = time.perf_counter()
        httpx.get(f"http://127.0.0.1:{port}/d/{did}/map").raise_for_status()
        server_ms = (time.perf_counter() - t0) * 1000
        started = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/d/{did}/map")
        page.wait_for_selector("#map[data-ready=true]", timeout=120_000)
        ready = (time.perf_counter() - started) * 1000
        layout = float(page.get_attribute("#map", "data-layout-ms") or "nan")
        first_nodes = page.evaluate("() => quaestioMap.nodes().length")
        expanding = time.perf_counter()
        page.click("button[data-map=expand-all]")
        page.wait_for_function(
            "() => /^All /.test(document.getElementById('map-status').textContent)"
        )
        expand_ms = (time.perf_counter() - expanding) * 1000
        frames = page.evaluate(ZOOM_PAN_FRAMES, [40, 15])
        nodes = page.evaluate("() => quaestioMap.nodes().length")
        browser.close()
    server.should_exit = True
    result = {
        "nodes": nodes,
        "first_nodes": first_nodes,
        "server_render_ms": round(server_ms),
        "page_to_ready_ms": round(ready),
        "first_drawing_ms": layout,
        "expand_all_ms": round(expand_ms),
        "frame_ms_median": round(statistics.median(frames), 1),
        "frame_ms_p90": round(sorted(frames)[int(0.9 * len(frames))], 1),
    }
    return result


def report(result: dict[str, float]) -> None:
    labels = {
        "nodes": "nodes on the map",
        "first_nodes": "nodes it opens with (its positions)",
        "server_render_ms": "server renders the page (ms)",
        "page_to_ready_ms": "navigation to a usable map (ms)",
        "first_drawing_ms": "first drawing (ms)",
        "expand_all_ms": "Expand all: every node shown (ms)",
        "frame_ms_median": "zoom/pan frame, every node shown, median (ms)",
        "frame_ms_p90": "zoom/pan frame, every node shown, 90th percentile (ms)",
    }
    lines = ["", "## The argument map at 2,000 nodes", "", machine_line(), ""]
    lines += [
        "Headless Debian Chromium, software rendering.",
        "",
        "| measure | value |",
        "|---|---:|",
    ]
    lines += [f"| {labels.get(k, k)} | {v} |" for k, v in result.items()]
    replace_section("map", [*lines, ""])


if __name__ == "__main__":
    measured = main()
    json.dump(measured, sys.stdout, indent=2)
    print()
    report(measured)
