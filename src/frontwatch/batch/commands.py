"""Commands of the batch area: ``batch``, ``watch``, ``batch-generate``, ``batch-verify``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError


def cmd_batch(args: argparse.Namespace) -> int:
    from frontwatch.batch.engine import run_batch
    from frontwatch.progress import Progress

    bar: list[Progress] = []

    def on_total(n: int) -> None:
        bar.append(Progress("batch", total=n, quiet=args.quiet or args.json))

    try:
        result = run_batch(
            args.inputs,
            args.out,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            db=args.db,
            config=getattr(args, "config", None),
            pipeline=args.pipeline,
            plugins=args.plugin or (),
            partition_size=args.partition_size,
            reconcile=not args.no_reconcile,
            progress=lambda n: bar[0].update(n) if bar else None,
            on_total=on_total,
        )
    finally:
        for b in bar:
            b.__exit__(None, None, None)
    if args.json:
        from frontwatch.cli import print_json

        print_json(result.as_dict())
    elif not args.quiet:
        print(result.summary())
        if result.failed:
            print(f"quarantined documents: {Path(result.out) / 'quarantine'}", file=sys.stderr)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from frontwatch.batch.watch import parse_every, watch
    from frontwatch.cli import app_from, print_json

    every = parse_every(args.every)
    with app_from(args) as app:
        state = Path(args.state) if args.state else _default_state(str(app.settings["db"]))

        def report(rounds: list[Any]) -> None:
            if args.json:
                print_json([r.__dict__ for r in rounds])
                return
            for r in rounds:
                if r.status == "error":
                    print(f"frontwatch: {r.error}", file=sys.stderr)
                elif not args.quiet and r.status != "waiting":
                    print(f"{r.url}: {r.new} new" if r.status == "new" else f"{r.url}: unchanged")
            sys.stdout.flush()

        watch(app, args.feeds, every=every, rounds=args.rounds, state_file=state, on_round=report,
              retries=args.retries, timeout=args.timeout)
    return 0


def _default_state(db: str) -> Path:
    if db.startswith(("postgresql://", "postgres://")) or db == ":memory:":
        return Path(".frontwatch-watch.json")
    return Path(db).with_name(Path(db).name + ".watch.json")


def cmd_generate(args: argparse.Namespace) -> int:
    from frontwatch.batch.partitions import write_jsonl_shards, write_parquet_shards
    from frontwatch.synth import generate_reports

    if args.n < 1:
        raise InputError("--n must be at least 1", where="--n")
    out = Path(args.out)
    reports = generate_reports(args.n, args.seed)
    if args.format == "parquet":
        written = write_parquet_shards(reports, out, args.per_shard)
    else:
        written = write_jsonl_shards(reports, out, args.per_shard)
    if args.json:
        from frontwatch.cli import print_json

        print_json({"reports": args.n, "shards": [str(p) for p in written]})
    elif not args.quiet:
        print(f"wrote {args.n} reports in {len(written)} {args.format} shards to {out}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from frontwatch.batch.output import compare_runs

    for folder in (args.a, args.b):
        if not (Path(folder) / "parts").is_dir():
            raise InputError("not a batch output folder (no parts/)", where=folder, hint="give two --out folders of `frontwatch batch`")
    result = compare_runs(Path(args.a), Path(args.b))
    if args.json:
        from frontwatch.cli import print_json

        print_json(result.as_dict())
    else:
        if result.same:
            print(f"same: {result.a} records in each run")
        else:
            c = result.as_dict()["counts"]
            print(
                f"DIFFERENT: {result.a} vs {result.b} records; only in A {c['only_a']}, only in B {c['only_b']}, "
                f"different {c['different']}, duplicated in A {c['duplicates_a']}, in B {c['duplicates_b']}"
            )
            for name in ("only_a", "only_b", "different", "duplicates_a", "duplicates_b"):
                for rid in getattr(result, name)[:5]:
                    print(f"  {name}: {rid}")
    return 0 if result.same else 1


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from frontwatch.cli import add_db

    p = sub.add_parser(
        "batch",
        parents=[common],
        help="analyse a large corpus in partitions, on every core or a Dask cluster",
        description="Map the pipeline over JSON Lines / Parquet shards or folders of files; writes Parquet "
        "partitions to --out (and the store with --db). Re-running skips finished partitions; bad documents "
        "go to OUT/quarantine.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines or Parquet shards, or folders")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or Dask (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: start a LocalCluster)")
    p.add_argument("--workers", type=int, help="worker processes (default: every core; 0 runs in this process)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (Parquet partitions, manifest, quarantine)")
    p.add_argument("--pipeline", help="pipeline TOML file (default: the settings' pipeline)")
    p.add_argument("--plugin", action="append", metavar="MODULE", help="module with custom stages, imported on every worker")
    p.add_argument("--partition-size", type=int, default=500, metavar="N", help="documents per partition (default 500)")
    p.add_argument("--no-reconcile", action="store_true", help="skip reconciliation at the end")
    add_db(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("watch", parents=[common], help="poll RSS/Atom feeds and store new reports")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs")
    p.add_argument("--every", default="10m", help="how often to poll (e.g. 30s, 10m, 1h; default 10m)")
    p.add_argument("--rounds", type=int, help="stop after this many rounds (default: run until interrupted)")
    p.add_argument("--state", help="state file (default: next to the store)")
    p.add_argument("--retries", type=int, default=3, help="retries of a failing fetch per round (default 3)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default 20)")
    add_db(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("batch-generate", parents=[common], help="write synthetic reports as shards (benchmarks)")
    p.add_argument("--n", type=int, required=True, help="number of reports")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--per-shard", type=int, default=10_000, help="reports per shard (default 10000)")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("batch-verify", parents=[common], help="check that two batch runs gave the same records")
    p.add_argument("a", metavar="A", help="first --out folder")
    p.add_argument("b", metavar="B", help="second --out folder")
    p.set_defaults(func=cmd_verify)
