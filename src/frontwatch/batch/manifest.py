"""The manifest of a batch run: which partitions are finished, so a re-run skips them.

``OUT/manifest.jsonl`` gets one line per finished partition, appended (and flushed to disk) by
the driver only after the partition's Parquet file, quarantine file and store writes are all
done. A partition is finished when its line is there and its Parquet file still exists.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PartitionDone:
    """What one partition produced."""

    key: str
    ok: int
    failed: int
    output: str  # Parquet file, relative to the run folder
    stored: bool = False
    seconds: float = 0.0
    worker: str = ""
    db: str | None = None  # the store it was written to (password masked)


class Manifest:
    """Finished partitions of the run in folder ``out``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / "manifest.jsonl"
        self.done: dict[str, PartitionDone] = {}
        if self.path.exists():
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        entry = PartitionDone(**json.loads(line))
                    except (json.JSONDecodeError, TypeError):
                        continue  # a line cut short by a crash: that partition is redone
                    self.done[entry.key] = entry

    def is_done(self, key: str, *, db: str | None = None) -> bool:
        """True when partition ``key`` is finished (and, given ``db``, written to that store)."""
        entry = self.done.get(key)
        if entry is None or not (self.out / entry.output).exists():
            return False
        return db is None or (entry.stored and entry.db == db)

    def record(self, entry: PartitionDone) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(entry)) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.done[entry.key] = entry

    def totals(self) -> dict[str, Any]:
        return {
            "partitions": len(self.done),
            "ok": sum(e.ok for e in self.done.values()),
            "failed": sum(e.failed for e in self.done.values()),
        }
