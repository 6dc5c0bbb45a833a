"""Thread commands: ``frontwatch comment "TEXT"``, ``frontwatch eval stance PATH``,
``frontwatch eval moderation PATH...``."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError, InputNotFound
from frontwatch.model import FLAG_CATEGORIES


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("comment", parents=[common], help="stance, sources and flags of one comment")
    p.add_argument("text", help="the comment text")
    p.add_argument("--parent", help="text of the comment it replies to")
    p.add_argument("--article", help="text (or title) of the article it is under")
    p.add_argument("--language", help="language code, when known (otherwise detected)")
    p.set_defaults(func=cmd_comment)


def register_eval(eval_sub: Any, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser("stance", parents=[common], help="SDQC accuracy and macro-F1 on RumourEval-format data")
    p.add_argument("path", help="a RumourEval split folder (e.g. rumoureval2017/dev) or our .jsonl stance set")
    p.add_argument("--annotations", help="subtaskA.json (default: SPLIT-annotations/subtaskA.json beside it)")
    p.add_argument("--no-rules", action="store_true", help="the model alone, without the conflict-thread rules")
    p.set_defaults(func=cmd_eval_stance)
    p = eval_sub.add_parser(
        "moderation", parents=[common],
        help="flag precision/recall on labelled sets (.jsonl, Engelmann, Davidson) and flag rate on news (.xml/.xlsx)",
    )
    p.add_argument("paths", nargs="+", help="files or folders")
    p.set_defaults(func=cmd_eval_moderation)


# -- comment --------------------------------------------------------------------------------------
def cmd_comment(args: argparse.Namespace) -> int:
    from frontwatch.cli import app_from, print_json
    from frontwatch.thread.comment import comment_json

    report = app_from(args).analyze_comment(args.text, parent=args.parent, article=args.article, language=args.language)
    data = comment_json(report)
    if args.json:
        print_json(data)
        return 0
    st = data["stance"]
    if st:
        print(f"stance: {st['label']} ({st['confidence']:.2f}) toward {st['target']}")
    print(f"language: {data['language'] or 'unknown'}")
    for s in data["sources"]:
        print(f"source: {s['kind']} {s['name']} [{s['start']}:{s['end']}] {s['text']!r}")
    for f in data["flags"]:
        print(f"flag: {f['category']} {f['score']:.2f} [{f['start']}:{f['end']}] {f['text']!r} - {f['rationale']}")
    if not data["flags"]:
        print("flags: none")
    return 0


# -- eval stance ----------------------------------------------------------------------------------
def cmd_eval_stance(args: argparse.Namespace) -> int:
    from frontwatch.cli import print_json
    from frontwatch.thread.evaluate import read_rumoureval, read_stance_jsonl, score
    from frontwatch.thread.stance import decide, load_model

    if str(args.path).endswith(".jsonl"):
        items = read_stance_jsonl(args.path)
    else:
        items = read_rumoureval(args.path, args.annotations)
    model = load_model()
    pred = [decide(model, i.item, use_rules=not args.no_rules).label for i in items]
    result = score([i.label for i in items], pred)
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"{result.n} items: accuracy {result.accuracy:.4f}, macro-F1 {result.macro_f1:.4f}")
    for lab, d in result.per_class.items():
        print(f"  {lab:<8} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (n={int(d['support'])})")
    return 0


# -- eval moderation ------------------------------------------------------------------------------
def _files(paths: list[str]) -> list[tuple[Path, bool]]:
    """Files to evaluate, each with whether it was named (True) or found in a folder (False)."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += [(f, False) for f in sorted(p.rglob("*")) if f.suffix.lower() in (".jsonl", ".csv", ".xml", ".xlsx")]
        elif p.is_file():
            out.append((p, True))
        else:
            raise InputNotFound("no such file or folder", where=raw)
    return out


def eval_labelled(path: Path) -> dict[str, Any]:
    """Per split and category: comment-level precision and recall on our labelled set."""
    from frontwatch.thread.evaluate import iter_jsonl, prf
    from frontwatch.thread.moderation import find_hits

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for n, row in enumerate(iter_jsonl(path), 1):
        if "text" not in row or "labels" not in row:
            raise InputError("expected {\"text\", \"labels\"}", where=f"{path}:{n}")
        split = row.get("split", "all")
        pred = {h.rule.category for h in find_hits(row["text"])}
        gold = set(row["labels"])
        for c in FLAG_CATEGORIES:
            key = "tp" if c in pred and c in gold else "fp" if c in pred else "fn" if c in gold else "tn"
            counts[split][f"{c}:{key}"] += 1
        counts[split]["n"] += 1
    out: dict[str, Any] = {}
    for split, cnt in counts.items():
        cats = {}
        for c in FLAG_CATEGORIES:
            p, r, f = prf(cnt[f"{c}:tp"], cnt[f"{c}:fp"], cnt[f"{c}:fn"])
            cats[c] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                       "positives": cnt[f"{c}:tp"] + cnt[f"{c}:fn"], "false_positives": cnt[f"{c}:fp"]}
        out[split] = {"n": cnt["n"], "categories": cats}
    return {"kind": "labelled comments", "splits": out}


def eval_file(path: Path) -> dict[str, Any]:
    from frontwatch.thread.evaluate import binary, news_sentences, read_davidson, read_engelmann
    from frontwatch.thread.moderation import find_hits

    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        result = eval_labelled(path)
    elif suffix in (".xml", ".xlsx"):
        n = flagged = 0
        cats: Counter[str] = Counter()
        for sentence in news_sentences(path):
            n += 1
            hits = find_hits(sentence)
            if hits:
                flagged += 1
                cats.update({h.rule.category for h in hits})
        result = {"kind": "news sentences", "sentences": n, "flagged": flagged,
                  "rate_percent": round(100 * flagged / max(n, 1), 3), "categories": dict(cats)}
    elif suffix == ".csv":
        head = path.open(encoding="utf-8").readline()
        if "tweet" in head and "class" in head:
            rows = [(t, c, {h.rule.category for h in find_hits(t)}) for t, c in read_davidson(path)]
            hateful = {"identity_attack", "dehumanisation", "incitement_to_violence", "threat"}
            result = {
                "kind": "Davidson hate/offensive tweets",
                "hate_vs_hateful_flag": binary((c == 0, bool(p & hateful)) for _, c, p in rows),
                "hate_or_offensive_vs_any_flag": binary((c in (0, 1), bool(p)) for _, c, p in rows),
            }
        elif head.startswith("Text"):
            result = {
                "kind": "Engelmann dehumanisation",
                "dehumanisation": binary(
                    (gold, any(h.rule.category == "dehumanisation" for h in find_hits(t))) for t, gold in read_engelmann(path)
                ),
            }
        else:
            raise InputError("unknown CSV layout", where=str(path), hint="expected Davidson or Engelmann columns")
    else:
        raise InputError("unknown file type", where=str(path), hint="give .jsonl, .csv, .xml or .xlsx")
    return {"path": str(path), **result}


def cmd_eval_moderation(args: argparse.Namespace) -> int:
    from frontwatch.cli import print_json

    results = []
    for path, named in _files(args.paths):
        try:
            results.append(eval_file(path))
        except InputError as exc:
            if named:
                raise
            results.append({"path": str(path), "kind": "skipped", "reason": exc.message})
    if args.json:
        print_json(results)
        return 0
    for r in results:
        print(f"{r['path']} ({r['kind']})")
        if r["kind"] == "labelled comments":
            for split, d in r["splits"].items():
                print(f"  split {split}: {d['n']} comments")
                for c, m in d["categories"].items():
                    print(f"    {c:<24} P {m['precision']:.3f}  R {m['recall']:.3f}  (positives {m['positives']})")
        elif r["kind"] == "skipped":
            print(f"  skipped: {r['reason']}")
        elif r["kind"] == "news sentences":
            print(f"  {r['flagged']} of {r['sentences']} sentences flagged: {r['rate_percent']:.3f}% {r['categories']}")
        else:
            for name, m in r.items():
                if isinstance(m, dict):
                    print(f"  {name}: n {m['n']} positives {m['positives']} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
    return 0
