"""Failure classes seen on real long-form news: people captured, background history, sieges, attacks."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extract import actors, dates, headlines
from frontwatch.extract.stage import run
from frontwatch.model import Report

from extract_helpers import report


@pytest.fixture(scope="module")
def d() -> actors.ActorDictionary:
    return actors.load_default()


def claims(r: Report) -> list[tuple[str, str | None, str]]:
    return [(c.place.name, c.controller, c.change) for c in r.control_claims]


def subtypes(r: Report) -> list[str]:
    return [e.sub_type for e in r.events]


@pytest.mark.parametrize("body", [
    "Two volunteers from a Kharkiv charity were captured by Russian soldiers near Izium.",
    "ISIS captured two soldiers near Palmyra.",
    "Four journalists were seized by gunmen in Raqqa.",
])
def test_people_captured_are_an_abduction_not_a_claim(d: actors.ActorDictionary, body: str) -> None:
    r = run(report(body, {"Kharkiv": "Kharkiv", "Izium": "Izium", "Palmyra": "Palmyra", "Raqqa": "Raqqa"}, country="SY"), d)
    assert claims(r) == []
    assert "Abduction/forced disappearance" in subtypes(r)


@pytest.mark.parametrize("body", [
    "The rebels freed 20 prisoners in Idlib.",
    "Dozens of families who had been held as human shields were freed by the advancing troops in Idlib.",
    "Conditions facing families who abandoned Idlib were a grave concern.",
    "A convoy carrying food and medical aid entered Idlib on Tuesday.",
])
def test_people_freed_or_leaving_give_no_claim(d: actors.ActorDictionary, body: str) -> None:
    assert claims(run(report(body, {"Idlib": "Idlib"}), d)) == []


def test_background_history_keeps_its_own_year(d: actors.ActorDictionary) -> None:
    r = run(report("In 2016 the army retook Aleppo. Government forces captured Maan yesterday.",
                   {"Aleppo": "Aleppo", "Maan": "Maan"}, published=dt.date(2019, 5, 2)), d)
    by_place = {c.place.name: c for c in r.control_claims}
    assert by_place["Aleppo"].as_of == dt.date(2016, 7, 1) and by_place["Aleppo"].as_of_precision == 3
    assert by_place["Maan"].as_of == dt.date(2019, 5, 1)


def test_year_expressions() -> None:
    pub = dt.date(2024, 6, 1)
    assert dates.resolve("Israel captured Rafah in the 1967 war", pub).date == dt.date(1967, 7, 1)  # type: ignore[union-attr]
    assert dates.resolve("a 2019 report", pub) is None
    assert dates.resolve("in 2030 the city", pub) is None  # after publication: not a date of the past


@pytest.mark.parametrize("body,who", [
    ("Aleppo remains under siege by government forces.", None),
    ("The town of Madaya remains besieged by Hezbollah.", None),
    ("Kharkiv remains surrounded by Russian troops.", None),
    ("Ukrainian units still hold the village of Lastochkyne, though the village is encircled.", "ukraine"),
])
def test_siege_phrasings(d: actors.ActorDictionary, body: str, who: str | None) -> None:
    names = {"Aleppo": "Aleppo", "Madaya": "Madaya", "Kharkiv": "Kharkiv", "Lastochkyne": "Lastochkyne"}
    country = "UA" if "Ukrain" in body or "Kharkiv" in body else "SY"
    got = claims(run(report(body, names, country=country), d))
    assert any(change == "contested" for _, _, change in got)
    if who:
        assert any(c == who and change == "held" for _, c, change in got)


def test_stormed_and_killed_civilians_is_an_attack(d: actors.ActorDictionary) -> None:
    r = run(report("RSF fighters stormed the Abu Shouk camp and killed at least 14 civilians.", {"Abu Shouk": "Abu Shouk"}, country="SD"), d)
    assert claims(r) == []
    assert "Attack" in subtypes(r)


def test_has_been_held_by_and_has_held(d: actors.ActorDictionary) -> None:
    r = run(report("Marib has been held by the Yemeni government since 2015. The Houthis have held Sanaa since 2014.",
                   {"Marib": "Marib", "Sanaa": "Sanaa"}, country="YE"), d)
    assert ("Marib", "government", "held") in claims(r) and ("Sanaa", "houthis", "held") in claims(r)


def test_denial_ends_at_a_new_saying(d: actors.ActorDictionary) -> None:
    r = run(report("GNA forces denied losing Gharyan and said they had recaptured Aziziya.",
                   {"Gharyan": "Gharyan", "Aziziya": "Aziziya"}, country="LY"), d)
    assert claims(r) == [("Aziziya", "gna", "gained")]


def test_rebels_are_the_theatres_rebel_group(d: actors.ActorDictionary) -> None:
    r = run(report("M23 fighters entered Goma. The rebels had captured Sake last week.", {"Goma": "Goma", "Sake": "Sake"}, country="CD"), d)
    assert ("Sake", "m23", "gained") in claims(r)


def test_the_army_in_sudan_is_the_saf(d: actors.ActorDictionary) -> None:
    r = run(report("The army retook Wad Madani from the RSF.", {"Wad Madani": "Wad Madani"}, country="SD"), d)
    assert claims(r) == [("Wad Madani", "saf", "gained")]


def test_caps_headline_is_recased_before_geoparsing() -> None:
    body = "The Syrian army captured Qusayr on Sunday."
    line = "ARMY CAPTURES QUSAYR NEAR THE BORDER"
    assert headlines.caps_lines(f"{line}\n{body}") == [(0, len(line))]
    assert headlines.recase(line, body) == "army captures Qusayr near the border"
    seen: list[str] = []

    def geoparse(r: Report) -> Report:
        seen.append(r.body)
        return r

    headlines.add_caps_places(Report(id="x", title=line, body=body), geoparse)
    assert seen == ["army captures Qusayr near the border"]


@pytest.mark.parametrize("body", [
    "Isis fighters captured Bafrin and her three brothers on the road near Sinjar.",
    "The invasion led to 100,000 civilians being driven out of Afrin.",
    "Having been abandoned by Trump, they can be expected to give up.",
])
def test_more_people_not_places(d: actors.ActorDictionary, body: str) -> None:
    assert claims(run(report(body, {"Sinjar": "Sinjar", "Afrin": "Afrin"}), d)) == []


def test_the_sayer_is_not_the_taker(d: actors.ActorDictionary) -> None:
    r = run(report("Russia says Syrian government forces have retaken Douma.", {"Douma": "Douma"}), d)
    assert claims(r) == [("Douma", "government", "gained")]


def test_almost_lost_is_contested(d: actors.ActorDictionary) -> None:
    r = run(report("Isis has almost lost control of its last stronghold, Baghuz.", {"Baghuz": "Baghuz"}), d)
    assert claims(r) == [("Baghuz", "isis", "contested")]


@pytest.mark.parametrize("body", [
    "Kotey, a father of two from west London, and Elsheikh were seized last month.",
    "US commandos, who took Bahar to Erbil, left.",
    "Isis members have moved into the area from Deir ez-Zor and Raqqa.",
])
def test_origins_and_people_taken_somewhere(d: actors.ActorDictionary, body: str) -> None:
    names = {"London": "London", "Bahar": "Bahar", "Erbil": "Erbil", "Deir ez-Zor": "Deir ez-Zor", "Raqqa": "Raqqa"}
    assert claims(run(report(body, names), d)) == []


def test_last_year_dates_the_claim(d: actors.ActorDictionary) -> None:
    r = run(report("Mosul was freed from Isis control last year.", {"Mosul": "Mosul"}, country="IQ", published=dt.date(2019, 2, 5)), d)
    assert [(c.place.name, c.change, c.as_of) for c in r.control_claims] == [("Mosul", "gained", dt.date(2018, 7, 1))]


def test_stormed_a_city_and_killed_civilians_is_contested_and_an_attack(d: actors.ActorDictionary) -> None:
    r = run(report("The RSF stormed the city of El Geneina and killed hundreds of Masalit civilians.", {"El Geneina": "El Geneina"}, country="SD"), d)
    assert claims(r) == [("El Geneina", None, "contested")]
    assert subtypes(r) == ["Attack"]


def test_years_ago_and_proposals_and_arms(d: actors.ActorDictionary) -> None:
    assert dates.resolve("two years ago the army took Aleppo", dt.date(2019, 2, 5)).date == dt.date(2017, 2, 15)  # type: ignore[union-attr]
    r = run(report("The bargain reportedly involved ceding Manbij to Turkey. Many have taken up arms in Idlib.",
                   {"Manbij": "Manbij", "Idlib": "Idlib"}), d)
    assert claims(r) == []
