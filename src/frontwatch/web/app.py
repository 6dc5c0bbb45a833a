"""The FastAPI application: the JSON API under ``/api``, the map page at ``/``, threads at ``/reports/{id}``.

    >>> from frontwatch.api import Frontwatch
    >>> app = create_app(Frontwatch(db="frontwatch.duckdb"))   # then: uvicorn.run(app)

The OpenAPI description is at ``/api/openapi.json``. No interactive docs page is served: it
would load its assets from a CDN, and the page must work offline.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from frontwatch import __version__
from frontwatch.web import errors, pages
from frontwatch.web.middleware import BodyLimit, SecurityHeaders
from frontwatch.web.routes import router, run

STATIC = Path(__file__).parent / "static"


def create_app(fw: Any, *, read_only: bool = False) -> FastAPI:
    """The web app over one :class:`frontwatch.api.Frontwatch` (its store opened once, lazily).

    ``read_only``: the store was opened read-only (one of several worker processes), so the
    writing endpoints answer 403.
    """
    store_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontwatch-store")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store_thread.shutdown(wait=True)

    app = FastAPI(
        lifespan=lifespan,
        title="frontwatch",
        version=__version__,
        description="Who holds which place since when, according to whom; events, threads and moderation flags.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.fw = fw
    app.state.read_only = read_only
    app.state.map_cache = {}  # rendered /api/map answers, see routes.map_day
    app.state.store_thread = store_thread  # every store call runs here, one at a time
    errors.install(app)
    app.include_router(router)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(pages.page_html("map"))

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    async def thread_page(request: Request, report_id: str) -> HTMLResponse:
        await run(request, fw.store.document, report_id)  # NotFound -> the JSON 404
        return HTMLResponse(pages.page_html("thread"))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    mb = float(fw.settings.get("max_upload_mb") or 50)
    app.add_middleware(BodyLimit, max_bytes=int(mb * 1_000_000))
    app.add_middleware(SecurityHeaders)
    return app


def worker_app() -> FastAPI:
    """The app of one ``frontwatch serve --workers N`` process: settings from the environment, store read-only."""
    from frontwatch.api import Frontwatch

    fw = Frontwatch(os.environ.get("FRONTWATCH_WEB_CONFIG") or None)
    fw.open_read_only()
    return create_app(fw, read_only=True)
