"""Source reliability by truth discovery, iterated with the timeline.

The method is CRH (Li et al., "Resolving conflicts in heterogeneous data by truth discovery
and source reliability estimation", SIGMOD 2014) for one categorical property — who holds a
place on a day — with the 0/1 loss: start from each source's prior reliability; compute the
timeline with every source's votes weighted by its reliability; score each source by how
often its claims disagree with the timeline on the day they speak of (leaving the claim's own
vote out, so a source cannot agree with itself); turn that error rate into a weight; repeat.

The weight is the log-odds of being right, ``log((1 - e) / e)`` (the one-coin Dawid–Skene form
of CRH's ``-log(loss)``), clipped to :data:`MIN_WEIGHT` .. :data:`MAX_WEIGHT`; the error rate is
smoothed towards ``1 - prior`` by :data:`PRIOR_STRENGTH` pseudo-claims, so a source with few
claims stays near its prior. Because each source has one vote per place at a time
(:mod:`frontwatch.reconcile.timeline`), an outlet cannot win by volume; because its weight
comes from agreement with the other sources, an outlet that always takes one side loses
weight wherever the others see otherwise. Errors are kept per source, side credited and kind
of claim (a first-hand change of hands, or who holds the place), so an outlet that announces
its side's captures early loses weight on those announcements only.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from frontwatch.errors import ConfigError
from frontwatch.reconcile.table import ClaimTable
from frontwatch.reconcile.timeline import PRIOR_MASS, States, compute

DEFAULT_PRIOR = 0.7
PRIOR_STRENGTH = 3.0
MIN_WEIGHT = 0.02
MAX_WEIGHT = 4.0
ITERATIONS = 8
#: Power applied to the log-odds weight (1: CRH / Dawid-Skene weights; more: sharper contrast).
CONTRAST = 1.0
#: Weight a source's claims per side it credits (off: one weight per source).
PER_SIDE = True
#: ... and, within a side, apart for first-hand reports of a change of hands.
SPLIT_CHANGE = True


@dataclass(frozen=True)
class Reliability:
    source: str
    prior: float
    reliability: float  # estimated share of its claims that agree with the consensus
    weight: float  # vote weight used by the timeline
    n_claims: int
    n_scored: int  # claims that could be checked against other sources
    by_side: Mapping[str, float] = field(default_factory=dict)  # reliability of its claims for each side


def load_priors(path: str | Path | None) -> dict[str, float]:
    """Per-source priors from a TOML file: ``"Outlet name" = 0.9`` (top level or ``[sources]``)."""
    if not path:
        return {}
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("source priors file not found", where=str(file), hint="fix the source_priors setting") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", where=str(file)) from None
    table = data.get("sources", data)
    priors: dict[str, float] = {}
    for name, value in table.items():
        if not isinstance(value, (int, float)) or not 0.0 < float(value) < 1.0:
            raise ConfigError(f"prior of {name!r} must be a number between 0 and 1 (exclusive)", where=str(file))
        priors[str(name)] = float(value)
    return priors


def prior_array(table: ClaimTable, priors: Mapping[str, float]) -> np.ndarray:
    """Each source's prior; a commenter ``comment:<author>@<outlet>`` may be given as ``comment:<author>``."""
    out = np.full(len(table.sources), DEFAULT_PRIOR)
    for i, name in enumerate(table.sources):
        if name in priors:
            out[i] = priors[name]
        elif name.startswith("comment:") and name.split("@", 1)[0] in priors:
            out[i] = priors[name.split("@", 1)[0]]
        elif name.startswith("comment:"):
            out[i] = priors.get("comments", DEFAULT_PRIOR - 0.1)
    return out


def weight_of(error: np.ndarray) -> np.ndarray:
    e = np.clip(error, 1e-3, 1 - 1e-3)
    return np.clip(np.log((1 - e) / e), MIN_WEIGHT, MAX_WEIGHT) ** CONTRAST


def discover(
    table: ClaimTable, priors: Mapping[str, float] | None = None, iterations: int = ITERATIONS
) -> tuple[States, list[Reliability], np.ndarray]:
    """The timeline and each source's reliability, iterated to agreement (see the module doc).

    Reliability is kept per source and, within a source, per side it credits: an outlet that
    is right about everyone else but wrong whenever its own side is concerned loses weight
    exactly there (its per-side error is smoothed towards its overall error).
    """
    prior = prior_array(table, priors or {})
    n_src, n_sides = len(table.sources), len(table.sides)
    contested_code = table.contested_code
    direct = (table.depth == 0) & (table.side != contested_code) & (table.weight > 0)
    # a unit is (source, side credited, first-hand change or not): a partisan outlet's early
    # announcements of its side's gains are judged apart from its reports of who holds what
    change = (table.is_change & (table.depth == 0)).astype(np.int64) if SPLIT_CHANGE else np.zeros(len(table), dtype=np.int64)
    n_col = n_sides * 2
    unit = (table.source * n_sides + table.side) * 2 + change
    error = 1.0 - prior
    unit_error = np.repeat(error, n_col)

    def claim_vote() -> np.ndarray:
        # a side's weights are rescaled so that its average over sources equals the sources'
        # average: per-side reliability ranks sources within a side, it never mutes a side
        uw = weight_of(unit_error).reshape(n_src, n_col)
        sw = weight_of(error)
        counts = np.bincount(unit[direct], minlength=n_src * n_col).reshape(n_src, n_col) + 1e-9
        total = np.maximum(counts.sum(axis=0), 1e-9)  # no sources at all: an empty store
        side_mean = (uw * counts).sum(axis=0) / total
        src_mean = (sw[:, None] * counts).sum(axis=0) / total
        uw = uw * (src_mean / np.maximum(side_mean, 1e-9))[None, :]
        per_unit = uw.reshape(-1)[unit] if PER_SIDE else sw[table.source]
        return np.where(table.side == contested_code, sw[table.source], per_unit)

    states = compute(table, claim_vote())
    for _ in range(iterations):
        # soft 0/1 loss: the share of the others' mass against the claim, counted by how much
        # the others said (a lone rival hearsay claim is weak evidence against anyone)
        strength = np.where(direct, states.loo_total / (states.loo_total + PRIOR_MASS), 0.0)
        w_inf = strength
        w_bad = strength * (1.0 - states.loo_share)
        scored = np.bincount(table.source, weights=w_inf, minlength=n_src)
        bad = np.bincount(table.source, weights=w_bad, minlength=n_src)
        new_error = (bad + PRIOR_STRENGTH * (1.0 - prior)) / (scored + PRIOR_STRENGTH)
        u_scored = np.bincount(unit, weights=w_inf, minlength=n_src * n_col)
        u_bad = np.bincount(unit, weights=w_bad, minlength=n_src * n_col)
        new_unit = (u_bad + PRIOR_STRENGTH * np.repeat(new_error, n_col)) / (u_scored + PRIOR_STRENGTH)
        converged = np.allclose(new_unit, unit_error, atol=1e-4)
        error, unit_error = new_error, new_unit
        states = compute(table, claim_vote())
        if converged:
            break
    n_claims = np.bincount(table.source[table.depth == 0], minlength=n_src)
    n_scored = np.bincount(table.source[direct & (states.loo_controller >= 0)], minlength=n_src)
    vote = weight_of(error)
    # per side credited, both kinds of claim together (weighted by how many were scored)
    u_count = np.bincount(unit[direct], minlength=n_src * n_col).reshape(n_src, n_sides, 2)
    u_rel = (1.0 - unit_error).reshape(n_src, n_sides, 2)
    side_rel = (u_rel * u_count).sum(axis=2) / np.maximum(u_count.sum(axis=2), 1)
    rel = [
        Reliability(name, float(prior[i]), float(1.0 - error[i]), float(vote[i]), int(n_claims[i]), int(n_scored[i]),
                    {table.sides[k]: round(float(side_rel[i, k]), 3)
                     for k in range(n_sides) if k != contested_code and u_count[i, k].sum() > 0})
        for i, name in enumerate(table.sources)
    ]
    rel.sort(key=lambda r: (-r.reliability, r.source))
    return states, rel, vote
