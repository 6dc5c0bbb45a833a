"""Helpers for the thread tests: reports built from our own fixture threads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.model import Comment, ControlClaim, PlaceMention, Report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "thread"


def load_thread(name: str = "flat_thread.json") -> Report:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    comments = tuple(
        Comment(c["id"], c["text"], author=c.get("author"), parent=c.get("parent")) for c in data["comments"]
    )
    return Report(data["id"], data["body"], title=data["title"], comments=comments)


def with_claim(report: Report, field: str, place: str, controller: str, change: str = "lost") -> Report:
    """``report`` with one control claim on ``place`` in ``field`` (as the extract stage would add)."""
    text = report.field_text(field)
    start = text.index(place)
    span = report.span(field, start, start + len(place))
    claim = ControlClaim(PlaceMention(span, None, 1), controller, change, report.span(field, 0, len(text)),
                         modality="hearsay", claimant=f"comment {field}")
    return report.with_(control_claims=report.control_claims + (claim,))


@pytest.fixture
def thread() -> Report:
    report = load_thread()
    report = with_claim(report, "body", "Hodeidah", "coalition", "gained")
    return with_claim(report, "k1", "al-Durayhimi", "houthis")


@pytest.fixture
def thread_fixtures() -> Path:
    return FIXTURES
