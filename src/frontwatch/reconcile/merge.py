"""Event merging: reports of the same event by different sources become one event.

Two event rows (from different reports) are the same event when all of these hold:

- place: the same gazetteer id, or one place is inside the other (a city and its
  neighbourhood), or both unresolved with the same text;
- time: dates no further apart than the coarser date allows (:data:`MAX_DAYS` for a known
  day, a week or a month for ACLED time precision 2 or 3);
- type: the same ACLED event type, and the same sub-type unless one of them is generic;
- actors: no side named by both reports differs (actor1/actor2 may be swapped; an unknown
  actor is compatible with any).

Merging is transitive within a cluster, but a new row joins a cluster only if it is
compatible with every member, so a chain of near matches cannot glue incompatible events.
Each merged event lists every source with its wording, and why the rows were merged.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontwatch.reconcile.keys import norm_text, side_of

MAX_DAYS = 2
PRECISION_DAYS = {1: MAX_DAYS, 2: 7, 3: 31}
GENERIC_SUBTYPES = frozenset({"Armed clash", "Other", "Attack", ""})
FACTUAL = frozenset({"asserted", "reported", "hearsay"})


@dataclass
class Cluster:
    rows: list[dict[str, Any]] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)


def _day(row: Mapping[str, Any]) -> dt.date | None:
    value = row.get("event_date") or row.get("published")
    if value is None:
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value if isinstance(value, dt.date) else None


def _place(row: Mapping[str, Any]) -> str | None:
    if row.get("place_id"):
        return str(row["place_id"])
    text = norm_text(str(row.get("place_text") or ""))
    return f"~{text}" if text else None


def _sides(row: Mapping[str, Any]) -> tuple[str | None, str | None]:
    def one(n: int) -> str | None:
        return row.get(f"actor{n}_side") or side_of(row.get(f"actor{n}_id") or row.get(f"actor{n}"))

    return one(1), one(2)


def compatible(a: Mapping[str, Any], b: Mapping[str, Any], parents: Callable[[str], Sequence[str]]) -> str | None:
    """Why ``a`` and ``b`` report the same event (a short reason), or None if they may not."""
    if a.get("report_id") == b.get("report_id"):
        return None
    if a.get("type") != b.get("type"):
        return None
    sa, sb = a.get("sub_type") or "", b.get("sub_type") or ""
    if sa != sb and sa not in GENERIC_SUBTYPES and sb not in GENERIC_SUBTYPES:
        return None
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return None
    window = max(PRECISION_DAYS.get(a.get("time_precision") or 1, MAX_DAYS),
                 PRECISION_DAYS.get(b.get("time_precision") or 1, MAX_DAYS))
    if abs((da - db).days) > window:
        return None
    pa, pb = _place(a), _place(b)
    if pa is None or pb is None:
        return None
    if pa == pb:
        where = "same place"
    elif not pa.startswith("~") and not pb.startswith("~") and (pa in parents(pb) or pb in parents(pa)):
        where = "place inside the other"
    else:
        return None
    a1, a2 = _sides(a)
    b1, b2 = _sides(b)

    def agree(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    if agree(a1, b1) and agree(a2, b2):
        actors = "same actors" if (a1, a2) == (b1, b2) else "compatible actors"
    elif agree(a1, b2) and agree(a2, b1):
        actors = "same actors, swapped roles"
    else:
        return None
    return f"{where}; {abs((da - db).days)} day(s) apart; same type; {actors}"


def merge(rows: Iterable[Mapping[str, Any]], parents: Callable[[str], Sequence[str]] | None = None) -> dict[str, Any]:
    """Merged events (only clusters of two or more reports are merged) and counts."""
    parents = parents or (lambda _pid: ())
    factual = [dict(r) for r in rows if (r.get("modality") or "asserted") in FACTUAL and _day(r) is not None]
    factual.sort(key=lambda r: (_day(r), str(r.get("report_id")), r.get("idx") or 0))
    clusters: list[Cluster] = []
    open_by_type: dict[Any, list[Cluster]] = {}
    for row in factual:
        day = _day(row)
        assert day is not None
        candidates = open_by_type.setdefault(row.get("type"), [])
        candidates[:] = [c for c in candidates if (day - _day(c.rows[-1])).days <= 31]  # type: ignore[operator]
        joined = None
        for c in candidates:
            reasons = [compatible(m, row, parents) for m in c.rows]
            if all(reasons):
                c.rows.append(row)
                c.reasons.update(reasons)  # type: ignore[arg-type]
                joined = c
                break
        if joined is None:
            c = Cluster([row])
            candidates.append(c)
            clusters.append(c)
    events = [_event(c) for c in clusters]
    merged = [e for e in events if e["n_reports"] > 1]
    return {
        "events_in": len(factual),
        "events_out": len(events),
        "merged_events": len(merged),
        "rows_merged": sum(e["n_rows"] for e in merged),
        "reasons": dict(Counter(r for c in clusters if len(c.rows) > 1 for r in c.reasons).most_common()),
        "events": events,
    }


def _event(c: Cluster) -> dict[str, Any]:
    first = c.rows[0]
    precise = min(c.rows, key=lambda r: (r.get("geo_precision") or 9, -(len(str(r.get("place_id") or "")))))
    days = sorted(d for d in (_day(r) for r in c.rows) if d)
    sides = [_sides(r) for r in c.rows]
    return {
        "type": first.get("type"), "sub_type": first.get("sub_type"),
        "date": days[0].isoformat() if days else None, "last_date": days[-1].isoformat() if days else None,
        "place_id": precise.get("place_id"), "place_name": precise.get("place_name") or precise.get("place_text"),
        "lat": precise.get("lat"), "lon": precise.get("lon"),
        "actor1_side": next((s[0] for s in sides if s[0]), None), "actor2_side": next((s[1] for s in sides if s[1]), None),
        "n_rows": len(c.rows), "n_reports": len({r.get("report_id") for r in c.rows}),
        "sources": [{"source": r.get("source"), "url": r.get("url"), "report_id": r.get("report_id"), "idx": r.get("idx"),
                     "text": r.get("evidence_text"), "modality": r.get("modality"), "date": _iso(_day(r))}
                    for r in c.rows],
        "why": sorted(set(c.reasons)),
    }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
