"""The curated file: every row has a coordinate source, sane coordinates, known parents."""

from __future__ import annotations

import csv

from frontwatch.gazetteer import curated


def rows() -> list[dict[str, str]]:
    with open(curated.curated_path(), encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_every_row_is_sourced_and_sane() -> None:
    seen: set[str] = set()
    for row in rows():
        assert row["id"] not in seen, row["id"]
        seen.add(row["id"])
        assert row["source"].strip(), row["id"]
        if row["feature"] == "alias":
            assert ":" in row["id"]
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert row["approximate"] in ("0", "1")
        if row["approximate"] == "0":
            assert row["source"].startswith("http"), f"{row['id']}: a cited row names its page"
        else:
            assert row["source"].startswith("approx"), f"{row['id']}: say how it was derived"
        for parent in filter(None, row["parent"].split("|")):
            assert parent.split(":")[0] in ("gn", "ad", "cu", "sy"), parent


def test_aleppo_neighbourhoods_come_first_and_sit_in_aleppo() -> None:
    aleppo = [r for r in rows() if "gn:170063" in r["parent"].split("|")]
    assert len(aleppo) >= 40
    for r in aleppo:
        assert 36.10 < float(r["lat"]) < 36.30 and 37.05 < float(r["lon"]) < 37.30, r["id"]


def test_east_aleppo_has_its_quarters() -> None:
    east = [r["id"] for r in rows() if r["parent"].startswith("cu:east-aleppo")]
    assert {"bab-al-nayrab", "salheen", "al-qasileh", "hanano"} <= set(east)
