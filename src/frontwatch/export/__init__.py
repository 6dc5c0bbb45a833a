"""Exports of the store: ``export(store, fmt, out) -> int`` (records written).

Formats: ``acled-csv`` (factual events in ACLED's columns), ``geojson`` (place mentions,
events and control claims with coordinates), ``jsonl`` (one report per line in the ingest
schema, plus its annotations; re-ingestable), ``parquet`` (a folder with one file per table).
``out`` ``None`` writes text formats to standard output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from frontwatch.errors import InputError

FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "jsonl", "parquet")


@contextmanager
def open_out(out: str | Path | None, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream for ``out`` (standard output when ``None`` or ``-``)."""
    if out is None or str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise InputError("the folder for the output file does not exist", where=str(path))
    with path.open("w", encoding="utf-8", newline=newline) as fh:
        yield fh


def export(store: Any, fmt: str, out: str | Path | None = None) -> int:
    """Write the store in format ``fmt`` to ``out``; return the number of records written."""
    writers: dict[str, Callable[[Any, str | Path | None], int]]
    from frontwatch.export import acled_csv, geojson, jsonl, parquet

    writers = {
        "acled-csv": acled_csv.write,
        "geojson": geojson.write,
        "jsonl": jsonl.write,
        "parquet": parquet.write,
    }
    if fmt not in writers:
        raise InputError(f"unknown export format {fmt!r}", where="--format", hint=f"one of {', '.join(FORMATS)}")
    return writers[fmt](store, out)
