"""Numbered migrations: the SQL files in ``frontwatch/store/migrations``.

``NNN_name.sql`` is portable SQL (DuckDB and PostgreSQL); ``NNN_name.duckdb.sql`` /
``NNN_name.postgresql.sql``, when present, add statements for one database and run right after
it, in the same transaction. :meth:`frontwatch.store.base.SQLStore.migrate` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import StoreError

MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def known_migrations() -> list[Migration]:
    """The migration files shipped in ``frontwatch/store/migrations``, in order.

    ``NNN_name.sql`` is portable; ``NNN_name.duckdb.sql`` / ``NNN_name.postgresql.sql`` (if
    present) add statements for one dialect and are applied right after it.
    """
    found = []
    for entry in resources.files("frontwatch.store.migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number: {versions}")
    return found


def dialect_migration(m: Migration, dialect: str) -> str:
    path = resources.files("frontwatch.store.migrations") / f"{m.version:03d}_{m.name}.{dialect}.sql"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def split_sql(script: str) -> list[str]:
    """Statements of a migration script (``--`` comments removed; no ``;`` inside strings)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
