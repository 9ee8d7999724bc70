"""The REST API: one router per resource, all under ``/api``."""

from __future__ import annotations

from fastapi import APIRouter

from quaestio.web.api import (
    ach,
    auth,
    classes,
    classroom,
    debates,
    evaluation,
    graph,
    import_preview,
    jobs,
    nodes,
    personal,
)
from quaestio.web.api.study import router as study_router

router = APIRouter()
for module in (
    auth,
    debates,
    import_preview,
    jobs,
    nodes,
    graph,
    ach,
    personal,
    classes,
    classroom,
    evaluation,
):
    router.include_router(module.router)
router.include_router(study_router)

__all__ = ["router"]
