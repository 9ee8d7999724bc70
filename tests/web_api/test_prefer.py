"""``Prefer: respond-async, wait=N`` (RFC 7240) decides how long an import waits before a 202."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quaestio.web.api.debates import async_wait


def test_without_respond_async_the_request_waits_until_done() -> None:
    assert async_wait("", 2.0) is None
    assert async_wait("wait=5", 2.0) is None
    assert async_wait("return=minimal", 2.0) is None


def test_respond_async_waits_the_default_or_what_is_asked() -> None:
    assert async_wait("respond-async", 2.0) == 2.0
    assert async_wait("respond-async, wait=7", 2.0) == 7.0
    assert async_wait("wait=0.5 , Respond-Async", 2.0) == 0.5
    assert async_wait("respond-async, wait=nonsense", 2.0) == 2.0
    assert async_wait("respond-async, wait=1e9", 2.0) == 600.0


@given(st.text(max_size=80))
def test_any_header_gives_none_or_a_bounded_wait(header: str) -> None:
    wait = async_wait(header, 2.0)
    assert wait is None or 0.0 <= wait <= 600.0
