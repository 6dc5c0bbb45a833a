"""The JSON API: thin routes over :class:`frontwatch.api.Frontwatch` and its store.

No analysis happens here: each route checks its input, calls one method, and returns the
result with ``"ok": true``. Failures become the one error shape (see :mod:`frontwatch.web.errors`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.web import mapdata
from frontwatch.web.auth import require_read, require_write

router = APIRouter(prefix="/api", default_response_class=JSONResponse)


async def run(request: Request, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` on the app's one store thread.

    A DuckDB connection must not be used by two threads at once, so every store call goes
    through one worker thread; the event loop stays free for other connections meanwhile.
    """
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.state.store_thread, functools.partial(fn, *args, **kwargs))


read = [Depends(require_read)]

Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=500)]
#: How many rendered /api/map answers a server keeps.
MAP_CACHE = 16

#: Upload suffixes the ingestion readers understand, by request content type.
CONTENT_SUFFIX = {
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/x-jsonlines": ".jsonl",
    "application/jsonlines": ".jsonl",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
}
UPLOAD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".txt", ".html", ".htm", ".xml", ".rss", ".atom"}


def fw_of(request: Request) -> Any:
    return request.app.state.fw


class Answer(JSONResponse):
    """A JSON answer rendered straight from plain dicts (no per-field encoder: large maps stay fast)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str).encode()


def ok(data: dict[str, Any]) -> Answer:
    return Answer({"ok": True, **data})


def page(items: list[dict[str, Any]], limit: int, offset: int) -> Answer:
    """A page of rows; ``next_offset`` is null on the last page."""
    return Answer({
        "ok": True,
        "items": items,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) >= limit else None,
    })


def filters(**values: Any) -> dict[str, Any]:
    """Only the filters that were given (the store treats a missing one as 'any')."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items() if v is not None}


# -- reading ----------------------------------------------------------------------------------
@router.get("/stats", dependencies=read, summary="Counts of what the store holds")
async def stats(request: Request) -> Answer:
    counts = await run(request, fw_of(request).stats)
    return ok({k: v for k, v in counts.items() if k != "db"})  # not the server's file path


@router.get("/reports", dependencies=read, summary="List and search reports")
async def list_reports(
    request: Request,
    source: Text = None,
    q: Annotated[str | None, Query(max_length=500, description="words in the title or body")] = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Answer:
    store = fw_of(request).store
    rows = await run(request, store.documents, limit=limit, offset=offset,
                     **filters(source=source, q=q, since=since, until=until))
    return page(rows, limit, offset)


@router.get("/reports/{report_id}", dependencies=read, summary="One report with its thread (the JSON contract)")
async def get_report(request: Request, report_id: str) -> Answer:
    return ok({"document": await run(request, fw_of(request).store.document, report_id)})


@router.get("/places", dependencies=read, summary="Place mentions")
async def list_places(
    request: Request,
    place: Text = None,
    source: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Answer:
    rows = await run(request, fw_of(request).store.place_rows, limit=limit, offset=offset,
                     **filters(place=place, source=source, since=since, until=until))
    return page(rows, limit, offset)


@router.get("/events", dependencies=read, summary="Events (ACLED types)")
async def list_events(
    request: Request,
    place: Text = None,
    actor: Text = None,
    type: Text = None,
    source: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Answer:
    rows = await run(request, fw_of(request).store.event_rows, limit=limit, offset=offset,
                     **filters(place=place, actor=actor, type=type, source=source, since=since, until=until))
    return page(rows, limit, offset)


@router.get("/claims", dependencies=read, summary="Control claims, from articles and comments")
async def list_claims(
    request: Request,
    place: Text = None,
    actor: Text = None,
    source: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Answer:
    rows = await run(request, mapdata.claims, fw_of(request), limit=limit, offset=offset,
                     **filters(place=place, actor=actor, source=source, since=since, until=until))
    return page(rows, limit, offset)


@router.get("/status/{place:path}", dependencies=read, summary="Who holds a place on a day, and the evidence")
async def status(request: Request, place: str, at: Day = None) -> Answer:
    return ok(await run(request, fw_of(request).status, place, at))


@router.get("/timeline/{place:path}", dependencies=read, summary="Control of a place over time")
async def timeline(request: Request, place: str) -> Answer:
    result = await run(request, fw_of(request).timeline, place)
    return ok(result if isinstance(result, dict) else {"place": place, "intervals": result})


@router.get("/sources", dependencies=read, summary="Reliability of each source")
async def sources(request: Request) -> Answer:
    result = await run(request, fw_of(request).source_reliability)
    return ok({"sources": result})


@router.get("/map", dependencies=read, summary="Every place with claims, coloured for one day")
async def map_day(request: Request, day: Day = None, source: Text = None) -> Response:
    """Cached per (day, source) while the store's reports stay the same (every visitor's first view is alike)."""
    fw, cache = fw_of(request), request.app.state.map_cache
    key = (day, source, await run(request, mapdata.stamp, fw))
    body = cache.get(key)
    if body is None:
        body = ok(await run(request, mapdata.map_payload, fw, day, source=source)).body
        cache[key] = body
        while len(cache) > MAP_CACHE:
            cache.pop(next(iter(cache)))
    return Response(body, media_type="application/json")


# -- analysing one comment --------------------------------------------------------------------
class ArticleIn(BaseModel):
    title: str = Field("", max_length=2_000)
    body: str = Field("", max_length=200_000)


class CommentIn(BaseModel):
    text: str = Field(..., min_length=1, max_length=20_000, description="the comment to check")
    parent: str | None = Field(None, max_length=20_000, description="the comment it replies to, if any")
    article: ArticleIn | None = Field(None, description="the article it answers, for stance")
    language: str | None = Field(None, max_length=20, description="ISO 639-1 code, if known")


@router.post("/comments/analyze", dependencies=read, summary="Stance and flags of one comment (moderation queue)")
async def analyze_comment(request: Request, body: CommentIn) -> Answer:
    article = body.article.model_dump() if body.article else None
    result = await run(request, mapdata.analyze_comment, fw_of(request), body.text, parent=body.parent,
                       article=article, language=body.language)
    return ok(result)


# -- writing ----------------------------------------------------------------------------------
@router.post("/reports", dependencies=[Depends(require_write)], summary="Ingest reports (JSON, JSON Lines or a file)")
async def post_reports(
    request: Request,
    published: Day = None,
    source: Text = None,
) -> Answer:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    tmp = Path(tempfile.mkdtemp(prefix="frontwatch-upload-"))
    try:
        if ctype == "multipart/form-data":
            path = await _save_multipart(request, tmp)
        elif ctype in CONTENT_SUFFIX:
            path = tmp / f"upload{CONTENT_SUFFIX[ctype]}"
            await _save_stream(request, path)
        else:
            raise InputError(
                f"cannot read a body of type {ctype or 'none'!r}",
                where="Content-Type",
                hint="send application/json, application/x-ndjson, text/plain, text/html or a multipart file upload",
            )
        fw = fw_of(request)

        def ingest() -> Any:
            if path.suffix == ".json":
                _check_json(path)
            done = fw.ingest([str(path)], published=published, source=source)
            if (done.new or done.updated) and hasattr(fw, "reconcile"):
                fw.reconcile()  # status and the map answer from the new claims at once
                request.app.state.map_cache.clear()
            return done

        result = await run(request, ingest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    failures = [{"where": _short(f.where, tmp), "error": f.message} for f in result.failures]
    if result.failed and not result.stored:
        raise InputError(f"no report could be read: {failures[0]['error']}", where=failures[0]["where"] or "body")
    return ok({"new": result.new, "updated": result.updated, "unchanged": result.unchanged,
               "failed": result.failed, "failures": failures})


async def _save_stream(request: Request, path: Path) -> None:
    size = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            size += len(chunk)
            out.write(chunk)
    if size == 0:
        raise InputError("the request body is empty", where="body", hint="send one or more reports")


async def _save_multipart(request: Request, tmp: Path) -> Path:
    try:
        form = await request.form(max_files=1, max_fields=10)
    except FrontwatchError:  # PayloadTooLarge from the body limit
        raise
    except Exception as exc:  # the multipart parser's own errors
        raise InputError(f"cannot read the multipart body: {exc}", where="body") from None
    try:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InputError("no file in the upload", where="body", hint="send the file in a form field named 'file'")
        suffix = Path(upload.filename or "").suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise InputError(f"cannot read a file ending {suffix or '(none)'!r}", where="file",
                             hint=f"use one of {', '.join(sorted(UPLOAD_SUFFIXES))}")
        path = tmp / f"upload{'.jsonl' if suffix == '.ndjson' else suffix}"
        with path.open("wb") as out:
            while chunk := await upload.read(1 << 20):
                out.write(chunk)
    finally:
        await form.close()
    if path.stat().st_size == 0:
        raise InputError("the uploaded file is empty", where="file")
    return path


def _check_json(path: Path) -> None:
    try:
        with path.open("rb") as f:
            json.load(f)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", where="body") from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", where="body") from None


def _short(where: str, tmp: Path) -> str:
    """Failure locations without the server's temporary path."""
    return where.replace(str(tmp) + os.sep, "").replace(str(tmp), "")
