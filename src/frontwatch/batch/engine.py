"""The batch engines: the per-document pipeline mapped over partitions, locally or on Dask.

Every engine runs the same task, :func:`process_partition`, on each partition: read it, run the
pipeline on each document (a document that fails goes to quarantine, never failing its
partition), write the partition's Parquet file atomically, and — when the store accepts several
writers (PostgreSQL) — upsert the reports from the worker itself. For DuckDB (one writer) the
analysed reports travel back and the driver writes them. The driver records each finished
partition in the manifest, so a re-run skips it, and runs reconciliation once at the end.

* ``local``: a process pool over every core (``workers``), one progress bar. A worker that dies
  is replaced and its partitions run again (their outputs are replaced whole, and store writes
  are keyed by report id, so every report ends up processed exactly once).
* ``dask``: the same task on a Dask cluster: a ``LocalCluster`` by default, or any running
  scheduler (``scheduler="tcp://host:8786"``). Workers need frontwatch installed and the input
  and output folders on a shared file system.

Workers build their own :class:`~frontwatch.api.Frontwatch` (settings, resources, pipeline)
once per process; nothing heavy is pickled.
"""

from __future__ import annotations

import copyreg
import hashlib
import importlib
import importlib.util
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from frontwatch.batch.manifest import Manifest, PartitionDone
from frontwatch.batch.output import write_partition
from frontwatch.batch.partitions import DEFAULT_PARTITION_SIZE, Partition, plan, read_partition, report_to_record
from frontwatch.batch.quarantine import Quarantined, write_quarantine
from frontwatch.errors import ConfigError, FrontwatchError, PipelineError
from frontwatch.model import Report, frozen_map

# Report.meta is a read-only mapping; teach pickle to carry it between processes.
copyreg.pickle(MappingProxyType, lambda m: (frozen_map, (dict(m),)))

ENGINES = ("local", "dask")
#: How many times a partition may lose its worker before the run gives up on it.
MAX_ATTEMPTS = 3


def usable_cores() -> int:
    """Cores this process may run on (respects CPU affinity, e.g. in containers and under taskset)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def is_multi_writer(db: str | None) -> bool:
    """True when several processes may write the store at once (PostgreSQL)."""
    return bool(db) and str(db).startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True)
class RunConfig:
    """What every worker needs to process a partition (small, picklable)."""

    out: str
    config: str | None = None  # settings file
    pipeline: str | None = None  # pipeline TOML; None = the settings' pipeline
    db: str | None = None  # store; None = Parquet output only
    plugins: tuple[str, ...] = ()  # modules imported on each worker first (custom stages)

    @property
    def workers_write(self) -> bool:
        return is_multi_writer(self.db)


@dataclass(frozen=True)
class PartitionResult:
    """What a worker did with one partition."""

    key: str
    ok: int
    failed: int
    output: str
    stored: bool
    seconds: float
    worker: str
    #: Peak resident memory of the worker process so far, in MB.
    peak_mb: float = 0.0
    #: CPU seconds the worker spent on this partition.
    cpu_s: float = 0.0
    #: The analysed reports, only when the driver must write them to the store itself.
    reports: tuple[Report, ...] = ()


@dataclass
class BatchResult:
    """The outcome of a batch run."""

    partitions: int = 0
    skipped: int = 0
    ok: int = 0
    failed: int = 0
    seconds: float = 0.0
    reconciled: bool = False
    out: str = ""
    quarantined: list[str] = field(default_factory=list)
    #: Peak memory (MB) of each worker process that finished a partition.
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    #: CPU seconds the workers spent on partitions, all together (cpu_seconds / seconds = cores used).
    cpu_seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.ok} reports processed, {self.failed} quarantined, {self.partitions} partitions "
            f"({self.skipped} already done) in {self.seconds:.1f}s"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- the task ----------------------------------------------------------------------------------
_APPS: dict[tuple[Any, ...], Any] = {}


def worker_app(cfg: RunConfig) -> Any:
    """This process's Frontwatch for ``cfg``, built once (plugins imported first)."""
    key = (cfg.config, cfg.pipeline, cfg.db, cfg.plugins)
    app = _APPS.get(key)
    if app is None:
        for plugin in cfg.plugins:
            load_plugin(plugin)
        from frontwatch.api import Frontwatch

        overrides: dict[str, Any] = {"db": cfg.db}
        if cfg.pipeline:
            overrides["pipeline"] = cfg.pipeline
        app = Frontwatch(cfg.config, **overrides)
        app.pipeline  # noqa: B018 - build and check it now, once
        _APPS[key] = app
    return app


def load_plugin(plugin: str) -> None:
    """Import a module of custom stages: a module name, or the path of a ``.py`` file."""
    try:
        if plugin.endswith(".py"):
            name = "frontwatch_plugin_" + hashlib.sha1(plugin.encode()).hexdigest()[:10]
            if name in sys.modules:
                return
            spec = importlib.util.spec_from_file_location(name, plugin)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {plugin}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        else:
            importlib.import_module(plugin)
    except (ImportError, OSError) as exc:
        raise ConfigError(f"cannot import plugin {plugin!r}: {exc}", where="--plugin", hint="it must exist on every worker") from None


def _peak_mb() -> float:
    """Peak resident memory of this process in MB (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_partition(part: Partition, cfg: RunConfig) -> PartitionResult:
    """Run the pipeline over one partition and write its outputs (the task every engine runs)."""
    started = time.perf_counter()
    cpu_started = time.process_time()
    app = worker_app(cfg)
    pipeline: Callable[[Report], Report] = app.pipeline
    good: list[Report] = []
    bad: list[Quarantined] = []
    for item in read_partition(part):
        if item.report is None:
            bad.append(Quarantined(item.where, item.error or "unreadable", "read", None, item.raw))
            continue
        try:
            good.append(pipeline(item.report))
        except Exception as exc:  # noqa: BLE001 - one bad document must never fail its partition
            message = exc.one_line() if isinstance(exc, FrontwatchError) else f"{type(exc).__name__}: {exc}"
            raw = json.dumps(report_to_record(item.report), ensure_ascii=False, default=str)
            bad.append(Quarantined(item.where, message, "pipeline", item.report.id, raw))
    out = Path(cfg.out)
    output = write_partition(out, part.key, good)
    write_quarantine(out, part.key, bad)
    stored = False
    if cfg.db and cfg.workers_write and good:
        app.store.upsert(good)
        stored = True
    elif cfg.db and cfg.workers_write:
        stored = True
    return PartitionResult(
        key=part.key,
        ok=len(good),
        failed=len(bad),
        output=output,
        stored=stored,
        seconds=time.perf_counter() - started,
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_mb=_peak_mb(),
        cpu_s=time.process_time() - cpu_started,
        reports=tuple(good) if cfg.db and not cfg.workers_write else (),
    )


# -- engines -----------------------------------------------------------------------------------
def _pool_context() -> Any:
    import multiprocessing as mp

    return mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")


def run_local(parts: Sequence[Partition], cfg: RunConfig, workers: int) -> Iterator[PartitionResult]:
    """Partitions on a pool of ``workers`` processes (0: in this process); yields as they finish."""
    if workers <= 0:
        for part in parts:
            yield process_partition(part, cfg)
        return
    pending = {p.key: p for p in parts}
    attempts = dict.fromkeys(pending, 0)
    while pending:
        with ProcessPoolExecutor(max_workers=min(workers, len(pending)), mp_context=_pool_context()) as pool:
            yield from _drain_pool(pool, list(pending.values()), cfg, workers, pending, attempts)
        lost = [k for k in pending if attempts[k] >= MAX_ATTEMPTS]
        if lost:
            raise PipelineError(
                f"partition {lost[0]} lost its worker {MAX_ATTEMPTS} times",
                hint="a document may crash the process; run with --workers 0 to see the error",
            )


def _drain_pool(
    pool: ProcessPoolExecutor,
    queue: list[Partition],
    cfg: RunConfig,
    workers: int,
    pending: dict[str, Partition],
    attempts: dict[str, int],
) -> Iterator[PartitionResult]:
    """Run ``queue`` on ``pool`` until done or the pool breaks (a worker died); unfinished stay pending."""
    futures: dict[Future[PartitionResult], Partition] = {}
    while queue or futures:
        # at most 2 partitions per worker in flight, so a lost worker costs little
        while queue and len(futures) < 2 * workers:
            part = queue.pop(0)
            try:
                fut = pool.submit(process_partition, part, cfg)
            except BrokenProcessPool:
                return
            attempts[part.key] += 1
            futures[fut] = part
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        broken = False
        for fut in done:
            part = futures.pop(fut)
            try:
                result = fut.result()
            except BrokenProcessPool:
                broken = True
                continue
            pending.pop(part.key, None)
            yield result
        if broken:
            for fut in futures:
                fut.cancel()
            return


def run_dask(
    parts: Sequence[Partition],
    cfg: RunConfig,
    workers: int,
    scheduler: str | None = None,
    client: Any = None,
) -> Iterator[PartitionResult]:
    """Partitions as tasks on a Dask cluster (``client``, ``scheduler``, or a new LocalCluster)."""
    try:
        from distributed import Client, KilledWorker, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("the dask engine needs dask[distributed]", hint="pip install 'frontwatch[scale]'") from None
    own_cluster = own_client = None
    try:
        if client is None:
            if scheduler:
                own_client = client = Client(scheduler, timeout="30s")
            else:
                own_cluster = LocalCluster(
                    n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
                )
                own_client = client = Client(own_cluster)
        futures = [
            client.submit(process_partition, part, cfg, key=f"frontwatch-{part.key}-{os.getpid()}-{time.time_ns()}", retries=2)
            for part in parts
        ]
        for fut in as_completed(futures):
            try:
                result = fut.result()
            except KilledWorker as exc:
                raise PipelineError(
                    f"a partition lost its worker {MAX_ATTEMPTS} times ({exc})",
                    hint="a document may crash the process; run the partition with --engine local --workers 0 to see the error",
                ) from None
            fut.release()
            yield result
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


# -- the driver --------------------------------------------------------------------------------
def run_batch(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    db: str | None = None,
    config: str | None = None,
    pipeline: str | None = None,
    plugins: Sequence[str] = (),
    partition_size: int = DEFAULT_PARTITION_SIZE,
    reconcile: bool = True,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> BatchResult:
    """Process ``inputs`` into run folder ``out`` (and the store ``db``); resumable."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}", where="--engine", hint=f"use one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    parts = plan(inputs, partition_size)
    manifest = Manifest(out_dir)
    todo = [p for p in parts if not manifest.is_done(p.key, db=_mask(db))]
    # workers may run elsewhere (another cwd): hand them absolute paths
    plugins = tuple(str(Path(p).resolve()) if p.endswith(".py") else p for p in plugins)
    config = str(Path(config).resolve()) if config else None
    pipeline = str(Path(pipeline).resolve()) if pipeline else None
    cfg = RunConfig(str(out_dir.resolve()), config, pipeline, db, plugins)
    result = BatchResult(partitions=len(parts), skipped=len(parts) - len(todo), out=str(out_dir))
    if on_total:
        on_total(sum(p.size for p in todo))
    (out_dir / "run.json").write_text(
        json.dumps({"inputs": [str(i) for i in inputs], "engine": engine, "partitions": len(parts),
                    "partition_size": partition_size, "db": _mask(db), "pipeline": pipeline}, indent=2),
        encoding="utf-8",
    )
    # The driver's own app: builds (and so checks) the pipeline before any worker starts,
    # writes the store when workers cannot, and reconciles at the end.
    app = worker_app(cfg)
    n_workers = workers if workers is not None else usable_cores()
    if engine == "local":
        stream = run_local(todo, cfg, n_workers)
    else:
        stream = run_dask(todo, cfg, n_workers or 2, scheduler, client)
    try:
        _drive(stream, app, db, manifest, result, progress)
        if db and reconcile and hasattr(app, "reconcile") and app.store.read("SELECT COUNT(*) FROM claims")[0][0]:
            app.reconcile()  # once, over everything stored (nothing to do without claims)
            result.reconciled = True
    finally:
        app.close()
    result.quarantined = sorted(str(p) for p in (out_dir / "quarantine").glob("*.jsonl"))
    result.seconds = time.perf_counter() - started
    return result


def _drive(
    stream: Iterator[PartitionResult],
    app: Any,
    db: str | None,
    manifest: Manifest,
    result: BatchResult,
    progress: Callable[[int], None] | None,
) -> None:
    """Write what the workers could not (the store), record each partition, advance the bar."""
    for res in stream:
        stored = res.stored
        if db and res.reports:
            app.store.upsert(res.reports)
            stored = True
        elif db and not res.ok:
            stored = True
        manifest.record(
            PartitionDone(res.key, res.ok, res.failed, res.output, stored, round(res.seconds, 3), res.worker, _mask(db))
        )
        result.ok += res.ok
        result.failed += res.failed
        result.cpu_seconds += res.cpu_s
        result.worker_peak_mb[res.worker] = max(res.peak_mb, result.worker_peak_mb.get(res.worker, 0.0))
        if progress:
            progress(res.ok + res.failed)


def _mask(db: str | None) -> str | None:
    """A store location with any password hidden."""
    if not db or "@" not in db or "://" not in db:
        return db
    scheme, rest = db.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}{':***' if ':' in creds else ''}@{host}"
