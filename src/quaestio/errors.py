"""One exception tree for the whole package.

Every error a user can cause names where it happened (file, line, field) so that
the CLI and the web app can point at the exact place without parsing messages.
"""

from __future__ import annotations


class QuaestioError(Exception):
    """Base of every error quaestio raises on purpose."""

    code = "error"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    @property
    def location(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "field": self.field,
        }


class ParseError(QuaestioError):
    """A file could not be read as the format it claims to be."""

    code = "parse_error"


class ValidationError(QuaestioError):
    """A debate is structurally wrong (dangling reference, duplicate id, bad weight...)."""

    code = "validation_error"

    def __init__(self, message: str, problems: list[object] | None = None, **kw: object) -> None:
        self.problems = list(problems or [])
        super().__init__(message, **kw)  # type: ignore[arg-type]


class UnknownFormatError(QuaestioError):
    """No registered format matches a file name or a format name."""

    code = "unknown_format"


class UnsupportedOperationError(QuaestioError):
    """A format exists but cannot do what was asked (e.g. writing a read-only format)."""

    code = "unsupported"


class NotFoundError(QuaestioError):
    """A requested object (debate, node, user...) does not exist."""

    code = "not_found"


class ConflictError(QuaestioError):
    """A write was based on a stale version of the object."""

    code = "conflict"


class PermissionDeniedError(QuaestioError):
    """The current user may not do this."""

    code = "forbidden"


class SolverError(QuaestioError):
    """A reasoning task could not be carried out (bad task name, no convergence...)."""

    code = "solver_error"


class TooLargeError(QuaestioError):
    """A debate is larger than a view can show in its time and memory budget."""

    code = "too_large"
