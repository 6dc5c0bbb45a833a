"""The geoparser over the full built index (built on first use if missing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.geoparse.stage import Geoparser, load_geoparser
from frontwatch.model import PlaceMention, Report

FIX = Path(__file__).parents[1] / "fixtures" / "geoparse"


@pytest.fixture(scope="session")
def gp() -> Geoparser:
    return load_geoparser()


def parse(gp: Geoparser, text: str, **kw: object) -> list[PlaceMention]:
    return list(gp.mentions(Report(id="t", body=text, **kw)))  # type: ignore[arg-type]


def by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.span.text: m for m in mentions}


def fixture_report(name: str) -> Report:
    text = (FIX / name).read_text(encoding="utf-8")
    title, _, body = text.partition("\n\n")
    return Report(id=name, title=title.strip(), body=body)
