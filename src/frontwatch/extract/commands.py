"""Commands: ``actors search NAME``; ``eval events --gold FILE [--plover PATH]``."""

from __future__ import annotations

import argparse
from typing import Any

from frontwatch import cli


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("actors", parents=[common], help="look up the actor dictionary")
    actors_sub = p.add_subparsers(dest="actors_command", required=True, metavar="ACTION")
    s = actors_sub.add_parser("search", parents=[common], help="actors whose id, name or alias contains NAME")
    s.add_argument("name", metavar="NAME")
    s.set_defaults(func=cmd_actors_search)


def register_eval(eval_sub: Any, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser("events", parents=[common], help="events and control claims against a gold JSONL file")
    p.add_argument("--gold", action="append", required=True, metavar="FILE", help="gold file (repeatable; see docs/extract.md)")
    p.add_argument("--plover", metavar="PATH", help="also score PLOVER event types on the PLOVER gold-standard records")
    p.add_argument("--errors", action="store_true", help="print every record the system got wrong")
    p.set_defaults(func=cmd_eval_events)


def cmd_actors_search(args: argparse.Namespace) -> int:
    from frontwatch.extract.stage import dictionary_for

    fw = cli.app_from(args)
    found = dictionary_for(fw.resources).search(args.name)
    rows = [{"id": a.id, "name": a.name, "inter": a.inter, "side": a.side, "country": a.country,
             "valid_from": a.valid_from, "valid_to": a.valid_to, "aliases": list(a.aliases)} for a in found]
    if args.json:
        cli.print_json(rows)
    else:
        for r in rows:
            print(f"{r['id']:<28} {r['name']:<44} inter {r['inter']}  side {r['side'] or '-':<12} {r['country'] or '-'}")
        if not rows and not args.quiet:
            print("no actor found")
    return 0


def cmd_eval_events(args: argparse.Namespace) -> int:
    from frontwatch.extract import evaluate

    fw = cli.app_from(args)
    analyse = evaluate.analyser(fw)
    results: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for path in args.gold:
        scores = evaluate.score(evaluate.load_gold(path), analyse, keep_errors=args.errors)
        results[path] = scores.to_json()
        errors.extend(scores.errors)
    if args.plover:
        results["plover"] = evaluate.score_plover(args.plover, analyse)
    if args.json:
        cli.print_json({"results": results, "errors": errors} if args.errors else results)
        return 0
    for path, r in results.items():
        if path == "plover":
            print(f"PLOVER gold records: {r['records']}  event-type accuracy {r['accuracy']:.3f}  weighted F1 {r['weighted_f1']:.3f}")
            continue
        print(f"{path}: {r['records']} records")
        print(f"  {'metric':<12} {'P':>6} {'R':>6} {'F1':>6}  (tp/pred/gold)")
        rows = [r["claims"], r["sub_type_micro"], *r["slots"].values()]
        for row in rows:
            print(f"  {row['metric']:<12} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}  ({row['tp']}/{row['predicted']}/{row['gold']})")
        print(f"  sub-type weighted F1 {r['sub_type_weighted_f1']:.3f}")
        print(f"  claims from questioned/denied/hypothetical statements: {r['claims_from_nonfactual']}")
        if r["claim_modality_accuracy"] is not None:
            print(f"  modality right on matched claims: {r['claim_modality_accuracy']:.3f}")
    for e in errors:
        print(f"  ! {e['id']} {e['kind']}: {e['text']}\n      gold {e['gold']}\n      got  {e['pred']}")
    return 0
