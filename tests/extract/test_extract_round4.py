"""Failure classes of blind set 4: wire-service hedges, analyst assessments, roads, footholds,
bare withdrawals, sources that speak, and actors of further conflicts (Haiti, Somalia)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extract import actors, modality
from frontwatch.extract.stage import run
from frontwatch.model import Report

from extract_helpers import report


@pytest.fixture(scope="module")
def d() -> actors.ActorDictionary:
    return actors.load_default()


def claims(r: Report) -> list[tuple[str, str | None, str, str]]:
    return [(c.place.name, c.controller, c.change, c.modality) for c in r.control_claims]


def test_unverified_wire_claim_stays_reported(d: actors.ActorDictionary) -> None:
    body = ("Hayat Tahrir al-Sham said on Saturday it had taken control of Saraqeb, "
            "a claim that could not be independently verified.")
    got = claims(run(report(body, {"Saraqeb": "Saraqeb"}), d))
    assert got == [("Saraqeb", "opposition", "gained", "reported")]


@pytest.mark.parametrize("sentence", [
    "Opposition fighters seized the town, according to a war monitor.",
    "Russian milbloggers claimed that Russian forces seized the village.",
    "Geolocated footage published on Monday indicates that the troops advanced into the village.",
    "The rebels took the airport, humanitarian partners said.",
])
def test_sources_named_by_a_common_noun_are_reported(sentence: str) -> None:
    trigger = next(i for w in ("seized", "advanced", "took") if (i := sentence.find(w)) >= 0)
    assert modality.classify(sentence, trigger).modality == "reported"


def test_analyst_hedge_is_not_a_hypothesis(d: actors.ActorDictionary) -> None:
    got = claims(run(report("Russian forces likely advanced into central Petrivka.", {"Petrivka": "Petrivka"}, country="UA",
                            published=dt.date(2024, 11, 20)), d))
    assert got == [("Petrivka", None, "contested", "hearsay")]
    assert modality.classify("Russian forces are likely to take Petrivka.", 29).modality == "hypothetical"


@pytest.mark.parametrize("body", [
    "Armed groups took control of the road between Wad Madani and Sennar.",
    "The army said it had regained control of the highway linking Wad Madani to Sennar.",
    "The militants still control the road linking Wad Madani to Sennar.",
])
def test_a_road_is_not_the_towns_at_its_ends(d: actors.ActorDictionary, body: str) -> None:
    assert claims(run(report(body, {"Wad Madani": "Wad Madani", "Sennar": "Sennar"}, country="SD"), d)) == []


def test_the_town_after_a_road_is_the_town_named_before(d: actors.ActorDictionary) -> None:
    body = ("The RSF took control of Wad Madani on Monday. Armed groups took control of the road between "
            "Wad Madani and Sennar. Sudanese Armed Forces withdrew from their positions in the town.")
    got = claims(run(report(body, {"Wad Madani": "Wad Madani", "Sennar": "Sennar"}, country="SD"), d))
    assert ("Wad Madani", "saf", "lost", "asserted") in got
    assert not any(c[0] == "Sennar" for c in got)


@pytest.mark.parametrize("body", [
    "Ukrainian forces recently regained positions in eastern Vovchansk.",
    "The attackers briefly occupied parts of Vovchansk.",
])
def test_a_foothold_is_contested_not_gained(d: actors.ActorDictionary, body: str) -> None:
    got = claims(run(report(body, {"Vovchansk": "Vovchansk"}, country="UA", published=dt.date(2024, 11, 20)), d))
    assert [(c[0], c[2]) for c in got] == [("Vovchansk", "contested")]


def test_overrunning_the_enemy_positions_in_a_town_still_takes_it(d: actors.ActorDictionary) -> None:
    got = claims(run(report("ISIS overran government positions in the town of Sukhna.", {"Sukhna": "Sukhna"}), d))
    assert [(c[0], c[1], c[2]) for c in got] == [("Sukhna", "isis", "gained")]


@pytest.mark.parametrize(("body", "place"), [
    ("Opposition factions entered the city of Hama, government forces withdrew.", "Hama"),
    ("Reportedly the SDF took Deir ez-Zor city after the army withdrew.", "Deir ez-Zor"),
])
def test_a_bare_withdrawal_gives_up_the_place_of_the_sentence(d: actors.ActorDictionary, body: str, place: str) -> None:
    got = claims(run(report(body, {place: place}), d))
    assert (place, "government", "lost") in [(c[0], c[1], c[2]) for c in got]


def test_a_bare_withdrawal_alone_says_nothing() -> None:
    r = run(report("The army withdrew.", {}), actors.load_default())
    assert r.control_claims == () and r.events == ()


def test_gates_of_a_city_is_an_advance(d: actors.ActorDictionary) -> None:
    got = claims(run(report("My cousin says the rebels are already at the gates of Hama.", {"Hama": "Hama"}), d))
    assert got == [("Hama", None, "contested", "hearsay")]


def test_the_source_that_speaks_is_not_a_party(d: actors.ActorDictionary) -> None:
    body = "M23 rebels entered Bukavu. Rebel fighters also took control of Kamanyola last week, an AFC/M23 spokesperson said."
    got = claims(run(report(body, {"Bukavu": "Bukavu", "Kamanyola": "Kamanyola"}, country="CD"), d))
    assert ("Kamanyola", "m23", "gained", "reported") in got


def test_haiti_gangs_and_police(d: actors.ActorDictionary) -> None:
    body = ("The Viv Ansanm gang coalition took control of Varreux on Monday, according to a police union. "
            "Police regained control of Tabarre. Gangs now control about 80% of Port-au-Prince, according to the United Nations.")
    names = {"Varreux": "Varreux", "Tabarre": "Tabarre", "Port-au-Prince": "Port-au-Prince"}
    got = claims(run(report(body, names, country="HT", published=dt.date(2024, 3, 5)), d))
    assert ("Varreux", "gangs", "gained", "reported") in got
    assert ("Tabarre", "government", "gained", "asserted") in got
    assert ("Port-au-Prince", "gangs", "held", "reported") in got


def test_demonym_plural_is_the_army_of_the_theatre(d: actors.ActorDictionary) -> None:
    got = claims(run(report("I heard from a friend that Selydove has already fallen to the Russians.", {"Selydove": "Selydove"},
                            country="UA", published=dt.date(2024, 11, 20)), d))
    assert got == [("Selydove", "russia", "gained", "hearsay")]


def test_under_its_control_is_the_speaker(d: actors.ActorDictionary) -> None:
    body = "The Congolese army said Bukavu was still under its control."
    got = claims(run(report(body, {"Bukavu": "Bukavu"}, country="CD"), d))
    assert got == [("Bukavu", "government", "held", "reported")]


def test_the_city_prefers_a_place_the_gazetteer_knows(d: actors.ActorDictionary) -> None:
    body = ("M23 rebels entered Bukavu on Sunday. The rebels took control of Kavumu airport on Friday. "
            "The Congolese government said the city was still under its control.")
    r = report(body, {"Bukavu": "Bukavu"}, country="CD")
    got = claims(run(r, d))
    assert ("Bukavu", "government", "held", "reported") in got
