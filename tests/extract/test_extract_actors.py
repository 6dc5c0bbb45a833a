from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.errors import DictionaryError
from frontwatch.extract import actors


@pytest.fixture(scope="module")
def dictionary() -> actors.ActorDictionary:
    return actors.load_default()


def ids(d: actors.ActorDictionary, text: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for m in d.find(text):
        actor = actors.choose(m.actors, "SY", dt.date(2016, 12, 13)) if m.actors else None
        out.append((text[m.start : m.end], actor.id if actor else m.generic, m.loaded))
    return out


def test_packaged_dictionary_covers_several_conflicts(dictionary: actors.ActorDictionary) -> None:
    countries = {a.country for a in dictionary.actors.values()}
    assert {"SY", "IQ", "YE", "LY", "UA", "SD", "ML", "MM", "CD"} <= countries
    assert all(1 <= a.inter <= 8 for a in dictionary.actors.values())


def test_aliases_and_misspellings(dictionary: actors.ActorDictionary) -> None:
    found = ids(dictionary, "ISUS fled as the SAA and Hezbollah advanced; Daesh lost ground.")
    assert ("ISUS", "is", None) in found
    assert ("SAA", "sy-military", None) in found
    assert ("Hezbollah", "sy-hezbollah", None) in found
    assert ("Daesh", "is", None) in found


def test_named_actor_with_partisan_noun_keeps_the_loaded_word(dictionary: actors.ActorDictionary) -> None:
    assert ids(dictionary, "Jaish al-Fatah militants withdrew.")[0] == ("Jaish al-Fatah militants", "sy-jaish-al-fatah", "militants")


def test_generic_words(dictionary: actors.ActorDictionary) -> None:
    found = ids(dictionary, "pro-government purged terrorists; the so-called “moderate opposition” lost; pro-government media said")
    assert found[0] == ("pro-government", "progov", "pro-government")
    assert found[1] == ("terrorists", "nonstate", "terrorists")
    assert found[2][1] == "rebels" and found[2][2]
    assert len(found) == 3  # "pro-government media" is not an actor


def test_short_acronyms_need_capitals_and_not_a_shouting_headline(dictionary: actors.ActorDictionary) -> None:
    assert ids(dictionary, "this is us") == []
    assert ("IS", "is", None) in ids(dictionary, "IS attacked the town.")
    assert all(a[0] != "IS" for a in ids(dictionary, "THE ARMY SAYS THE TOWN IS FREE"))


def test_theatre_and_dates_choose_between_homonyms(dictionary: actors.ActorDictionary) -> None:
    [m] = [m for m in dictionary.find("Russian forces advanced") if m.actors]
    assert actors.choose(m.actors, "UA", dt.date(2022, 5, 1)).id == "ua-russia"
    assert actors.choose(m.actors, "SY", dt.date(2016, 5, 1)).id == "sy-russia"
    [n] = [m for m in dictionary.find("Nusra attacked") if m.actors]
    assert actors.choose(n.actors, "SY", dt.date(2015, 1, 1)).id == "sy-nusra"
    assert actors.choose(n.actors, "SY", dt.date(2018, 1, 1)).id == "sy-hts"


def test_user_file_merges_over_the_packaged_one(fixtures: Path) -> None:
    d = actors.load(fixtures / "extract" / "actors_extra.csv")
    assert d.get("xx-green-brigade") is not None
    assert d.get("sy-tiger-forces").name == "Tiger Forces (renamed)"  # type: ignore[union-attr]
    assert d.get("sy-military") is not None


def test_malformed_line_names_the_line(fixtures: Path) -> None:
    with pytest.raises(DictionaryError, match=r"actors_bad.csv:3: inter code 'nine'"):
        actors.load(fixtures / "extract" / "actors_bad.csv")
    with pytest.raises(DictionaryError, match=r"actors_short.csv:3: expected 9 fields, found 3"):
        actors.load(fixtures / "extract" / "actors_short.csv")
    with pytest.raises(DictionaryError, match="not found"):
        actors.load(fixtures / "extract" / "missing.csv")


def test_bad_header_and_date(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("name,inter\nX,2\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="a.csv:1: header lacks id"):
        actors.load(f)
    f.write_text("id,name,inter,valid_from\nx,X,2,yesterday\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="a.csv:2: valid_from 'yesterday' is not a date"):
        actors.load(f)


def test_search(dictionary: actors.ActorDictionary) -> None:
    assert [a.id for a in dictionary.search("tiger")] == ["sy-tiger-forces"]
