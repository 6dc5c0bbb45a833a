"""Claim-row dicts as the store returns them, for the pure-function tests."""

from __future__ import annotations

from typing import Any

_counter = [0]


def row(source: str, day: str, place: str | None, controller: str | None, change: str = "gained",
        modality: str = "asserted", parents: tuple[str, ...] = (), field: str = "body", author: str | None = None,
        text: str | None = None, relation: str | None = None, anchor: str | None = None, as_of: str | None = None,
        precision: int = 1, report: str | None = None, idx: int = 0) -> dict[str, Any]:
    _counter[0] += 1
    rid = report or f"r{_counter[0]}"
    return {
        "claim_id": f"{rid}:{idx}", "report_id": rid, "idx": idx, "source": source, "url": f"https://x.example/{rid}",
        "published": day, "field": field, "comment_author": author, "place_id": place, "place_name": place,
        "place_text": text or place, "lat": 36.2, "lon": 37.1, "place_parents": list(parents),
        "geo_precision": precision, "relation": relation, "anchor_name": anchor, "controller": controller,
        "previous_controller": None, "change": change, "as_of": as_of, "as_of_precision": 1,
        "modality": modality, "claimant": None, "evidence_text": f"{controller} {change} {place}",
    }
