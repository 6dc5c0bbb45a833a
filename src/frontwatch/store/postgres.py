"""The store on a PostgreSQL server, for teams: many readers and several writers at once.

Same tables, same numbered migrations and the same reads as the DuckDB store (all in
:class:`~frontwatch.store.base.SQLStore`); what differs is here:

* Migrations run under a session advisory lock, so two processes opening a fresh database at
  once do not both migrate it.
* :meth:`PostgresStore.upsert` is safe with several writers (batch workers and the API): the
  report row goes in with ``INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE the hashes differ``,
  which locks that id until commit, so two writers of one report serialise and neither
  duplicates its rows; unique keys on ``(report_id, idx)`` back this up. Batches are written in
  id order (no deadlocks between writers of overlapping batches); a serialization failure or
  deadlock is retried.
* Annotation rows go in with ``COPY``.
* When PostGIS is installed on the server, the views ``place_mentions_geo``, ``events_geo`` and
  ``claims_geo`` add a ``geom`` point column (SRID 4326) with GiST expression indexes behind
  them; without PostGIS the plain ``lat``/``lon`` columns serve (see :meth:`claims_near`).
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Iterable, Sequence
from typing import Any

from frontwatch.errors import ConfigError, StoreError
from frontwatch.model import Report
from frontwatch.store.base import ID_CHUNK, SQLStore, UpsertCounts, _chunks
from frontwatch.store.rows import CHILD_TABLES, ReportRows, columns, report_rows

#: Key of the advisory lock held while migrating (any constant; "fw" + "migr").
MIGRATION_LOCK = 0x66776D69
#: Attempts of one upsert on serialization failures and deadlocks.
RETRIES = 5
_RETRY_STATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected
_GEO_TABLES = ("place_mentions", "events", "claims")
_PLACEHOLDER = re.compile(r"('(?:[^']|'')*')|(\?)|(%)")


def _to_psycopg(sql: str) -> str:
    """``?`` placeholders as ``%s`` (and literal ``%`` as ``%%``), leaving quoted strings alone."""

    def swap(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(1).replace("%", "%%")
        return "%s" if m.group(2) else "%%"

    return _PLACEHOLDER.sub(swap, sql)


def mask(url: str) -> str:
    """The URL with its password hidden."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database (``postgresql://user:pass@host:5432/dbname``)."""

    dialect = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__(mask(url))
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a postgresql:// store needs psycopg", hint="pip install 'frontwatch[scale]'") from None
        self._psycopg = psycopg
        try:
            self.con = psycopg.connect(url, autocommit=True, application_name="frontwatch")
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect: {first}", where=self.location, hint="check the URL and that the server runs") from None
        self.read_only = read_only
        self.postgis = False
        if not read_only:
            self.migrate()
        self.postgis = self._has_geo_views()

    # -- dialect --------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if params:
            self.con.execute(_to_psycopg(sql), list(params))  # type: ignore[arg-type]
        else:
            self.con.execute(sql)  # type: ignore[arg-type]

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.con.execute(_to_psycopg(sql), list(params)) if params else self.con.execute(sql)  # type: ignore[arg-type]
        cols = [d.name for d in cur.description or ()]
        return cols, cur.fetchall() if cur.description else []

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [list(r) for r in rows]
        if rows:
            with self.con.cursor() as cur:
                cur.executemany(_to_psycopg(sql), rows)  # type: ignore[arg-type]

    def _insert_rows(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        names = ", ".join(columns(table))
        with self.con.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[arg-type]
            for row in rows:
                copy.write_row(row)

    def close(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
            self.con = None  # type: ignore[assignment]

    # -- migrations -----------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply missing migrations while holding an advisory lock; then the PostGIS views."""
        self.con.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            done = super().migrate()
            self._ensure_keys()
            self._ensure_geo()
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
        return done

    def _ensure_keys(self) -> None:
        """Unique keys that stop two writers from ever storing a report's rows twice."""
        for table in CHILD_TABLES:
            self.con.execute(
                f"CREATE UNIQUE INDEX IF NOT EXISTS {table}_report_idx_key ON {table} (report_id, idx)"  # type: ignore[arg-type]
            )

    def _postgis_schema(self) -> str | None:
        row = self.con.execute(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'"
        ).fetchone()
        return str(row[0]) if row else None

    def _ensure_geo(self) -> None:
        available = self.con.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone()
        if not available:
            return
        if self._postgis_schema() is None:
            try:
                self.con.execute("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public")
            except self._psycopg.Error:
                return  # not allowed to create it: plain lat/lon columns serve
        gis = self._postgis_schema()
        point = f"{gis}.ST_SetSRID({gis}.ST_MakePoint(lon, lat), 4326)"
        for table in _GEO_TABLES:
            self.con.execute(f"CREATE INDEX IF NOT EXISTS {table}_geom_idx ON {table} USING GIST (({point}))")  # type: ignore[arg-type]
            self.con.execute(f"CREATE OR REPLACE VIEW {table}_geo AS SELECT t.*, {point} AS geom FROM {table} t")  # type: ignore[arg-type]

    def _has_geo_views(self) -> bool:
        row = self.con.execute("SELECT to_regclass('claims_geo') IS NOT NULL").fetchone()
        return bool(row and row[0])

    # -- writes ---------------------------------------------------------------------------
    def upsert(self, reports: Iterable[Report]) -> UpsertCounts:
        """Write ``reports`` in one transaction, safely alongside other writers (retried on conflicts)."""
        batch: dict[str, ReportRows] = {}
        for report in reports:
            batch[report.id] = report_rows(report)
        if not batch:
            return UpsertCounts()
        ordered = [batch[k] for k in sorted(batch)]
        for attempt in range(1, RETRIES + 1):
            try:
                return self._upsert_once(ordered)
            except self._psycopg.errors.OperationalError as exc:
                state = getattr(exc, "sqlstate", None)
                if state not in _RETRY_STATES or attempt == RETRIES:
                    raise StoreError(f"upsert failed: {exc}", where=self.location) from exc
                time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
            except self._psycopg.errors.UniqueViolation:
                # another writer inserted the same annotation rows between our statements
                if attempt == RETRIES:
                    raise
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _upsert_once(self, ordered: list[ReportRows]) -> UpsertCounts:
        cols = columns("reports")
        kept = [c for c in cols if c not in ("id", "ingested_at")]
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in kept)
        sql = (
            f"INSERT INTO reports ({', '.join(cols)}) VALUES ({', '.join('%s' for _ in cols)}) "
            f"ON CONFLICT (id) DO UPDATE SET {sets} "
            "WHERE reports.content_hash IS DISTINCT FROM EXCLUDED.content_hash "
            "OR reports.annotations_hash IS DISTINCT FROM EXCLUDED.annotations_hash "
            "RETURNING id, (xmax = 0) AS inserted"
        )
        new: list[str] = []
        updated: list[str] = []
        with self.transaction():
            with self.con.cursor() as cur:
                rows = [r for rr in ordered for r in rr.tables["reports"]]
                cur.executemany(sql, rows, returning=True)  # type: ignore[arg-type]
                while True:
                    got = cur.fetchone()
                    if got is not None:
                        (new if got[1] else updated).append(got[0])
                    if not cur.nextset():
                        break
            for chunk in _chunks(updated, ID_CHUNK):
                for table in CHILD_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE report_id = ANY(%s)", (chunk,))  # type: ignore[arg-type]
            written = set(new) | set(updated)
            for table in CHILD_TABLES:
                out = [row for rr in ordered if rr.tables["reports"][0][0] in written for row in rr.tables[table]]
                if out:
                    self._insert_rows(table, out)
        return UpsertCounts(len(new), len(updated), len(ordered) - len(written))

    # -- spatial --------------------------------------------------------------------------
    def claims_near(self, lat: float, lon: float, km: float) -> list[dict[str, Any]]:
        """Control claims within ``km`` of a point: PostGIS when present, else lat/lon arithmetic."""
        gis = self._postgis_schema() if self.postgis else None
        if gis:
            where = (
                f"{gis}.ST_DWithin({gis}.ST_SetSRID({gis}.ST_MakePoint(c.lon, c.lat), 4326)::{gis}.geography, "
                f"{gis}.ST_SetSRID({gis}.ST_MakePoint(?, ?), 4326)::{gis}.geography, ?)"
            )
            params: list[Any] = [lon, lat, km * 1000.0]
        else:
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            where = "c.lat BETWEEN ? AND ? AND c.lon BETWEEN ? AND ?"
            params = [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        rows = self._dicts(f"{self._CLAIM_SELECT} WHERE {where} ORDER BY c.report_id, c.idx", params)
        return [r for r in rows if _km(lat, lon, r["lat"], r["lon"]) <= km]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))

