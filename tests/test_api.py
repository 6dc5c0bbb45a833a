"""The Python API object: analyse, ingest with counts, failures that do not stop a batch."""

from __future__ import annotations

import shutil
from pathlib import Path

from frontwatch.api import Failure, Frontwatch


def test_analyze_goes_on_past_a_bad_file(tmp_path: Path, samples: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(samples, folder)
    (folder / "empty.txt").write_text("")
    (folder / "broken.jsonl").write_text('{"id": "x", "body": "The army took the town."}\n{not json\n')
    failures: list[Failure] = []
    with Frontwatch(db=str(tmp_path / "x.duckdb")) as fw:
        reports = fw.analyze([folder], published="2024-03-01", on_error=failures.append)
    assert len(reports) >= 5
    wheres = " ".join(f.where for f in failures)
    assert "empty.txt" in wheres and "broken.jsonl:2" in wheres
    assert all("\n" not in f.message for f in failures)


def test_ingest_counts_new_then_unchanged(tmp_path: Path, samples: Path) -> None:
    with Frontwatch(db=str(tmp_path / "x.duckdb")) as fw:
        first = fw.ingest([samples], published="2024-03-01")
        again = fw.ingest([samples], published="2024-03-01")
        stats = fw.stats()
    assert first.new >= 5 and first.failed == 0
    assert again.new == 0 and again.unchanged == first.new
    assert stats["reports"] == first.new
