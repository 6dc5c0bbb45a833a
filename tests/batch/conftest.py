"""Fixtures for the batch tests: synthetic shards, and a plugin of small test stages.

The test stages are written into a file per test (a ``--plugin`` path), so every worker
process, whatever started it, loads the same stages with the same settings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for batch_plugin (pytest runs in importlib mode)

from batch_plugin import make_plugin  # noqa: E402,F401 - re-exported for the tests

from frontwatch.batch.partitions import write_jsonl_shards  # noqa: E402
from frontwatch.synth import generate_reports  # noqa: E402


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """240 synthetic reports (short articles) in three JSON Lines shards."""
    folder = tmp_path / "in"
    write_jsonl_shards(generate_reports(240, seed=7, words=60), folder, per_shard=80)
    return folder


@pytest.fixture
def plugin(tmp_path: Path) -> tuple[str, str]:
    return make_plugin(tmp_path)
