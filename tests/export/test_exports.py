"""Golden-file tests of every export on the hand-built report (tests/store/handbuilt.py).

Set FRONTWATCH_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from frontwatch.errors import InputError
from frontwatch.export import export
from frontwatch.export.acled_csv import COLUMNS, interaction
from frontwatch.store import SQLStore
from frontwatch.store.rows import TABLES

GOLDEN = Path(__file__).parents[1] / "fixtures" / "export"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FRONTWATCH_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_acled_csv(store: SQLStore, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "acled-csv", out) == 2
    text = out.read_text(encoding="utf-8")
    check_golden("acled.csv", text)
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == list(COLUMNS)
    # the denied event in comment c1 is not exported as fact
    assert [r["tags"].split(";")[0] for r in rows] == ["modality=reported"] * 2
    assert rows[0]["country"] == "Syria" and rows[0]["iso"] == "760" and rows[0]["inter1"] == "1"
    assert rows[1]["fatalities"] == "4" and rows[1]["actor1"] == ""


def test_interaction_codes() -> None:
    assert interaction(1, 2) == "12"
    assert interaction(2, 1) == "12"
    assert interaction(3, None) == "30"
    assert interaction(None, None) == ""


def test_geojson(store: SQLStore, tmp_path: Path) -> None:
    out = tmp_path / "map.geojson"
    n = export(store, "geojson", out)
    text = out.read_text(encoding="utf-8")
    check_golden("map.geojson", text)
    data = json.loads(text)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds.count("place") == 5 and kinds.count("event") == 3 and kinds.count("claim") == 3
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        ev = f["properties"]["evidence"]
        assert set(ev) == {"field", "start", "end", "text"}
    denied = [f for f in data["features"] if f["properties"].get("modality") == "denied"]
    assert denied and not denied[0]["properties"]["is_fact"]


def test_parquet(store: SQLStore, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    n = export(store, "parquet", out)
    counts = {t: pq.read_table(out / f"{t}.parquet").num_rows for t in TABLES}
    assert sum(counts.values()) == n
    assert counts == {"reports": 1, "comments": 3, "place_mentions": 5, "events": 3, "claims": 3, "stances": 2,
                      "sources": 2, "flags": 2}
    claims = pq.read_table(out / "claims.parquet").to_pylist()
    assert claims[1]["comment_author"] == "Heiko"
    with pytest.raises(InputError, match="folder"):
        export(store, "parquet", None)


def test_generic_parquet_path(store: SQLStore, tmp_path: Path) -> None:
    """The pyarrow path used by stores without their own Parquet writer."""

    class Plain:
        def table_rows(self, table: str):  # type: ignore[no-untyped-def]
            return store.table_rows(table)

    n = export(Plain(), "parquet", tmp_path / "pq2")
    assert n == 21
    assert pq.read_table(tmp_path / "pq2" / "stances.parquet").num_rows == 2


def test_stdout_and_errors(store: SQLStore, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert export(store, "acled-csv", None) == 2
    assert capsys.readouterr().out.startswith("event_id_cnty,")
    with pytest.raises(InputError, match="unknown export format"):
        export(store, "kml", None)
    with pytest.raises(InputError, match="folder"):
        export(store, "geojson", tmp_path / "missing" / "x.geojson")


def test_jsonl(store: SQLStore, tmp_path: Path) -> None:
    pytest.importorskip("frontwatch.ingest.jsonl")
    out = tmp_path / "reports.jsonl"
    assert export(store, "jsonl", out) == 1
    text = out.read_text(encoding="utf-8")
    check_golden("reports.jsonl", text)
    record = json.loads(text)
    assert record["annotations"]["comments"]["c1"]["stance"]["label"] == "deny"
    assert len(record["annotations"]["control_claims"]) == 1


def test_ingest_export_ingest_is_lossless(db_path: Path, tmp_path: Path) -> None:
    """A report read back from the jsonl export equals the stored one in every ingested field."""
    from handbuilt import handbuilt_report

    from frontwatch.ingest.base import content_hash
    from frontwatch.ingest.jsonl import read_jsonl_text
    from frontwatch.model import Comment
    from frontwatch.store import open_store

    original = handbuilt_report("rabc").with_(
        comments=tuple(Comment(id=c.id, text=c.text, author=c.author, posted=c.posted, parent=c.parent,
                               language="en", split_confidence=c.split_confidence, source_offset=10 * k)
                       for k, c in enumerate(handbuilt_report().comments)),
        places=(), events=(), control_claims=(), stances=(), sources=(), flags=(), path="in/x.txt",
    )
    # ingestion recomputes meta["content_hash"] from the texts (the hand-built one is made up)
    digest = content_hash(original.title, original.body, [c.text for c in original.comments])
    original = original.with_(meta={**original.meta, "content_hash": digest})
    with open_store(tmp_path / "a.duckdb") as store:
        store.upsert([original])
        export(store, "jsonl", tmp_path / "out.jsonl")
    (back,) = list(read_jsonl_text((tmp_path / "out.jsonl").read_text(encoding="utf-8"), path="out.jsonl"))
    assert not isinstance(back, Exception), back
    assert back.with_(meta=dict(back.meta)) == original.with_(meta=dict(original.meta))
    with open_store(tmp_path / "b.duckdb") as store:
        store.upsert([back])
        export(store, "jsonl", tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == (tmp_path / "out.jsonl").read_text(encoding="utf-8")
