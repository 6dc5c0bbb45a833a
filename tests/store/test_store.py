"""The store against a real DuckDB file: migrations, upsert, reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from handbuilt import handbuilt_report

from frontwatch.contract import document
from frontwatch.errors import NotFound, StoreError
from frontwatch.model import Comment, Report
from frontwatch.store import UpsertCounts, open_store
from frontwatch.store.migrate import known_migrations
from frontwatch.store.rows import TABLES


def test_migrations_are_idempotent(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version() >= 1
        assert store.migrate() == []
    with open_store(db_path) as store:
        versions = [r[0] for r in store.read("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in known_migrations()]


def test_rows_match_migrated_columns(db_path: Path) -> None:
    with open_store(db_path) as store:
        for table, cols in TABLES.items():
            got = [r[0] for r in store.read(f"DESCRIBE {table}")]
            assert got[: len(cols)] == [c for c, _ in cols], table


def test_newer_schema_is_a_clear_error(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path, read_only=True)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(bad)
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path / "missing" / "x.duckdb")


def test_upsert_new_unchanged_updated(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        assert store.upsert([report]) == UpsertCounts(new=1)
        assert store.upsert([report]) == UpsertCounts(unchanged=1)
        changed = report.with_(flags=report.flags[:1])
        assert store.upsert([changed]) == UpsertCounts(updated=1)
        stats = store.stats()
    assert stats["reports"] == 1
    assert stats["flags"] == 1
    assert stats["comments"] == 3
    assert stats["claims"] == 3


def test_updated_content_replaces_rows(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report])
        first = store.read("SELECT ingested_at FROM reports")[0][0]
        fewer = Report(id=report.id, body="Nothing happened.", title="Quiet day", meta={"content_hash": "other"},
                       comments=(Comment(id="c1", text="ok"),))
        assert store.upsert([fewer]) == UpsertCounts(updated=1)
        stats = store.stats()
        assert store.document(report.id)["title"] == "Quiet day"
        assert store.read("SELECT ingested_at FROM reports")[0][0] == first
    assert (stats["reports"], stats["comments"], stats["claims"], stats["places"], stats["flags"]) == (1, 1, 0, 0, 0)


def test_duplicate_ids_in_one_batch_store_once(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        counts = store.upsert([report, report.with_(title="later"), handbuilt_report("other")])
        assert counts == UpsertCounts(new=2)
        assert store.stats()["reports"] == 2
        assert store.document(report.id)["title"] == "later"


def test_failed_batch_writes_nothing(db_path: Path, report: Report) -> None:
    class Boom(Exception):
        pass

    def reports() -> object:
        yield handbuilt_report("a")
        raise Boom

    with open_store(db_path) as store:
        with pytest.raises(Boom):
            store.upsert(reports())  # type: ignore[arg-type]
        assert store.stats()["reports"] == 0
        store.upsert([report])
        with pytest.raises(Exception):  # noqa: B017 - a write that fails inside the transaction
            with store.transaction():
                store._insert_rows("comments", [("a", 0, "c1", None, None, None, None, 0.5, None, "x")])
                store.write("INSERT INTO no_such_table VALUES (1)")
        assert store.stats()["comments"] == 3


def test_document_round_trip(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report])
        assert store.document(report.id) == document(report)
        with pytest.raises(NotFound):
            store.document("nope")
        assert [d["id"] for d in store.iter_documents(batch=1)] == [report.id]


def test_documents_filters(db_path: Path) -> None:
    a = handbuilt_report("a")
    b = handbuilt_report("b").with_(source="Other Wire", published=dt.date(2017, 1, 2), title="Quiet in Homs")
    with open_store(db_path) as store:
        store.upsert([a, b])
        assert [d["id"] for d in store.documents()] == ["b", "a"]
        assert store.documents(limit=1, offset=1)[0]["id"] == "a"
        assert [d["id"] for d in store.documents(source="Other Wire")] == ["b"]
        assert [d["id"] for d in store.documents(q="homs")] == ["b"]
        assert [d["id"] for d in store.documents(since="2017-01-01")] == ["b"]
        assert [d["id"] for d in store.documents(until=dt.date(2016, 12, 31))] == ["a"]
        row = store.documents(source="Other Wire")[0]
    assert row == {"id": "b", "title": "Quiet in Homs", "source": "Other Wire", "url": "https://example.org/salheen",
                   "published": "2017-01-02", "language": "en", "n_comments": 3}


CLAIM_KEYS = {
    "claim_id", "report_id", "idx", "source", "url", "published", "field", "comment_author", "place_id",
    "place_name", "place_text", "lat", "lon", "place_parents", "geo_precision", "relation", "anchor_name",
    "controller", "previous_controller", "change", "as_of", "as_of_precision", "modality", "claimant",
    "evidence_start", "evidence_end", "evidence_text",
}


def test_claim_rows(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report])
        rows = store.claim_rows()
        assert rows == list(store.iter_claim_rows(batch=2))
        only = store.claim_rows(["sy:aleppo:salheen"])
    assert [set(r) for r in rows] == [CLAIM_KEYS] * 3
    first, second, third = rows
    assert first["claim_id"] == "test:salheen:0"
    assert first["published"] == "2016-12-13" and first["as_of"] == "2016-12-12"
    assert first["place_parents"] == ["sy:aleppo", "sy:aleppo-gov", "sy"]
    assert first["field"] == "body" and first["comment_author"] is None
    assert second["field"] == "c1" and second["comment_author"] == "Heiko"
    assert third["place_id"] is None and third["place_text"] == "Sheikh Maqsoud"
    assert third["place_parents"] == ["sy:aleppo", "sy:aleppo-gov", "sy"]
    assert third["lat"] == pytest.approx(36.2021)
    assert [r["idx"] for r in only] == [0, 1]
    for row in rows:
        text = report.field_text(row["field"])
        assert text[row["evidence_start"] : row["evidence_end"]] == row["evidence_text"]


def test_other_rows(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report, handbuilt_report("other").with_(source="Other Wire")])
        stances = store.stance_rows([report.id])
        assert [s["label"] for s in stances] == ["deny", "comment"]
        assert set(stances[0]) >= {"report_id", "comment_id", "label", "target", "target_claim", "confidence", "author"}
        assert stances[0]["author"] == "Heiko" and stances[0]["target_claim"] == "claim:0"
        assert len(store.stance_rows()) == 4
        assert len(store.event_rows()) == 6
        assert len(store.event_rows(source="Other Wire")) == 3
        assert len(store.event_rows(type="Battles", source="Other Wire")) == 2
        assert len(store.event_rows(actor="saa")) == 2
        assert len(store.event_rows(actor="military forces of syria", limit=1)) == 1
        assert len(store.event_rows(place="Aleppo")) == 2
        assert len(store.event_rows(since="2016-12-13")) == 4
        assert len(store.event_rows(until="2016-12-12")) == 2
        with pytest.raises(TypeError):
            store.event_rows(colour="red")
        places = store.place_rows(place="sy:aleppo")
        assert len(places) == 4 and {p["source"] for p in places} == {"Example Post", "Other Wire"}
        assert len(store.flag_rows(report.id)) == 2
        assert [c["id"] for c in store.comment_rows(report.id)] == ["c1", "c2", "c3"]
        srcs = store.source_rows(report.id)
        assert [s["url"] for s in srcs] == [None, "https://example.org/news/1"]
        assert srcs[0]["report_url"] == "https://example.org/salheen"


def test_read_and_write_for_other_areas(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report])
        store.write("CREATE TABLE IF NOT EXISTS scratch (k TEXT, v INTEGER)")
        store.write_many("INSERT INTO scratch VALUES (?, ?)", [("a", 1), ("b", 2)])
        assert store.read("SELECT SUM(v) FROM scratch WHERE k <> ?", ("c",)) == [(3,)]
        assert store.delete(report.id) is True
        assert store.delete(report.id) is False
        assert store.stats()["claims"] == 0


def test_read_only(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.upsert([report])
    with open_store(db_path, read_only=True) as store:
        assert store.stats()["reports"] == 1
    with pytest.raises(StoreError):
        open_store(db_path.with_name("absent.duckdb"), read_only=True)


def test_large_report(db_path: Path) -> None:
    big = Report(id="big", body="word " * 4_000_000, comments=(Comment(id="c1", text="x" * 2_000_000),))
    with open_store(db_path) as store:
        before = store.read("SELECT current_setting('memory_limit')")[0][0]
        assert store.upsert([big]) == UpsertCounts(new=1)
        assert len(store.document("big")["body"]) == 20_000_000
        # the full memory limit is back for queries
        assert store.read("SELECT current_setting('memory_limit')")[0][0] == before


def test_checkpoints_after_many_batches(db_path: Path) -> None:
    """Regression: a memory limit held low during writes made a checkpoint fail and killed the DB."""
    from frontwatch.store.duckdb import DuckDBStore
    from frontwatch.synth import generate_reports

    reports = list(generate_reports(600, seed=2))
    with DuckDBStore(db_path, write_memory_limit="4MB") as store:
        store.write("SET checkpoint_threshold = '256KB'")
        for i in range(0, 600, 100):
            assert store.upsert(reports[i : i + 100]).new == 100
        assert store.stats()["reports"] == 600
    with open_store(db_path) as store:
        assert store.stats()["comments"] == sum(len(r.comments) for r in reports)


def test_write_error_is_a_store_error(db_path: Path, report: Report) -> None:
    with open_store(db_path) as store:
        store.write("ALTER TABLE comments ADD COLUMN must_have TEXT NOT NULL DEFAULT 'x'")
        store.write("ALTER TABLE comments ALTER COLUMN must_have DROP DEFAULT")
        with pytest.raises(StoreError, match="cannot write"):
            store.upsert([report])
        assert store.stats()["reports"] == 0


def test_long_documents_are_compressed(db_path: Path) -> None:
    from frontwatch.store.rows import COMPRESS_OVER, pack_doc, unpack_doc

    short, long_ = '{"a":1}', '{"a":"' + "x" * (COMPRESS_OVER + 10) + '"}'
    assert pack_doc(short) == short and unpack_doc(short) == short
    assert pack_doc(long_).startswith("zlib:") and len(pack_doc(long_)) < len(long_) // 10
    assert unpack_doc(pack_doc(long_)) == long_
    small = Report(id="small", body="Quiet.", title="t")
    with open_store(db_path) as store:
        store.upsert([small, handbuilt_report()])
        raw = dict(store.read("SELECT id, doc FROM reports"))
        assert raw["small"].startswith("{")
        assert store.document("small") == document(small)
