"""Events and control claims from hand-built place mentions (no geoparser needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extract import actors
from frontwatch.extract.stage import run
from frontwatch.model import FACTUAL_MODALITIES, Comment

from extract_helpers import report


@pytest.fixture(scope="module")
def d() -> actors.ActorDictionary:
    return actors.load_default()


def claims(r):  # type: ignore[no-untyped-def]
    return [(c.place.name, c.controller, c.change, c.previous_controller, c.modality) for c in r.control_claims]


def test_list_of_places_gives_one_claim_each(d: actors.ActorDictionary) -> None:
    r = report(
        "Jaish al-Fatah lost ground. After the capture of Karm al-Jabal, pro-government purged militants from the "
        "neighbourhoods of Sakhour and Haydariya, and the Ein al-Tal station, located north of the Old Souq.",
        {"Karm al-Jabal": "Karm al-Jabal", "Sakhour": "Sakhour", "Haydariya": "Haydariya", "Ein al-Tal station": "Ein al-Tal station", "Old Souq": "Old Souq"},
    )
    out = run(r, d)
    got = claims(out)
    assert [c[0] for c in got] == ["Karm al-Jabal", "Sakhour", "Haydariya", "Ein al-Tal station"]
    assert all(c[1] == "government" and c[2] == "gained" and c[3] == "opposition" for c in got)
    ev = [e for e in out.events if e.place and e.place.name == "Sakhour"][0]
    assert ev.sub_type == "Government regains territory" and ev.type == "Battles" and ev.plover == "COERCE"
    assert ev.actor1 is not None and ev.actor1.loaded == "pro-government"
    assert ev.actor2 is not None and ev.actor2.actor.id == "sy-jaish-al-fatah" and ev.actor2.loaded == "militants"
    assert ev.evidence.text.startswith("After the capture")


def test_night_before_and_relation_kept(d: actors.ActorDictionary) -> None:
    r = report("Last night, government forces pushed ISIS fighters from the area near the Old Souq.", {"Old Souq": "Old Souq"},
               relations={"Old Souq": ("near", "Old Souq")})
    out = run(r, d)
    [c] = out.control_claims
    assert (c.as_of, c.as_of_precision, c.as_of_text) == (dt.date(2016, 12, 12), 1, "Last night")
    assert c.place.relation == "near" and c.controller == "government" and c.previous_controller == "isis"


def test_passive_and_handed_over(d: actors.ActorDictionary) -> None:
    r = report("Other sources report quarters east of Ashrafieh taken over by, or handed over to, YPG.", {"Ashrafieh": "Ashrafieh"},
               relations={"Ashrafieh": ("east of", "Ashrafieh")})
    got = claims(run(r, d))
    assert ("Ashrafieh", "sdf", "gained", None, "hearsay") in got
    assert ("Ashrafieh", "sdf", "handed_over", None, "hearsay") in got


def test_fell_to_withdrew_besieged_advanced(d: actors.ActorDictionary) -> None:
    body = ("Kherson was handed over to Ukrainian forces. Bakhmut fell to Wagner fighters. "
            "Russian troops withdrew from Lyman. Russian forces besieged Ukrainian troops in Avdiivka. "
            "The SDF advanced into the eastern part of Raqqa.")
    names = {n: n for n in ("Kherson", "Bakhmut", "Lyman", "Avdiivka")}
    names["Raqqa"] = "Raqqa"
    got = claims(run(report(body, names, country="UA"), d))
    assert ("Kherson", "ukraine", "handed_over", None, "asserted") in got
    assert ("Bakhmut", "russia", "gained", None, "asserted") in got
    assert ("Lyman", "russia", "lost", None, "asserted") in got
    assert ("Avdiivka", "ukraine", "contested", None, "asserted") in got
    assert ("Raqqa", None, "contested", None, "asserted") in got


def test_the_city_refers_to_the_last_place(d: actors.ActorDictionary) -> None:
    r = report("Fighting raged around Sirte. On Monday the LNA captured the city.", {"Sirte": "Sirte"}, country="LY")
    got = claims(run(r, d))
    assert got == [("Sirte", "lna", "gained", None, "asserted")]


def test_held_patterns(d: actors.ActorDictionary) -> None:
    r = report("ISIS-held Mayadin was bombed. Raqqa remains under the control of the SDF. Saada is under Houthi control.",
               {"Mayadin": "Mayadin", "Raqqa": "Raqqa", "Saada": "Saada"})
    got = claims(run(r, d))
    assert ("Mayadin", "isis", "held", None, "asserted") in got
    assert ("Raqqa", "sdf", "held", None, "asserted") in got
    assert ("Saada", "houthis", "held", None, "asserted") in got


@pytest.mark.parametrize("text", [
    "The only action the SAA can take is to go east from Palmyra and take Sukhna.",
    "Has Sukhna fallen?",
    "Sukhna has not fallen to the army.",
    "A deal with Turkey would win Sukhna.",
    "If the army captures Sukhna, ISIS is finished.",
    "The army needs to take Sukhna before winter.",
    "Sukhna can wait.",
    "The army may choose to attack Sukhna.",
])
def test_no_claim_from_questions_denials_or_hypotheses(d: actors.ActorDictionary, text: str) -> None:
    out = run(report(text, {"Sukhna": "Sukhna", "Palmyra": "Palmyra"}), d)
    assert out.control_claims == ()
    assert all(e.modality not in FACTUAL_MODALITIES for e in out.events)


def test_associated_actor_from_the_next_sentence(d: actors.ActorDictionary) -> None:
    r = report("Government forces captured Tadef. The Syrian army's Tiger Forces played a leading role in the operation.", {"Tadef": "Tadef"})
    [ev] = run(r, d).events
    assert [a.actor.id for a in ev.assoc_actors] == ["sy-tiger-forces"]


def test_event_subtypes_and_fatalities(d: actors.ActorDictionary) -> None:
    body = ("Russian warplanes struck Ariha, killing at least 12 civilians. Regime artillery shelled Douma. "
            "A roadside bomb killed two soldiers near Mosul. Gunmen abducted dozens of villagers in Kaduna. "
            "Police fired tear gas at protesters in Khartoum. The warring parties signed a ceasefire in Jeddah.")
    names = {n: n for n in ("Ariha", "Douma", "Mosul", "Kaduna", "Khartoum", "Jeddah")}
    out = run(report(body, names), d)
    got = [(e.sub_type, e.place.name if e.place else None, e.fatalities) for e in out.events]
    assert got == [
        ("Air/drone strike", "Ariha", 12),
        ("Shelling/artillery/missile attack", "Douma", None),
        ("Remote explosive/landmine/IED", "Mosul", 2),
        ("Abduction/forced disappearance", "Kaduna", None),
        ("Protest with intervention", "Khartoum", None),
        ("Agreement", "Jeddah", None),
    ]
    assert out.events[0].plover == "ASSAULT" and out.events[0].plover_mode == "aerial"


def test_comments_claimant_and_quotes(d: actors.ActorDictionary) -> None:
    comments = (
        Comment("c1", "I've read the SAA has full control of east Aleppo.", author="Heiko"),
        Comment("c2", "Other sources report that ISIS took Tadef.", author=None),
        Comment("c3", "“The army captured the district of Tadef on Monday.” I think that is old news."),
    )
    r = report("The army captured the district of Tadef on Monday.", {"east Aleppo": "East Aleppo", "Tadef": "Tadef"}, comments=comments)
    out = run(r, d)
    by_field = {(c.evidence.field, c.claimant, c.modality, c.place.name) for c in out.control_claims}
    assert ("body", "Test Wire", "asserted", "Tadef") in by_field
    assert ("c1", "Heiko", "hearsay", "East Aleppo") in by_field
    assert ("c2", "comment c2", "hearsay", "Tadef") in by_field
    assert not any(c.evidence.field == "c3" for c in out.control_claims)


def test_demonyms_are_not_event_places(d: actors.ActorDictionary) -> None:
    r = report("Syrian troops captured Tadef.", {"Syrian": "Syria", "Tadef": "Tadef"}, kinds={"Syrian": "demonym"})
    assert [c.place.name for c in run(r, d).control_claims] == ["Tadef"]


def test_unresolved_names_still_give_claims(d: actors.ActorDictionary) -> None:
    out = run(report("Houthi fighters seized Wadi Abida on Monday.", {}), d)
    [c] = out.control_claims
    assert c.place.place is None and c.place.span.text == "Wadi Abida" and c.controller == "houthis"


def test_holds_and_subject_negation(d: actors.ActorDictionary) -> None:
    r = report("Russian forces encircled Avdiivka, but Ukrainian units still hold the town. Nobody has captured Hama yet.",
               {"Avdiivka": "Avdiivka", "Hama": "Hama"}, country="UA")
    got = claims(run(r, d))
    assert ("Avdiivka", "ukraine", "held", None, "asserted") in got
    assert not any(c[0] == "Hama" for c in got)


def test_withdrawing_across_a_river_gives_up_no_named_place(d: actors.ActorDictionary) -> None:
    r = report("Kherson was liberated by Ukrainian forces after the Russian army withdrew across the Dnipro.",
               {"Kherson": "Kherson", "Dnipro": "Dnipro"}, country="UA")
    assert claims(run(r, d)) == [("Kherson", "ukraine", "gained", None, "asserted")]


def test_abandoned_by_and_civilians_control_nothing(d: actors.ActorDictionary) -> None:
    r = report("Vuhledar was abandoned by Ukrainian troops on Wednesday. The RSF stormed the city of Geneina and killed civilians.",
               {"Vuhledar": "Vuhledar", "Geneina": "Geneina"}, country="UA")
    got = claims(run(r, d))
    assert ("Vuhledar", "ukraine", "lost", None, "asserted") in got
    assert all(c[1] != "ua-civilians" for c in got)


def test_implicit_victims_protesters_and_pairs(d: actors.ActorDictionary) -> None:
    body = ("A car bomb exploded in Azaz, killing at least 15 people. Police fired tear gas at protesters in Khartoum. "
            "The SAF and the RSF signed a ceasefire in Jeddah.")
    out = run(report(body, {"Azaz": "Azaz", "Khartoum": "Khartoum", "Jeddah": "Jeddah"}), d)
    bomb, protest, deal = out.events
    assert bomb.actor2 is not None and bomb.actor2.actor.inter == 7 and bomb.actor2.span.text == "people"
    assert protest.actor1 is not None and protest.actor1.actor.inter == 6
    assert deal.actor1.actor.id == "sd-saf" and deal.actor2.actor.id == "sd-rsf"  # type: ignore[union-attr]
    for e in out.events:
        for a in (e.actor1, e.actor2):
            if a is not None:
                out.check_span(a.span)
