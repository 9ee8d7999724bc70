"""The field's formats on real files nobody here wrote: what quaestio keeps of each.

Run: python -m benchmarks.formats_corpus [--format argdown|aif|kialo|sadface|carneades]
       [--no-roundtrip] [--label BEFORE|AFTER] [--json PATH]

The files are listed in benchmarks/corpus/formats/MANIFEST.toml (repository, commit,
path, licence) and read from the bare snapshots in /work/.mirror; none is committed.
For every file an independent counter reads the source (for Argdown the reference
implementation, @argdown/cli's JSON export from tools/argdown; for AIF, Kialo,
SADFace and Carneades a few lines of plain JSON/YAML/text walking below) and lists
its claims and typed relations. quaestio then reads the file with the format's
reader, and a relation counts as kept when the debate holds a relation of the same
kind between claims with the same text. Argdown files also go round the reference
implementation: quaestio writes the debate back as Argdown and the statement,
argument and relation counts of @argdown/cli's export must equal the original's.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.sections import machine_line, replace_section
from quaestio.errors import QuaestioError
from quaestio.formats import registry
from quaestio.model import Debate

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "benchmarks" / "corpus" / "formats" / "MANIFEST.toml"
MIRROR = Path("/work/.mirror")
DOC = ROOT / "docs" / "formats.md"
CLI = ROOT / "tools" / "argdown" / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
#: kinds a source relation may have; the quaestio kinds that keep each one
KEEPS: dict[str, frozenset[str]] = {
    "support": frozenset({"support"}),
    "attack": frozenset({"attack"}),
    "undercut": frozenset({"undercut"}),
    "contrary": frozenset({"contrary", "attack"}),  # Argdown's '-' between statements
    "contradictory": frozenset({"contradictory"}),
    "rephrase": frozenset({"rephrase"}),
    "attack-on-relation": frozenset({"attack-on-relation"}),
}
#: kinds matched on the source claim only (their target is an inference, not a claim)
SOURCE_ONLY = frozenset({"undercut", "attack-on-relation"})
#: the name each format's reader has in the FORMATS table
READER = {
    "argdown": "argdown",
    "aif": "aif",
    "kialo": "kialo",
    "sadface": "sadface",
    "carneades": "carneades",
}
SUFFIX = {
    "argdown": ".argdown",
    "aif": ".json",
    "kialo": ".txt",
    "sadface": ".json",
    "carneades": ".yml",
}


def norm(text: object) -> str:
    """A claim's text as a matching key: no markup, case or spacing differences."""
    t = re.sub(r"\\(.)", r"\1", str(text or ""))
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"[*_`#]", "", t)
    return " ".join(t.lower().split()).strip(" .:;,")[:300]


@dataclass
class Graph:
    """Claims (id -> text keys) and typed relations, from a source file or a debate."""

    claims: dict[str, set[str]] = field(default_factory=dict)
    relations: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # src, dst, kind, label
    arguments: list[str] = field(default_factory=list)  # conclusion claim ids of pcs arguments
    tags: set[tuple[str, str]] = field(default_factory=set)  # (claim id, tag)

    def claim(self, ident: str, *texts: object) -> None:
        keys = self.claims.setdefault(ident, set())
        keys.update(k for k in (norm(t) for t in texts) if k)

    def relate(self, src: str, dst: str, kind: str, label: str = "") -> None:
        self.relations.append((src, dst, kind, label or kind))


# -- independent counters of the source files ---------------------------------------------
def count_aif(text: str) -> Graph:
    data = json.loads(text)
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]
    g = Graph()
    nodes = {str(n["nodeID"]): n for n in data.get("nodes", [])}
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for e in data.get("edges", []):
        s, t = str(e["fromID"]), str(e["toID"])
        if s in nodes and t in nodes:
            out.setdefault(s, []).append(t)
            into.setdefault(t, []).append(s)
    for ident, n in nodes.items():
        if n.get("type") == "I":
            g.claim(ident, n.get("text"))
    for ident, n in nodes.items():
        kind = n.get("type")
        sources = [s for s in into.get(ident, []) if nodes[s].get("type") == "I"]
        for t in out.get(ident, []):
            ttype = nodes[t].get("type")
            for s in sources:
                if kind == "RA" and ttype == "I":
                    g.relate(s, t, "support")
                elif kind == "MA" and ttype == "I":
                    g.relate(s, t, "rephrase")
                elif kind == "CA" and ttype == "I":
                    g.relate(s, t, "attack")
                elif kind == "CA" and ttype == "RA":
                    g.relate(s, t, "undercut")
                elif kind == "CA" and ttype in {"CA", "MA"}:
                    g.relate(s, t, "attack-on-relation")
        if kind == "RA" and len(sources) > 1:
            g.arguments += [t for t in out.get(ident, []) if nodes[t].get("type") == "I"]
    return g


def count_kialo(text: str) -> Graph:
    g = Graph()
    item = re.compile(r"^\s*((?:\d+\.)+)\s*(?:(Pro|Con|Thesis):)?\s*(.*)$")
    items: list[list[str]] = []  # [number, stance, text...]
    lines = text.splitlines()
    marked = any(ln.startswith("Discussion Name:") for ln in lines[:3])
    seen: set[str] = set()
    for line in lines:
        if line.rstrip() == "Sources:":
            break
        m = item.match(line)
        if m and (m.group(1) in seen or (marked and not m.group(2) and m.group(3))):
            m = None  # the current layout marks every claim: this is a list inside a claim
        if m:
            seen.add(m.group(1))
            items.append([m.group(1), m.group(2) or "", m.group(3)])
        elif items and line.strip():
            items[-1].append(line.strip())
    texts = {i[0]: " ".join(i[2:]).strip() for i in items}
    for number, body in texts.items():
        if not body.startswith("-> See"):
            g.claim(number, body)
    for i in items:
        number, stance = i[0], i[1]
        parent = ".".join(number.rstrip(".").split(".")[:-1]) + "."
        if parent == "." or parent not in texts:
            continue
        kind = "attack" if stance == "Con" else "support"
        link = re.match(r"^->\s*See\s+((?:\d+\.)+)", texts[number])
        if link:
            if link.group(1) in g.claims:
                g.relate(link.group(1), parent, kind, "cross-link")
        elif stance:
            g.relate(
                number,
                parent,
                kind,
                f"{kind} (depth {min(number.count('.') - 1, 3)}"
                + ("+" if number.count(".") > 4 else "")
                + ")",
            )
    return g


def count_sadface(text: str) -> Graph:
    data = json.loads(text)
    g = Graph()
    nodes = {n["id"]: n for n in data.get("nodes", [])}
    for ident, n in nodes.items():
        if n.get("type") == "atom":
            g.claim(ident, n.get("text"))
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for e in data.get("edges", []):
        out.setdefault(e["source_id"], []).append(e["target_id"])
        into.setdefault(e["target_id"], []).append(e["source_id"])
    for ident, n in nodes.items():
        if n.get("type") != "scheme":
            continue
        name = str(n.get("name", "")).lower()
        kind = "attack" if name in {"attack", "conflict", "rebut"} else "support"
        for s in into.get(ident, []):
            for t in out.get(ident, []):
                if s in g.claims and t in g.claims:
                    g.relate(s, t, kind)
    return g


def count_carneades(text: str) -> Graph:
    data = yaml.safe_load(text) or {}
    g = Graph()
    for ident, st in (data.get("statements") or {}).items():
        g.claim(str(ident), st.get("text") if isinstance(st, dict) else st, ident)
    for issue in (data.get("issues") or {}).values():
        pos = [str(p) for p in (issue or {}).get("positions", [])]
        for i, a in enumerate(pos):
            for b in pos[i + 1 :]:
                g.relate(a, b, "contrary")
    for arg in (data.get("arguments") or {}).values():
        arg = arg or {}
        premises = arg.get("premises") or []
        ids = [str(p) for p in (premises.values() if isinstance(premises, dict) else premises)]
        conclusion = str(arg.get("conclusion", ""))
        for p in ids:
            g.claim(p, p)
            g.relate(p, conclusion, "support")
        if arg.get("undercutter"):
            g.relate(str(arg["undercutter"]), conclusion, "undercut")
        g.arguments.append(conclusion)
    return g


def untagged(member: dict[str, Any]) -> str:
    """A member's text without the tags the reference marks in its ranges."""
    units = str(member.get("text") or "").encode("utf-16-le")  # ranges count UTF-16 units
    for r in sorted(member.get("ranges") or [], key=lambda r: -int(r.get("start", 0))):
        if r.get("type") == "tag":
            units = units[: 2 * r["start"]] + " ".encode("utf-16-le") + units[2 * (r["stop"] + 1) :]
    return units.decode("utf-16-le", errors="replace")


def count_argdown(ref: dict[str, Any]) -> Graph:
    """The reference implementation's JSON export as a graph."""
    g = Graph()

    def text_of(el: dict[str, Any]) -> list[str]:
        # each member's text as exported, and without its tags (the export leaves a tag
        # at the end of a text in it; the ranges say where)
        return [t for m in el.get("members", []) for t in (str(m.get("text") or ""), untagged(m))]

    for title, st in ref.get("statements", {}).items():
        g.claim("[" + title, title, *text_of(st))
        g.tags.update(("[" + title, t) for t in st.get("tags", []) or [])
    for title, arg in ref.get("arguments", {}).items():
        g.claim(
            "<" + title, title, *(str(d.get("text") or "") for d in arg.get("descriptions", []))
        )
        g.tags.update(("<" + title, t) for t in arg.get("tags", []) or [])
        pcs = arg.get("pcs") or []
        if pcs:
            last = pcs[-1]
            g.claim("[" + last["title"], last["title"])
            g.arguments.append("[" + last["title"])
    prefix = {"argument": "<", "equivalence-class": "[", "statement": "["}
    for r in ref.get("relations", []):
        kind = {"entails": "support"}.get(r["relationType"], r["relationType"])
        src = prefix.get(r.get("fromType", ""), "[") + r["from"]
        dst = prefix.get(r.get("toType", ""), "[") + r["to"]
        g.relate(src, dst, kind)
    return g


# -- what quaestio kept ---------------------------------------------------------------------
def debate_graph(debate: Debate) -> Graph:
    g = Graph()
    relations = tuple(getattr(debate, "relations", ()))
    rel_ids = {r.id for r in relations}
    for p in debate.positions:
        g.claim(p.id, p.title, p.summary, f"{p.title} {p.summary}", f"{p.title}\n{p.summary}")
        g.tags.update((p.id, t) for t in getattr(p, "tags", ()))
        for e in p.evidence:
            g.claim(e.id, e.text, e.label)
            g.tags.update((e.id, t) for t in getattr(e, "tags", ()))
            parent = getattr(e, "parent", None) or p.id
            g.relate(e.id, parent, "support" if e.stance == "for" else "attack")
            for t in e.rebuts:
                g.relate(e.id, t, "attack")
    for k in getattr(debate.conclusion, "claims", ()) if debate.conclusion else ():
        g.claim(k.id, k.text)
    for r in relations:
        kind = r.kind
        if r.target in rel_ids and kind == "attack":
            kind = "attack-on-relation"
        g.relate(r.source, r.target, kind)
    for a in getattr(debate, "arguments", ()):
        g.arguments.append(a.conclusion)
        # a bare premise-conclusion structure is held as the argument alone, named by title
        g.claim(a.id, a.title)
    return g


def kept(source: Graph, ours: Graph) -> tuple[Counter[str], Counter[str]]:
    """Per relation label: how many the source has, and how many quaestio holds too."""
    by_key: dict[str, set[str]] = {}
    for ident, keys in ours.claims.items():
        for k in keys:
            by_key.setdefault(k, set()).add(ident)

    def mine(ident: str) -> set[str]:
        return {o for k in source.claims.get(ident, set()) for o in by_key.get(k, set())}

    edges: dict[tuple[str, str], set[str]] = {}
    from_src: dict[str, set[str]] = {}
    for s, t, kind, _ in ours.relations:
        edges.setdefault((s, t), set()).add(kind)
        from_src.setdefault(s, set()).add(kind)
    total: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for s, t, kind, label in source.relations:
        total[label] += 1
        want = KEEPS.get(kind, frozenset({kind}))
        sources = mine(s)
        if kind in SOURCE_ONLY:
            ok = any(want & from_src.get(o, set()) for o in sources)
        else:
            targets = mine(t)
            ok = any(want & edges.get((a, b), set()) for a in sources for b in targets)
        held[label] += ok
    if source.arguments:
        total["premise-conclusion argument"] += len(source.arguments)
        concl = Counter(k for c in ours.arguments for k in ours.claims.get(c, set()))
        for c in source.arguments:
            held["premise-conclusion argument"] += any(concl[k] for k in source.claims.get(c, ()))
    if source.tags:
        total["tag"] += len(source.tags)
        ours_tags = {(k, t) for i, t in ours.tags for k in ours.claims.get(i, set())}
        held["tag"] += sum(
            any((k, t) in ours_tags for k in source.claims.get(i, set())) for i, t in source.tags
        )
    return total, held


# -- the corpus -----------------------------------------------------------------------------
@dataclass
class Item:
    format: str
    repo: str
    commit: str
    path: str
    licence: str
    block: int = 0

    @property
    def name(self) -> str:
        return f"{self.repo}:{self.path}" + (f"#{self.block}" if self.block else "")


def manifest() -> list[Item]:
    data = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    return [
        Item(f["format"], f["repo"], f["commit"], f["path"], f["licence"], int(f.get("block", 0)))
        for f in data["file"]
    ]


def fetch(item: Item) -> bytes | None:
    git = MIRROR / item.repo.replace("/", "+") / "repo"
    if not git.exists():
        return None
    shown = subprocess.run(
        ["git", "--git-dir", str(git), "show", f"{item.commit}:{item.path}"],
        capture_output=True,
    )
    if shown.returncode != 0:
        return None
    if not item.block:
        return shown.stdout
    blocks = re.findall(
        r"^```argdown[^\n]*\n(.*?)^```", shown.stdout.decode("utf-8"), flags=re.S | re.M
    )
    if len(blocks) < item.block:
        return None
    # The documentation site strips a block's front matter before rendering; @argdown/cli
    # needs the empty line after it that the pages leave out, so it is put back.
    block = re.sub(r"\A(===\n.*?\n===)\n(?!\n)", "\\1\n\n", blocks[item.block - 1], flags=re.S)
    return block.encode("utf-8")


def argdown_exports(texts: dict[str, bytes], work: Path) -> dict[str, dict[str, Any]]:
    """@argdown/cli's JSON export of each text, in one Node process for all of them."""
    if shutil.which("node") is None or not CLI.exists():
        return {}
    src, out = work / "in", work / "out"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    src.mkdir(parents=True)
    for name, data in texts.items():
        (src / f"{name}.argdown").write_bytes(data)
    subprocess.run(
        ["node", str(CLI), "json", str(src / "*.argdown"), str(out)],
        capture_output=True,
        timeout=1800,
    )
    found: dict[str, dict[str, Any]] = {}
    for name in texts:
        target = out / f"{name}.json"
        if target.exists():
            found[name] = json.loads(target.read_text(encoding="utf-8"))
    return found


def shape_counts(ref: dict[str, Any]) -> tuple[int, int, tuple[tuple[str, int], ...]]:
    kinds = Counter(r["relationType"] for r in ref.get("relations", []))
    return (
        len(ref.get("statements", {})),
        len(ref.get("arguments", {})),
        tuple(sorted(kinds.items())),
    )


def arguebuf_counts(fmt: str, data: bytes) -> Counter[str] | None:
    """What arguebuf (the field's Python library) reads of the same file, for comparison."""
    import io

    import arguebuf as ab  # only the benchmark needs it

    text = data.decode("utf-8-sig", errors="replace")
    try:
        if fmt == "aif":
            doc = json.loads(text)
            graph = ab.load.aif(doc.get("AIF", doc) if isinstance(doc, dict) else doc)
        elif fmt == "sadface":
            graph = ab.load.sadface(json.loads(text))
        elif fmt == "kialo":
            graph = ab.load.kialo(io.StringIO(text))
        else:
            return None
    except Exception:  # arguebuf's own failures are what is compared
        return Counter({"failed": 1})
    out: Counter[str] = Counter(claims=len(graph.atom_nodes))
    for node in graph.scheme_nodes.values():
        kind = type(node.scheme).__name__.lower() if node.scheme is not None else "none"
        out[kind] += 1
    return out


@dataclass
class Result:
    files: int = 0
    missing: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # by design (@include)
    total: Counter[str] = field(default_factory=Counter)
    held: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    claims_kept: int = 0
    roundtrip_equal: int = 0
    roundtrip_tried: int = 0
    roundtrip_diffs: list[str] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    no_source: list[str] = field(default_factory=list)  # the reference could not read it
    invalid: list[tuple[str, str]] = field(default_factory=list)  # both refuse it
    arguebuf: Counter[str] = field(default_factory=Counter)
    ours: Counter[str] = field(default_factory=Counter)


def source_graph(fmt: str, data: bytes, ref: dict[str, Any] | None) -> Graph | None:
    text = data.decode("utf-8-sig", errors="replace")
    try:
        if fmt == "argdown":
            return count_argdown(ref) if ref is not None else None
        counter = {
            "aif": count_aif,
            "kialo": count_kialo,
            "sadface": count_sadface,
            "carneades": count_carneades,
        }[fmt]
        return counter(text)
    except (ValueError, KeyError, TypeError, yaml.YAMLError):
        return None


def run(fmt: str, items: list[Item], roundtrip: bool, work: Path) -> Result:
    res = Result()
    datas: dict[str, bytes] = {}
    names: dict[str, Item] = {}
    for n, item in enumerate(items):
        data = fetch(item)
        if data is None:
            res.missing.append(item.name)
            continue
        key = f"f{n:03d}"
        datas[key], names[key] = data, item
    refs = argdown_exports(datas, work / "src") if fmt == "argdown" else {}
    formats = {f.name: f for f in registry.all_formats()}
    reader = formats.get(READER[fmt])
    written: dict[str, bytes] = {}
    for key, data in datas.items():
        item = names[key]
        res.files += 1
        source = source_graph(fmt, data, refs.get(key))
        if reader is None or reader.read is None:
            res.rejected.append((item.name, f"quaestio has no {fmt} reader"))
            if source is not None:
                res.total.update(Counter(lbl for *_, lbl in source.relations))
                res.claims += len(source.claims)
            continue
        try:
            name = item.name if item.name.endswith(SUFFIX[fmt]) else item.name + SUFFIX[fmt]
            loaded = reader.read(data, name)
        except QuaestioError as exc:
            line = str(exc).splitlines()[0][:160]
            target = res.refused if "@include" in line else res.rejected
            if fmt == "argdown" and key not in refs and "@include" not in line:
                target = res.invalid  # @argdown/cli refuses it too
            target.append((item.name, line))
            continue
        except Exception as exc:  # a crash is what the benchmark must report
            res.rejected.append((item.name, f"CRASH {type(exc).__name__}: {exc}"[:160]))
            continue
        debate = loaded.debate
        res.warnings.update(w.code for w in debate.warnings)
        theirs = arguebuf_counts(fmt, data)
        if theirs is not None:
            res.arguebuf += theirs
            res.ours["claims"] += len(debate.claim_ids())
            res.ours.update(e.stance for _, e in debate.iter_evidence())
            res.ours.update(r.kind for r in debate.relations)
        if source is None:
            res.no_source.append(item.name)
            continue
        ours = debate_graph(debate)
        total, held = kept(source, ours)
        res.total += total
        res.held += held
        res.claims += len(source.claims)
        known = {k for keys in ours.claims.values() for k in keys}
        res.claims_kept += sum(bool(keys & known) for keys in source.claims.values())
        if fmt == "argdown" and roundtrip and reader.write is not None and key in refs:
            written[key] = reader.write(debate)
    if written:
        again = argdown_exports(written, work / "again")
        for key in written:
            res.roundtrip_tried += 1
            before = shape_counts(refs[key])
            after = shape_counts(again[key]) if key in again else None
            if before == after:
                res.roundtrip_equal += 1
            elif len(res.roundtrip_diffs) < 8:
                res.roundtrip_diffs.append(f"{names[key].name}: {before} -> {after}")
    return res


def table(results: dict[str, Result], label: str) -> list[str]:
    lines = [
        f"### {label}",
        "",
        "| format | files | rejected | claims kept | relation (source type) | in source | kept | lost |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for fmt, r in results.items():
        rows = sorted(r.total)
        head = (
            f"| {fmt} | {r.files} | {len(r.rejected)}"
            + (f" (+{len(r.refused)} @include refused)" if r.refused else "")
            + f" | {r.claims_kept}/{r.claims} |"
        )
        if not rows:
            lines.append(head + " - | 0 | 0 | 0 |")
        for n, kind in enumerate(rows):
            t, h = r.total[kind], r.held[kind]
            lines.append((head if n == 0 else "| | | | |") + f" {kind} | {t} | {h} | {t - h} |")
    lines.append("")
    for fmt, r in results.items():
        if r.arguebuf:
            theirs = ", ".join(f"{k} {v}" for k, v in sorted(r.arguebuf.items()))
            mine = ", ".join(f"{k} {v}" for k, v in sorted(r.ours.items()))
            lines.append(f"- {fmt} side by side: arguebuf reads {theirs}; quaestio reads {mine}.")
        if r.roundtrip_tried:
            lines.append(
                f"- {fmt} round trip through @argdown/cli: {r.roundtrip_equal}/{r.roundtrip_tried}"
                " files with equal statement, argument and relation counts."
            )
        if r.rejected and all(why.startswith("quaestio has no") for _, why in r.rejected):
            lines.append(f"- {fmt}: all {len(r.rejected)} rejected, {r.rejected[0][1]}")
        else:
            for name, why in r.rejected:
                lines.append(f"- {fmt} rejected `{name}`: {why.replace(name, 'the file')}")
        if r.invalid:
            lines.append(
                f"- {fmt}: {len(r.invalid)} file(s) that @argdown/cli rejects as invalid Argdown"
                " were refused by quaestio too (not counted as rejected)"
            )
        for name, why in r.refused:
            lines.append(f"- {fmt} refused by design `{name}`: {why.replace(name, 'the file')}")
        if r.no_source:
            lines.append(
                f"- {fmt}: {len(r.no_source)} file(s) the reference counter could not read"
                " (not counted above)"
            )
        if r.missing:
            lines.append(f"- {fmt}: {len(r.missing)} file(s) missing from /work/.mirror")
    return lines


def sources(items: list[Item]) -> list[str]:
    """Where the files come from: repository, commit, count per format, licence."""
    groups: dict[tuple[str, str, str], list[Item]] = {}
    for i in items:
        groups.setdefault((i.repo, i.commit, i.licence), []).append(i)
    out = ["| repository | commit | files | licence |", "|---|---|---|---|"]
    for (repo, commit, lic), group in groups.items():
        kinds = Counter(i.format for i in group)
        what = ", ".join(f"{n} {k}" for k, n in kinds.items())
        out.append(f"| [{repo}](https://github.com/{repo}) | `{commit[:10]}` | {what} | {lic} |")
    return out


def scaling() -> list[str]:
    """Python function calls per line of the Argdown reader at 12,500 and 50,000 lines.

    Calls, not seconds, because the machine is shared: a reader that is linear in lines
    makes the same number of calls per line whatever the length.
    """
    import cProfile
    import pstats

    from quaestio.formats import argdown

    out = ["| lines | calls per line (parse) | calls per line (whole read) |", "|---|---|---|"]
    for n in (12_500, 50_000):
        lines = ["[Root]: the claim everything answers.", "  + <A0>: first reason"]
        lines += [f"    - <B{i}>: counter {i}, nested under the first reason" for i in range(n)]
        data = "\n".join(lines).encode()
        counts = []
        for call in ("parse", "read"):
            prof = cProfile.Profile()
            prof.enable()
            if call == "parse":
                argdown.parse(data.decode(), "long.argdown")
            else:
                argdown.read(data, "long.argdown")
            prof.disable()
            counts.append(pstats.Stats(prof).total_calls / n)  # type: ignore[attr-defined]
        out.append(f"| {n:,} | {counts[0]:.1f} | {counts[1]:.1f} |")
        print(out[-1], file=sys.stderr, flush=True)
    return out


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--format", action="append", choices=sorted(READER))
    parser.add_argument("--no-roundtrip", action="store_true")
    parser.add_argument("--label", default="Measured")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--section", help="also write the table to this marked section of docs/formats.md"
    )
    parser.add_argument(
        "--scaling", action="store_true", help="only measure the Argdown reader on long maps"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.scaling:
        lines = scaling()
        print("\n".join(lines))
        if args.section:
            replace_section(args.section, ["", machine_line(), "", *lines], DOC)
        return 0
    items = manifest()
    chosen = args.format or list(READER)
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory(prefix="formats-corpus-") as tmp:
        for fmt in chosen:
            mine = [i for i in items if i.format == fmt]
            print(f"{fmt}: {len(mine)} files ...", file=sys.stderr, flush=True)
            results[fmt] = run(fmt, mine, not args.no_roundtrip, Path(tmp) / fmt)
    lines = table(results, args.label)
    print("\n".join(lines))
    for fmt, r in results.items():
        for d in r.roundtrip_diffs:
            print(f"  {fmt} round trip differs: {d}")
        if r.warnings:
            print(f"  {fmt} warnings: {dict(r.warnings)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    f: {
                        "files": r.files,
                        "rejected": r.rejected,
                        "refused": r.refused,
                        "invalid": r.invalid,
                        "missing": r.missing,
                        "no_source": r.no_source,
                        "total": r.total,
                        "kept": r.held,
                        "claims": [r.claims_kept, r.claims],
                        "roundtrip": [r.roundtrip_equal, r.roundtrip_tried],
                    }
                    for f, r in results.items()
                },
                indent=1,
            )
        )
    if args.section:
        used = [i for i in items if i.format in chosen]
        replace_section(args.section, ["", machine_line(), "", *lines, "", *sources(used)], DOC)
    return 0


if __name__ == "__main__":
    sys.exit(main())
