"""Stance + moderation throughput on one core, with peak memory.

    .venv/bin/python benchmarks/bench_thread.py [--comments 20000] [--per-thread 20] [--json]

Builds threads of ``--per-thread`` comments from the project's labelled conflict comments
(eval/moderation/conflict_comments.jsonl; every comment is an English text we wrote), then times
the stance and moderate stages over them (targets, language check, model, rules, target groups).
The model is loaded before timing. Prints comments/s and the peak resident memory of the process.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from frontwatch.model import Comment, Report  # noqa: E402
from frontwatch.pipeline import Resources  # noqa: E402
from frontwatch.thread.lang import detect  # noqa: E402
from frontwatch.thread.moderation import moderate  # noqa: E402
from frontwatch.thread.stance import stance  # noqa: E402

SET = Path(__file__).parents[1] / "eval" / "moderation" / "conflict_comments.jsonl"


def threads(n: int, per_thread: int) -> list[Report]:
    texts = [json.loads(line)["text"] for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[Report] = []
    i = 0
    while i < n:
        comments = []
        for j in range(min(per_thread, n - i)):
            comments.append(Comment(f"c{j}", texts[(i + j) % len(texts)], language="en" if j % 2 else None))
        out.append(Report(f"r{i}", "The army entered the town after heavy fighting, a monitor said.",
                          title="Army enters town", comments=tuple(comments)))
        i += len(comments)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--comments", type=int, default=20000)
    ap.add_argument("--per-thread", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass
    reports = threads(args.comments, args.per_thread)
    resources = Resources()
    stance(reports[0], resources)  # load the models outside the timing
    detect("Les rebelles ont quitté la ville hier soir après les combats")
    start = time.perf_counter()
    cpu_start = time.process_time()
    n_flags = 0
    for r in reports:
        r = moderate(stance(r, resources), resources)
        n_flags += len(r.flags)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "comments": args.comments,
        "seconds": round(elapsed, 3),
        "comments_per_s": round(args.comments / elapsed, 1),
        "cpu_seconds": round(cpu, 3),
        "comments_per_cpu_s": round(args.comments / cpu, 1),
        "flags": n_flags,
        "peak_rss_mib": round(peak_mib, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.comments} comments in {elapsed:.2f}s: {result['comments_per_s']:.0f} comments/s on one core "
              f"(stance + flags; {result['comments_per_cpu_s']:.0f} per CPU-second); peak memory {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
