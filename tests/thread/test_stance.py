"""Stance: the model, the genre rules, targets and the unsupported-language label."""

from __future__ import annotations

from frontwatch.model import SDQC, Comment, Report
from frontwatch.pipeline import Resources
from frontwatch.thread.features import StanceInput, terms
from frontwatch.thread.lang import UNSUPPORTED
from frontwatch.thread.stance import decide, default_model_path, load_model, rule_decision, stance


def test_model_is_small_and_loads() -> None:
    assert default_model_path().stat().st_size < 1_000_000
    model = load_model()
    assert set(model.labels) == set(SDQC)
    probs = model.scores(terms(StanceInput("Is this confirmed?", "Army takes the town")))
    assert abs(float(probs.sum()) - 1.0) < 1e-5


def test_genre_rules() -> None:
    assert rule_decision("What is the status there?").label == "query"
    assert rule_decision("False report!").label == "deny"
    assert rule_decision("That's propaganda, no such battle took place.").label == "deny"
    assert rule_decision("Confirmed.").label == "support"
    assert rule_decision("The SAA will take Sukhna next, then the oil fields.") is None


def test_model_reads_a_question_and_a_comment() -> None:
    model = load_model()
    q = decide(model, StanceInput("Does anyone know whether the bridge at Raqqa is still standing? I can't find anything.",
                                  "Bridge destroyed in Raqqa", depth=1), use_rules=False)
    assert q.label == "query"
    c = decide(model, StanceInput("Thoughts are with the families, terrible day.", "Bridge destroyed in Raqqa"))
    assert c.label in ("comment", "support")


def test_stance_stage_on_flat_thread(thread: Report) -> None:
    out = stance(thread, Resources())
    by_id = {s.comment_id: s for s in out.stances}
    assert by_id["k2"].label == "query"
    assert by_id["k2"].target == "comment:k1"
    deny = by_id["k3"]
    assert deny.label == "deny"
    assert deny.target == "comment:k1"
    assert deny.target_claim == "claim:1"  # the al-Durayhimi claim carried by k1
    assert by_id["k4"].target == "article"  # quotes the article
    assert by_id["k5"].target == "comment:k1"  # addresses Omar
    assert by_id["k10"].target == "comment:k8"  # reply tree
    for s in out.stances:
        if s.evidence is not None:
            out.check_span(s.evidence)


def test_unsupported_language_gets_no_guess(thread: Report) -> None:
    out = stance(thread, Resources())
    spanish = next(s for s in out.stances if s.comment_id == "k9")
    assert spanish.label == UNSUPPORTED
    assert spanish.confidence == 0.0
    tagged = Report("r", "", comments=(Comment("x", "Hello there, what is going on in the port?", language="fr"),))
    assert stance(tagged, Resources()).stances[0].label == UNSUPPORTED


def test_empty_thread() -> None:
    assert stance(Report("r", "body"), Resources()).stances == ()
