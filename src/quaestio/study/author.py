"""The author's own verdict: what the handout's conclusion says about each position.

A handout ends with a weighed judgement ("X did not plan it alone, but bears the
responsibility…"). This reads that text, rule by rule, into judgements that can be
set beside the computed verdict:

0. judgements stored with the conclusion (``Conclusion.claims``, e.g. from Argdown)
   are taken as written, and nothing is read from the text then;
1. the passages: every sentence of the conclusion, plus any sentence elsewhere in the
   debate that opens a judgement ("overall", "in conclusion", "the most convincing"…);
2. each sentence is cut into clauses at "but", "yet", "whereas", semicolons and dashes;
3. a clause names a position when it shares a distinctive word of the position's title
   (or summary) — words found in most positions ("Stalin", "purges") or in the
   question tell nothing apart; a few families of words count as one word ("personal
   motive" is the psychological reading, "threat" is the opposition reading);
4. the clause's verb decides the judgement: a negation ("not", "cannot", "none") with
   an exclusive word ("alone", "single-handedly", "solely") *qualifies* the position
   (it was a cause, not the only one); a negation alone *rejects* it; a concession
   ("partly", "to some extent", "although") qualifies it; anything else *endorses* it.

A position's overall judgement is the one all its clauses agree on, else "qualifies".
Every judgement keeps the sentence it was read from, so a teacher can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from quaestio.extract.typo_fixes import corrected
from quaestio.model import Debate, Position
from quaestio.study.text import clean, sentences

Verdict = Literal["endorses", "qualifies", "rejects"]

CUES = re.compile(
    r"\b(overall|in conclusion|to conclude|on balance|all in all|the most convincing|"
    r"the least convincing|most persuasive|the main reason|the main cause)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*(?:;|:|\s[–—-]\s|,?\s+but\s+|,?\s+yet\s+|,?\s+whereas\s+)\s*", re.I)
_WORD = re.compile(r"[a-z]+", re.I)
NEGATION = re.compile(
    r"\b(not|no|cannot|can't|never|none|nothing|hardly|neither|nor|fails?\s+to|"
    r"rather\s+than|unlikely|doubtful|\w+n't)\b",
    re.IGNORECASE,
)
EXCLUSIVE = re.compile(
    r"\b(alone|single-?handedly|solely|sole|by (?:him|her|it)self|on (?:his|her|its) own|"
    r"entirely|wholly|exclusively|the only)\b",
    re.IGNORECASE,
)
DISMISSAL = re.compile(
    r"\b(unconvincing|mistaken|wrong|implausible|overstate[sd]?|exaggerat\w*|flawed|"
    r"misleading|untenable|discredited)\b",
    re.IGNORECASE,
)
# "without X there would have been no Y": X was necessary, which endorses it
NECESSARY = re.compile(r"\bwithout\b.+\b(no|not|never)\b", re.IGNORECASE)
CONCESSION = re.compile(
    r"\b(partly|in part|to some extent|to a degree|although|though|while|however|"
    r"some truth|contributed)\b",
    re.IGNORECASE,
)
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "are",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "his",
        "him",
        "she",
        "her",
        "we",
        "our",
        "you",
        "your",
        "not",
        "no",
        "nor",
        "but",
        "yet",
        "so",
        "than",
        "then",
        "who",
        "whom",
        "which",
        "what",
        "why",
        "how",
        "did",
        "do",
        "does",
        "done",
        "had",
        "has",
        "have",
        "other",
        "others",
        "own",
        "take",
        "took",
        "taken",
        "make",
        "made",
        "grow",
        "grew",
        "help",
        "helped",
        "create",
        "created",
        "shape",
        "shaped",
        "derive",
        "derived",
        "series",
        "real",
        "very",
        "much",
        "many",
        "more",
        "most",
        "less",
        "least",
        "all",
        "any",
        "some",
        "one",
        "two",
        "three",
        "after",
        "before",
        "during",
        "over",
        "under",
        "up",
        "down",
        "out",
        "about",
        "against",
        "between",
        "through",
        "also",
        "only",
        "even",
        "explanation",
        "view",
        "reason",
        "reasons",
        "cause",
        "causes",
        "caused",
        "factor",
    ]
)
# words that name one reading, so "personal motive" finds "paranoia" (stems, see _stem)
FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        [
            "plan",
            "design",
            "deliberat",
            "intend",
            "intention",
            "intentional",
            "master",
            "control",
            "direct",
            "steer",
            "responsib",
            "orchestrat",
        ],
        "@intention",
    ),
    **dict.fromkeys(
        [
            "paranoia",
            "paranoid",
            "mental",
            "mind",
            "psycholog",
            "personal",
            "motive",
            "personality",
            "suspicio",
            "vanity",
        ],
        "@psyche",
    ),
    **dict.fromkeys(
        [
            "opposition",
            "oppos",
            "threat",
            "enemy",
            "enem",
            "plot",
            "conspirac",
            "resistanc",
            "danger",
        ],
        "@threat",
    ),
    **dict.fromkeys(["weak", "weakness", "reaction", "react", "chaos", "chaotic"], "@weakness"),
    **dict.fromkeys(["below", "denunciat", "denounc", "momentum", "spiral"], "@below"),
}


def _stem(word: str) -> str:
    w = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix in ("ies", "ied", "ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return w


def _family(stem: str) -> str:
    for key, family in FAMILIES.items():
        if stem.startswith(key):
            return family
    return stem


def words(text: str) -> set[str]:
    """The content words of ``text``: stemmed, families merged, stop words left out."""
    out = set()
    for w in _WORD.findall(text.replace("’", "'")):
        if w.lower() in STOP or len(w) < 3:
            continue
        out.add(_family(_stem(w)))
    return out


@dataclass(frozen=True)
class Judgement:
    """One clause's judgement of one position, with the sentence it was read from."""

    position: str
    verdict: Verdict
    sentence: str
    matched: tuple[str, ...]  # the words that tie the clause to the position
    node: str | None = None  # where the sentence is (None: the conclusion)
    line: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "position": self.position,
            "verdict": self.verdict,
            "sentence": self.sentence,
            "matched": list(self.matched),
            "node": self.node,
            "line": self.line,
        }


@dataclass(frozen=True)
class AuthorVerdict:
    """The handout's own verdict: judgements per clause and one judgement per position."""

    judgements: tuple[Judgement, ...]
    overall: dict[str, Verdict]

    def positions(self, verdict: Verdict) -> list[str]:
        return [p for p, v in self.overall.items() if v == verdict]

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": dict(self.overall),
            "judgements": [j.to_dict() for j in self.judgements],
        }


def _vocabularies(debate: Debate) -> dict[str, tuple[set[str], set[str]]]:
    """(title words, summary words) per position, without words many positions share."""
    raw = {p.id: (words(p.title), words(p.summary)) for p in debate.positions}
    asked: set[str] = set()  # the question names the factor to judge: its words stay

    def common(part: int) -> set[str]:
        count: dict[str, int] = {}
        for pair in raw.values():
            for w in pair[part]:
                count[w] = count.get(w, 0) + 1
        return {w for w, n in count.items() if len(raw) > 2 and n > len(raw) / 3} | asked

    titles, summaries = common(0), common(1)
    return {pid: (t - titles, s - summaries - titles) for pid, (t, s) in raw.items()}


def _names(clause: str) -> set[str]:
    """The words of ``clause`` written with a capital letter after its first word (names)."""
    found = re.findall(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]+)", clause.strip())
    return {_family(_stem(w)) for w in found}


_SUFFIXES = ("cy", "y", "ion", "ions", "ies", "es", "s", "ed", "ing", "al")


def _expand(mine: set[str], vocab: dict[str, tuple[set[str], set[str]]]) -> set[str]:
    """Add the vocabulary words one of ``mine`` inflects ("bankruptcy" finds "bankrupt";
    "Stalinists" does not find "Stalin", nor "leadership" "leader")."""
    known = {w for title, summary in vocab.values() for w in title | summary}
    return mine | {
        k
        for k in known
        for w in mine
        if len(k) >= 5 and w != k and w.startswith(k) and w[len(k) :] in _SUFFIXES
    }


def _targets(
    clause: str, vocab: dict[str, tuple[set[str], set[str]]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The positions a clause names: a title word at least, summary words adding to it.

    A name alone ("Lenin's principle") is a mention, not a judgement: a clause needs a
    word of the title that is not a name, or two of the title's words.
    """
    mine = _expand(words(clause), vocab)
    names = _names(clause)
    scored: list[tuple[int, str, tuple[str, ...]]] = []
    for pid, (title, summary) in vocab.items():
        hits = mine & title
        if not hits or (hits <= names and len(hits) < 2):
            continue
        extra = (mine & summary) - hits
        found = hits | extra
        shown = dict.fromkeys(
            w for w in _WORD.findall(clause) if _expand({_family(_stem(w))}, vocab) & found
        )
        scored.append((3 * len(hits) + len(extra), pid, tuple(shown)))
    if not scored:
        return []
    best = max(s for s, _, _ in scored)
    return [(pid, m) for s, pid, m in scored if s == best]


def _verdict(clause: str) -> Verdict:
    if NECESSARY.search(clause):
        return "endorses"
    if DISMISSAL.search(clause):
        return "rejects"
    if NEGATION.search(clause):
        return "qualifies" if EXCLUSIVE.search(clause) else "rejects"
    if CONCESSION.search(clause):
        return "qualifies"
    return "endorses"


def _passages(debate: Debate) -> list[tuple[str, str | None, int | None]]:
    out: list[tuple[str, str | None, int | None]] = []
    if debate.conclusion is not None:
        line = debate.conclusion.source.line_start if debate.conclusion.source else None
        out += [(s, None, line) for s in sentences(debate.conclusion.text)]
    texts: list[tuple[str, str, int | None]] = []
    for position in debate.positions:
        texts.append((position.summary, position.id, _line(position)))
        texts += [
            (e.text, e.id, e.source.line_start if e.source else None) for e in position.evidence
        ]
    for text, node, line in texts:
        out += [(s, node, line) for s in sentences(text) if CUES.search(s)]
    return out


def _line(position: Position) -> int | None:
    return position.source.line_start if position.source else None


def author_verdict(debate: Debate) -> AuthorVerdict:
    """Read the conclusion (and judging passages) into judgements of the positions."""
    debate = corrected(debate)  # the importer's flagged typos are not repeated
    vocab = _vocabularies(debate)
    found: list[Judgement] = []
    stored = debate.conclusion.claims if debate.conclusion is not None else ()
    for claim in stored:  # judgements written in the file (Argdown, JSON v2) come first
        line = claim.source.line_start if claim.source else None
        for given in claim.judgements:
            found.append(
                Judgement(given.position, given.verdict, clean(claim.text), (), claim.id, line)
            )
    if found:
        return AuthorVerdict(tuple(found), _overall(debate, found))
    for sentence, node, line in _passages(debate):
        for clause in _CLAUSE.split(sentence):
            if not clause.strip():
                continue
            for pid, matched in _targets(clause, vocab):
                found.append(Judgement(pid, _verdict(clause), clean(sentence), matched, node, line))
    return AuthorVerdict(tuple(found), _overall(debate, found))


def _overall(debate: Debate, found: list[Judgement]) -> dict[str, Verdict]:
    overall: dict[str, Verdict] = {}
    for position in debate.positions:
        mine = {j.verdict for j in found if j.position == position.id}
        if mine:
            overall[position.id] = mine.pop() if len(mine) == 1 else "qualifies"
    return overall
