"""Results of a batch run: one Parquet file per partition, and the comparison of two runs.

``OUT/parts/<partition>.parquet`` holds one row per analysed report: its id, a few columns for
quick filtering (source, published, language, counts of annotations) and ``document``, the
report's JSON-contract document as canonical JSON text. Files are written to a temporary name
and renamed, so a killed worker never leaves half a partition, and a partition that runs twice
(a worker lost mid-run and its task re-run elsewhere) simply replaces its own file.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.model import Report

PARTS = "parts"


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("language", pa.string()),
            ("n_comments", pa.int32()),
            ("n_places", pa.int32()),
            ("n_events", pa.int32()),
            ("n_claims", pa.int32()),
            ("n_stances", pa.int32()),
            ("n_sources", pa.int32()),
            ("n_flags", pa.int32()),
            ("document", pa.string()),
        ]
    )


def canonical_document(report: Report) -> str:
    """The report's JSON-contract document as canonical JSON (sorted keys), for storing and comparing."""
    from frontwatch.contract import document

    return json.dumps(document(report), sort_keys=True, ensure_ascii=False, default=str)


def report_row(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "source": report.source,
        "url": report.url,
        "title": report.title,
        "published": report.published,
        "language": report.language,
        "n_comments": len(report.comments),
        "n_places": len(report.places),
        "n_events": len(report.events),
        "n_claims": len(report.control_claims),
        "n_stances": len(report.stances),
        "n_sources": len(report.sources),
        "n_flags": len(report.flags),
        "document": canonical_document(report),
    }


def write_partition(out: Path, key: str, reports: Sequence[Report]) -> str:
    """Write ``reports`` to ``OUT/parts/<key>.parquet`` atomically; returns the path relative to ``out``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rel = f"{PARTS}/{key}.parquet"
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([report_row(r) for r in reports], schema=_schema())
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return rel


def iter_records(out: Path) -> Iterator[tuple[str, str]]:
    """``(report id, canonical document)`` for every row of every partition of run ``out``."""
    import pyarrow.parquet as pq

    for path in sorted((out / PARTS).glob("*.parquet")):
        table = pq.read_table(path, columns=["id", "document"])
        yield from zip(table.column("id").to_pylist(), table.column("document").to_pylist(), strict=True)


@dataclass
class Comparison:
    """How the records of two runs differ (``same`` when they do not)."""

    a: int = 0
    b: int = 0
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    duplicates_a: list[str] = field(default_factory=list)
    duplicates_b: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.only_a or self.only_b or self.different or self.duplicates_a or self.duplicates_b)

    def as_dict(self, limit: int = 20) -> dict[str, Any]:
        return {
            "same": self.same,
            "records_a": self.a,
            "records_b": self.b,
            **{k: getattr(self, k)[:limit] for k in ("only_a", "only_b", "different", "duplicates_a", "duplicates_b")},
            "counts": {k: len(getattr(self, k)) for k in ("only_a", "only_b", "different", "duplicates_a", "duplicates_b")},
        }


def compare_runs(a: Path, b: Path) -> Comparison:
    """Compare the records of run folders ``a`` and ``b`` report by report."""
    result = Comparison()

    def load(folder: Path) -> tuple[dict[str, str], list[str], int]:
        docs: dict[str, str] = {}
        seen: Counter[str] = Counter()
        for rid, doc in iter_records(folder):
            seen[rid] += 1
            docs[rid] = doc
        return docs, sorted(k for k, n in seen.items() if n > 1), sum(seen.values())

    da, result.duplicates_a, result.a = load(a)
    db, result.duplicates_b, result.b = load(b)
    result.only_a = sorted(set(da) - set(db))
    result.only_b = sorted(set(db) - set(da))
    result.different = sorted(k for k in set(da) & set(db) if da[k] != db[k])
    return result
