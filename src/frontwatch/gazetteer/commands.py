"""Commands: ``gazetteer build|info|search|compile-syria|collisions``, ``geoparse TEXT|FILE``,
``eval geoparse PATH``."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

from frontwatch import cli
from frontwatch.errors import InputError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("gazetteer", parents=[common], help="build, inspect and search the gazetteer")
    gsub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    b = gsub.add_parser("build", parents=[common], help="compile the gazetteer index (with your own sources)")
    b.add_argument("--geonames", action="append", default=[], metavar="FILE",
                   help="a GeoNames dump to add (allCountries.zip, a country .zip or .txt; repeatable)")
    b.add_argument("--add", action="append", default=[], metavar="FILE",
                   help="your own gazetteer, CSV (name,lat,lon,...) or GeoJSON (repeatable)")
    b.add_argument("--syria", metavar="FILE", help="compiled Syrian places file (default: the packaged one)")
    b.add_argument("--curated", metavar="FILE", help="curated places CSV (default: the packaged one)")
    b.add_argument("--out", metavar="PATH", help="where to write the index (default: the packaged location)")
    b.add_argument("--drop-user-sources", action="store_true",
                   help="leave out the user sources recorded by earlier builds (default: include them again)")
    b.set_defaults(func=cmd_build)
    i = gsub.add_parser("info", parents=[common], help="sources, counts and attribution of the index")
    i.set_defaults(func=cmd_info)
    s = gsub.add_parser("search", parents=[common], help="places called NAME, ranked")
    s.add_argument("name", metavar="NAME")
    s.add_argument("--country", metavar="CC", help="favour places in this ISO country code")
    s.add_argument("--near", metavar="LAT,LON", help="favour places near this point")
    s.add_argument("--limit", type=int, default=10)
    s.set_defaults(func=cmd_search)
    c = gsub.add_parser("compile-syria", parents=[common], help="compile the Syrian places CSV into the shipped file")
    c.add_argument("csv", metavar="CSV", help="syria_places_2017.csv (Module:Syrian Civil War detailed map)")
    c.add_argument("--out", metavar="PATH", help="output file (default: the packaged syria.tsv.gz)")
    c.set_defaults(func=cmd_compile_syria)
    k = gsub.add_parser("collisions", parents=[common], help="measure how often name keys merge different places")
    k.add_argument("--sample", type=int, default=5000, help="names to sample (default 5000)")
    k.add_argument("--seed", type=int, default=1)
    k.set_defaults(func=cmd_collisions)

    g = sub.add_parser("geoparse", parents=[common], help="places in a text or a report file")
    g.add_argument("input", metavar="TEXT|FILE", help="a report file, or the text itself")
    g.add_argument("--explain", action="store_true", help="show every candidate with its score and reasons")
    cli.add_db(g)
    g.set_defaults(func=cmd_geoparse)


def register_eval(eval_sub: Any, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser("geoparse", parents=[common], help="geoparsing on LGL, GeoVirus, GeoWebNews (XML or BRAT folder)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="lgl.xml, GWN.xml, GeoVirus.xml or a GeoWebNews folder")
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.set_defaults(func=cmd_eval_geoparse)


# -- gazetteer ------------------------------------------------------------------------------------
def cmd_build(args: argparse.Namespace) -> int:
    from frontwatch.gazetteer import build

    t0 = time.perf_counter()
    log = None if args.quiet or args.json else (lambda msg: print(f"frontwatch: {msg}", file=sys.stderr))
    path, info = build.build(args.out, args.geonames, args.add, args.syria, args.curated, log=log,
                             keep_user_sources=not args.drop_user_sources)
    info["seconds"] = round(time.perf_counter() - t0, 1)
    info["size_mb"] = round(path.stat().st_size / 1e6, 1)
    if args.json:
        cli.print_json(info)
    elif not args.quiet:
        print(f"wrote {info['places']} places, {info['keys']} name keys to {path} ({info['size_mb']} MB, {info['seconds']} s)")
        for source, n in info["counts"].items():
            print(f"  {n:>8}  {source}")
        user = [*info["user_sources"]["geonames"], *info["user_sources"]["add"]]
        if user:
            print(f"user sources, recorded in {build.manifest_path(path)} and rebuilt with it "
                  f"(--drop-user-sources to leave them out): {', '.join(user)}")
    return 0


def _gazetteer(args: argparse.Namespace) -> Any:
    from frontwatch import gazetteer

    fw = cli.app_from(args)
    path = fw.settings.get("gazetteer") or None
    return fw.resources.get("gazetteer", lambda: gazetteer.load(path))


def cmd_info(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    gaz = _gazetteer(args)
    info = gaz.info()
    info["load_s"] = round(time.perf_counter() - t0, 2)
    if args.json:
        cli.print_json(info)
        return 0
    print(f"gazetteer {info['path']} (built {info['built']}, loaded in {info['load_s']} s)")
    print(f"{info['places']} places, {info['name_keys']} name keys")
    print("sources:")
    for source, n in info["sources"].items():
        print(f"  {n:>8}  {source}")
    print("features:", ", ".join(f"{f} {n}" for f, n in list(info["features"].items())[:14]))
    print("attribution:")
    for line in info["attribution"]:
        print(f"  - {line}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    near = None
    if args.near:
        try:
            lat, lon = (float(x) for x in args.near.split(","))
        except ValueError:
            raise InputError(f"--near wants LAT,LON, not {args.near!r}", hint="e.g. --near 36.2,37.16") from None
        near = (lat, lon)
    gaz = _gazetteer(args)
    found = gaz.find(args.name, country=args.country.upper() if args.country else None, near=near, limit=args.limit)
    rows = [{"id": c.place.id, "name": c.place.name, "feature": c.place.feature, "country": c.place.country,
             "admin1": c.place.admin1, "lat": c.place.lat, "lon": c.place.lon, "population": c.place.population,
             "parents": list(c.place.parents), "score": c.score, "why": c.why} for c in found]
    if args.json:
        cli.print_json(rows)
    else:
        for r in rows:
            print(f"{r['score']:6.2f}  {r['id']:<24} {r['name'][:32]:<32} {r['feature']:<13} {r['country'] or '-':<3} "
                  f"{r['lat']:9.4f} {r['lon']:10.4f}  {r['why']}")
        if not rows and not args.quiet:
            print("no place found")
    return 0


def cmd_compile_syria(args: argparse.Namespace) -> int:
    from frontwatch.gazetteer import syria_module

    path, n = syria_module.compile_csv(args.csv, args.out)
    if args.json:
        cli.print_json({"path": str(path), "places": n, "bytes": path.stat().st_size})
    elif not args.quiet:
        print(f"wrote {n} places to {path} ({path.stat().st_size} bytes); rebuild with `frontwatch gazetteer build`")
    return 0


def collisions(gaz: Any, sample: int = 5000, seed: int = 1, far_km: float = 50.0) -> dict[str, Any]:
    """False-match rates: how often a name's key (or skeleton, or fuzzy neighbour) reaches a
    different place with a differently written name more than ``far_km`` away."""
    from frontwatch.gazetteer.index import distance_km
    from frontwatch.gazetteer.names import name_key, split_tokens

    rng = random.Random(seed)
    n = len(gaz)
    picks = [rng.randrange(n) for _ in range(sample)]
    key_hits = skel_hits = fuzzy_hits = fuzzy_tried = 0
    examples: list[str] = []
    t = gaz._t
    for i in picks:
        name = t["names"][i]
        key = name_key(name)
        folded = " ".join(split_tokens(name))
        lat, lon = gaz.point(i)

        def wrong(j: int) -> bool:
            """A different place, more than far_km away, none of whose names is written like this one."""
            if j == i or distance_km(lat, lon, *gaz.point(j)) <= far_km:
                return False
            names = [t["names"][j], *(t["alts"][j].split("\x1f") if t["alts"][j] else ())]
            return all(" ".join(split_tokens(nm)) != folded for nm in names)

        if any(wrong(j) for j in gaz.key_numbers(key)):
            key_hits += 1
            if len(examples) < 8:
                j = next(j for j in gaz.key_numbers(key) if wrong(j))
                examples.append(f"{name} ~ {t['names'][j]} ({t['country'][i]}/{t['country'][j]})")
        if any(wrong(j) for j in gaz.skeleton_numbers(key)):
            skel_hits += 1
        if len(key) >= 5 and fuzzy_tried < 300:
            fuzzy_tried += 1
            typo = key[: len(key) // 2] + key[len(key) // 2 + 1 :]  # drop one letter: a typo
            got = gaz.fuzzy_keys(typo, t["country"][i])
            if got and not any(i in gaz.key_numbers(k) for k, _ in got[:1]):
                fuzzy_hits += 1
    return {
        "sampled_names": sample,
        "key_false_match_rate": round(key_hits / sample, 4),
        "skeleton_false_match_rate": round(skel_hits / sample, 4),
        "fuzzy_typo_wrong_rate": round(fuzzy_hits / fuzzy_tried, 4) if fuzzy_tried else 0.0,
        "fuzzy_typos_tried": fuzzy_tried,
        "examples": examples,
        "definition": (f"share of sampled gazetteer names whose key also reaches a place over {far_km:.0f} km away "
                       "none of whose names is written that way (merges made by the normalisation, not homonyms)"),
    }


def cmd_collisions(args: argparse.Namespace) -> int:
    out = collisions(_gazetteer(args), args.sample, args.seed)
    if args.json:
        cli.print_json(out)
    else:
        print(f"sampled {out['sampled_names']} names ({out['definition']}):")
        print(f"  name key:  {100 * out['key_false_match_rate']:.2f} % reach another place")
        print(f"  skeleton:  {100 * out['skeleton_false_match_rate']:.2f} % reach another place")
        print(f"  fuzzy:     {100 * out['fuzzy_typo_wrong_rate']:.2f} % of {out['fuzzy_typos_tried']} one-letter typos find a wrong key first")
        for e in out["examples"]:
            print(f"    e.g. {e}")
    return 0


# -- geoparse -------------------------------------------------------------------------------------
def cmd_geoparse(args: argparse.Namespace) -> int:
    from frontwatch.geoparse.stage import load_geoparser
    from frontwatch.model import Report

    fw = cli.app_from(args)
    path = Path(args.input)
    try:
        is_file = "\n" not in args.input and path.is_file()
    except OSError:  # a long text is not a file name
        is_file = False
    if is_file:
        try:
            reports = list(fw.read([str(path)]))
        except Exception:  # ingestion not available: the whole file is the body
            reports = [Report(id=path.stem, body=path.read_text(encoding="utf-8"), path=str(path))]
    else:
        reports = [Report(id="text", body=args.input)]
    gp = load_geoparser(fw.resources)
    out: list[dict[str, Any]] = []
    for report in reports:
        for m in gp.mentions(report, explain=args.explain):
            p = m.place or m.parent
            row: dict[str, Any] = {
                "text": m.span.text, "field": m.span.field, "start": m.span.start, "end": m.span.end,
                "kind": m.kind, "resolved": m.place is not None, "id": p.id if p else None,
                "name": p.name if p else None, "feature": p.feature if p else None,
                "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "geo_precision": m.geo_precision, "relation": m.relation,
                "parents": list(p.parents) if p else [],
            }
            if args.explain:
                row["candidates"] = [{"id": c.place.id, "name": c.place.name, "feature": c.place.feature,
                                      "country": c.place.country, "score": c.score, "why": c.why} for c in m.candidates]
            out.append(row)
    if args.json:
        cli.print_json(out)
        return 0
    for r in out:
        where = f"{r['lat']:.4f},{r['lon']:.4f}" if r["lat"] is not None else "-"
        rel = f" [{r['relation']}]" if r["relation"] else ""
        unres = "" if r["resolved"] else " (unresolved; parent)"
        print(f"{r['field']:>8} {r['start']:>5}  {r['text'][:30]:<30} {r['kind']:<8} p{r['geo_precision']}  "
              f"{(r['name'] or '-')[:28]:<28} {r['feature'] or '-':<13} {r['country'] or '-':<3} {where}{rel}{unres}")
        for c in r.get("candidates", []):
            print(f"{'':>16}{c['score']:6.2f}  {c['id']:<22} {c['name'][:26]:<26} {c['feature']:<12} {c['country'] or '-':<3} {c['why']}")
    return 0


def cmd_eval_geoparse(args: argparse.Namespace) -> int:
    from frontwatch.geoparse import evaluate

    results = [evaluate.evaluate(p, limit=args.limit) for p in args.paths]
    if args.json:
        cli.print_json(results)
        return 0
    cols = ("articles", "gold_toponyms", "precision", "recall", "f1", "acc_161km", "mean_error_km",
            "median_error_km", "auc", "articles_per_s", "articles_per_cpu_s", "peak_memory_mb")
    for r in results:
        print(f"{Path(r['corpus']).name}:")
        for c in cols:
            print(f"  {c:<20} {r[c]}")
    return 0
