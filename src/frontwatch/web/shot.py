"""A PNG of the map page, taken by headless Chromium (Debian's /usr/bin/chromium) via Playwright."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError
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
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=20_000)
            if day is not None:
                page.evaluate(
                    "(d) => { const s = document.getElementById('day-slider');"
                    " const start = Date.parse(s.dataset.start + 'T00:00:00Z') / 86400000;"
                    " s.value = String(Math.round(Date.parse(d + 'T00:00:00Z') / 86400000 - start));"
                    " s.dispatchEvent(new Event('change')); }",
                    day.isoformat(),
                )
                page.wait_for_selector(f"body[data-day='{day.isoformat()}']", timeout=20_000)
            if place:
                target = page.locator(f".place[data-id={_css_string(place)}]")
                if target.count() == 0:
                    target = page.locator(".place", has=page.locator("title", has_text=place))
                target.first.click()
                page.wait_for_selector("#panel .controller", timeout=10_000)
            page.screenshot(path=str(out))
        finally:
            browser.close()
    return out.stat().st_size


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
