"""One page of a list the store returned in full: the slice, its total and the paging echo.

Several lists (positions, consequences, relations, a user's weights, verdicts,
review states, flashcards) are small enough to read whole; this cuts the page
out of them the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from quaestio.web.api.schemas import Page
from quaestio.web.deps import PageParams

R = TypeVar("R")
T = TypeVar("T")


def paged(rows: Sequence[R], page: PageParams, make: Callable[[R], T]) -> Page[T]:
    """The ``page`` of ``rows``, each turned into its response model by ``make``."""
    items = [make(r) for r in rows[page.offset : page.offset + page.limit]]
    return Page(items=items, total=len(rows), limit=page.limit, offset=page.offset)
