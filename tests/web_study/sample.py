"""A debate on another topic, written for these tests, with markup in its text.

Why the 1918 influenza spread so far: three explanations with historians, dated
points carrying figures, a rebuttal and consequences. A title and a point hold
``<script>`` and ``<b>`` so the pages and downloads can be checked for escaping.
"""

from __future__ import annotations

from quaestio.model import Consequence, Debate, Evidence, Figure, Historian, Position, Source

XSS = "<script>window.pwned=1</script>"


def _src(line: int) -> Source:
    return Source("flu-notes.txt", line, line)


def flu_debate() -> Debate:
    war = Position(
        "p1",
        f"Troop movements {XSS}",
        "Crowded camps and ships carried the virus between continents.",
        (Historian("Crosby", "crosby"), Historian("Barry", "barry")),
        (
            Evidence(
                "p1.f1",
                "for",
                "In 1918 about 2 million soldiers crossed the Atlantic in packed transports.",
                label="Transports",
                years=(1918,),
                figures=(Figure("2 million", 2_000_000, "count", None, "soldiers"),),
                weight=0.8,
                source=_src(4),
            ),
            Evidence(
                "p1.f2",
                "for",
                "Camp hospitals reported that 40% of recruits fell ill within weeks.",
                label="Camps",
                years=(1918,),
                figures=(Figure("40%", 40, "percent"),),
                weight=0.6,
                source=_src(6),
            ),
            Evidence(
                "p1.a1",
                "against",
                "Remote islands far from any front were struck just as hard in 1919.",
                label="Islands <b>too</b>",
                years=(1919,),
                rebuts=("p1.f1",),
                weight=0.5,
                source=_src(8),
            ),
        ),
        source=_src(2),
    )
    censorship = Position(
        "p2",
        "Wartime censorship",
        "Newspapers were kept quiet, so towns took no precautions.",
        (Historian("Honigsbaum", "honigsbaum"),),
        (
            Evidence(
                "p2.f1",
                "for",
                "Papers in the fighting nations printed almost nothing about the outbreak in 1918.",
                label="Silent press",
                years=(1918,),
                weight=0.6,
                source=_src(12),
            ),
            Evidence(
                "p2.a1",
                "against",
                "Neutral Spain reported freely and still lost many thousands.",
                label="Spain",
                weight=0.6,
                source=_src(14),
            ),
        ),
        source=_src(10),
    )
    virus = Position(
        "p3",
        "A new and unusual virus",
        "The strain itself killed young adults at rates never seen before.",
        (Historian("Taubenberger", "taubenberger"),),
        (
            Evidence(
                "p3.f1",
                "for",
                "Deaths among people aged 20 to 40 peaked in 1918 instead of among the old.",
                label="Young adults",
                years=(1918,),
                weight=0.7,
                source=_src(18),
            ),
        ),
        source=_src(16),
    )
    return Debate(
        title=f"Why did the flu of 1918 spread so far? {XSS}",
        question="Why did the 1918 influenza spread so widely?",
        positions=(war, censorship, virus),
        consequences=(
            Consequence("c.pos1", "positive", "Public health boards were set up.", "health", 0.5),
            Consequence("c.neg1", "negative", "Whole villages lost their adults.", "society", 0.8),
        ),
        source_file="flu-notes.txt",
    )
