"""Inputs of a batch run cut into partitions, and partitions read back as reports.

An input is a JSON Lines shard (``.jsonl``, ``.ndjson``, optionally ``.gz``), a Parquet shard
(``.parquet``), a folder of such shards, or a folder of plain report files (text, HTML, ...,
read by :mod:`frontwatch.ingest`). A :class:`Partition` is a slice of one shard (a range of
lines or rows) or a group of files. Its ``key`` is stable across runs for unchanged inputs, so
a re-run can skip what a previous run finished.

A record (one JSON line or Parquet row) has the shape of a JSON-contract document without the
annotations: ``id``, ``title``, ``body``, ``source``, ``url``, ``published``, ``language``,
``comments`` (a list, or its JSON text in Parquet) and ``meta``. Only ``body`` is required.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError, InputError, InputNotFound
from frontwatch.model import Report

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
DEFAULT_PARTITION_SIZE = 500


@dataclass(frozen=True)
class Partition:
    """Lines/rows ``start:stop`` of shard ``path`` (kind jsonl/parquet), or the files ``paths``."""

    key: str
    kind: str  # "jsonl", "parquet" or "files"
    path: str = ""
    start: int = 0
    stop: int = 0
    paths: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.paths) if self.kind == "files" else self.stop - self.start


@dataclass(frozen=True)
class Item:
    """One document of a partition: a report, or the error that kept it from being read."""

    where: str
    report: Report | None = None
    error: str | None = None
    raw: str | None = None


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "files"


def _key(path: Path, start: int, stop: int) -> str:
    st = path.stat()
    digest = hashlib.sha1(f"{path.resolve()}|{st.st_size}|{start}|{stop}".encode()).hexdigest()[:12]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in path.name)[:40]
    return f"{stem}-{start:09d}-{digest}"


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")  # noqa: SIM115 - caller closes


def _count_lines(path: Path) -> int:
    if path.name.lower().endswith(".gz"):
        with _open_text(path) as fh:
            return sum(1 for _ in fh)
    n = 0
    last = b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (0 if last == b"\n" else 1)


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def _ranges(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def plan(inputs: Sequence[str | Path], partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """The partitions of ``inputs`` (shards and folders), in a stable order."""
    if partition_size < 1:
        raise InputError("partition size must be at least 1", where="--partition-size")
    parts: list[Partition] = []
    loose: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputNotFound("no such file or folder", where=str(raw), hint="check the path")
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for f in files:
            kind = _kind(f)
            if kind == "files":
                loose.append(f)
                continue
            total = _count_lines(f) if kind == "jsonl" else _parquet_rows(f)
            for start, stop in _ranges(total, partition_size):
                parts.append(Partition(_key(f, start, stop), kind, str(f), start, stop))
    for start, stop in _ranges(len(loose), partition_size):
        group = loose[start:stop]
        digest = hashlib.sha1("|".join(f"{p.resolve()}:{p.stat().st_size}" for p in group).encode()).hexdigest()[:12]
        parts.append(Partition(f"files-{start:09d}-{digest}", "files", paths=tuple(str(p) for p in group)))
    return parts


# -- records <-> reports ---------------------------------------------------------------------------
def record_to_report(rec: Any, where: str = "") -> Report:
    """A report from one input record (JSON Lines schema of :mod:`frontwatch.ingest.jsonl`).

    Parquet rows may carry ``comments`` and ``meta`` as JSON text, and dates as dates.
    """
    from frontwatch.ingest.jsonl import record_to_report as from_record

    if isinstance(rec, dict):
        rec = {k: v for k, v in rec.items() if v is not None}
        for key in ("comments", "meta"):
            if isinstance(rec.get(key), str):
                rec[key] = json.loads(rec[key])
        if isinstance(rec.get("published"), dt.date):
            rec["published"] = rec["published"].isoformat()
    return from_record(rec, where)


def report_to_record(report: Report) -> dict[str, Any]:
    """The input record of a report (text and metadata only; the inverse of :func:`record_to_report`)."""
    from frontwatch.ingest.jsonl import report_to_record as to_record

    return to_record(report)


# -- reading a partition ---------------------------------------------------------------------------
def _item(rec: Any, where: str, raw: str | None = None) -> Item:
    try:
        report = record_to_report(rec, where)
        if not report.body.strip() and not report.title.strip():
            raise InputError("record has no text in `body` or `title`", where=where)
        return Item(where, report=report)
    except FrontwatchError as exc:
        return Item(where, error=exc.one_line(), raw=raw)
    except (ValueError, TypeError, KeyError) as exc:
        return Item(where, error=f"{where}: {type(exc).__name__}: {exc}", raw=raw)


def _read_jsonl(p: Partition) -> Iterator[Item]:
    with _open_text(Path(p.path)) as fh:
        for lineno, line in enumerate(fh):
            if lineno < p.start:
                continue
            if lineno >= p.stop:
                break
            where = f"{p.path}:{lineno + 1}"
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Item(where, error=f"{where}: not valid JSON: {exc.msg}", raw=line.rstrip("\n"))
                continue
            yield _item(rec, where, line.rstrip("\n"))


def _read_parquet(p: Partition) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(p.path)
    row = 0
    for batch in pf.iter_batches(batch_size=1000):
        n = batch.num_rows
        if row + n <= p.start:
            row += n
            continue
        for i, rec in enumerate(batch.to_pylist()):
            index = row + i
            if p.start <= index < p.stop:
                yield _item(rec, f"{p.path}#row{index}", json.dumps(rec, default=str, ensure_ascii=False))
        row += n
        if row >= p.stop:
            break


def _read_files(p: Partition) -> Iterator[Item]:
    from frontwatch.ingest import read_paths

    for path in p.paths:
        try:
            for got in read_paths([path]):
                if isinstance(got, FrontwatchError):
                    yield Item(got.where or path, error=got.one_line())
                else:
                    yield Item(got.path or path, report=got)
        except FrontwatchError as exc:
            yield Item(path, error=exc.one_line())


def read_partition(p: Partition) -> Iterator[Item]:
    """Every document of partition ``p``, in order; unreadable ones as error items."""
    if p.kind == "jsonl":
        return _read_jsonl(p)
    if p.kind == "parquet":
        return _read_parquet(p)
    return _read_files(p)


# -- writing shards (batch-generate) -----------------------------------------------------------------
def write_jsonl_shards(reports: Iterable[Report], out: Path, per_shard: int = 10_000) -> list[Path]:
    """Write ``reports`` as JSON Lines shards ``out/shard-00000.jsonl``...; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    fh: io.TextIOBase | None = None
    n = 0
    try:
        for report in reports:
            if fh is None or n % per_shard == 0:
                if fh is not None:
                    fh.close()
                path = out / f"shard-{len(written):05d}.jsonl"
                written.append(path)
                fh = open(path, "w", encoding="utf-8")  # noqa: SIM115
            fh.write(json.dumps(report_to_record(report), ensure_ascii=False) + "\n")
            n += 1
    finally:
        if fh is not None:
            fh.close()
    return written


def write_parquet_shards(reports: Iterable[Report], out: Path, per_shard: int = 10_000) -> list[Path]:
    """Write ``reports`` as Parquet shards ``out/shard-00000.parquet``... (comments and meta as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        path = out / f"shard-{len(written):05d}.parquet"
        pq.write_table(pa.Table.from_pylist(rows), path, compression="zstd")
        written.append(path)
        rows.clear()

    for report in reports:
        rec = report_to_record(report)
        rec["comments"] = json.dumps(rec["comments"], ensure_ascii=False)
        rec["meta"] = json.dumps(rec["meta"], ensure_ascii=False, default=str)
        rows.append(rec)
        if len(rows) >= per_shard:
            flush()
    if rows:
        flush()
    return written
