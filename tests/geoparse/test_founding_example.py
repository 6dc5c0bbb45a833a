"""The founding example (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.geoparse.stage import Geoparser
from frontwatch.model import Report

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "aleppo-2016-12-citadel.txt"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs ../shared/examples")
def test_founding_example(gp: Geoparser) -> None:
    report = Report(id="ex", body=EXAMPLE.read_text(encoding="utf-8"))
    ms = gp.mentions(report)
    found: dict[str, list] = {}
    for m in ms:
        found.setdefault(m.span.text.lower(), []).append(m)

    def where(name: str) -> tuple[float, float]:
        m = found[name.lower()][0]
        p = m.place or m.parent
        return p.lat, p.lon

    for name in ("Bab al-Nayrab", "Salheen", "al-Qasileh", "al-Madi", "Aleppo Citadel", "Sjeikh Maqsud"):
        lat, lon = where(name)
        assert 36.10 < lat < 36.30 and 37.05 < lon < 37.30, name
        assert found[name.lower()][0].geo_precision in (1, 2)
    expected = {
        "east ghouta": (33.3, 33.8, 36.2, 36.7), "damascus": (33.4, 33.6, 36.2, 36.4),
        "palmyra": (34.4, 34.7, 38.1, 38.4), "sukhna": (34.7, 35.0, 38.7, 39.0),
        "deir ezzor": (35.2, 35.5, 40.0, 40.3), "raqqa": (35.8, 36.1, 38.9, 39.1),
        "idlib": (35.8, 36.1, 36.5, 36.8), "bab": (36.3, 36.5, 37.4, 37.6), "homs": (34.6, 34.8, 36.6, 36.8),
        "golan heights": (32.6, 33.4, 35.5, 36.0),
    }
    for name, (la0, la1, lo0, lo1) in expected.items():
        assert name in found, name
        lat, lon = where(name)
        assert la0 < lat < la1 and lo0 < lon < lo1, (name, lat, lon)
    texts = {m.span.text for m in ms}
    assert not any("Donald" in t or "Western" in t for t in texts)
