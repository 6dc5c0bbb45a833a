"""Targets in flat threads and reply trees."""

from __future__ import annotations

from frontwatch.model import Comment, Report
from frontwatch.thread.targets import infer_targets


def _report(*texts: str, body: str = "The army entered the town of Kafr Nabl on Monday.") -> Report:
    return Report("r", body, title="Army enters Kafr Nabl",
                  comments=tuple(Comment(f"c{i}", t, author=f"User{i}") for i, t in enumerate(texts)))


def test_long_top_level_comment_targets_article() -> None:
    t = infer_targets(_report("This offensive has been coming for months and the defenders are exhausted after the winter."))
    assert t["c0"].target == "article"
    assert t["c0"].depth == 1


def test_short_reaction_targets_previous_comment() -> None:
    t = infer_targets(_report("The rebels still hold the hill above the town, I am told.", "Source?"))
    assert t["c1"].target == "comment:c0"
    assert t["c1"].depth == 2


def test_quote_of_article_targets_article() -> None:
    t = infer_targets(_report("Something else entirely about the weather and the roads.",
                              "\u201cThe army entered the town of Kafr Nabl\u201d - I doubt it."))
    assert t["c1"].target == "article"
    assert t["c1"].how == "quotes the article"


def test_address_by_name() -> None:
    t = infer_targets(_report("The hill fell yesterday after a long fight with heavy losses on both sides.",
                              "A long unrelated remark about the supply situation and the coming winter here.",
                              "User0, you are wrong about the hill, it was retaken by the defenders at night."))
    assert t["c2"].target == "comment:c0"


def test_reply_tree_wins() -> None:
    r = Report("r", "Body text here.", comments=(Comment("a", "First long comment about many things in detail."),
                                                 Comment("b", "Second long comment about other things entirely."),
                                                 Comment("c", "False!", parent="a")))
    assert infer_targets(r)["c"].target == "comment:a"
