"""A GeoJSON FeatureCollection: place mentions, events and control claims that have coordinates.

Each feature is a Point (``[lon, lat]``) whose properties say what it is (``"kind"``: place,
event, claim), where it comes from (report, source, url, published, field, comment author) and
the evidence (``{"field", "start", "end", "text"}``). Claims and events carry their modality
and ``is_fact`` (only asserted / reported / hearsay count as fact; a map should draw the rest
differently or not at all).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.export import open_out
from frontwatch.model import FACTUAL_MODALITIES


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def _evidence(field: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {"field": field, "start": start, "end": end, "text": text}


def _provenance(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "report_id": row["report_id"],
        "source": row["source"],
        "url": row.get("report_url", row.get("url")),
        "published": row["published"],
        "field": row["field"],
        "comment_author": row["comment_author"],
    }


def features(store: Any) -> Iterator[dict[str, Any]]:
    for p in store.place_rows():
        if p["lat"] is None or p["lon"] is None:
            continue
        props = {
            "kind": "place",
            "id": f"{p['report_id']}:place:{p['idx']}",
            "name": p["place_name"],
            "place_id": p["place_id"],
            "text": p["text"],
            "feature": p["feature"],
            "country": p["country"],
            "admin1": p["admin1"],
            "geo_precision": p["geo_precision"],
            "relation": p["relation"],
            "resolved": p["resolved"],
            "approximate": p["approximate"],
            **_provenance(p),
            "evidence": _evidence(p["field"], p["start_char"], p["end_char"], p["text"]),
        }
        yield {"type": "Feature", "geometry": _point(p["lon"], p["lat"]), "properties": props}
    for e in store.event_rows():
        if e["lat"] is None or e["lon"] is None:
            continue
        props = {
            "kind": "event",
            "id": f"{e['report_id']}:event:{e['idx']}",
            "event_type": e["type"],
            "sub_event_type": e["sub_type"],
            "actor1": e["actor1"],
            "actor2": e["actor2"],
            "name": e["place_name"],
            "place_id": e["place_id"],
            "date": e["event_date"],
            "time_precision": e["time_precision"],
            "fatalities": e["fatalities"],
            "geo_precision": e["geo_precision"],
            "modality": e["modality"],
            "is_fact": e["modality"] in FACTUAL_MODALITIES,
            "claimant": e["claimant"],
            **_provenance(e),
            "evidence": _evidence(e["field"], e["evidence_start"], e["evidence_end"], e["evidence_text"]),
        }
        yield {"type": "Feature", "geometry": _point(e["lon"], e["lat"]), "properties": props}
    for c in store.iter_claim_rows():
        if c["lat"] is None or c["lon"] is None:
            continue
        props = {
            "kind": "claim",
            "id": c["claim_id"],
            "name": c["place_name"],
            "place_id": c["place_id"],
            "text": c["place_text"],
            "controller": c["controller"],
            "previous_controller": c["previous_controller"],
            "change": c["change"],
            "as_of": c["as_of"],
            "as_of_precision": c["as_of_precision"],
            "geo_precision": c["geo_precision"],
            "relation": c["relation"],
            "modality": c["modality"],
            "is_fact": c["modality"] in FACTUAL_MODALITIES,
            "claimant": c["claimant"],
            **_provenance(c),
            "evidence": _evidence(c["field"], c["evidence_start"], c["evidence_end"], c["evidence_text"]),
        }
        yield {"type": "Feature", "geometry": _point(c["lon"], c["lat"]), "properties": props}


def write(store: Any, out: str | Path | None) -> int:
    """Write the collection (one feature per line inside it, so big exports stream)."""
    written = 0
    with open_out(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [')
        for feature in features(store):
            fh.write(",\n" if written else "\n")
            fh.write(json.dumps(feature, ensure_ascii=False))
            written += 1
        fh.write("\n]}\n")
    return written
