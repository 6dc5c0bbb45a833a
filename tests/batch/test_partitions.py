"""Inputs cut into partitions, and read back as reports or as errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from frontwatch.batch.partitions import (
    plan,
    read_partition,
    record_to_report,
    report_to_record,
    write_jsonl_shards,
    write_parquet_shards,
)
from frontwatch.synth import generate_reports


def test_jsonl_lines_become_reports_or_errors(fixtures: Path) -> None:
    parts = plan([fixtures / "batch" / "reports.jsonl"], partition_size=2)
    assert [p.size for p in parts] == [2, 2, 1]
    items = [i for p in parts for i in read_partition(p)]
    good = [i.report for i in items if i.report]
    bad = [i for i in items if i.error]
    assert [r.id for r in good[:2]] == ["fx-1", "fx-2"]
    assert good[0].comments[1].parent == "c1"
    assert str(good[0].published) == "2016-12-13"
    assert good[2].id.startswith("r")  # derived from the URL, as ingestion does
    assert sorted(b.where.rsplit(":", 1)[1] for b in bad) == ["3", "4"]
    assert "body" in bad[0].error and "JSON" in bad[1].error, bad
    assert bad[1].raw == "this line is not JSON"


def test_keys_are_stable_and_change_with_the_input(tmp_path: Path, fixtures: Path) -> None:
    src = tmp_path / "a.jsonl"
    shutil.copy(fixtures / "batch" / "reports.jsonl", src)
    first = [p.key for p in plan([src], 2)]
    assert first == [p.key for p in plan([src], 2)]
    with open(src, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"body": "One more report."}) + "\n")
    assert [p.key for p in plan([src], 2)][0] != first[0]


def test_record_round_trip() -> None:
    for report in generate_reports(5, seed=3, words=40):
        again = record_to_report(json.loads(json.dumps(report_to_record(report))))
        assert (again.id, again.title, again.body, again.published) == (report.id, report.title, report.body, report.published)
        assert [(c.id, c.text, c.author, c.parent) for c in again.comments] == [
            (c.id, c.text, c.author, c.parent) for c in report.comments
        ]


def test_parquet_and_jsonl_shards_read_the_same(tmp_path: Path) -> None:
    reports = list(generate_reports(30, seed=1, words=30))
    write_jsonl_shards(reports, tmp_path / "j", per_shard=12)
    write_parquet_shards(reports, tmp_path / "p", per_shard=12)
    j = [i.report for p in plan([tmp_path / "j"], 7) for i in read_partition(p)]
    q = [i.report for p in plan([tmp_path / "p"], 7) for i in read_partition(p)]
    assert len(j) == len(q) == 30
    assert [(r.id, r.body, r.comments) for r in j] == [(r.id, r.body, r.comments) for r in q]


def test_folder_of_text_files(tmp_path: Path) -> None:
    from frontwatch.synth import write_text_files

    write_text_files(tmp_path / "t", 5, seed=2, words=40)
    parts = plan([tmp_path / "t"], 3)
    assert [p.kind for p in parts] == ["files", "files"]
    items = [i for p in parts for i in read_partition(p)]
    assert len([i for i in items if i.report]) == 5
