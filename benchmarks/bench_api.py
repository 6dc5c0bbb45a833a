"""Benchmark the HTTP API and the map page on a large synthetic store (loopback only, bounded in time).

    python benchmarks/bench_api.py --claims 1000000 --places 10000 --duration 15

1. Writes a DuckDB store of ``--claims`` control claims over ``--places`` places directly with SQL
   (fast; the pipeline is not the subject here) and reconciles it once.
2. Starts ``frontwatch serve`` in a subprocess and drives ``GET /api/status/{place}?at=DAY`` for
   ``--duration`` seconds from ``--concurrency`` keep-alive connections (a small asyncio HTTP/1.1
   client, so the load generator costs little CPU); prints requests/s and latency percentiles.
3. Opens the map page (all places with claims on the last day) in headless Chromium and prints
   the time until every place is drawn.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

SIDES = ("government", "opposition", "kurdish", "isis")
CHANGES = ("gained", "held", "lost", "contested")


def build_store(db: Path, n_claims: int, n_places: int, per_report: int = 10) -> float:
    """Fill ``db`` with synthetic reports, place mentions and claims; returns seconds taken."""
    from frontwatch.store import open_store

    t0 = time.perf_counter()
    store = open_store(str(db))
    n_reports = max(1, n_claims // per_report)
    store.write(
        "INSERT INTO reports (id, source, url, title, published, language, body, n_comments, content_hash, meta, doc) "
        "SELECT 'b' || CAST(i AS VARCHAR), 'outlet' || CAST(i % 40 AS VARCHAR), 'https://bench.example.org/' || CAST(i AS VARCHAR), "
        "'Report ' || CAST(i AS VARCHAR), DATE '2015-01-01' + CAST(i % 730 AS INTEGER), 'en', 'Body.', 0, "
        "md5(CAST(i AS VARCHAR)), '{}', '{\"id\": \"b' || CAST(i AS VARCHAR) || '\", \"comments\": []}' FROM range(?) t(i)",
        (n_reports,),
    )
    store.write(
        "INSERT INTO place_mentions (report_id, idx, field, text, kind, resolved, place_id, place_name, feature, lat, lon, "
        "country, geo_precision) SELECT 'b0', CAST(p AS INTEGER), 'body', 'Place ' || CAST(p AS VARCHAR), 'toponym', true, "
        "'bp:' || CAST(p AS VARCHAR), 'Place ' || CAST(p AS VARCHAR), "
        "CASE WHEN p % 10 = 0 THEN 'admin2' WHEN p % 3 = 0 THEN 'town' ELSE 'neighbourhood' END, "
        "32 + (p // 100) * 0.06, 35.5 + (p % 100) * 0.08, 'SY', CASE WHEN p % 10 = 0 THEN 3 ELSE 1 END FROM range(?) t(p)",
        (n_places,),
    )
    sides = "['" + "','".join(SIDES) + "']"
    changes = "['" + "','".join(CHANGES) + "']"
    store.write(
        "INSERT INTO claims (report_id, idx, field, place_id, place_name, place_text, lat, lon, country, place_parents, "
        "geo_precision, controller, change, as_of, as_of_precision, modality, evidence_start, evidence_end, evidence_text) "
        f"SELECT 'b' || CAST(j // {per_report} AS VARCHAR), CAST(j % {per_report} AS INTEGER), 'body', "
        "'bp:' || CAST(p AS VARCHAR), 'Place ' || CAST(p AS VARCHAR), 'Place ' || CAST(p AS VARCHAR), "
        "32 + (p // 100) * 0.06, 35.5 + (p % 100) * 0.08, 'SY', '[]', CASE WHEN p % 10 = 0 THEN 3 ELSE 1 END, "
        f"list_extract({sides}, CAST(1 + (p + j // 50000) % 4 AS INTEGER)), "
        f"list_extract({changes}, CAST(1 + j % 4 AS INTEGER)), "
        f"DATE '2015-01-01' + CAST((j // {per_report}) % 730 AS INTEGER), 1, 'asserted', 0, 20, "
        "'Fighters took Place ' || CAST(p AS VARCHAR) || '.' "
        f"FROM (SELECT j, (j * 7919 + j // {n_places}) % {n_places} AS p FROM range(?) t(j))",
        (n_claims,),
    )
    store.close()
    return time.perf_counter() - t0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def _worker(host: str, port: int, paths: list[str], stop: float, lat: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    rng = random.Random(id(lat) ^ id(reader))
    try:
        while time.perf_counter() < stop:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            lat.append(time.perf_counter() - t0)
            if not head.startswith(b"HTTP/1.1 200"):
                errors.append(1)
    finally:
        writer.close()


async def load(host: str, port: int, paths: list[str], duration: float, concurrency: int) -> tuple[list[float], int, float]:
    lat: list[float] = []
    errors: list[int] = []
    t0 = time.perf_counter()
    stop = t0 + duration
    await asyncio.gather(*(_worker(host, port, paths, stop, lat, errors) for _ in range(concurrency)))
    return lat, len(errors), time.perf_counter() - t0


def wait_up(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (loopback only)
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not come up at {url}")


def map_page_seconds(base: str, days: list[str], expect: int) -> tuple[list[float], list[float], int]:
    """For ``loads`` fresh page loads: seconds from navigation start until every place is drawn and
    painted, as the page measures it (``performance.now()`` at the second animation frame after
    drawing), and as this script measures it (navigation to the page reporting it, plus the
    round trips of the browser protocol). One fresh page per entry of ``days``."""
    from playwright.sync_api import sync_playwright

    from frontwatch.web.server import CHROMIUM, CHROMIUM_ARGS

    times, in_page = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for day in days:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            t0 = time.perf_counter()
            page.goto(f"{base}/?day={day}")
            page.wait_for_selector("body[data-painted='1']", timeout=60_000)
            times.append(round(time.perf_counter() - t0, 2))
            painted = page.evaluate("() => performance.getEntriesByName('fw-painted')[0].startTime")
            in_page.append(round(painted / 1000, 2))
            drawn = page.locator("#places .place").count()
            page.close()
        browser.close()
    if drawn < expect * 0.9:
        print(f"warning: only {drawn} places drawn, expected about {expect}", file=sys.stderr)
    return in_page, times, drawn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--places", type=int, default=10_000)
    ap.add_argument("--duration", type=float, default=15.0, help="seconds of load")
    ap.add_argument("--concurrency", type=int, default=4, help="keep-alive connections in flight")
    ap.add_argument("--db", type=Path, help="reuse/keep this store (default: a temporary file)")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1, help="server processes (frontwatch serve --workers)")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()

    from frontwatch.api import Frontwatch
    from frontwatch.web.server import free_port

    tmp = tempfile.TemporaryDirectory(prefix="fw-bench-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    result: dict[str, object] = {"claims": args.claims, "places": args.places, "cpus": os.cpu_count()}
    if not db.exists():
        result["build_s"] = round(build_store(db, args.claims, args.places), 1)
    t0 = time.perf_counter()
    with Frontwatch(None, db=str(db)) as fw:
        fw.status("bp:0")  # reconciles when the store holds claims the timelines have not seen
    result["reconcile_s"] = round(time.perf_counter() - t0, 1)

    port = args.port or free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "frontwatch", "serve", "--db", str(db), "--port", str(port), "--quiet",
         "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base + "/api/stats")
        load_before = [round(v, 2) for v in os.getloadavg()]
        t0 = time.perf_counter()
        with urllib.request.urlopen(base + "/api/map?day=2016-12-31", timeout=300) as r:  # noqa: S310
            n_map = len(json.load(r)["places"])
        result["api_map_s"] = round(time.perf_counter() - t0, 2)
        rng = random.Random(7)
        paths = [
            f"/api/status/bp:{rng.randrange(args.places)}?at=2015-{rng.randint(2, 12):02d}-{rng.randint(1, 28):02d}"
            for _ in range(5000)
        ]
        asyncio.run(load("127.0.0.1", port, paths[-500:], 3.0, 2))  # warm-up (the index loads into memory)
        lat, errors, wall = asyncio.run(load("127.0.0.1", port, paths, args.duration, args.concurrency))
        result.update({
            "status_requests": len(lat),
            "status_errors": errors,
            "status_rps": round(len(lat) / wall, 1),
            "status_p50_ms": round(statistics.median(lat) * 1000, 2),
            "status_p99_ms": round(percentile(lat, 0.99) * 1000, 2),
            "concurrency": args.concurrency,
            "workers": args.workers,
            "duration_s": args.duration,
            "load_average_before": load_before,
            "load_average_after": [round(v, 2) for v in os.getloadavg()],
        })
        if not args.no_browser:
            # first a day no one asked for (the server computes the map), then the same day again (cached)
            in_page, times, drawn = map_page_seconds(base, ["2016-06-30", "2016-06-30", "2016-12-31"], n_map)
            result["map_page_cold_s"] = in_page[0]
            result["map_page_cached_s"] = in_page[1:]
            result["map_page_wall_s"] = times
            result["map_places_drawn"] = drawn
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
