"""Property: whatever bytes any reader gets, it returns a sound debate or one ParseError.

In-process and fast (the subprocess suite with resource limits is test_hostile_cli);
hypothesis drives random bytes and mutations of each reader's valid sample.
"""

from __future__ import annotations

import os

from hostile_corpus import READERS, SUFFIX, sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.formats import by_name
from quaestio.model import validate

FUZZ = settings(
    max_examples=int(os.environ.get("QUAESTIO_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SYNTAX = list(b"{}[]<>:;,\"'\n#-+_=\\/()&|*\t 0123456789.")


def _check(reader: str, data: bytes) -> None:
    fmt = by_name(reader)
    assert fmt.read is not None
    path = f"fuzz{SUFFIX[reader]}"
    try:
        loaded = fmt.read(data, path)
    except ParseError as exc:
        assert exc.file == path and exc.message
        return
    # Accepted: the debate may have problems (``check`` reports them) but validating
    # it must not fail, and every problem must say what it is.
    assert all(p.message for p in validate(loaded.debate))


@FUZZ
@given(reader=st.sampled_from(READERS), data=st.binary(max_size=600))
def test_random_bytes(reader: str, data: bytes) -> None:
    _check(reader, data)


@FUZZ
@given(
    reader=st.sampled_from(READERS),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(SYNTAX), st.integers(0, 3)), max_size=10
    ),
)
def test_mutated_samples(reader: str, edits: list[tuple[float, int, int]]) -> None:
    data = bytearray(sample(reader))
    for where, byte, op in edits:
        i = min(int(where * len(data)), max(len(data) - 1, 0))
        if op == 0 or not data:
            data.insert(i, byte)
        elif op == 1:
            del data[i]
        elif op == 2:
            data[i] = byte
        else:
            data[i:i] = data[i : i + 8] * 20
    _check(reader, bytes(data))
