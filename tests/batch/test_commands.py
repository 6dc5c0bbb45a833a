"""The batch commands through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_plugin import make_plugin

from frontwatch.cli import main


def test_generate_batch_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plug, pipe = make_plugin(tmp_path)
    assert main(["batch-generate", "--n", "60", "--out", str(tmp_path / "in"), "--per-shard", "25", "--json"]) == 0
    shards = json.loads(capsys.readouterr().out)["shards"]
    assert len(shards) == 3
    common = ["--plugin", plug, "--pipeline", pipe, "--partition-size", "20", "--no-reconcile"]
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "a"), "--workers", "0", *common]) == 0
    assert "60 reports processed" in capsys.readouterr().out
    assert main(["batch", *shards, "--out", str(tmp_path / "b"), "--workers", "2", "--json", *common]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] == 60
    assert main(["batch-verify", str(tmp_path / "a"), str(tmp_path / "b")]) == 0
    assert "same: 60 records" in capsys.readouterr().out
    # a third run over fewer reports differs
    assert main(["batch", shards[0], "--out", str(tmp_path / "c"), "--workers", "0", "-q", *common]) == 0
    assert main(["batch-verify", str(tmp_path / "a"), str(tmp_path / "c"), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["same"] is False and out["counts"]["only_a"] == 35


def test_user_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["batch-verify", str(tmp_path), str(tmp_path)]) == 1
    assert "not a batch output folder" in capsys.readouterr().err
    assert main(["watch", "http://127.0.0.1:9/feed", "--every", "soon", "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "--every" in capsys.readouterr().err
