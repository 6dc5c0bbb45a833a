from __future__ import annotations

from frontwatch.reconcile.merge import compatible, merge


def ev(report: str, place: str | None, day: str, a1: str | None = "government", a2: str | None = "opposition",
       sub: str = "Government regains territory", text: str = "") -> dict:
    return {"report_id": report, "idx": 0, "type": "Battles", "sub_type": sub, "actor1_side": a1, "actor2_side": a2,
            "place_id": place, "place_text": place or "somewhere", "event_date": day, "modality": "asserted",
            "source": f"outlet-{report}", "url": f"https://x.example/{report}", "evidence_text": text or f"{report} text"}


PARENTS = {"nayrab": ["aleppo"], "aleppo": []}


def parents(pid: str) -> list[str]:
    return PARENTS.get(pid, [])


def test_same_event_from_three_outlets() -> None:
    rows = [ev("a", "nayrab", "2016-12-13"), ev("b", "nayrab", "2016-12-14", a2=None), ev("c", "aleppo", "2016-12-13")]
    out = merge(rows, parents)
    assert out["events_out"] == 1 and out["merged_events"] == 1 and out["rows_merged"] == 3
    event = out["events"][0]
    assert event["place_id"] == "nayrab" or event["place_id"] == "aleppo"
    assert {s["source"] for s in event["sources"]} == {"outlet-a", "outlet-b", "outlet-c"}
    assert event["why"]


def test_never_across_incompatible_actors_places_or_times() -> None:
    base = ev("a", "nayrab", "2016-12-13")
    assert compatible(base, ev("b", "nayrab", "2016-12-13", a1="sdf"), parents) is None
    assert compatible(base, ev("b", "salheen", "2016-12-13"), parents) is None
    assert compatible(base, ev("b", "nayrab", "2016-12-25"), parents) is None
    assert compatible(base, ev("b", "nayrab", "2016-12-13", sub="Non-state actor overtakes territory"), parents) is None
    assert compatible(base, ev("a", "nayrab", "2016-12-13"), parents) is None  # same report
    assert compatible(base, ev("b", "nayrab", "2016-12-13", a1="opposition", a2="government"), parents)


def test_no_chaining_into_incompatible_clusters() -> None:
    rows = [ev("a", "nayrab", "2016-12-13", a2=None), ev("b", "nayrab", "2016-12-13", a2="opposition"),
            ev("c", "nayrab", "2016-12-13", a2="sdf")]
    out = merge(rows, parents)
    assert out["events_out"] == 2
