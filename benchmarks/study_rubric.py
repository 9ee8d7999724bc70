"""The study-material rubric: every generated sentence and quiz question checked against its debate.

Run: python -m benchmarks.study_rubric [--seed PATH]   (results also go to docs/study.md)

Debates: the seed handout (imported from ../shared/seeds when present; said so when not),
the bundled example and two debates of other topics written for this project
(examples/ww1.debate.md, five positions; examples/french-revolution.debate.md).

Sentences (the verdict and essay plans for six exam forms per debate), each checked by
re-deriving it from the debate, not from the generator:

* unsupported — it cites no node, cites a node that does not exist, names an id it does not
  cite, or quotes words that are not a title, a whole sentence of a cited node (or of the
  conclusion, or a conclusion claim's text), or the opening words of a cited node;
* wrong — a year it gives is not a year of the nodes it cites; "not yet argued" of a
  position that has counter-points; "X answers Y" where X neither rebuts Y nor answers the
  position as a whole; the handout's verdict quoting a sentence the conclusion lacks.

Quiz questions (``make_quiz``, 200 asked per debate), each checked for:

* wrong — the marked answer is not what the debate says (per kind, from the model);
* ambiguous — a distractor is also right by the debate;
* trivial — the right option shares more of the prompt's distinctive words than every
  distractor (answerable by matching words, not by knowing the history);
* repeated — a prompt asked twice.

Typos carried: sentences, prompts, options and explanations that repeat a typo the importer
flags (a table-listed misspelling of a historian, a stray letter glued to a figure).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from quaestio.extract import corrected, corrections, find_years
from quaestio.model import Debate
from quaestio.study import Question, essay_plan, make_quiz, read_debate
from quaestio.study.author import words
from quaestio.study.questions import mask_years
from quaestio.study.text import Point, clean, excerpt, sentences
from quaestio.study.verdict import plain_verdict

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "study.md"
START, END = "<!-- study-rubric:start -->", "<!-- study-rubric:end -->"
EXAMPLES = ("purges.debate.md", "ww1.debate.md", "french-revolution.debate.md")
QUESTIONS = (
    "To what extent was {a} responsible?",
    "How far do you agree that {a} was the main cause?",
    "Assess the view that {a} explains it best.",
    "How significant was {a}?",
    "Compare {a} and {b}.",
    "Why did it happen?",
    "Discuss.",
)
_ID = re.compile(r"\b(p\d+\.[a-z]\d+(?:\.[a-z]\d+)*|c\.(?:pos|neg)\d+)\b")
_QUOTE = re.compile(r"“([^”]+)”")


@dataclass
class Counts:
    sentences: int = 0
    unsupported: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    questions: int = 0
    q_wrong: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    trivial: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    typos: list[str] = field(default_factory=list)  # a flagged typo repeated in an output


def _texts(debate: Debate) -> dict[str, str]:
    out = {p.id: f"{p.title}\n{p.summary}" for p in debate.positions}
    out |= {e.id: e.text for _, e in debate.iter_evidence()}
    out |= {c.id: c.text for c in debate.consequences}
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def check_sentence(debate: Debate, point: Point, counts: Counts) -> None:
    counts.sentences += 1
    texts = _texts(debate)
    cited = [r.node for r in point.refs]
    titles = {p.title for p in debate.positions}
    conclusion = _flat(debate.conclusion.text) if debate.conclusion else ""
    problem = None
    if not cited or any(c not in texts for c in cited):
        problem = "cites nothing or an unknown node"
    for named in _ID.findall(point.text):
        if named not in cited:
            problem = f"names {named} without citing it"
    # the conclusion's own words, and its sentences the debate states as claims
    claims = [_flat(k.text) for k in debate.conclusion_claims]
    pool = [_flat(texts[c]) for c in cited if c in texts] + [conclusion, *claims]
    labels = {e.label for _, e in debate.iter_evidence() if e.label}
    for quote in _QUOTE.findall(point.text):
        q = quote.removesuffix(" …").removesuffix("…")
        if q in titles or q in labels or any(q in t for t in pool):
            continue
        problem = f"quotes words not in the cited nodes: {quote[:60]}"
    if problem:
        counts.unsupported.append(f"{problem}: {point.text[:90]}")
        return
    # wrong: re-derived from the model
    own_years = {y for c in cited for y in find_years(texts.get(c, ""))}
    quoted_text = " ".join(_QUOTE.findall(point.text))
    for year in find_years(point.text):
        if year not in own_years and str(year) not in quoted_text and str(year) not in conclusion:
            counts.wrong.append(f"year {year} not in cited nodes: {point.text[:90]}")
            return
    by_title = {p.title: p for p in debate.positions}
    if "not yet argued" in point.text or "nothing in the handout answers it" in point.text:
        for title in _QUOTE.findall(point.text):
            p = by_title.get(title)
            if p is not None and p.countering and "rests on" in point.text:
                counts.wrong.append(f"'not yet argued' of a countered position: {title}")
                return
    evidence = debate.evidence_by_id()
    for counter, target in re.findall(r"(p\d+\.a\d+) \([^)]*\) answers (p\d+\.f\d+)", point.text):
        c, t = evidence.get(counter), evidence.get(target)
        own = {e.id for e in debate.position_of()[counter].supporting} if c else set()
        general = c is not None and not (set(c.rebuts) & own)
        if c is None or t is None or not (target in c.rebuts or general):
            counts.wrong.append(f"{counter} does not answer {target}")
            return


def _distinct(text: str, common: set[str]) -> set[str]:
    return words(text) - common


def check_question(debate: Debate, q: Question, counts: Counts, common: set[str]) -> None:
    counts.questions += 1
    right = q.options[q.answer]
    wrong = [o for i, o in enumerate(q.options) if i != q.answer]
    evidence = debate.evidence_by_id()
    owner = debate.position_of()
    ok, also = True, False
    kind = q.kind
    if kind == "historian_position":
        held = {
            p.title
            for p in debate.positions
            if q.fact("historian") in {h.key for h in p.historians}
        }
        ok, also = right in held, bool(set(wrong) & held)
    elif kind == "position_historian":
        p = debate.position_by_id()[q.fact("position") or ""]
        own = {h.name for h in p.historians}
        keys = {h.name: h.key for pos in debate.positions for h in pos.historians}
        own_keys = {h.key for h in p.historians}
        ok, also = right in own, any(keys.get(w) in own_keys for w in wrong)
    elif kind == "evidence_position":
        e = evidence[q.fact("evidence") or ""]
        same = {
            owner[x.id].title for _, x in debate.iter_evidence() if clean(x.text) == clean(e.text)
        }
        ok, also = right == owner[e.id].title, bool(set(wrong) & same)
    elif kind == "evidence_stance":
        e = evidence[q.fact("evidence") or ""]
        ok = right == ("supports" if e.stance == "for" else "counts against")
    elif kind == "rebuttal":
        c, t = evidence[q.fact("evidence") or ""], evidence[q.fact("rebuts") or ""]
        ok = t.id in c.rebuts and right == excerpt(replace(t, label=None))
        also = any(
            excerpt(replace(evidence[r], label=None)) in wrong for r in c.rebuts if r in evidence
        )
    elif kind == "year_event":
        year = int(q.fact("year") or 0)
        e = evidence[q.fact("evidence") or ""]
        ok = year in find_years(q.fact("sentence") or "") and q.fact("sentence") in sentences(
            e.text
        )
        true_forms = {
            mask_years(s)
            for _, x in debate.iter_evidence()
            for s in sentences(x.text)
            if year in find_years(s)
        }
        also = any(w.removesuffix(" …") in true_forms for w in wrong)
    elif kind == "figure_cloze":
        sentence = q.fact("sentence") or ""
        ok = right in sentence
        shown = q.prompt.split("“", 1)[1].rsplit("”", 1)[0].removeprefix("… ").removesuffix(" …")
        also = any(shown.replace("____", w) in sentence for w in wrong)
        if re.search(
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\s+\d{4}", sentence
        ) and re.fullmatch(r"\d{1,2}", right):
            ok = ok and not re.search(
                rf"\b{right}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{{4}}", sentence
            )
    elif kind == "earliest_event":
        year = int(q.fact("year") or 0)
        ok = year in find_years(q.fact("sentence") or "") and str(year) not in right
        dated = [
            (mask_years(s), find_years(s))
            for _, x in debate.iter_evidence()
            for s in sentences(x.text)
        ]
        also = any(
            any(t.startswith(w.removesuffix(" …")) and ys and min(ys) <= year for t, ys in dated)
            for w in wrong
        )
    elif kind == "supports_position":
        e = evidence[q.fact("evidence") or ""]
        p = debate.position_by_id()[q.fact("position") or ""]
        mine = {excerpt(replace(x, label=None)) for x in p.supporting}
        ok = e in p.supporting and right == excerpt(replace(e, label=None))
        also = bool(set(wrong) & mine)
    elif kind == "consequence_polarity":
        c = {c.id: c for c in debate.consequences}[q.fact("consequence") or ""]
        ok = right == c.polarity
    elif kind == "historian_disagrees":
        e = evidence[q.fact("evidence") or ""]
        keys = {h.name: h.key for pos in debate.positions for h in pos.historians}
        attacked = {owner[e.id].id} if e.stance == "against" and e.parent is None else set()
        attacked |= {
            r.target
            for r in debate.relations
            if r.source == e.id and r.kind in ("attack", "contrary", "contradictory")
        }
        against = {h.key for p in debate.positions if p.id in attacked for h in p.historians}
        against |= {h.key for h in e.historians if h.stance == "against"}
        ok = keys.get(right) in against
        also = any(keys.get(w) in against for w in wrong)
    elif kind == "historian_school":
        from quaestio.extract import load_table
        from quaestio.study.questions_higher import school_words

        key = q.fact("historian") or ""
        held = {p.id for p in debate.positions for h in p.historians if h.key == key}
        if q.fact("source") == "debate":
            ok = [s.name for s in debate.schools if held <= set(s.positions)] == [right]
        else:
            person = load_table().people.get(key)
            ok = person is not None and right == person.school.split(";")[0].strip()
        also = any(school_words(w) & school_words(right) for w in wrong)
    elif kind == "event_order":
        years = [int(y) for y in (q.fact("years") or "").split()]
        found = [find_years(s) for s in (q.fact("sentences") or "").split("\n")]
        ok = [ys[0] if len(ys) == 1 else -1 for ys in found] == years
        order = ", ".join(str(i + 1) for i in sorted(range(len(years)), key=lambda i: years[i]))
        ok = ok and right == order and len(set(years)) == len(years)
    elif kind == "consequence_supports":
        cid = q.fact("consequence") or ""
        titles = {p.title: p.id for p in debate.positions}
        links = {
            r.target: r.weight
            for r in debate.relations
            if r.source == cid and r.kind == "support" and r.target in titles.values()
        }
        top = max(links.values(), default=None)
        ok = titles.get(right) in links and links[titles[right]] == top
        ok = ok and sum(1 for w in links.values() if w == top) == 1
        also = any(titles.get(w) in links for w in wrong)
    elif kind == "discount_top":
        counts.q_wrong.append(f"engine question in a student quiz: {q.prompt[:80]}")
        return
    else:  # a kind this rubric cannot check is not counted as right
        counts.q_wrong.append(f"no check for the kind {kind}")
        return
    if not ok:
        counts.q_wrong.append(f"{kind}: {q.prompt[:80]}")
    if also:
        counts.ambiguous.append(f"{kind}: {q.prompt[:80]}")
    if len(q.options) > 2:
        prompt = _distinct(q.prompt, common)
        mine = len(prompt & _distinct(right, common))
        theirs = max((len(prompt & _distinct(w, common)) for w in wrong), default=0)
        if mine > theirs:
            counts.trivial.append(f"{kind}: {q.prompt[:80]} -> {right[:40]}")


def _common(debate: Debate) -> set[str]:
    """Words found in most positions (the topic itself) tell no answer apart."""
    seen: dict[str, int] = {}
    for p in debate.positions:
        for w in words(" ".join([p.title, p.summary, *(e.text for e in p.evidence)])):
            seen[w] = seen.get(w, 0) + 1
    n = len(debate.positions)
    return {w for w, k in seen.items() if n > 2 and k > n / 2}


def rubric(debate: Debate) -> Counts:
    counts = Counts()
    # checked against the debate with the importer's flagged typos put right, as built
    flagged = {c.written for c in corrections(debate)}
    typo = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, flagged)) + r")(?![\w-])")
    debate = corrected(debate)
    written: list[str] = []
    for point in plain_verdict(debate).points():
        check_sentence(debate, point, counts)
        written.append(point.text)
    titles = [p.title for p in debate.positions]
    a, b = titles[0], titles[-1]
    for template in QUESTIONS:
        plan = essay_plan(debate, template.format(a=a, b=b))
        for point in plan.points():
            check_sentence(debate, point, counts)
            written.append(point.text)
    quiz = make_quiz(debate, n=200, seed=7)
    common = _common(debate)
    prompts: set[str] = set()
    for q in quiz:
        if q.prompt in prompts:
            counts.repeated.append(q.prompt[:80])
        prompts.add(q.prompt)
        check_question(debate, q, counts, common)
        written.extend([q.prompt, *q.options, q.explanation])
    if flagged:
        counts.typos = [t[:80] for t in written if typo.search(t)]
    return counts


def _seed(path: str | None) -> Path | None:
    candidates = [path] if path else [str(ROOT.parent / "shared" / "seeds"), "/work/shared/seeds"]
    for c in candidates:
        p = Path(c)
        if p.is_file():
            return p
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
            if found:
                return found[0]
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="the seed handout (default: ../shared/seeds/*.txt)")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/study.md")
    args = parser.parse_args()
    debates: list[tuple[str, Debate]] = []
    seed = _seed(args.seed)
    if seed is None:
        print("seed handout missing (../shared/seeds): measured without it", file=sys.stderr)
    else:
        debates.append(("seed handout", read_debate(seed)))
    debates += [(name, read_debate(ROOT / "examples" / name)) for name in EXAMPLES]
    rows = []
    for name, debate in debates:
        print(f"checking {name} …", file=sys.stderr, flush=True)
        c = rubric(debate)
        trivial = 100 * len(c.trivial) / c.questions if c.questions else 0.0
        rows.append(
            f"| {name} | {len(debate.positions)} | {c.sentences} | {len(c.unsupported)} | "
            f"{len(c.wrong)} | {c.questions} | {len(c.q_wrong)} | {len(c.ambiguous)} | "
            f"{len(c.trivial)} ({trivial:.0f}%) | {len(c.repeated)} | {len(c.typos)} |"
        )
        for label, items in (
            ("unsupported", c.unsupported),
            ("wrong", c.wrong),
            ("wrong question", c.q_wrong),
            ("ambiguous", c.ambiguous),
            ("trivial", c.trivial),
            ("repeated", c.repeated),
            ("flagged typo carried", c.typos),
        ):
            for item in items[:5]:
                print(f"  {name}: {label}: {item}", file=sys.stderr)
    table = "\n".join(
        [
            "| debate | positions | sentences checked | unsupported | wrong | questions checked "
            "| wrong | ambiguous | trivial | repeated | typos carried |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
        ]
    )
    print(table)
    if not args.no_docs:
        doc = DOC.read_text(encoding="utf-8")
        block = f"{START}\n{table}\n{END}"
        if START in doc:
            head, rest = doc.split(START, 1)
            doc = head + block + rest.split(END, 1)[1]
        else:
            doc += f"\n## Rubric (`python -m benchmarks.study_rubric`)\n\n{block}\n"
        DOC.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
