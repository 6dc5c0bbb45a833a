from __future__ import annotations

import numpy as np

from frontwatch.reconcile import keys, weights


def test_modality_order() -> None:
    w = weights.MODALITY_WEIGHT
    assert w["asserted"] > w["reported"] > w["hearsay"] > 0
    assert w["questioned"] == w["denied"] == w["hypothetical"] == 0


def test_base_weight_comment_and_precision() -> None:
    article = weights.base_weight({"modality": "asserted", "geo_precision": 1, "field": "body", "change": "held"})
    comment = weights.base_weight({"modality": "asserted", "geo_precision": 1, "field": "c3", "change": "held"})
    vague = weights.base_weight({"modality": "asserted", "geo_precision": 3, "field": "body", "change": "held"})
    assert article > comment > 0 and article > vague > 0
    assert weights.base_weight({"modality": "hypothetical", "field": "body"}) == 0


def test_vectorised_weights_match_scalar() -> None:
    rows = [("asserted", 1, "gained", False), ("hearsay", 2, "held", True), ("denied", 1, "held", False),
            ("reported", 0, None, False)]
    vec = weights.base_weights(np.array([r[0] for r in rows], dtype=object), np.array([r[1] for r in rows]),
                               np.array([r[2] for r in rows], dtype=object), np.array([r[3] for r in rows]))
    for (m, p, c, com), v in zip(rows, vec, strict=True):
        scalar = weights.base_weight({"modality": m, "geo_precision": p or None, "change": c,
                                      "field": "c1" if com else "body"})
        assert abs(scalar - v) < 1e-12


def test_denial_factor_never_erases() -> None:
    assert weights.denial_factor(0) == 1.0
    assert weights.denial_factor(1) == 0.5
    assert weights.denial_factor(10) == weights.DENIAL_FLOOR > 0


def test_denials_by_claim_and_by_comment() -> None:
    claims = [{"claim_id": "r:0", "report_id": "r", "field": "body"}, {"claim_id": "r:1", "report_id": "r", "field": "c1"}]
    stances = [
        {"report_id": "r", "comment_id": "c2", "label": "deny", "target": "comment:c1", "target_claim": None},
        {"report_id": "r", "comment_id": "c3", "label": "deny", "target": "article", "target_claim": "claim:0"},
        {"report_id": "r", "comment_id": "c4", "label": "support", "target": "comment:c1", "target_claim": None},
    ]
    found = weights.denials(stances, claims)
    assert set(found) == {"r:0", "r:1"}
    assert found["r:1"][0]["comment_id"] == "c2"


def test_relations() -> None:
    assert weights.is_part_relation("eastern part of")
    assert weights.is_part_relation("east")
    assert not weights.is_part_relation("east of")
    assert weights.is_outside_relation("east of")
    assert weights.is_outside_relation("near")
    assert not weights.is_outside_relation(None)


def test_sides_merge_actor_names() -> None:
    assert keys.side_of("SAA") == keys.side_of("Tiger Forces") == keys.side_of("government")
    assert keys.side_of("YPG") != keys.side_of("SAA")
    assert keys.side_of(None) is None
    assert keys.side_of("Some New Brigade")  # unknown names stay their own controller


def test_unresolved_key_normalises() -> None:
    a = keys.unresolved_key("quarters east of Sjeikh Maqsud", "Sheikh Maqsoud")
    assert a.startswith("~quarters east of sjeikh maqsud")
    assert keys.unresolved_key("Quarters  EAST of Sjeikh Maqsud", "Sheikh Maqsoud") == a
