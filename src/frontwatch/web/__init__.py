"""The HTTP API and the map page (FastAPI): ``create_app(fw)``; commands serve, map, screenshot."""

from __future__ import annotations

from frontwatch.web.app import create_app

__all__ = ["create_app"]
