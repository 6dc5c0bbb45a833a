"""Quarantine: documents that failed, one JSON line each with where they came from and why.

A bad document never fails its partition: it is written to ``OUT/quarantine/<partition>.jsonl``
with its error (and its raw record when there is one), and the run goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Quarantined:
    """One failed document: ``where`` (file:line or file#row), its id if known, the error, the raw record."""

    where: str
    error: str
    stage: str = "read"  # "read" (could not become a report) or "pipeline"
    report_id: str | None = None
    raw: str | None = None


def quarantine_dir(out: Path) -> Path:
    return out / "quarantine"


def write_quarantine(out: Path, key: str, items: Sequence[Quarantined]) -> Path | None:
    """Write a partition's failures (atomically); remove a stale file when there are none."""
    path = quarantine_dir(out) / f"{key}.jsonl"
    if not items:
        path.unlink(missing_ok=True)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        for q in items:
            fh.write(json.dumps(asdict(q), ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


def read_quarantine(out: Path) -> Iterator[Quarantined]:
    """Every quarantined document of run folder ``out``."""
    folder = quarantine_dir(out)
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield Quarantined(**json.loads(line))
