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
    from frontwatch.synth import write_text_files

    write_text_files(tmp_path / "in", 2, seed=5, words=80)
    done = subprocess.run([str(FRONTWATCH), "ingest", str(tmp_path / "in"), "--db", str(filled), "--published",
                           "2016-12-13", "--quiet"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(FRONTWATCH), "stats", "--db", str(filled), "--json"], capture_output=True, text=True,
                          timeout=60, check=True)
    assert json.loads(done.stdout)["reports"] == 4
    out = tmp_path / "pq"
    subprocess.run([str(FRONTWATCH), "export", "--format", "parquet", "--out", str(out), "--db", str(filled),
                    "--quiet"], capture_output=True, text=True, timeout=60, check=True)
    assert (out / "claims.parquet").exists()


def test_ingest_reingest_and_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ingest files, ingest them again (all unchanged), export jsonl and ingest that (unchanged)."""
    from frontwatch.synth import write_text_files

    folder = tmp_path / "in"
    write_text_files(folder, 4, seed=11, words=120)
    db = str(tmp_path / "cli.duckdb")
    args = ["ingest", str(folder), "--db", db, "--published", "2016-12-13", "--json", "--quiet"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["new"], first["updated"], first["unchanged"], first["failed"]) == (4, 0, 0, 0)
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 4
    out = tmp_path / "all.jsonl"
    assert main(["export", "--format", "jsonl", "--out", str(out), "--db", db, "--quiet"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert main(["ingest", str(out), "--db", db, "--json", "--quiet"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 4)
    with open_store(db) as store:
        assert store.stats()["reports"] == 4
