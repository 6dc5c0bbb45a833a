"""A :class:`~frontwatch.model.Report` as rows of the store's tables, in one walk.

:data:`TABLES` names every column of every table the store writes, with its SQL type, in the
order of migration ``001_core.sql`` (a test checks the two agree). :func:`report_rows` turns
one report into a :class:`ReportRows`: a tuple per row, columns in that order. The JSON
contract document (``reports.doc``) and the hashes that tell an unchanged report are made
here too, so the write path walks each report once.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from frontwatch.contract import actor_json, document, place_json
from frontwatch.model import ARTICLE_FIELDS, PlaceMention, Report

Row = tuple[Any, ...]

#: table -> ((column, SQL type), ...), in the order of the migrations.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "reports": (
        ("id", "TEXT"), ("source", "TEXT"), ("url", "TEXT"), ("title", "TEXT"), ("published", "DATE"),
        ("language", "TEXT"), ("path", "TEXT"), ("body", "TEXT"), ("n_comments", "INTEGER"),
        ("content_hash", "TEXT"), ("annotations_hash", "TEXT"), ("meta", "TEXT"), ("doc", "TEXT"),
        ("ingested_at", "TIMESTAMP"), ("updated_at", "TIMESTAMP"),
    ),
    "comments": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("id", "TEXT"), ("author", "TEXT"), ("posted", "TEXT"),
        ("parent", "TEXT"), ("language", "TEXT"), ("split_confidence", "DOUBLE PRECISION"),
        ("source_offset", "INTEGER"), ("text", "TEXT"),
    ),
    "place_mentions": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("field", "TEXT"), ("comment_author", "TEXT"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"), ("kind", "TEXT"),
        ("resolved", "BOOLEAN"), ("place_id", "TEXT"), ("place_name", "TEXT"), ("feature", "TEXT"),
        ("lat", "DOUBLE PRECISION"), ("lon", "DOUBLE PRECISION"), ("country", "TEXT"), ("admin1", "TEXT"),
        ("geonameid", "BIGINT"), ("place_parents", "TEXT"), ("geo_precision", "INTEGER"), ("relation", "TEXT"),
        ("anchor_id", "TEXT"), ("anchor_name", "TEXT"), ("parent_id", "TEXT"), ("parent_name", "TEXT"),
        ("approximate", "BOOLEAN"),
    ),
    "events": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("field", "TEXT"), ("comment_author", "TEXT"),
        ("type", "TEXT"), ("sub_type", "TEXT"), ("plover", "TEXT"), ("plover_mode", "TEXT"),
        ("actor1", "TEXT"), ("actor1_id", "TEXT"), ("actor1_inter", "INTEGER"), ("actor1_side", "TEXT"),
        ("actor1_text", "TEXT"), ("actor2", "TEXT"), ("actor2_id", "TEXT"), ("actor2_inter", "INTEGER"),
        ("actor2_side", "TEXT"), ("actor2_text", "TEXT"), ("assoc_actors", "TEXT"), ("place_id", "TEXT"),
        ("place_name", "TEXT"), ("place_text", "TEXT"), ("lat", "DOUBLE PRECISION"), ("lon", "DOUBLE PRECISION"),
        ("country", "TEXT"), ("admin1", "TEXT"), ("geo_precision", "INTEGER"), ("event_date", "DATE"),
        ("date_text", "TEXT"), ("time_precision", "INTEGER"), ("fatalities", "INTEGER"), ("modality", "TEXT"),
        ("claimant", "TEXT"), ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence_text", "TEXT"),
    ),
    "claims": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("field", "TEXT"), ("comment_author", "TEXT"),
        ("place_id", "TEXT"), ("place_name", "TEXT"), ("place_text", "TEXT"), ("lat", "DOUBLE PRECISION"),
        ("lon", "DOUBLE PRECISION"), ("country", "TEXT"), ("admin1", "TEXT"), ("place_parents", "TEXT"),
        ("geo_precision", "INTEGER"), ("relation", "TEXT"), ("anchor_name", "TEXT"), ("controller", "TEXT"),
        ("previous_controller", "TEXT"), ("change", "TEXT"), ("as_of", "DATE"), ("as_of_precision", "INTEGER"),
        ("as_of_text", "TEXT"), ("modality", "TEXT"), ("claimant", "TEXT"), ("evidence_start", "INTEGER"),
        ("evidence_end", "INTEGER"), ("evidence_text", "TEXT"),
    ),
    "stances": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("comment_id", "TEXT"), ("author", "TEXT"), ("label", "TEXT"),
        ("target", "TEXT"), ("target_claim", "TEXT"), ("confidence", "DOUBLE PRECISION"),
        ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence_text", "TEXT"),
    ),
    "sources": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("comment_id", "TEXT"), ("author", "TEXT"), ("kind", "TEXT"),
        ("name", "TEXT"), ("url", "TEXT"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"),
    ),
    "flags": (
        ("report_id", "TEXT"), ("idx", "INTEGER"), ("comment_id", "TEXT"), ("author", "TEXT"),
        ("category", "TEXT"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"),
        ("score", "DOUBLE PRECISION"), ("rationale", "TEXT"), ("target_group", "TEXT"),
    ),
}

#: Tables whose rows belong to one report (deleted and rewritten when it changes).
CHILD_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t != "reports")


def columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in TABLES[table])


_ARROW_TYPES: dict[str, pa.DataType] = {
    "TEXT": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE PRECISION": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one of the store's tables."""
    return pa.schema([(name, _ARROW_TYPES[sqltype]) for name, sqltype in TABLES[table]])


def arrow_table(table: str, rows: list[Row]) -> pa.Table:
    """Rows of ``table`` (tuples in column order) as an Arrow table of its schema."""
    schema = arrow_schema(table)
    if not rows:
        return schema.empty_table()
    cols = list(zip(*rows, strict=True))
    return pa.Table.from_arrays([pa.array(v, type=f.type) for v, f in zip(cols, schema, strict=True)], schema=schema)


@dataclass
class ReportRows:
    """Rows of one report for every table, and the hashes that tell whether it changed."""

    id: str
    content_hash: str
    annotations_hash: str
    tables: dict[str, list[Row]] = field(default_factory=dict)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def content_hash(report: Report) -> str:
    """``meta["content_hash"]`` from ingestion, or a hash of the title, body and comments."""
    given = report.meta.get("content_hash")
    if given:
        return str(given)
    parts = [report.title, report.body] + [f"{c.id}\x1f{c.author or ''}\x1f{c.text}" for c in report.comments]
    return _sha("\x1e".join(parts))


class _Places:
    """``place_json`` and the parents JSON of each mention, computed once per report."""

    def __init__(self) -> None:
        self._json: dict[int, dict[str, Any]] = {}
        self._parents: dict[str, str] = {}

    def json(self, m: PlaceMention) -> dict[str, Any]:
        key = id(m)
        pj = self._json.get(key)
        if pj is None:
            pj = self._json[key] = place_json(m)  # type: ignore[assignment]
        return pj  # type: ignore[return-value]

    def cols(self, m: PlaceMention | None) -> tuple[Any, ...]:
        """place_id, place_name, place_text, lat, lon, country, admin1, geo_precision."""
        if m is None:
            return (None,) * 8
        pj = self.json(m)
        return (pj["id"], pj["name"], pj["text"], pj["lat"], pj["lon"], pj["country"], pj["admin1"], m.geo_precision)

    def parents(self, m: PlaceMention) -> str:
        anchor = m.place or m.parent
        if anchor is None:
            return "[]"
        key = ("p:" if m.place else "q:") + anchor.id
        text = self._parents.get(key)
        if text is None:
            ids = list(anchor.parents) if m.place else [anchor.id, *anchor.parents]
            text = self._parents[key] = _json(ids)
        return text


#: Stored documents longer than this are zlib-compressed (``"zlib:" + base64``): DuckDB
#: writes strings over ~4 KB as overflow blocks, slowly, and keeps them cached.
COMPRESS_OVER = 3500
ZLIB_PREFIX = "zlib:"


def pack_doc(doc_json: str) -> str:
    if len(doc_json) <= COMPRESS_OVER:
        return doc_json
    return ZLIB_PREFIX + base64.b64encode(zlib.compress(doc_json.encode("utf-8"), 1)).decode("ascii")


def unpack_doc(stored: str) -> str:
    if stored.startswith(ZLIB_PREFIX):
        return zlib.decompress(base64.b64decode(stored[len(ZLIB_PREFIX) :])).decode("utf-8")
    return stored


def report_rows(report: Report, now: dt.datetime | None = None) -> ReportRows:
    """Every row the store writes for ``report``, with its contract document and hashes."""
    rid = report.id
    authors = {c.id: c.author for c in report.comments}

    def author(field_name: str) -> str | None:
        return None if field_name in ARTICLE_FIELDS else authors.get(field_name)

    doc = document(report)
    meta_json = _json(doc.pop("meta"))
    path = doc.pop("path")
    # The stored document leaves out the texts that have their own columns (reports.body,
    # comments.text); :meth:`SQLStore.document` puts them back. That halves what is written
    # and keeps ``doc`` short, which DuckDB stores much faster than long strings.
    doc["body"] = None
    for c in doc["comments"]:
        c["text"] = None
    ann_json = _json(doc)
    # The annotations hash covers everything but the volatile bits (path, meta).
    texts = "\x1e".join([report.body] + [c.text for c in report.comments])
    annotations_hash = _sha(ann_json + "\x1d" + texts)
    doc_json = pack_doc(f'{ann_json[:-1]},"path":{_json(path)},"meta":{meta_json}}}')
    places = _Places()
    chash = content_hash(report)
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    tables: dict[str, list[Row]] = {t: [] for t in TABLES}
    tables["reports"].append(
        (
            rid, report.source, report.url, report.title, report.published, report.language, report.path,
            report.body, len(report.comments), chash, annotations_hash, meta_json, doc_json, now, now,
        )
    )
    tables["comments"] = [
        (
            rid, i, c.id, c.author, c.posted.isoformat() if c.posted else None, c.parent, c.language,
            float(c.split_confidence), c.source_offset, c.text,
        )
        for i, c in enumerate(report.comments)
    ]
    for i, m in enumerate(report.places):
        pj = places.json(m)
        tables["place_mentions"].append(
            (
                rid, i, m.span.field, author(m.span.field), m.span.start, m.span.end, m.span.text, m.kind,
                m.place is not None, pj["id"], pj["name"], pj["feature"], pj["lat"], pj["lon"], pj["country"],
                pj["admin1"], pj["geonameid"], places.parents(m), m.geo_precision, m.relation,
                m.anchor.id if m.anchor else None, pj["anchor"], m.parent.id if m.parent else None, pj["parent"],
                pj["approximate"],
            )
        )
    for i, e in enumerate(report.events):
        a1, a2 = actor_json(e.actor1), actor_json(e.actor2)
        ev = e.evidence
        tables["events"].append(
            (
                rid, i, ev.field, author(ev.field), e.type, e.sub_type, e.plover, e.plover_mode,
                *((a1["name"], a1["id"], a1["inter"], a1["side"], a1["text"]) if a1 else (None,) * 5),
                *((a2["name"], a2["id"], a2["inter"], a2["side"], a2["text"]) if a2 else (None,) * 5),
                _json([actor_json(a) for a in e.assoc_actors]) if e.assoc_actors else "[]", *places.cols(e.place),
                e.date, e.date_text, e.time_precision, e.fatalities, e.modality, e.claimant,
                ev.start, ev.end, ev.text,
            )
        )
    for i, c in enumerate(report.control_claims):
        ev = c.evidence
        pc = places.cols(c.place)
        tables["claims"].append(
            (
                rid, i, ev.field, author(ev.field), *pc[:7], places.parents(c.place), pc[7], c.place.relation,
                c.place.anchor.name if c.place.anchor else None, c.controller, c.previous_controller, c.change,
                c.as_of, c.as_of_precision, c.as_of_text, c.modality, c.claimant, ev.start, ev.end, ev.text,
            )
        )
    for i, s in enumerate(report.stances):
        sev = s.evidence
        tables["stances"].append(
            (
                rid, i, s.comment_id, authors.get(s.comment_id), s.label, s.target, s.target_claim,
                float(s.confidence), sev.start if sev else None, sev.end if sev else None, sev.text if sev else None,
            )
        )
    tables["sources"] = [
        (rid, i, s.comment_id, authors.get(s.comment_id), s.kind, s.name, s.url, s.span.start, s.span.end, s.span.text)
        for i, s in enumerate(report.sources)
    ]
    tables["flags"] = [
        (
            rid, i, f.comment_id, authors.get(f.comment_id), f.category, f.span.start, f.span.end, f.span.text,
            float(f.score), f.rationale, f.target_group,
        )
        for i, f in enumerate(report.flags)
    ]
    return ReportRows(rid, chash, annotations_hash, tables)
