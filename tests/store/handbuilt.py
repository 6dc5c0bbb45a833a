"""A small report built by hand from model objects (no other stage involved), for store and export tests."""

from __future__ import annotations

import datetime as dt

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

ALEPPO = Place(id="sy:aleppo", name="Aleppo", lat=36.2021, lon=37.1343, feature="city", country="SY",
               admin1="Aleppo", geonameid=170063, parents=("sy:aleppo-gov", "sy"))
SALHEEN = Place(id="sy:aleppo:salheen", name="Salheen", lat=36.1801, lon=37.1668, feature="neighbourhood",
                country="SY", admin1="Aleppo", parents=("sy:aleppo", "sy:aleppo-gov", "sy"), approximate=True)
SAA = Actor(id="saa", name="Military Forces of Syria", inter=1, side="government")
JAF = Actor(id="jaf", name="Jaish al-Fatah", inter=2, side="opposition")

TITLE = "Army takes Salheen south of Aleppo Citadel"
BODY = (
    "Government forces took the Salheen neighbourhood of Aleppo on Monday, a military source said. "
    "Shelling killed 4 civilians in Aleppo, according to activists. "
    "Rebels denied that Salheen had fallen."
)
C1 = "False report! Salheen is still held by the rebels."
C2 = "Other sources report the YPG took Sheikh Maqsoud, see https://example.org/news/1"
C3 = "Kill them all, the rats."


def handbuilt_report(report_id: str = "test:salheen") -> Report:
    r = Report(
        id=report_id,
        title=TITLE,
        body=BODY,
        source="Example Post",
        url="https://example.org/salheen",
        published=dt.date(2016, 12, 13),
        language="en",
        comments=(
            Comment(id="c1", text=C1, author="Heiko", posted=dt.datetime(2016, 12, 13, 10, 5)),
            Comment(id="c2", text=C2, author="Airtorn", parent="c1"),
            Comment(id="c3", text=C3, author=None, split_confidence=0.6),
        ),
        meta={"content_hash": "abc123", "format": "text"},
    )
    b_sal = BODY.index("Salheen")
    b_alep = BODY.index("Aleppo")
    b_alep2 = BODY.index("Aleppo", b_alep + 1)
    pm_sal = PlaceMention(span=r.span("body", b_sal, b_sal + 7), place=SALHEEN, geo_precision=1)
    pm_alep = PlaceMention(span=r.span("body", b_alep, b_alep + 6), place=ALEPPO, geo_precision=1)
    pm_alep2 = PlaceMention(span=r.span("body", b_alep2, b_alep2 + 6), place=ALEPPO, geo_precision=2)
    c1_sal = C1.index("Salheen")
    pm_c1 = PlaceMention(span=r.span("c1", c1_sal, c1_sal + 7), place=SALHEEN, geo_precision=1)
    c2_sm = C2.index("Sheikh Maqsoud")
    pm_c2 = PlaceMention(span=r.span("c2", c2_sm, c2_sm + 14), place=None, geo_precision=2, parent=ALEPPO)
    s1_end = BODY.index(".") + 1
    s2_start = s1_end + 1
    s2_end = BODY.index(".", s2_start) + 1
    gov = BODY.index("Government forces")
    events = (
        Event(
            type="Battles", sub_type="Government regains territory", evidence=r.span("body", 0, s1_end),
            plover="COERCE", plover_mode="seize",
            actor1=ActorMention(SAA, r.span("body", gov, gov + 17)), place=pm_sal,
            date=dt.date(2016, 12, 12), date_text="on Monday", time_precision=1, modality="reported",
            claimant="a military source",
        ),
        Event(
            type="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack",
            evidence=r.span("body", s2_start, s2_end), place=pm_alep2, date=dt.date(2016, 12, 13),
            time_precision=1, fatalities=4, modality="reported", claimant="activists",
        ),
        Event(
            type="Battles", sub_type="Armed clash", evidence=r.span("c1", 0, len(C1)), place=pm_c1,
            modality="denied", claimant="Heiko",
        ),
    )
    claims = (
        ControlClaim(place=pm_sal, controller="saa", previous_controller="jaf", change="gained",
                     evidence=r.span("body", 0, s1_end), as_of=dt.date(2016, 12, 12), as_of_precision=1,
                     as_of_text="on Monday", modality="reported", claimant="a military source"),
        ControlClaim(place=pm_c1, controller="jaf", change="held", evidence=r.span("c1", 14, len(C1)),
                     modality="asserted", claimant="Heiko"),
        ControlClaim(place=pm_c2, controller="ypg", change="gained", evidence=r.span("c2", 0, len(C2)),
                     modality="hearsay", claimant="other sources"),
    )
    url_at = C2.index("https://")
    return r.with_(
        places=(pm_sal, pm_alep, pm_alep2, pm_c1, pm_c2),
        events=events,
        control_claims=claims,
        stances=(
            Stance(comment_id="c1", label="deny", target="article", confidence=0.91,
                   evidence=r.span("c1", 0, 13), target_claim="claim:0"),
            Stance(comment_id="c2", label="comment", target="comment:c1", confidence=0.55),
        ),
        sources=(
            Source(comment_id="c2", kind="vague", name="other sources", span=r.span("c2", 0, 13)),
            Source(comment_id="c2", kind="url", name="example.org", span=r.span("c2", url_at, len(C2)),
                   url=C2[url_at:]),
        ),
        flags=(
            Flag(comment_id="c3", category="incitement_to_violence", span=r.span("c3", 0, 13), score=0.97,
                 rationale="call to kill"),
            Flag(comment_id="c3", category="dehumanisation", span=r.span("c3", 15, 23), score=0.88,
                 target_group="rebels"),
        ),
    )
