"""Evaluation of the geoparser on public corpora (``frontwatch eval geoparse PATH``).

Reads Gritta et al.'s XML corpora (LGL ``lgl.xml``, GeoVirus ``GeoVirus.xml``, GeoWebNews
``GWN.xml``) and GeoWebNews BRAT folders (``N.txt`` + ``N.ann``). Prints:

* recognition precision / recall / F1 — a predicted name counts if its span overlaps a gold
  toponym's span (demonyms we mark as such are not predictions; GeoWebNews gold keeps the
  toponym types: literal, metonymic, mixed, modifiers, embedded, coercion, homonym);
* resolution over gold toponyms we recognised that have coordinates: accuracy within 161 km,
  mean and median error in km, and the AUC of the log-error curve (0 best, 1 worst);
  a recognised but unresolved name counts as an error of 20,039 km;
* articles per second of the stage alone (one process) and peak memory.
"""

from __future__ import annotations

import math
import resource
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError, InputNotFound
from frontwatch.gazetteer.index import distance_km
from frontwatch.model import Report

GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier", "Embedded_Literal",
    "Embedded_Non_Lit", "Coercion", "Homonym",
})
MAX_ERROR_KM = 20039.0
#: Articles parsed once before timing (then timed again with the rest).
WARMUP = 10


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _f(node: ET.Element | None, tag: str) -> str | None:
    if node is None:
        return None
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text and child.text.strip() else None


def _num(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_xml(path: Path) -> Iterator[Doc]:
    """Documents of a Gritta XML corpus (LGL, GeoVirus or GeoWebNews)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"not valid XML: {exc}", where=str(path)) from None
    for n, art in enumerate(root.iter("article")):
        text = _f(art, "text") or ""
        doc = Doc(art.get("docid") or art.get("file") or str(n), text)
        for top in list(art.iter("toponym")) + list(art.iter("location")):
            start, end = _num(_f(top, "start")), _num(_f(top, "end"))
            if start is None or end is None:
                continue
            ttype = _f(top, "type")
            if ttype is not None and ttype not in GWN_TOPONYM_TYPES:
                continue
            gaz = top.find("gaztag")
            if gaz is not None:
                lat, lon = _num(_f(gaz, "lat")), _num(_f(gaz, "lon"))
                gid = gaz.get("geonameid")
            else:
                lat = _num(_f(top, "lat") or _f(top, "latitude"))
                lon = _num(_f(top, "lon") or _f(top, "longitude"))
                gid = _f(top, "geonamesID")
            name = _f(top, "phrase") or _f(top, "extractedName") or _f(top, "name") or text[int(start) : int(end)]
            doc.gold.append(Gold(int(start), int(end), name, lat, lon, int(gid) if gid and gid.isdigit() else None))
        yield doc


def read_brat(folder: Path, gazetteer: Any = None) -> Iterator[Doc]:
    """GeoWebNews BRAT pairs; coordinates come from the GeoNames id notes when our gazetteer has them."""
    for txt in sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem)):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        doc = Doc(txt.stem, txt.read_text(encoding="utf-8"))
        spans: dict[str, tuple[str, int, int, str]] = {}
        notes: dict[str, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and len(cols) >= 3:
                head = cols[1].split()
                if len(head) >= 3 and head[1].isdigit() and head[-1].isdigit():
                    spans[cols[0]] = (head[0], int(head[1]), int(head[-1]), cols[2])
            elif line.startswith("#") and len(cols) >= 3:
                target = cols[1].split()[-1]
                notes[target] = cols[2].strip()
        for tid, (ttype, s, e, name) in spans.items():
            if ttype not in GWN_TOPONYM_TYPES:
                continue
            lat = lon = None
            gid = int(notes[tid]) if notes.get(tid, "").isdigit() else None
            if gid and gazetteer is not None:
                try:
                    p = gazetteer.get(f"gn:{gid}")
                    lat, lon = p.lat, p.lon
                except LookupError:
                    pass
            doc.gold.append(Gold(s, e, name, lat, lon, gid))
        yield doc


def read(path: str | Path, gazetteer: Any = None) -> list[Doc]:
    p = Path(path)
    if not p.exists():
        raise InputNotFound("evaluation corpus not found", where=str(p), hint="give lgl.xml, GWN.xml, GeoVirus.xml or a GeoWebNews folder")
    if p.is_dir():
        return list(read_brat(p, gazetteer))
    return list(read_xml(p))


def auc(errors: list[float]) -> float:
    """Area under the curve of sorted log errors, scaled to 0..1 (Gritta et al. 2018)."""
    if len(errors) < 2:
        return 0.0
    ys = sorted(math.log(e + 1) / math.log(MAX_ERROR_KM) for e in errors)
    dx = 1.0 / (len(ys) - 1)
    return sum((ys[k] + ys[k + 1]) / 2 * dx for k in range(len(ys) - 1))


def evaluate(path: str | Path, limit: int | None = None, demonyms: bool | None = None) -> dict[str, Any]:
    """Run the geoparser over a corpus and return the figures."""
    from frontwatch.geoparse.stage import load_geoparser

    t_load = time.perf_counter()
    gp = load_geoparser()
    load_s = time.perf_counter() - t_load
    docs = read(path, gp.gazetteer)
    if demonyms is None:  # GeoWebNews and LGL annotate adjectival uses ("Russian officials") as toponyms
        name = Path(path).name.lower()
        demonyms = "gwn" in name or "lgl" in name or Path(path).is_dir()
    if limit:
        docs = docs[:limit]
    tp_pred = n_pred = tp_gold = n_gold = 0
    errors: list[float] = []
    reports = [Report(id=doc.id, body=doc.text) for doc in docs]
    for report in reports[:WARMUP]:  # one-off costs (caches, fuzzy pools) are not per-article costs
        gp.mentions(report)
    t0, c0 = time.perf_counter(), time.process_time()
    outputs = [gp.mentions(report) for report in reports]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    for doc, mentions in zip(docs, outputs):
        preds = [m for m in mentions if m.span.field == "body" and (demonyms or m.kind != "demonym")]
        n_pred += len(preds)
        n_gold += len(doc.gold)
        for m in preds:
            if any(g.start < m.span.end and m.span.start < g.end for g in doc.gold):
                tp_pred += 1
        for g in doc.gold:
            hit = next((m for m in preds if g.start < m.span.end and m.span.start < g.end), None)
            if hit is None:
                continue
            tp_gold += 1
            if g.lat is None or g.lon is None:
                continue
            place = hit.place or hit.parent
            errors.append(distance_km(g.lat, g.lon, place.lat, place.lon) if place else MAX_ERROR_KM)
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "corpus": str(path),
        "articles": len(docs),
        "gold_toponyms": n_gold,
        "predicted": n_pred,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "resolved_scored": len(errors),
        "acc_161km": round(100.0 * sum(e <= 161 for e in errors) / len(errors), 1) if errors else 0.0,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        "auc": round(auc(errors), 3),
        "articles_per_s": round(len(docs) / elapsed, 1) if elapsed else 0.0,
        "articles_per_cpu_s": round(len(docs) / cpu, 1) if cpu else 0.0,
        "mean_chars": round(sum(len(d.text) for d in docs) / len(docs)) if docs else 0,
        "gazetteer_load_s": round(load_s, 2),
        "peak_memory_mb": round(peak_mb, 1),
    }
