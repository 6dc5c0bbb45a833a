"""Commands: ``status``, ``timeline``, ``reconcile``, ``sources``, ``simulate``; ``eval reconcile[-scale]``."""

from __future__ import annotations

import argparse
from typing import Any

from frontwatch import cli


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("status", parents=[common], help="who holds a place, how sure, since when, and the evidence")
    p.add_argument("place", metavar="PLACE", help="place name, gazetteer id, or the text of an unresolved place")
    p.add_argument("--at", help="the day to answer for (YYYY-MM-DD; default the latest claim day)")
    cli.add_db(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("timeline", parents=[common], help="the control history of a place")
    p.add_argument("place", metavar="PLACE")
    cli.add_db(p)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("reconcile", parents=[common], help="recompute control timelines and source reliability")
    cli.add_db(p)
    p.set_defaults(func=cmd_reconcile)

    p = sub.add_parser("sources", parents=[common], help="estimated reliability of each source")
    cli.add_db(p)
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("simulate", parents=[common], help="write a simulated scenario (reports + ground truth)")
    p.add_argument("--out", required=True, help="folder to write the reports and truth.json into")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=90)
    p.add_argument("--bad-share", type=float, default=0.3, help="share of partisan or fabricating outlets")
    p.set_defaults(func=cmd_simulate)


def register_eval(eval_sub: Any, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser("reconcile", parents=[common], help="control accuracy and calibration on simulated scenarios")
    p.add_argument("--seed", type=int, action="append", help="scenario seed (repeatable; default 101 102 103)")
    p.add_argument("--days", type=int, default=90)
    p.add_argument("--bad-share", type=float, default=0.3)
    p.add_argument("--claims-direct", action="store_true", help="feed the simulated claims directly (no extractor)")
    p.add_argument("--pipeline-only", action="store_true", help="only the text pipeline (no direct figures)")
    p.add_argument("--fit", action="store_true", help="print a calibration table fitted on these seeds")
    p.set_defaults(func=cmd_eval)

    p = eval_sub.add_parser("reconcile-scale", parents=[common], help="reconcile time and status latency at scale")
    p.add_argument("--claims", type=int, default=1_000_000)
    p.add_argument("--places", type=int, default=10_000)
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--keep", help="keep the DuckDB file at this path")
    p.set_defaults(func=cmd_eval_scale)


def _pct(x: Any) -> str:
    return f"{x:.2f}" if isinstance(x, float) else str(x)


def cmd_status(args: argparse.Namespace) -> int:
    with cli.app_from(args) as fw:
        st = fw.status(args.place, at=args.at)
    if args.json:
        cli.print_json(st)
        return 0
    place = st["place"]
    where = f"{place['name']} ({place['id'] or 'unresolved'})"
    if st.get("note"):
        print(f"{where} on {st['at']}: unknown — {st['note']}")
        return 0
    flag = ", contested" if st["contested"] else ""
    if st.get("side"):
        print(f"{where} on {st['at']}: {st['controller']} [{st['side']}]{flag}")
    else:
        print(f"{where} on {st['at']}: no side is said to hold it{flag}")
    if st.get("side"):
        print(f"  confidence {st['confidence']:.2f}; since {st['since']}; "
              f"{st['n_support']} source(s) support, {st['n_dispute']} dispute")
    for title, items in (("supporting", st["support"]), ("disputing", st["dispute"])):
        print(f"  {title}:" + ("" if items else " none"))
        for ev in items:
            print("    " + _evidence_line(ev))
    return 0


def _evidence_line(ev: dict[str, Any]) -> str:
    if ev["kind"] == "denial":
        return f"denial by {ev.get('author') or 'a commenter'} ({ev.get('comment_id')}): \"{ev.get('text') or ''}\""
    outlet = ev["source"] if ev.get("source") not in (None, "None") else "unknown outlet"
    author = ev.get("comment_author") or "a reader"
    who = f"comment by {author} at {outlet}" if ev["field"] not in ("title", "body") else outlet
    extra = []
    if ev.get("claimant") and ev["claimant"] != "article" and not str(ev["claimant"]).startswith("comment"):
        extra.append(f"claimant {ev['claimant']}")
    if ev.get("inherited_levels"):
        extra.append(f"about a place {ev['inherited_levels']} level(s) up")
    if ev.get("n_denials"):
        extra.append(f"denied {ev['n_denials']}x")
    tail = f"; {'; '.join(extra)}" if extra else ""
    return (f"[{ev['modality']}, {ev['as_of']}, w={ev['weight']:.2f}] \"{ev['text']}\" — {who}"
            f"{' <' + ev['url'] + '>' if ev.get('url') else ''}{tail}")


def cmd_timeline(args: argparse.Namespace) -> int:
    with cli.app_from(args) as fw:
        runs = fw.timeline(args.place)
    if args.json:
        cli.print_json(runs)
        return 0
    for r in runs:
        flag = " contested" if r["contested"] else ""
        print(f"{r['from']} .. {r['to'] or 'now':<10}  {r['side'] or '?':<14}{flag:<11} confidence {r['confidence']:.2f}"
              f"  ({r['n_support']} support, {r['n_dispute']} dispute)")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    with cli.app_from(args) as fw:
        summary = fw.reconcile()
    if args.json:
        cli.print_json(summary)
    elif not args.quiet:
        print(f"{summary['claims']} claims -> {summary['places']} places, {summary['state_rows']} states, "
              f"{summary['sources']} sources in {summary['seconds']['total']} s")
        ev = summary.get("events", {})
        if ev:
            print(f"{ev['events_in']} events -> {ev['events_out']} after merging "
                  f"({ev['merged_events']} merged from {ev['rows_merged']} reports of them)")
            for why, n in list(ev.get("reasons", {}).items())[:5]:
                print(f"  {n:>5}  {why}")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    with cli.app_from(args) as fw:
        rows = fw.source_reliability()
    if args.json:
        cli.print_json(rows)
        return 0
    print(f"{'source':<40} {'prior':>5} {'reliab':>6} {'weight':>6} {'claims':>6} {'scored':>6}")
    for r in rows:
        print(f"{r['source'][:40]:<40} {r['prior']:5.2f} {r['reliability']:6.2f} {r['weight']:6.2f} "
              f"{r['n_claims']:6d} {r['n_scored']:6d}")
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from frontwatch.reconcile.simulate import Scenario, write_scenario

    sc = Scenario.generate(seed=args.seed, days=args.days, bad_share=args.bad_share)
    summary = write_scenario(sc, args.out)
    if args.json:
        cli.print_json(summary)
    elif not args.quiet:
        print(f"wrote {summary['reports']} reports ({summary['claims']} claims) and truth.json to {args.out}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from frontwatch.reconcile.evaluate import print_report, run_eval

    seeds = args.seed or [101, 102, 103]
    result = run_eval(seeds, days=args.days, bad_share=args.bad_share, direct=not args.pipeline_only,
                      pipeline=not args.claims_direct, fit=args.fit, config=getattr(args, "config", None))
    if args.json:
        cli.print_json(result)
    else:
        print_report(result)
    return 0


def cmd_eval_scale(args: argparse.Namespace) -> int:
    from frontwatch.reconcile.evaluate import run_scale

    result = run_scale(args.claims, args.places, args.queries, keep=args.keep)
    if args.json:
        cli.print_json(result)
    else:
        for k, v in result.items():
            print(f"{k:>28}  {v}")
    return 0
