"""Server-rendered pages of the web app (Jinja2 + htmx, a Vite bundle for the map).

``router`` is included by ``quaestio.web.app.create_app``; pages share the API's
database and session cookie (``app.state.db``, ``app.state.settings``).
"""

from fastapi import APIRouter

from quaestio.web.pages import (
    class_pages,
    classroom_pages,
    discussion,
    edit_links,
    editing,
    fixup,
    home,
    static_files,
    study_pages,
    upload,
    verdict_pages,
    views,
)

router = APIRouter()
router.include_router(static_files.router)
router.include_router(home.router)
router.include_router(views.router)
router.include_router(verdict_pages.router)
router.include_router(editing.router)
router.include_router(edit_links.router)
router.include_router(upload.router)
router.include_router(fixup.router)
router.include_router(class_pages.router)
router.include_router(classroom_pages.router)
router.include_router(discussion.router)
router.include_router(study_pages.router)

__all__ = ["router"]
