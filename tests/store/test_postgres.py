"""The store on PostgreSQL: the same behaviour and answers as on DuckDB, and several writers.

Tests marked ``postgres`` need a server: set ``FRONTWATCH_TEST_PG`` to a database URL
(``.ci/postgres.sh`` starts a throwaway one); each test works in a fresh schema of it. The
parametrised tests run on both backends.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from handbuilt import handbuilt_report

from frontwatch.model import Comment, Report
from frontwatch.store import UpsertCounts, open_store
from frontwatch.store.base import SQLStore, known_migrations
from frontwatch.store.postgres import _to_psycopg, mask
from frontwatch.synth import generate_reports

PG = os.environ.get("FRONTWATCH_TEST_PG")
needs_pg = pytest.mark.skipif(not PG, reason="FRONTWATCH_TEST_PG is not set (see .ci/postgres.sh)")


def test_placeholders_are_rewritten_outside_strings() -> None:
    assert _to_psycopg("SELECT a FROM t WHERE b = ? AND c LIKE '%?x' AND d = ?") == (
        "SELECT a FROM t WHERE b = %s AND c LIKE '%%?x' AND d = %s"
    )
    assert _to_psycopg("SELECT 100 % 7, ?") == "SELECT 100 %% 7, %s"


def test_passwords_are_masked() -> None:
    assert mask("postgresql://fw:s3cret@db.example.org:5432/fw") == "postgresql://fw:***@db.example.org:5432/fw"
    assert mask("postgresql://fw@localhost/fw") == "postgresql://fw@localhost/fw"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose connections work in a fresh, empty schema (dropped afterwards)."""
    if not PG:
        pytest.skip("FRONTWATCH_TEST_PG is not set (see .ci/postgres.sh)")
    import psycopg

    schema = "fwtest_" + uuid.uuid4().hex[:10]
    with psycopg.connect(PG, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


BACKENDS = ["duckdb", pytest.param("postgres", marks=[pytest.mark.postgres, needs_pg])]


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "fw.duckdb")
    return str(request.getfixturevalue("pg_url"))


def _corpus() -> list[Report]:
    return [handbuilt_report(), *generate_reports(12, seed=5, words=80)]


# -- both backends ---------------------------------------------------------------------------------
def test_migrations_apply_once(location: str) -> None:
    with open_store(location) as store:
        assert store.migrate() == []
        versions = [r[0] for r in store.read("SELECT version FROM schema_migrations ORDER BY version")]
    with open_store(location) as store:
        assert store.migrate() == []
    assert versions == [m.version for m in known_migrations()]


def test_upsert_counts_and_replacement(location: str) -> None:
    report = handbuilt_report()
    with open_store(location) as store:
        assert store.upsert([report]) == UpsertCounts(new=1)
        assert store.upsert([report]) == UpsertCounts(unchanged=1)
        assert store.upsert([report.with_(flags=report.flags[:1])]) == UpsertCounts(updated=1)
        fewer = Report(id=report.id, body="Nothing happened.", title="Quiet day", comments=(Comment(id="c1", text="ok"),))
        assert store.upsert([fewer, *generate_reports(3, seed=1, words=30)]) == UpsertCounts(new=3, updated=1)
        stats = store.stats()
        assert store.document(report.id)["title"] == "Quiet day"
    assert (stats["reports"], stats["claims"], stats["flags"]) == (4, 0, 0)


def test_failed_batch_writes_nothing(location: str) -> None:
    good = handbuilt_report()
    with open_store(location) as store:
        store.upsert([good])
        with pytest.raises(Exception), store.transaction():  # noqa: B017,PT011 - any failure rolls back
            store.write("INSERT INTO reports (id, title) VALUES (?, ?)", ("half", "half"))
            store.write("INSERT INTO no_such_table VALUES (1)")
        assert store.stats()["reports"] == 1


# -- the same answers --------------------------------------------------------------------------------
READS: dict[str, Callable[[SQLStore], Any]] = {
    "stats": lambda s: {k: v for k, v in s.stats().items() if k != "db"},
    "documents": lambda s: s.documents(limit=100),
    "documents_q": lambda s: s.documents(q="salheen", since="2016-01-01"),
    "document": lambda s: s.document("test:salheen"),
    "claims": lambda s: s.claim_rows(),
    "claims_place": lambda s: s.claim_rows(["sy:aleppo:salheen"]),
    "iter_claims": lambda s: list(s.iter_claim_rows(batch=2)),
    "stances": lambda s: s.stance_rows(),
    "events": lambda s: s.event_rows(type="Battles"),
    "places": lambda s: s.place_rows(limit=50),
    "flags": lambda s: s.flag_rows(),
    "comments": lambda s: s.comment_rows("test:salheen"),
    "sources": lambda s: s.source_rows(),
}


@pytest.mark.postgres
def test_duckdb_and_postgres_answer_the_same(tmp_path: Path, pg_url: str) -> None:
    corpus = _corpus()
    answers = []
    for location in (str(tmp_path / "fw.duckdb"), pg_url):
        with open_store(location) as store:
            store.upsert(corpus)
            answers.append({name: read(store) for name, read in READS.items()})
    duck, pg = answers
    for name in READS:
        assert duck[name] == pg[name], name


@pytest.mark.postgres
def test_status_is_the_same_on_duckdb_and_postgres(tmp_path: Path, pg_url: str) -> None:
    from frontwatch.api import Frontwatch

    answers = []
    for location in (str(tmp_path / "fw.duckdb"), pg_url):
        with Frontwatch(db=location) as fw:
            fw.store.upsert(_corpus())
            fw.reconcile()
            answers.append((fw.status("sy:aleppo:salheen"), fw.timeline("sy:aleppo:salheen"), fw.stats()["claims"]))
    assert answers[0] == answers[1]
    assert answers[0][0]["controller"]


# -- PostgreSQL only ---------------------------------------------------------------------------------
@pytest.mark.postgres
def test_concurrent_first_opens_migrate_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_store(pg_url).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(pg_url) as store:
        versions = [r[0] for r in store.read("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in known_migrations()]


@pytest.mark.postgres
def test_several_writers_never_duplicate_a_report_or_claim(pg_url: str) -> None:
    corpus = _corpus() + list(generate_reports(40, seed=9, words=40))
    open_store(pg_url).close()
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def writer(k: int) -> None:
        try:
            with open_store(pg_url) as store:
                barrier.wait()
                # overlapping batches in different orders
                batch = corpus[k::2] + corpus[::-1][: 10 + k]
                for i in range(0, len(batch), 7):
                    store.upsert(batch[i : i + 7])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with open_store(pg_url) as store:
        stats = store.stats()
        dupes = store.read("SELECT report_id, idx, COUNT(*) FROM claims GROUP BY report_id, idx HAVING COUNT(*) > 1")
        comment_dupes = store.read("SELECT report_id, idx FROM comments GROUP BY report_id, idx HAVING COUNT(*) > 1")
    assert stats["reports"] == len({r.id for r in corpus})
    assert stats["claims"] == 3
    assert stats["comments"] == sum(len(r.comments) for r in corpus)
    assert dupes == [] and comment_dupes == []


@pytest.mark.postgres
def test_serialization_failures_are_retried(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    from frontwatch.store import postgres

    monkeypatch.setattr(postgres.time, "sleep", lambda s: None)
    with open_store(pg_url) as store:
        real = store._upsert_once
        calls = []

        def flaky(rows: Any) -> UpsertCounts:
            calls.append(1)
            if len(calls) < 3:
                raise psycopg.errors.SerializationFailure("could not serialize access")
            return real(rows)

        monkeypatch.setattr(store, "_upsert_once", flaky)
        assert store.upsert([handbuilt_report()]) == UpsertCounts(new=1)
    assert len(calls) == 3


@pytest.mark.postgres
@pytest.mark.parametrize("postgis", [True, False], ids=["postgis-if-installed", "plain-lat-lon"])
def test_claims_near_a_point(pg_url: str, postgis: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.store.postgres import PostgresStore

    if not postgis:
        monkeypatch.setattr(PostgresStore, "_ensure_geo", lambda self: None)
        monkeypatch.setattr(PostgresStore, "_has_geo_views", lambda self: False)
    with open_store(pg_url) as store:
        assert store.postgis is (postgis and store._postgis_schema() is not None)
        store.upsert([handbuilt_report()])
        near = store.claims_near(36.20, 37.16, km=10)
        far = store.claims_near(33.5, 36.3, km=10)
    assert {c["place_id"] for c in near} >= {"sy:aleppo:salheen"}
    assert far == []


@pytest.mark.postgres
def test_batch_workers_write_postgres_directly(pg_url: str, tmp_path: Path) -> None:
    from frontwatch.batch.engine import run_batch
    from frontwatch.batch.partitions import write_jsonl_shards

    stages = tmp_path / "stages.py"  # a cheap stage, so the test measures the writers, not the pipeline
    stages.write_text(
        "from frontwatch.pipeline import stage\n"
        "@stage('pgtest_words', assigns=['meta.words'])\n"
        "def words(report, resources):\n"
        "    return report.with_(meta={**report.meta, 'words': len(report.body.split())})\n",
        encoding="utf-8",
    )
    pipeline = tmp_path / "pipeline.toml"
    pipeline.write_text('stages = ["pgtest_words"]\n', encoding="utf-8")
    opts: dict[str, Any] = {"workers": 2, "db": pg_url, "reconcile": False, "plugins": [str(stages)], "pipeline": str(pipeline)}
    write_jsonl_shards(generate_reports(90, seed=4, words=40), tmp_path / "in", per_shard=30)
    first = run_batch([tmp_path / "in"], tmp_path / "a", partition_size=20, **opts)
    again = run_batch([tmp_path / "in"], tmp_path / "b", partition_size=15, **opts)
    assert first.ok == again.ok == 90
    with open_store(pg_url) as store:
        assert store.stats()["reports"] == 90
        assert store.document("synth:4:7")["meta"]["words"] > 0


@pytest.mark.postgres
def test_exports_are_the_same_from_duckdb_and_postgres(tmp_path: Path, pg_url: str) -> None:
    from frontwatch.export import export

    for name, location in (("duck", str(tmp_path / "fw.duckdb")), ("pg", pg_url)):
        with open_store(location) as store:
            store.upsert(_corpus())
            for fmt in ("geojson", "jsonl"):
                export(store, fmt, tmp_path / f"{name}.{fmt}")
    for fmt in ("geojson", "jsonl"):
        assert (tmp_path / f"duck.{fmt}").read_bytes() == (tmp_path / f"pg.{fmt}").read_bytes(), fmt
