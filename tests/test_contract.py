"""The JSON contract: every field present; comment annotations sit under their comment."""

from __future__ import annotations

import datetime as dt
import json

from frontwatch import contract
from frontwatch.model import (
    Actor,
    ActorMention,
    Comment,
    ControlClaim,
    Event,
    Flag,
    Place,
    PlaceMention,
    Report,
    Source,
    Stance,
)

DOC_KEYS = {"id", "path", "source", "url", "title", "published", "language", "body", "places", "events",
            "control_claims", "comments"}
PLACE_KEYS = {"text", "start", "end", "field", "name", "lat", "lon", "feature", "geonameid", "country", "admin1",
              "geo_precision", "relation"}
EVENT_KEYS = {"type", "sub_type", "plover", "actor1", "actor2", "assoc_actors", "place", "date", "time_precision",
              "fatalities", "modality", "claimant", "evidence"}
CLAIM_KEYS = {"place", "controller", "previous_controller", "change", "as_of", "modality", "claimant", "evidence"}
COMMENT_KEYS = {"id", "author", "parent", "text", "stance", "claims", "sources", "flags"}


def annotated() -> Report:
    r = Report(
        id="r1",
        title="Army takes Bab al-Nayrab",
        body="The army took Bab al-Nayrab from Jaish al-Fatah.",
        published=dt.date(2016, 12, 13),
        comments=(
            Comment(id="c1", text="Other sources say YPG took Ashrafieh.", author="A"),
            Comment(id="c2", text="False report! Kill them all.", author="B", parent="c1"),
        ),
    )
    aleppo = Place("gn:170063", "Aleppo", 36.2, 37.16, "city", "SY", "Aleppo")
    nayrab = Place("cu:bab-al-nayrab", "Bab al-Nayrab", 36.19, 37.17, "neighbourhood", "SY", "Aleppo",
                   parents=(aleppo.id,))
    m_body = PlaceMention(r.span("body", 14, 27), nayrab, 1)
    m_c1 = PlaceMention(r.span("c1", 26, 35), None, 2, parent=aleppo)
    saa = Actor("sy-gov", "Syrian Arab Army", 1, side="government")
    ev = Event("Battles", "Government regains territory", r.span("body", 0, 48),
               actor1=ActorMention(saa, r.span("body", 4, 8)), place=m_body, date=dt.date(2016, 12, 13),
               time_precision=1)
    claims = (
        ControlClaim(m_body, "government", "gained", r.span("body", 0, 48), as_of=dt.date(2016, 12, 13)),
        ControlClaim(m_c1, "ypg", "gained", r.span("c1", 0, 37), modality="hearsay", claimant="A"),
    )
    return r.with_(
        places=(m_body, m_c1),
        events=(ev,),
        control_claims=claims,
        stances=(Stance("c2", "deny", "comment:c1", 0.9, r.span("c2", 0, 13), target_claim="claim:1"),),
        sources=(Source("c1", "vague", "other sources", r.span("c1", 0, 13)),),
        flags=(Flag("c2", "incitement_to_violence", r.span("c2", 14, 27), 0.95, "call to kill"),),
    )


def test_every_contract_field_is_present_and_json_serialisable() -> None:
    env = contract.envelope([annotated(), Report(id="bare", body="Nothing here.")])
    json.dumps(env)
    assert env["frontwatch"]
    for doc in env["documents"]:
        assert DOC_KEYS <= doc.keys()
        for c in doc["comments"]:
            assert COMMENT_KEYS <= c.keys()
    doc = env["documents"][0]
    assert PLACE_KEYS <= doc["places"][0].keys()
    assert EVENT_KEYS <= doc["events"][0].keys()
    assert CLAIM_KEYS <= doc["control_claims"][0].keys()
    assert env["documents"][1]["places"] == [] and env["documents"][1]["comments"] == []


def test_comment_annotations_sit_under_their_comment() -> None:
    doc = contract.document(annotated())
    assert [c["place"]["text"] for c in doc["control_claims"]] == ["Bab al-Nayrab"]
    c1, c2 = doc["comments"]
    assert c1["claims"][0]["modality"] == "hearsay" and c1["claims"][0]["claimant"] == "A"
    assert c1["claims"][0]["place"]["lat"] == 36.2  # unresolved: drawn at its parent
    assert c1["sources"][0]["name"] == "other sources"
    assert c2["stance"]["label"] == "deny" and c2["stance"]["target"] == "comment:c1"
    assert c2["flags"][0]["text"] == "Kill them all"
    evidence = doc["events"][0]["evidence"]
    assert doc["body"][evidence["start"] : evidence["end"]] == evidence["text"]
