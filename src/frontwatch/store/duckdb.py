"""The default store: one DuckDB file (or ``:memory:``).

DuckDB allows one writing process per file; frontwatch writes through one :class:`DuckDBStore`
and reads through the same object. Rows go in as Arrow tables (one ``INSERT ... SELECT`` per
table per batch), which is what makes ingest fast; every upsert is one transaction, and
DuckDB's write-ahead log makes a committed transaction survive a killed process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from frontwatch.errors import StoreError
from frontwatch.model import Report
from frontwatch.store.base import SQLStore, UpsertCounts
from frontwatch.store.rows import arrow_table, columns


class DuckDBStore(SQLStore):
    """The store in a DuckDB file."""

    dialect = "duckdb"

    def __init__(
        self, path: str | Path = "frontwatch.duckdb", *, read_only: bool = False, write_memory_limit: str | None = "32MB"
    ) -> None:
        super().__init__(str(path))
        if str(path) != ":memory:":
            parent = Path(path).expanduser().parent
            if not parent.is_dir():
                raise StoreError("the folder for the database does not exist", where=str(path))
            if read_only and not Path(path).exists():
                raise StoreError("no database here", where=str(path), hint="run `frontwatch ingest` first")
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            hint = "another frontwatch process may hold it; stop it or use another --db"
            raise StoreError(f"cannot open the database: {str(exc).splitlines()[0]}", where=str(path), hint=hint) from None
        except duckdb.Error as exc:
            raise StoreError(f"not a DuckDB database: {str(exc).splitlines()[0]}", where=str(path)) from None
        self.read_only = read_only
        self.write_memory_limit = write_memory_limit
        if read_only:
            self._check_schema()
        else:
            self.migrate()

    def _check_schema(self) -> None:
        from frontwatch.store.migrate import known_migrations

        newest = max((m.version for m in known_migrations()), default=0)
        try:
            version = self.schema_version()
        except duckdb.Error:
            raise StoreError("not a frontwatch store (no schema_migrations table)", where=self.location) from None
        if version > newest:
            raise StoreError(
                f"the store's schema is newer than this frontwatch knows ({version:03d} > {newest:03d})",
                where=self.location,
                hint="upgrade frontwatch",
            )

    def upsert(self, reports: Iterable[Report]) -> UpsertCounts:
        """As :meth:`SQLStore.upsert`; then DuckDB's cache of written blocks is let go.

        Ingest writes and never re-reads, so the blocks DuckDB keeps cached after a commit
        (up to its memory limit, 80% of RAM by default) are dead weight: about 150 MB over
        10,000 reports. After each batch the limit is briefly lowered to
        ``write_memory_limit``, which evicts them (they are on disk), then reset to the default. The limit
        is never low *during* a write: a checkpoint that runs out of memory invalidates the
        database. A database error becomes a one-line :class:`StoreError`.
        """
        try:
            counts = super().upsert(reports)
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise StoreError(f"cannot write: {first}", where=self.location) from None
        if self.write_memory_limit:
            self._release_cache()
        return counts

    def _release_cache(self) -> None:
        try:
            self.con.execute(f"SET memory_limit = '{self.write_memory_limit}'")
        except duckdb.Error:
            pass  # could not evict that far; nothing is lost
        finally:
            self.con.execute("RESET memory_limit")

    # -- dialect --------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params) if params else None)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.con.execute(sql, list(params) if params else None)
        cols = [d[0] for d in cur.description or ()]
        return cols, cur.fetchall()

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.con.executemany(sql, [list(r) for r in rows])

    def _insert_rows(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        arrow = arrow_table(table, rows)
        view = f"_fw_rows_{table}"
        self.con.register(view, arrow)
        try:
            names = ", ".join(columns(table))
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            with contextlib.suppress(duckdb.Error):  # the transaction may be aborted already
                self.con.unregister(view)

    def close(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
            self.con = None  # type: ignore[assignment]

    def export_parquet(self, table: str, path: Path) -> int:
        """Write one table to a Parquet file with DuckDB's own writer; return its row count."""
        order = "id" if table == "reports" else "report_id, idx"
        names = ", ".join(columns(table))
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY (SELECT {names} FROM {table} ORDER BY {order}) TO '{target}' (FORMAT PARQUET)")
        return int(self.con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # type: ignore[index]

