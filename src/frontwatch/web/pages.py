"""The map page's HTML: served with its assets as files, or exported as one offline file.

Served, the page links ``/static/map.css`` and its scripts (:data:`SCRIPTS`)
(the server's Content-Security-Policy allows scripts from the page's own origin only). Exported,
everything is inlined and the data ride in ``<script type="application/json">`` blocks (which
never run); a CSP ``<meta>`` allows exactly the inlined script and style by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATE = HERE / "templates" / "page.html"
SCRIPTS = ("common.js", "map.js", "thread.js")


def _template(view: str) -> str:
    return TEMPLATE.read_text(encoding="utf-8").replace("{view}", html.escape(view, quote=True))


def page_html(view: str) -> str:
    """The served page (``view`` is ``"map"`` or ``"thread"``)."""
    head = '<link rel="stylesheet" href="/static/map.css">'
    scripts = "\n".join(f'<script src="/static/{name}" defer></script>' for name in SCRIPTS)
    return _template(view).replace("<!--HEAD-->", head).replace("<!--SCRIPTS-->", scripts)


def json_for_script(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can close or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def export_html(payload: dict[str, Any]) -> str:
    """One self-contained HTML file: the map, its borders, its data and its scripts."""
    css = (STATIC / "map.css").read_text(encoding="utf-8")
    js = "\n".join((STATIC / name).read_text(encoding="utf-8") for name in SCRIPTS)
    borders = (STATIC / "borders.json").read_text(encoding="utf-8")
    csp = (
        f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    head = (
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=True)}">\n'
        f"<style>{css}</style>"
    )
    scripts = (
        f'<script type="application/json" id="fw-data">{json_for_script(payload)}</script>\n'
        f'<script type="application/json" id="fw-borders">{json_for_script(json.loads(borders))}</script>\n'
        f"<script>{js}</script>"
    )
    return _template("map").replace("<!--HEAD-->", head).replace("<!--SCRIPTS-->", scripts)
