"""A PNG of the map page, taken by headless Chromium (Debian's /usr/bin/chromium) via Playwright."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from frontwatch.errors import ConfigError, InputError
from frontwatch.web.server import CHROMIUM, CHROMIUM_ARGS, running


def screenshot(fw: Any, out: Path, *, day: dt.date | None = None, place: str | None = None,
               width: int = 1280, height: int = 800) -> int:
    """Serve ``fw`` on loopback, open the map (on ``day``, with ``place``'s panel open) and save a PNG."""
    if not Path(CHROMIUM).exists():
        raise ConfigError(f"no Chromium at {CHROMIUM}", hint="apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ConfigError("Playwright is not installed", hint="pip install 'frontwatch[test]'") from None
    from frontwatch.web.app import create_app

    with running(create_app(fw)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            query = urlencode({k: v for k, v in (("day", day.isoformat() if day else None), ("place", place)) if v})
            page.goto(base + "/" + (f"?{query}" if query else ""))
            page.wait_for_selector("body[data-ready]", timeout=60_000)
            if page.get_attribute("body", "data-ready") == "error":
                raise ConfigError(f"the map page could not load its data: {page.text_content('#message')}")
            if place:
                page.wait_for_selector("#panel .controller, #panel .error, body[data-focus='missing']", timeout=20_000)
                if page.locator("#panel .controller").count() == 0:
                    raise InputError(f"no place {place!r} on the map that day", where="--place")
            page.screenshot(path=str(out))
        finally:
            browser.close()
    return out.stat().st_size

