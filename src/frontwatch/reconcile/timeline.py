"""The control timeline: for every place and every day, who holds it, how sure, since when.

The model (see ``docs/reconcile.md``): each source has one vote per place, its latest claim
about it (a source that writes every day does not outvote one that writes once a week); a
vote counts its claim's base weight times the source's reliability weight, and fades with
age as ``exp(-age / TAU)``. The controller on a day is the side with most vote mass; the
confidence is its share of all the mass plus a prior mass :data:`PRIOR_MASS` (so old or thin
evidence gives low confidence), mapped through a calibration table.

Everything is computed with numpy over all places at once: the votes become +/- events at
the day a claim is made and the day the same source next speaks of the place, and a
cumulative sum per place gives every side's mass on every day someone spoke. Between those
days the winner cannot change (all masses fade alike), so states are kept per claim day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from frontwatch.reconcile.table import ClaimTable

#: Days over which a vote fades by a factor e.
TAU = 14.0
#: Vote mass of "we don't know", added to the total when computing confidence.
PRIOR_MASS = 1.0
#: A place is contested when the runner-up has this share of the winner's mass ...
CONTEST_RATIO = 0.5
#: ... or "contested" votes (sieges, fighting) make up this share of all the mass ...
CONTEST_SHARE = 0.25
#: ... or the controller changed less than this many days ago.
CONTEST_RECENT_DAYS = 5
#: Raw confidence -> calibrated confidence (piecewise linear; fitted on simulated scenarios
#: of seeds other than the evaluation seed with ``frontwatch eval reconcile --fit``).
#: Fitted with `frontwatch eval reconcile --claims-direct --fit --seed 201 --seed 202 --seed 203 --seed 204`
#: (pool-adjacent-violators over deciles; capped at 0.99: no reading of the news is certain).
CALIBRATION_X = (0.0, 0.444, 0.6588, 1.0)
CALIBRATION_Y = (0.0, 0.989, 0.99, 0.99)
MAX_EXP = 400.0
#: How much a first-hand change report outdates earlier votes for other sides (0 turns it off) ...
STALE_MAX = 0.8
#: ... reached for a report of about this vote mass ...
STALE_SCALE = 3.0
#: ... and at most this many e-folds in all (keeps exp() in range).
STALE_CAP = 250.0
#: A claim is checked against the other sources this many days after it (a capture reported
#: first is confirmed by the others within days; a lagging or invented one is not).
CONFIRM_DAYS = 3
#: A source's new claim about a place replaces this share of its previous vote (1: all of it;
#: less keeps a memory of what it said before, so one misread sentence does not flip it).
UPDATE = 0.5
_NO_NEXT = np.iinfo(np.int64).max


@dataclass
class States:
    """One row per (place, claim day), sorted by place then day."""

    place: np.ndarray  # int
    day: np.ndarray  # int
    controller: np.ndarray  # int side code, -1 when no one
    top: np.ndarray  # float: winner's mass as of that day
    second: np.ndarray  # float: runner-up's mass
    contested_mass: np.ndarray  # float
    total: np.ndarray  # float
    since: np.ndarray  # int day the current controller's run began
    n_support: np.ndarray  # int: sources whose latest vote backs the controller
    n_dispute: np.ndarray  # int: sources whose latest vote backs another side or "contested"
    contested: np.ndarray  # bool
    place_start: np.ndarray  # int: first row of each place code (len n_places + 1)
    # per claim (aligned with the ClaimTable): the row of its day and its vote mass that day
    claim_state: np.ndarray
    claim_mass: np.ndarray
    loo_controller: np.ndarray  # int: winner without the claim's own vote (-1: no other evidence)
    loo_share: np.ndarray  # float: share of the others' mass (CONFIRM_DAYS later) backing the claim's side
    loo_total: np.ndarray  # float: the others' mass then


def calibrate(raw: np.ndarray | float) -> np.ndarray:
    return np.interp(raw, CALIBRATION_X, CALIBRATION_Y)


@dataclass
class Plan:
    """Everything about the claims' order and votes that does not depend on the weights."""

    order: np.ndarray  # claims sorted by place, stream, day
    k: np.ndarray  # side of each sorted claim
    weight: np.ndarray  # base weight of each sorted claim
    g_start: np.ndarray  # first sorted claim of each vote (place, stream, day)
    gid: np.ndarray  # vote of each sorted claim
    g_row: np.ndarray  # state row where each vote starts
    g_end_row: np.ndarray  # state row where it is replaced (-1: never)
    g_first: np.ndarray  # bool: a vote that starts afresh (the stream's first, or a reported change)
    g_stream: np.ndarray  # run of votes that build on each other
    g_ema: np.ndarray  # log scale of each vote within its stream (updates and age)
    up: np.ndarray
    ud: np.ndarray
    state_sorted: np.ndarray
    place_start: np.ndarray
    check_row: np.ndarray  # the state row CONFIRM_DAYS after each claim (sorted order)
    own_group: np.ndarray  # the claim's source's vote (group) in force at that row
    direct: np.ndarray  # bool: a claim about the place itself (not passed down)
    is_change: np.ndarray  # bool: a direct, first-hand claim of a change of hands
    row_log: np.ndarray  # (day - t0) / TAU of each state row


def plan(table: ClaimTable) -> Plan:
    """Sort the claims into votes once (reused by every truth-discovery round)."""
    cached = getattr(table, "_plan", None)
    if cached is not None:
        return cached
    n_places = len(table.place_keys)
    # a source keeps two votes per place: who holds it, and whether it is contested (a siege
    # report does not take back what the source said about the holder)
    stream = table.source * 2 + (table.side == table.contested_code)
    order = np.lexsort((table.day, stream, table.place))
    p, s, d, k = table.place[order], stream[order], table.day[order], table.side[order]
    new_g = np.ones(len(p), dtype=bool)
    new_g[1:] = (p[1:] != p[:-1]) | (s[1:] != s[:-1]) | (d[1:] != d[:-1])
    g_start = np.flatnonzero(new_g)
    gid = np.cumsum(new_g) - 1
    gp, gs, gd = p[g_start], s[g_start], d[g_start]
    new_stream = np.ones(len(g_start), dtype=bool)
    new_stream[1:] = (gp[1:] != gp[:-1]) | (gs[1:] != gs[:-1])
    g_stream = np.cumsum(new_stream) - 1
    # state rows: every (place, day) someone spoke of the place
    new_u = np.ones(len(p), dtype=bool)
    new_u[1:] = (p[1:] != p[:-1]) | (d[1:] != d[:-1])
    row_order = np.lexsort((d, p))
    rp, rd = p[row_order], d[row_order]
    keep = np.ones(len(rp), dtype=bool)
    keep[1:] = (rp[1:] != rp[:-1]) | (rd[1:] != rd[:-1])
    up, ud = rp[keep], rd[keep]
    p_first = np.flatnonzero(np.r_[True, up[1:] != up[:-1]])
    t0 = np.zeros(n_places, dtype=np.int64)
    t0[up[p_first]] = ud[p_first]
    # a place reported over more than MAX_EXP * TAU days forgets its oldest votes (they are < e^-MAX_EXP)
    t_last = np.zeros(n_places, dtype=np.int64)
    t_last[up[p_first]] = np.maximum.reduceat(ud, p_first)
    t0 = np.maximum(t0, t_last - int(MAX_EXP * TAU))
    base = int(ud.min())
    row_key = up.astype(np.int64) * (1 << 32) + (ud - base)
    state_sorted = np.searchsorted(row_key, p.astype(np.int64) * (1 << 32) + (d - base))
    g_row = state_sorted[g_start]
    g_end_row = np.full(len(g_start), -1, dtype=np.int64)
    same = ~new_stream[1:]
    g_end_row[:-1][same] = g_row[1:][same]
    # within a stream, each new vote keeps (1 - UPDATE) of the previous one (and it fades),
    # except that a source's own first-hand report of a change replaces its vote outright
    is_change = table.is_change[order] & (table.depth[order] == 0)
    restart = new_stream | (np.maximum.reduceat(is_change.astype(np.int8), g_start) > 0)
    ema_seg = np.cumsum(restart) - 1
    seg_first = np.flatnonzero(restart)
    idx_in_stream = np.arange(len(g_start)) - seg_first[ema_seg]
    d_first = gd[seg_first][ema_seg]
    lam = -np.log(1.0 - UPDATE) if UPDATE < 1.0 else 0.0
    g_ema = np.minimum(idx_in_stream * lam + (gd - d_first) / TAU, MAX_EXP)
    check_row = np.searchsorted(row_key, p.astype(np.int64) * (1 << 32) + (d + CONFIRM_DAYS - base), side="right") - 1
    span = int(d.max()) - base + CONFIRM_DAYS + 2
    n_src = int(s.max()) + 1
    g_key = (gp.astype(np.int64) * n_src + gs) * span + (gd - base)
    own_group = np.searchsorted(g_key, (p.astype(np.int64) * n_src + s) * span + (d + CONFIRM_DAYS - base),
                                side="right") - 1
    result = Plan(order, k, table.weight[order], g_start, gid, g_row, g_end_row, restart, ema_seg, g_ema, up, ud,
                  state_sorted, np.searchsorted(up, np.arange(n_places + 1)), check_row, own_group,
                  table.depth[order] == 0, is_change, (ud - t0[up]) / TAU)
    table._plan = result  # type: ignore[attr-defined]
    return result


def _votes(pl: Plan, a: np.ndarray, n_sides: int) -> np.ndarray:
    """Each vote's mass per side: its own claims, plus what it keeps of the stream's earlier votes."""
    own = np.bincount(pl.gid * n_sides + pl.k, weights=a, minlength=len(pl.g_start) * n_sides).reshape(-1, n_sides)
    if UPDATE >= 1.0:
        return own
    w = np.where(pl.g_first[:, None], own, UPDATE * own)
    scale = np.exp(pl.g_ema)[:, None]
    return _segment_cumsum(w * scale, pl.g_stream) / scale


def _spread(pl: Plan, values: np.ndarray, n_u: int) -> np.ndarray:
    """Per state row, the cumulative sum of vote ``values`` (n_groups x sides) while they stand."""
    ends = pl.g_end_row >= 0
    rows = np.concatenate((pl.g_row, pl.g_end_row[ends]))
    flat = np.empty((n_u, values.shape[1]))
    for side in range(values.shape[1]):
        column = values[:, side]
        flat[:, side] = np.bincount(rows, weights=np.concatenate((column, -column[ends])), minlength=n_u)
    return _segment_cumsum(flat, pl.up)


def compute(table: ClaimTable, claim_vote: np.ndarray) -> States:
    """Every place's states given each claim's reliability weight (see the module doc)."""
    n_sides = len(table.sides)
    contested_code = table.contested_code
    n_places = len(table.place_keys)
    if len(table) == 0:
        empty_i = np.zeros(0, dtype=np.int64)
        empty_f = np.zeros(0)
        return States(empty_i, empty_i, empty_i, empty_f, empty_f, empty_f, empty_f, empty_i, empty_i, empty_i,
                      np.zeros(0, dtype=bool), np.zeros(n_places + 1, dtype=np.int64), empty_i, empty_f, empty_i,
                      empty_f, empty_f)
    pl = plan(table)
    order, k, up, ud = pl.order, pl.k, pl.up, pl.ud
    a = pl.weight * claim_vote[order]
    # one vote per (place, source, day): the group's mass is its strongest claim's, shared
    g_sum = np.add.reduceat(a, pl.g_start)
    g_max = np.maximum.reduceat(a, pl.g_start)
    share = np.divide(g_max, g_sum, out=np.zeros_like(g_sum), where=g_sum > 0)
    a = a * share[pl.gid]
    n_u = len(up)
    clock = _clock(pl, a, n_sides, n_u)  # n_u x n_sides: log of each side's time scale
    votes_g = _votes(pl, a, n_sides)
    start_scale = np.exp(clock[pl.g_row])
    row_scale = np.exp(clock)
    mass = _spread(pl, votes_g * start_scale, n_u) / row_scale
    mass[mass < 1e-9] = 0.0
    # sources backing each side: a vote counts for the side it gives most mass
    position = np.where(votes_g.sum(axis=1) > 0, np.argmax(votes_g, axis=1), 0)
    onehot = np.zeros_like(votes_g)
    onehot[np.arange(len(position)), position] = votes_g.sum(axis=1) > 0
    count = np.rint(_spread(pl, onehot, n_u)).astype(np.int64)

    votes = mass.copy()
    votes[:, contested_code] = -1.0
    controller = np.argmax(votes, axis=1)
    top = votes[np.arange(n_u), controller]
    votes[np.arange(n_u), controller] = -1.0
    second = np.maximum(votes.max(axis=1), 0.0) if n_sides > 1 else np.zeros(n_u)
    controller = np.where(top > 0, controller, -1)
    top = np.maximum(top, 0.0)
    total = mass.sum(axis=1)
    contested_mass = mass[:, contested_code]
    n_support = np.where(controller >= 0, count[np.arange(n_u), np.maximum(controller, 0)], 0)
    n_dispute = count.sum(axis=1) - n_support

    # since: first day of the run of the same controller
    place_first = np.ones(n_u, dtype=bool)
    place_first[1:] = up[1:] != up[:-1]
    run_first = place_first.copy()
    run_first[1:] |= controller[1:] != controller[:-1]
    run_idx = np.maximum.accumulate(np.where(run_first, np.arange(n_u), 0))
    since = ud[run_idx]
    changed = ~place_first[run_idx]  # the run began by a change, not at the first claim
    contested = (
        (second >= CONTEST_RATIO * np.maximum(top, 1e-12)) & (second > 0)
        | (contested_mass >= CONTEST_SHARE * np.maximum(total, 1e-12)) & (contested_mass > 0)
        | changed & (ud - since < CONTEST_RECENT_DAYS)
    )
    place_start = pl.place_start

    # per claim: its day's state row, its own vote mass that day, the winner without it
    # the claim checked against what the other sources say of the place itself CONFIRM_DAYS
    # later (its source's vote then, whichever claim it is, taken out)
    state_sorted = pl.state_sorted
    n = len(order)
    rows = np.arange(n)
    a_direct = np.where(pl.direct, a, 0.0)
    direct_g = _votes(pl, a_direct, n_sides)
    direct_mass = _spread(pl, direct_g * start_scale, n_u) / row_scale
    own_fade = np.exp(clock[pl.g_row[pl.own_group]] - clock[pl.check_row])
    loo = direct_mass[pl.check_row] - direct_g[pl.own_group] * own_fade
    loo[:, contested_code] = 0.0
    np.maximum(loo, 0.0, out=loo)
    loo[loo < 1e-9] = 0.0
    loo_total_sorted = loo.sum(axis=1)
    loo_share_sorted = np.divide(loo[rows, k], loo_total_sorted, out=np.zeros(n), where=loo_total_sorted > 0)
    loo_best = np.argmax(loo, axis=1)
    loo_sorted = np.where(loo_total_sorted > 0, loo_best, -1)
    claim_state = np.empty(n, dtype=np.int64)
    claim_mass = np.empty(n)
    loo_controller = np.empty(n, dtype=np.int64)
    claim_state[order] = state_sorted
    claim_mass[order] = a
    loo_controller[order] = loo_sorted
    loo_share = np.empty(n)
    loo_total = np.empty(n)
    loo_share[order] = loo_share_sorted
    loo_total[order] = loo_total_sorted
    return States(up, ud, controller, top, second, contested_mass, total, since, n_support, n_dispute,
                  contested, place_start, claim_state, claim_mass, loo_controller, loo_share, loo_total)


def _clock(pl: Plan, a: np.ndarray, n_sides: int, n_u: int) -> np.ndarray:
    """Log time scale of each side at each state row: age, plus the changes since.

    A vote fades as ``exp(-age / TAU)``; on top, a first-hand report that the place changed
    hands (to side K) outdates every earlier vote for another side by ``1 - c``, where ``c``
    grows with the report's weight up to :data:`STALE_MAX`. Both are a per-side clock: a vote
    made at row r counts ``exp(clock[r, side] - clock[u, side])`` at a later row u.
    """
    clock = np.repeat(pl.row_log[:, None], n_sides, axis=1)
    if STALE_MAX <= 0 or not pl.is_change.any():
        return clock
    c = np.where(pl.is_change, STALE_MAX * (1.0 - np.exp(-a / STALE_SCALE)), 0.0)
    lj = np.log1p(-c)
    total = np.bincount(pl.state_sorted, weights=lj, minlength=n_u)
    own = np.bincount(pl.state_sorted * n_sides + pl.k, weights=lj, minlength=n_u * n_sides).reshape(n_u, n_sides)
    level = _segment_cumsum(total[:, None] - own, pl.up)
    return clock - np.maximum(level, -STALE_CAP)


def _segment_cumsum(values: np.ndarray, group: np.ndarray, short: int = 64) -> np.ndarray:
    """Cumulative sum down axis 0, restarting where ``group`` changes.

    Each group is summed on its own, never through a running total over other groups (whose
    magnitudes would swamp it): short groups position by position, all at once; long groups
    one by one.
    """
    n = len(values)
    out = values.copy()
    if n == 0:
        return out
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    lengths = np.diff(np.r_[starts, n])
    is_short = lengths <= short
    idx, length = starts[is_short], lengths[is_short]
    j = 1
    while len(idx):
        keep = length > j
        idx, length = idx[keep], length[keep]
        if not len(idx):
            break
        out[idx + j] += out[idx + j - 1]
        j += 1
    for st, ln in zip(starts[~is_short].tolist(), lengths[~is_short].tolist(), strict=True):
        out[st : st + ln] = np.cumsum(values[st : st + ln], axis=0)
    return out


def confidence_at(top: float | np.ndarray, total: float | np.ndarray, age: float | np.ndarray) -> np.ndarray:
    """Calibrated confidence ``age`` days after a state row (its masses fade meanwhile)."""
    fade = np.exp(-np.asarray(age, dtype=float) / TAU)
    raw = np.asarray(top) * fade / (np.asarray(total) * fade + PRIOR_MASS)
    return calibrate(raw)


def state_row(states: States, place: int, day: int) -> int:
    """Index of the state row of ``place`` in force on ``day`` (-1 if none yet)."""
    lo, hi = int(states.place_start[place]), int(states.place_start[place + 1])
    i = lo + int(np.searchsorted(states.day[lo:hi], day, side="right")) - 1
    return i if i >= lo else -1


def daily(states: States, place: int, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """Controller code and calibrated confidence of ``place`` on each day first..last."""
    lo, hi = int(states.place_start[place]), int(states.place_start[place + 1])
    days = np.arange(first, last + 1)
    idx = lo + np.searchsorted(states.day[lo:hi], days, side="right") - 1
    ok = idx >= lo
    idx = np.where(ok, idx, lo)
    ctrl = np.where(ok, states.controller[idx] if hi > lo else -1, -1)
    conf = np.where(ok, confidence_at(states.top[idx], states.total[idx], days - states.day[idx]), 0.0) if hi > lo \
        else np.zeros(len(days))
    return ctrl, conf
