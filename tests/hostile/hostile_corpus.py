"""Hostile and careless files for every reader, generated in code (nothing is downloaded).

``hostile(name)`` gives the hand-made attacks for one reader: billion laughs,
nesting 100,000 deep, a zip bomb made small, malformed ``.rels``, a colspan of a
billion, an ICCMA header declaring a hundred million arguments, numbers of 5,000
digits, slow-path sizes (20,000 .docx paragraphs, 50,000 Argdown lines) and the
generic junk every reader must refuse cleanly. ``mutants(name, n, seed)`` adds
seeded byte-level mutations of a valid sample (flips, inserts of syntax bytes,
cuts, duplicated chunks; for .docx also mutations of ``document.xml`` re-zipped),
so the sweep reaches any number of inputs per reader deterministically.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "tests" / "formats"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

SUFFIX = {
    "json": ".debate.json",
    "debate-md": ".debate.md",
    "iccma": ".i23",
    "text": ".txt",
    "docx": ".docx",
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "aif": ".aif.json",
    "argdown": ".argdown",
    "kialo": ".kialo.txt",
    "ach-csv": ".ach.csv",
    "graphml": ".graphml",
}
READERS = tuple(SUFFIX)
DEEP = 100_000

Case = tuple[str, bytes]


@cache
def sample(name: str) -> bytes:
    """A valid file of the reader's format (written by our writers where there is one)."""
    from fmt_example import make_example

    from quaestio.formats import by_name

    debate = make_example()
    if name == "kialo":
        return (ROOT / "tests" / "formats" / "data" / "rome.kialo.txt").read_bytes()
    if name in ("docx", "markdown", "html"):
        from tests.importer import writers

        writer = {"docx": writers.to_docx, "markdown": writers.to_markdown, "html": writers.to_html}
        return writer[name](debate)
    if name == "text":
        return _text_handout()
    fmt = by_name(name)
    assert fmt.write is not None
    return fmt.write(debate)


def _text_handout() -> bytes:
    rows = ["\tArguments\tSupporting Evidence\tCountering Evidence"]
    for k in range(1, 4):
        rows.append(f"\tClaim number {k} about the harvest\tRecords of {1840 + k}\tA later survey")
    rows.append("\tConclusion: the harvest mattered most")
    return ("\n".join(rows) + "\n").encode()


def _zip(members: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(sample("docx"))) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _with_document(xml: bytes) -> bytes:
    members = _docx_members()
    members["word/document.xml"] = xml
    return _zip(members)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _w_body(inner: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {_W}><w:body>{inner}</w:body></w:document>'.encode()


LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _generic() -> Iterator[Case]:
    yield "empty", b""
    yield "blank", b" \n\t\n"
    yield "nul", b"\x00"
    yield "bom-only", b"\xef\xbb\xbf"
    yield "binary", bytes(random.Random(1).randrange(256) for _ in range(4096))
    yield "bad-utf8", b"Title\n\xff\xfe\xc3(\n"
    yield "long-line", b"x" * 3_000_000
    yield "many-newlines", b"\n" * 2_000_000
    yield "digits", b"9" * 5_000
    yield "deep-brackets", b"[" * DEEP
    yield "deep-braces", b'{"a":' * DEEP
    yield "controls", bytes(range(32)) * 100
    yield "utf16", "Title: a debate\n".encode("utf-16")


def _json_like(name: str) -> Iterator[Case]:
    base = sample(name).decode()
    yield "deep-array", b'{"title": "t", "positions": ' + b"[" * DEEP + b"]" * DEEP + b"}"
    yield "deep-object", b'{"x": ' * DEEP + b"1" + b"}" * DEEP
    yield "long-int", b'{"title": "t", "weight": ' + b"7" * 5000 + b"}"
    yield "long-int-field", base.replace("{", '{"n": ' + "1" * 5000 + ", ", 1).encode()
    yield "huge-float", base.replace("{", '{"n": 1e999999, ', 1).encode()
    yield "nan", base.replace("{", '{"n": NaN, ', 1).encode()
    yield "lone-surrogate", base.replace("{", '{"n": "\\ud800", ', 1).encode()
    yield "null", b"null"
    yield "list", b"[]"
    yield "string", b'"a debate"'
    yield "nulls", b'{"title": null, "positions": null, "evidence": null, "nodes": null}'
    yield "wrong-types", b'{"title": 5, "positions": {"a": 1}, "nodes": "x", "edges": 3}'
    yield "truncated", base[: len(base) // 2].encode()
    many = ", ".join(f'{{"id": "p{i}", "title": "t"}}' for i in range(200_000))
    yield "many-items", f'{{"title": "t", "positions": [{many}], "nodes": [{many}]}}'.encode()


def _debate_md() -> Iterator[Case]:
    base = sample("debate-md").decode()
    yield "deep-attr", f"# T\n\n## P {{#p1 refs={'[' * DEEP}{']' * DEEP}}}\n".encode()
    yield "deep-attr-object", f"# T\n\n## P {{#p1 weight={'[{' * 1000}}}\n".encode()
    yield "long-weight", f"# T\n\n## P {{#p1 weight={'9' * 5000}}}\n".encode()
    yield "long-attr-json", f"# T\n\n## P {{#p1 refs=[{'1' * 5000}]}}\n".encode()
    yield "unclosed-attr", b"# T\n\n## P {#p1 refs=[\n"
    yield "deep-headings", ("# T\n" + "".join(f"{'#' * 7} h{i}\n" for i in range(5000))).encode()
    yield (
        "many-positions",
        (
            "# T\n\n" + "".join(f"## P{i} {{#p{i}}}\n\n- {{#p{i}.f1}} e\n" for i in range(40_000))
        ).encode(),
    )
    yield (
        "deep-list",
        (
            "# T\n\n## P {#p1}\n\n### For\n\n" + "".join(f"{'  ' * i}- item\n" for i in range(3000))
        ).encode(),
    )
    yield "truncated", base[: len(base) // 3].encode()


def _iccma() -> Iterator[Case]:
    yield "huge-header", b"p af 100000000\n"
    yield "big-header", b"p af 3000000\n"
    yield "giant-header", b"p af " + b"9" * 30 + b"\n"
    yield "digits-header", b"p af " + b"9" * 5000 + b"\n"
    yield "header-and-attack", b"p af 100000000\n1 99999999\n"
    yield "out-of-range", b"p af 3\n1 4\n"
    yield "zero", b"p af 3\n0 1\n"
    yield "negative", b"p af 3\n-1 2\n"
    yield "long-attack", b"p af 3\n1 " + b"2" * 5000 + b"\n"
    yield "odd", b"p af 3\n1 2 3\n"
    yield "no-header", b"1 2\n"
    yield "two-headers", b"p af 2\np af 3\n"
    yield "bad-map", b"p af 2\n# 7 p1\n1 2\n"
    yield (
        "dense",
        b"p af 2000\n"
        + b"".join(f"{i} {j}\n".encode() for i in range(1, 301) for j in range(1, 301)),
    )


def _docx() -> Iterator[Case]:
    members = _docx_members()
    yield (
        "laughs",
        _with_document(
            LAUGHS
            + b"<w:document "
            + _W.encode()
            + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        ),
    )
    yield "deep-xml", _with_document(_w_body("<w:p>" * 5000 + "</w:p>" * 5000))
    yield "empty-document", _with_document(b"")
    yield "not-xml", _with_document(b"this is not xml <<<")
    yield "truncated-xml", _with_document(members["word/document.xml"][:200])
    yield (
        "bad-rels",
        _zip({**members, "_rels/.rels": b"<Relationships><Relationship/></Relationships>"}),
    )
    yield "junk-rels", _zip({**members, "_rels/.rels": b"not xml"})
    yield "doc-rels-broken", _zip({**members, "word/_rels/document.xml.rels": b"<x/>"})
    yield "no-document", _zip({k: v for k, v in members.items() if k != "word/document.xml"})
    yield "no-content-types", _zip({k: v for k, v in members.items() if k != "[Content_Types].xml"})
    yield "bad-content-types", _zip({**members, "[Content_Types].xml": b"<Types/>"})
    yield (
        "bad-styles",
        _zip(
            {
                **members,
                "word/styles.xml": LAUGHS + b"<w:styles " + _W.encode() + b">&lol9;</w:styles>",
            }
        ),
    )
    yield (
        "zip-bomb",
        _with_document(
            _w_body("<w:p><w:r><w:t>")
            + b" " * 150_000_000
            + b"</w:t></w:r></w:p></w:body></w:document>"
        ),
    )
    yield "many-members", _zip({**members, **{f"junk/{i}.bin": b"" for i in range(3000)}})
    yield (
        "stored-big",
        _zip({**members, "junk.bin": b"\0" * 2_000_000}, compress=zipfile.ZIP_STORED),
    )
    raw = bytearray(sample("docx"))
    start = raw.find(b"word/document.xml")
    for k in range(start + 200, min(start + 400, len(raw)), 40):
        raw[k] ^= 0xFF
    yield "corrupt-deflate", bytes(raw)
    yield "truncated-zip", sample("docx")[: len(sample("docx")) // 2]
    yield "zip-of-nothing", _zip({})
    yield (
        "huge-gridspan",
        _with_document(
            _w_body(
                '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            )
        ),
    )
    yield (
        "long-gridspan",
        _with_document(
            _w_body(
                f'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{"9" * 5000}"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
            )
        ),
    )
    yield (
        "huge-ilvl",
        _with_document(
            _w_body(
                f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{"9" * 5000}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
            )
        ),
    )
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>Point {i} of the argument</w:t></w:r></w:p>'
        if i % 3
        else f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Heading {i} For</w:t></w:r></w:p>'
        for i in range(20_000)
    )
    # a debate's signs first (the importer refuses notes with none), then the bulk
    opening = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Causes of the war: '
        "interpretations</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Question: Why did the war break out?</w:t></w:r></w:p>"
    )
    yield "many-paragraphs", _with_document(_w_body(opening + paragraphs))


def _html() -> Iterator[Case]:
    yield "colspan", b'<table><tr><td colspan="1000000000">a</td></tr></table>'
    yield (
        "colspan-rows",
        b'<table><tr><th>Arguments</th><th>For</th></tr><tr><td colspan="1000000000">a</td><td rowspan="1000000000">b</td></tr></table>',
    )
    yield "colspan-digits", b'<table><tr><td colspan="' + b"9" * 5000 + b'">a</td></tr></table>'
    yield (
        "deep-divs",
        b"<html><body>" + b"<div>" * DEEP + b"x" + b"</div>" * DEEP + b"</body></html>",
    )
    yield "deep-lists", b"<ul>" + b"<li><ul>" * 20_000 + b"</ul></li>" * 20_000 + b"</ul>"
    yield "deep-cell", b"<table><tr><td>" + b"<div>" * 50_000 + b"x</td></tr></table>"
    yield "laughs", LAUGHS + b"<html><body><p>&lol9;</p></body></html>"
    yield "xml-decl", b'<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>'
    yield (
        "many-rows",
        b"<table><tr><th>Arguments</th><th>Supporting Evidence</th></tr>"
        + b"".join(
            f"<tr><td>Claim {i}</td><td>Proof {i} from {1800 + i % 200}</td></tr>".encode()
            for i in range(30_000)
        )
        + b"</table>",
    )
    yield "nested-tables", b"<table><tr><td>" * 3000 + b"x" + b"</td></tr></table>" * 3000


def _markdown() -> Iterator[Case]:
    yield "deep-quote", b">" * DEEP + b" x\n"
    yield "deep-list", b"".join(b"  " * i + b"- item\n" for i in range(5000))
    yield (
        "huge-table",
        b"| Arguments | For | Against |\n|---|---|---|\n"
        + b"".join(f"| Claim {i} | proof {i} | doubt {i} |\n".encode() for i in range(40_000)),
    )
    yield "wide-table", b"|" + b" a |" * 50_000 + b"\n|" + b"---|" * 50_000 + b"\n"
    yield "deep-emphasis", b"*" * 200_000 + b"\n"
    yield "deep-links", b"[" * DEEP + b"\n"


def _tabular() -> Iterator[Case]:
    yield "unbalanced-quote", b'id,text\n"p1,unclosed\n'
    yield "huge-field", b'id,text\np1,"' + b"x" * 3_000_000 + b'"\n'
    yield "many-columns", b",".join(b"c%d" % i for i in range(100_000)) + b"\n"
    yield "many-rows", b"id,kind,text\n" + b"".join(b"p%d,position,t\n" % i for i in range(200_000))
    yield "digits", b"id,weight\np1," + b"9" * 5000 + b"\n"


def _argdown() -> Iterator[Case]:
    yield (
        "many-lines",
        b"".join(
            b"[Claim %d]: text of claim %d\n  + <Reason %d>: why\n" % (i, i, i)
            for i in range(25_000)
        ),
    )
    yield (
        "deep-indent",
        b"[A]: a\n" + b"".join(b"  " * i + b"+ <R%d>: r\n" % i for i in range(3000)),
    )
    yield "unclosed", b"[A: never closed\n" * 1000
    yield "many-relations", b"[A]: a\n" + b"  + [A]\n" * 50_000


def _kialo() -> Iterator[Case]:
    yield (
        "deep-numbering",
        b"Discussion Title: T\n\n1. Thesis\n"
        + b"".join(
            (".".join(["1"] * (i + 1)) + ".1. Pro: step\n").encode() for i in range(1, 1500)
        ),
    )
    yield "long-number", b"Discussion Title: T\n\n1. Thesis\n" + b"1." * 100_000 + b" Pro: x\n"
    yield "digits", b"Discussion Title: T\n\n" + b"9" * 5000 + b". Thesis\n"
    yield (
        "many-claims",
        b"Discussion Title: T\n\n1. Thesis\n"
        + b"".join(b"1.%d. Pro: claim %d\n" % (i, i) for i in range(1, 60_000)),
    )


def _graphml() -> Iterator[Case]:
    yield (
        "laughs",
        LAUGHS
        + b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&lol9;"/></graph></graphml>',
    )
    yield (
        "external-entity",
        b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"><data key="text">&x;</data></node></graph></graphml>',
    )
    yield "deep", b"<graphml>" + b"<g>" * 5000 + b"</g>" * 5000 + b"</graphml>"
    yield (
        "digits",
        sample("graphml")
        .replace(
            b"<graph ", b'<key id="w" for="node" attr.name="weight" attr.type="double"/><graph ', 1
        )
        .replace(b"</node>", b'<data key="w">' + b"9" * 5000 + b"</data></node>", 1),
    )


SPECIFIC = {
    "json": lambda: _json_like("json"),
    "aif": lambda: _json_like("aif"),
    "debate-md": _debate_md,
    "iccma": _iccma,
    "docx": _docx,
    "html": _html,
    "markdown": _markdown,
    "text": lambda: iter(_markdown_as_text()),
    "csv": _tabular,
    "ach-csv": _tabular,
    "argdown": _argdown,
    "kialo": _kialo,
    "graphml": _graphml,
}


def _markdown_as_text() -> list[Case]:
    return [
        ("many-lines", b"".join(b"\tClaim %d\tproof %d\tdoubt\n" % (i, i) for i in range(60_000))),
        ("many-tabs", b"\t" * 1_000_000 + b"x\n"),
        ("deep-bullets", b"".join(b" " * i + b"- item\n" for i in range(5000))),
        *_markdown(),
    ]


def hostile(name: str) -> list[Case]:
    """The hand-made attacks for one reader (generic junk first)."""
    return [*_generic(), *SPECIFIC[name]()]


_SYNTAX = list(b"{}[]<>:;,\"'\n#-+_=\\/()&|*\t 0123456789.")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            out += bytes([rng.choice(_SYNTAX)])
            continue
        i = rng.randrange(len(out))
        op = rng.randrange(6)
        if op == 0:
            out[i] = rng.randrange(256)
        elif op == 1:
            out.insert(i, rng.choice(_SYNTAX))
        elif op == 2:
            del out[i : i + rng.randint(1, 16)]
        elif op == 3:
            j = min(len(out), i + rng.randint(1, 64))
            out[i:i] = out[i:j] * rng.randint(2, 50)
        elif op == 4:
            del out[i:]
        else:
            out.insert(i, rng.choice(_SYNTAX))
            out.insert(i, rng.choice(_SYNTAX))
    return bytes(out)


def mutants(name: str, n: int, seed: int = 0) -> list[Case]:
    """``n`` seeded mutations of the reader's valid sample."""
    rng = random.Random(f"{name}:{seed}")
    base = sample(name)
    out: list[Case] = []
    members = _docx_members() if name == "docx" else {}
    for k in range(n):
        if name == "docx" and k % 2 == 0:
            part = rng.choice(
                [
                    "word/document.xml",
                    "word/styles.xml",
                    "_rels/.rels",
                    "word/_rels/document.xml.rels",
                    "[Content_Types].xml",
                ]
            )
            changed = dict(members)
            if part in changed:
                changed[part] = _mutate(changed[part], rng)
            out.append((f"mutant-{k}-{part.replace('/', '_')}", _zip(changed)))
        else:
            out.append((f"mutant-{k}", _mutate(base, rng)))
    return out


def cases(name: str, total: int, seed: int = 0) -> list[Case]:
    """The hostile files, then mutants, up to ``total`` inputs (at least all hostile ones)."""
    fixed = hostile(name)
    return fixed + mutants(name, max(0, total - len(fixed)), seed)
