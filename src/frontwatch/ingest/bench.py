"""Micro-benchmark of ingestion alone: ``python -m frontwatch.ingest.bench [N] [--memory]``.

Generates N plain-text reports of the article + thread genre (each different: places, names,
layouts vary), writes them to a temporary folder and times :func:`read_paths` over it (file
reading, decoding, sniffing, splitting, ids, language detection). ``--memory`` times
:func:`read_text` on the same texts without the file system. Prints reports per second.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import resource
from pathlib import Path

PLACES = ["Aleppo", "Mosul", "Hodeidah", "Kherson", "Sirte", "El Fasher", "Gao", "Idlib", "Raqqa", "Marib", "Bakhmut", "Tripoli"]
ACTORS = ["government forces", "the army", "rebel fighters", "allied militias", "paramilitary units", "coalition troops"]
NAMES = ["Omar Saleh", "Dana K.", "Harlan Voss", "mosul_eye_2", "Reem Haddad", "Ivan Dorn", "Lena", "Bio_ Hazard", "Samir Ali"]
COMMENTS = [
    "What is the status there now?",
    "False report! Nothing has changed on the ground.",
    "Other sources report the district was handed over without a fight.",
    "I've read that the road to {p} is cut since yesterday.",
    "They should push on to {p} before the winter, the defences there are weak.",
    "Excellent news, let them surrender or die in place.",
    "Where are the pictures? Every channel says something different about {p}.",
]


def make_text(rng: random.Random, i: int) -> str:
    p1, p2 = rng.sample(PLACES, 2)
    actor = rng.choice(ACTORS)
    paras = [
        f"{actor.capitalize()} advanced into the eastern districts of {p1} on day {i}, a military source said.",
        f"After heavy shelling overnight, {rng.choice(ACTORS)} withdrew towards {p2}, according to residents who fled the area.",
        f"Aid agencies said thousands of civilians remained trapped near the front line in {p1}.",
    ]
    out = [f"{actor.title()} Advance In {p1} (Report {i})", "", "\n\n".join(paras[: rng.randint(2, 3)]), "", "Click to see the full-size map", ""]
    layout = rng.choice(["above", "blank"])
    for _ in range(rng.randint(3, 8)):
        text = rng.choice(COMMENTS).format(p=rng.choice(PLACES))
        if layout == "above":
            out += [rng.choice(NAMES), "", text, "", ""]
        else:
            out += [text, "", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from frontwatch.errors import FrontwatchError
    from frontwatch.ingest import read_paths, read_text
    from frontwatch.ingest.lang import detect

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--memory", action="store_true", help="time read_text on in-memory texts, no files")
    args = ap.parse_args(argv)
    rng = random.Random(7)
    texts = [make_text(rng, i) for i in range(args.n)]
    detect("warm up the language model once")
    if args.memory:
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for t in texts if read_text(t))
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        what = "read_text (in memory)"
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for i, text in enumerate(texts):
                Path(tmp, f"r{i:06d}.txt").write_text(text, encoding="utf-8")
            t0, c0 = time.perf_counter(), time.process_time()
            n = errors = 0
            for item in read_paths([tmp]):
                if isinstance(item, FrontwatchError):
                    errors += 1
                else:
                    n += 1
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        what = "read_paths (files)"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    comments = sum(len(read_text(t).comments) for t in texts[:200]) / min(200, len(texts))
    print(
        f"{what}: {n} reports (~{comments:.1f} comments each) in {elapsed:.2f} s wall, {cpu:.2f} s CPU = "
        f"{n / cpu:,.0f} reports per CPU-second ({n / elapsed:,.0f}/s wall); peak RSS {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
