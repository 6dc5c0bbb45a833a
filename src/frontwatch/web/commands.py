"""``frontwatch serve``, ``frontwatch map`` and ``frontwatch screenshot``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError, InputError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from frontwatch.cli import add_db

    p = sub.add_parser("serve", parents=[common], help="serve the HTTP API and the map page")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes (default 1); above 1 they share the store read-only and refuse writes")
    add_db(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("map", parents=[common], help="write the map as one offline HTML file")
    p.add_argument("--out", required=True, help="the HTML file to write")
    p.add_argument("--day", help="day shown first (YYYY-MM-DD; default the last stored day)")
    add_db(p)
    p.set_defaults(func=cmd_map)

    p = sub.add_parser("screenshot", parents=[common], help="PNG of the map page in headless Chromium")
    p.add_argument("--out", default="docs/map.png", help="PNG file to write (default docs/map.png)")
    p.add_argument("--day", help="day to show (YYYY-MM-DD; default the last stored day)")
    p.add_argument("--place", help="open the evidence panel of this place (id or name)")
    p.add_argument("--size", default="1280x800", help="window size WIDTHxHEIGHT (default 1280x800)")
    add_db(p)
    p.set_defaults(func=cmd_screenshot)


def _day(value: str | None) -> Any:
    from frontwatch.api import parse_date_option

    return parse_date_option(value) if value else None


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from frontwatch.cli import app_from
    from frontwatch.web.app import create_app

    if args.workers < 1:
        raise InputError("must be at least 1", where="--workers")
    fw = app_from(args)
    fw.store  # open (and migrate) now: a bad --db fails here with one line, not on the first request
    if not args.quiet:
        print(f"frontwatch: serving {fw.settings['db']} on http://{args.host}:{args.port}/", file=sys.stderr)
    level = "warning" if args.quiet else "info"
    if args.workers == 1:
        uvicorn.run(create_app(fw), host=args.host, port=args.port, log_level=level)
        return 0
    if hasattr(fw, "reconciler") and fw.stats()["claims"]:
        fw.reconciler.ensure()  # bring the timelines up to date while the store is still writable
    db = str(fw.settings["db"])
    fw.close()
    os.environ["FRONTWATCH_DB"] = db
    if getattr(args, "config", None):
        os.environ["FRONTWATCH_WEB_CONFIG"] = str(args.config)
    uvicorn.run("frontwatch.web.app:worker_app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=level)
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    from frontwatch.cli import app_from
    from frontwatch.web.mapdata import export_payload
    from frontwatch.web.pages import export_html

    with app_from(args) as fw:
        payload = export_payload(fw, _day(args.day))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise InputError("the folder does not exist", where=str(out.parent))
    out.write_text(export_html(payload), encoding="utf-8")
    if not args.quiet:
        print(f"wrote {out} ({len(payload['places'])} places, {len(payload['snapshots'])} days)", file=sys.stderr)
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from frontwatch.cli import app_from
    from frontwatch.web.shot import screenshot

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise InputError(f"cannot read size {args.size!r}", where="--size", hint="use WIDTHxHEIGHT, e.g. 1280x800") from None
    out = Path(args.out)
    if not out.parent.is_dir():
        raise ConfigError("the folder does not exist", where=str(out.parent))
    with app_from(args) as fw:
        size = screenshot(fw, out, day=_day(args.day), place=args.place, width=width, height=height)
    if not args.quiet:
        print(f"wrote {out} ({size // 1024} KB)", file=sys.stderr)
    return 0
