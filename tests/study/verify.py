"""Independent checks of generated study material against the debate model.

Each check re-derives the right answer from the model itself (who holds what,
which evidence rebuts which, which years a sentence gives) instead of trusting the
generator, so a wrong question fails here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quaestio.extract import corrected, find_years
from quaestio.model import Debate, Source
from quaestio.study import Question
from quaestio.study.questions import mask_years
from quaestio.study.text import Ref, excerpt, quoted, sentences


def check_refs(debate: Debate, refs: tuple[Ref, ...] | list[Ref]) -> None:
    """Every reference names an existing node and that node's own source line."""
    nodes: dict[str, Source | None] = {p.id: p.source for p in debate.positions}
    nodes.update({e.id: e.source for _, e in debate.iter_evidence()})
    nodes.update({c.id: c.source for c in debate.consequences})
    assert refs, "material without a reference"
    for r in refs:
        assert r.node in nodes, f"reference to unknown node {r.node}"
        source = nodes[r.node]
        assert r.line == (source.line_start if source else None), r


def check_question(debate: Debate, q: Question) -> None:
    debate = corrected(debate)  # questions are built from the debate with its typos put right
    check_refs(debate, q.refs)
    assert 2 <= len(q.options) <= 4 and len(set(q.options)) == len(q.options)
    positions = debate.position_by_id()
    evidence = debate.evidence_by_id()
    owner = debate.position_of()
    right = q.options[q.answer]
    wrong = [o for i, o in enumerate(q.options) if i != q.answer]
    kind = q.kind
    if kind == "historian_position":
        key = q.fact("historian")
        held = {p.title for p in debate.positions if key in {h.key for h in p.historians}}
        assert right in held and not set(wrong) & held
    elif kind == "position_historian":
        p = positions[q.fact("position") or ""]
        keys = {h.name: h.key for pos in debate.positions for h in pos.historians}
        own = {h.key for h in p.historians}
        assert keys[right] in own and all(keys[w] not in own for w in wrong)
    elif kind == "evidence_position":
        e = evidence[q.fact("evidence") or ""]
        assert right == owner[e.id].title and owner[e.id].title not in wrong
        assert quoted(excerpt(e)) in q.prompt
    elif kind == "evidence_stance":
        e = evidence[q.fact("evidence") or ""]
        assert right == ("supports" if e.stance == "for" else "counts against")
    elif kind == "rebuttal":
        counter = evidence[q.fact("evidence") or ""]
        target = evidence[q.fact("rebuts") or ""]
        assert target.id in counter.rebuts and counter.stance == "against"
        bare = lambda x: excerpt(replace(x, label=None))  # noqa: E731 - labels are hidden
        assert right == bare(target)
        others = {bare(x) for _, x in debate.iter_evidence() if x.id not in counter.rebuts}
        assert all(w in others for w in wrong)
        if counter.label and target.label:  # the shared label must not give the answer away
            assert counter.label not in q.prompt and target.label not in right
    elif kind == "year_event":
        e = evidence[q.fact("evidence") or ""]
        year = int(q.fact("year") or 0)
        sentence = q.fact("sentence") or ""
        assert sentence in sentences(e.text) and year in find_years(sentence)
        assert str(year) not in right
        also_true: set[str] = set()  # every way a sentence naming the year can be shown
        for _, x in debate.iter_evidence():
            parts = sentences(x.text)
            for i, s in enumerate(parts):
                if year in find_years(s):
                    also_true.add(mask_years(s))
                    if i > 0:
                        also_true.add(mask_years(f"{parts[i - 1]} {s}"))
        for w in wrong:
            # a distractor never shows (the start of) a sentence that names the year
            cut = w.endswith(" …")
            stem = w.removesuffix(" …")
            assert not any(t == stem or (cut and t.startswith(stem)) for t in also_true), w
    elif kind == "figure_cloze":
        e = evidence[q.fact("evidence") or ""]
        sentence = q.fact("sentence") or ""
        assert sentence in sentences(e.text) and right in sentence
        assert any(right in f.text for f in e.figures)
        # no distractor is itself a number standing in the sentence
        for w in wrong:
            assert not re.search(r"(?<![\w/.,])" + re.escape(w) + r"(?![\w/])", sentence), w
        shown = q.prompt.split("“", 1)[1].rsplit("”", 1)[0]
        shown = shown.removeprefix("… ").removesuffix(" …")
        assert shown.count("____") == 1 and shown.replace("____", right) in sentence
    elif kind == "earliest_event":
        year = int(q.fact("year") or 0)
        e = evidence[q.fact("evidence") or ""]
        assert year in find_years(q.fact("sentence") or "") and str(year) not in right
        assert e.id in {r.node for r in q.refs}
        for w in wrong:  # every other option names one later year only
            stem = w.removesuffix(" …")
            later = [
                find_years(s)
                for _, x in debate.iter_evidence()
                for s in [
                    *sentences(x.text),
                    *(
                        " ".join(p)
                        for p in zip(sentences(x.text), sentences(x.text)[1:], strict=False)
                    ),
                ]
                if mask_years(s).startswith(stem)
            ]
            assert later and all(min(ys) > year for ys in later if ys), w
    elif kind == "supports_position":
        e = evidence[q.fact("evidence") or ""]
        p = positions[q.fact("position") or ""]
        bare = lambda x: excerpt(replace(x, label=None))  # noqa: E731
        assert e in p.supporting and right == bare(e)
        assert not set(wrong) & {bare(x) for x in p.supporting}
    elif kind == "consequence_polarity":
        c = {c.id: c for c in debate.consequences}[q.fact("consequence") or ""]
        assert right == c.polarity
    elif kind == "historian_disagrees":
        from quaestio.study.questions_higher import disagreeing

        e = evidence[q.fact("evidence") or ""]
        names = {h.name: h.key for pos in debate.positions for h in pos.historians}
        against, _ = disagreeing(debate, e)
        # re-derived: the right one holds a position the point argues against
        own = owner[e.id]
        attacked = {own.id} if e.stance == "against" and e.parent is None else set()
        attacked |= {
            r.target
            for r in debate.relations
            if r.source == e.id and r.kind in ("attack", "contrary", "contradictory")
        }
        holders = {h.key for p in debate.positions if p.id in attacked for h in p.historians}
        holders |= {h.key for h in e.historians if h.stance == "against"}
        assert names[right] in holders and names[right] in against
        assert all(names[w] not in against for w in wrong), (q.prompt, wrong)
        shown = {w.casefold() for w in re.findall(r"\w+", q.prompt.split("“", 1)[1])}
        assert not {w.casefold() for w in re.findall(r"\w+", right)} & shown  # not named
    elif kind == "historian_school":
        from quaestio.extract import load_table
        from quaestio.study.questions_higher import school_words

        key = q.fact("historian") or ""
        held = {p.id for p in debate.positions for h in p.historians if h.key == key}
        if q.fact("source") == "debate":
            mine = [s.name for s in debate.schools if held <= set(s.positions)]
            assert mine == [right]
            assert all(w in {s.name for s in debate.schools} for w in wrong)
        else:
            school = load_table().people[key].school
            assert right == school.split(";")[0].strip()
        # no distractor names a word of the right school (it would be half right)
        assert all(not school_words(w) & school_words(right) for w in wrong)
    elif kind == "event_order":
        ids = (q.fact("evidence") or "").split()
        years = [int(y) for y in (q.fact("years") or "").split()]
        shown = q.fact("sentences") or ""
        for i, (node, year, sentence) in enumerate(zip(ids, years, shown.split("\n"), strict=True)):
            assert sentence in sentences(evidence[node].text) and find_years(sentence) == (year,)
            assert f"({i + 1})" in q.prompt
        assert len(set(years)) == len(years)  # no tie: one order is right
        order = sorted(range(len(years)), key=lambda i: years[i])
        assert right == ", ".join(str(i + 1) for i in order)
        assert str(years[0]) not in q.prompt
    elif kind == "consequence_supports":
        cid, pid = q.fact("consequence") or "", q.fact("position") or ""
        titles = {p.title: p.id for p in debate.positions}
        links = {
            r.target: r.weight
            for r in debate.relations
            if r.source == cid and r.kind == "support" and r.target in positions
        }
        # re-derived: the right one is the single heaviest support from the consequence
        assert links and titles[right] == pid and links[pid] == max(links.values())
        assert [t for t, w in links.items() if w == links[pid]] == [pid]
        assert not any(titles[w] in links for w in wrong), (q.prompt, wrong)
        assert cid in {r.node for r in q.refs}
    elif kind == "discount_top":
        from quaestio.reasoning import evaluate

        e = q.fact("evidence") or ""
        ranking = evaluate(
            debate, semantics=q.fact("semantics") or "dfquad", weights={e: 0.0}
        ).ranking
        assert right == positions[ranking[0].id].title
        assert q.fact("position") == ranking[0].id
    else:  # pragma: no cover - a new kind must get a check
        raise AssertionError(f"no check for question kind {kind}")
