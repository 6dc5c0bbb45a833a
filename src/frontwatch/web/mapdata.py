"""What the map page and its offline export need, gathered from the Python API and the store.

Nothing here decides who holds a place: that is ``Frontwatch.map_state`` / ``status``
(reconciliation). This module only shapes their answers for the page: the stored period for
the time slider, the outlets for the source filter, the places of one day, and for the
single-file export a set of day snapshots with the evidence behind each state.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from frontwatch.errors import NotFound

#: Fields of a place that do not change from day to day.
PLACE_FIELDS = ("id", "name", "lat", "lon", "feature", "geo_precision")
#: How many of its latest control periods each place's history keeps in the offline file.
HISTORY = 12
#: Fields of a place's state on one day.
STATE_FIELDS = ("controller", "side", "contested", "confidence", "since", "n_support", "n_dispute")

_CLAIMS_SQL = (
    "SELECT c.report_id || ':' || CAST(c.idx AS TEXT) AS claim_id, c.report_id, c.idx, r.source, r.url, "
    "r.published, c.field, c.comment_author, c.place_id, c.place_name, c.place_text, c.lat, c.lon, "
    "c.geo_precision, c.relation, c.anchor_name, c.controller, c.previous_controller, c.change, c.as_of, "
    "c.modality, c.claimant, c.evidence_start, c.evidence_end, c.evidence_text "
    "FROM claims c JOIN reports r ON r.id = c.report_id"
)
_CLAIM_COLS = (
    "claim_id", "report_id", "idx", "source", "url", "published", "field", "comment_author", "place_id",
    "place_name", "place_text", "lat", "lon", "geo_precision", "relation", "anchor_name", "controller",
    "previous_controller", "change", "as_of", "modality", "claimant", "evidence_start", "evidence_end",
    "evidence_text",
)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def claims(fw: Any, *, limit: int = 50, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
    """Control claims filtered by place (id or name), actor, source and date (as_of or published)."""
    where, params = ["1=1"], []
    if filters.get("place"):
        where.append("(c.place_id = ? OR LOWER(c.place_name) = LOWER(?) OR LOWER(c.place_text) = LOWER(?))")
        params += [filters["place"]] * 3
    if filters.get("actor"):
        where.append("(LOWER(c.controller) = LOWER(?) OR LOWER(c.previous_controller) = LOWER(?) "
                     "OR LOWER(c.claimant) = LOWER(?))")
        params += [filters["actor"]] * 3
    if filters.get("source"):
        where.append("r.source = ?")
        params.append(filters["source"])
    if filters.get("since"):
        where.append("COALESCE(c.as_of, r.published) >= CAST(? AS DATE)")
        params.append(filters["since"])
    if filters.get("until"):
        where.append("COALESCE(c.as_of, r.published) <= CAST(? AS DATE)")
        params.append(filters["until"])
    sql = (f"{_CLAIMS_SQL} WHERE {' AND '.join(where)} ORDER BY COALESCE(c.as_of, r.published), c.report_id, c.idx "
           f"LIMIT {int(limit)} OFFSET {int(offset)}")
    return [{k: _iso(v) for k, v in zip(_CLAIM_COLS, row, strict=True)} for row in fw.store.read(sql, params)]


def period(fw: Any) -> dict[str, str | None]:
    """First and last day any claim speaks of (its as_of, else its report's date)."""
    row = fw.store.read(
        "SELECT MIN(COALESCE(c.as_of, r.published)), MAX(COALESCE(c.as_of, r.published)) "
        "FROM claims c JOIN reports r ON r.id = c.report_id"
    )[0]
    return {"start": _iso(row[0]), "end": _iso(row[1])}


def outlets(fw: Any, cap: int = 500) -> list[str]:
    rows = fw.store.read(f"SELECT DISTINCT source FROM reports WHERE source IS NOT NULL ORDER BY 1 LIMIT {cap}")
    return [r[0] for r in rows]


def _places_of_source(fw: Any, source: str) -> set[str]:
    rows = fw.store.read(
        "SELECT DISTINCT COALESCE(c.place_id, c.place_name) FROM claims c JOIN reports r ON r.id = c.report_id "
        "WHERE r.source = ?",
        (source,),
    )
    return {r[0] for r in rows if r[0]}


def _accepts(fn: Any, name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def state(fw: Any, day: dt.date, source: str | None = None) -> list[dict[str, Any]]:
    """``Frontwatch.map_state(day)`` as a list of place dicts (only places from ``source`` if given)."""
    if source and _accepts(fw.map_state, "source"):
        result = fw.map_state(day, source=source)
        source = None
    else:
        result = fw.map_state(day)
    places = result.get("places", []) if isinstance(result, dict) else list(result)
    places = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if source:
        keep = _places_of_source(fw, source)
        places = [p for p in places if p.get("id") in keep or p.get("name") in keep]
    missing = [str(p["id"]) for p in places if not p.get("feature") and p.get("id")]
    features = _features(fw, missing) if missing else {}
    return [{**{k: _iso(v) for k, v in p.items()}, "feature": p.get("feature") or features.get(str(p.get("id")))}
            for p in places]


def _features(fw: Any, place_ids: list[str]) -> dict[str, str]:
    """The gazetteer feature (town, neighbourhood, ...) of each place, as its mentions recorded it."""
    rows = fw.store.read(
        "SELECT place_id, MIN(feature) FROM place_mentions WHERE place_id = ANY(?) AND feature IS NOT NULL "
        "GROUP BY place_id",
        (place_ids,),
    )
    return {r[0]: r[1] for r in rows}


def stamp(fw: Any) -> tuple[Any, ...]:
    """Changes whenever a report is added, replaced or removed (keys the cache of map answers)."""
    return tuple(fw.store.read("SELECT COUNT(*), MAX(updated_at), MAX(ingested_at) FROM reports")[0])


def map_payload(fw: Any, day: dt.date | None = None, source: str | None = None) -> dict[str, Any]:
    """The data of the map page for one day (the newest stored day when ``day`` is None)."""
    span = period(fw)
    if day is None:
        day = dt.date.fromisoformat(span["end"]) if span["end"] else dt.date.today()
    places = state(fw, day, source) if span["start"] else []  # no claims stored: nothing to reconcile
    sides = sorted({p.get("side") or p.get("controller") for p in places if p.get("side") or p.get("controller")})
    return {"day": day.isoformat(), "period": span, "sources": outlets(fw), "sides": sides, "places": places}


# -- the offline export -----------------------------------------------------------------------
def change_days(fw: Any, cap: int = 120, max_states: int = 100_000) -> list[dt.date]:
    """The days on which some claim speaks (evenly thinned to ``cap``, fewer when there are many
    places so that days x places stays under ``max_states``; always the last)."""
    n_places = int(fw.store.read("SELECT COUNT(DISTINCT COALESCE(place_id, place_name)) FROM claims")[0][0] or 0)
    cap = max(2, min(cap, max_states // max(1, n_places)))
    rows = fw.store.read(
        "SELECT DISTINCT COALESCE(c.as_of, r.published) AS d FROM claims c JOIN reports r ON r.id = c.report_id "
        "WHERE COALESCE(c.as_of, r.published) IS NOT NULL ORDER BY d"
    )
    days = [r[0] if isinstance(r[0], dt.date) else dt.date.fromisoformat(str(r[0])) for r in rows]
    if len(days) > cap:
        step = len(days) / cap
        days = [days[int(i * step)] for i in range(cap - 1)] + [days[-1]]
    return days


def export_payload(fw: Any, day: dt.date | None = None, *, max_status: int = 3000, max_docs: int = 300) -> dict[str, Any]:
    """Everything the single-file map needs, with no server behind it.

    ``snapshots`` maps each change day to what changed that day: the new state of each place
    whose state changed (``null`` when it left the map); ``status`` holds, per place, the
    evidence as of each day its state changed; ``documents`` the threads those claims come from
    (bounded by ``max_status`` and ``max_docs``).
    """
    span = period(fw)
    days = change_days(fw)
    places: dict[str, dict[str, Any]] = {}
    snapshots: dict[str, dict[str, list[Any]]] = {}
    status: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    last: dict[str, list[Any]] = {}  # the state of each place on the previous day
    budget = max_status
    report_ids: list[str] = []
    for d in days:
        delta: dict[str, list[Any] | None] = {}
        current: dict[str, list[Any]] = {}
        for p in state(fw, d):
            pid = str(p["id"])
            places.setdefault(pid, {k: p.get(k) for k in PLACE_FIELDS})
            values = [round(p[k], 2) if k == "confidence" and isinstance(p.get(k), float) else p.get(k)
                      for k in STATE_FIELDS]
            current[pid] = values
            if last.get(pid) == values:
                continue
            delta[pid] = values
            if budget > 0:
                budget -= 1
                st = {k: _iso(v) for k, v in fw.status(pid, d).items()}
                status.setdefault(pid, []).append((d.isoformat(), st))
                report_ids += _report_ids(st)
        delta.update({pid: None for pid in last if pid not in current})
        last = current
        snapshots[d.isoformat()] = delta
    documents: dict[str, Any] = {}
    for rid in dict.fromkeys(report_ids):
        if len(documents) >= max_docs:
            break
        try:
            documents[rid] = fw.store.document(rid)
        except NotFound:
            continue
    chosen = day or (days[-1] if days else None)
    return {
        "offline": True,
        "day": chosen.isoformat() if chosen else None,
        "period": span,
        "sources": outlets(fw),
        "state_fields": list(STATE_FIELDS),
        "places": places,
        "snapshots": snapshots,
        "status": status,
        "documents": documents,
        "place_sources": _sources_by_place(fw, outlets(fw)),
        "timelines": {pid: [{k: _iso(v) for k, v in t.items()} for t in fw.timeline(pid)[-HISTORY:]] for pid in status},
    }


def _sources_by_place(fw: Any, names: list[str]) -> dict[str, list[int]]:
    """For the offline source filter: the outlets that made claims about each place (indexes into ``names``)."""
    index = {name: i for i, name in enumerate(names)}
    rows = fw.store.read(
        "SELECT DISTINCT COALESCE(c.place_id, c.place_name), r.source FROM claims c JOIN reports r ON r.id = c.report_id "
        "WHERE r.source IS NOT NULL"
    )
    out: dict[str, list[int]] = {}
    for place, source in rows:
        if place and source in index:
            out.setdefault(str(place), []).append(index[source])
    return out


def claim_report(claim: dict[str, Any]) -> str | None:
    """The report a piece of evidence comes from (``report_id``, or the part of ``claim_id`` before ``:idx``)."""
    if claim.get("report_id"):
        return str(claim["report_id"])
    cid = str(claim.get("claim_id") or "")
    return cid.rsplit(":", 1)[0] if ":" in cid else None


def _report_ids(status: dict[str, Any]) -> list[str]:
    ids = []
    for value in status.values():
        if isinstance(value, list):
            ids += [claim_report(c) for c in value if isinstance(c, dict) and claim_report(c)]
    return ids


# -- one comment, for a moderation queue ------------------------------------------------------
def analyze_comment(fw: Any, text: str, *, parent: str | None = None, article: dict[str, Any] | None = None,
                    language: str | None = None) -> dict[str, Any]:
    """Stance, sources and flags of one comment (``Frontwatch.analyze_comment``), in the contract's shape."""
    from frontwatch.thread.comment import comment_json

    article_text = "\n\n".join(part for part in ((article or {}).get("title"), (article or {}).get("body")) if part)
    report = fw.analyze_comment(text, parent=parent, article=article_text or None, language=language)
    return {"comment": comment_json(report)}
