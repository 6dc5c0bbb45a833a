"""The simulator, the evaluation against baselines, and the scale benchmark (small sizes)."""

from __future__ import annotations

import json

import pytest
from pathlib import Path

from frontwatch import cli
from frontwatch.reconcile.evaluate import ece, run_eval, run_scale
from frontwatch.reconcile.simulate import Scenario, write_scenario


def test_scenario_has_the_required_ingredients(tmp_path: Path) -> None:
    sc = Scenario.generate(seed=5, days=60)
    kinds = {o.kind for o in sc.outlets}
    assert {"accurate", "partisan", "fabricating", "lagging"} <= kinds
    bad = sum(o.kind in ("partisan", "fabricating") for o in sc.outlets)
    assert bad == 3 and len(sc.outlets) == 10
    changes = {pid: sum(a != b for a, b in zip(t, t[1:])) for pid, t in sc.truth.items()}
    assert sum(changes.values()) >= 10 and changes["sim:palmyra"] == 2  # fronts move, both ways
    assert any(all(c) for c in sc.contested.values())  # a siege lasting the whole scenario
    assert sc.stances and all(s["label"] == "deny" for s in sc.stances)
    summary = write_scenario(sc, tmp_path / "out")
    files = list((tmp_path / "out" / "reports").glob("*.txt"))
    assert len(files) == summary["reports"] > 100
    text = files[0].read_text(encoding="utf-8")
    assert text.startswith("Source: ") and "Published: " in text
    truth = json.loads((tmp_path / "out" / "truth.json").read_text(encoding="utf-8"))
    assert len(truth["places"][0]["controller"]) == 60


def test_same_seed_same_scenario() -> None:
    a, b = Scenario.generate(seed=9, days=30), Scenario.generate(seed=9, days=30)
    assert a.claims == b.claims and a.truth == b.truth


def test_direct_evaluation_beats_baselines() -> None:
    result = run_eval([11], days=60, pipeline=False)
    figs = result["claims_direct"]
    assert figs["reconcile"]["settled_accuracy"] >= 0.93
    assert figs["reconcile"]["contested_accuracy"] > max(figs["latest"]["contested_accuracy"],
                                                          figs["majority"]["contested_accuracy"])
    assert figs["reconcile"]["ece"] < 0.1
    fabricator = [s for s in figs["sources"] if s["kind"] == "fabricating"][0]
    accurate = [s for s in figs["sources"] if s["kind"] == "accurate"]
    assert all(fabricator["reliability"] < s["reliability"] for s in accurate)


def test_ece() -> None:
    import numpy as np

    assert ece(np.array([0.9, 0.9]), np.array([1.0, 1.0])) == pytest.approx(0.1)
    assert ece(np.array([0.5, 0.5]), np.array([1.0, 0.0])) == 0.0


def test_scale_benchmark_runs_small() -> None:
    out = run_scale(n_claims=3000, n_places=100, n_queries=20)
    assert out["votes"] >= 3000 and out["status_memory_p99_ms"] > 0


def test_simulate_command(tmp_path: Path, capsys) -> None:
    assert cli.main(["simulate", "--out", str(tmp_path / "s"), "--seed", "3", "--days", "40"]) == 0
    assert "truth.json" in capsys.readouterr().out
    assert (tmp_path / "s" / "claims.jsonl").exists()
    assert cli.main(["simulate", "--out", str(tmp_path / "t"), "--days", "10"]) == 1
    assert "at least" in capsys.readouterr().err
