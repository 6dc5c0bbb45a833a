"""Benchmark the pipeline up to the extract stage on synthetic 600-word conflict reports.

    python benchmarks/bench_extract.py --articles 300 [--stages geoparse,extract] [--words 600]
    python benchmarks/bench_extract.py --csv ../shared/data/ontology/ngec/examples/Guardian_SDF_sample.csv

With ``--csv`` (a CSV file with ``text`` and ``date`` columns, e.g. the 249 Guardian articles on
Syria shipped with NGEC), real articles are timed instead of the synthetic ones; nothing of
them is stored.

Writes nothing. Builds ``--articles`` reports from our own sentence templates (several
conflicts, places from the packaged gazetteer where the geoparser can find them, hypothetical
and hearsay sentences among them), warms the pipeline on one report (loading the gazetteer
and the actor dictionary once, as a long-running process would), then times the stages on one
core and prints articles/s, words/s, events and claims per article, and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import sys
import time

from frontwatch.model import Comment, Report
from frontwatch.pipeline import Pipeline, Resources

PLACES = {
    "SY": ["Aleppo", "Homs", "Hama", "Idlib", "Palmyra", "Deir ez-Zor", "Raqqa", "Manbij", "Douma", "Daraa", "al-Bab", "Tadef"],
    "UA": ["Bakhmut", "Avdiivka", "Kherson", "Izium", "Lyman", "Mariupol", "Zaporizhzhia", "Kharkiv"],
    "YE": ["Marib", "Taiz", "Hodeidah", "Aden", "Sanaa", "Saada"],
    "SD": ["Khartoum", "Omdurman", "El Fasher", "Nyala", "Wad Madani"],
}
ACTORS = {
    "SY": ("the Syrian army", "Hayat Tahrir al-Sham", "ISIS", "the SDF", "pro-government forces", "militants"),
    "UA": ("Ukrainian forces", "Russian troops", "Wagner fighters", "Russian forces", "Ukrainian troops", "the occupiers"),
    "YE": ("government forces", "the Houthis", "the Saudi-led coalition", "Houthi fighters", "the STC", "Ansar Allah"),
    "SD": ("the Sudanese army", "the RSF", "Rapid Support Forces", "SAF troops", "RSF fighters", "the army"),
}
TEMPLATES = (
    "{a} captured the town of {p} from {b} on {day}.",
    "Last night, {a} pushed {b} out of the area near {p}.",
    "{p} fell to {a} after days of heavy fighting, local officials said.",
    "Airstrikes by {a} hit {p}, killing at least {n} civilians.",
    "{a} shelled residential areas of {p} this morning.",
    "Clashes erupted between {a} and {b} in {p}.",
    "Other sources report that {b} withdrew from {q}.",
    "Has {q} really fallen to {a}?",
    "{a} should go east from {p} and take {q} before winter.",
    "{b} have not lost {q}, a spokesman said.",
    "The so-called experts say {a} will never take {q}.",
    "{a} besieged {b} in the old city of {p} for weeks.",
    "Residents of {p} described long queues for bread and fuel as prices rose again in the markets.",
    "Aid agencies said that thousands of families had fled {q} towards the countryside.",
    "{a} and {b} signed a local truce in {p} under international mediation.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def make_report(i: int, words: int, rng: random.Random) -> Report:
    cc = rng.choice(list(PLACES))
    places, actors = PLACES[cc], ACTORS[cc]
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        a, b = rng.sample(actors, 2)
        p, q = rng.sample(places, 2)
        text = rng.choice(TEMPLATES).format(a=a, b=b, p=p, q=q, n=rng.randint(2, 40), day=rng.choice(DAYS))
        sentences.append(text[0].upper() + text[1:])
    body = " ".join(sentences[:-3])
    comments = tuple(Comment(f"c{j}", s) for j, s in enumerate(sentences[-3:]))
    return Report(id=f"bench-{i}", title=f"{actors[0].title()} advance near {places[0]}", body=body,
                  comments=comments, published=dt.date(2023, 5, 20), source="bench")


def read_csv(path: str) -> list[Report]:
    csv.field_size_limit(10_000_000)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for i, row in enumerate(rows):
        try:
            published = dt.date.fromisoformat((row.get("date") or "")[:10])
        except ValueError:
            published = None
        out.append(Report(id=f"csv-{i}", body=row.get("text") or "", published=published, source=row.get("source")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--stages", default="geoparse,extract", help="comma-separated stages (default geoparse,extract)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--csv", help="time real articles from this CSV file (columns text, date) instead")
    ap.add_argument("--sample", type=int, default=0, help="also print this many random claims with their evidence (for a spot check)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    if args.csv:
        reports = read_csv(args.csv)[: args.articles]
    else:
        reports = [make_report(i, args.words, rng) for i in range(args.articles)]
    words = sum(len(r.body.split()) + sum(len(c.text.split()) for c in r.comments) for r in reports)
    pipeline = Pipeline(args.stages.split(","), Resources())
    pipeline(make_report(-1, args.words, rng))  # warm-up: gazetteer, actor dictionary, regexes
    t0 = time.process_time()
    w0 = time.perf_counter()
    events = claims = 0
    found: list[str] = []
    per_stage = dict.fromkeys(pipeline.names, 0.0)
    for r in reports:
        out = r
        for st in pipeline.stages:
            s0 = time.process_time()
            out = st(out, pipeline.resources)
            per_stage[st.name] += time.process_time() - s0
        events += len(out.events)
        claims += len(out.control_claims)
        if args.sample:
            found.extend(f"{c.place.name} | {c.controller} | {c.change} | {c.modality} | as_of {c.as_of} ({c.as_of_text or '-'}) | {r.published} | {c.evidence.text[:260]}" for c in out.control_claims)
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stages: {','.join(pipeline.names)}  articles: {len(reports)}  words/article: {words / len(reports):.0f}")
    print(f"articles/s (CPU time, one core): {len(reports) / cpu:.1f}   (wall: {len(reports) / wall:.1f})")
    print(f"words/s: {words / cpu:,.0f}   per stage: " + ", ".join(f"{k} {len(reports) / v:.0f} articles/s" for k, v in per_stage.items() if v))
    print(f"events/article: {events / len(reports):.1f}  claims/article: {claims / len(reports):.1f}")
    print(f"peak memory (max RSS): {rss_mb:.0f} MB")
    for line in random.Random(args.seed).sample(found, min(args.sample, len(found))):
        print("  claim:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
