"""Checking an import before saving (``/api/imports/preview``, ``/api/imports/corrected``) and the
fix-up page's clicks (``/upload/fixup``): the same corrections give the same debate."""

from __future__ import annotations

import base64
import re
from typing import Any

from quaestio.formats import debate_json

DOC = (
    b"# Why did the Weimar Republic fall?\n"  # 1
    b"\n"
    b"## Economic crisis\n"  # 3
    b"\n"
    b"- unemployment reached six million\n"  # 5
    b"- the depression was decisive\n"  # 6
    b"- the Nazis promised work\n"  # 7
    b"\n"
    b"## Political intrigue\n"  # 9
    b"\n"
    b"- Papen and Schleicher plotted\n"  # 11
    b"- Hindenburg appointed Hitler\n"  # 12
    b"\n"
    b"## Key terms\n"  # 14
    b"\n"
    b"- Reichstag: the parliament\n"  # 16
)


def preview(b: Any, fixes: str = "", name: str = "weimar.md", data: bytes = DOC) -> Any:
    return b.post(
        "/api/imports/preview", files={"file": (name, data, "text/markdown")}, data={"fixes": fixes}
    )


def test_preview_names_every_line_and_saves_nothing(browser: Any) -> None:
    b = browser().signup("teacher")
    r = preview(b)
    assert r.status_code == 200, r.text
    body = r.json()
    roles = {line["number"]: line["role"] for line in body["lines"]}
    assert roles[1] == "question" and roles[3] == "position" and roles[5] == "for"
    assert roles[14] == "note" and roles[16] == "note"
    note = next(line for line in body["lines"] if line["number"] == 14)
    assert "not an explanation" in note["label"]
    assert [p["title"] for p in body["positions"]] == ["Economic crisis", "Political intrigue"]
    assert body["corrections"] == 0
    assert b.get("/api/debates").json()["total"] == 0


def test_corrections_change_the_preview_and_a_wrong_one_names_its_line(browser: Any) -> None:
    b = browser()
    body = preview(b, "flip 6\nmove 7 under 6\nhistorian add 9 Kershaw\n").json()
    points = body["positions"][0]["points"]
    assert [(p["stance"], p["depth"]) for p in points] == [("for", 0), ("against", 0), ("for", 1)]
    assert points[2]["parent"] == points[1]["id"]
    assert body["positions"][1]["historians"] == ["Kershaw"]
    bad = preview(b, "flip 6\nflip 2\n")
    assert bad.status_code == 422
    assert bad.json()["error"]["message"].startswith("no point is on line 2")
    assert "line 2" in bad.text
    other = preview(b, "", name="weimar.json", data=b"{}")
    assert other.status_code == 422 and "handouts" in other.json()["error"]["message"]


def test_saving_with_corrections_is_one_debate_and_needs_a_user(browser: Any) -> None:
    assert (
        browser()
        .post("/api/imports/corrected", files={"file": ("w.md", DOC, "text/markdown")})
        .status_code
        == 401
    )
    b = browser().signup("teacher")
    fixes = "question: How far was the depression to blame?\npromote 12\n"
    r = b.post(
        "/api/imports/corrected",
        files={"file": ("w.md", DOC, "text/markdown"), "fixfile": ("f.txt", fixes.encode())},
    )
    assert r.status_code == 201, r.text
    assert r.json()["corrections"] == 2
    again = b.post(
        "/api/imports/corrected",
        files={"file": ("w.md", DOC, "text/markdown")},
        data={"fixes": fixes},
    )
    assert again.status_code == 200 and again.json()["debate"]["id"] == r.json()["debate"]["id"]
    d = r.json()["debate"]["id"]
    saved = debate_json.loads(b.get(f"/api/debates/{d}/export?format=json").text).debate
    assert saved.question == "How far was the depression to blame?"
    assert [p.title for p in saved.positions] == [
        "Economic crisis",
        "Political intrigue",
        "Hindenburg appointed Hitler",
    ]
    # a correction that does not fit: nothing saved
    bad = b.post(
        "/api/imports/corrected",
        files={"file": ("w.md", DOC, "text/markdown")},
        data={"fixes": "demote 3\n"},
    )
    assert bad.status_code == 422
    assert b.get("/api/debates").json()["total"] == 1


def _fields(html: str) -> dict[str, str]:
    """The fix-up form's state as the page holds it (hidden fields and textareas)."""
    out = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    }
    for m in re.finditer(r'<textarea[^>]*name="(redo|fixes)"[^>]*>([^<]*)</textarea>', html):
        out.setdefault(m.group(1), m.group(2))
    return out


def test_the_page_clicks_undo_redo_and_download(browser: Any) -> None:
    b = browser().signup("teacher")
    page = b.post(
        "/upload/fixup",
        files={"file": ("weimar.md", DOC, "text/markdown")},
        data={"csrf_token": b.csrf},
    )
    assert page.status_code == 200, page.text
    assert 'class="role-note"' in page.text and "set aside" in page.text
    state = _fields(page.text)
    assert base64.b64decode(state["draft"]) == DOC
    hx = {"HX-Request": "true"}
    one = b.post("/upload/fixup/preview", data={**state, "op": "flip 6"}, headers=hx)
    assert one.status_code == 200 and "Flip the point on line 6 to for" in one.text
    state = _fields(one.text)
    assert state["fixes"] == "flip 6"
    two = b.post(
        "/upload/fixup/preview",
        data={**state, "op": "set-question", "question": "How far?\npromote 5"},
        headers=hx,
    )
    assert _fields(two.text)["fixes"].splitlines() == ["flip 6", "question: How far? promote 5"]
    undone = b.post("/upload/fixup/preview", data={**_fields(two.text), "op": "undo"}, headers=hx)
    state = _fields(undone.text)
    assert state["fixes"] == "flip 6" and state["redo"] == "question: How far? promote 5"
    wrong = b.post("/upload/fixup/preview", data={**state, "op": "promote 2"}, headers=hx)
    assert 'role="alert"' in wrong.text and "no point is on line 2" in wrong.text
    assert _fields(wrong.text)["fixes"] == "flip 6"
    script = b.post("/upload/fixup/corrections", data={**state})
    assert script.headers["content-disposition"].endswith('weimar.fixes.txt"')
    assert script.text.splitlines()[1:] == ["flip 6"]
    saved = b.post("/upload/fixup/save", data=state, headers=hx)
    assert saved.status_code == 201 and 'id="open-imported"' in saved.text
    anonymous = browser().post("/upload/fixup/save", data=state, headers=hx)
    assert "sign in to save" in anonymous.text
    forged = b.client.post("/upload/fixup/save", data={**state, "csrf_token": "x"})
    assert forged.status_code == 403


def test_hostile_drafts_are_clear_errors_never_server_errors(browser: Any) -> None:
    b = browser()
    for name, data, fixes in [
        ("x.md", b"", ""),
        ("x.docx", b"not a zip", ""),
        ("x.txt", bytes(range(256)) * 4, ""),
        ("x.md", DOC, "move 5 under 5\n"),
        ("x.md", DOC, "historian remove 3 Nobody\n"),
        ("x.md", DOC, "drop 3\ndrop 9\n"),
        ("x.md", DOC, "flip 99999999999999999999\n"),
        ("x.md", DOC, "promote 5\n" * 501),
    ]:
        r = preview(b, fixes, name=name, data=data)
        assert r.status_code == 422, (name, fixes[:20], r.text)
        assert r.json()["error"]["message"]
    big = preview(b, "", data=b"# a\n" * (1024 * 1024))
    assert big.status_code == 422 and "larger than" in big.text
    hx = {"HX-Request": "true"}
    t = browser().signup("hostile")
    for draft in ("!!!not base64", "", base64.b64encode(b"\x00\x01binary").decode()):
        r = t.post(
            "/upload/fixup/preview",
            data={"csrf_token": t.csrf, "draft": draft, "filename": "x.md", "op": "flip 5"},
            headers=hx,
        )
        # htmx swaps no 4xx: the message goes to the page's message area instead
        assert r.headers.get("HX-Retarget") == "#messages", (draft, r.status_code)
        assert "upload the file again" in r.text or "binary" in r.text, r.text
    plain = t.post("/upload/fixup/preview", data={"csrf_token": t.csrf, "draft": "!!", "op": ""})
    assert plain.status_code in (400, 422)


def test_the_page_moves_and_unmarks(browser: Any) -> None:
    b = browser().signup("teacher")
    page = b.post(
        "/upload/fixup", files={"file": ("w.md", DOC, "text/markdown")}, data={"csrf_token": b.csrf}
    )
    state = _fields(page.text)
    hx = {"HX-Request": "true"}
    moved = b.post(
        "/upload/fixup/preview",
        data={**state, "op": "move", "move-point": "7", "move-to": "6"},
        headers=hx,
    )
    assert "answers the point on line 6" in moved.text
    state = _fields(moved.text)
    marked = b.post(
        "/upload/fixup/preview",
        data={**state, "op": "mark-historian 9", "historian-9": "Evans"},
        headers=hx,
    )
    assert "Evans is not a historian of" in marked.text
    state = _fields(marked.text)
    unmarked = b.post(
        "/upload/fixup/preview",
        data={**state, "op": "historian remove 9 Evans"},
        headers=hx,
    )
    assert "Evans is not a historian of" not in unmarked.text
    assert _fields(unmarked.text)["fixes"].splitlines() == [
        "move 7 under 6",
        "historian add 9 Evans",
        "historian remove 9 Evans",
    ]


def test_a_fix_file_is_loaded_at_upload_and_on_the_page(browser: Any) -> None:
    b = browser().signup("teacher")
    page = b.post(
        "/upload/fixup",
        files={"file": ("w.md", DOC, "text/markdown"), "fixfile": ("w.fixes.txt", b"flip 5\n")},
        data={"csrf_token": b.csrf},
    )
    assert _fields(page.text)["fixes"] == "flip 5"
    loaded = b.post(
        "/upload/fixup/preview",
        files={"fixfile": ("other.txt", b"# mine\npromote 12\ndrop 5\n")},
        data={**_fields(page.text), "op": "load"},
        headers={"HX-Request": "true"},
    )
    assert _fields(loaded.text)["fixes"].splitlines() == ["promote 12", "drop 5"]
    wrong = b.post(
        "/upload/fixup",
        files={"file": ("w.md", DOC, "text/markdown"), "fixfile": ("f.txt", b"burn it\n")},
        data={"csrf_token": b.csrf},
    )
    assert wrong.status_code in (400, 422) and "not a correction" in wrong.text
