"""The ``frontwatch`` command: argument parsing and printing over :class:`frontwatch.api.Frontwatch`.

Core commands live here; each area adds its own commands from a module listed in
:data:`COMMAND_MODULES` that defines ``register(subparsers)`` (and optionally
``register_eval(eval_subparsers)`` for ``frontwatch eval NAME``). A command function takes the
parsed arguments and returns an exit code. Any :class:`FrontwatchError` becomes one line on
stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any

from frontwatch import __version__
from frontwatch.api import Failure, Frontwatch
from frontwatch.errors import FrontwatchError

#: Modules that add commands. Each defines ``register(sub)`` and may define ``register_eval(sub)``.
COMMAND_MODULES: tuple[str, ...] = (
    "frontwatch.gazetteer.commands",
    "frontwatch.extract.commands",
    "frontwatch.thread.commands",
    "frontwatch.reconcile.commands",
    "frontwatch.web.commands",
    "frontwatch.batch.commands",
)


def app_from(args: argparse.Namespace) -> Frontwatch:
    """The application object for a parsed command line (global options applied)."""
    return Frontwatch(getattr(args, "config", None), db=getattr(args, "db", None))


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="DuckDB file or postgresql:// URL (default ./frontwatch.duckdb)")


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument("--published", help="publication date for inputs that carry none (YYYY-MM-DD)")
    p.add_argument("--source", help="source (outlet) name for inputs that carry none")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def warn_failure(f: Failure) -> None:
    print(f"frontwatch: {f.where}: {f.message}", file=sys.stderr)


# -- core commands ---------------------------------------------------------------------------
def cmd_analyze(args: argparse.Namespace) -> int:
    from frontwatch import contract, summary

    fw = app_from(args)
    failures: list[Failure] = []

    def failed(f: Failure) -> None:
        failures.append(f)
        warn_failure(f)

    reports = fw.analyze(args.paths, published=args.published, source=args.source, on_error=failed)
    if args.json:
        print_json(contract.envelope(reports))
    else:
        for report in reports:
            print(summary.render(report))
    return 1 if failures and not reports else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from frontwatch.progress import Progress

    with app_from(args) as fw, Progress("ingest", quiet=args.quiet) as bar:
        result = fw.ingest(args.paths, published=args.published, source=args.source, progress=bar.update)
    for f in result.failures:
        warn_failure(f)
    if args.json:
        print_json({**result.__dict__, "failures": [f.__dict__ for f in result.failures]})
    elif not args.quiet:
        print(result.summary())
    return 1 if result.failed and not result.stored else 0


def cmd_stats(args: argparse.Namespace) -> int:
    with app_from(args) as fw:
        stats = fw.stats()
    if args.json:
        print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key:>16}  {value}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with app_from(args) as fw:
        written = fw.export(args.format, args.out)
    if args.out and not args.quiet:
        print(f"wrote {written} records to {args.out}", file=sys.stderr)
    return 0


def cmd_stages(args: argparse.Namespace) -> int:
    from frontwatch.pipeline import BUILTIN_STAGES, get_stage, load_pipeline_names

    active = load_pipeline_names(getattr(args, "pipeline", None))
    rows = []
    for name in BUILTIN_STAGES:
        st = get_stage(name)
        rows.append({"name": name, "active": name in active, "requires": st.requires, "assigns": st.assigns, "doc": st.doc})
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            mark = "*" if r["active"] else " "
            print(f"{mark} {r['name']:<10} needs {', '.join(r['requires']) or '-'}; adds {', '.join(r['assigns'])}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontwatch",
        description="Events, places, control claims, stance and flags from conflict reporting, offline.",
    )
    parser.add_argument("--version", action="version", version=f"frontwatch {__version__}")
    parser.add_argument("--config", help="settings file (default ./frontwatch.toml if present)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON")
    common.add_argument("--quiet", "-q", action="store_true", help="print nothing but results and errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("analyze", parents=[common], help="analyse reports and print the result (no store)")
    add_input_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("ingest", parents=[common], help="analyse reports and store them")
    add_input_options(p)
    add_db(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("stats", parents=[common], help="counts of what the store holds")
    add_db(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", parents=[common], help="export the store")
    p.add_argument("--format", required=True, choices=["acled-csv", "geojson", "jsonl", "parquet"])
    p.add_argument("--out", help="output file (stdout if omitted; required for parquet)")
    add_db(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stages", parents=[common], help="list the pipeline's stages")
    p.add_argument("--pipeline", help="pipeline TOML file")
    p.set_defaults(func=cmd_stages)

    eval_parser = sub.add_parser("eval", help="evaluate a stage on a labelled corpus")
    eval_sub = eval_parser.add_subparsers(dest="eval_command", required=True, metavar="TASK")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # that area is not built yet
            raise
        module.register(sub, common)
        if hasattr(module, "register_eval"):
            module.register_eval(eval_sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FrontwatchError as exc:
        print(f"frontwatch: error: {exc.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("frontwatch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
