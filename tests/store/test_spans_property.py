"""Property: every span written to the store reads back from the store and slices to its text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.model import Comment, ControlClaim, Flag, Place, PlaceMention, Report
from frontwatch.store import open_store

PLACE = Place(id="p1", name="Somewhere", lat=1.5, lon=2.5, feature="town")
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    body = draw(texts)
    comments = tuple(Comment(id=f"c{i}", text=t, author=draw(st.none() | texts)) for i, t in
                     enumerate(draw(st.lists(texts, max_size=3))))
    r = Report(id=draw(texts), body=body, title=draw(st.text(max_size=20)), comments=comments)
    fields = ["body"] + [c.id for c in comments]
    places, claims, flags = [], [], []
    for _ in range(draw(st.integers(0, 4))):
        f = draw(st.sampled_from(fields))
        n = len(r.field_text(f))
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        pm = PlaceMention(span=r.span(f, start, end), place=draw(st.none() | st.just(PLACE)), geo_precision=1)
        places.append(pm)
        claims.append(ControlClaim(place=pm, controller="x", change="held", evidence=r.span(f, 0, n)))
        if f != "body":
            flags.append(Flag(comment_id=f, category="insult", span=r.span(f, start, end), score=0.5))
    return r.with_(places=tuple(places), control_claims=tuple(claims), flags=tuple(flags))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_spans_round_trip(report: Report) -> None:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "p.duckdb") as store:
        store.upsert([report])
        doc = store.document(report.id)
        fields = {"title": doc["title"], "body": doc["body"]} | {c["id"]: c["text"] for c in doc["comments"]}
        assert fields == dict(report.fields())
        for p in store.place_rows():
            assert fields[p["field"]][p["start_char"] : p["end_char"]] == p["text"]
        for c in store.claim_rows():
            assert fields[c["field"]][c["evidence_start"] : c["evidence_end"]] == c["evidence_text"]
            assert c["place_text"] in fields[c["field"]]
        for f in store.flag_rows():
            assert fields[f["comment_id"]][f["start_char"] : f["end_char"]] == f["text"]
        assert len(store.place_rows()) == len(report.places)
