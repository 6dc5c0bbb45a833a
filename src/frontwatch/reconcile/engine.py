"""Reconcile: claims in, timelines and source reliability out (in memory or into the store).

:func:`reconcile_rows` works on plain claim-row dicts (tests, the simulator's direct mode);
:func:`reconcile_store` reads every claim from the store (columnar on DuckDB), computes, and
replaces the ``recon_*`` tables (migration ``010_reconcile.sql``) in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from frontwatch.reconcile import keys
from frontwatch.reconcile.table import ClaimTable, MISSING_DAY, columns_from_rows, day_date, prepare
from frontwatch.reconcile.timeline import States
from frontwatch.reconcile.truth import Reliability, discover

#: Evidence columns copied into ``recon_votes`` (besides the numbers).
EVIDENCE = ("controller", "change", "modality", "claimant", "source", "url", "field", "comment_author", "evidence_text")


@dataclass
class Reconciled:
    table: ClaimTable
    states: States
    reliability: list[Reliability]
    vote: np.ndarray
    cols: Mapping[str, np.ndarray]

    def side_name(self, code: int) -> str | None:
        return None if code < 0 else self.table.sides[code]


def reconcile_columns(
    cols: Mapping[str, np.ndarray],
    stances: Iterable[Mapping[str, Any]] = (),
    claim_rows: Sequence[Mapping[str, Any]] | None = None,
    priors: Mapping[str, float] | None = None,
    parents_of: Mapping[str, Sequence[str]] | None = None,
) -> Reconciled:
    table = prepare(cols, stances, claim_rows, parents_of)
    states, rel, vote = discover(table, priors)
    return Reconciled(table, states, rel, vote, cols)


def reconcile_rows(
    rows: Sequence[Mapping[str, Any]],
    stances: Iterable[Mapping[str, Any]] = (),
    priors: Mapping[str, float] | None = None,
    parents_of: Mapping[str, Sequence[str]] | None = None,
) -> Reconciled:
    rows = list(rows)
    cols = columns_from_rows(rows)
    for name in ("report_id", "url", "claimant", "evidence_text"):
        cols[name] = np.array([r.get(name) for r in rows] + [None], dtype=object)[:-1]
    return reconcile_columns(cols, stances, rows, priors, parents_of)


# -- reading the store ---------------------------------------------------------------------
_FAST_SELECT = (
    "SELECT c.report_id || ':' || CAST(c.idx AS TEXT) AS claim_id, c.report_id, c.idx, r.source, c.field, "
    "c.comment_author, c.place_id, c.place_name, c.place_text, c.place_parents, "
    "COALESCE(c.geo_precision, 0) AS geo_precision, c.relation, c.anchor_name, c.controller, "
    "c.previous_controller, c.change, c.modality, c.lat, c.lon, "
    f"COALESCE(COALESCE(c.as_of, r.published) - DATE '1970-01-01', {MISSING_DAY}) AS day "
    "FROM claims c JOIN reports r ON r.id = c.report_id ORDER BY c.report_id, c.idx"
)


def load_columns(store: Any) -> tuple[dict[str, np.ndarray], list[dict[str, Any]] | None]:
    """Claim columns from the store: columnar on DuckDB, through claim rows elsewhere.

    Returns the columns and, on the row path, the rows (which carry the evidence text).
    """
    con = getattr(store, "con", None)
    if getattr(store, "dialect", "") == "duckdb" and con is not None:
        raw = con.execute(_FAST_SELECT).fetchnumpy()
        cols = {}
        for name, arr in raw.items():
            if np.ma.isMaskedArray(arr):  # NULLs: None (filled() would put numpy's "?" there)
                mask = np.ma.getmaskarray(arr)
                data = np.asarray(arr.data, dtype=object)
                data[mask] = None
                arr = data
            cols[name] = np.asarray(arr)
        cols["day"] = cols["day"].astype(np.int64)
        return cols, None
    rows = list(store.iter_claim_rows())
    cols = columns_from_rows(rows)
    for name in ("report_id", "idx", "url", "claimant", "evidence_text"):
        cols[name] = np.array([r.get(name) for r in rows] + [None], dtype=object)[:-1]
    return cols, rows


def reconcile_store(
    store: Any, priors: Mapping[str, float] | None = None, place_feature: Any = None
) -> dict[str, Any]:
    """Recompute everything from the store's claims and replace the ``recon_*`` tables."""
    t0 = time.perf_counter()
    cols, rows = load_columns(store)
    stances = [s for s in store.stance_rows() if s.get("label") == "deny"]
    t_load = time.perf_counter()
    result = reconcile_columns(cols, stances, rows, priors)
    t_compute = time.perf_counter()
    from frontwatch.reconcile import persist

    n_claims = int(store.read("SELECT COUNT(*) FROM claims")[0][0])
    persist.write(store, result, rows, n_claims, place_feature)
    t_write = time.perf_counter()
    return {
        "claims": int(len(cols["claim_id"])),
        "votes": int(len(result.table)),
        "places": len(result.table.place_keys),
        "state_rows": int(len(result.states.day)),
        "sources": len(result.reliability),
        "denied_claims": len(result.table.denials),
        "seconds": {"load": round(t_load - t0, 3), "compute": round(t_compute - t_load, 3),
                    "write": round(t_write - t_compute, 3), "total": round(t_write - t0, 3)},
    }


def date_or_none(day: int | None) -> str | None:
    if day is None or day == MISSING_DAY:
        return None
    return day_date(day).isoformat()


def parents_json(parents: Sequence[str]) -> str:
    return json.dumps(list(parents))


def today_number() -> int:
    return (dt.date.today() - dt.date(1970, 1, 1)).days


__all__ = ["Reconciled", "reconcile_rows", "reconcile_columns", "reconcile_store", "load_columns", "keys"]
