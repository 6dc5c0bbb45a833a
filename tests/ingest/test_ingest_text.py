"""The plain-text splitter on our own fixtures of the copy-paste genre (and the founding example)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.ingest import read_text
from frontwatch.ingest.decode import normalise_text
from frontwatch.model import Report

TEXT = Path(__file__).parents[1] / "fixtures" / "ingest" / "text"
FOUNDING = Path("/work/shared/examples/aleppo-2016-12-citadel.txt")


def load(name: str, **kw: object) -> Report:
    return read_text((TEXT / name).read_text(encoding="utf-8"), path=name, **kw)  # type: ignore[arg-type]


def texts(report: Report) -> list[str]:
    return [c.text for c in report.comments]


def assert_offsets(report: Report, raw: str) -> None:
    norm = normalise_text(raw)
    for c in report.comments:
        assert c.source_offset is not None
        assert norm[c.source_offset : c.source_offset + len(c.text)] == c.text
        assert 0 < c.split_confidence <= 1


def test_double_blank_layout() -> None:
    r = load("double_blank.txt")
    assert r.title == "Government Troops Enter Saraqib After Two-Day Assault"
    assert r.body.endswith("the source said.")
    assert r.body.count("\n\n") == 2
    got = texts(r)
    assert len(got) == 4
    assert got[0].startswith("Saraqib again?")
    assert got[1].startswith("Where exactly")
    assert "\n\nAnd they will use it" in got[2]  # a two-paragraph comment stays one
    assert got[3].startswith("Fake news.")
    assert r.meta["split"]["cues"] == ["double blank line"]
    assert_offsets(r, (TEXT / "double_blank.txt").read_text())


def test_name_above_with_header_block_headings_times_and_mentions() -> None:
    r = load("name_above.txt")
    assert r.source == "Tigris Monitor"
    assert r.published == dt.date(2017, 6, 22)
    assert r.url == "https://tigris-monitor.example/mosul-old-city-advance"
    assert r.title.startswith("Iraqi Forces Reach Edge")
    assert "Comments" not in r.body and "Sort by" not in r.body
    assert [c.author for c in r.comments] == ["Omar Saleh", "mosul_eye_2", "Dana K.", "Harlan Voss"]
    assert all(c.posted == dt.date(2017, 6, 22) for c in r.comments)  # "2 hours ago" on the day
    assert r.comments[2].parent == "c2"  # "@mosul_eye_2 ..."
    assert all("Reply" not in c.text for c in r.comments)
    assert r.meta["thread_headings"] == ["24 Comments", "Sort by Newest"]
    assert_offsets(r, (TEXT / "name_above.txt").read_text())


def test_name_below_with_widget_lines() -> None:
    r = load("name_below.txt", published=dt.date(2018, 6, 4))
    assert r.meta["split"]["layout"] == "below"
    assert [c.author for c in r.comments] == ["Khalid Mansour", "Reem Haddad", "Samir Ali"]
    assert r.comments[0].text == "Is the airport actually held by anyone now, or is it empty ground?"
    assert r.comments[0].posted == dt.date(2018, 6, 4)
    assert "Like" not in " ".join(texts(r))
    assert r.body.endswith("had been repelled.")


def test_pure_article_has_no_thread_and_captions_go_to_meta() -> None:
    r = load("article_only.txt")
    assert r.comments == ()
    assert r.meta["split"]["boundary"] is None
    assert r.meta["boilerplate"] == ["Photo: delegates arrive at the Palais des Nations"]
    assert "Photo:" not in r.body
    assert r.body.startswith("Delegations") and r.body.endswith("two weeks.")
    assert '"We have come to agree' in r.body  # a quoted "we" is still article


def test_wordpress_copy_says_lines_and_reply_to() -> None:
    r = load("says_wordpress.txt")
    assert [c.author for c in r.comments] == ["Mykola P.", "Ivan Dorn", "Lena"]
    assert r.comments[0].posted == dt.datetime(2022, 8, 13, 21, 14)
    assert r.comments[1].parent == "c1"  # "Replying to Mykola P."
    assert r.meta["split"]["confidence"] > 0.8


def test_dateline_byline_and_dash_comments() -> None:
    r = load("dateline_byline.txt")
    assert r.title.startswith("Fighting Reported Near El Fasher")
    assert r.published == dt.date(2024, 5, 14)
    assert r.meta["author"] == "Amira Osman"
    assert "By Amira" not in r.body and "Video:" not in r.body
    assert len(r.comments) == 3
    assert r.comments[2].text.startswith("— They should bomb")


def test_given_published_and_source_only_fill_gaps() -> None:
    r = load("name_above.txt", published=dt.date(2000, 1, 1), source="Other")
    assert r.published == dt.date(2017, 6, 22) and r.source == "Tigris Monitor"
    r = load("double_blank.txt", published=dt.date(2020, 2, 6), source="Other")
    assert r.published == dt.date(2020, 2, 6) and r.source == "Other"


def test_ids_are_stable_and_content_hashed() -> None:
    a, b = load("double_blank.txt"), load("double_blank.txt")
    assert a.id == b.id and a.id.startswith("r") and len(a.id) == 17
    assert len(a.meta["content_hash"]) == 40
    assert [c.id for c in a.comments] == [f"c{i}" for i in range(1, len(a.comments) + 1)]
    with_url = load("name_above.txt")
    import hashlib

    assert with_url.id == "r" + hashlib.sha1(with_url.url.encode()).hexdigest()[:16]  # type: ignore[union-attr]


def test_languages_per_report_and_comment() -> None:
    text = (
        "Les combats reprennent au nord de Gao\n\n"
        "Des affrontements ont opposé l'armée malienne à des groupes armés au nord de Gao, selon des sources locales.\n\n"
        "L'armée affirme contrôler la route principale.\n\n\n"
        "Amadou K.\n\nC'est faux, la route est coupée depuis hier soir.\n\n\n"
        "Jean\n\nok\n"
    )
    r = read_text(text)
    assert r.language == "fr"
    assert r.comments[0].language == "fr"
    assert r.comments[-1].text == "ok" and r.comments[-1].language == "fr"  # too short: the report's


def test_single_paragraph_and_odd_inputs_do_not_crash() -> None:
    assert read_text("Just one line").body == "Just one line"
    r = read_text("Title\n\n" + "word " * 5000)
    assert r.title == "Title" and r.comments == ()
    r = read_text("\n\n\nA\n\nB\n\n\nC\n")
    assert isinstance(r, Report)


@pytest.mark.skipif(not FOUNDING.exists(), reason="founding example not present")
def test_founding_example() -> None:
    raw = FOUNDING.read_text(encoding="utf-8")
    r = read_text(raw, path=str(FOUNDING))
    assert r.title.startswith("Syrian Army & Allies Penetrate")
    paras = r.body.split("\n\n")
    assert len(paras) == 4 and paras[-1].endswith("from their Western backers.")
    assert r.meta["boilerplate"] == ["Click to see the full-size map", "Informative map."]
    by_text = {c.text.split("\n")[0][:30]: c for c in r.comments}
    assert r.comments[0].text.startswith("Other sources report quarters east of Sjeikh Maqsud")
    assert r.comments[1].text == "What is the status there?"
    false = next(c for c in r.comments if c.text == "False report!")
    assert false.author == "Heiko Demonus"
    abc = next(c for c in r.comments if "abcnews.go.com" in c.text)
    assert abc.author == "Airtorn Mentha" and abc.text.startswith("“The only hope")
    assert next(c for c in r.comments if c.text == "Godspeed saa").author == "Bio_ Hazard"
    assert any(t.startswith("The terrorist pocket") for t in by_text)
    assert "Godspeed" not in r.body and "False report" not in r.body
    assert_offsets(r, raw)


def test_facebook_style_crlf_names_tight_above_text() -> None:
    raw = (TEXT / "facebook_crlf.txt").read_bytes().decode("utf-8")
    r = read_text(raw, published=dt.date(2024, 3, 9))
    assert r.body.endswith("Ukraine did not comment.")  # a short news line stays article
    assert [(c.author, c.text) for c in r.comments] == [
        ("Oleg Petrenko", "Good. Hit them again tonight."),
        ("Maria S.", "Is this the same depot as in March?"),
        ("Oleg Petrenko", "@Maria S. no, that one was in Makiivka"),
    ]
    assert r.comments[2].parent == "c2"
    assert_offsets(r, raw)


def test_arabic_thread() -> None:
    r = load("arabic_thread.txt")
    assert r.language == "ar" and r.title == "اشتباكات عنيفة في ريف إدلب الجنوبي"
    assert r.body.count("\n\n") == 1
    assert [c.author for c in r.comments] == ["أبو محمد", None]
    assert r.comments[0].text == "هل سقطت كفرنبل؟ أحد يعرف؟"
    assert r.comments[1].language == "ar"


def test_disqus_copy_with_avatar_vote_and_reply_to_lines() -> None:
    r = load("disqus_copy.txt", published=dt.date(2023, 1, 12))
    assert r.body.endswith("a claim Kyiv denied.")
    assert [(c.author, c.parent) for c in r.comments] == [("Taras B.", None), ("ghost_of_kyiv", "c1")]
    assert r.comments[1].text == "Prigozhin says otherwise, but he says a lot of things."
    assert r.comments[0].posted == dt.date(2023, 1, 12)
