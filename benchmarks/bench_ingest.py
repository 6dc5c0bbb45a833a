"""Ingest benchmark: N generated plain-text reports through the real ``frontwatch ingest``.

    python benchmarks/bench_ingest.py --n 10000

1. writes N synthetic reports (``frontwatch.synth``, ~600 words and 3-12 comments each) as
   text files into a temporary folder;
2. runs ``frontwatch ingest FOLDER --db TMP.duckdb --quiet`` as a child process with the
   default pipeline as it is now, and prints reports/s (wall and per CPU second) and the
   child's peak RSS (``resource.getrusage(RUSAGE_CHILDREN)``);
3. unless ``--no-store-only``, times the store's write path alone in this process
   (``Store.upsert`` of the same reports, built in memory, in batches of 200).

``--profile`` runs step 2 in-process under cProfile instead and prints the top functions.
Figures go into docs/bench/store.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def frontwatch_cmd() -> list[str]:
    script = Path(sys.executable).parent / "frontwatch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "frontwatch"]


def store_only(n: int, seed: int, words: int, db: Path, batch: int = 200) -> dict[str, float]:
    """Reports per CPU second of building rows, and of upserting new and then unchanged reports."""
    from frontwatch.store import open_store
    from frontwatch.store.rows import report_rows
    from frontwatch.synth import generate_reports

    reports = list(generate_reports(n, seed, words))
    t0 = time.process_time()
    for r in reports:
        report_rows(r)
    rows_s = time.process_time() - t0
    with open_store(db) as store:
        t0 = time.process_time()
        for i in range(0, n, batch):
            store.upsert(reports[i : i + batch])
        first = time.process_time() - t0
        t0 = time.process_time()
        for i in range(0, n, batch):
            store.upsert(reports[i : i + batch])
        again = time.process_time() - t0
    return {"rows_per_s": n / rows_s, "upsert_new_per_s": n / first, "upsert_unchanged_per_s": n / again}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="reports to generate and ingest")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, default=600, help="article length in words")
    ap.add_argument("--dir", help="folder for the files and the database (default: a temp folder, removed)")
    ap.add_argument("--profile", action="store_true", help="ingest in-process under cProfile")
    ap.add_argument("--no-store-only", action="store_true", help="skip the store-only timing")
    args = ap.parse_args(argv)

    from frontwatch.synth import write_text_files

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="fw-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        folder, db = work / "reports", work / "bench.duckdb"
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
        t0 = time.perf_counter()
        write_text_files(folder, args.n, args.seed, args.words)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"wrote {args.n} text reports ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        cmd = [*frontwatch_cmd(), "ingest", str(folder), "--db", str(db), "--quiet", "--json",
               "--published", "2016-12-13", "--source", "Synthetic Wire"]
        if args.profile:
            from frontwatch.cli import main as fw_main

            prof = cProfile.Profile()
            t0 = time.perf_counter()
            prof.runcall(fw_main, cmd[len(frontwatch_cmd()) :])
            wall = time.perf_counter() - t0
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
            print(out.getvalue())
            print(f"ingest (in-process, profiled): {args.n / wall:,.0f} reports/s")
            return 0
        from frontwatch.pipeline import load_pipeline_names

        print(f"default pipeline: {', '.join(load_pipeline_names(None)) or '(no stages)'}")
        print("$", " ".join(cmd))
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
        result = json.loads(done.stdout)
        print(f"ingest result: {result['new']} new, {result['updated']} updated, {result['unchanged']} unchanged, "
              f"{result['failed']} failed")
        from frontwatch.store import open_store

        with open_store(db, read_only=True) as store:
            stats = store.stats()
        print(f"stored: {stats['reports']} reports, {stats['comments']} comments, {stats['places']} place mentions, "
              f"{stats['events']} events, {stats['claims']} claims, {stats['sources']} sources, {stats['flags']} flags; db {db.stat().st_size / 1e6:.1f} MB")
        print(f"ingest: {args.n} reports in {wall:.1f} s wall = {args.n / wall:,.0f} reports/s; "
              f"{cpu:.1f} s CPU = {args.n / cpu:,.0f} reports per CPU second")
        print(f"peak RSS of the ingest process: {usage.ru_maxrss / 1024:.0f} MB")
        if not args.no_store_only:
            s = store_only(args.n, args.seed, args.words, work / "store-only.duckdb")
            print(f"store only, reports per CPU second: report_rows {s['rows_per_s']:,.0f}; "
                  f"upsert new {s['upsert_new_per_s']:,.0f}; upsert unchanged {s['upsert_unchanged_per_s']:,.0f}")
            print(f"peak RSS of this process (store only): "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
