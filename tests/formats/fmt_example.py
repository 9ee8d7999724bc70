"""The example debate for the format tests, built in code in the project's own words.

Years and figures are what ``quaestio.extract`` finds in the text, as the
importer would store them. It lives in its own uniquely named module so tests
can import it without clashing with other test folders' conftest modules.
"""

from __future__ import annotations

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.model import (
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Position,
    Source,
    Warning,
)


def _ev(eid: str, stance: str, text: str, label: str | None = None, **kw: object) -> Evidence:
    return Evidence(
        id=eid,
        stance=stance,  # type: ignore[arg-type]
        text=text,
        label=label,
        years=find_years(text),
        figures=find_figures(text),
        **kw,  # type: ignore[arg-type]
    )


def _hist(*names: str) -> tuple[Historian, ...]:
    return tuple(Historian(n, historian_key(n)) for n in names)


def make_example() -> Debate:
    """Why did the Weimar Republic fail? Three explanations, in the project's own words."""
    src = "example.txt"
    p1 = Position(
        id="p1",
        title="Economic catastrophe",
        summary="Two economic shocks in ten years destroyed trust in the republic.",
        historians=_hist("Peukert", "Borchardt"),
        weight=0.6,
        source=Source(src, 3, 5),
        evidence=(
            _ev(
                "p1.f1",
                "for",
                "In 1923 prices doubled every few days; savings of the middle class vanished.",
                "Hyperinflation",
                weight=0.7,
                source=Source(src, 6),
            ),
            _ev(
                "p1.f2",
                "for",
                "By 1932 some 6 million people were out of work, about 30% of the workforce:\n"
                "· farmers lost their land to the banks\n"
                "· a generation of school leavers never found a job",
                "The Depression",
                source=Source(src, 7),
            ),
            _ev(
                "p1.a1",
                "against",
                "Britain and the USA suffered the same slump after 1929 & kept their democracies, "
                'so the economy alone cannot explain the "collapse".',
                "Other democracies survived",
                rebuts=("p1.f2",),
                weight=0.8,
                source=Source(src, 8),
            ),
        ),
    )
    p2 = Position(
        id="p2",
        title="A flawed constitution",
        summary="Proportional voting and Article 48 made stable government nearly impossible.",
        historians=_hist("Bracher"),
        source=Source(src, 10),
        evidence=(
            _ev(
                "p2.f1",
                "for",
                "There were 20 cabinets between 1919 and 1933; none lasted two years.",
                "Unstable cabinets",
                source=Source(src, 11),
                # the analyst's own ACH judgement: instability also fits the economic story
                ach=(AchRating("p1", "C"), AchRating("p2", "CC")),
                credibility=0.9,
            ),
            _ev(
                "p2.f2",
                "for",
                "From 1930 Brüning governed by emergency decree (Art. 48),\n"
                "bypassing the Reichstag: e.g. 5 decrees in 1930 vs. 66 in 1932.",
                source=Source(src, 12),
            ),
            _ev(
                "p2.a1",
                "against",
                "The same constitution survived the crisis years of 1919-23 intact.",
                "It worked before",
                weight=0.4,
                source=Source(src, 13),
            ),
        ),
    )
    p3 = Position(
        id="p3",
        title="Conservative elites let Hitler in",
        summary="A small circle around Hindenburg chose to hand power to the Nazis.",
        historians=_hist("Turner", "Mommsen"),
        weight=0.3,
        evidence=(
            _ev(
                "p3.f1",
                "for",
                "Papen and Hindenburg's circle made Hitler chancellor in January 1933 "
                "though the Nazi vote had fallen by 2 million in November 1932. "
                'Papen thought it a *deal*: "we have hired him" [sic] - see #2 {below} // a/b = c.',
                "Backstairs intrigue",
            ),
            _ev(
                "p3.a1",
                "against",
                "The Nazis were already the largest party, with 37% of the vote in July 1932.",
                "Mass support",
                rebuts=("p3.f1",),
                references=("p1.f2",),
                weight=0.9,
                ach=(AchRating("p3", "NA"),),
                relevance=0.25,
            ),
        ),
    )
    return Debate(
        title="Why did the Weimar Republic fail?",
        question="Why did Germany's first democracy collapse by 1933?",
        positions=(p1, p2, p3),
        conclusion=Conclusion(
            "The slump gave the Nazis their voters, but elites chose to give them power; "
            "neither alone is enough.",
            Source(src, 20),
        ),
        consequences=(
            Consequence(
                "c.pos1", "positive", "Post-war West Germany built a sturdier constitution.", "law"
            ),
            Consequence(
                "c.pos2",
                "positive",
                "A constructive vote of no confidence was adopted.",
                weight=0.6,
            ),
            Consequence("c.neg1", "negative", "Twelve years of dictatorship followed.", "politics"),
            Consequence(
                "c.neg2", "negative", "Trade unions and parties were banned in 1933.", weight=0.7
            ),
        ),
        warnings=(Warning("example", "this debate was written for the tests", 1),),
        source_file=src,
    )


def make_graph_example() -> Debate:
    """The example plus every part of the argument graph: a nested point with a historian
    and a tag, a tagged position, a cross-position relation, an argument, a school and a conclusion claim."""
    from dataclasses import replace

    from quaestio.model import Argument, ConclusionClaim, Judgement, Relation, School

    base = make_example()
    p1 = base.positions[0]
    reply = _ev(
        "p1.a1.a1",
        "against",
        "Neither Britain nor the USA went into the slump carrying a lost war, reparations "
        "and the wiped-out savings of 1923.",
        parent="p1.a1",
        historians=(Historian("Peukert", historian_key("Peukert"), "for"),),
        tags=("comparison",),
    )
    p1 = replace(p1, evidence=(*p1.evidence, reply), tags=("economic",))
    assert base.conclusion is not None
    return replace(
        base,
        positions=(p1, *base.positions[1:]),
        conclusion=replace(
            base.conclusion,
            claims=(
                ConclusionClaim(
                    "k1",
                    "Elites chose to give the Nazis power.",
                    (Judgement("p3", "endorses"), Judgement("p1", "qualifies")),
                ),
            ),
        ),
        relations=(Relation("r1", "support", "p3.a1", "p1", "the new voters were the slump's"),),
        arguments=(Argument("g1", "Slump to votes", ("p1.f2", "p3.a1"), "p1"),),
        schools=(School("s1", "Structural", ("p1", "p2")),),
    )
