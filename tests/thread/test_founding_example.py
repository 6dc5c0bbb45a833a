"""The founding example, end to end (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.api import Frontwatch
from frontwatch.model import Report
from frontwatch.pipeline import Pipeline
from frontwatch.thread.moderation import find_hits

EXAMPLE = Path("/work/shared/examples/aleppo-2016-12-citadel.txt")

pytestmark = pytest.mark.skipif(not EXAMPLE.is_file(), reason="founding example not available")


@pytest.fixture(scope="module")
def report() -> Report:
    fw = Frontwatch()
    (raw,) = list(fw.read([EXAMPLE], published="2016-12-13"))
    return Pipeline(["geoparse", "extract", "sources", "stance", "moderate"], fw.resources)(raw)


def _comment_id(report: Report, start: str) -> str:
    return next(c.id for c in report.comments if c.text.lstrip().startswith(start))


def test_query_and_denial(report: Report) -> None:
    stances = {s.comment_id: s for s in report.stances}
    assert stances[_comment_id(report, "What is the status there?")].label == "query"
    deny = stances[_comment_id(report, "False report!")]
    assert deny.label == "deny"
    assert deny.target_claim is not None
    claim = report.control_claims[int(deny.target_claim.split(":")[1])]
    assert "YPG" in claim.evidence.text or "Maq" in claim.evidence.text


def test_cited_sources(report: Report) -> None:
    urls = [s for s in report.sources if s.kind == "url"]
    assert [(s.name, s.url is not None and "abcnews.go.com" in s.url) for s in urls] == [("ABC News", True)]
    assert any(s.kind == "vague" and s.name == "other sources" for s in report.sources)


def test_flags(report: Report) -> None:
    rats = _comment_id(report, "The terrorist pocket")
    got = {(f.category, f.span.text) for f in report.flags if f.comment_id == rats}
    assert ("dehumanisation", "the rats") in got
    assert ("incitement_to_violence", "Kill them all") in got
    assert ("incitement_to_violence", "Don\u2019t let them leave") in got
    surrender = _comment_id(report, "Excellent, the Aleppo pocket")
    texts = [(f.category, f.span.text) for f in report.flags if f.comment_id == surrender]
    assert texts == [("incitement_to_violence", "Let them surrender or die in place")]
    strategy = [c.id for c in report.comments if "Deir Ezzor" in c.text or "E ghouta" in c.text or "Golan" in c.text]
    assert strategy and not [f for f in report.flags if f.comment_id in strategy]
    flagged = {f.comment_id for f in report.flags}
    assert flagged == {rats, surrender}


def test_article_body_has_no_flag(report: Report) -> None:
    assert all(f.span.field not in ("title", "body") for f in report.flags)
    assert find_hits(report.title) == [] and find_hits(report.body) == []
