"""The store's tables as Parquet files: ``OUT/<table>.parquet``, one per table.

``--out`` names a folder (created if missing). DuckDB writes the files itself; another store
goes through pyarrow. Returns the number of rows written over all tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from frontwatch.errors import InputError
from frontwatch.store.rows import TABLES, arrow_schema, arrow_table


def write(store: Any, out: str | Path | None) -> int:
    if out is None or str(out) == "-":
        raise InputError("parquet export needs a folder", where="--out", hint="add --out FOLDER")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError("parquet export writes a folder, and this is a file", where=str(folder))
    if not folder.parent.is_dir():
        raise InputError("the folder above the output folder does not exist", where=str(folder))
    folder.mkdir(exist_ok=True)
    total = 0
    for table in TABLES:
        path = folder / f"{table}.parquet"
        if hasattr(store, "export_parquet"):
            total += store.export_parquet(table, path)
            continue
        with pq.ParquetWriter(str(path), arrow_schema(table)) as writer:
            for _cols, rows in store.table_rows(table):
                writer.write_table(arrow_table(table, rows))
                total += len(rows)
    return total
