"""Stages and the pipeline: order and names are checked at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import ConfigError, PipelineError
from frontwatch.model import Report
from frontwatch.pipeline import Pipeline, Resources, build_pipeline, load_pipeline_names, stage


@stage("t_upper", requires=["report.body"], assigns=["t.upper"])
def _upper(report: Report, resources: Resources) -> Report:
    return report.with_(body=report.body.upper())


@stage("t_needs_upper", requires=["t.upper"], assigns=["t.done"])
def _needs(report: Report, resources: Resources) -> Report:
    calls = resources.get("calls", lambda: [])
    calls.append(report.id)
    return report.with_(title="done")


def test_pipeline_runs_stages_in_order() -> None:
    pipe = Pipeline(["t_upper", "t_needs_upper"])
    out = pipe(Report(id="a", body="abc"))
    assert out.body == "ABC" and out.title == "done"
    assert pipe.resources.get("calls", list) == ["a"]


def test_wrong_order_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match="needs t.upper.*put t_upper before t_needs_upper"):
        Pipeline(["t_needs_upper", "t_upper"])


def test_unknown_and_duplicate_stages() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline(["nope"])
    with pytest.raises(PipelineError, match="twice"):
        Pipeline(["t_upper", "t_upper"])


def test_default_pipeline_is_valid() -> None:
    pipe = build_pipeline()
    assert list(pipe.names) == load_pipeline_names()


def test_pipeline_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text("stages = 3\n")
    with pytest.raises(ConfigError, match="p.toml"):
        load_pipeline_names(bad)
    bad.write_text("stages = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_pipeline_names(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_pipeline_names(tmp_path / "missing.toml")
    good = tmp_path / "g.toml"
    good.write_text('stages = ["t_upper"]\n')
    assert build_pipeline(good).names == ("t_upper",)


@stage("t_broken", requires=["report.body"], assigns=["t.broken"])
def _broken(report: Report, resources: Resources) -> Report:
    raise ZeroDivisionError("division by zero")


def test_a_crashing_stage_is_a_one_line_stage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.errors import StageError

    monkeypatch.delenv("FRONTWATCH_DEBUG", raising=False)
    pipe = Pipeline(["t_upper", "t_broken"])
    with pytest.raises(StageError, match="stage 't_broken' failed: ZeroDivisionError") as info:
        pipe(Report(id="r9", body="x", path="in/r9.txt"))
    assert info.value.where == "in/r9.txt" and "\n" not in str(info.value)
    monkeypatch.setenv("FRONTWATCH_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        pipe(Report(id="r9", body="x"))
