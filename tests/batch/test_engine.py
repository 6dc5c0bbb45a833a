"""The batch engines: same records in-process, on a process pool and on Dask; resume;
quarantine; store writes; a worker killed mid-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_plugin import make_plugin

from frontwatch.batch.engine import run_batch
from frontwatch.batch.manifest import Manifest
from frontwatch.batch.output import compare_runs, iter_records
from frontwatch.batch.quarantine import read_quarantine
from frontwatch.store import open_store


def _ids(out: Path) -> list[str]:
    return sorted(rid for rid, _ in iter_records(out))


def test_inline_and_process_pool_give_the_same_records(shards: Path, plugin: tuple[str, str], tmp_path: Path) -> None:
    plug, pipe = plugin
    a = run_batch([shards], tmp_path / "a", workers=0, plugins=[plug], pipeline=pipe, partition_size=50)
    b = run_batch([shards], tmp_path / "b", workers=2, plugins=[plug], pipeline=pipe, partition_size=50)
    assert (a.ok, a.failed, a.partitions) == (b.ok, b.failed, b.partitions) == (240, 0, 6)
    assert compare_runs(tmp_path / "a", tmp_path / "b").same
    doc = json.loads(next(iter_records(tmp_path / "a"))[1])
    assert doc["meta"]["words"] > 0  # the plugin's stage ran on the workers


def test_dask_local_cluster_gives_the_same_records_as_local(shards: Path, plugin: tuple[str, str], tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    plug, pipe = plugin
    run_batch([shards], tmp_path / "local", workers=2, plugins=[plug], pipeline=pipe, partition_size=40)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        # by address, as `--scheduler ADDRESS` does against a running cluster
        result = run_batch([shards], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                           plugins=[plug], pipeline=pipe, partition_size=40)
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    assert result.ok == 240
    assert len(result.worker_peak_mb) == 1  # threads of this one process
    cmp = compare_runs(tmp_path / "local", tmp_path / "dask")
    assert cmp.same, cmp.as_dict()
    assert cmp.a == 240


def test_default_pipeline_runs_on_workers(fixtures: Path, tmp_path: Path) -> None:
    """Whatever stages are active: the pool builds its own pipeline and agrees with in-process."""
    src = fixtures / "batch" / "reports.jsonl"
    a = run_batch([src], tmp_path / "a", workers=0, partition_size=2)
    b = run_batch([src], tmp_path / "b", workers=2, partition_size=2)
    assert (a.ok, a.failed) == (b.ok, b.failed) == (3, 2)
    assert compare_runs(tmp_path / "a", tmp_path / "b").same


def test_rerun_skips_finished_partitions(shards: Path, plugin: tuple[str, str], tmp_path: Path) -> None:
    plug, pipe = plugin
    out = tmp_path / "out"
    first = run_batch([shards], out, workers=0, plugins=[plug], pipeline=pipe, partition_size=60)
    assert (first.partitions, first.skipped) == (6, 0)
    # lose one partition's output: only that one runs again
    done = Manifest(out).done
    victim = sorted(done)[2]
    (out / done[victim].output).unlink()
    again = run_batch([shards], out, workers=0, plugins=[plug], pipeline=pipe, partition_size=60)
    assert (again.skipped, again.ok) == (5, done[victim].ok)
    assert len(_ids(out)) == 240 == len(set(_ids(out)))


def test_bad_documents_go_to_quarantine(fixtures: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = (fixtures / "batch" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps({"id": "boom", "body": "This report will EXPLODE in the stage."}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plug, pipe = make_plugin(tmp_path)
    result = run_batch([src], tmp_path / "out", workers=0, plugins=[plug], pipeline=pipe, partition_size=10)
    assert (result.ok, result.failed, result.partitions) == (3, 3, 1)
    bad = {q.where.rsplit(":", 1)[1]: q for q in read_quarantine(tmp_path / "out")}
    assert set(bad) == {"3", "4", "6"}
    assert bad["6"].stage == "pipeline" and bad["6"].report_id == "boom" and "explodes" in bad["6"].error
    assert json.loads(bad["6"].raw)["body"].startswith("This report")
    assert bad["3"].stage == "read"


def test_results_go_into_the_store_once(shards: Path, plugin: tuple[str, str], tmp_path: Path) -> None:
    plug, pipe = plugin
    db = str(tmp_path / "fw.duckdb")
    run_batch([shards], tmp_path / "out", workers=2, db=db, plugins=[plug], pipeline=pipe, partition_size=70, reconcile=False)
    run_batch([shards], tmp_path / "out2", workers=0, db=db, plugins=[plug], pipeline=pipe, partition_size=70, reconcile=False)
    with open_store(db) as store:
        stats = store.stats()
        assert store.document("synth:7:5")["meta"]["words"] > 0
    assert stats["reports"] == 240
    assert stats["comments"] == sum(len(json.loads(d)["comments"]) for _, d in iter_records(tmp_path / "out"))


def test_killed_local_worker_still_processes_every_report_once(shards: Path, tmp_path: Path) -> None:
    plug, pipe = make_plugin(tmp_path, crash_id="synth:7:130")
    db = str(tmp_path / "fw.duckdb")
    result = run_batch([shards], tmp_path / "out", workers=2, db=db, plugins=[plug], pipeline=pipe, partition_size=30, reconcile=False)
    assert (tmp_path / "crashed.marker").exists()  # a worker really died
    assert (result.ok, result.failed) == (240, 0)
    ids = _ids(tmp_path / "out")
    assert len(ids) == len(set(ids)) == 240
    with open_store(db) as store:
        assert store.stats()["reports"] == 240


@pytest.mark.slow
def test_killed_dask_worker_still_processes_every_report_once(shards: Path, tmp_path: Path) -> None:
    """A worker process dies mid-partition; the scheduler re-runs its task elsewhere."""
    from distributed import Client, LocalCluster

    plug, pipe = make_plugin(tmp_path, crash_id="synth:7:130")
    db = str(tmp_path / "fw.duckdb")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        result = run_batch([shards], tmp_path / "out", engine="dask", client=client, db=db, plugins=[plug], pipeline=pipe,
                           partition_size=30, reconcile=False)
    assert (tmp_path / "crashed.marker").exists()
    assert (result.ok, result.failed) == (240, 0)
    ids = _ids(tmp_path / "out")
    assert len(ids) == len(set(ids)) == 240
    with open_store(db) as store:
        assert store.stats()["reports"] == 240


def test_reconciliation_runs_once_at_the_end(tmp_path: Path) -> None:
    from frontwatch.api import Frontwatch

    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "k1", "body": "Ukrainian forces entered Kherson on Friday.", "published": "2022-11-11", "source": "A"},
        {"id": "k2", "body": "Ukrainian troops hold Kherson, officials said.", "published": "2022-11-12", "source": "B"},
        {"id": "k3", "body": "Nothing about the city here.", "published": "2022-11-12", "source": "C"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    plug, pipe = make_plugin(tmp_path, stages=("batchtest_claim",))
    db = str(tmp_path / "fw.duckdb")
    result = run_batch([src], tmp_path / "out", workers=0, db=db, plugins=[plug], pipeline=pipe, partition_size=2)
    assert result.reconciled and result.ok == 3
    with Frontwatch(db=db) as fw:
        status = fw.status("ua:kherson")
    assert status["controller"] == "ua_army"


def test_rerun_into_another_store_writes_it(shards: Path, plugin: tuple[str, str], tmp_path: Path) -> None:
    plug, pipe = plugin
    opts = {"workers": 0, "plugins": [plug], "pipeline": pipe, "partition_size": 80, "reconcile": False}
    assert run_batch([shards], tmp_path / "out", **opts).skipped == 0  # Parquet only
    first = run_batch([shards], tmp_path / "out", db=str(tmp_path / "a.duckdb"), **opts)
    assert (first.skipped, first.ok) == (0, 240)  # not in a store yet
    assert run_batch([shards], tmp_path / "out", db=str(tmp_path / "a.duckdb"), **opts).skipped == 3
    other = run_batch([shards], tmp_path / "out", db=str(tmp_path / "b.duckdb"), **opts)
    assert (other.skipped, other.ok) == (0, 240)
    with open_store(tmp_path / "b.duckdb") as store:
        assert store.stats()["reports"] == 240
