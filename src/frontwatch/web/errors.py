"""One JSON shape for every failure of the HTTP API.

``{"ok": false, "status": 404, "code": "not_found", "error": "one line"}`` — for frontwatch's
own errors, request validation, unknown routes and methods, over-large bodies, missing tokens
and unexpected crashes alike. A test pins the shape for each kind.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontwatch.errors import FrontwatchError, NotFound, StoreError

log = logging.getLogger("frontwatch.web")

#: Short machine-readable codes for HTTP statuses raised by the framework itself.
HTTP_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    411: "length_required",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


class PayloadTooLarge(FrontwatchError):
    """A request body over ``max_upload_mb``."""

    code = "too_large"
    status = 413


class WritesDisabled(FrontwatchError, PermissionError):
    """A writing endpoint was called while no ``api_token`` is configured."""

    code = "writes_disabled"
    status = 403


def one_line(text: object) -> str:
    return " ".join(str(text).split()) or "error"


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "status": status, "code": code, "error": one_line(message)}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "request"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid value')}{more}"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one shape."""

    @app.exception_handler(FrontwatchError)
    async def _frontwatch(request: Request, exc: FrontwatchError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        text = exc.one_line()
        if isinstance(exc, (NotFound, StoreError)):  # their `where` is the server's database path
            text = exc.message + (f" (hint: {exc.hint})" if exc.hint else "")
        return error_response(exc.status, exc.code, text, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "error")
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such resource: {request.url.path}"
        elif exc.status_code == 405:
            detail = f"method {request.method} not allowed on {request.url.path}"
        return error_response(exc.status_code, code, detail, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "internal error (the server log has the details)")
