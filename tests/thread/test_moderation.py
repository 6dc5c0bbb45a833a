"""Moderation flags: categories, what is not a flag, spans, target groups, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.model import FLAG_CATEGORIES, Comment, Report
from frontwatch.pipeline import Resources
from frontwatch.thread.moderation import find_hits, flags_for, moderate, resolve_group

CASES = Path(__file__).parents[1] / "fixtures" / "thread" / "moderation_cases.txt"


def _cases() -> list[tuple[set[str], str]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cats, text = line.split("|", 1)
            out.append(({c for c in cats.split() if c != "-"}, text))
    return out


@pytest.mark.parametrize(("gold", "text"), _cases())
def test_cases(gold: set[str], text: str) -> None:
    assert {h.rule.category for h in find_hits(text)} == gold


def test_flag_spans_and_target_group(thread: Report) -> None:
    out = moderate(thread, Resources())
    k6 = [(f.category, f.span.text, f.target_group) for f in out.flags if f.comment_id == "k6"]
    assert ("dehumanisation", "They are rats", "besieged militias") in k6
    assert ("incitement_to_violence", "Don't let them leave", "besieged militias") in k6
    assert any(c == "incitement_to_violence" and t.startswith("burn them all") for c, t, _ in k6)
    for f in out.flags:
        out.check_span(f.span)
        assert f.category in FLAG_CATEGORIES
        assert 0.0 < f.score <= 1.0
        assert f.rationale
    flagged = {f.comment_id for f in out.flags}
    assert "k7" not in flagged  # condemnation and reporting
    assert "k8" not in flagged  # military analysis
    assert "k9" not in flagged  # unsupported language: no flags
    assert [f.category for f in out.flags if f.comment_id == "k10"] == ["insult"]


def test_target_from_parent_comment() -> None:
    r = Report("r", "", comments=(Comment("a", "The remaining jihadists are surrounded in the old city."),
                                  Comment("b", "Kill them all.", parent="a")))
    (flag,) = flags_for(r)
    assert flag.target_group == "besieged jihadists"


def test_resolve_group_prefers_inside_then_before() -> None:
    text = "The rebels retreated. Exterminate Hamas."
    assert resolve_group(text, text.index("Exterminate"), len(text)) == "Hamas"
    assert resolve_group("Kill them.", 0, 9, "Russians shelled the town.") == "Russians"
    assert resolve_group("Kill them.", 0, 9) is None


def test_curly_apostrophes() -> None:
    hits = find_hits("Don\u2019t let them leave.")
    assert [h.rule.category for h in hits] == ["incitement_to_violence"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Kill them all rats. Don't let \u201cthem\u201d leave! you idiot\n")), max_size=120))
def test_spans_always_slice_back(text: str) -> None:
    r = Report("r", "", comments=(Comment("c", text, language="en"),))
    for f in flags_for(r):
        r.check_span(f.span)


def test_learned_models_add_recall_but_respect_framing() -> None:
    text = "I'd love to see every last one of them dead."
    assert find_hits(text, use_learned=False) == []
    (hit,) = find_hits(text)
    assert hit.rule.category == "incitement_to_violence"
    assert hit.rationale.startswith("learned model")
    assert 0.7 <= hit.score <= 0.95
    assert find_hits("I'd love to see every last one of them dead, the commander said.") == []
    assert find_hits("I hope they all get out alive.") == []
