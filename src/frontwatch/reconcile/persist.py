"""Writing a reconciliation into the store's ``recon_*`` tables (one transaction).

On DuckDB the arrays go in as Arrow tables (``INSERT ... SELECT``), and the evidence text of
each vote is joined in from the ``claims`` table by SQL, so a million votes take seconds;
elsewhere rows go through ``executemany``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from frontwatch.reconcile import lookup
from frontwatch.reconcile.engine import Reconciled
from frontwatch.reconcile.keys import norm_text
from frontwatch.reconcile.table import day_date

TABLES = ("recon_places", "recon_states", "recon_votes", "recon_denials", "recon_sources", "recon_meta", "recon_lookup")
#: Tables written from plain columns (recon_votes is written apart: its evidence is joined in).
_PLAIN = ("recon_places", "recon_states", "recon_denials", "recon_sources", "recon_meta", "recon_lookup")


def _dates(days: np.ndarray) -> list[dt.date]:
    return [day_date(int(d)) for d in days]


def _side_names(result: Reconciled, codes: np.ndarray) -> np.ndarray:
    names = np.array(list(result.table.sides) + [None], dtype=object)
    return names[np.where(codes < 0, len(result.table.sides), codes)]


def _columns(result: Reconciled, n_claims: int, place_feature: Callable[[str], str | None] | None) -> dict[str, Any]:
    """Every table's columns as lists/arrays (dates still day numbers)."""
    t, s = result.table, result.states
    keys = np.array(t.place_keys, dtype=object)
    direct_counts = np.bincount(t.place[t.depth == 0], minlength=len(t.place_keys))
    places = {
        "place_key": list(t.place_keys),
        "place_id": [t.place_info[k]["place_id"] for k in t.place_keys],
        "name": [str(t.place_info[k]["name"]) for k in t.place_keys],
        "norm_name": [norm_text(str(t.place_info[k]["name"])) for k in t.place_keys],
        "text": [t.place_info[k]["text"] for k in t.place_keys],
        "anchor": [t.place_info[k]["anchor"] for k in t.place_keys],
        "lat": [_num(t.place_info[k]["lat"]) for k in t.place_keys],
        "lon": [_num(t.place_info[k]["lon"]) for k in t.place_keys],
        "feature": [place_feature(t.place_info[k]["place_id"]) if place_feature and t.place_info[k]["place_id"] else None
                    for k in t.place_keys],
        "geo_precision": [t.place_info[k]["geo_precision"] for k in t.place_keys],
        "parents": [json.dumps(list(t.place_info[k]["parents"])) for k in t.place_keys],
        "n_claims": direct_counts.tolist(),
    }
    states = {
        "place_key": keys[s.place], "day": s.day, "side": _side_names(result, s.controller),
        "controller": _side_names(result, s.controller),
        "top_mass": s.top, "second_mass": s.second, "contested_mass": s.contested_mass, "total_mass": s.total,
        "since": s.since, "n_support": s.n_support, "n_dispute": s.n_dispute, "contested": s.contested,
    }
    vorder = np.lexsort((t.day, t.place))  # stored by place, so a place's rows sit together
    n_den = np.array([len(t.denials.get(str(c), ())) for c in t.claim_ids]) if t.denials else np.zeros(len(t.claim_ids), int)
    sources = np.array(t.sources, dtype=object)
    votes = {
        "place_key": keys[t.place], "day": t.day, "side": _side_names(result, t.side), "mass": s.claim_mass,
        "depth": t.depth, "claim_id": np.asarray(t.claim_ids, dtype=object)[t.row], "voter": sources[t.source],
        "n_denials": n_den[t.row], "row": t.row,
    }
    votes = {k: np.asarray(v)[vorder] for k, v in votes.items()}
    votes["seq"] = np.arange(len(vorder), dtype=np.int64)  # stored order: the lookup finds evidence by it
    packed = lookup.rows(list(t.place_keys), list(t.sides), s, votes, t.place[vorder], t.side[vorder],
                         t.source[vorder], list(t.sources))
    denials: dict[str, list[Any]] = {k: [] for k in ("claim_id", "report_id", "comment_id", "author", "confidence",
                                                      "evidence_text")}
    for claim_id, stances in t.denials.items():
        for st in stances:
            denials["claim_id"].append(claim_id)
            for k in ("report_id", "comment_id", "author", "confidence", "evidence_text"):
                denials[k].append(st.get(k))
    rel = result.reliability
    srcs = {"source": [r.source for r in rel], "prior": [r.prior for r in rel], "reliability": [r.reliability for r in rel],
            "weight": [r.weight for r in rel], "n_claims": [r.n_claims for r in rel], "n_scored": [r.n_scored for r in rel]}
    last = int(t.day.max()) if len(t.day) else None
    meta = {"name": ["claims", "computed_at", "last_day"],
            "value": [str(n_claims), dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                      day_date(last).isoformat() if last is not None else ""]}
    return {"recon_places": places, "recon_states": states, "recon_votes": votes, "recon_denials": denials,
            "recon_sources": srcs, "recon_meta": meta, "recon_lookup": packed}


def _num(v: Any) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


_DATE_COLS = {"day", "since"}
_VOTE_EVIDENCE_SQL = (
    "INSERT INTO recon_votes SELECT v.place_key, v.day, v.side, v.mass, v.depth, v.claim_id, c.controller, c.change, "
    "c.modality, c.claimant, r.source, v.voter, r.url, c.field, c.comment_author, r.published, c.evidence_text, "
    "v.n_denials, v.seq FROM {src} v JOIN claims c ON c.report_id = v.report_id AND c.idx = v.idx "
    "JOIN reports r ON r.id = c.report_id ORDER BY v.seq"
)


def write(store: Any, result: Reconciled, rows: Sequence[dict[str, Any]] | None, n_claims: int,
          place_feature: Callable[[str], str | None] | None = None) -> None:
    """Replace the ``recon_*`` tables with ``result`` (atomically)."""
    data = _columns(result, n_claims, place_feature)
    con = getattr(store, "con", None)
    with store.transaction():
        for table in TABLES:
            store._execute(f"DELETE FROM {table}")
        if getattr(store, "dialect", "") == "duckdb" and con is not None:
            _write_duckdb(con, result, data)
        else:
            _write_rows(store, result, data, rows)


def _write_duckdb(con: Any, result: Reconciled, data: dict[str, Any]) -> None:
    import pyarrow as pa

    def arrow(cols: dict[str, Any]) -> pa.Table:
        arrays = {}
        for name, values in cols.items():
            if name in _DATE_COLS:
                arrays[name] = pa.array(np.asarray(values, dtype=np.int32)).cast(pa.date32())
            else:
                arrays[name] = pa.array(values.tolist() if isinstance(values, np.ndarray) and values.dtype == object
                                        else values)
        return pa.table(arrays)

    for table in _PLAIN:
        cols = data[table]
        if not len(next(iter(cols.values()))):
            continue
        tmp = arrow(cols)
        con.register("_fw_recon", tmp)
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _fw_recon")
        con.unregister("_fw_recon")
    votes = dict(data["recon_votes"])
    row = votes.pop("row")
    if not len(row):
        return
    votes["report_id"] = np.asarray(result.cols["report_id"], dtype=object)[row]
    votes["idx"] = np.asarray(result.cols["idx"]).astype(np.int64)[row]
    con.register("_fw_votes", arrow(votes))
    con.execute(_VOTE_EVIDENCE_SQL.format(src="_fw_votes"))
    con.unregister("_fw_votes")


def _write_rows(store: Any, result: Reconciled, data: dict[str, Any], rows: Sequence[dict[str, Any]] | None) -> None:
    def tuples(cols: dict[str, Any]) -> list[tuple[Any, ...]]:
        out = []
        lists = [(_dates(v) if name in _DATE_COLS else (v.tolist() if isinstance(v, np.ndarray) else list(v)))
                 for name, v in cols.items()]
        for values in zip(*lists, strict=True):
            out.append(tuple(values))
        return out

    def insert(table: str, cols: dict[str, Any]) -> None:
        marks = ", ".join("?" for _ in cols)
        rows_ = tuples(cols)
        if rows_:
            store._executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows_)

    for table in _PLAIN:
        insert(table, data[table])
    votes = dict(data["recon_votes"])
    row = votes.pop("row")
    n_den = votes.pop("n_denials")
    voter = votes.pop("voter")
    claim_rows = rows or []
    evidence: dict[str, list[Any]] = {k: [] for k in ("controller", "change", "modality", "claimant", "source",
                                                      "voter", "url", "field", "comment_author", "published",
                                                      "evidence_text")}
    for i, r in enumerate(row.tolist()):
        src = claim_rows[r] if claim_rows else {}
        for k in evidence:
            if k == "voter":
                evidence[k].append(voter[i])
            elif k == "published":
                p = src.get("published")
                evidence[k].append(dt.date.fromisoformat(p[:10]) if isinstance(p, str) else p)
            else:
                evidence[k].append(src.get(k))
    seq = votes.pop("seq")
    cols = {**votes, **evidence, "n_denials": n_den, "seq": seq}
    insert("recon_votes", cols)
