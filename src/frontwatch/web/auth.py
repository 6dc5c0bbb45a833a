"""Token checks for the API: writes always need ``api_token``; reads only when ``read_token`` is on."""

from __future__ import annotations

import hmac

from fastapi import Request

from frontwatch.errors import AuthError
from frontwatch.web.errors import WritesDisabled


def _given_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def _check(request: Request, token: str, what: str) -> None:
    given = _given_token(request)
    if given is None:
        raise AuthError(f"{what} needs the API token", hint="send the header 'Authorization: Bearer <api_token>'")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise AuthError("the API token is wrong", hint="send the api_token from the server's config")


async def require_write(request: Request) -> None:
    """Dependency of writing endpoints."""
    if request.app.state.read_only:
        raise WritesDisabled(
            "this server runs several read-only worker processes, so it cannot write",
            hint="ingest with `frontwatch ingest`, or serve with --workers 1 to accept writes",
        )
    token = str(request.app.state.fw.settings.get("api_token") or "")
    if not token:
        raise WritesDisabled(
            "writing is disabled on this server because no api_token is configured",
            hint="set api_token in frontwatch.toml or FRONTWATCH_API_TOKEN and restart",
        )
    _check(request, token, "this endpoint")


async def require_read(request: Request) -> None:
    """Dependency of reading endpoints: a no-op unless ``read_token`` is set."""
    settings = request.app.state.fw.settings
    if not settings.get("read_token"):
        return
    token = str(settings.get("api_token") or "")
    if not token:
        raise WritesDisabled(
            "read_token is on but no api_token is configured, so nothing can be read",
            hint="set api_token, or turn read_token off",
        )
    _check(request, token, "reading")
