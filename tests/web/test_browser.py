"""The map page and the thread view in headless Chromium (Debian's), against a live server."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import TOKEN, filled_app, fixture_reports

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any, server: tuple[str, Any]) -> Iterator[Any]:
    """A fresh page; it fails the test on any request that leaves the server, and on any dialog."""
    base = server[0]
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    p = context.new_page()
    p.outside = []  # type: ignore[attr-defined]
    p.dialogs = []  # type: ignore[attr-defined]
    p.errors = []  # type: ignore[attr-defined]

    def route(r: Any) -> None:
        if r.request.url.startswith(base) or r.request.url.startswith("file:"):
            r.continue_()
        else:
            p.outside.append(r.request.url)
            r.abort()

    p.route("**/*", route)
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    p.base = base  # type: ignore[attr-defined]
    yield p
    assert p.outside == [], "requests left the server"
    assert [e for e in p.errors if "Content Security Policy" in e] == []
    context.close()


def open_map(page: Any) -> None:
    page.goto(page.base + "/")
    page.wait_for_selector("body[data-ready='1']")


def ids(page: Any) -> set[str]:
    return set(page.eval_on_selector_all("#places .place", "els => els.map(e => e.dataset.id)"))


def test_map_slider_click_and_thread(page: Any) -> None:
    open_map(page)
    assert page.locator("#day-label").text_content() == "2016-12-13"
    assert ids(page) == {"t:qasr-amin", "t:bab-jadida", "t:wadi-seif", "t:north-harran"}
    # precision is visible: a neighbourhood is a small dot, a region a shaded circle
    assert "small" in page.get_attribute(".place[data-id='t:qasr-amin']", "class")
    assert "region" in page.get_attribute(".place[data-id='t:north-harran']", "class")
    assert "contested" in page.get_attribute(".place[data-id='t:wadi-seif']", "class")
    assert page.locator("#legend").text_content().count("contested") >= 1

    slider = page.locator("#day-slider")
    slider.focus()
    page.keyboard.press("Home")  # the first stored day
    page.wait_for_selector("body[data-day='2016-12-09']")
    assert ids(page) == {"t:qasr-amin"}
    page.keyboard.press("End")
    page.wait_for_selector("body[data-day='2016-12-13']")
    assert len(ids(page)) == 4

    page.click(".place[data-id='t:qasr-amin']")
    panel = page.locator("#panel")
    panel.locator(".controller").wait_for()
    assert panel.locator(".place-name").text_content() == "Qasr Amin"
    assert panel.locator(".controller").text_content() == "government"
    assert panel.locator(".since").text_content() == "2016-12-09"
    assert "%" in panel.locator(".confidence").text_content()
    text = panel.text_content()
    assert "The army took Qasr Amin on Friday." in text and "Frontline Daily" in text
    assert panel.locator("a", has_text="original").get_attribute("href") == "https://news.example.org/r1"
    panel.locator(".history li").first.wait_for()
    assert "2016-12-09" in panel.locator(".history").text_content()

    panel.locator("a.thread-link").first.click()
    page.wait_for_url("**/reports/r1")
    page.locator("#thread-view .comment").first.wait_for()
    thread = page.locator("#thread-view")
    assert thread.locator("h1").text_content() == "Army advances in the east"
    assert thread.locator(".comment").count() == 2
    assert thread.locator(".comment[data-id='c1'] .stance").text_content().startswith("deny")
    source = thread.locator(".comment[data-id='c2'] .sources a")
    assert source.get_attribute("href") == "https://other.example.net/story"
    assert page.errors == []


def test_thread_shows_flags_with_rationale(page: Any) -> None:
    page.goto(page.base + "/reports/r2")
    page.locator("#thread-view .comment").first.wait_for()
    mark = page.locator(".comment[data-id='c1'] mark.flag")
    assert mark.text_content() == "Kill every last one of those vermin"
    assert "call to kill a group" in mark.get_attribute("title")
    rationale = page.locator(".comment[data-id='c1'] .rationale").text_content()
    assert "incitement_to_violence" in rationale and "call to kill a group" in rationale and "93%" in rationale
    assert page.locator(".comment[data-id='c2'] mark").count() == 0
    assert page.locator(".comment[data-id='c2'] .stance").text_content().startswith("query")


def test_filters_by_side_and_source(page: Any) -> None:
    open_map(page)
    page.select_option("#side-filter", "opposition")
    controllers = page.eval_on_selector_all("#places .place", "els => els.map(e => e.dataset.controller)")
    assert controllers and set(controllers) == {"opposition"}
    page.select_option("#side-filter", "")
    page.select_option("#source-filter", "Frontline Daily")
    page.wait_for_function("() => document.querySelectorAll('#places .place').length === 2")
    assert ids(page) == {"t:qasr-amin", "t:bab-jadida"}


XSS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2; alert(2)">',
    '<svg onload="window.__xss = 3"><script>window.__xss = 4</script></svg>',
    '<a href="javascript:window.__xss = 5">click me</a>',
    '"><iframe src="javascript:alert(6)"></iframe>',
    "<style>body{display:none}</style><b onmouseover=alert(7)>hover</b>",
]


def _xss_report() -> Any:
    """A stored report whose every text field (place names, sentences, rationale, urls) is hostile."""
    import dataclasses

    from frontwatch.model import Flag, Source

    base = fixture_reports()[0]
    body = "Fighters took " + XSS[1] + " yesterday. " + XSS[0]
    comments = tuple(dataclasses.replace(c, text=XSS[i % len(XSS)] + " " + XSS[2], author=XSS[3])
                     for i, c in enumerate(base.comments))
    report = dataclasses.replace(base, id="x1", title=XSS[4], body=body, source=XSS[5], url="javascript:alert(9)",
                                 comments=comments, places=(), control_claims=(), stances=(), sources=(), flags=())
    claim = base.control_claims[0]
    mention = dataclasses.replace(claim.place, span=report.span("body", 14, 14 + len(XSS[1])),
                                  place=dataclasses.replace(claim.place.place, id="t:evil", name=XSS[1], lat=36.3))
    evidence = report.span("body", 0, body.index(XSS[0]))
    c1 = report.comments[0]
    return report.with_(
        places=(mention,),
        control_claims=(dataclasses.replace(claim, place=mention, evidence=evidence, controller=XSS[2]),),
        flags=(Flag(comment_id=c1.id, category="insult", span=report.span(c1.id, 0, len(XSS[0])), score=0.5,
                    rationale=XSS[1]),),
        sources=(Source(comment_id=c1.id, kind="url", name=XSS[3], span=report.span(c1.id, 0, 5),
                        url="javascript:window.__xss=10"),),
    )


def test_xss_payloads_render_as_text(browser: Any, tmp_path: Path) -> None:
    import httpx

    from frontwatch.web.app import create_app
    from frontwatch.web.server import running

    fw = filled_app(tmp_path / "xss.duckdb", fixture_reports() + [_xss_report()], api_token=TOKEN)
    try:
        with running(create_app(fw)) as base:
            # and through ingestion, as a site would post them
            posted = {"id": "x2", "title": XSS[0], "body": "Report. " + XSS[2], "source": XSS[1],
                      "url": "javascript:alert(11)", "published": "2016-12-13",
                      "comments": [{"id": f"k{i}", "author": XSS[i], "text": p} for i, p in enumerate(XSS)]}
            r = httpx.post(base + "/api/reports", json=posted, headers={"Authorization": f"Bearer {TOKEN}"},
                           timeout=120)  # the pipeline runs, then reconciliation
            assert r.status_code == 200, r.text
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']")
            page.click(".place[data-id='t:evil']")
            page.locator("#panel .controller").wait_for()
            assert page.locator("#panel .place-name").text_content() == XSS[1]
            assert page.locator("#panel .controller").text_content() == XSS[2]
            assert "Fighters took " + XSS[1] in page.locator("#panel").text_content()
            for rid in ("x1", "x2"):
                page.goto(f"{base}/reports/{rid}")
                page.locator("#thread-view .comment").first.wait_for()
                text = page.locator("#thread-view").text_content()
                assert XSS[0] in text and XSS[2] in text
            assert page.locator("#thread-view h1").text_content() == XSS[0]
            page.goto(f"{base}/reports/x1")
            page.locator("#thread-view mark.flag").wait_for()
            assert page.locator("mark.flag").first.text_content() == XSS[0]
            page.hover("#thread-view .comment")
            page.wait_for_timeout(200)
            assert page.evaluate("window.__xss") is None
            assert dialogs == []
            assert page.locator("#thread-view img, #thread-view iframe, #thread-view svg, #thread-view script").count() == 0
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
            assert hrefs and not [h for h in hrefs if not h.startswith(("http://", "https://", "/", "#"))]
            page.close()
    finally:
        fw.close()


def test_offline_export(browser: Any, tmp_path: Path) -> None:
    db = tmp_path / "export.duckdb"
    fw = filled_app(db, fixture_reports() + [_xss_report()])
    fw.close()
    out = tmp_path / "map.html"
    run = subprocess.run([sys.executable, "-m", "frontwatch", "map", "--db", str(db), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html and "http-equiv=\"Content-Security-Policy\"" in html
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert errors == []
    assert {"t:qasr-amin", "t:wadi-seif", "t:evil"} <= ids(page)
    page.select_option("#source-filter", "Frontline Daily")
    page.wait_for_function("() => document.querySelectorAll('#places .place').length === 2")
    assert ids(page) == {"t:qasr-amin", "t:bab-jadida"}
    page.select_option("#source-filter", "")
    page.wait_for_function("() => document.querySelectorAll('#places .place').length > 2")
    page.locator("#day-slider").focus()
    page.keyboard.press("Home")
    page.wait_for_selector("body[data-day='2016-12-09']")
    assert ids(page) == {"t:qasr-amin", "t:evil"}
    page.click(".place[data-id='t:qasr-amin']")
    page.locator("#panel .controller").wait_for()
    assert "The army took Qasr Amin on Friday." in page.locator("#panel").text_content()
    page.locator("#panel .history li").first.wait_for()  # the timeline travels in the file too
    page.locator("#panel a.thread-link").first.click()
    page.locator("#thread-view .comment").first.wait_for()
    assert page.locator("#thread-view h1").text_content() == "Army advances in the east"
    assert page.evaluate("window.__xss") is None
    assert errors == []  # no CSP violation either: the inlined script and style match their hashes
    assert [u for u in requests if not u.startswith("file:")] == []
    page.close()


def test_read_token_page_asks_for_the_token(browser: Any, tmp_path: Path) -> None:
    from frontwatch.web.app import create_app
    from frontwatch.web.server import running

    fw = filled_app(tmp_path / "locked.duckdb", fixture_reports(), api_token=TOKEN, read_token=True)
    try:
        with running(create_app(fw)) as base:
            page = browser.new_page()
            page.goto(base + "/")
            page.locator("#token-form").wait_for()
            page.fill("#token-input", TOKEN)
            page.click("#token-form button")
            page.wait_for_selector("body[data-ready='1']")
            assert len(ids(page)) == 4
            page.close()
    finally:
        fw.close()


def test_empty_store_says_so(browser: Any, tmp_path: Path) -> None:
    from frontwatch.api import Frontwatch
    from frontwatch.web.app import create_app
    from frontwatch.web.server import running

    fw = Frontwatch(None, db=str(tmp_path / "empty.duckdb"))
    try:
        with running(create_app(fw)) as base:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready]")
            assert "No place has a control claim" in page.locator("#message").text_content()
            assert page.locator("#day-slider").is_disabled() and errors == []
            page.close()
    finally:
        fw.close()
