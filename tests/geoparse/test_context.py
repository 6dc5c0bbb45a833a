"""Document context beyond the single name: appositions, datelines, civic bodies, demonyms,
the state most names share, and streets of the city being discussed (texts we wrote)."""

from __future__ import annotations

from frontwatch.geoparse.stage import Geoparser

from .conftest import by_text, parse


def test_apposition_picks_the_namesake_inside_the_second_name(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "Police in Paris, Texas, said the fire started late."))
    assert ms["Paris"].place.country == "US" and ms["Paris"].place.admin1 == "Texas"
    ms = by_text(parse(gp, "He grew up in Richmond, Va., and moved away."))
    assert ms["Richmond"].place.admin1 == "Virginia"


def test_dateline_state_decides_an_all_caps_city(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "CHARLESTON, W.Va. -- The council voted on Tuesday."))
    assert ms["CHARLESTON"].place.admin1 == "West Virginia"
    assert ms["W.Va."].place.id == "ad:US.WV"


def test_place_leading_a_civic_body_is_named_but_armed_units_are_not(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "A spokesman for the Henderson Police Department said the road was closed."))
    assert "Henderson" in ms and ms["Henderson"].place is not None
    assert parse(gp, "Fighters of the Hamza Division and the Tiger Forces shelled the town.") == []


def test_two_word_and_hyphenated_demonyms(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "Sri Lankan officials met Turkish-backed fighters and European diplomats."))
    assert ms["Sri Lankan"].kind == "demonym" and ms["Sri Lankan"].place.country == "LK"
    assert ms["Turkish"].place.country == "TR"
    assert ms["European"].place is not None and ms["European"].place.id == "cu:europe"


def test_the_state_holding_most_names_decides_county_namesakes(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "Commissioners from Hall County and Forsyth County met in Gainesville on Monday."))
    assert {ms[n].place.admin1 for n in ("Hall County", "Forsyth County", "Gainesville")} == {"Georgia"}


def test_street_of_the_city_being_discussed(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "The parade crossed Press Street in New Orleans, Louisiana, on Sunday. "
                           "New Orleans police closed the road."))
    assert ms["Press"].place is None and ms["Press"].parent is not None
    assert ms["Press"].parent.name == "New Orleans" and ms["Press"].geo_precision == 2
