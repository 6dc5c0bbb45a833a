"""The stats and export commands over a real store, in-process and once as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from handbuilt import handbuilt_report

from frontwatch.cli import main
from frontwatch.store import open_store

FRONTWATCH = Path(sys.executable).parent / "frontwatch"


@pytest.fixture
def filled(db_path: Path) -> Path:
    with open_store(db_path) as store:
        store.upsert([handbuilt_report("a"), handbuilt_report("b")])
    return db_path


def test_stats_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(filled), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["reports"] == 2 and stats["claims"] == 6 and stats["flags"] == 4


def test_stats_text(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(filled)]) == 0
    assert "reports  2" in capsys.readouterr().out


def test_export_commands(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "e.csv"
    assert main(["export", "--format", "acled-csv", "--out", str(out), "--db", str(filled)]) == 0
    assert "wrote 4 records" in capsys.readouterr().err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert main(["export", "--format", "geojson", "--db", str(filled)]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "FeatureCollection"
    assert main(["export", "--format", "parquet", "--db", str(filled)]) == 1
    assert "--out" in capsys.readouterr().err


def test_newer_schema_is_one_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(filled) as store:
        store.write("INSERT INTO schema_migrations VALUES (999, 'future', NULL)")
    assert main(["stats", "--db", str(filled)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "newer" in err


@pytest.mark.skipif(not FRONTWATCH.exists(), reason="console script not installed")
def test_subprocess(filled: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(FRONTWATCH), "stats", "--db", str(filled), "--json"], capture_output=True, text=True,
                          timeout=60, check=True)
    assert json.loads(done.stdout)["comments"] == 6
    out = tmp_path / "pq"
    subprocess.run([str(FRONTWATCH), "export", "--format", "parquet", "--out", str(out), "--db", str(filled),
                    "--quiet"], capture_output=True, text=True, timeout=60, check=True)
    assert (out / "claims.parquet").exists()
