"""The CLI, in-process and as a subprocess: thin over the API, one-line errors, exit code 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch.cli import build_parser, main


def test_version_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stages", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} >= {"geoparse", "extract", "stance", "moderate", "sources"}
    for r in rows:
        assert r["assigns"], r


def test_bad_pipeline_file_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "fw.toml"
    pipe = tmp_path / "pipe.toml"
    pipe.write_text('stages = ["moderate", "nonsense"]\n')
    cfg.write_text(f'pipeline = "{pipe}"\n')
    sample = tmp_path / "a.txt"
    sample.write_text("Headline\n\nThe army took the town.\n")
    assert main(["--config", str(cfg), "analyze", str(sample)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown stage 'nonsense'" in err[0] and "hint:" in err[0]


def test_missing_input_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["analyze", str(missing)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0]


def test_analyze_samples_json_has_the_contract(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(samples), "--json", "--published", "2024-01-01"]) == 0
    env = json.loads(capsys.readouterr().out)
    assert env["frontwatch"] and len(env["documents"]) >= 4
    for doc in env["documents"]:
        assert doc["body"] and isinstance(doc["comments"], list)
        for key in ("places", "events", "control_claims"):
            assert isinstance(doc[key], list)


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():  # type: ignore[union-attr]
        assert p.format_help(), name


def test_subprocess_entry_point(samples: Path) -> None:
    exe = Path(sys.executable).with_name("frontwatch")
    out = subprocess.run([str(exe), "analyze", str(samples)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("==")
