"""Recognition: names in context, cues, stop lists, demonyms, metonymy, lowercase comments."""

from __future__ import annotations

from frontwatch.geoparse.relations import context
from frontwatch.geoparse.stage import Geoparser
from frontwatch.model import Comment, Report

from .conftest import by_text, parse


def test_relations_and_cues() -> None:
    assert context("located south of the ", ", and").relation == "south of"
    assert context("from the area adjacent to the ", ".").relation == "adjacent to"
    assert context("in the eastern part of ", " city").relation == "eastern part of"
    assert context("quarters east of ", " taken").relation == "east of"
    assert context("12 km north of ", ".").relation == "north of"
    c = context("from the neighborhoods of ", " and")
    assert c.cue == "strong" and c.feature_hint == "neighborhood"
    assert context("and the ", " station, located").feature_hint == "station"
    assert context("", " said on Monday").metonym
    assert context("but ", " and possibly China will just veto it").metonym
    assert not context("in ", " said").metonym or context("in ", " said").cue == "weak"


def test_stop_lists_keep_people_and_actors_out(gp: Geoparser) -> None:
    text = ("Everybody waits for the Donald to arrive. Obama and Kerry will say nothing. "
            "The only hope is their Western backers. The Tiger Forces and Jaish al-Fatah fought. "
            "Most are foreign fighters. Kill them all.")
    assert parse(gp, text) == []


def test_demonyms_are_marked(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "Syrian and Turkish troops met Kurdish fighters near Manbij."))
    assert ms["Syrian"].kind == "demonym" and ms["Syrian"].place.country == "SY"
    assert ms["Turkish"].kind == "demonym" and ms["Turkish"].place.country == "TR"
    assert ms["Kurdish"].kind == "demonym"
    assert ms["Manbij"].kind == "toponym" and ms["Manbij"].place.country == "SY"


def test_metonymy(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "Turkey said it would respond. Damascus denied the report. "
                           "Russia and possibly China will just veto it. Fighting went on in Aleppo."))
    assert ms["Turkey"].kind == "metonym"
    assert ms["Damascus"].kind == "metonym"
    assert ms["Russia"].kind == "metonym" and ms["China"].kind == "metonym"
    assert ms["Aleppo"].kind == "toponym"


def test_title_and_comments_are_read(gp: Geoparser) -> None:
    report = Report(
        id="r", title="Clashes South Of Aleppo Citadel", body="Fighting in Aleppo and Idlib went on.",
        comments=(Comment(id="c1", text="focus on east ghouta and take raqqa"),
                  Comment(id="c2", text="What is the status there?")),
    )
    ms = gp.mentions(report)
    fields = {(m.span.field, m.span.text) for m in ms}
    assert ("title", "Aleppo Citadel") in fields
    assert ("c1", "east ghouta") in fields and ("c1", "raqqa") in fields
    for m in ms:
        assert report.field_text(m.span.field)[m.span.start : m.span.end] == m.span.text


def test_lowercase_words_need_document_support(gp: Geoparser) -> None:
    ms = parse(gp, "The man bought a car for the turkey dinner, on sale in the media store.")
    assert ms == []


def test_hyphenated_heads_and_offsets(gp: Geoparser) -> None:
    text = "Russian-backed forces and a Mosul-based group met in Deir ez-Zor and Bab al-Nayrab."
    ms = by_text(parse(gp, text))
    assert ms["Russian"].kind == "demonym"
    assert ms["Mosul"].place.country == "IQ"
    assert ms["Deir ez-Zor"].place.country == "SY"
    assert "Bab al-Nayrab" in ms
    for m in ms.values():
        assert text[m.span.start : m.span.end] == m.span.text


def test_a_short_list_of_places_is_not_a_headline(gp: Geoparser) -> None:
    ms = by_text(parse(gp, "In Sudan, El Geneina and Nyala; in Mali, Gao and Timbuktu; in Somalia, Kismayo."))
    assert {"El Geneina", "Nyala", "Gao", "Timbuktu", "Kismayo"} <= set(ms)


def test_english_words_are_not_loose_names() -> None:
    from frontwatch.geoparse.english import is_english_word

    assert is_english_word("Commanders") and is_english_word("Officials") and is_english_word("Witnesses")
    assert is_english_word("Sappers", {"sapper"})  # written in lowercase elsewhere in the text
    assert not is_english_word("Badush") and not is_english_word("al-Nour") and not is_english_word("Mogoke")


def test_hyphenated_names_stay_whole(gp: Geoparser) -> None:
    # regression: "Port-au-Prince" was cut into "Port" + "au-Prince" and "Port" read as Perth
    found = by_text(parse(gp, "Relief flights landed in Port-au-Prince on Tuesday after the storm."))
    assert "Port" not in found
    assert found["Port-au-Prince"].place is not None and found["Port-au-Prince"].place.country == "HT"
    found = by_text(parse(gp, "The shelling went on near Ras-al-Ain and outside Deir-ez-Zor, while "
                              "lorries queued near Bab al-Hawa."))
    for name in ("Ras-al-Ain", "Deir-ez-Zor", "Bab al-Hawa"):
        assert found[name].place is not None and found[name].place.country == "SY", name
    found = by_text(parse(gp, "Egyptian troops set up a checkpoint near Bir al-Abed in North Sinai."))
    assert found["Bir al-Abed"].place is not None and found["Bir al-Abed"].place.country == "EG"
    # a plain "Texas-based" still names Texas alone
    assert "Texas" in by_text(parse(gp, "A Texas-based charity sent food."))
