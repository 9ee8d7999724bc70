"""The shared store: debates, users, classes and their work in SQLite or PostgreSQL.

``Database`` opens (and migrates) a database; the modules below take an open
``Session`` so callers decide what one transaction covers:

- ``debates``: import, read back, list, edit, soft delete and undo
- ``nodes``: create, edit and delete one position, piece of evidence or consequence
- ``nodeviews``: find and show nodes; ``relations``: rebuttals; ``ach``: ACH judgements
- ``edits``: the version check, history and cache steps every node edit shares
- ``personal``: each user's own weights, verdicts and review states
- ``accounts``: users, passwords, browser sessions, API tokens
- ``classes``: classes, memberships, share links
- ``access``: the permission rules; ``backup``: dump and restore
"""

from quaestio.store.access import ANONYMOUS, Actor, Role
from quaestio.store.db import ENV_VAR, Database, DatabaseError, default_url
from quaestio.store.debates import StaleVersionError

__all__ = [
    "ANONYMOUS",
    "ENV_VAR",
    "Actor",
    "Database",
    "DatabaseError",
    "Role",
    "StaleVersionError",
    "default_url",
]
