"""Settings of the web app, read once from arguments and the environment.

The app keeps no state of its own between requests (sessions live in the
database), so any number of processes can serve one database; these settings
must simply agree between them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from quaestio.store.db import default_url


def _flag(name: str, default: bool | None) -> bool | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    database_url: str
    # True: always mark cookies Secure; False: never; None: when the request came over
    # HTTPS, directly or through a proxy that says so in X-Forwarded-Proto.
    secure_cookies: bool | None = None
    allow_signup: bool = True
    session_cookie: str = "quaestio_session"
    csrf_cookie: str = "quaestio_csrf"
    csrf_header: str = "X-CSRF-Token"
    max_upload_bytes: int = 20 * 1024 * 1024

    @classmethod
    def load(cls, database_url: str | None = None) -> Settings:
        return cls(
            database_url=database_url or default_url(),
            secure_cookies=_flag("QUAESTIO_SECURE_COOKIES", None),
            allow_signup=bool(_flag("QUAESTIO_ALLOW_SIGNUP", True)),
        )
