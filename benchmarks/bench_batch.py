"""Batch throughput, scaling and store ingest figures for docs/bench/scale.md.

    .venv/bin/python benchmarks/bench_batch.py --n 10000 [--stages active|all|FILE] [--pg URL [--pg-batch]] [--json]

Generates ``--n`` synthetic reports (``frontwatch.synth``) as JSON Lines shards in a temporary
folder, then times, on the same input:

* the local engine with 1 and 2 worker processes (scaling efficiency = speed-up / 2),
* Dask on a ``LocalCluster`` with 2 single-threaded worker processes,
* that the Dask run gives exactly the records of the local run,
* peak memory (RSS) per worker process,
* store ingest of the analysed reports: DuckDB (one writer) and, with ``--pg``, PostgreSQL with
  one writer and with 2 batch workers writing at once.

``--stages all`` runs every built-in stage that is installed (in order, skipping one whose
inputs no installed stage provides); ``active`` (default) runs the packaged pipeline.
Throughput excludes generating the input; it includes reading, the pipeline and writing the
Parquet partitions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any


def usable_stages() -> list[str]:
    from frontwatch.errors import FrontwatchError
    from frontwatch.pipeline import BASE_PROVIDES, BUILTIN_STAGES, get_stage

    provided, names = set(BASE_PROVIDES), []
    for name in BUILTIN_STAGES:
        try:
            st = get_stage(name)
        except (FrontwatchError, ImportError):
            continue
        if all(r in provided for r in st.requires):
            names.append(name)
            provided.update(st.assigns)
    return names


def timed(label: str, fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.1f}s", file=sys.stderr)
    return out, seconds


def dask_run(inputs: Path, out: Path, pipeline: str | None, size: int) -> tuple[Any, float, list[float]]:
    from distributed import Client, LocalCluster

    from frontwatch.batch.engine import run_batch

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(lambda: None)  # workers up before the clock starts
        result, seconds = timed(
            "dask LocalCluster, 2 workers",
            lambda: run_batch([inputs], out, engine="dask", client=client, pipeline=pipeline, partition_size=size, reconcile=False),
        )

        def peak_mb() -> float:
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        peaks = sorted(round(v) for v in client.run(peak_mb).values())
    return result, seconds, peaks


def store_ingest(reports: list[Any], location: str) -> tuple[float, float]:
    """Reports per second written, and per CPU-second of this process."""
    from frontwatch.store import open_store

    with open_store(location) as store:
        started, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(reports), 500):
            store.upsert(reports[i : i + 500])
        return len(reports) / (time.perf_counter() - started), len(reports) / max(1e-9, time.process_time() - cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--stages", default="active", help="active (packaged pipeline), all (every installed stage)")
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--pg", help="PostgreSQL URL for the ingest figures (a scratch schema is made and dropped)")
    parser.add_argument("--pg-batch", action="store_true", help="also time a local run with 2 workers writing PostgreSQL")
    parser.add_argument("--ingest-n", type=int, default=1000, help="analysed reports for the store ingest figures")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from frontwatch.batch.engine import run_batch
    from frontwatch.batch.output import compare_runs
    from frontwatch.batch.partitions import plan, read_partition, write_jsonl_shards
    from frontwatch.pipeline import build_pipeline, load_pipeline_names
    from frontwatch.synth import generate_reports

    figures: dict[str, Any] = {"n": args.n, "cpus": os.cpu_count(), "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp_name:
        tmp = Path(tmp_name)
        pipeline: str | None = None
        if args.stages == "all":
            names = usable_stages()
            pipeline = str(tmp / "pipeline.toml")
            Path(pipeline).write_text(f"stages = {json.dumps(names)}\n", encoding="utf-8")
        elif args.stages != "active":
            pipeline = args.stages
        figures["stages"] = load_pipeline_names(pipeline)
        print(f"bench: {args.n} reports, stages {figures['stages']}", file=sys.stderr)
        _, gen = timed("generate", lambda: write_jsonl_shards(generate_reports(args.n, seed=1), tmp / "in", per_shard=2000))
        size = args.partition_size

        local1, t1 = timed("local, 1 worker", lambda: run_batch([tmp / "in"], tmp / "l1", workers=1, pipeline=pipeline,
                                                               partition_size=size, reconcile=False))
        local2, t2 = timed("local, 2 workers", lambda: run_batch([tmp / "in"], tmp / "l2", workers=2, pipeline=pipeline,
                                                                partition_size=size, reconcile=False))
        figures.update(
            local_1_per_s=args.n / t1,
            local_2_per_s=args.n / t2,
            speedup_1_to_2=t1 / t2,
            efficiency=t1 / t2 / 2,
            local_worker_peak_mb=sorted(round(v) for v in local2.worker_peak_mb.values()),
            cpu_s_per_report=local1.cpu_seconds / args.n,
            cores_used_local_1=local1.cpu_seconds / t1,
            cores_used_local_2=local2.cpu_seconds / t2,
            differ_local_1_2=compare_runs(tmp / "l1", tmp / "l2").as_dict()["counts"],
        )
        if not args.skip_dask:
            dres, td, peaks = dask_run(tmp / "in", tmp / "dask", pipeline, size)
            figures["cores_used_dask_2"] = dres.cpu_seconds / td
            cmp = compare_runs(tmp / "l2", tmp / "dask")
            figures.update(dask_2_per_s=args.n / td, dask_worker_peak_mb=peaks, same_local_dask=cmp.same,
                           differ_local_dask=cmp.as_dict()["counts"], records=cmp.a)

        # store ingest of analysed reports (analysed once, in this process)
        pipe = build_pipeline(pipeline)
        m = min(args.n, args.ingest_n)
        reports = []
        for part in plan([tmp / "in"], 1000):
            for item in read_partition(part):
                if item.report is not None and len(reports) < m:
                    reports.append(pipe(item.report))
        figures["ingest_reports"] = len(reports)
        figures["duckdb_ingest_per_s"], figures["duckdb_ingest_per_cpu_s"] = store_ingest(reports, str(tmp / "fw.duckdb"))
        if args.pg:
            import psycopg

            schema = "fwbench_" + uuid.uuid4().hex[:8]
            with psycopg.connect(args.pg, autocommit=True) as con:
                con.execute(f"CREATE SCHEMA {schema}")
            url = f"{args.pg}{'&' if '?' in args.pg else '?'}options=-csearch_path%3D{schema}"
            try:
                from frontwatch.store import open_store

                open_store(url).close()  # migrations outside the timing
                figures["postgres_ingest_per_s"], figures["postgres_ingest_per_client_cpu_s"] = store_ingest(reports, url)
                if args.pg_batch:
                    with psycopg.connect(url, autocommit=True) as con:
                        for table in ("comments", "place_mentions", "events", "claims", "stances", "sources", "flags", "reports"):
                            con.execute(f"TRUNCATE {table}")
                    _, tp = timed("local, 2 workers writing PostgreSQL", lambda: run_batch(
                        [tmp / "in"], tmp / "pg", workers=2, db=url, pipeline=pipeline, partition_size=size, reconcile=False))
                    figures["postgres_batch_2_writers_per_s"] = args.n / tp
            finally:
                with psycopg.connect(args.pg, autocommit=True) as con:
                    con.execute(f"DROP SCHEMA {schema} CASCADE")
        figures["generate_s"] = gen
        figures["load_after"] = os.getloadavg()
        del local1, local2
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        for key, value in figures.items():
            print(f"{key:>32}  {round(value, 2) if isinstance(value, float) else value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
