"""Sources cited in comments."""

from __future__ import annotations

from frontwatch.model import Comment, Report
from frontwatch.pipeline import Resources
from frontwatch.thread.sources import find_sources, outlet_for_domain, sources


def _one(text: str) -> list[tuple[str, str, str]]:
    r = Report("r", "", comments=(Comment("c", text),))
    out = find_sources("c", text, r)
    for s in out:
        r.check_span(s.span)
    return [(s.kind, s.name, s.span.text) for s in out]


def test_url_with_outlet() -> None:
    got = _one("They are here now http://abcnews.go.com/Politics/wireStory/aleppo-44031814.")
    assert got == [("url", "ABC News", "http://abcnews.go.com/Politics/wireStory/aleppo-44031814")]


def test_unknown_domain_is_kept() -> None:
    assert _one("see https://example.org/x")[0][:2] == ("url", "example.org")


def test_bare_known_domain() -> None:
    assert ("url", "RT", "rt.com") in _one("rt.com says otherwise")


def test_named_outlets_and_monitors() -> None:
    got = _one("SOHR and Reuters confirm it; AP and Al-Masdar disagree, Liveuamap shows the town red, per ANHA.")
    names = [n for k, n, _ in got if k == "outlet"]
    assert names == ["SOHR", "Reuters", "AP", "Al-Masdar News", "Liveuamap", "ANHA (Hawar News)"]


def test_retweet_marker_is_not_rt() -> None:
    assert _one("RT @someone: the town fell") == []


def test_vague_attributions() -> None:
    got = _one("Other sources report the YPG took it. Activists say so too. I\u2019ve read the same. Local sources deny it.")
    assert [k for k, _, _ in got] == ["vague"] * 4


def test_domain_table() -> None:
    assert outlet_for_domain("www.bbc.co.uk") == "BBC"
    assert outlet_for_domain("english.aljazeera.net") == "Al Jazeera"
    assert outlet_for_domain("unknown.example") is None


def test_stage(thread: Report) -> None:
    out = sources(thread, Resources())
    k4 = [(s.kind, s.name) for s in out.sources if s.comment_id == "k4"]
    assert k4 == [("url", "Reuters"), ("outlet", "SOHR"), ("outlet", "Al Jazeera")]
    assert ("vague", "locals say") in [(s.kind, s.name) for s in out.sources if s.comment_id == "k1"]
