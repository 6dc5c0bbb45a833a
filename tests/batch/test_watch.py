"""``frontwatch watch``: feeds served from a local HTTP server on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from batch_plugin import make_plugin

from frontwatch.api import Frontwatch
from frontwatch.batch.engine import load_plugin
from frontwatch.batch.watch import WatchState, parse_every, watch
from frontwatch.errors import InputError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "batch"


class Feeds:
    """What the test server serves, and what it was asked."""

    def __init__(self) -> None:
        self.body = (FIXTURES / "feed.xml").read_bytes()
        self.etag = '"v1"'
        self.fail_next = 0
        self.requests: list[tuple[str, dict[str, str]]] = []


@pytest.fixture
def server() -> Iterator[tuple[str, Feeds]]:
    feeds = Feeds()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            feeds.requests.append((self.path, dict(self.headers)))
            if self.path == "/gone.xml":
                self.send_error(404)
                return
            if self.path == "/flaky.xml" and feeds.fail_next:
                feeds.fail_next -= 1
                self.send_error(503)
                return
            if self.headers.get("If-None-Match") == feeds.etag:
                self.send_response(304)
                self.send_header("ETag", feeds.etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", feeds.etag)
            self.send_header("Last-Modified", "Thu, 15 Dec 2016 08:00:00 GMT")
            self.send_header("Content-Length", str(len(feeds.body)))
            self.end_headers()
            self.wfile.write(feeds.body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", feeds
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Frontwatch]:
    plug, pipe = make_plugin(tmp_path)
    load_plugin(plug)
    with Frontwatch(db=str(tmp_path / "fw.duckdb"), pipeline=pipe) as fw:
        yield fw


def test_new_entries_are_analysed_and_stored_once(server: tuple[str, Feeds], app: Frontwatch, tmp_path: Path) -> None:
    base, feeds = server
    url = f"{base}/feed.xml"
    state = tmp_path / "watch.json"
    sleeps: list[float] = []
    first = watch(app, [url], rounds=1, state_file=state, sleep=sleeps.append)
    assert (first[0].status, first[0].new) == ("new", 2)
    docs = app.store.documents()
    assert {d["title"] for d in docs} == {"Army enters the eastern quarter of Kherson", "Shelling reported near Marib"}
    assert app.store.document(docs[0]["id"])["meta"]["words"] > 0  # the pipeline ran
    path, headers = feeds.requests[-1]
    assert "frontwatch/" in headers["User-Agent"]
    assert "If-None-Match" not in headers

    # unchanged: a conditional request answered 304
    second = watch(app, [url], rounds=1, state_file=state, sleep=sleeps.append)
    assert second[0].status == "unchanged"
    assert feeds.requests[-1][1]["If-None-Match"] == '"v1"'
    assert feeds.requests[-1][1]["If-Modified-Since"] == "Thu, 15 Dec 2016 08:00:00 GMT"

    # a new version of the feed: only the unseen entry is analysed
    feeds.body, feeds.etag = (FIXTURES / "more.xml").read_bytes(), '"v2"'
    third = watch(app, [url], rounds=1, state_file=state, sleep=sleeps.append)
    assert (third[0].status, third[0].new, third[0].seen) == ("new", 1, 1)
    assert app.store.stats()["reports"] == 3
    assert sleeps == []


def test_transient_failures_are_retried_with_backoff(server: tuple[str, Feeds], app: Frontwatch, tmp_path: Path) -> None:
    base, feeds = server
    feeds.fail_next = 2
    sleeps: list[float] = []
    got = watch(app, [f"{base}/flaky.xml"], rounds=1, state_file=tmp_path / "s.json", sleep=sleeps.append, backoff=0.5)
    assert got[0].status == "new"
    assert sleeps == [0.5, 1.0]  # exponential
    feeds.fail_next = 10  # more than the bounded retries
    feeds.etag = '"v3"'
    sleeps.clear()
    got = watch(app, [f"{base}/flaky.xml"], rounds=1, state_file=tmp_path / "s.json", sleep=sleeps.append, retries=2)
    assert got[0].status == "error" and "gave up after 3 tries" in (got[0].error or "")
    assert len(sleeps) == 2


def test_a_failing_feed_is_left_alone_for_longer(server: tuple[str, Feeds], app: Frontwatch, tmp_path: Path) -> None:
    base, feeds = server
    state = tmp_path / "s.json"
    url = f"{base}/gone.xml"
    got = watch(app, [url], rounds=1, state_file=state, sleep=lambda s: None, every=60)
    assert got[0].status == "error" and "404" in (got[0].error or "")
    assert len(feeds.requests) == 1  # a 404 is not retried
    st = WatchState(state).feed(url)
    assert st.failures == 1 and st.next_at > 0
    again = watch(app, [url], rounds=1, state_file=state, sleep=lambda s: None, every=60)
    assert again[0].status == "waiting"
    assert len(feeds.requests) == 1


def test_parse_every() -> None:
    assert parse_every("10m") == 600
    assert parse_every("30s") == 30
    assert parse_every("2h") == 7200
    assert parse_every("45") == 45
    with pytest.raises(InputError):
        parse_every("soon")


def test_watch_command(server: tuple[str, Feeds], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    from frontwatch.cli import main
    from frontwatch.store import open_store

    base, _ = server
    empty = tmp_path / "pipeline.toml"
    empty.write_text("stages = []\n", encoding="utf-8")
    monkeypatch.setenv("FRONTWATCH_PIPELINE", str(empty))
    db = tmp_path / "fw.duckdb"
    assert main(["watch", f"{base}/feed.xml", "--rounds", "1", "--every", "1s", "--db", str(db)]) == 0
    assert "2 new" in capsys.readouterr().out
    assert (tmp_path / "fw.duckdb.watch.json").exists()
    assert main(["watch", f"{base}/feed.xml", "--rounds", "1", "--db", str(db), "--json"]) == 0
    assert '"unchanged"' in capsys.readouterr().out
    with open_store(db) as store:
        assert store.stats()["reports"] == 2
