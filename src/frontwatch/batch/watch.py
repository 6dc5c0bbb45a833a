"""Live feeds: poll RSS/Atom feeds politely, analyse what is new, store it.

``frontwatch watch FEED... --every 10m`` fetches each feed with a User-Agent that names
frontwatch and conditional requests (``If-None-Match`` / ``If-Modified-Since`` from the last
answer's ``ETag`` / ``Last-Modified``), so an unchanged feed costs the server a ``304``. A
failing fetch is retried a bounded number of times with exponential backoff (honouring
``Retry-After``); a feed that keeps failing is left alone for exponentially longer between
rounds (up to a day). Entries already seen are skipped; new ones become reports (title, link,
date, the entry's content or summary as body), run through the pipeline, and are upserted into
the store, where the API and the map show them.

State (validators, failures, ids seen) lives in a small JSON file, by default next to the store.
"""

from __future__ import annotations

import email.utils
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from frontwatch import __version__
from frontwatch.errors import FrontwatchError, InputError
from frontwatch.model import Report

USER_AGENT = f"frontwatch/{__version__} (feed watcher; polls politely with conditional requests)"
#: Ids remembered per feed (older ones are forgotten; the store still dedupes by report id).
SEEN_LIMIT = 5000
MAX_FEED_BACKOFF_S = 86_400.0
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


def parse_every(text: str) -> float:
    """``"10m"``, ``"30s"``, ``"2h"``, ``"1d"`` or plain seconds, as seconds."""
    raw = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        value = float(raw[:-1]) * units[raw[-1]] if raw and raw[-1] in units else float(raw)
    except ValueError:
        raise InputError(f"cannot read {text!r} as a period", where="--every", hint="e.g. 30s, 10m, 2h") from None
    if value <= 0:
        raise InputError("the period must be positive", where="--every")
    return value


@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    failures: int = 0
    next_at: float = 0.0
    last_status: int | None = None
    seen: list[str] = field(default_factory=list)


class WatchState:
    """Per-feed validators, failure counts and seen entry ids, kept in a JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.feeds: dict[str, FeedState] = {}
        if path is not None and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            self.feeds = {url: FeedState(**st) for url, st in data.get("feeds", {}).items()}

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp{os.getpid()}")
        tmp.write_text(json.dumps({"feeds": {u: asdict(s) for u, s in self.feeds.items()}}), encoding="utf-8")
        os.replace(tmp, self.path)


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when unchanged
    body: bytes = b""
    etag: str | None = None
    modified: str | None = None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def fetch(
    url: str,
    state: FeedState,
    *,
    timeout: float = 20.0,
    retries: int = 3,
    backoff: float = 2.0,
    max_wait: float = 300.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """GET ``url`` conditionally; retry transient failures ``retries`` times with backoff."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    attempt = 0
    while True:
        wait: float | None = None
        try:
            req = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - feeds are user-given URLs
                return Fetched(resp.status, resp.read(), resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Fetched(304, b"", exc.headers.get("ETag") or state.etag, exc.headers.get("Last-Modified") or state.modified)
            if exc.code not in _RETRY_STATUS:
                raise InputError(f"HTTP {exc.code} {exc.reason}", where=url, hint="check the feed URL") from None
            wait = _retry_after(exc.headers.get("Retry-After"))
            error = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            error = str(getattr(exc, "reason", exc))
        attempt += 1
        if attempt > retries:
            raise InputError(f"gave up after {retries + 1} tries: {error}", where=url, hint="the feed will be retried later")
        sleep(min(max_wait, wait if wait is not None else backoff * 2 ** (attempt - 1)))


@dataclass
class FeedRound:
    url: str
    status: str  # "new", "unchanged", "error", "waiting"
    new: int = 0
    seen: int = 0
    error: str | None = None


def poll_feed(url: str, state: FeedState, analyse: Callable[[list[Report]], None], now: float, every: float, **fetch_options: Any) -> FeedRound:
    """One poll of one feed: fetch, parse, hand new entries to ``analyse``, update ``state``."""
    if now < state.next_at:
        return FeedRound(url, "waiting")
    try:
        got = fetch(url, state, **fetch_options)
    except InputError as exc:
        state.failures += 1
        state.next_at = now + min(MAX_FEED_BACKOFF_S, every * 2**state.failures)
        return FeedRound(url, "error", error=exc.one_line())
    state.failures = 0
    state.next_at = 0.0
    state.last_status = got.status
    state.etag, state.modified = got.etag, got.modified
    if got.status == 304:
        return FeedRound(url, "unchanged")
    from frontwatch.ingest.decode import decode
    from frontwatch.ingest.feed import read_feed

    seen = set(state.seen)
    fresh: list[Report] = []
    keys: list[str] = []
    total = 0
    for item in read_feed(decode(got.body)[0], path=url):
        if isinstance(item, FrontwatchError):
            if total == 0 and "not an RSS" in item.message:
                return FeedRound(url, "error", error=item.one_line())
            continue
        total += 1
        key = str(item.meta.get("feed_entry_id") or item.id)
        if key in seen:
            continue
        keys.append(key)
        fresh.append(item)
    if fresh:
        try:
            analyse(fresh)
        except FrontwatchError as exc:  # e.g. the store is down: keep them unseen, retry next round
            return FeedRound(url, "error", error=exc.one_line())
    state.seen = (state.seen + keys)[-SEEN_LIMIT:]
    return FeedRound(url, "new" if keys else "unchanged", new=len(fresh), seen=total - len(keys))


def watch(
    app: Any,
    feeds: Sequence[str],
    *,
    every: float = 600.0,
    rounds: int | None = None,
    state_file: Path | None = None,
    on_round: Callable[[list[FeedRound]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **fetch_options: Any,
) -> list[FeedRound]:
    """Poll ``feeds`` every ``every`` seconds (``rounds`` times, or forever); returns the last round."""
    state = WatchState(state_file)

    def analyse(reports: list[Report]) -> None:
        done = []
        for report in reports:
            try:
                done.append(app.pipeline(report))
            except Exception as exc:  # noqa: BLE001 - one bad entry must not stop the watcher
                print(f"frontwatch: {report.url or report.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        if done:
            app.store.upsert(done)

    n = 0
    last: list[FeedRound] = []
    while rounds is None or n < rounds:
        started = time.time()
        last = [poll_feed(url, state.feed(url), analyse, started, every, sleep=sleep, **fetch_options) for url in feeds]
        state.save()
        if on_round:
            on_round(last)
        n += 1
        if rounds is not None and n >= rounds:
            break
        sleep(max(0.0, every - (time.time() - started)))
    return last
