"""Web fixtures: a real DuckDB store filled from tests/fixtures/web, served by uvicorn on loopback."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontwatch.api import Frontwatch
from frontwatch.model import Comment, ControlClaim, Flag, Place, PlaceMention, Report, Source, Stance
from frontwatch.web.app import create_app
from frontwatch.web.server import CHROMIUM, CHROMIUM_ARGS, running

FIXTURE = Path(__file__).parents[1] / "fixtures" / "web" / "reports.json"
TOKEN = "test-token-123"


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def build_report(rec: dict[str, Any], places: dict[str, dict[str, Any]]) -> Report:
    """A Report with hand-written annotations (spans found by searching their text)."""
    comments = tuple(Comment(id=c["id"], text=c["text"], author=c.get("author"), parent=c.get("parent"))
                     for c in rec.get("comments", []))
    report = Report(id=rec["id"], body=rec["body"], title=rec.get("title", ""), source=rec.get("source"),
                    url=rec.get("url"), published=_day(rec.get("published")), language="en", comments=comments)

    def span(field: str, text: str, within: int = 0) -> Any:
        start = report.field_text(field).index(text, within)
        return report.span(field, start, start + len(text))

    mentions, claims = [], []
    for c in rec.get("claims", []):
        p = places[c["place"]]
        place = Place(id=c["place"], name=p["name"], lat=p["lat"], lon=p["lon"], feature=p["feature"],
                      country="SY", parents=tuple(p.get("parents", ())))
        evidence = span(c["field"], c["sentence"])
        m = PlaceMention(span=span(c["field"], c["mention"], evidence.start), place=place,
                         geo_precision=3 if p["feature"] == "admin1" else 1)
        mentions.append(m)
        claims.append(ControlClaim(place=m, controller=c.get("controller"), change=c["change"], evidence=evidence,
                                   as_of=_day(c.get("as_of")), as_of_precision=1, modality=c.get("modality", "asserted"),
                                   claimant=c.get("claimant")))
    stances = [Stance(comment_id=s["comment"], label=s["label"], target=s["target"], confidence=s["confidence"])
               for s in rec.get("stances", [])]
    sources = [Source(comment_id=s["comment"], kind=s["kind"], name=s["name"], span=span(s["comment"], s["text"]),
                      url=s.get("url")) for s in rec.get("sources", [])]
    flags = [Flag(comment_id=f["comment"], category=f["category"], span=span(f["comment"], f["text"]),
                  score=f["score"], rationale=f.get("rationale", "")) for f in rec.get("flags", [])]
    return report.with_(places=tuple(mentions), control_claims=tuple(claims), stances=tuple(stances),
                        sources=tuple(sources), flags=tuple(flags))


def fixture_reports(path: Path = FIXTURE) -> list[Report]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [build_report(r, data["places"]) for r in data["reports"]]


def filled_app(db: Path, reports: list[Report], **settings: Any) -> Frontwatch:
    fw = Frontwatch(None, db=str(db), **settings)
    fw.store.upsert(reports)
    if hasattr(fw, "reconcile"):
        fw.reconcile()
    return fw


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Frontwatch]]:
    """(base URL, app object) of a live server over a filled store, writes enabled with TOKEN."""
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    fw = filled_app(db, fixture_reports(), api_token=TOKEN)
    with running(create_app(fw)) as base:
        yield base, fw
    fw.close()


@pytest.fixture
def client(server: tuple[str, Frontwatch]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server[0], timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
