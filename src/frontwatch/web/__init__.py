"""The HTTP API and the map page (FastAPI): ``frontwatch.web.app.create_app(fw)``; commands serve, map, screenshot.

Nothing is imported here, so ``frontwatch --help`` does not pay for FastAPI.
"""
