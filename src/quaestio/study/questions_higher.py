"""Higher-order question kinds: who would disagree, which school, put events in order,
which explanation a consequence most supports.

These ask the student to combine two facts of the debate (a point counts against a
position, and a historian holds that position) or to place a historian in the
historiography, rather than to recall one line. Like the kinds in ``questions``, each
returns every question the debate supports with the right option first, and records
the facts a checker needs to re-derive the answer from the model.
"""

from __future__ import annotations

import re
from itertools import permutations

from quaestio.extract import find_years, fold, load_table
from quaestio.model import Debate, Evidence, Position, Relation
from quaestio.study.questions import Draft, _bare, _unique, choices, dated_sentences, mask_years
from quaestio.study.text import Ref, quoted, ref, shorten

# -- which historian would disagree with a claim ------------------------------------------
_OPPOSING = frozenset({"attack", "contrary", "contradictory"})
_SYMMETRIC = frozenset({"contrary", "contradictory"})


class Sides:
    """Which positions each point argues against and for, read once per debate (a quiz
    of a 2,000-point debate asks about every point)."""

    def __init__(self, debate: Debate) -> None:
        self.owner = debate.position_of()
        self.by_id = debate.position_by_id()
        self.against: dict[str, set[str]] = {}
        self.supports: dict[str, set[str]] = {}
        for r in debate.relations:
            if r.kind in _OPPOSING and r.target in self.by_id:
                self.against.setdefault(r.source, set()).add(r.target)
            if r.kind in _SYMMETRIC and r.source in self.by_id:
                self.against.setdefault(r.target, set()).add(r.source)
            if r.kind == "support" and r.target in self.by_id:
                self.supports.setdefault(r.source, set()).add(r.target)

    def disputed(self, item: Evidence) -> set[str]:
        """Positions a point argues against: its own when it is a counter-point of the
        position itself, and any position a relation from it attacks (or contradicts)."""
        own = (
            {self.owner[item.id].id} if item.stance == "against" and item.parent is None else set()
        )
        return own | self.against.get(item.id, set())

    def supported(self, item: Evidence) -> set[str]:
        """Positions a point argues for: its own as a top-level supporting point, and any
        a support relation from it names."""
        own = {self.owner[item.id].id} if item.stance == "for" and item.parent is None else set()
        return own | self.supports.get(item.id, set())

    def disagreeing(self, item: Evidence) -> tuple[dict[str, str], dict[str, str]]:
        """(historians who would disagree with ``item``, historians who would agree), by key.

        Disagree: they hold a position the point argues against, or are cited against the
        point itself. Agree: they hold a position it argues for, or are cited for it. Anyone
        on both sides is on neither: the debate does not settle where they stand.
        """
        supported = sorted(self.supported(item))
        against = holders([self.by_id[i] for i in sorted(self.disputed(item))])
        agree = holders([self.by_id[i] for i in supported])
        for h in item.historians:
            (against if h.stance == "against" else agree).setdefault(h.key, h.name)
        # a historian who disputes a position the point supports would disagree too
        for pid in supported:
            for h in self.by_id[pid].historians:
                if h.stance == "against":
                    against.setdefault(h.key, h.name)
        both = set(against) & set(agree)
        return (
            {k: v for k, v in against.items() if k not in both},
            {k: v for k, v in agree.items() if k not in both},
        )


def holders(positions: list[Position]) -> dict[str, str]:
    """Historian key -> name for everyone who holds (not disputes) one of ``positions``."""
    out: dict[str, str] = {}
    for p in positions:
        for h in p.historians:
            if h.stance == "for":
                out.setdefault(h.key, h.name)
    return out


def disagreeing(debate: Debate, item: Evidence) -> tuple[dict[str, str], dict[str, str]]:
    """``Sides.disagreeing`` for one point (for checks; a quiz reads the debate once)."""
    return Sides(debate).disagreeing(item)


def _words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"\w+", text)} - {""}


def _named_in(name: str, text: str) -> bool:
    """Any word of ``name`` stands in ``text`` (folded): the point names the historian."""
    return bool(_words(name) & _words(text))


def _kin(
    debate: Debate, right: list[str], disputed: set[str], held: dict[str, set[str]]
) -> set[str]:
    """Historians close to those who would disagree: of their school in the historian
    table, or holding a position the debate puts in a school with a disputed one. The
    debate does not say where they stand on the point, but a teacher would expect them
    to disagree too, so they are no distractor."""
    words: set[str] = set()
    for key in right:
        person = load_table().people.get(key)
        if person is not None:
            words |= school_words(person.school)
    near = set(disputed)
    for school in debate.schools:
        if disputed & set(school.positions):
            near |= set(school.positions)
    out: set[str] = set()
    for key, positions in held.items():
        person = load_table().people.get(key)
        if (person is not None and school_words(person.school) & words) or positions & near:
            out.add(key)
    return out


def historian_disagrees(debate: Debate) -> list[Draft]:
    """Which historian would disagree with this point? (one holding a position it counts
    against; distractors hold a position it supports, then neutral historians)"""
    everyone = holders(list(debate.positions))
    sides = Sides(debate)
    by_id = sides.by_id
    name_words = {k: _words(v) for k, v in everyone.items()}
    holdings: dict[str, set[str]] = {}
    for p in debate.positions:
        for h in p.historians:
            holdings.setdefault(h.key, set()).add(p.id)
    drafts: list[Draft] = []
    for position, item in debate.iter_evidence():
        against, agree = sides.disagreeing(item)
        if not against:
            continue
        said = _words(item.text)

        def named(key: str, name: str) -> bool:
            return bool(name_words.get(key, _words(name)) & said)  # noqa: B023 - used at once

        text = _bare(item)
        against = {k: v for k, v in against.items() if not named(k, v)}
        if not against:
            continue
        key, name = sorted(against.items())[0]
        right_names = set(against.values())
        friends = [v for k, v in sorted(agree.items()) if not named(k, v)]
        disputed_ids = sides.disputed(item)
        kin = _kin(debate, list(against), disputed_ids, holdings)
        neutral = [
            v
            for k, v in sorted(everyone.items())
            if k not in against and k not in agree and k not in kin and not named(k, v)
        ]
        options = choices(name, friends + neutral, right_names)
        if options is None:
            continue
        disputed = sorted(disputed_ids)
        held = next((p for p in disputed if key in {h.key for h in by_id[p].historians}), None)
        if held is not None:
            why = f"{name} holds {quoted(by_id[held].title)}, which this point argues against."
            refs: tuple[Ref, ...] = (ref(item), ref(by_id[held]))
        else:
            why = f"The debate cites {name} against this point or against what it supports."
            refs = (ref(item), ref(position))
        drafts.append(
            Draft(
                "historian_disagrees",
                f"disagrees@{item.id}",
                f"Which of these historians would disagree with this point? {quoted(text)}",
                options,
                why,
                refs,
                facts={"evidence": item.id, "historian": key},
                preferred=len(_unique(friends, right_names)),
            )
        )
    return drafts


# -- which school does a historian belong to ----------------------------------------------
_SCHOOL_WORDS = re.compile(r"[^\W\d_]+")
_PLAIN = frozenset({"of", "the", "and", "in", "school", "history", "historian", "historians"})


def school_words(school: str) -> set[str]:
    """The words that name a school: 'intentionalist / totalitarian' -> both words; a
    period in brackets ('monetarist (Great Depression)') names none."""
    head = re.sub(r"\([^)]*\)", " ", school)
    return {w for w in (fold(x) for x in _SCHOOL_WORDS.findall(head)) if w not in _PLAIN}


def _distinct_schools(answer: str, others: list[str]) -> list[str]:
    """Distractor schools sharing no word with the answer ('totalitarian' rules out
    'intentionalist / totalitarian', which would be half right) nor with each other."""
    taken = set(school_words(answer))
    out: list[str] = []
    for other in sorted(others, key=lambda o: (len(o), o)):  # "totalitarian" before variants
        found = school_words(other)
        if found and not found & taken:  # nor two distractors naming the same school
            taken |= found
            out.append(other)
    return out


def debate_school(debate: Debate, key: str) -> str | None:
    """The debate's own school (a named group of positions) holding every position the
    historian holds, when exactly one does."""
    held = {p.id for p in debate.positions for h in p.historians if h.key == key}
    found = [s.name for s in debate.schools if held and held <= set(s.positions)]
    return found[0] if len(found) == 1 else None


#: words that make a table entry's "school" a school of interpretation; the table also
#: holds a historian's field ("First World War", "Kaiser Wilhelm II"), which is not one
SCHOOL_TERMS = frozenset(
    {
        "annales", "austrian", "bielefeld", "cambridge", "conservative",
        "counterrevisionist", "cultural", "diplomatic", "dissident", "dunning",
        "feminist", "functionalist", "intentionalist", "keynesian", "liberal",
        "marxist", "modernisation", "monetarist", "nationalist", "neomarxist",
        "orthodox", "postcolonial", "postmodern", "postrevisionist", "psychological",
        "realist", "revisionist", "sonderweg", "structural", "structuralist",
        "subaltern", "totalitarian", "traditionalist", "whig",
    }
)  # fmt: skip


def table_school(key: str) -> str | None:
    """The historian table's school for a known historian (docs/historians.md), as far as
    it names a school of interpretation: 'diplomatic history; intentionalist critic'
    gives 'diplomatic history' (the part before a semicolon is the school)."""
    person = load_table().people.get(key)
    if person is None or person.kind != "historian":
        return None
    school = person.school.split(";")[0].strip()
    return school if is_school(school) else None


#: lower-case words of a table entry that name a field or a trade, not a reading
_FIELD_WORDS = frozenset(
    {"biographer", "economy", "everyday", "history", "journalist", "life", "support",
     "voters", "women", "memoir", "war", "air", "and", "of", "in", "the"}
)  # fmt: skip


def is_school(school: str) -> bool:
    """'monetarist', 'Keynesian (1929 crash)', 'gold standard' read the past; 'First World
    War', 'Nazi economy' or 'Mussolini biographer' name what a historian studies."""
    head = school.split("(")[0]
    if school_words(head) & SCHOOL_TERMS:
        return True
    return any(w[:1].islower() and fold(w) not in _FIELD_WORDS for w in head.split())


def historian_school(debate: Debate) -> list[Draft]:
    """Which school does a historian belong to? (the debate's schools first, else the
    historian table's; distractors are the other schools in the debate)"""
    drafts: list[Draft] = []
    historians = debate.historians()
    table = {key: table_school(key) for key in historians}
    table_schools = _unique([s for s in table.values() if s], set())
    debate_schools = [s.name for s in debate.schools]
    for key, held in sorted(historians.items()):
        name = held[0][0].name
        if any(h.stance == "against" for h, _ in held):
            continue  # cited against a position: where they stand is not one school
        own = debate_school(debate, key)
        if own is not None:
            answer, pool, source = own, debate_schools, "debate"
            prompt = f"In this debate, which school of historians does {name} belong to?"
            why = (
                f"{name} holds {quoted(held[0][1].title)}, which the debate puts in {quoted(own)}."
            )
        elif table[key]:
            answer, pool, source = table[key] or "", table_schools, "table"
            prompt = f"Which school of historians is {name} usually placed in?"
            why = f"Historians usually place {name} in the {answer} school."
        else:
            continue
        if _named_in(name, answer):
            continue
        others = _distinct_schools(answer, [s for s in pool if s != answer])
        options = choices(answer, others)
        if options is None or len(options) < 3:
            continue  # one distractor is a coin toss, not a question
        drafts.append(
            Draft(
                "historian_school",
                f"school@{key}",
                prompt,
                options,
                why,
                (ref(held[0][1]),),
                facts={"historian": key, "school": answer, "source": source},
            )
        )
    return drafts


# -- put events in order ------------------------------------------------------------------
ORDER_SIZE = 3
_ORDERS = [tuple(p) for p in permutations(range(ORDER_SIZE))]


def order_text(order: tuple[int, ...]) -> str:
    """How an order is offered: '2, 3, 1' (the events' numbers in the prompt)."""
    return ", ".join(str(i + 1) for i in order)


def dated_events(debate: Debate) -> list[tuple[int, Evidence, str, str]]:
    """(year, point, sentence, shown with years hidden): one event per year, earliest first,
    from sentences naming exactly one year (so each has one place in the order)."""
    seen: set[int] = set()
    shown_seen: set[str] = set()
    out: list[tuple[int, Evidence, str, str]] = []
    rows = sorted(
        (
            (years[0], item, sentence, shown)
            for item, sentence, shown, years in dated_sentences(debate)
            if len(set(find_years(shown))) == 1 and str(years[0]) not in mask_years(shown)
        ),
        key=lambda t: t[0],
    )
    for year, item, sentence, shown in rows:
        masked = shorten(mask_years(shown), 30)
        if year in seen or masked in shown_seen or "[year]" not in masked:
            continue
        seen.add(year)
        shown_seen.add(masked)
        out.append((year, item, sentence, masked))
    return out


def event_order(debate: Debate) -> list[Draft]:
    """Put three events in the order they happened (years hidden; each from a sentence
    naming one year, no two of the same year); each event is asked about once."""
    events = dated_events(debate)
    step = len(events) // ORDER_SIZE
    drafts: list[Draft] = []
    for k in range(step):
        chosen = [events[k + i * step] for i in range(ORDER_SIZE)]  # spread over the span
        shown_order = _ORDERS[k % len(_ORDERS)]  # how they are listed in the prompt
        listed = [chosen[i] for i in shown_order]
        # the right answer: the listed numbers sorted by year
        right = tuple(sorted(range(ORDER_SIZE), key=lambda i: listed[i][0]))
        others = [order_text(o) for o in _ORDERS if o != right]
        options = choices(order_text(right), others)
        if options is None:
            continue
        numbered = " ".join(f"({i + 1}) {quoted(e[3])}" for i, e in enumerate(listed))
        years = ", ".join(str(e[0]) for e in sorted(listed))
        drafts.append(
            Draft(
                "event_order",
                "order@" + "+".join(e[1].id for e in listed),
                f"Put these in the order they happened, earliest first: {numbered}",
                options,
                f"The debate dates them to {years}.",
                tuple(ref(e[1]) for e in listed),
                facts={
                    "evidence": " ".join(e[1].id for e in listed),
                    "years": " ".join(str(e[0]) for e in listed),
                    "sentences": "\n".join(e[2] for e in listed),
                },
            )
        )
    return drafts


# -- which explanation a consequence most supports -----------------------------------------
def _outgoing(debate: Debate) -> dict[str, list[Relation]]:
    """Each consequence's relations (those leading from it), read once for the debate."""
    outcomes = {c.id for c in debate.consequences}
    out: dict[str, list[Relation]] = {}
    for r in debate.relations:
        if r.source in outcomes:
            out.setdefault(r.source, []).append(r)
    return out


def _settled(links: list[Relation], positions: set[str]) -> Relation | None:
    """The heaviest support among one consequence's ``links``, when it is to one position
    and the consequence argues against none it supports; else None."""
    supports = [r for r in links if r.kind == "support" and r.target in positions]
    if not supports:
        return None
    top = max(r.weight for r in supports)
    best = [r for r in supports if r.weight == top]
    opposed = {r.target for r in links if r.kind in _OPPOSING and r.target in positions}
    if len({r.target for r in best}) == 1 and best[0].target not in opposed:
        return best[0]
    return None


def consequence_support(debate: Debate) -> dict[str, tuple[str, str]]:
    """Consequence id -> (the position it most supports, the relation saying so).

    A consequence supports a position when a support relation of the debate leads from
    it to the position; "most" is the heaviest such relation, and only a consequence
    whose heaviest support is to one position and that attacks none it supports is
    asked about: otherwise the debate does not settle the answer.
    """
    positions = {p.id for p in debate.positions}
    outgoing = _outgoing(debate)
    out: dict[str, tuple[str, str]] = {}
    for c in debate.consequences:
        found = _settled(outgoing.get(c.id, []), positions)
        if found is not None:
            out[c.id] = (found.target, found.id)
    return out


def consequence_supports(debate: Debate) -> list[Draft]:
    """Which explanation does this consequence most support? (distractors: positions the
    consequence does not support, those it argues against first; positions in a school
    with the answer are left out, as a teacher might count them right too)"""
    by_id = debate.position_by_id()
    outgoing = _outgoing(debate)
    drafts: list[Draft] = []
    for c in debate.consequences:
        links = outgoing.get(c.id, [])
        found = _settled(links, set(by_id))
        if found is None:
            continue
        answer = found.target
        supported = {r.target for r in links if r.kind == "support"}
        near = {q for s in debate.schools if answer in s.positions for q in s.positions}
        against = [r.target for r in links if r.kind in _OPPOSING and r.target in by_id]
        pool = [p for p in dict.fromkeys([*against, *by_id]) if p not in supported | near]
        right = by_id[answer].title
        options = choices(right, [by_id[p].title for p in pool], {by_id[p].title for p in near})
        if options is None or len(options) < 3:
            continue
        why = f"The debate cites this consequence in support of {quoted(right)}" + (
            f": {found.text}." if found.text else "."
        )
        drafts.append(
            Draft(
                "consequence_supports",
                f"outcome@{c.id}",
                "Which explanation does this consequence of the events most support? "
                + quoted(shorten(c.text)),
                options,
                why,
                (ref(c), ref(by_id[answer])),
                facts={"consequence": c.id, "position": answer, "relation": found.id},
                preferred=len({by_id[p].title for p in against} - {right}),
            )
        )
    return drafts


HIGHER = {
    "historian_disagrees": historian_disagrees,
    "historian_school": historian_school,
    "event_order": event_order,
    "consequence_supports": consequence_supports,
}
