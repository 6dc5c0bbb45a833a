"""HTML pages: article text through the extractor, comments of three markups through lxml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest import read_bytes, read_html
from frontwatch.model import Report

HTML = Path(__file__).parents[1] / "fixtures" / "ingest" / "html"


def load(name: str) -> Report:
    return read_html((HTML / name).read_text(encoding="utf-8"), path=name)


def test_disqus_thread() -> None:
    r = load("disqus.html")
    assert r.title == "Army retakes Palmyra citadel after three-week push"
    assert r.published == dt.date(2017, 3, 2)
    assert r.url == "https://desertfront.example/2017/03/palmyra-citadel"
    assert r.source == "Desert Front Weekly"
    assert r.body.startswith("Syrian government troops") and r.body.count("\n\n") == 2
    assert [c.author for c in r.comments] == ["Levant Watch", "Sam H.", "Dmitri O."]
    assert [c.parent for c in r.comments] == [None, "c1", None]
    assert r.comments[1].text == "Not true, the airport was taken on Monday.\n\nPhotos were posted by the army this morning."
    assert r.comments[0].posted == dt.datetime(2017, 3, 2, 10, 2, tzinfo=dt.timezone.utc)
    assert r.meta["comment_ids"] == {"c1": "3301", "c2": "3302", "c3": "3303"}
    for c in r.comments:
        assert c.text.split("\n")[0] not in r.body  # no comment leaks into the body


def test_wordpress_thread_and_json_ld() -> None:
    r = load("wordpress.html")
    assert r.title == "Clashes around Sirte's Ouagadougou conference centre"
    assert r.published == dt.date(2016, 8, 10)
    assert r.url == "https://maghrebnotes.example/sirte-ouagadougou"
    assert r.source == "Sahel and Maghreb Notes"
    assert [c.author for c in r.comments] == ["Yusuf B.", "Hana", "Anonymous"]
    assert [c.parent for c in r.comments] == [None, "c1", None]
    assert r.comments[0].text == "Libya Observer says the centre fell this morning. Anyone confirm?"
    assert r.meta["comment_ids"]["c2"] == "comment-882"
    assert "Leave a Reply" not in r.body and "Burn" not in r.body
    assert r.body.endswith("on Tuesday.")


def test_microdata_comments_in_french() -> None:
    r = load("microdata.html")
    assert r.language == "fr"
    assert r.published == dt.date(2022, 3, 20)
    assert [(c.author, c.parent) for c in r.comments] == [("Moussa T.", None), ("Aïcha", "c1")]
    assert r.comments[1].language == "fr"
    assert "Qui contrôle" not in r.body


def test_truncated_html_still_reads_what_is_there() -> None:
    raw = (HTML / "wordpress.html").read_bytes()
    cut = raw[: raw.index(b"Hana")]  # cut inside the second comment
    [r] = read_bytes(cut, name="cut.html")
    assert isinstance(r, Report)
    assert r.title.startswith("Clashes around Sirte")
    assert r.comments[0].author == "Yusuf B."
    assert "Misrata" in r.body


def test_html_without_any_text_is_one_clear_error() -> None:
    [err] = read_bytes(b"<html><head><title></title></head><body><div></div></body></html>", name="blank.html")
    assert isinstance(err, InputError)
    assert err.one_line().startswith("blank.html: no article text")


def test_declared_cp1256_charset_is_honoured() -> None:
    page = (
        '<html><head><meta charset="windows-1256"><title>x</title></head><body><article>'
        "<p>قالت مصادر محلية إن الجيش سيطر على الطريق الدولي جنوب حلب صباح اليوم بعد اشتباكات عنيفة.</p>"
        "</article></body></html>"
    )
    [r] = read_bytes(page.encode("cp1256"), name="ar.html")
    assert isinstance(r, Report)
    assert "الجيش" in r.body and r.language == "ar"
