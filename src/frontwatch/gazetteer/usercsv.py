"""A user's own gazetteer: a CSV or GeoJSON file of places.

CSV columns: ``name``, ``lat``, ``lon`` (required); ``id``, ``alt_names`` (separated by ``|``),
``feature``, ``country`` (ISO2), ``parent`` (a gazetteer id such as ``gn:170063``),
``population``, ``approximate`` (0/1), ``source`` (optional). GeoJSON: Point features whose
``properties`` use the same names. Ids become ``u:<file stem>:<id or slug of the name>``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError, InputNotFound
from frontwatch.gazetteer.names import slug
from frontwatch.model import Place


def _place(row: Mapping[str, Any], prefix: str, where: str, lat: Any, lon: Any, default_source: str) -> Place:
    name = " ".join(str(row.get("name") or "").split())
    if not name:
        raise InputError("place without a name", where=where, hint="every row needs a name")
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InputError(f"bad latitude/longitude for {name!r}", where=where) from None
    if not (-90 <= flat <= 90 and -180 <= flon <= 180):
        raise InputError(f"coordinates out of range for {name!r}: {flat}, {flon}", where=where,
                         hint="latitude first, then longitude, in decimal degrees")
    alts = row.get("alt_names") or ()
    if isinstance(alts, str):
        alts = [a.strip() for a in alts.split("|")]
    parent = str(row.get("parent") or "").strip()
    raw_id = str(row.get("id") or "").strip()
    pid = raw_id if ":" in raw_id else f"{prefix}{raw_id or slug(name)}"
    return Place(
        id=pid, name=name, lat=flat, lon=flon, feature=str(row.get("feature") or "place").strip(),
        country=(str(row.get("country") or "").strip().upper() or None),
        alt_names=tuple(a for a in alts if a and a != name),
        parents=tuple(p.strip() for p in parent.split("|") if p.strip()),
        population=int(float(row.get("population") or 0)),
        source=str(row.get("source") or default_source),
        approximate=str(row.get("approximate") or "0").strip().lower() in ("1", "true", "yes"),
    )


def read_csv(path: Path, prefix: str, default_source: str) -> Iterator[Place]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(row for row in fh if not row.startswith("#"))
        if not reader.fieldnames or not {"name", "lat", "lon"} <= set(reader.fieldnames):
            raise InputError("a gazetteer CSV needs the columns name, lat, lon", where=str(path))
        for lineno, row in enumerate(reader, 2):
            yield _place(row, prefix, f"{path}:{lineno}", row["lat"], row["lon"], default_source)


def read_geojson(path: Path, prefix: str, default_source: str) -> Iterator[Place]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc}", where=str(path)) from None
    for i, feat in enumerate(data.get("features") or ()):
        geom = feat.get("geometry") or {}
        if geom.get("type") != "Point":
            continue
        lon, lat = geom["coordinates"][:2]
        yield _place(feat.get("properties") or {}, prefix, f"{path}:feature {i}", lat, lon, default_source)


def places(path: str | Path) -> Iterator[Place]:
    """Places from a user CSV or GeoJSON file."""
    p = Path(path)
    if not p.exists():
        raise InputNotFound("gazetteer file not found", where=str(p))
    prefix = f"u:{slug(p.stem)}:"
    if p.suffix.lower() in (".geojson", ".json"):
        yield from read_geojson(p, prefix, f"user:{p.name}")
    else:
        yield from read_csv(p, prefix, f"user:{p.name}")
