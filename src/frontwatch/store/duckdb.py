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
        self._memory_limit = str(self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0])  # type: ignore[index]
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
        """As :meth:`SQLStore.upsert`, with DuckDB's cache held small meanwhile.

        Ingest writes and never re-reads, so the blocks DuckDB would keep cached are dead
        weight (about 150 MB over 10,000 reports). During the write the memory limit is
        ``write_memory_limit`` plus room for the batch's own text; queries afterwards get the
        full limit back. A database error becomes a one-line :class:`StoreError`.
        """
        batch = list(reports)
        try:
            if not self.write_memory_limit:
                return super().upsert(batch)
            text = sum(len(r.body) + len(r.title) + sum(len(c.text) for c in r.comments) for r in batch)
            limit_mb = _megabytes(self.write_memory_limit) + 8 * text // 1_000_000
            self.con.execute(f"SET memory_limit = '{limit_mb}MB'")
            try:
                return super().upsert(batch)
            finally:
                self.con.execute(f"SET memory_limit = '{self._memory_limit}'")
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise StoreError(f"cannot write: {first}", where=self.location) from None

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


def _megabytes(size: str) -> int:
    """``"64MB"`` / ``"1GB"`` / ``"512"`` (MB) as a number of megabytes."""
    text = size.strip().upper().replace(" ", "").removesuffix("B").removesuffix("I")
    factor = {"K": 1 / 1000, "M": 1, "G": 1000, "T": 1_000_000}
    if text and text[-1] in factor:
        return max(1, int(float(text[:-1]) * factor[text[-1]]))
    return int(float(text))
