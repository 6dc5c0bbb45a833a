"""Syrian places from Wikipedia's "Module:Syrian Civil War detailed map" (about July 2017).

6,000-odd villages, towns, hills, bases, industrial and oil sites with coordinates, licensed
CC BY-SA 3.0: credit "Wikipedia contributors, Module:Syrian Civil War detailed map"; data
derived from it stays share-alike. The project ships it compiled (``syria.tsv.gz``: name,
lat, lon, feature) by :func:`compile_csv` (``frontwatch gazetteer compile-syria CSV``).
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from frontwatch.errors import InputError, InputNotFound
from frontwatch.gazetteer.names import slug
from frontwatch.model import Place

ATTRIBUTION = (
    "Wikipedia contributors, Module:Syrian Civil War detailed map (about July 2017), CC BY-SA 3.0; "
    "the compiled file syria.tsv.gz is shared under the same licence"
)
COMPILED = "syria.tsv.gz"

#: The module's feature types -> ours.
FEATURES = {
    "settlement": "village", "hill": "hill", "military_base": "military_base", "airbase": "military_base",
    "industrial": "industrial", "oil_gas": "oil_gas", "dam": "dam", "port_naval": "port",
}


def compiled_path() -> Path:
    return Path(str(resources.files("frontwatch") / "data" / "gazetteer" / COMPILED))


def compile_csv(src: str | Path, out: str | Path | None = None) -> tuple[Path, int]:
    """Compile the module's CSV (label, lat, lon, feature_type, ..., coord_valid) into a gzip'd TSV."""
    src_path = Path(src)
    if not src_path.exists():
        raise InputNotFound("Syrian places CSV not found", where=str(src_path))
    out_path = Path(out) if out else compiled_path()
    rows: list[str] = []
    with open(src_path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"label", "lat", "lon", "feature_type"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            raise InputError(f"expected columns {', '.join(sorted(need))}", where=str(src_path))
        for lineno, row in enumerate(reader, 2):
            if row.get("coord_valid", "1") not in ("1", "true", "True"):
                continue
            name = " ".join(row["label"].split())
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                raise InputError("bad latitude or longitude", where=f"{src_path}:{lineno}") from None
            if not name or "\t" in name:
                continue
            rows.append(f"{name}\t{lat:.4f}\t{lon:.4f}\t{row['feature_type'].strip() or 'settlement'}")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("name\tlat\tlon\tfeature\n")
        fh.write("\n".join(rows) + "\n")
    return out_path, len(rows)


def places(path: str | Path | None = None) -> Iterator[Place]:
    """Places from the compiled file; names like "A & B" (a town and its base) give two names."""
    p = Path(path) if path else compiled_path()
    if not p.exists():
        return
    seen: dict[str, int] = {}
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            name, lat, lon, feature = line.rstrip("\n").split("\t")
            parts = [s.strip() for s in name.replace(" and ", " & ").split("&") if s.strip()]
            base = slug(name)
            n = seen.get(base, 0)
            seen[base] = n + 1
            yield Place(
                id=f"sy:{base}" + (f"-{n + 1}" if n else ""), name=name, lat=float(lat), lon=float(lon),
                feature=FEATURES.get(feature, feature), country="SY",
                alt_names=tuple(parts) if len(parts) > 1 else (), source="syria-module",
            )
