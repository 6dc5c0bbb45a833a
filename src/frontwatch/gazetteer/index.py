"""The loaded gazetteer: compact column tables, name-key lookups, ranking, hierarchy.

:class:`Gazetteer` keeps the built tables as columns (lists and arrays indexed by a place
number) and makes :class:`~frontwatch.model.Place` values only when asked. Names are found
by :func:`~frontwatch.gazetteer.names.name_key` (exact), then by consonant
:func:`~frontwatch.gazetteer.names.skeleton`, then by fuzzy matching of keys (rapidfuzz).
"""

from __future__ import annotations

import math
import pickle
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import NotFound, StoreError
from frontwatch.gazetteer.names import name_key, skeleton_of_key
from frontwatch.model import Candidate, Place

#: Prior weight of a feature type (how likely a bare name means this kind of place).
FEATURE_PRIOR: dict[str, float] = {
    "country": 1.0, "admin1": 0.6, "city": 0.5, "region": 0.7, "admin2": 0.3, "town": 0.25,
    "district": 0.35, "neighbourhood": 0.3, "landmark": 0.3, "village": 0.1, "admin": 0.1,
    "military_base": 0.15, "station": 0.2, "hill": 0.0, "industrial": 0.05,
}
#: log10(population) is divided by this in a place's prior (a million people: +0.86).
POP_SCALE = 7.0
#: Extra prior of big cities over their small namesakes: (population floor, bonus), biggest first.
BIG_CITY_PRIOR: tuple[tuple[int, float], ...] = ()
#: A national capital's extra prior.
CAPITAL_PRIOR = 0.5
#: Sources we trust for their names in context (curated beats a homonym village).
SOURCE_PRIOR: dict[str, float] = {"curated": 0.35, "syria-module": 0.1}


def _idx(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Places by id, by name key and by area; see docs/gazetteer.md for the public API."""

    def __init__(self, tables: dict[str, Any], path: str | None = None) -> None:
        self.path = path
        self._t = tables
        self._ids: list[str] = tables["ids"]
        self._index_map: dict[str, int] | None = None
        self._keys: dict[str, int | tuple[int, ...]] = tables["keys"]
        self._skel: dict[str, int | tuple[int, ...]] = tables["skel"]
        self._cache: dict[int, Place] = {}
        self._children: dict[int, list[int]] | None = None
        self._fuzzy_pool: dict[tuple[str, int], list[str]] | None = None
        self._capitals: frozenset[int] = frozenset(tables.get("capitals", ()))
        self._lock = threading.Lock()
        #: Keys of the first word of every name (the recogniser starts n-grams only there).
        self.first_tokens: frozenset[str] = tables["first_tokens"]
        self.max_tokens: int = tables["max_tokens"]
        #: Keys of word sequences that begin a longer name ("bab" of "bab nayrab").
        self.prefixes: frozenset[str] = tables["prefixes"]
        #: First-word keys of well-known places (lowercase text may start a match only there).
        self.notable_first: frozenset[str] = tables["notable_first"]

    # -- places by number ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._ids)

    def place(self, i: int) -> Place:
        """The place with internal number ``i``."""
        got = self._cache.get(i)
        if got is not None:
            return got
        t = self._t
        alts = t["alts"][i]
        place = Place(
            id=self._ids[i], name=t["names"][i], lat=t["lat"][i], lon=t["lon"][i], feature=t["feature"][i],
            country=t["country"][i], admin1=t["admin1"][i], alt_names=tuple(alts.split("\x1f")) if alts else (),
            parents=tuple(self._ids[j] for j in t["parents"][i]), geonameid=t["geonameid"][i] or None,
            population=t["population"][i], source=t["source"][i], approximate=bool(t["approx"][i]),
        )
        self._cache[i] = place
        return place

    def number(self, place_id: str) -> int:
        if self._index_map is None:
            with self._lock:
                if self._index_map is None:
                    self._index_map = {pid: i for i, pid in enumerate(self._ids)}
        try:
            return self._index_map[place_id]
        except KeyError:
            raise NotFound(f"no place {place_id!r} in the gazetteer", hint="ids look like gn:170063, sy:..., cu:...") from None

    def parents_of(self, i: int) -> tuple[int, ...]:
        return self._t["parents"][i]

    def feature_of(self, i: int) -> str:
        return self._t["feature"][i]

    def country_of(self, i: int) -> str | None:
        return self._t["country"][i]

    def source_of(self, i: int) -> str:
        return self._t["source"][i]

    def population_of(self, i: int) -> int:
        return self._t["population"][i]

    def point(self, i: int) -> tuple[float, float]:
        return self._t["lat"][i], self._t["lon"][i]

    def importance(self, i: int) -> float:
        """Prior of place ``i`` from its feature, population and source (about 0..2)."""
        pop = self._t["population"][i]
        feature = self._t["feature"][i]
        prior = FEATURE_PRIOR.get(feature, 0.05) + SOURCE_PRIOR.get(self._t["source"][i], 0.0)
        if i in self._capitals:
            prior += CAPITAL_PRIOR
        if pop:
            # admin divisions carry the summed population of their towns: discount it
            prior += math.log10(pop + 1) / POP_SCALE * (0.7 if feature.startswith("admin") else 1.0)
            if feature in ("city", "town"):
                for floor, bonus in BIG_CITY_PRIOR:
                    if pop >= floor:
                        prior += bonus  # a big city is what a bare name usually means
                        break
        return prior

    # -- lookups ---------------------------------------------------------------------------------
    def key_numbers(self, key: str) -> tuple[int, ...]:
        """Place numbers whose name key is exactly ``key``."""
        return _idx(self._keys.get(key))

    def skeleton_numbers(self, key: str) -> tuple[int, ...]:
        sk = skeleton_of_key(key)
        return _idx(self._skel.get(sk)) if len(sk) >= 4 else ()

    def get(self, place_id: str) -> Place:
        """The place with gazetteer id ``place_id`` (``NotFound`` if none)."""
        return self.place(self.number(place_id))

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` in any spelling (name key, else consonant skeleton), most important first."""
        key = name_key(name)
        nums = self.key_numbers(key) or self.skeleton_numbers(key)
        return [self.place(i) for i in sorted(nums, key=self.importance, reverse=True)]

    def fuzzy_keys(self, key: str, country: str | None = None, limit: int = 5, cutoff: float = 88.0) -> list[tuple[str, float]]:
        """Keys within a few edits of ``key`` (typos), among places of ``country`` (or, without
        one, well-known places): rapidfuzz over the keys of similar length only."""
        from rapidfuzz import fuzz, process

        pools = self._pools()
        tag = country or "*"
        n = len(key)
        pool: list[str] = []
        for length in range(n - 1, n + 2):
            pool.extend(pools.get((tag, length), ()))
        if not pool:
            return []
        hits = process.extract(key, pool, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        return [(h[0], float(h[1])) for h in hits if h[0] != key]

    def _pools(self) -> dict[tuple[str, int], list[str]]:
        """(country or "*", key length) -> keys; built once, in one pass over the keys."""
        with self._lock:
            if self._fuzzy_pool is None:
                t = self._t
                countries, feature, population = t["country"], t["feature"], t["population"]
                pools: dict[tuple[str, int], list[str]] = {}
                for key, val in self._keys.items():
                    n = len(key)
                    if n < 5:
                        continue
                    seen: set[str] = set()
                    for i in _idx(val):
                        cc = countries[i]
                        if cc and cc not in seen and feature[i] != "hill":
                            seen.add(cc)
                            pools.setdefault((cc, n), []).append(key)
                        if "*" not in seen and (population[i] >= 50_000 or feature[i] in ("country", "admin1")):
                            seen.add("*")
                            pools.setdefault(("*", n), []).append(key)
                self._fuzzy_pool = pools
            return self._fuzzy_pool

    def find(self, name: str, country: str | None = None, near: tuple[float, float] | None = None,
             limit: int = 10) -> list[Candidate]:
        """Ranked candidates for ``name``: exact key, skeleton, then fuzzy; favouring ``country`` and ``near``."""
        key = name_key(name)
        scored: dict[int, tuple[float, str]] = {}
        for i in self.key_numbers(key):
            scored[i] = (1.0, "name")
        for i in self.skeleton_numbers(key):
            scored.setdefault(i, (0.7, "skeleton"))
        if not scored and len(key) >= 5:
            for fk, ratio in self.fuzzy_keys(key, country) or self.fuzzy_keys(key, None):
                for i in self.key_numbers(fk):
                    scored.setdefault(i, (ratio / 100.0 - 0.35, f"fuzzy {ratio:.0f}"))
        out: list[Candidate] = []
        for i, (match, how) in scored.items():
            score = match + self.importance(i)
            why = [how, f"prior {self.importance(i):.2f}"]
            if country and self._t["country"][i] == country:
                score += 0.6
                why.append(f"in {country}")
            if near is not None:
                d = distance_km(near[0], near[1], *self.point(i))
                bonus = 0.6 if d < 50 else 0.3 if d < 300 else 0.0
                if bonus:
                    score += bonus
                    why.append(f"{d:.0f} km away")
            out.append(Candidate(self.place(i), round(score, 3), ", ".join(why)))
        out.sort(key=lambda c: c.score, reverse=True)
        return out[:limit]

    # -- hierarchy and area ----------------------------------------------------------------------
    def children(self, place_id: str) -> list[Place]:
        """Places whose parent chain includes ``place_id`` (neighbourhoods of a city, towns of a region)."""
        target = self.number(place_id)
        with self._lock:
            if self._children is None:
                kids: dict[int, list[int]] = {}
                for i, parents in enumerate(self._t["parents"]):
                    for p in parents:
                        kids.setdefault(p, []).append(i)
                self._children = kids
        return [self.place(i) for i in self._children.get(target, ())]

    def is_within(self, i: int, ancestor: int) -> bool:
        return ancestor in self._t["parents"][i]

    def places(self, bbox: tuple[float, float, float, float] | None = None,
               features: set[str] | frozenset[str] | list[str] | None = None) -> Iterator[Place]:
        """Every place, optionally inside ``bbox`` (min_lon, min_lat, max_lon, max_lat) and of ``features``."""
        t = self._t
        feats = set(features) if features else None
        lat, lon, feature = t["lat"], t["lon"], t["feature"]
        for i in range(len(self._ids)):
            if feats is not None and feature[i] not in feats:
                continue
            if bbox is not None and not (bbox[0] <= lon[i] <= bbox[2] and bbox[1] <= lat[i] <= bbox[3]):
                continue
            yield self.place(i)

    def info(self) -> dict[str, Any]:
        """Sources, counts and attribution lines of this index."""
        features: dict[str, int] = {}
        for f in self._t["feature"]:
            features[f] = features.get(f, 0) + 1
        return {
            "path": self.path, "built": self._t.get("built"), "places": len(self._ids), "name_keys": len(self._keys),
            "sources": dict(self._t["counts"]), "features": dict(sorted(features.items(), key=lambda kv: -kv[1])),
            "attribution": list(self._t["attribution"]),
        }


def _read(file: Path) -> dict[str, Any] | None:
    import gc

    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: collection passes during unpickling only cost time
    try:
        with open(file, "rb") as fh:
            tables = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise StoreError(f"cannot read the gazetteer index: {exc}", where=str(file),
                         hint="rebuild it: frontwatch gazetteer build") from None
    finally:
        if enabled:
            gc.enable()
    return tables if isinstance(tables, dict) else None


def _build_once(file: Path) -> dict[str, Any]:
    """Build the default index, one process at a time (others wait, then read it)."""
    import fcntl

    from frontwatch.gazetteer import build

    file.parent.mkdir(parents=True, exist_ok=True)
    with open(file.with_name(file.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            try:
                tables = _read(file) if file.exists() else None
            except StoreError:
                tables = None
            if tables is None or tables.get("version") != build.FORMAT_VERSION:
                print(f"frontwatch: building the gazetteer index (once) into {file} ...", file=sys.stderr)
                build.build(file)
                tables = _read(file)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if tables is None:
        raise StoreError("the gazetteer index could not be built", where=str(file))
    return tables


_LOADED: dict[str, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def load(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the built index, built now if missing), once per process."""
    from frontwatch.gazetteer import build

    file = Path(path) if path else build.default_path()
    tag = str(file)
    with _LOAD_LOCK:
        if tag in _LOADED:
            return _LOADED[tag]
        if not file.exists() and path:
            raise NotFound("gazetteer file not found", where=tag, hint="run `frontwatch gazetteer build --out PATH`")
        try:
            tables = _read(file) if file.exists() else None
        except StoreError:
            if path:
                raise
            tables = None  # a damaged default index is rebuilt
        if tables is None or tables.get("version") != build.FORMAT_VERSION:
            if path:
                raise StoreError("gazetteer index of another format version", where=tag,
                                 hint="rebuild it: frontwatch gazetteer build")
            tables = _build_once(file)
        gaz = Gazetteer(tables, tag)
        _LOADED[tag] = gaz
        return gaz
