"""The Python API: one application object that the CLI and the HTTP app both call.

    >>> fw = Frontwatch(db="frontwatch.duckdb")
    >>> reports = fw.analyze(["report.txt"], published="2016-12-13")
    >>> result = fw.ingest(["reports/"])

Everything a command does is a method here; the CLI only parses arguments and prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.config import load_settings
from frontwatch.errors import FrontwatchError, InputError
from frontwatch.model import Report
from frontwatch.pipeline import Pipeline, Resources, build_pipeline


@dataclass(frozen=True)
class Failure:
    """One input that could not be read or analysed: where and why (one line)."""

    where: str
    message: str


@dataclass
class IngestResult:
    """Counts of an ingest run, and the failures that did not stop it."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    def summary(self) -> str:
        return f"{self.new} ingested, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"


def failure_of(exc: FrontwatchError, report: Report | None = None) -> Failure:
    """A failure record from an error: where it happened, and the message with its hint."""
    where = exc.where or (report.path or report.id if report else "")
    return Failure(where, exc.message + (f" (hint: {exc.hint})" if exc.hint else ""))


def parse_date_option(value: str | dt.date | None) -> dt.date | None:
    """A ``--published`` value as a date; a clear error when it is not one."""
    if value is None or isinstance(value, dt.date):
        return value
    from frontwatch.ingest.dates import parse_published

    parsed = parse_published(value)
    if parsed is None:
        raise InputError(f"cannot read {value!r} as a date", where="--published", hint="use YYYY-MM-DD")
    return parsed


class Frontwatch:
    """The application: settings, the pipeline, the store, and every operation on them."""

    def __init__(self, config: str | Path | None = None, **overrides: Any) -> None:
        self.settings = load_settings(config, **overrides)
        self.resources = Resources(self.settings)
        self._pipeline: Pipeline | None = None
        self._store: Any = None

    # -- pieces -------------------------------------------------------------------------
    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.settings["pipeline"] or None, self.resources)
        return self._pipeline

    @property
    def store(self) -> Any:
        """The store (DuckDB by default, PostgreSQL for a ``postgresql://`` URL), opened once."""
        if self._store is None:
            from frontwatch.store import open_store

            self._store = open_store(str(self.settings["db"]))
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Frontwatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and analysing ------------------------------------------------------------
    def read(
        self,
        paths: Iterable[str | Path],
        *,
        published: str | dt.date | None = None,
        source: str | None = None,
        on_error: Callable[[Failure], None] | None = None,
    ) -> Iterator[Report]:
        """Reports read from files and folders; a bad file is passed to ``on_error`` (or raised)."""
        from frontwatch.ingest import read_paths

        day = parse_date_option(published)
        for item in read_paths(paths, published=day, source=source):
            if isinstance(item, FrontwatchError):
                if on_error is None:
                    raise item
                on_error(failure_of(item))
            else:
                yield item

    def analyze_report(self, report: Report) -> Report:
        return self.pipeline(report)

    def analyze(
        self,
        paths: Iterable[str | Path],
        *,
        published: str | dt.date | None = None,
        source: str | None = None,
        on_error: Callable[[Failure], None] | None = None,
    ) -> list[Report]:
        """Read and run the pipeline over every report in ``paths``.

        A report that fails (bad input or a stage error) goes to ``on_error`` and the others go
        on; without ``on_error`` the first failure is raised.
        """
        pipeline = self.pipeline  # a bad pipeline is the user's one error, before any input is read
        out: list[Report] = []
        for report in self.read(paths, published=published, source=source, on_error=on_error):
            try:
                out.append(pipeline(report))
            except FrontwatchError as exc:
                if on_error is None:
                    raise
                on_error(failure_of(exc, report))
        return out

    # -- the store ------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        published: str | dt.date | None = None,
        source: str | None = None,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 200,
    ) -> IngestResult:
        """Analyse and store every report in ``paths``; bad files are counted, not fatal."""
        result = IngestResult()

        def failed(f: Failure) -> None:
            result.failed += 1
            result.failures.append(f)

        batch: list[Report] = []

        def flush() -> None:
            counts = self.store.upsert(batch)
            result.new += counts.new
            result.updated += counts.updated
            result.unchanged += counts.unchanged
            if progress:
                progress(len(batch))
            batch.clear()

        pipeline = self.pipeline
        for report in self.read(paths, published=published, source=source, on_error=failed):
            try:
                batch.append(pipeline(report))
            except FrontwatchError as exc:
                failed(failure_of(exc, report))
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        return result

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    def export(self, fmt: str, out: str | Path | None = None) -> Any:
        from frontwatch.export import export

        return export(self.store, fmt, out)

    # -- reconcile ---------------------------------------------------------------------------
    @property
    def reconciler(self) -> Any:
        """Status queries over the reconciled control timelines (``frontwatch.reconcile``)."""
        if getattr(self, "_reconciler", None) is None or self._reconciler.store is not self.store:
            from frontwatch.reconcile.index import StatusIndex
            from frontwatch.reconcile.truth import load_priors

            self._reconciler = StatusIndex(self.store, load_priors(self.settings["source_priors"]))
        return self._reconciler

    def status(self, place: str, at: str | dt.date | None = None) -> dict[str, Any]:
        """Who holds ``place`` on ``at`` (default: the latest claim day), with evidence on both sides."""
        return self.reconciler.status(place, at)

    def timeline(self, place: str) -> list[dict[str, Any]]:
        return self.reconciler.timeline(place)

    def reconcile(self) -> dict[str, Any]:
        """Recompute every timeline and source reliability from the stored claims."""
        return self.reconciler.reconcile()

    def source_reliability(self) -> list[dict[str, Any]]:
        return self.reconciler.sources()

    def map_state(self, day: str | dt.date | None = None) -> list[dict[str, Any]]:
        """Every place with claims as it stood on ``day``: controller, contested, confidence, since."""
        return self.reconciler.map_state(day)

    def merged_events(self, **filters: Any) -> dict[str, Any]:
        """Events with reports of the same event merged: each lists every source and its wording."""
        return self.reconciler.merged_events(**filters)

    # -- web -------------------------------------------------------------------------------------
    def open_read_only(self) -> None:
        """Open the store read-only, so several server processes can share one DuckDB file."""
        from frontwatch.store import open_store

        self.close()
        self._store = open_store(str(self.settings["db"]), read_only=True)

    # -- thread ----------------------------------------------------------------------------------
    def analyze_comment(
        self, text: str, *, parent: str | None = None, article: str | None = None, language: str | None = None
    ) -> Report:
        """One comment on its own: stance, cited sources and moderation flags (see ``frontwatch.thread.comment``)."""
        from frontwatch.thread.comment import analyze_comment

        return analyze_comment(text, self.resources, parent=parent, article=article, language=language)

    # -- gazetteer -----------------------------------------------------------------------------
    def gazetteer(self) -> Any:
        """The gazetteer of this app's ``gazetteer`` setting (the built index if empty), loaded once."""
        from frontwatch import gazetteer

        path = self.settings.get("gazetteer") or None
        return self.resources.get("gazetteer", lambda: gazetteer.load(path))

    def geoparse(self, report: Report, explain: bool = False) -> tuple[Any, ...]:
        """Place mentions of ``report`` (title, body, comments); see docs/gazetteer.md."""
        from frontwatch.geoparse.stage import load_geoparser

        return load_geoparser(self.resources).mentions(report, explain=explain)

    # -- batch ---------------------------------------------------------------------------------
    def batch(self, inputs: Iterable[str | Path], out: str | Path, **options: Any) -> Any:
        """Analyse a large corpus in partitions, locally or on Dask (see ``frontwatch.batch.engine.run_batch``).

        The pipeline defaults to this app's; the store is written only when ``db=`` is given.
        """
        from frontwatch.batch.engine import run_batch

        options.setdefault("pipeline", self.settings["pipeline"] or None)
        return run_batch(list(inputs), out, **options)

    def watch(self, feeds: Iterable[str], **options: Any) -> Any:
        """Poll RSS/Atom feeds and store what is new (see ``frontwatch.batch.watch.watch``)."""
        from frontwatch.batch.watch import watch

        return watch(self, list(feeds), **options)
