"""The store: reports and their annotations, in DuckDB (default) or PostgreSQL.

    >>> with open_store("frontwatch.duckdb") as store:
    ...     counts = store.upsert(reports)
    ...     store.document(report_id)

See ``docs/store.md`` for the tables and ``/work/store_contract.md``-style interface
(:class:`frontwatch.store.base.SQLStore`).
"""

from __future__ import annotations

from pathlib import Path

from frontwatch.store.base import SQLStore, UpsertCounts

Store = SQLStore

__all__ = ["Store", "SQLStore", "UpsertCounts", "open_store"]


def open_store(db: str | Path, *, read_only: bool = False) -> SQLStore:
    """The store at ``db``: a DuckDB file path (or ``:memory:``), or a ``postgresql://`` URL.

    Opening applies any migration not yet applied (not when ``read_only``).
    """
    location = str(db)
    if location.startswith(("postgresql://", "postgres://")):
        from frontwatch.store.postgres import PostgresStore  # type: ignore[import-not-found]

        return PostgresStore(location)  # type: ignore[no-any-return]
    from frontwatch.store.duckdb import DuckDBStore

    return DuckDBStore(location, read_only=read_only)
