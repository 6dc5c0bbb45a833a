"""Two small ASGI middlewares: security headers on every response, and a bound on body size.

Both are plain ASGI (no per-request task switching), so they cost little on the hot
``/api/status`` path.
"""

from __future__ import annotations

import json
from typing import Any

from frontwatch.web.errors import PayloadTooLarge, error_body

Scope = dict[str, Any]
Message = dict[str, Any]

#: Everything from our own origin; no inline script, no plugins, no framing, no base tricks.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses bodies over ``max_bytes``: at once when Content-Length says so, else while streaming.

    While streaming, the wrapped ``receive`` raises :class:`PayloadTooLarge` inside the route,
    where the error handlers turn it into the one JSON error shape (status 413).
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _send_413(send, declared, limit)
                    return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(
                        f"request body is over the limit of {_mb(limit)}",
                        hint="split the upload or raise max_upload_mb",
                    )
            return message

        await self.app(scope, limited_receive, send)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


async def _send_413(send: Any, declared: int, limit: int) -> None:
    body = json.dumps(
        error_body(413, "too_large", f"request body of {_mb(declared)} is over the limit of {_mb(limit)} "
                   "(hint: split the upload or raise max_upload_mb)")
    ).encode()
    await send({
        "type": "http.response.start",
        "status": 413,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})
