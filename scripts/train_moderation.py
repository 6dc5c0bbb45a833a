"""Train the learned moderation models on the project's own labelled conflict comments.

    python scripts/train_moderation.py [--data eval/moderation/conflict_comments.jsonl] [--hold-out heldout6]

Trains one model per category in ``frontwatch.thread.learned.CATEGORIES`` on every comment whose
split is not held out, and saves them under ``src/frontwatch/data/moderation/``. Only our own
labelled set is used (no third-party data, whatever its licence).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontwatch.thread import linear
from frontwatch.thread.features import moderation_terms
from frontwatch.thread.learned import CATEGORIES

PARAMS = {"l2": 1e-3, "epochs": 150, "lr": 0.05, "min_df": 1}
CLASS_WEIGHT = {"yes": 2.0, "no": 1.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("eval/moderation/conflict_comments.jsonl"))
    ap.add_argument("--hold-out", nargs="*", default=[], help="splits to leave out of training")
    ap.add_argument("--out", type=Path, default=Path("src/frontwatch/data/moderation"))
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("split") not in set(args.hold_out)]
    x = [moderation_terms(r["text"]) for r in rows]
    args.out.mkdir(parents=True, exist_ok=True)
    for cat in CATEGORIES:
        y = ["yes" if cat in r["labels"] else "no" for r in rows]
        model = linear.train(x, y, ["yes", "no"], class_weight=CLASS_WEIGHT, **PARAMS)
        path = args.out / f"{cat}.npz"
        model.save(path)
        print(f"{cat}: {sum(v == 'yes' for v in y)} of {len(y)} positive, {len(model.vocab)} terms, "
              f"{path.stat().st_size // 1024} KiB -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
