"""Every failure of a command as one line naming file, line and field.

quaestio's own errors (``QuaestioError``) already carry where they happened;
errors from the operating system (a missing folder, a file that cannot be
read) carry the file name. Both are the user's to fix and exit with 2. Any other
exception is a bug: it is reported in one line too, with exit code 70, and
``QUAESTIO_DEBUG=1`` shows the traceback for a bug report.
"""

from __future__ import annotations

import os
import sys

from quaestio.errors import QuaestioError

USER_ERROR = 2
INTERNAL_ERROR = 70
DEBUG_ENV = "QUAESTIO_DEBUG"
#: SQLAlchemy errors that mean a wrong --db URL or a database that cannot be reached
#: (matched by name so that a command that never opens a database never imports it).
_DATABASE_ERRORS = ("ArgumentError", "OperationalError", "NoSuchModuleError", "InterfaceError")


def describe(exc: BaseException) -> str | None:
    """The one line for a failure the user can fix, or None for a bug."""
    if isinstance(exc, QuaestioError):
        return str(exc)
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start})"
    if type(exc).__module__.startswith("sqlalchemy") and type(exc).__name__ in _DATABASE_ERRORS:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"database (field db): {first}"
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else ""
        what = exc.strerror or str(exc)
        return f"{where}: {what}" if where else what
    return None


def report(exc: BaseException) -> int:
    """Print ``exc`` as one line on standard error; returns the exit code."""
    line = describe(exc)
    code = USER_ERROR
    if line is None:
        if os.environ.get(DEBUG_ENV):
            raise exc
        code = INTERNAL_ERROR
        line = (
            f"internal error ({type(exc).__name__}: {exc}); this is a bug in quaestio, "
            f"run again with {DEBUG_ENV}=1 for the details to report"
        )
    from quaestio.cli.common import escape, make_console

    make_console(stderr=True, soft_wrap=True).print(
        f"[bold red]error:[/] {escape(line)}", highlight=False
    )
    sys.stderr.flush()
    return code
