"""Sign-in attempts limited per account and per address, and login CSRF refused.

After ``ACCOUNT_FREE`` failed sign-ins to one account (``ADDRESS_FREE`` from one
address) within ``WINDOW`` seconds, every further attempt, right or wrong, is
refused for a back-off that doubles with each failure (30 s, 60 s, 120 s ... up
to ``MAX_BACKOFF``, 15 minutes), with a message saying how long to wait. A success clears the
account's count. The counts live in this process: with W workers an attacker gets
at most W times the allowance, still a few guesses a minute instead of thousands.

Bearer API tokens are guarded the same way: after ``ADDRESS_FREE`` unknown or
revoked tokens from one address within ``WINDOW``, every request from it that
names a token is refused with the same doubling back-off, so tokens cannot be
guessed at speed either.

Login CSRF (a foreign page signing the visitor into the attacker's account) is
refused by the Origin check: a browser always sends ``Origin`` (or at least
``Referer``) on a cross-site POST, and it must name this server.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Request

from quaestio.errors import PermissionDeniedError, QuaestioError

ACCOUNT_FREE = 5
ADDRESS_FREE = 20
WINDOW = 15 * 60.0
FIRST_BACKOFF = 30.0
MAX_BACKOFF = 15 * 60.0


class TooManyAttemptsError(QuaestioError):
    """Too many failed sign-ins: wait ``retry_after`` seconds."""

    code = "too_many_attempts"

    def __init__(self, message: str, retry_after: int, field: str = "username") -> None:
        self.retry_after = retry_after
        super().__init__(message, field=field)


class CrossSiteError(PermissionDeniedError):
    code = "cross_site"


@dataclass
class _Record:
    failures: int = 0
    first: float = 0.0
    until: float = 0.0


class Throttle:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], _Record] = {}

    def _keys(self, username: str, address: str) -> list[tuple[tuple[str, str], int]]:
        return [
            (("account", username.strip().lower()), ACCOUNT_FREE),
            (("address", address), ADDRESS_FREE),
        ]

    def _wait(self, key: tuple[str, str], now: float) -> int | None:
        """Seconds ``key`` is still backed off for, or None (call with the lock held)."""
        record = self._records.get(key)
        if record is not None and record.until > now:
            return int(record.until - now) + 1
        return None

    def _count(self, keys: list[tuple[tuple[str, str], int]], now: float) -> None:
        """One more failure for each key, backing it off past its free allowance."""
        with self._lock:
            if len(self._records) > 100_000:  # forget stale entries rather than grow forever
                self._records = {k: r for k, r in self._records.items() if now - r.first < WINDOW}
            for key, free in keys:
                record = self._records.setdefault(key, _Record(first=now))
                if now - record.first > WINDOW and record.until <= now:
                    record.failures, record.first = 0, now
                record.failures += 1
                if record.failures >= free:
                    backoff = min(MAX_BACKOFF, FIRST_BACKOFF * 2.0 ** (record.failures - free))
                    record.until = now + backoff

    def check(self, username: str, address: str, now: float | None = None) -> None:
        """Raise TooManyAttemptsError while the account or the address is backed off."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for key, _ in self._keys(username, address):
                wait = self._wait(key, now)
                if wait is not None:
                    what = "this account" if key[0] == "account" else "this address"
                    raise TooManyAttemptsError(
                        f"too many failed sign-ins for {what}; try again in {wait} seconds",
                        wait,
                    )

    def failed(self, username: str, address: str, now: float | None = None) -> None:
        self._count(self._keys(username, address), time.monotonic() if now is None else now)

    def check_token(self, address: str, now: float | None = None) -> None:
        """Raise TooManyAttemptsError while this address is backed off for unknown tokens."""
        with self._lock:
            wait = self._wait(("token", address), time.monotonic() if now is None else now)
        if wait is not None:
            raise TooManyAttemptsError(
                f"too many unknown or revoked API tokens from this address; "
                f"try again in {wait} seconds",
                wait,
                field="Authorization",
            )

    def token_failed(self, address: str, now: float | None = None) -> None:
        """Count an unknown or revoked bearer token, as a failed sign-in from the address."""
        self._count([(("token", address), ADDRESS_FREE)], time.monotonic() if now is None else now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._records.pop(("account", username.strip().lower()), None)


def address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def throttle(request: Request) -> Throttle:
    state = request.app.state
    if getattr(state, "throttle", None) is None:
        state.throttle = Throttle()
    found: Throttle = state.throttle
    return found


def require_same_origin(request: Request) -> None:
    """Refuse a sign-in POSTed from another site (login CSRF)."""
    sent = request.headers.get("origin") or request.headers.get("referer")
    if not sent:
        return  # not a browser (scripts, tests): nothing to forge
    host = request.headers.get("x-forwarded-host") or request.headers.get("host") or ""
    if sent == "null" or urlsplit(sent).netloc.lower() != host.lower():
        raise CrossSiteError("sign-in from another site was refused", field="origin")
