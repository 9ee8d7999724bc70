"""The ACH matrix (Analysis of Competing Hypotheses, Heuer) as CSV.

Rows are evidence, columns are hypotheses (the debate's positions); a cell says
how the evidence bears on the hypothesis: ``C``/``CC`` consistent, ``I``/``II``
inconsistent, ``N``/``NA`` or empty for neutral or not applicable. quaestio
writes ``C`` in the column of the position a supporting point belongs to and
``I`` for a counter-point. When reading someone else's matrix, a row rated
against several hypotheses becomes one evidence point per rated hypothesis
(with a warning), and a row rated against none is skipped with a warning.

The analyst's own ACH judgements (``Evidence.ach``, ``credibility``,
``relevance``) go in extra attribute columns, written only when some item has
them: ``Credibility`` and ``Relevance`` (numbers in [0, 1]) and ``Analyst``,
the hand-set cells as ``H2=I; H3=CC`` (hypothesis columns counted from 1). The
hypothesis cells themselves keep saying which hypothesis an item belongs to,
so a file read back gives the same debate. Credibility written as words
(PARC ACH's High/Medium/Low) is not a number and is skipped with a warning.

PARC ACH's ``.achz`` archive is not supported: its layout is not publicly
documented, and guessing it would produce files PARC ACH might not open.
"""

from __future__ import annotations

import csv
import io

from quaestio.errors import ParseError, ValidationError
from quaestio.formats.draft import DraftDebate, DraftEvidence, DraftPosition, build, decode
from quaestio.formats.losses import GRAPH, describe, table_view
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate, Warning

LOSES = (
    frozenset(
        {
            "ids",
            "title",
            "question",
            "summaries",
            "position_historians",
            "historian_keys",
            "figures",
            "rebuttals",
            "references",
            "weights",
            "sources",
            "conclusion",
            "consequences",
            "warnings",
        }
    )
    | GRAPH
)
FIXED = ("ID", "Evidence", "Label", "Date")
RATINGS = {
    "CC": "for",
    "C": "for",
    "I": "against",
    "II": "against",
    "N": None,
    "NA": None,
    "": None,
}


ANALYST = ("Credibility", "Relevance", "Analyst")


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def write(debate: Debate) -> bytes:
    debate = table_view(debate, LOSES)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    items = [e for _, e in debate.iter_evidence()]
    extra = [
        name
        for name, used in zip(
            ANALYST,
            (
                any(e.credibility is not None for e in items),
                any(e.relevance is not None for e in items),
                any(e.ach for e in items),
            ),
            strict=True,
        )
        if used
    ]
    column_of = {p.id: n for n, p in enumerate(debate.positions, start=1)}
    for e in items:
        for r in e.ach:
            if r.position not in column_of:
                raise ValidationError(
                    f"{e.id} has an ACH rating for {r.position!r}, which is not a position id",
                    field="ach",
                )
    w.writerow([*FIXED, *extra, *(p.title for p in debate.positions)])
    for column, p in enumerate(debate.positions):
        for e in p.evidence:
            cells = [""] * len(debate.positions)
            cells[column] = "C" if e.stance == "for" else "I"
            values = {
                "Credibility": _number(e.credibility),
                "Relevance": _number(e.relevance),
                "Analyst": "; ".join(f"H{column_of[r.position]}={r.rating}" for r in e.ach),
            }
            w.writerow(
                [
                    e.id,
                    e.text,
                    e.label or "",
                    "; ".join(str(y) for y in e.years),
                    *(values[name] for name in extra),
                    *cells,
                ]
            )
    return out.getvalue().encode("utf-8")


def read(data: bytes, path: str | None) -> Loaded:
    text = decode(data, path)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    draft = DraftDebate()
    try:
        header = next(rows, None)
        if header is None:
            raise ParseError("the ACH matrix is empty", file=path, line=1)
        names = [h.strip() for h in header]
        lower = [n.lower() for n in names]
        # Evidence attributes come first, hypotheses after: a hypothesis may be called "Date".
        known = {n.lower() for n in FIXED} | {
            "type",
            "credibility",
            "relevance",
            "notes",
            "analyst",
        }
        first_hypothesis = 0
        while first_hypothesis < len(lower) and lower[first_hypothesis] in known:
            if lower[first_hypothesis] in lower[:first_hypothesis]:
                break
            first_hypothesis += 1
        hyp_cols = list(range(first_hypothesis, len(lower)))
        if not hyp_cols:
            raise ParseError("the header names no hypotheses", file=path, line=1)
        for i in hyp_cols:
            if not names[i]:
                raise ParseError(f"hypothesis column {i + 1} has no title", file=path, line=1)
            draft.positions.append(DraftPosition(title=names[i], key=f"col{i}", line=1))
        attributes = lower[:first_hypothesis]
        col = {
            n: attributes.index(n)
            for n in ("id", "evidence", "label", "date", "credibility", "relevance", "analyst")
            if n in attributes
        }
        if "evidence" not in col:
            raise ParseError(
                "the header needs an 'Evidence' column before the hypotheses",
                file=path,
                line=1,
                field="Evidence",
            )
        shared = skipped = worded = 0
        for row in rows:
            line = rows.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) > len(names):
                raise ParseError(
                    f"row has {len(row)} cells, the header {len(names)}", file=path, line=line
                )
            row = row + [""] * (len(names) - len(row))
            body = row[col["evidence"]].strip()
            if not body:
                raise ParseError(
                    "the evidence cell is empty", file=path, line=line, field="Evidence"
                )
            rated = []
            for n, i in enumerate(hyp_cols):
                rating = row[i].strip().upper()
                if rating not in RATINGS:
                    raise ParseError(
                        f"rating {row[i]!r} is not one of CC, C, N, NA, I, II",
                        file=path,
                        line=line,
                        field=names[i],
                    )
                if RATINGS[rating] is not None:
                    rated.append((n, RATINGS[rating]))
            if not rated:
                skipped += 1
                continue
            shared += len(rated) > 1
            years = _years(row[col["date"]], path, line) if "date" in col else None
            ident = row[col["id"]].strip() if "id" in col else ""
            judged: dict[str, float | None] = {}
            for name in ("credibility", "relevance"):
                judged[name] = None
                if name in col and row[col[name]].strip():
                    judged[name] = _float(row[col[name]], path, line, names[col[name]])
                    worded += judged[name] is None
            ach = (
                _analyst(row[col["analyst"]], len(hyp_cols), path, line) if "analyst" in col else []
            )
            for n, stance in rated:
                draft.positions[n].evidence.append(
                    DraftEvidence(
                        stance="for" if stance == "for" else "against",
                        text=body,
                        key=ident if len(rated) == 1 else "",
                        hint=(ident or None) if len(rated) == 1 else None,
                        label=row[col["label"]].strip() or None if "label" in col else None,
                        years=years,
                        line=line,
                        ach=[(f"col{hyp_cols[h]}", r) for h, r in ach],
                        credibility=judged["credibility"],
                        relevance=judged["relevance"],
                    )
                )
    except csv.Error as exc:
        raise ParseError(f"not valid CSV: {exc}", file=path, line=rows.line_num) from None
    if shared:
        draft.warnings.append(
            Warning("ach_shared", f"{shared} row(s) bear on several hypotheses and were copied")
        )
    if worded:
        draft.warnings.append(
            Warning(
                "ach_worded_weight",
                f"{worded} credibility/relevance cell(s) are words, not numbers, and were skipped",
            )
        )
    if skipped:
        draft.warnings.append(
            Warning("ach_unrated", f"{skipped} row(s) rated against no hypothesis were skipped")
        )
    return build(draft, path)


def _float(cell: str, path: str | None, line: int, column: str) -> float | None:
    """A number in a Credibility/Relevance cell; words (High, Low) give None."""
    try:
        return float(cell.strip())
    except ValueError:
        if any(ch.isdigit() for ch in cell):
            raise ParseError(
                f"{column.lower()} {cell!r} is not a number", file=path, line=line, field=column
            ) from None
        return None


def _analyst(cell: str, n_hyp: int, path: str | None, line: int) -> list[tuple[int, str]]:
    """``H2=I; H3=CC`` as (hypothesis index from 0, rating) pairs."""
    out: list[tuple[int, str]] = []
    for part in (p.strip() for p in cell.split(";")):
        if not part:
            continue
        head, eq, rating = part.partition("=")
        number = head.strip().upper().removeprefix("H")
        if not eq or not number.isdigit() or not 1 <= int(number) <= n_hyp:
            raise ParseError(
                f"analyst rating {part!r} is not H<hypothesis number>=<rating> "
                f"(hypotheses 1 to {n_hyp})",
                file=path,
                line=line,
                field="Analyst",
            )
        code = rating.strip().upper()
        if code not in RATINGS or not code:
            raise ParseError(
                f"analyst rating {rating.strip()!r} is not one of CC, C, N, NA, I, II",
                file=path,
                line=line,
                field="Analyst",
            )
        out.append((int(number) - 1, code))
    return out


def _years(cell: str, path: str | None, line: int) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in cell.replace(",", ";").split(";") if part.strip())
    except ValueError:
        raise ParseError(
            f"date {cell!r} is not a list of years", file=path, line=line, field="Date"
        ) from None


FORMAT = Format(
    name="ach-csv",
    suffixes=(".ach.csv",),
    description=(
        "ACH matrix (Analysis of Competing Hypotheses): evidence rows × hypothesis columns, "
        "C/I ratings; the analyst's own ratings, credibility and relevance in Analyst, "
        "Credibility and Relevance columns"
    ),
    media_type="text/csv",
    read=read,
    write=write,
    loses=describe(LOSES),
    kind="interchange",
)
