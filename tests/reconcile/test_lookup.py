"""The persisted compact lookup (recon_lookup) answers status exactly as the other paths do."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_index import founding_like

from frontwatch.reconcile.index import StatusIndex
from frontwatch.store import open_store

QUERIES = [("Bab al-Nayrab", "2016-12-13"), ("Bab al-Nayrab", "2016-12-05"), ("Salheen", "2016-12-14"),
           ("quarters east of Sheikh Maqsoud", "2016-12-13"), ("Aleppo", "2016-12-14")]


@pytest.fixture
def store(db_path: Path):
    with open_store(str(db_path)) as st:
        st.upsert(founding_like())
        StatusIndex(st).reconcile()
        yield st


def test_one_packed_row_per_place(store) -> None:
    n_places = store.read("SELECT COUNT(*) FROM recon_places")[0][0]
    assert store.read("SELECT COUNT(*) FROM recon_lookup")[0][0] == n_places
    seqs = [r[0] for r in store.read("SELECT seq FROM recon_votes ORDER BY seq")]
    assert seqs == list(range(len(seqs)))


def test_lookup_matches_memory_and_sql(store) -> None:
    packed = StatusIndex(store, memory=False)
    memory = StatusIndex(store, memory=True)
    answers = {q: packed.status(*q) for q in QUERIES}
    assert packed._packed and all(v is not None for v in packed._packed.values())  # the lookup was used
    for q in QUERIES:
        assert answers[q] == memory.status(*q)
    # a store reconciled before the lookup existed: the plain SQL path gives the same answers
    store._execute("DELETE FROM recon_lookup")
    plain = StatusIndex(store, memory=False)
    for q in QUERIES:
        assert answers[q] == plain.status(*q)
    assert all(v is None for v in plain._packed.values())


def test_founding_answers_through_the_lookup(store) -> None:
    st = StatusIndex(store, memory=False).status("Bab al-Nayrab", at="2016-12-13")
    assert st["side"] == "government" and st["support"][0]["text"].startswith("After the liberation")
    east = StatusIndex(store, memory=False).status("quarters east of Sheikh Maqsoud", at="2016-12-13")
    assert east["confidence"] < 0.5
    assert any(d.get("kind") == "denial" and d["text"] == "False report!" for d in east["dispute"])
