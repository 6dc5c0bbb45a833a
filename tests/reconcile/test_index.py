"""Status, timeline, map state and sources over a real DuckDB store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ALEPPO, MAQSOUD, NAYRAB, SALHEEN, claim_report

from frontwatch import cli
from frontwatch.api import Frontwatch
from frontwatch.errors import AmbiguousPlace, NotFound
from frontwatch.reconcile.index import StatusIndex
from frontwatch.store import open_store


def founding_like() -> list:
    article = claim_report(
        "Front News", "2016-12-13",
        [("After the liberation of Bab al-Nayrab, pro-government forces purged militants.", "Bab al-Nayrab", NAYRAB,
          "government", "gained", "asserted")],
        comments=[("Heiko", "", [("Other sources report quarters east of Sjeikh Maqsud taken over by YPG.",
                                  "quarters east of Sjeikh Maqsud", None, "YPG", "handed_over", "hearsay")]),
                  ("Anna", "False report!", [])],
        stances=[(2, "deny", "comment:c1", None)],
    )
    older = claim_report(
        "Opposition Voice", "2016-12-01",
        [("Rebels still hold Bab al-Nayrab.", "Bab al-Nayrab", NAYRAB, "rebels", "held", "asserted"),
         ("Rebels still hold Salheen.", "Salheen", SALHEEN, "rebels", "held", "asserted")],
    )
    city = claim_report(
        "Levant Wire", "2016-12-14",
        [("The army took full control of east Aleppo.", "Aleppo", ALEPPO, "SAA", "held", "asserted")],
    )
    return [article, older, city]


@pytest.fixture
def store(db_path: Path):
    with open_store(str(db_path)) as st:
        st.upsert(founding_like())
        yield st


def test_status_answers_with_the_sentence(store) -> None:
    st = StatusIndex(store).status("Bab al-Nayrab", at="2016-12-13")
    assert st["side"] == "government"
    assert st["confidence"] > 0.5
    assert st["since"] == "2016-12-13"
    top = st["support"][0]
    assert top["text"].startswith("After the liberation of Bab al-Nayrab")
    assert top["source"] == "Front News" and top["url"].startswith("https://") and top["modality"] == "asserted"
    assert any(d["source"] == "Opposition Voice" for d in st["dispute"])


def test_status_before_the_capture(store) -> None:
    st = StatusIndex(store).status("Bab al-Nayrab", at="2016-12-05")
    assert st["side"] == "opposition"
    assert StatusIndex(store).status("Bab al-Nayrab", at="2016-11-01")["side"] is None


def test_hearsay_claim_with_its_denial(store) -> None:
    st = StatusIndex(store).status("quarters east of Sheikh Maqsoud")
    assert st["place"]["id"] is None and "Sheikh Maqsoud" in st["place"]["name"]
    assert st["confidence"] < 0.3
    assert st["support"][0]["modality"] == "hearsay"
    denial = [d for d in st["dispute"] if d["kind"] == "denial"]
    assert denial and denial[0]["text"] == "False report!" and denial[0]["author"] == "Anna"


def test_city_claim_informs_neighbourhoods(store) -> None:
    st = StatusIndex(store).status("Salheen", at="2016-12-14")
    assert st["side"] == "government"
    assert st["support"][0]["inherited_levels"] == 1


def test_unknown_and_ambiguous_places(store, db_path: Path) -> None:
    ix = StatusIndex(store)
    with pytest.raises(NotFound):
        ix.status("Nowhere-on-earth-xyz")
    other = claim_report("X", "2016-12-15", [("Rebels hold Salheen.", "Salheen", MAQSOUD.__class__(
        "t:salheen2", "Salheen", 35.0, 36.0, "village", "SY"), "rebels", "held", "asserted")])
    store.upsert([other])
    with pytest.raises(AmbiguousPlace) as err:
        StatusIndex(store).status("Salheen")
    assert "t:salheen" in str(err.value) and "t:salheen2" in str(err.value)
    assert StatusIndex(store).status("t:salheen2")["side"] == "opposition"


def test_timeline_map_and_sources(store) -> None:
    ix = StatusIndex(store)
    runs = ix.timeline("Bab al-Nayrab")
    assert [r["side"] for r in runs][-1] == "government"
    assert runs[0]["side"] == "opposition" and runs[0]["to"] is not None
    rows = ix.map_state("2016-12-13")
    by_id = {r["id"]: r for r in rows}
    assert by_id["t:nayrab"]["side"] == "government"
    assert {"lat", "lon", "feature", "geo_precision", "contested", "confidence", "since", "n_support",
            "n_dispute"} <= set(by_id["t:nayrab"])
    names = {s["source"] for s in ix.sources()}
    assert {"Front News", "Opposition Voice", "Levant Wire"} <= names


def test_memory_index_matches_sql(store) -> None:
    sql, mem = StatusIndex(store, memory=False), StatusIndex(store, memory=True)
    for place, day in (("Bab al-Nayrab", "2016-12-13"), ("Salheen", "2016-12-14"), ("Bab al-Nayrab", "2016-12-02")):
        a, b = sql.status(place, day), mem.status(place, day)
        assert a == b


def test_reconcile_reruns_after_new_claims(store) -> None:
    ix = StatusIndex(store)
    assert ix.status("Bab al-Nayrab", at="2016-12-20")["side"] == "government"
    store.upsert([claim_report("Opposition Voice", "2016-12-20", [("Rebels retook Bab al-Nayrab.", "Bab al-Nayrab",
                                                                   NAYRAB, "rebels", "gained", "asserted")])])
    fresh = StatusIndex(store).status("Bab al-Nayrab", at="2016-12-20")
    assert len(fresh["support"]) + len(fresh["dispute"]) >= 2


def test_cli_status_timeline_sources(store, db_path: Path, capsys) -> None:
    store.close()
    assert cli.main(["status", "Bab al-Nayrab", "--at", "2016-12-13", "--db", str(db_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["side"] == "government"
    assert cli.main(["status", "Bab al-Nayrab", "--at", "2016-12-13", "--db", str(db_path)]) == 0
    text = capsys.readouterr().out
    assert "government" in text and "After the liberation of Bab al-Nayrab" in text and "Front News" in text
    assert cli.main(["timeline", "Bab al-Nayrab", "--db", str(db_path)]) == 0
    assert "opposition" in capsys.readouterr().out
    assert cli.main(["sources", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert cli.main(["status", "Nowhere-on-earth-xyz", "--db", str(db_path)]) == 1
    assert "error" in capsys.readouterr().err


def test_api_methods(store, db_path: Path) -> None:
    store.close()
    with Frontwatch(db=str(db_path)) as fw:
        summary = fw.reconcile()
        assert summary["claims"] == 5 and summary["places"] >= 4
        assert fw.status("Bab al-Nayrab", at="2016-12-13")["side"] == "government"
        assert fw.timeline("Bab al-Nayrab")
        assert fw.source_reliability()
        assert fw.map_state("2016-12-13")
        assert "events_out" in fw.merged_events()


def test_source_priors_setting(store, db_path: Path, fixtures: Path) -> None:
    store.close()
    with Frontwatch(db=str(db_path), source_priors=str(fixtures / "reconcile" / "priors.toml")) as fw:
        fw.reconcile()
        rel = {r["source"]: r for r in fw.source_reliability()}
        assert rel["Levant Wire"]["prior"] == 0.9
