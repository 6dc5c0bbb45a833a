"""Answering questions from the reconciled tables: status, timeline, map state, sources.

Every answer reads a handful of rows by place key (indexed), so ``status`` stays fast on a
store of millions of claims. Before answering, :meth:`StatusIndex.ensure` recomputes the
reconciliation when the store holds claims it has not seen (a fresh ingest needs no extra
command).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from frontwatch.errors import AmbiguousPlace, NotFound
from frontwatch.reconcile import lookup
from frontwatch.reconcile.keys import Gazetteer, norm_text, shared_gazetteer
from frontwatch.reconcile.table import CONTESTED, day_number
from frontwatch.reconcile.lookup import PlaceLookup
from frontwatch.reconcile.timeline import TAU, confidence_at

N_EVIDENCE = 3
_RELATIVE = re.compile(
    r"\b((?:(?:north|south)(?: ?(?:east|west))?|east|west)(?:ern)?(?: side| part)? of|near|outskirts of|around)\s+(.+)$"
)
#: After this many status queries in one process, load the memory index.
AUTO_MEMORY = 20
FUZZY_MIN = 85.0
_STATE_COLS = ("day", "side", "controller", "top_mass", "second_mass", "contested_mass", "total_mass", "since",
               "n_support", "n_dispute", "contested")
_VOTE_COLS = ("day", "side", "mass", "depth", "claim_id", "controller", "change", "modality", "claimant", "source",
              "voter", "url", "field", "comment_author", "published", "evidence_text", "n_denials")
_PLACE_COLS = ("place_key", "place_id", "name", "lat", "lon", "feature", "geo_precision")


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _day(v: Any) -> int:
    return int(day_number(v))  # type: ignore[arg-type]


class StatusIndex:
    """Queries over the ``recon_*`` tables of a store."""

    def __init__(self, store: Any, priors: dict[str, float] | None = None, gazetteer: Gazetteer | None = None,
                 memory: bool | None = None, packed: bool = True) -> None:
        self.store = store
        #: read the compact per-place lookup (recon_lookup) when there is no memory index
        self._use_packed = packed
        self.priors = priors or {}
        self._gaz = gazetteer
        self._checked = False
        #: True: load the memory index at once; None: after AUTO_MEMORY queries (a server); False: never
        self._want_memory = memory
        self._queries = 0
        self._memory: MemoryIndex | None = None
        self._last_day: int | None = None
        self._places: dict[str, dict[str, Any]] = {}
        self._packed: dict[str, PlaceLookup | None] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = shared_gazetteer()
        return self._gaz

    # -- freshness ------------------------------------------------------------------------
    def ensure(self) -> None:
        """Reconcile now if the store holds claims the tables have not seen."""
        if self._checked:
            return
        n = int(self.store.read("SELECT COUNT(*) FROM claims")[0][0])
        seen = self.store.read("SELECT value FROM recon_meta WHERE name = 'claims'")
        if not seen or int(seen[0][0]) != n:
            self.reconcile()
        self._checked = True
        if self._want_memory is True and self._memory is None:
            self._memory = MemoryIndex.load(self.store)

    def reconcile(self) -> dict[str, Any]:
        from frontwatch.reconcile.engine import reconcile_store

        features = {str(pid): feat for pid, feat in self.store.read(
            "SELECT place_id, MIN(feature) FROM place_mentions WHERE place_id IS NOT NULL GROUP BY place_id")}
        summary = reconcile_store(self.store, self.priors, features.get)
        merged = self.merged_events()
        summary["events"] = {k: v for k, v in merged.items() if k != "events"}
        self._checked = True
        self._memory, self._last_day, self._places, self._packed = None, None, {}, {}
        if self._want_memory is True or (self._want_memory is None and self._queries >= AUTO_MEMORY):
            self._memory = MemoryIndex.load(self.store)
        return summary

    def last_day(self) -> int | None:
        if self._last_day is None:
            rows = self.store.read("SELECT value FROM recon_meta WHERE name = 'last_day'")
            self._last_day = _day(rows[0][0]) if rows and rows[0][0] else None
        return self._last_day

    # -- places ---------------------------------------------------------------------------
    def resolve(self, place: str) -> str:
        """The place key for a name, id or key (AmbiguousPlace / NotFound otherwise)."""
        self.ensure()
        read = self.store.read
        if self._memory is not None and place in self._memory.codes:
            return place
        if place in self._places or self._place_row(place) is not None:
            return place
        key = norm_text(place)
        rows = read("SELECT place_key, name, parents FROM recon_places WHERE norm_name = ?", (key,))
        if len(rows) == 1:
            return str(rows[0][0])
        if len(rows) > 1:
            raise self._ambiguous(place, [(r[0], r[1]) for r in rows])
        rel = _RELATIVE.search(key)
        if rel:  # "quarters east of Sheikh Maqsoud" -> the place keyed "east of <anchor>"
            wanted = f"{rel.group(1)} {rel.group(2)}"
            rows = read("SELECT place_key, norm_name FROM recon_places WHERE place_key LIKE ?",
                        (f"~{rel.group(1)} %",))
            scored = sorted(((fuzz.ratio(wanted, str(n)), str(k)) for k, n in rows), reverse=True)
            if scored and scored[0][0] >= FUZZY_MIN:
                return scored[0][1]
        gaz = self.gazetteer.lookup(place)
        gaz_ids = [str(getattr(p, "id", "")) for p in gaz]
        if gaz_ids:
            marks = ", ".join("?" for _ in gaz_ids)
            rows = read(f"SELECT place_key, name FROM recon_places WHERE place_key IN ({marks})", gaz_ids)
            if len(rows) == 1:
                return str(rows[0][0])
            if len(rows) > 1:
                raise self._ambiguous(place, [(r[0], r[1]) for r in rows])
            names = {norm_text(str(getattr(p, "name", ""))) for p in gaz}
            near = [str(n) for k, n in read("SELECT place_key, name FROM recon_places WHERE place_key LIKE '~%'")
                    if any(nm and nm in norm_text(str(n)) for nm in names)]
            hint = f"claims about places relative to it: {', '.join(repr(n) for n in near[:5])}" if near else \
                "no stored report claims who holds it"
            raise NotFound(f"no control claims about {place!r} ({', '.join(gaz_ids[:3])})", hint=hint)
        # places named relative to another ("east of X") answer only a query that names the relation
        choices = {str(k): norm_text(str(n or "")) for k, n in read("SELECT place_key, norm_name FROM recon_places")
                   if not _RELATIVE.search(norm_text(str(n or "")))}
        best = process.extract(key, choices, scorer=fuzz.WRatio, limit=3)
        good = [(k, s) for _, s, k in best if s >= FUZZY_MIN]
        if good and (len(good) == 1 or good[0][1] - good[1][1] >= 3):
            return good[0][0]
        if len(good) > 1:
            names = dict(read("SELECT place_key, name FROM recon_places"))
            raise self._ambiguous(place, [(k, names.get(k)) for k, _ in good])
        close = "; ".join(f"{choices[k]!r}" for _, sc, k in best if sc >= 50)
        hint = f"closest names with claims: {close}" if close else "check the spelling, or ingest reports about it"
        raise NotFound(f"no place called {place!r} in the gazetteer or the stored claims", hint=hint)

    def _ambiguous(self, place: str, rows: list[tuple[Any, Any]]) -> AmbiguousPlace:
        listed = ", ".join(f"{name} ({key})" for key, name in rows[:8])
        return AmbiguousPlace(f"{place!r} matches {len(rows)} places: {listed}", hint="ask again by id")

    def _place_row(self, key: str) -> dict[str, Any] | None:
        if key not in self._places and self._memory is not None and key in self._memory.codes:
            self._places.update(self._memory.places())
        if key not in self._places:
            rows = self.store.read(f"SELECT {', '.join(_PLACE_COLS)} FROM recon_places WHERE place_key = ?", (key,))
            if not rows:
                return None
            d = dict(zip(_PLACE_COLS, rows[0], strict=True))
            d["id"] = d.pop("place_id")
            self._places[key] = d
        return self._places[key]

    def place(self, key: str) -> dict[str, Any]:
        d = self._place_row(key)
        if d is None:
            raise NotFound(f"no place {key!r}")
        return dict(d)

    # -- status ---------------------------------------------------------------------------
    def status(self, place: str, at: str | dt.date | None = None) -> dict[str, Any]:
        """Controller, confidence, since when, and the strongest evidence on both sides."""
        self._queries += 1
        if self._want_memory is None and self._queries == AUTO_MEMORY and self._memory is None:
            self._memory = MemoryIndex.load(self.store)
        key = self.resolve(place)
        day = _day(at) if at else self.last_day()
        info = self.place(key)
        st = self._state(key, day)
        out: dict[str, Any] = {"place": info, "at": _iso(_date(day)) if day is not None else None}
        if st is None or day is None:
            out.update(controller=None, side=None, contested=False, confidence=0.0, since=None, support=[], dispute=[],
                       note="no claims about this place on or before this day")
            return out
        age = day - _day(st["day"])
        out.update(
            side=st["side"], contested=bool(st["contested"]),
            confidence=round(float(confidence_at(st["top_mass"], st["total_mass"], age)), 3),
            since=_iso(st["since"]), n_support=int(st["n_support"]), n_dispute=int(st["n_dispute"]),
            state_from=_iso(st["day"]),
        )
        support, dispute = self._evidence(key, day, st["side"])
        out["controller"] = support[0]["controller"] if support else st["side"]
        out["support"], out["dispute"] = support, dispute
        return out

    def _state(self, key: str, day: int | None) -> dict[str, Any] | None:
        if day is None:
            return None
        if self._memory is not None:
            return self._memory.state(key, day)
        packed = self._lookup(key)
        if packed is not None:
            st = packed.state(day)
            if st is not None:
                st["day"], st["since"] = _date(st["day"]), _date(st["since"])
            return st
        rows = self.store.read(
            f"SELECT {', '.join(_STATE_COLS)} FROM recon_states WHERE place_key = ? AND day <= ? ORDER BY day DESC LIMIT 1",
            (key, _date(day)),
        )
        return dict(zip(_STATE_COLS, rows[0], strict=True)) if rows else None

    def _lookup(self, key: str) -> PlaceLookup | None:
        """The place's packed row from ``recon_lookup`` (None on a store reconciled before it existed)."""
        if not self._use_packed:
            return None
        if key not in self._packed:
            if len(self._packed) > 4096:
                self._packed.clear()
            self._packed[key] = lookup.read(self.store, key)
        return self._packed[key]

    def _votes(self, key: str, day: int) -> list[dict[str, Any]]:
        """Each voter's latest vote about ``key`` on or before ``day``, with its faded weight."""
        packed = self._lookup(key) if self._memory is None else None
        if self._memory is not None:
            votes = self._memory.votes(key, day)
        elif packed is not None:
            votes = packed.votes_until(day)
        else:
            cols = ("day", "side", "mass", "depth", "claim_id", "voter", "n_denials")
            rows = self.store.read(
                f"SELECT {', '.join(cols)} FROM recon_votes WHERE place_key = ? AND day <= ?", (key, _date(day))
            )
            votes = [dict(zip(cols, r, strict=True)) for r in rows]
            for v in votes:
                v["day"] = _day(v["day"])
        # as in the timeline: each source's latest vote on who holds it, and on whether it is contested
        latest: dict[tuple[str, bool], int] = {}
        for v in votes:
            stream = (v["voter"], v["side"] == CONTESTED)
            latest[stream] = max(latest.get(stream, -(10**9)), v["day"])
        current = []
        for v in votes:
            if v["day"] == latest[(v["voter"], v["side"] == CONTESTED)]:
                v["weight"] = round(float(v["mass"]) * math.exp(-(day - v["day"]) / TAU), 4)
                current.append(v)
        current.sort(key=lambda v: (-v["weight"], v["claim_id"]))
        return current

    def _evidence(self, key: str, day: int, side: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        current = self._votes(key, day)
        chosen = [v for v in current if v["side"] == side][: N_EVIDENCE * 3]
        against = [v for v in current if v["side"] != side][: N_EVIDENCE * 3]
        ids = sorted({v["claim_id"] for v in chosen + against})
        text: dict[str, dict[str, Any]] = {}
        cols = ("claim_id", "controller", "change", "modality", "claimant", "source", "url", "field",
                "comment_author", "published", "evidence_text")
        seqs = [int(v["seq"]) for v in chosen + against if "seq" in v]
        rowids = [int(v["rowid"]) for v in chosen + against if "rowid" in v]
        if seqs:  # the compact lookup: the rows sit together (stored by place), read them by position
            wanted = set(ids)
            for r in self.store.read(
                f"SELECT {', '.join(cols)} FROM recon_votes WHERE seq BETWEEN ? AND ?", (min(seqs), max(seqs))
            ):
                if r[0] in wanted:
                    text.setdefault(r[0], dict(zip(cols, r, strict=True)))
        elif rowids:  # DuckDB, memory index: the rows sit together (stored by place), read them by row id
            wanted = set(ids)
            for r in self.store.read(
                f"SELECT {', '.join(cols)} FROM recon_votes WHERE rowid BETWEEN ? AND ?", (min(rowids), max(rowids))
            ):
                if r[0] in wanted:
                    text.setdefault(r[0], dict(zip(cols, r, strict=True)))
        elif ids:
            marks = ", ".join("?" for _ in ids)
            for r in self.store.read(
                f"SELECT {', '.join(cols)} FROM recon_votes WHERE place_key = ? AND claim_id IN ({marks})", (key, *ids)
            ):
                text.setdefault(r[0], dict(zip(cols, r, strict=True)))
        support = _distinct([self._claim({**v, **text.get(v["claim_id"], {})}) for v in chosen])
        dispute = _distinct([self._claim({**v, **text.get(v["claim_id"], {})}) for v in against])
        for ev in support + dispute:
            if ev["n_denials"]:
                ev["denials"] = self._denials(ev["claim_id"])
        seen: set[tuple[Any, Any]] = set()
        for ev in support:
            for d in ev.get("denials", []):
                if (d["report_id"], d["comment_id"]) not in seen:
                    seen.add((d["report_id"], d["comment_id"]))
                    dispute.append({"kind": "denial", "against": ev["claim_id"], **d})
        return support, dispute

    def _claim(self, v: dict[str, Any]) -> dict[str, Any]:
        return {
            "kind": "claim", "claim_id": v["claim_id"], "side": v["side"], "controller": v.get("controller"),
            "change": v.get("change"), "as_of": _iso(_date(v["day"])), "text": v.get("evidence_text"),
            "source": v.get("source"), "url": v.get("url"), "published": _iso(v.get("published")),
            "field": v.get("field"), "comment_author": v.get("comment_author"), "claimant": v.get("claimant"),
            "modality": v.get("modality"),
            "weight": v["weight"], "inherited_levels": int(v["depth"] or 0), "n_denials": int(v["n_denials"] or 0),
        }

    def _denials(self, claim_id: str) -> list[dict[str, Any]]:
        cols = ("report_id", "comment_id", "author", "confidence", "evidence_text")
        rows = self.store.read(f"SELECT {', '.join(cols)} FROM recon_denials WHERE claim_id = ?", (claim_id,))
        out = []
        for r in rows:
            d = dict(zip(cols, r, strict=True))
            d["text"] = d.pop("evidence_text")
            if not d["text"] and d["comment_id"]:  # the whole comment, when the stance kept no span
                found = self.store.read("SELECT text FROM comments WHERE report_id = ? AND id = ?",
                                        (d["report_id"], d["comment_id"]))
                d["text"] = found[0][0].strip() if found and found[0][0] else None
            out.append(d)
        return out

    # -- timeline, map, sources -----------------------------------------------------------
    def timeline(self, place: str) -> list[dict[str, Any]]:
        """The history of a place: one entry per run of the same controller and contested flag."""
        key = self.resolve(place)
        rows = self.store.read(
            f"SELECT {', '.join(_STATE_COLS)} FROM recon_states WHERE place_key = ? ORDER BY day", (key,)
        )
        runs: list[dict[str, Any]] = []
        for r in rows:
            st = dict(zip(_STATE_COLS, r, strict=True))
            conf = round(float(confidence_at(st["top_mass"], st["total_mass"], 0)), 3)
            if runs and runs[-1]["side"] == st["side"] and runs[-1]["contested"] == bool(st["contested"]):
                run = runs[-1]
                run.update(confidence=max(run["confidence"], conf), n_support=int(st["n_support"]),
                           n_dispute=int(st["n_dispute"]), claim_days=run["claim_days"] + 1)
                continue
            if runs:
                runs[-1]["to"] = _iso(_date(_day(st["day"]) - 1))
            runs.append({"from": _iso(st["day"]), "to": None, "side": st["side"], "contested": bool(st["contested"]),
                         "confidence": conf, "since": _iso(st["since"]), "n_support": int(st["n_support"]),
                         "n_dispute": int(st["n_dispute"]), "claim_days": 1})
        return runs

    def map_state(self, day: str | dt.date | None = None) -> list[dict[str, Any]]:
        """Every place with claims, as it stood on ``day`` (default: the latest claim day)."""
        self.ensure()
        d = _day(day) if day else self.last_day()
        if d is None:
            return []
        sql = (
            f"SELECT {', '.join('p.' + c for c in _PLACE_COLS)}, {', '.join('s.' + c for c in _STATE_COLS)} "
            "FROM recon_places p JOIN (SELECT *, ROW_NUMBER() OVER (PARTITION BY place_key ORDER BY day DESC) AS rn "
            "FROM recon_states WHERE day <= ?) s ON s.place_key = p.place_key AND s.rn = 1 ORDER BY p.place_key"
        )
        names = _PLACE_COLS + _STATE_COLS
        rows = [dict(zip(names, r, strict=True)) for r in self.store.read(sql, (_date(d),))]
        if not rows:
            return []
        ages = np.array([d - _day(r["day"]) for r in rows])
        conf = confidence_at(np.array([r["top_mass"] for r in rows]), np.array([r["total_mass"] for r in rows]), ages)
        out = []
        for r, c in zip(rows, conf, strict=True):
            out.append({
                "id": r["place_key"], "place_id": r["place_id"], "name": r["name"], "lat": r["lat"], "lon": r["lon"],
                "feature": r["feature"], "geo_precision": r["geo_precision"], "controller": r["controller"],
                "side": r["side"], "contested": bool(r["contested"]), "confidence": round(float(c), 3),
                "since": _iso(r["since"]), "n_support": int(r["n_support"]), "n_dispute": int(r["n_dispute"]),
            })
        return out

    def merged_events(self, **filters: Any) -> dict[str, Any]:
        """Events with reports of the same event merged (see :mod:`frontwatch.reconcile.merge`)."""
        from frontwatch.reconcile.merge import merge

        known: dict[str, list[str]] = {}
        for key, parents in self.store.read(
            "SELECT place_id, MIN(place_parents) FROM place_mentions WHERE place_id IS NOT NULL GROUP BY place_id"
        ):
            try:
                known[str(key)] = list(json.loads(parents or "[]"))
            except (TypeError, ValueError):
                continue

        def parents_of(pid: str) -> list[str]:
            return known.get(pid, [])

        return merge(self.store.event_rows(**filters), parents_of)

    def sources(self) -> list[dict[str, Any]]:
        self.ensure()
        cols = ("source", "prior", "reliability", "weight", "n_claims", "n_scored")
        rows = self.store.read(f"SELECT {', '.join(cols)} FROM recon_sources ORDER BY reliability DESC, source")
        return [dict(zip(cols, r, strict=True)) for r in rows]


def _distinct(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The strongest N_EVIDENCE items, one per sentence and side (a sentence may carry two claims)."""
    out, seen = [], set()
    for ev in items:
        mark = (ev["text"], ev["side"], ev["source"])
        if mark not in seen:
            seen.add(mark)
            out.append(ev)
    return out[:N_EVIDENCE]


def _date(day: int | None) -> dt.date | None:
    return None if day is None else dt.date(1970, 1, 1) + dt.timedelta(days=int(day))


class MemoryIndex:
    """The states and votes of every place as sorted arrays (for servers and benchmarks)."""

    def __init__(self, keys: list[str], states: dict[str, np.ndarray], votes: dict[str, np.ndarray],
                 store: Any = None) -> None:
        self._store = store
        self._places: dict[str, dict[str, Any]] | None = None
        self.codes = {k: i for i, k in enumerate(keys)}
        self.s = states
        self.v = votes
        self.s_start = np.searchsorted(states["code"], np.arange(len(keys) + 1))
        self.v_start = np.searchsorted(votes["code"], np.arange(len(keys) + 1))

    @classmethod
    def load(cls, store: Any) -> MemoryIndex:
        keys = [str(r[0]) for r in store.read("SELECT place_key FROM recon_places ORDER BY place_key")]
        codes = {k: i for i, k in enumerate(keys)}

        def fetch(table: str, names: tuple[str, ...]) -> dict[str, np.ndarray]:
            exprs = [f"({n} - DATE '1970-01-01') AS {n}" if n in ("day", "since") else n for n in names]
            sql = f"SELECT {', '.join(exprs)} FROM {table}"
            con = getattr(store, "con", None)
            if getattr(store, "dialect", "") == "duckdb" and con is not None:
                out = {n: np.asarray(a) for n, a in con.execute(sql).fetchnumpy().items()}
            else:
                rows = store.read(sql)
                cols = list(zip(*rows, strict=True)) if rows else [()] * len(names)
                out = {n: np.array(c, dtype=object) for n, c in zip(names, cols, strict=True)}
            key_arr = np.asarray(out["place_key"], dtype=object)
            uniq, inv = np.unique(key_arr.astype(str), return_inverse=True)
            out["code"] = np.array([codes.get(k, -1) for k in uniq], dtype=np.int64)[inv]
            for n in ("day", "since"):
                if n in out:
                    out[n] = np.asarray(out[n]).astype(np.int64)
            order = np.lexsort((out["day"], out["code"]))
            return {n: np.asarray(a)[order] for n, a in out.items()}

        states = fetch("recon_states", ("place_key",) + _STATE_COLS)
        vcols = ("place_key", "day", "side", "mass", "depth", "claim_id", "voter", "n_denials")
        if getattr(store, "dialect", "") == "duckdb":
            vcols += ("rowid",)
        votes = fetch("recon_votes", vcols)
        return cls(keys, states, votes, store)

    def places(self) -> dict[str, dict[str, Any]]:
        """Every place's row (loaded once, when first asked for)."""
        if self._places is None:
            self._places = {}
            for row in self._store.read(f"SELECT {', '.join(_PLACE_COLS)} FROM recon_places"):
                d = dict(zip(_PLACE_COLS, row, strict=True))
                d["id"] = d.pop("place_id")
                self._places[str(d["place_key"])] = d
        return self._places

    def state(self, key: str, day: int) -> dict[str, Any] | None:
        code = self.codes.get(key)
        if code is None:
            return None
        lo, hi = int(self.s_start[code]), int(self.s_start[code + 1])
        i = lo + int(np.searchsorted(self.s["day"][lo:hi], day, side="right")) - 1
        if i < lo:
            return None
        out = {n: self.s[n][i] for n in _STATE_COLS}
        out["day"], out["since"] = _date(int(out["day"])), _date(int(out["since"]))
        return out

    def votes(self, key: str, day: int) -> list[dict[str, Any]]:
        code = self.codes.get(key)
        if code is None:
            return []
        lo, hi = int(self.v_start[code]), int(self.v_start[code + 1])
        hi = lo + int(np.searchsorted(self.v["day"][lo:hi], day, side="right"))
        names = ("day", "side", "mass", "depth", "claim_id", "voter", "n_denials") + (("rowid",) if "rowid" in self.v else ())
        return [{n: (int(self.v[n][i]) if n == "day" else self.v[n][i]) for n in names} for i in range(lo, hi)]
