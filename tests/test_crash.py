"""Kill an ingest at random moments (SIGKILL), re-run it, and check every report is stored once.

Each ``upsert`` batch is one transaction, so whatever a killed run committed is whole, and
what it had not committed is absent; the re-run stores the rest. Run with
``FRONTWATCH_CRASH_N=10000`` for the full-size version (docs/bench/store.md).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontwatch.store import open_store
from frontwatch.synth import write_text_files

pytest.importorskip("frontwatch.ingest", reason="ingestion not built yet")
if not hasattr(__import__("frontwatch.ingest", fromlist=["read_paths"]), "read_paths"):
    pytest.skip("frontwatch.ingest.read_paths not built yet", allow_module_level=True)

N = int(os.environ.get("FRONTWATCH_CRASH_N", "1000"))
KILLS = 3
#: Article length in words.
WORDS = int(os.environ.get("FRONTWATCH_CRASH_WORDS", "250"))


#: Stages run by the killed ingests: the comment stages by default (they add source and flag
#: rows, and keep the test quick); FRONTWATCH_CRASH_PIPELINE=default runs the packaged pipeline.
PIPELINE = os.environ.get("FRONTWATCH_CRASH_PIPELINE", "sources,moderate")


def ingest_cmd(folder: Path, db: Path) -> list[str]:
    config: list[str] = []
    if PIPELINE != "default":
        stages = folder.parent / "pipeline.toml"
        stages.write_text(f"stages = {[s.strip() for s in PIPELINE.split(',') if s.strip()]!r}\n".replace("'", '"'))
        cfg = folder.parent / "frontwatch.toml"
        cfg.write_text(f'pipeline = "{stages}"\n')
        config = ["--config", str(cfg)]
    return [sys.executable, "-m", "frontwatch", *config, "ingest", str(folder), "--db", str(db), "--quiet",
            "--published", "2016-12-13", "--source", "Synthetic Wire"]


def check_consistent(db: Path) -> int:
    """Nothing half-written: every stored report has all its comments, no row is doubled."""
    with open_store(db) as store:
        (n, distinct), = store.read("SELECT COUNT(*), COUNT(DISTINCT id) FROM reports")
        assert n == distinct
        missing = store.read(
            "SELECT r.id FROM reports r LEFT JOIN (SELECT report_id, COUNT(*) AS k FROM comments GROUP BY report_id) c "
            "ON c.report_id = r.id WHERE COALESCE(c.k, 0) <> r.n_comments"
        )
        assert missing == []
        for table, key in (("comments", "id"), ("claims", "idx"), ("place_mentions", "idx"), ("flags", "idx"),
                           ("events", "idx"), ("stances", "idx"), ("sources", "idx")):
            doubled = store.read(f"SELECT report_id, {key} FROM {table} GROUP BY report_id, {key} HAVING COUNT(*) > 1")
            assert doubled == [], table
        orphans = store.read("SELECT COUNT(*) FROM comments WHERE report_id NOT IN (SELECT id FROM reports)")
        assert orphans == [(0,)]
    return int(n)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_ingest_stores_every_report_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_text_files(folder, N, seed=7, words=WORDS)
    db = tmp_path / "crash.duckdb"
    seed = int(os.environ.get("FRONTWATCH_CRASH_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    # How long a full run takes here, so the kills land inside it.
    started = time.monotonic()
    subprocess.run(ingest_cmd(folder, tmp_path / "timing.duckdb"), check=True, capture_output=True, timeout=600)
    full = time.monotonic() - started
    stored = []
    for _ in range(KILLS):
        proc = subprocess.Popen(ingest_cmd(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 0.95) * full)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL, f"ingest finished before the kill (seed {seed})"
        if db.exists():
            stored.append(check_consistent(db))
    print(f"seed {seed}: reports stored after each kill: {stored}")
    done = subprocess.run(ingest_cmd(folder, db), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert check_consistent(db) == N, f"seed {seed}; stored after kills: {stored}"
    with open_store(db) as store:
        stats = store.stats()
    print(f"stored: {stats}")
    assert stats["reports"] == N
    assert stats["flags"] > 0 and stats["sources"] > 0
