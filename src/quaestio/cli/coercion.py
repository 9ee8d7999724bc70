"""Typer's parameter conversion without pydantic for the plain values quaestio takes.

Typer 0.29 turns every parameter's value into its declared type through a pydantic
``TypeAdapter``, built when the command runs, for flags left at their default too.
Loading pydantic and building the adapters is about a quarter of ``quaestio import``
on a small handout, to turn strings into strings and paths. ``install()`` gives
Typer a direct conversion for what needs none: a ``str`` or ``bool`` value as it is,
a ``Path`` through Typer's own checks (``exists``, ``dir_okay``... with Typer's
messages), an ``int`` or ``float`` that is already one (a default), lists of these.
Anything else (a number typed on the command line, a choice, a date, a custom
parser) goes to Typer's own conversion, so its values and its error messages are
exactly Typer's.

A Typer without this machinery (older, or reorganised) is left alone: ``install``
only patches what it recognises, and ``tests/cli/test_startup_imports.py`` notices
if pydantic comes back into the light commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

_UNHANDLED = object()


def _plain(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """``value`` converted to ``annotation`` directly, or ``_UNHANDLED`` for Typer to do."""
    if getattr(info, "parser", None) is not None:
        return _UNHANDLED
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (Any,)
        if not isinstance(value, (list, tuple)):
            value = [value]
        out = [_plain(item, info, v, param, ctx) for v in value]
        return _UNHANDLED if any(v is _UNHANDLED for v in out) else out
    if annotation is str or annotation is bool:
        return value if type(value) is annotation else _UNHANDLED
    if annotation is int or annotation is float:
        bounded = info.min is not None or info.max is not None
        return value if type(value) is annotation and not bounded else _UNHANDLED
    if isinstance(annotation, type) and issubclass(annotation, Path):
        if getattr(info, "path_type", None) is not None or not isinstance(value, (str, Path)):
            return _UNHANDLED
        from typer._param_types import coerce_cli_path

        # path_type=None: Typer's checks and messages, without its pydantic str -> Path
        checked: Any = coerce_cli_path(value, info, path_type=None, param=param, ctx=ctx)
        return annotation(checked)
    return _UNHANDLED


def install() -> None:
    """Route Typer's parameter conversion through ``_plain`` first (idempotent)."""
    try:
        from typer import _coercion, core
    except ImportError:  # a Typer without the pydantic layer: nothing to avoid
        return
    original: Any = getattr(core, "build_runtime_param", None)
    base: Any = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None or getattr(original, "quaestio_plain", False):
        return

    @dataclass(frozen=True)
    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            out = _plain(self.annotation, self.parameter_info, value, param, ctx)
            if out is _UNHANDLED:
                return original(self.descriptor)._coerce_value(value, param=param, ctx=ctx)
            return out

    def build(descriptor: Any) -> Any:
        if getattr(descriptor, "file_annotation", None) is not None:
            return original(descriptor)
        return PlainRuntimeParam(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )

    build.quaestio_plain = True  # type: ignore[attr-defined]
    setattr(core, "build_runtime_param", build)  # noqa: B010 (a name Typer does not export)
