"""Fuzzing every reader: random bytes, truncations and mutations of valid files.

A reader may accept odd input or refuse it, but a refusal is always a
ParseError naming the file, never another exception, and anything accepted is
a structurally valid debate.
"""

from __future__ import annotations

import os
from pathlib import Path

from fmt_example import make_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.formats import all_formats
from quaestio.model import validate

MINE = {"csv", "aif", "argdown", "ach-csv", "kialo", "graphml"}
READERS = [f for f in all_formats() if f.name in MINE and f.read is not None]
SAMPLES: dict[str, bytes] = {
    f.name: f.write(make_example())  # type: ignore[misc]
    for f in READERS
    if f.write is not None
}
SAMPLES["kialo"] = (Path(__file__).parent / "data" / "rome.kialo.txt").read_bytes()
FUZZ = settings(
    max_examples=int(os.environ.get("QUAESTIO_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(name: str, data: bytes) -> None:
    fmt = next(f for f in READERS if f.name == name)
    try:
        loaded = fmt.read(data, f"fuzz{fmt.suffixes[0]}")  # type: ignore[misc]
    except ParseError as exc:
        assert exc.file == f"fuzz{fmt.suffixes[0]}"
        assert exc.message
        return
    assert [p for p in validate(loaded.debate) if p.severity == "error"] == []


@FUZZ
@given(name=st.sampled_from(sorted(MINE)), data=st.binary(max_size=400))
def test_random_bytes(name: str, data: bytes) -> None:
    _check(name, data)


@FUZZ
@given(name=st.sampled_from(sorted(MINE)), cut=st.floats(0, 1))
def test_truncated_files(name: str, cut: float) -> None:
    sample = SAMPLES[name]
    _check(name, sample[: int(len(sample) * cut)])


@FUZZ
@given(
    name=st.sampled_from(sorted(MINE)),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1), st.sampled_from(list(b"{}[]<>:;,\"'\n#-+_=\\/() ")), st.booleans()
        ),
        max_size=8,
    ),
)
def test_mutated_files(name: str, edits: list[tuple[float, int, bool]]) -> None:
    data = bytearray(SAMPLES[name])
    for where, byte, insert in edits:
        i = min(int(where * len(data)), max(len(data) - 1, 0))
        if insert or not data:
            data.insert(i, byte)
        else:
            del data[i]
    _check(name, bytes(data))


@FUZZ
@given(name=st.sampled_from(sorted(MINE)), text=st.text(max_size=300))
def test_random_text(name: str, text: str) -> None:
    _check(name, text.encode("utf-8", "surrogatepass"))
