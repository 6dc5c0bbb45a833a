"""The HTTP API over a real DuckDB store, served by uvicorn, called with httpx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontwatch.api import Frontwatch
from frontwatch.web.app import create_app
from frontwatch.web.server import running

from .conftest import TOKEN, filled_app, fixture_reports

AUTH = {"Authorization": f"Bearer {TOKEN}"}
needs_reconcile = pytest.mark.skipif(not hasattr(Frontwatch, "map_state"), reason="reconcile area not built yet")


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape: ok false, status, code, and a one-line message."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"ok", "status", "code", "error"}
    assert body["ok"] is False and body["status"] == status and body["code"] == code
    assert isinstance(body["error"], str) and body["error"] and "\n" not in body["error"]
    return body


@pytest.fixture
def other_server(tmp_path: Path) -> Iterator[Any]:
    """A factory: a live server over a fresh store with the given settings."""
    stack: list[Any] = []

    def make(fw: Frontwatch | None = None, **settings: Any) -> httpx.Client:
        fw = fw or filled_app(tmp_path / f"s{len(stack)}.duckdb", fixture_reports(), **settings)
        ctx = running(create_app(fw))
        base = ctx.__enter__()
        client = httpx.Client(base_url=base, timeout=30)
        stack.append((ctx, client, fw))
        return client

    yield make
    for ctx, client, fw in stack:
        client.close()
        ctx.__exit__(None, None, None)
        fw.close()


# -- reading ----------------------------------------------------------------------------------
def test_reports_list_filters_and_pages(client: httpx.Client) -> None:
    r = client.get("/api/reports")
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and {i["id"] for i in body["items"]} == {"r1", "r2"}
    assert client.get("/api/reports", params={"source": "Harran Monitor"}).json()["items"][0]["id"] == "r2"
    first = client.get("/api/reports", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/reports", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    assert client.get("/api/reports", params={"since": "2016-12-12"}).json()["items"][0]["id"] == "r2"
    assert client.get("/api/reports", params={"q": "withdraw"}).json()["items"][0]["id"] == "r2"


def test_one_report_is_the_json_contract(client: httpx.Client) -> None:
    doc = client.get("/api/reports/r2").json()["document"]
    assert doc["id"] == "r2" and doc["comments"][0]["flags"][0]["category"] == "incitement_to_violence"
    assert doc["comments"][1]["stance"]["label"] == "query"


def test_claims_events_places_filters(client: httpx.Client) -> None:
    claims = client.get("/api/claims", params={"place": "Bab Tuma al-Jadida"}).json()["items"]
    assert [c["controller"] for c in claims] == ["opposition", "government"]  # ordered by date
    assert client.get("/api/claims", params={"place": "t:bab-jadida", "until": "2016-12-11"}).json()["items"][0][
        "source"] == "Frontline Daily"
    assert len(client.get("/api/claims", params={"source": "Harran Monitor"}).json()["items"]) == 3
    assert len(client.get("/api/claims", params={"actor": "opposition"}).json()["items"]) == 2
    places = client.get("/api/places", params={"place": "Wadi Seif"}).json()["items"]
    assert places and all(p["place_name"] == "Wadi Seif" for p in places)
    assert client.get("/api/events", params={"type": "Battles"}).json()["items"] == []


def test_stats_and_openapi(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    assert stats["claims"] == 5 and "db" not in stats
    spec = client.get("/api/openapi.json").json()
    assert "/api/status/{place}" in spec["paths"] and "/api/reports" in spec["paths"]


def test_security_headers(client: httpx.Client) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script src=\"/static/map.js\"" in r.text


@needs_reconcile
def test_status_timeline_map(client: httpx.Client, server: tuple[str, Frontwatch]) -> None:
    fw = server[1]
    st = client.get("/api/status/t:bab-jadida", params={"at": "2016-12-14"}).json()
    assert st.pop("ok") is True
    assert st == json.loads(json.dumps(fw.status("t:bab-jadida", "2016-12-14"), default=str))  # passed through
    assert st["controller"] in {"government", "opposition"} and st["support"]
    assert_error(client.get("/api/status/t:nowhere"), 404, "not_found")
    tl = client.get("/api/timeline/t:bab-jadida").json()
    assert tl["ok"] is True and tl["intervals"]
    m = client.get("/api/map", params={"day": "2016-12-13"}).json()
    assert m["period"] == {"start": "2016-12-09", "end": "2016-12-13"}
    assert {"Frontline Daily", "Harran Monitor"} <= set(m["sources"])
    by_id = {p["id"]: p for p in m["places"]}
    assert by_id["t:qasr-amin"]["controller"] == "government"
    assert by_id["t:qasr-amin"]["feature"] == "neighbourhood"  # filled from the place mentions
    assert by_id["t:wadi-seif"]["contested"] is True
    early = client.get("/api/map", params={"day": "2016-12-09"}).json()["places"]
    assert {p["id"] for p in early} == {"t:qasr-amin"}
    only = client.get("/api/map", params={"day": "2016-12-13", "source": "Frontline Daily"}).json()["places"]
    assert "t:north-harran" not in {p["id"] for p in only} and "t:qasr-amin" in {p["id"] for p in only}
    assert client.get("/api/sources").json()["ok"] is True


# -- the error shape, for every kind of failure -----------------------------------------------
def test_error_shape_not_found_and_method(client: httpx.Client) -> None:
    assert_error(client.get("/api/reports/nope"), 404, "not_found")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/reports/nope"), 404, "not_found")
    assert_error(client.delete("/api/reports"), 405, "method_not_allowed")


def test_error_shape_validation(client: httpx.Client) -> None:
    body = assert_error(client.get("/api/reports", params={"limit": 0}), 422, "invalid_request")
    assert "limit" in body["error"]
    assert_error(client.get("/api/claims", params={"since": "yesterday-ish"}), 422, "invalid_request")
    assert_error(client.post("/api/comments/analyze", json={"text": ""}), 422, "invalid_request")
    assert_error(client.post("/api/comments/analyze", content=b"{not json", headers={"content-type": "application/json"}),
                 422, "invalid_request")


def test_error_shape_auth(client: httpx.Client) -> None:
    doc = {"title": "t", "body": "b"}
    body = assert_error(client.post("/api/reports", json=doc), 401, "unauthorized")
    assert "Authorization: Bearer" in body["error"]
    assert_error(client.post("/api/reports", json=doc, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")


def test_writes_disabled_without_token(other_server: Any) -> None:
    c = other_server()
    body = assert_error(c.post("/api/reports", json={"title": "t", "body": "b"}, headers=AUTH), 403, "writes_disabled")
    assert "api_token" in body["error"]


def test_read_token(other_server: Any) -> None:
    c = other_server(api_token=TOKEN, read_token=True)
    assert_error(c.get("/api/reports"), 401, "unauthorized")
    assert c.get("/api/reports", headers=AUTH).status_code == 200
    assert c.get("/").status_code == 200  # the page itself is static; its data calls need the token


def test_error_shape_too_large(other_server: Any) -> None:
    c = other_server(api_token=TOKEN, max_upload_mb=0.001)  # 1000 bytes
    big = json.dumps({"title": "t", "body": "x" * 5000})
    body = assert_error(c.post("/api/reports", content=big, headers={**AUTH, "content-type": "application/json"}),
                        413, "too_large")
    assert "max_upload_mb" in body["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while streaming
        for _ in range(10):
            yield b"x" * 500

    assert_error(c.post("/api/reports", content=chunks(), headers={**AUTH, "content-type": "application/x-ndjson"}),
                 413, "too_large")
    files = {"file": ("big.jsonl", b"y" * 5000, "application/octet-stream")}
    assert_error(c.post("/api/reports", files=files, headers=AUTH), 413, "too_large")


def test_error_shape_malformed_bodies(client: httpx.Client) -> None:
    h = {**AUTH, "content-type": "application/json"}
    body = assert_error(client.post("/api/reports", content=b'{"title": "x", ', headers=h), 400, "bad_input")
    assert "not valid JSON" in body["error"]
    assert_error(client.post("/api/reports", content=b"", headers=h), 400, "bad_input")
    assert_error(client.post("/api/reports", content=b"[1, 2]", headers=h), 400, "bad_input")
    assert_error(client.post("/api/reports", content=b"\xff\xfe\x00garbage", headers=h), 400, "bad_input")
    assert_error(client.post("/api/reports", content=b"hi", headers={**AUTH, "content-type": "image/png"}),
                 400, "bad_input")
    files = {"file": ("evil.exe", b"MZ", "application/octet-stream")}
    assert_error(client.post("/api/reports", files=files, headers=AUTH), 400, "bad_input")
    assert_error(client.post("/api/reports", content=b"--x\r\nbroken", headers={
        **AUTH, "content-type": "multipart/form-data; boundary=x"}), 400, "bad_input")


def test_error_shape_unexpected(other_server: Any, tmp_path: Path) -> None:
    class Broken(Frontwatch):
        def stats(self) -> dict[str, Any]:
            raise RuntimeError("boom with\nsecret details")

    c = other_server(Broken(None, db=str(tmp_path / "broken.duckdb")))
    body = assert_error(c.get("/api/stats"), 500, "internal_error")
    assert "secret" not in body["error"]


# -- writing ----------------------------------------------------------------------------------
def test_post_json_jsonl_and_file(other_server: Any) -> None:
    c = other_server(api_token=TOKEN)
    one = {"id": "n1", "title": "Clashes reported", "body": "Clashes were reported in the north.",
           "source": "Wire", "published": "2016-12-14", "comments": [{"id": "c1", "text": "Is that confirmed?"}]}
    r = c.post("/api/reports", json=one, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is True and r.json()["new"] == 1
    assert c.post("/api/reports", json=one, headers=AUTH).json()["unchanged"] == 1
    many = [{**one, "id": "m1", "body": "First of a list."}, {**one, "id": "m2", "body": "Second of a list."}]
    assert c.post("/api/reports", json=many, headers=AUTH).json()["new"] == 2
    lines = "\n".join(json.dumps({**one, "id": f"n{i}", "body": f"Report number {i}."}) for i in (2, 3))
    r = c.post("/api/reports", content=lines + "\nnot json\n", headers={**AUTH, "content-type": "application/x-ndjson"})
    assert r.status_code == 200 and r.json()["new"] == 2 and r.json()["failed"] == 1
    assert "upload" in r.json()["failures"][0]["where"] and "/tmp" not in r.json()["failures"][0]["where"]
    files = {"file": ("more.jsonl", json.dumps({**one, "id": "n4", "body": "Another."}).encode(), "application/jsonl")}
    assert c.post("/api/reports", files=files, headers=AUTH).json()["new"] == 1
    r = c.post("/api/reports", params={"published": "2016-12-15", "source": "Desk"},
               content="Shelling hit the old market.\n".encode(), headers={**AUTH, "content-type": "text/plain"})
    assert r.status_code == 200 and r.json()["new"] == 1
    ids = {i["id"] for i in c.get("/api/reports", params={"limit": 100}).json()["items"]}
    assert {"n1", "n2", "n3", "n4"} <= ids


def test_analyze_comment(client: httpx.Client) -> None:
    r = client.post("/api/comments/analyze", json={
        "text": "False report! The army never took Qasr Amin.",
        "article": {"title": "Army takes Qasr Amin", "body": "The army took Qasr Amin on Friday."},
    })
    assert r.status_code == 200, r.text
    comment = r.json()["comment"]
    assert {"stance", "flags", "sources"} <= set(comment)
    assert comment["stance"]["label"] in {"support", "deny", "query", "comment"}
    flagged = client.post("/api/comments/analyze", json={"text": "Kill them all, every last one of those vermin."})
    assert flagged.status_code == 200 and isinstance(flagged.json()["comment"]["flags"], list)


def test_map_cache_key_changes_with_the_store(tmp_path: Path) -> None:
    import dataclasses

    from frontwatch.web import mapdata

    reports = fixture_reports()
    fw = filled_app(tmp_path / "stamp.duckdb", reports[:1])
    try:
        before = mapdata.stamp(fw)
        assert mapdata.stamp(fw) == before
        fw.store.upsert(reports[1:])
        after = mapdata.stamp(fw)
        assert after != before
        fw.store.upsert([dataclasses.replace(reports[1], body=reports[1].body + " More.", control_claims=(), places=())])
        assert mapdata.stamp(fw) != after  # a replaced report counts too
    finally:
        fw.close()
