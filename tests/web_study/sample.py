"""A debate on another topic, written for these tests, with markup in its text.

Why the 1918 influenza spread so far: three explanations with historians, dated
points carrying figures, a rebuttal and consequences. A title and a point hold
``<script>`` and ``<b>`` so the pages and downloads can be checked for escaping.
"""

from __future__ import annotations

from tests.sample_builder import SampleFile, balance_sheet, con, pro

from quaestio.model import Debate, Figure

XSS = "<script>window.pwned=1</script>"
NOTES = SampleFile("flu-notes.txt")


def flu_debate() -> Debate:
    war = NOTES.position(
        "p1",
        f"Troop movements {XSS}",
        "Crowded camps and ships carried the virus between continents.",
        ["Crosby", "Barry"],
        [
            pro(
                "In 1918 about 2 million soldiers crossed the Atlantic in packed transports.",
                label="Transports",
                years=(1918,),
                weight=0.8,
                line=4,
                figures=(Figure("2 million", 2_000_000, "count", None, "soldiers"),),
            ),
            pro(
                "Camp hospitals reported that 40% of recruits fell ill within weeks.",
                label="Camps",
                years=(1918,),
                weight=0.6,
                line=6,
                figures=(Figure("40%", 40, "percent"),),
            ),
            con(
                "Remote islands far from any front were struck just as hard in 1919.",
                label="Islands <b>too</b>",
                years=(1919,),
                rebuts=("f1",),
                weight=0.5,
                line=8,
            ),
        ],
        2,
    )
    censorship = NOTES.position(
        "p2",
        "Wartime censorship",
        "Newspapers were kept quiet, so towns took no precautions.",
        ["Honigsbaum"],
        [
            pro(
                "Papers in the fighting nations printed almost nothing about the outbreak in 1918.",
                label="Silent press",
                years=(1918,),
                weight=0.6,
                line=12,
            ),
            con(
                "Neutral Spain reported freely and still lost many thousands.",
                label="Spain",
                weight=0.6,
                line=14,
            ),
        ],
        10,
    )
    virus = NOTES.position(
        "p3",
        "A new and unusual virus",
        "The strain itself killed young adults at rates never seen before.",
        ["Taubenberger"],
        [
            pro(
                "Deaths among people aged 20 to 40 peaked in 1918 instead of among the old.",
                label="Young adults",
                years=(1918,),
                weight=0.7,
                line=18,
            ),
        ],
        16,
    )
    return Debate(
        title=f"Why did the flu of 1918 spread so far? {XSS}",
        question="Why did the 1918 influenza spread so widely?",
        positions=(war, censorship, virus),
        consequences=balance_sheet(
            ("positive", "Public health boards were set up.", "health", 0.5),
            ("negative", "Whole villages lost their adults.", "society", 0.8),
        ),
        source_file=NOTES.name,
    )
