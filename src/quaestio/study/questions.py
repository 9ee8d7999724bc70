"""Question generators: one function per kind of quiz question.

Each generator reads the debate and returns every question of its kind that the
debate supports, in a stable order, with the correct option first. Options are
shuffled later by ``make_quiz`` with the quiz's seed. Every prompt and every
explanation is a fixed template filled with the debate's own words, and each
question records the node it is about (``subject``) so that tests and the web
app can check the answer against the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from quaestio.extract import find_years
from quaestio.model import Debate, Evidence, Figure, Position
from quaestio.study.text import (
    Ref,
    excerpt,
    join_names,
    quoted,
    ref,
    sentences,
    shorten,
    window,
)

MAX_OPTIONS = 4
_YEAR_RUN = re.compile(
    r"(?<![\d/])(?:1[5-9]\d\d|20\d\d)"
    r"(?:\s*(?:/|-|–|to|,|and|&)\s*'?(?:1[5-9]\d\d|20\d\d|\d{2})\b)*(?![\d/]|[A-Za-rt-z])"
)
STANCE_WORDS = {"for": "supports", "against": "counts against"}


@dataclass(frozen=True)
class Draft:
    """A question before its options are dealt: ``options[0]`` is the right one.

    ``options[1:]`` holds every possible distractor; ``make_quiz`` draws up to
    three with the quiz's seed, first from the ``preferred`` leading ones (the
    most plausible, e.g. figures of the same kind), then from the rest.
    """

    kind: str
    subject: str
    prompt: str
    options: tuple[str, ...]
    explanation: str
    refs: tuple[Ref, ...]
    fixed_order: bool = False
    preferred: int = 0
    facts: dict[str, str] = field(default_factory=dict)


def _unique(items: list[str], exclude: set[str]) -> list[str]:
    seen = {x.casefold() for x in exclude}
    out: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


#: distractor candidates kept whole; past twice this many, the rest are sampled
POOL = 60


def bounded(items: list[str]) -> list[str]:
    """The first ``POOL`` candidates, then ``POOL`` more spread evenly over the rest.

    A question deals three distractors; weighing each against every other point of
    a 2,000-point debate made a quiz quadratic (8 s). Up to ``2 * POOL`` candidates
    nothing changes; beyond, the leading (most plausible) ones stay and the sample
    still reaches every part of the debate, always the same for the same debate.
    """
    if len(items) <= 2 * POOL:
        return items
    rest = items[POOL:]
    step = len(rest) / POOL
    return [*items[:POOL], *(rest[int(i * step)] for i in range(POOL))]


def choices(
    correct: str, distractors: list[str], also_right: set[str] | None = None
) -> tuple[str, ...] | None:
    """The right answer followed by the distinct distractors, or None if there is none.

    A distractor that reads the same as the answer, or as any other right answer
    (two explanations may share a title), is dropped.
    """
    rest = _unique(bounded(distractors), {correct} | (also_right or set()))
    return (correct, *rest) if rest else None


def mask_years(text: str) -> str:
    """Hide every year (and year list or range) so an option does not give itself away."""
    return _YEAR_RUN.sub("[year]", text)


# -- historians ---------------------------------------------------------------------
def historian_position(debate: Debate) -> list[Draft]:
    """Which explanation does a historian hold?"""
    drafts: list[Draft] = []
    for key, held in sorted(debate.historians().items()):
        held_ids = {p.id for _, p in held}
        name = held[0][0].name
        others = [p.title for p in debate.positions if p.id not in held_ids]
        for historian, position in held:
            options = choices(position.title, others, {p.title for _, p in held})
            if options is None:
                continue
            drafts.append(
                Draft(
                    "historian_position",
                    f"{key}@{position.id}",
                    f"Which explanation is {name} associated with?",
                    options,
                    f"{historian.name} is listed under {quoted(position.title)}.",
                    (ref(position),),
                    facts={"historian": key, "position": position.id},
                )
            )
            break  # one question per historian; a second would repeat the prompt
    return drafts


def position_historian(debate: Debate) -> list[Draft]:
    """Which historian holds a given explanation?"""
    everyone: dict[str, str] = {}
    for position in debate.positions:
        for h in position.historians:
            everyone.setdefault(h.key, h.name)
    drafts: list[Draft] = []
    for position in debate.positions:
        if not position.historians:
            continue
        keys = {h.key for h in position.historians}
        names = [h.name for h in position.historians]
        others = [name for key, name in sorted(everyone.items()) if key not in keys]
        options = choices(position.historians[0].name, others, set(names))
        if options is None:
            continue
        drafts.append(
            Draft(
                "position_historian",
                position.id,
                f"Which historian is associated with the explanation {quoted(position.title)}?",
                options,
                f"{quoted(position.title)} is held by {join_names(names)}.",
                (ref(position),),
                facts={"historian": position.historians[0].key, "position": position.id},
            )
        )
    return drafts


# -- evidence -----------------------------------------------------------------------
def distinct_evidence(debate: Debate) -> list[tuple[Position, Evidence, str]]:
    """Evidence whose excerpt names it unambiguously within the debate."""
    rows = [(p, e, excerpt(e)) for p, e in debate.iter_evidence()]
    counts: dict[str, int] = {}
    for _, _, text in rows:
        counts[text.casefold()] = counts.get(text.casefold(), 0) + 1
    return [row for row in rows if counts[row[2].casefold()] == 1]


def evidence_position(debate: Debate) -> list[Draft]:
    """Which explanation does this point support (or count against)?"""
    drafts: list[Draft] = []
    for position, item, text in distinct_evidence(debate):
        others = [p.title for p in debate.positions if p.id != position.id]
        options = choices(position.title, others)
        if options is None:
            continue
        verb = "support" if item.stance == "for" else "count against"
        drafts.append(
            Draft(
                "evidence_position",
                item.id,
                f"Which explanation does this point {verb}? {quoted(text)}",
                options,
                f"The debate lists this point as evidence that {STANCE_WORDS[item.stance]} "
                f"{quoted(position.title)}.",
                (ref(item), ref(position)),
                facts={"evidence": item.id, "position": position.id},
            )
        )
    return drafts


def evidence_stance(debate: Debate) -> list[Draft]:
    """Does this point support or count against its explanation?"""
    drafts: list[Draft] = []
    for position, item, text in distinct_evidence(debate):
        correct = STANCE_WORDS[item.stance]
        other = STANCE_WORDS["against" if item.stance == "for" else "for"]
        drafts.append(
            Draft(
                "evidence_stance",
                item.id,
                f"Does this point support or count against {quoted(position.title)}? "
                f"{quoted(text)}",
                (correct, other),
                f"The debate lists this point as evidence that {correct} {quoted(position.title)}.",
                (ref(item),),
                fixed_order=True,
                facts={"evidence": item.id, "stance": item.stance},
            )
        )
    return drafts


def _bare(item: Evidence) -> str:
    """The point's own words without its label: a counter-point labelled like the point it
    answers ("Industrial Enemies" / "Industrial Enemies") would give the answer away."""
    return excerpt(replace(item, label=None))


def rebuttal(debate: Debate) -> list[Draft]:
    """Which point does a counter-point answer? (labels hidden: matching them is no test)"""
    drafts: list[Draft] = []
    position_of = debate.position_of()
    words: dict[str, str] = {}  # each point's bare words once: a pool is every point

    def bare(e: Evidence) -> str:
        if e.id not in words:
            words[e.id] = _bare(e)
        return words[e.id]

    supporting = [(p.id, e) for p, e in debate.iter_evidence() if e.stance == "for"]
    for counter, target in debate.rebuttal_pairs():
        if len(counter.rebuts) != 1:
            continue  # a counter-point answering several points has no single right option
        own = position_of[counter.id]
        same = [e for e in own.evidence if e.id not in counter.rebuts and e.id != counter.id]
        rest = [e for pid, e in supporting if pid != own.id]
        options = choices(bare(target), [bare(e) for e in same + rest])
        if options is None:
            continue
        preferred = len(_unique([bare(e) for e in same], {bare(target)}))
        drafts.append(
            Draft(
                "rebuttal",
                counter.id,
                f"Which point does this counter-point answer? {quoted(bare(counter))}",
                options,
                f"In {quoted(own.title)}, this counter-point answers {quoted(bare(target))}.",
                (ref(counter), ref(target)),
                facts={"evidence": counter.id, "rebuts": target.id},
                preferred=preferred,
            )
        )
    return drafts


# -- years and figures --------------------------------------------------------------
_DANGLING = re.compile(r"^(?:It|This|These|That|Those|They|He|She|His|Her|Their|Its)\b")


def dated_sentences(debate: Debate) -> list[tuple[Evidence, str, str, tuple[int, ...]]]:
    """(evidence, sentence, shown text, years) for every sentence naming a year.

    A sentence that starts with a pronoun or is very short is shown after the
    sentence before it, so "It was used in ..." still says what "it" is.
    """
    out: list[tuple[Evidence, str, str, tuple[int, ...]]] = []
    for _, item in debate.iter_evidence():
        parts = sentences(item.text)
        for i, sentence in enumerate(parts):
            years = find_years(sentence)
            if not years:
                continue
            shown = sentence
            if i > 0 and (_DANGLING.match(sentence) or len(sentence.split()) < 6):
                shown = f"{parts[i - 1]} {sentence}"
            out.append((item, sentence, shown, years))
    return out


def year_event(debate: Debate) -> list[Draft]:
    """Which of these happened in a given year? (years hidden in every option)

    One question per sentence, on its first year not already asked about, so a
    list of years ("1919, 21, 24") does not produce the same question five times.
    """
    dated = dated_sentences(debate)
    # every way a sentence dated to a year can read once its years are hidden
    true_forms: dict[int, set[str]] = {}
    for _, sentence, shown, _ in dated:
        for y in find_years(shown):
            true_forms.setdefault(y, set()).update({mask_years(sentence), mask_years(shown)})
    # each shown text once: its years, its masked form and that form shortened
    shown_forms = [(set(find_years(t)), mask_years(t)) for _, _, t, _ in dated]
    short = [shorten(masked, 40) for _, masked in shown_forms]
    drafts: list[Draft] = []
    used: set[int] = set()
    for i, (item, sentence, shown, years) in enumerate(dated):
        # a year still visible after masking ("1996b" is a typo, not a year) is not asked
        masked_shown = shown_forms[i][1]
        year = next((y for y in years if y not in used and str(y) not in masked_shown), None)
        if year is None:
            continue
        correct = short[i]
        others = [
            short[j]
            for j, (ys, masked) in enumerate(shown_forms)
            if year not in ys and masked not in true_forms[year]
        ]
        options = choices(correct, others)
        if options is None or "[year]" not in correct:
            continue
        used.add(year)
        drafts.append(
            Draft(
                "year_event",
                f"{year}@{item.id}",
                f"According to the debate, which of these happened in {year}?",
                options,
                f"The debate dates this to {year}: {quoted(shorten(shown, 40))}",
                (ref(item),),
                facts={"evidence": item.id, "year": str(year), "sentence": sentence},
            )
        )
    return drafts


_LEADING_NUMBER = re.compile(
    r"^\d{1,3}(?:[ ,\u00a0]\d{3})+(?!\d)(?:\s+(?:million|billion|thousand|hundred)\b)?"
    r"|^\d+(?:\.\d+)?(?:\s*/\s*\d+|\s*%|\s+(?:million|billion|thousand|hundred)\b)?"
)


def figure_core(figure: Figure) -> str | None:
    """The number a student should remember ("3/5", "44 000", "10%"), or None.

    Bare counts with nothing counted ("33") are left out: without a unit they are
    as often years or page numbers as figures worth learning.
    """
    if figure.kind == "count" and not figure.unit:
        return None
    m = _LEADING_NUMBER.match(figure.text.strip())
    return m.group(0).strip() if m else None


def _number_at(core: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w/.,])" + re.escape(core) + r"(?![\w/]|[.,]\d)")


def figure_blank(item: Evidence, figure: Figure) -> tuple[str, str, str] | None:
    """(sentence, number, sentence with the number blanked) for one figure of ``item``."""
    core = figure_core(figure)
    if core is None:
        return None
    pattern = _number_at(core)
    for sentence in sentences(item.text):
        if figure.text in sentence and pattern.search(sentence):
            return sentence, core, pattern.sub("____", sentence, count=1)
    return None


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAY = re.compile(
    rf"\b(?:(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b"
    rf"|(?:{_MONTHS})\.?\s+(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)


def day_of_month(item: Evidence, figure: Figure) -> bool:
    """``figure`` is the day in a date ("1 December 1934", "Dec. 1st"), not a quantity."""
    days = {m.group("a") or m.group("b") for m in _DAY.finditer(item.text)}
    number = re.sub(r"\D", "", figure.text)
    return figure.of is None and figure.kind == "count" and number in days


def figure_cloze(debate: Debate) -> list[Draft]:
    """Fill in the missing figure in a sentence of the debate (never the day of a date)."""
    found: list[tuple[Evidence, str, str, str, str]] = []  # item, sentence, core, blanked, kind
    for _, item in debate.iter_evidence():
        for figure in item.figures:
            if day_of_month(item, figure):
                continue
            blank = figure_blank(item, figure)
            if blank is not None:
                found.append((item, *blank, figure.kind))
    drafts: list[Draft] = []
    seen: set[str] = set()
    for item, sentence, core, blanked, kind in found:
        key = f"{item.id}:{core}"
        if key in seen:
            continue
        seen.add(key)
        absent = [(c, k) for _, _, c, _, k in found if not _number_at(c).search(sentence)]
        same_kind = [c for c, k in absent if k == kind]
        other_kind = [c for c, k in absent if k != kind]
        options = choices(core, same_kind + other_kind)
        if options is None:
            continue
        drafts.append(
            Draft(
                "figure_cloze",
                key,
                f"Fill in the missing figure: {quoted(window(blanked, '____'))}",
                options,
                f"The debate gives the figure {core}: {quoted(window(sentence, core))}",
                (ref(item),),
                facts={"evidence": item.id, "figure": core, "sentence": sentence},
                preferred=len(_unique(same_kind, {core})),
            )
        )
    return drafts


# -- consequences -------------------------------------------------------------------
def consequence_polarity(debate: Debate) -> list[Draft]:
    """Is a consequence on the positive or the negative side of the balance sheet?"""
    drafts: list[Draft] = []
    for c in debate.consequences:
        other = "negative" if c.polarity == "positive" else "positive"
        drafts.append(
            Draft(
                "consequence_polarity",
                c.id,
                f"Is this consequence listed as positive or negative? {quoted(shorten(c.text))}",
                (c.polarity, other),
                f"The balance sheet lists it as {c.polarity}.",
                (ref(c),),
                fixed_order=True,
                facts={"consequence": c.id, "polarity": c.polarity},
            )
        )
    return drafts


Generator = Callable[[Debate], list[Draft]]


def earliest_event(debate: Debate) -> list[Draft]:
    """Which of these happened first? (years hidden; only sentences naming one year)"""
    single = [
        (years[0], item, sentence, shown)
        for item, sentence, shown, years in dated_sentences(debate)
        if len(set(find_years(shown))) == 1 and str(years[0]) not in mask_years(shown)
    ]
    ordered = sorted(single, key=lambda t: t[0])
    short = [shorten(mask_years(t), 40) for _, _, _, t in ordered]
    drafts: list[Draft] = []
    used: set[int] = set()
    for i, (year, item, sentence, shown) in enumerate(ordered):
        if year in used:
            continue
        later = [short[j] for j in range(i + 1, len(ordered)) if ordered[j][0] > year]
        options = choices(short[i], later)
        if options is None:
            continue
        used.add(year)
        drafts.append(
            Draft(
                "earliest_event",
                f"first@{item.id}:{year}",
                "According to the debate, which of these happened first?",
                options,
                f"The debate dates this to {year}, before the others: {quoted(shorten(shown, 40))}",
                (ref(item),),
                facts={"evidence": item.id, "year": str(year), "sentence": sentence},
            )
        )
    return drafts


def supports_position(debate: Debate) -> list[Draft]:
    """Which of these points does the handout give for an explanation? (its counters as distractors)"""
    drafts: list[Draft] = []
    bare = {e.id: _bare(e) for _, e in debate.iter_evidence()}  # once, not once per position
    for position in debate.positions:
        if not position.countering:
            continue  # with nothing against it, the direction is not tested
        against = [bare[e.id] for e in position.countering]
        others = [bare[e.id] for p, e in debate.iter_evidence() if p.id != position.id]
        mine = {bare[e.id] for e in position.supporting}
        candidates = against + others
        preferred = len(_unique(against, mine))
        for item in position.supporting:
            options = choices(bare[item.id], candidates, also_right=mine)
            if options is None:
                continue
            drafts.append(
                Draft(
                    "supports_position",
                    f"supports@{item.id}",
                    f"Which of these points does the debate give in support of "
                    f"{quoted(position.title)}?",
                    options,
                    f"The debate gives it for {quoted(position.title)}: {quoted(bare[item.id])}",
                    (ref(item), ref(position)),
                    facts={"evidence": item.id, "position": position.id},
                    preferred=preferred,
                )
            )
    return drafts


GENERATORS: dict[str, Generator] = {
    "historian_position": historian_position,
    "position_historian": position_historian,
    "evidence_position": evidence_position,
    "evidence_stance": evidence_stance,
    "rebuttal": rebuttal,
    "year_event": year_event,
    "figure_cloze": figure_cloze,
    "consequence_polarity": consequence_polarity,
    "earliest_event": earliest_event,
    "supports_position": supports_position,
}
