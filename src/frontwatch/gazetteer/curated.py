"""Our curated neighbourhoods, districts, landmarks and regions of contested areas (``curated.csv``).

Each row names the source of its coordinate (a Wikipedia article) or is marked
``approximate`` with what it was derived from. Ids are ``cu:<id>``; ``parent`` names the
enclosing city or region by gazetteer id. A row whose id is an existing id (``gn:172955``)
with feature ``alias`` only adds its names to that place ("Raqqa" to GeoNames' "Ar Raqqah").
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from dataclasses import replace
from pathlib import Path

from frontwatch.gazetteer import usercsv
from frontwatch.model import Place

ATTRIBUTION = "frontwatch curated places (coordinate source per row in curated.csv; Wikipedia where cited, CC BY-SA)"


def curated_path() -> Path:
    return Path(str(resources.files("frontwatch") / "data" / "gazetteer" / "curated.csv"))


def _rows(p: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with open(p, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh]
    body = [line for line in lines if not line.startswith("#")]
    offset = len(lines) - len(body)
    for lineno, row in enumerate(csv.DictReader(body), offset + 2):
        yield lineno, row


def aliases(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """Existing place id -> extra names, from ``alias`` rows."""
    p = Path(path) if path else curated_path()
    out: dict[str, tuple[str, ...]] = {}
    if p.exists():
        for _, row in _rows(p):
            if row.get("feature") == "alias":
                names = [row["name"], *(row.get("alt_names") or "").split("|")]
                out[row["id"]] = tuple(n.strip() for n in names if n.strip())
    return out


def places(path: str | Path | None = None) -> Iterator[Place]:
    """Curated places (alias rows excluded)."""
    p = Path(path) if path else curated_path()
    if not p.exists():
        return
    for lineno, row in _rows(p):
        if row.get("feature") == "alias":
            continue
        place = usercsv._place(row, "cu:", f"{p}:{lineno}", row.get("lat"), row.get("lon"), "curated")
        yield replace(place, source="curated")
