"""``frontwatch serve``, ``map`` and ``screenshot`` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from frontwatch.web.server import CHROMIUM, free_port

from .conftest import filled_app, fixture_reports


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cmd") / "cmd.duckdb"
    filled_app(db, fixture_reports()).close()
    return db


def frontwatch(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, timeout=timeout)


def test_serve(filled_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "FRONTWATCH_API_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "serve", "--db", str(filled_db), "--port", str(port),
                             "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.json()["reports"] == 2
        assert "frontwatch" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_bad_db_is_one_line(tmp_path: Path) -> None:
    run = frontwatch("serve", "--db", str(tmp_path / "no" / "such" / "x.duckdb"), "--port", str(free_port()))
    assert run.returncode == 1
    assert run.stderr.startswith("frontwatch: error:") and run.stderr.count("\n") == 1


def test_map_export(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    run = frontwatch("map", "--db", str(filled_db), "--out", str(out), "--day", "2016-12-10")
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert '"day":"2016-12-10"' in html and "Qasr Amin" in html
    for banned in ("://cdn", "unpkg", "googleapis", "<script src", "<link rel"):  # everything inline, nothing fetched
        assert banned not in html
    bad = frontwatch("map", "--db", str(filled_db), "--out", str(tmp_path / "missing" / "m.html"))
    assert bad.returncode == 1 and "does not exist" in bad.stderr


@pytest.mark.browser
def test_screenshot(filled_db: Path, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    out = tmp_path / "map.png"
    run = frontwatch("screenshot", "--db", str(filled_db), "--out", str(out), "--day", "2016-12-13",
                     "--place", "Qasr Amin", "--size", "800x500")
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and 5_000 < len(data) < 300_000
    missing = frontwatch("screenshot", "--db", str(filled_db), "--out", str(out), "--place", "Atlantis")
    assert missing.returncode == 1 and "Atlantis" in missing.stderr


def test_serve_read_only_workers(filled_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "FRONTWATCH_API_TOKEN": "t0k"}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "serve", "--db", str(filled_db), "--port", str(port),
                             "--quiet", "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/map", params={"day": "2016-12-13"}, timeout=10)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert r.status_code == 200 and len(r.json()["places"]) == 4
        w = httpx.post(f"http://127.0.0.1:{port}/api/reports", json={"title": "t", "body": "b"},
                       headers={"Authorization": "Bearer t0k"}, timeout=10)
        assert w.status_code == 403 and w.json()["code"] == "writes_disabled" and "--workers 1" in w.json()["error"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
