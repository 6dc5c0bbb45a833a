"""Build the map's compact country-borders file from the npm package ``world-atlas``.

world-atlas (ISC licence) packages Natural Earth's 1:110m countries (public domain) as
TopoJSON. This script decodes the TopoJSON arcs (delta-encoded, quantised) into plain rings
of ``[lon, lat, lon, lat, ...]`` rounded to 0.01 degree, and writes our own small format::

    {"source": "...", "countries": [{"name": "Syria", "rings": [[lon, lat, ...], ...]}]}

Usage (once, when refreshing the shipped file)::

    npm install --prefix /tmp/wa world-atlas@2.0.2
    python scripts/build_borders.py /tmp/wa/node_modules/world-atlas/countries-110m.json \
        --out src/frontwatch/web/static/borders.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

SOURCE = "Natural Earth 1:110m countries (public domain), via npm world-atlas 2.0.2 (ISC)"


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc as absolute (lon, lat) points (TopoJSON arcs are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from its arc indexes (a negative index ~i is arc i reversed)."""
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts[1:] if out else pts)  # consecutive arcs share their joining point
    return out


def flat(points: list[tuple[float, float]], digits: int) -> list[float]:
    """Points rounded to ``digits`` decimals, flattened, with repeated points dropped."""
    result: list[float] = []
    last: tuple[float, float] | None = None
    for lon, lat in points:
        p = (round(lon, digits), round(lat, digits))
        if p != last:
            result.extend(p)
            last = p
    return result


def build(topo: dict[str, Any], digits: int = 2) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polygons = [polygons]
        rings = [flat(ring_points(ring, arcs), digits) for poly in polygons for ring in poly]
        rings = [r for r in rings if len(r) >= 6]
        if rings:
            countries.append({"name": geom.get("properties", {}).get("name", ""), "rings": rings})
    return {"source": SOURCE, "countries": countries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--out", type=Path, default=Path("src/frontwatch/web/static/borders.json"))
    parser.add_argument("--digits", type=int, default=2)
    args = parser.parse_args()
    data = build(json.loads(args.topojson.read_text(encoding="utf-8")), args.digits)
    args.out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries to {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
