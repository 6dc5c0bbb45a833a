"""How much one control claim counts: modality, place precision, hierarchy, and denials.

Every factor is a number in 0..1 multiplied into the claim's weight; the tables are here so
that the documentation (``docs/reconcile.md``) and the code cannot drift apart.

- Modality: an assertion by the outlet counts fully, a statement attributed to a named
  claimant ("rebels said") a little less, hearsay ("other sources report", "I've read") much
  less; questioned, denied and hypothetical statements count nothing.
- Where the claim was made: a reader comment counts less than the article.
- Place precision (ACLED geo precision): the place itself 1, part of / near it less, a region less.
- Hierarchy: a claim about a larger place bears on each place inside it, at
  :data:`HIERARCHY_FACTOR` per level (never the other way round).
- Denial: each "deny" stance answering the claim halves its weight, down to
  :data:`DENIAL_FLOOR`; the claim stays, and the denial is shown as disputing evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

MODALITY_WEIGHT: Mapping[str, float] = {
    "asserted": 1.0,
    "reported": 0.8,
    "hearsay": 0.35,
    "questioned": 0.0,
    "denied": 0.0,
    "hypothetical": 0.0,
}
#: ACLED geo precision -> factor (None: unknown, treated as 2).
PRECISION_WEIGHT: Mapping[int | None, float] = {1: 1.0, 2: 0.8, 3: 0.5, None: 0.8}
COMMENT_FACTOR = 0.6
HIERARCHY_FACTOR = 0.5
#: Only parents this many levels up inform a place (a country-wide claim informs no street).
HIERARCHY_DEPTH = 2
DENIAL_FACTOR = 0.5
DENIAL_FLOOR = 0.25
#: A first-hand claim of a change ("captured") is stronger evidence than "still holds" (it
#: says the older reports are out of date); hearsay of a change is not boosted.
CHANGE_WEIGHT: Mapping[str, float] = {"gained": 1.2, "handed_over": 1.2, "held": 1.0, "contested": 1.0, "lost": 1.0}
#: A relation of part ("eastern part of Aleppo") applies to the place itself at this factor.
PART_FACTOR = 0.5

ARTICLE_FIELDS = ("title", "body")


def modality_weight(modality: str | None) -> float:
    return MODALITY_WEIGHT.get(modality or "asserted", 0.0)


def base_weight(row: Mapping[str, Any]) -> float:
    """The weight of one claim row before source reliability, hierarchy and denials."""
    w = modality_weight(row.get("modality"))
    if w == 0.0:
        return 0.0
    w *= PRECISION_WEIGHT.get(row.get("geo_precision"), PRECISION_WEIGHT[None])
    if row.get("modality") in ("asserted", "reported", None):
        w *= CHANGE_WEIGHT.get(row.get("change") or "held", 1.0)
    if row.get("field") not in ARTICLE_FIELDS:
        w *= COMMENT_FACTOR
    return w


def base_weights(
    modality: np.ndarray, geo_precision: np.ndarray, change: np.ndarray, is_comment: np.ndarray
) -> np.ndarray:
    """Vectorised :func:`base_weight` over arrays (object arrays of strings, int precision)."""
    mw = np.array([MODALITY_WEIGHT.get(m or "asserted", 0.0) for m in _uniq(modality)])
    out = _lookup(modality, mw)
    prec = np.where(np.isin(geo_precision, (1, 2, 3)), geo_precision, 0).astype(np.int64)
    table = np.array([PRECISION_WEIGHT[None], PRECISION_WEIGHT[1], PRECISION_WEIGHT[2], PRECISION_WEIGHT[3]])
    out = out * table[prec]
    cw = np.array([CHANGE_WEIGHT.get(c or "held", 1.0) for c in _uniq(change)])
    firsthand = np.isin(modality.astype(str), ("asserted", "reported", "None"))
    out = out * np.where(firsthand, _lookup(change, cw), 1.0)
    return out * np.where(is_comment, COMMENT_FACTOR, 1.0)


def _uniq(values: np.ndarray) -> list[Any]:
    return list(np.unique(values.astype(str)))


def _lookup(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    _, inverse = np.unique(values.astype(str), return_inverse=True)
    return table[inverse]


def is_part_relation(relation: str | None) -> bool:
    """True for "eastern part of", "east", "centre of": the claim is about part of the place."""
    if not relation:
        return False
    rel = relation.lower().strip()
    if "part" in rel or rel.startswith(("centre", "center", "inside", "in ", "old city", "downtown")):
        return True
    first = rel.split()[0]
    return first.endswith("ern") or (first in {"east", "west", "north", "south"} and " of" not in rel)


def is_outside_relation(relation: str | None) -> bool:
    """True for "east of X", "near X", "outskirts of X": the claim is about another place."""
    if not relation or is_part_relation(relation):
        return False
    rel = relation.lower()
    return rel.endswith(" of") or rel.startswith(("near", "outside", "outskirts", "around", "between", "road"))


def denials(stances: Iterable[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Deny stances per claim id.

    A stance denies a claim when it says so (``target_claim = "claim:<idx>"``), or when its
    target is a comment that carries claims (every claim made in that comment).
    """
    by_comment: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in claims:
        field = c.get("field")
        if field and field not in ARTICLE_FIELDS:
            by_comment[(c["report_id"], field)].append(c["claim_id"])
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        if (s.get("label") or "") != "deny":
            continue
        report = s.get("report_id")
        targets: list[str] = []
        tc = s.get("target_claim") or ""
        if tc.startswith("claim:"):
            targets.append(f"{report}:{tc.split(':', 1)[1]}")
        target = s.get("target") or ""
        if target.startswith("comment:"):  # "False report!" answers everything that comment claimed
            targets += by_comment.get((report, target.split(":", 1)[1]), [])
        for t in dict.fromkeys(targets):
            out[t].append(dict(s))
    return dict(out)


def denial_factor(n_denials: int) -> float:
    return max(DENIAL_FLOOR, DENIAL_FACTOR**n_denials) if n_denials else 1.0
