"""Lint checks for debates: what a careful teacher would still want to fix."""

from quaestio.lint.checks import check, lint

__all__ = ["check", "lint"]
