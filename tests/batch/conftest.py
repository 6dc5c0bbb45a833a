"""Fixtures for the batch tests: synthetic shards, and a plugin of small test stages.

The test stages are written into a file per test (a ``--plugin`` path), so every worker
process, whatever started it, loads the same stages with the same settings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.batch.partitions import write_jsonl_shards
from frontwatch.synth import generate_reports

PLUGIN = '''
import os
from frontwatch.pipeline import stage

CRASH_ID = {crash_id!r}
CRASH_MARKER = {crash_marker!r}


@stage("batchtest_mark", assigns=["meta.words"])
def mark(report, resources):
    """Count words (a cheap, deterministic annotation)."""
    if "EXPLODE" in report.body:
        raise ValueError("this document explodes")
    meta = dict(report.meta)
    meta["words"] = len(report.body.split())
    meta["comment_words"] = sum(len(c.text.split()) for c in report.comments)
    return report.with_(meta=meta)


@stage("batchtest_crash", assigns=["crash"])
def crash(report, resources):
    """Kill this worker process once, on the report CRASH_ID."""
    if CRASH_ID and report.id == CRASH_ID and not os.path.exists(CRASH_MARKER):
        with open(CRASH_MARKER, "w") as fh:
            fh.write(str(os.getpid()))
        os._exit(17)
    return report
'''


def make_plugin(folder: Path, crash_id: str | None = None) -> tuple[str, str]:
    """A plugin file and a pipeline file using its stages; returns (plugin, pipeline)."""
    plugin = folder / "batchtest_stages.py"
    marker = folder / "crashed.marker"
    plugin.write_text(PLUGIN.format(crash_id=crash_id, crash_marker=str(marker)), encoding="utf-8")
    pipeline = folder / "pipeline.toml"
    pipeline.write_text('stages = ["batchtest_mark", "batchtest_crash"]\n', encoding="utf-8")
    return str(plugin), str(pipeline)


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """240 synthetic reports (short articles) in three JSON Lines shards."""
    folder = tmp_path / "in"
    write_jsonl_shards(generate_reports(240, seed=7, words=60), folder, per_shard=80)
    return folder


@pytest.fixture
def plugin(tmp_path: Path) -> tuple[str, str]:
    return make_plugin(tmp_path)
