"""The store's logic in portable SQL, over a few small dialect methods.

:class:`SQLStore` holds everything that is the same on DuckDB and PostgreSQL: migrations,
the upsert, and every read query. A subclass supplies the connection and the handful of
methods marked "dialect" (how to run a statement, fetch rows, insert many rows fast, and
open/close a transaction). SQL here uses ``?`` placeholders; a dialect whose driver wants
another style rewrites them in :meth:`SQLStore._sql`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from frontwatch.errors import InputError, NotFound, StoreError
from frontwatch.model import Report
from frontwatch.store.migrate import dialect_migration, known_migrations, split_sql
from frontwatch.store.rows import CHILD_TABLES, TABLES, ReportRows, columns, report_rows, unpack_doc

#: Parameters per ``IN (...)`` list (PostgreSQL allows 65535 per statement).
ID_CHUNK = 1000
#: Reports whose rows are built and inserted at a time within one upsert.
ROWS_CHUNK = 50


@dataclass(frozen=True)
class UpsertCounts:
    """What one :meth:`SQLStore.upsert` call did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(self.new + other.new, self.updated + other.updated, self.unchanged + other.unchanged)


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


_JSON_COLUMNS = frozenset({"place_parents", "assoc_actors", "meta"})


class SQLStore:
    """The store: reports and their annotations in SQL tables (see ``docs/store.md``)."""

    dialect = "sql"

    def __init__(self, location: str) -> None:
        self.location = location

    # -- dialect --------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a query."""
        raise NotImplementedError

    def _insert_rows(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows (columns as in :data:`rows.TABLES`) inside the open transaction."""
        cols = columns(table)
        marks = ", ".join("?" for _ in cols)
        self._executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def close(self) -> None:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """``sql`` in the driver's placeholder style (``?`` here)."""
        return sql

    # -- life cycle -----------------------------------------------------------------------
    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all."""
        self._begin()
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        self._commit()

    def migrate(self) -> list[int]:
        """Apply every migration not applied yet, each in its own transaction; return them."""
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)"
        )
        applied = {int(r[0]) for r in self._fetch("SELECT version FROM schema_migrations")[1]}
        known = known_migrations()
        newest_known = max((m.version for m in known), default=0)
        unknown = sorted(v for v in applied if v not in {m.version for m in known})
        if unknown and max(unknown) > newest_known:
            raise StoreError(
                f"the store's schema is newer than this frontwatch knows (migration {max(unknown):03d}, "
                f"newest known {newest_known:03d})",
                where=self.location,
                hint="upgrade frontwatch, or use another --db",
            )
        done = []
        for m in known:
            if m.version in applied:
                continue
            with self.transaction():
                for statement in split_sql(m.sql) + split_sql(dialect_migration(m, self.dialect)):
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)),
                )
            done.append(m.version)
        return done

    def schema_version(self) -> int:
        rows = self._fetch("SELECT MAX(version) FROM schema_migrations")[1]
        return int(rows[0][0] or 0)

    # -- writes ---------------------------------------------------------------------------
    def upsert(self, reports: Iterable[Report]) -> UpsertCounts:
        """Write ``reports`` in one transaction: new ones added, changed ones replaced.

        The key is ``report.id``; a report whose content and annotations hash equal the stored
        ones is left alone and counted unchanged. If the same id occurs twice, the last wins.
        Rows are built and inserted :data:`ROWS_CHUNK` reports at a time (inside the one
        transaction), so a batch of richly annotated reports never has all its rows in memory.
        """
        items = list(reports)
        last = {r.id: i for i, r in enumerate(items)}
        items = [r for i, r in enumerate(items) if last[r.id] == i]
        if not items:
            return UpsertCounts()
        stored: dict[str, tuple[str, str]] = {}
        counts = UpsertCounts()
        with self.transaction():
            for chunk in _chunks([r.id for r in items], ID_CHUNK):
                marks = ", ".join("?" for _ in chunk)
                _, rows = self._fetch(
                    f"SELECT id, content_hash, annotations_hash FROM reports WHERE id IN ({marks})", chunk
                )
                stored.update({r[0]: (r[1], r[2]) for r in rows})
            for part in _chunks(items, ROWS_CHUNK):
                counts = counts + self._write_part([report_rows(r) for r in part], stored)
        return counts

    def _write_part(self, batch: list[ReportRows], stored: dict[str, tuple[str, str]]) -> UpsertCounts:
        """Insert (or replace) the rows of some reports, inside the caller's transaction."""
        new = updated = unchanged = 0
        to_write: list[ReportRows] = []
        replaced: list[str] = []
        for rr in batch:
            old = stored.get(rr.id)
            if old is None:
                new += 1
            elif old == (rr.content_hash, rr.annotations_hash):
                unchanged += 1
                continue
            else:
                updated += 1
                replaced.append(rr.id)
            to_write.append(rr)
        ingested: dict[str, Any] = {}
        for chunk in _chunks(replaced, ID_CHUNK):
            marks = ", ".join("?" for _ in chunk)
            _, rows = self._fetch(f"SELECT id, ingested_at FROM reports WHERE id IN ({marks})", chunk)
            ingested.update(dict(rows))
            for table in (*CHILD_TABLES, "reports"):
                key = "id" if table == "reports" else "report_id"
                self._execute(f"DELETE FROM {table} WHERE {key} IN ({marks})", chunk)
        for table in TABLES:
            rows_out: list[tuple[Any, ...]] = []
            for rr in to_write:
                rows_out.extend(rr.tables[table])
            if table == "reports" and ingested:
                at = columns("reports").index("ingested_at")
                rows_out = [r[:at] + (ingested.get(r[0], r[at]),) + r[at + 1 :] for r in rows_out]
            if rows_out:
                self._insert_rows(table, rows_out)
        return UpsertCounts(new, updated, unchanged)

    def delete(self, report_id: str) -> bool:
        """Remove a report and all its rows; False if it was not there."""
        with self.transaction():
            found = self._fetch("SELECT COUNT(*) FROM reports WHERE id = ?", (report_id,))[1][0][0]
            for table in CHILD_TABLES:
                self._execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
            self._execute("DELETE FROM reports WHERE id = ?", (report_id,))
        return bool(found)

    def write(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one writing statement (for areas that keep their own tables)."""
        try:
            self._execute(sql, params)
        except Exception as exc:
            raise StoreError(f"write failed: {exc}", where=self.location) from exc

    def write_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one writing statement for each row, all in one transaction."""
        with self.transaction():
            self._executemany(sql, list(rows))

    # -- reads ----------------------------------------------------------------------------
    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (``?`` placeholders)."""
        return self._fetch(sql, params)[1]

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cols, rows = self._fetch(sql, params)
        out = []
        for row in rows:
            d = {}
            for name, value in zip(cols, row, strict=True):
                if name in _JSON_COLUMNS and isinstance(value, str):
                    value = json.loads(value)
                d[name] = _iso(value)
            out.append(d)
        return out

    def document(self, report_id: str) -> dict[str, Any]:
        """The JSON-contract document of a stored report."""
        rows = self._fetch("SELECT id, doc, body FROM reports WHERE id = ?", (report_id,))[1]
        if not rows:
            raise NotFound(f"no report {report_id!r} in the store", where=self.location)
        return self._assemble(rows)[0]

    def _assemble(self, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Documents from ``(id, doc, body)`` rows, with comment texts put back."""
        texts: dict[tuple[str, int], str] = {}
        ids = [r[0] for r in rows]
        for chunk in _chunks(ids, ID_CHUNK):
            marks = ", ".join("?" for _ in chunk)
            for rid, idx, text in self._fetch(
                f"SELECT report_id, idx, text FROM comments WHERE report_id IN ({marks})", chunk
            )[1]:
                texts[(rid, idx)] = text
        docs = []
        for rid, doc_json, body in rows:
            doc = json.loads(unpack_doc(doc_json))
            doc["body"] = body
            for i, c in enumerate(doc["comments"]):
                c["text"] = texts.get((rid, i), c.get("text"))
            docs.append(doc)
        return docs

    def iter_documents(self, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every stored document, ordered by id."""
        last = ""
        while True:
            rows = self._fetch(
                f"SELECT id, doc, body FROM reports WHERE id > ? ORDER BY id LIMIT {int(batch)}", (last,)
            )[1]
            if not rows:
                return
            yield from self._assemble(rows)
            last = rows[-1][0]

    def documents(
        self,
        limit: int = 50,
        offset: int = 0,
        source: str | None = None,
        q: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """Summary rows of stored reports, newest first."""
        where, params = ["1=1"], []
        if source:
            where.append("source = ?")
            params.append(source)
        if q:
            where.append("(title ILIKE ? OR body ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        if since:
            where.append("published >= ?")
            params.append(_date(since))
        if until:
            where.append("published <= ?")
            params.append(_date(until))
        sql = (
            "SELECT id, title, source, url, published, language, n_comments FROM reports "
            f"WHERE {' AND '.join(where)} ORDER BY published DESC NULLS LAST, id LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        return self._dicts(sql, params)

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        counts = {
            "reports": "SELECT COUNT(*) FROM reports",
            "comments": "SELECT COUNT(*) FROM comments",
            "places": "SELECT COUNT(*) FROM place_mentions",
            "places_resolved": "SELECT COUNT(*) FROM place_mentions WHERE resolved",
            "events": "SELECT COUNT(*) FROM events",
            "claims": "SELECT COUNT(*) FROM claims",
            "stances": "SELECT COUNT(*) FROM stances",
            "sources": "SELECT COUNT(*) FROM sources",
            "flags": "SELECT COUNT(*) FROM flags",
            "outlets": "SELECT COUNT(DISTINCT source) FROM reports",
        }
        out: dict[str, Any] = {k: int(self._fetch(sql)[1][0][0]) for k, sql in counts.items()}
        first, last = self._fetch("SELECT MIN(published), MAX(published) FROM reports")[1][0]
        out["first_published"] = _iso(first)
        out["last_published"] = _iso(last)
        out["schema_version"] = self.schema_version()
        out["db"] = self.location
        return out

    # claim rows --------------------------------------------------------------------------
    _CLAIM_SELECT = (
        "SELECT c.report_id || ':' || CAST(c.idx AS TEXT) AS claim_id, c.report_id, c.idx, r.source, r.url, "
        "r.published, c.field, c.comment_author, c.place_id, c.place_name, c.place_text, c.lat, c.lon, "
        "c.place_parents, c.geo_precision, c.relation, c.anchor_name, c.controller, c.previous_controller, "
        "c.change, c.as_of, c.as_of_precision, c.modality, c.claimant, c.evidence_start, c.evidence_end, "
        "c.evidence_text FROM claims c JOIN reports r ON r.id = c.report_id"
    )

    def claim_rows(self, place_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Every control claim (article and comments), optionally only for ``place_ids``."""
        if place_ids is None:
            return self._dicts(f"{self._CLAIM_SELECT} ORDER BY c.report_id, c.idx")
        out: list[dict[str, Any]] = []
        for chunk in _chunks(list(place_ids), ID_CHUNK):
            marks = ", ".join("?" for _ in chunk)
            out += self._dicts(f"{self._CLAIM_SELECT} WHERE c.place_id IN ({marks}) ORDER BY c.report_id, c.idx", chunk)
        out.sort(key=lambda d: (d["report_id"], d["idx"]))
        return out

    def iter_claim_rows(self, batch: int = 100_000) -> Iterator[dict[str, Any]]:
        """Every control claim, fetched ``batch`` at a time (keyset paging on report id, idx)."""
        last_report, last_idx = "", -1
        while True:
            rows = self._dicts(
                f"{self._CLAIM_SELECT} WHERE (c.report_id > ? OR (c.report_id = ? AND c.idx > ?)) "
                f"ORDER BY c.report_id, c.idx LIMIT {int(batch)}",
                (last_report, last_report, last_idx),
            )
            if not rows:
                return
            yield from rows
            last_report, last_idx = rows[-1]["report_id"], rows[-1]["idx"]

    def stance_rows(self, report_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT report_id, comment_id, label, target, target_claim, confidence, author, "
            "evidence_start, evidence_end, evidence_text FROM stances"
        )
        if report_ids is None:
            return self._dicts(f"{sql} ORDER BY report_id, idx")
        out: list[dict[str, Any]] = []
        for chunk in _chunks(list(report_ids), ID_CHUNK):
            marks = ", ".join("?" for _ in chunk)
            out += self._dicts(f"{sql} WHERE report_id IN ({marks}) ORDER BY report_id, idx", chunk)
        return out

    # filtered rows -----------------------------------------------------------------------
    def _filtered(
        self,
        table: str,
        date_col: str,
        actor_cols: Sequence[str],
        type_cols: Sequence[str],
        filters: dict[str, Any],
        order: str,
    ) -> list[dict[str, Any]]:
        known = {"place", "actor", "type", "source", "since", "until", "limit", "offset", "report_id"}
        unknown = set(filters) - known
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        where, params = ["1=1"], []
        if filters.get("report_id"):
            where.append("t.report_id = ?")
            params.append(filters["report_id"])
        if filters.get("place"):
            where.append("(t.place_id = ? OR LOWER(t.place_name) = LOWER(?))")
            params += [filters["place"]] * 2
        if filters.get("actor") and actor_cols:
            where.append("(" + " OR ".join(f"t.{c} = ? OR LOWER(t.{c}) = LOWER(?)" for c in actor_cols) + ")")
            params += [filters["actor"]] * (2 * len(actor_cols))
        if filters.get("type") and type_cols:
            where.append("(" + " OR ".join(f"t.{c} = ?" for c in type_cols) + ")")
            params += [filters["type"]] * len(type_cols)
        if filters.get("source"):
            where.append("r.source = ?")
            params.append(filters["source"])
        if filters.get("since"):
            where.append(f"{date_col} >= ?")
            params.append(_date(filters["since"]))
        if filters.get("until"):
            where.append(f"{date_col} <= ?")
            params.append(_date(filters["until"]))
        limit = f" LIMIT {int(filters['limit'])}" if filters.get("limit") is not None else ""
        offset = f" OFFSET {int(filters['offset'])}" if filters.get("offset") else ""
        own = columns(table)
        extra = ", r.source" + (", r.url AS report_url" if "url" in own else ", r.url") + ", r.published"
        sql = (
            f"SELECT t.*{extra} FROM {table} t JOIN reports r ON r.id = t.report_id "
            f"WHERE {' AND '.join(where)} ORDER BY {order}{limit}{offset}"
        )
        return self._dicts(sql, params)

    def event_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Events with their report's source/url/published; filters as in the store contract."""
        return self._filtered(
            "events",
            "COALESCE(t.event_date, r.published)",
            ("actor1", "actor1_id", "actor2", "actor2_id"),
            ("type", "sub_type"),
            filters,
            "COALESCE(t.event_date, r.published), t.report_id, t.idx",
        )

    def place_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Place mentions with their report's source/url/published."""
        return self._filtered("place_mentions", "r.published", (), ("feature",), filters, "r.published, t.report_id, t.idx")

    def flag_rows(self, report_id: str | None = None) -> list[dict[str, Any]]:
        return self._filtered("flags", "r.published", (), ("category",), {"report_id": report_id}, "t.report_id, t.idx")

    def comment_rows(self, report_id: str) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT report_id, idx, id, author, posted, parent, language, split_confidence, source_offset, text "
            "FROM comments WHERE report_id = ? ORDER BY idx",
            (report_id,),
        )

    def source_rows(self, report_id: str | None = None) -> list[dict[str, Any]]:
        return self._filtered("sources", "r.published", (), ("kind",), {"report_id": report_id}, "t.report_id, t.idx")

    def table_rows(self, table: str, batch: int = 50_000) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """All rows of one of the store's tables, ``batch`` at a time (for exports)."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}")
        order = "id" if table == "reports" else "report_id, idx"
        names = ", ".join(columns(table))
        offset = 0
        while True:
            cols, rows = self._fetch(f"SELECT {names} FROM {table} ORDER BY {order} LIMIT {int(batch)} OFFSET {offset}")
            if not rows:
                return
            yield cols, rows
            offset += len(rows)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"cannot read {value!r} as a date", hint="use YYYY-MM-DD") from None
