"""Stages and the pipeline.

A stage is a plain function ``(report, resources) -> report`` registered under a name with
what it ``requires`` and what it ``assigns``. A pipeline is an ordered list of stage names,
read from a TOML file whose default ships in the package (``defaults/pipeline.toml``). The
pipeline is checked when it is built: an unknown name or a stage placed before what it needs
is a :class:`~frontwatch.errors.PipelineError` naming the stage and the fix.

Stage modules register themselves with :func:`stage`; the table :data:`BUILTIN_STAGES` tells
the registry where each built-in stage lives so modules are imported only when used.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError, FrontwatchError, PipelineError, StageError
from frontwatch.model import Report

#: What ingestion provides before any stage runs.
BASE_PROVIDES: frozenset[str] = frozenset(
    {"report", "report.title", "report.body", "report.comments", "report.published", "report.language"}
)

#: Built-in stage name -> module that registers it (imported lazily).
BUILTIN_STAGES: dict[str, str] = {
    "geoparse": "frontwatch.geoparse.stage",
    "extract": "frontwatch.extract.stage",
    "sources": "frontwatch.thread.sources",
    "stance": "frontwatch.thread.stance",
    "moderate": "frontwatch.thread.moderation",
}

StageFunc = Callable[[Report, "Resources"], Report]


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str = ""

    def __call__(self, report: Report, resources: Resources) -> Report:
        return self.func(report, resources)


_REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as stage ``name`` (decorator)."""

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns), (func.__doc__ or "").strip())
        return func

    return register


def get_stage(name: str) -> Stage:
    """The registered stage ``name``, importing its module if it is a built-in."""
    if name not in _REGISTRY and name in BUILTIN_STAGES:
        module = BUILTIN_STAGES[name]
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if not (exc.name and module.startswith(exc.name)):
                raise
            raise PipelineError(f"stage {name!r} is not installed ({module} is missing)") from None
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(set(_REGISTRY) | set(BUILTIN_STAGES)))
        raise PipelineError(f"unknown stage {name!r}", hint=f"known stages: {known}") from None


class Resources:
    """Shared, lazily loaded resources (gazetteer, actor dictionary, models) for the stages.

    A stage asks ``resources.get("gazetteer", loader)``; the loader runs once per process.
    ``settings`` holds the user's configuration (see :mod:`frontwatch.config`).
    """

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        self.settings: dict[str, Any] = dict(settings or {})
        self._cache: dict[str, Any] = {}

    def get(self, key: str, loader: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = loader()
        return self._cache[key]


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, names: Iterable[str], resources: Resources | None = None) -> None:
        self.stages: tuple[Stage, ...] = tuple(get_stage(n) for n in names)
        self.resources = resources or Resources()
        self.check()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def check(self) -> None:
        provided = set(BASE_PROVIDES)
        seen: set[str] = set()
        for st in self.stages:
            if st.name in seen:
                raise PipelineError(f"stage {st.name!r} appears twice in the pipeline", hint="list each stage once")
            seen.add(st.name)
            missing = [r for r in st.requires if r not in provided]
            if missing:
                providers = sorted(
                    {o.name for o in _REGISTRY.values() for m in missing if m in o.assigns}
                )
                hint = f"put {', '.join(providers)} before {st.name}" if providers else "no stage provides it"
                raise PipelineError(f"stage {st.name!r} needs {', '.join(missing)}", hint=hint)
            provided.update(st.assigns)

    def __call__(self, report: Report) -> Report:
        for st in self.stages:
            try:
                report = st(report, self.resources)
            except FrontwatchError:
                raise
            except Exception as exc:  # a bug in a stage must not end a batch of thousands
                if os.environ.get("FRONTWATCH_DEBUG"):
                    raise
                raise StageError(
                    f"stage {st.name!r} failed: {type(exc).__name__}: {exc}",
                    where=report.path or report.id,
                    hint="this is a bug; FRONTWATCH_DEBUG=1 shows the traceback",
                ) from exc
        return report

    def run(self, reports: Iterable[Report]) -> Iterable[Report]:
        for report in reports:
            yield self(report)


def default_pipeline_file() -> Path:
    return Path(str(importlib_resources.files("frontwatch") / "defaults" / "pipeline.toml"))


def load_pipeline_names(path: str | Path | None = None) -> list[str]:
    """Stage names from a pipeline TOML file (``stages = [...]``); the packaged default if None."""
    file = Path(path) if path else default_pipeline_file()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("pipeline file not found", where=str(file)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", where=str(file)) from None
    names = data.get("stages")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError("expected `stages = [\"name\", ...]`", where=str(file))
    return names


def build_pipeline(path: str | Path | None = None, resources: Resources | None = None) -> Pipeline:
    return Pipeline(load_pipeline_names(path), resources)
