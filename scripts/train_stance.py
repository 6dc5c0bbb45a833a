"""Train the SDQC stance model on RumourEval 2017 and save it as a small .npz.

    python scripts/train_stance.py /path/to/rumoureval2017 [--out src/frontwatch/data/stance/sdqc.npz] [--cv]

Reads ``train`` + ``train-annotations`` (fit) and ``dev`` + ``dev-annotations`` (report; the
hyper-parameters below were chosen by looking at dev). ``--cv`` also prints a leave-one-event-out
cross-validated macro-F1 on train, the honest figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from frontwatch.model import SDQC
from frontwatch.thread import linear
from frontwatch.thread.evaluate import read_rumoureval, score
from frontwatch.thread.features import terms

#: Class weights for the rare classes (chosen on dev).
CLASS_WEIGHT = {"support": 2.0, "deny": 6.0, "query": 5.0, "comment": 1.0}
PARAMS = {"l2": 3e-3, "epochs": 120, "lr": 0.05, "min_df": 2}


def fit(items, labels):  # type: ignore[no-untyped-def]
    return linear.train(items, labels, SDQC, class_weight=CLASS_WEIGHT, **PARAMS)


def predict(model, items):  # type: ignore[no-untyped-def]
    return [model.labels[int(model.scores(t).argmax())] for t in items]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="RumourEval 2017 folder holding train/ and dev/")
    ap.add_argument("--out", type=Path, default=Path("src/frontwatch/data/stance/sdqc.npz"))
    ap.add_argument("--cv", action="store_true", help="leave-one-event-out cross-validation on train")
    args = ap.parse_args(argv)
    train = read_rumoureval(args.root / "train")
    dev = read_rumoureval(args.root / "dev")
    t0 = time.time()
    x_train = [terms(i.item) for i in train]
    y_train = [i.label for i in train]
    model = fit(x_train, y_train)
    print(f"trained on {len(train)} tweets, {len(model.vocab)} terms, {time.time() - t0:.1f}s", file=sys.stderr)
    dev_scores = score([i.label for i in dev], predict(model, [terms(i.item) for i in dev]))
    print(f"dev: accuracy {dev_scores.accuracy:.4f} macro-F1 {dev_scores.macro_f1:.4f}")
    for lab, d in dev_scores.per_class.items():
        print(f"  {lab:<8} P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} n={int(d['support'])}")
    if args.cv:
        gold, pred = [], []
        for event in sorted({i.event for i in train}):
            fold_train = [(x, i.label) for x, i in zip(x_train, train) if i.event != event]
            fold_test = [(x, i.label) for x, i in zip(x_train, train) if i.event == event]
            m = fit([x for x, _ in fold_train], [y for _, y in fold_train])
            gold += [y for _, y in fold_test]
            pred += predict(m, [x for x, _ in fold_test])
        cv = score(gold, pred)
        print(f"train leave-one-event-out CV: accuracy {cv.accuracy:.4f} macro-F1 {cv.macro_f1:.4f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
