"""A compact, persisted per-place index of the reconciliation (table ``recon_lookup``).

A long-running process loads every state and vote into memory
(:class:`frontwatch.reconcile.index.MemoryIndex`); a one-shot ``frontwatch status`` cannot
afford that. Instead :func:`rows` packs each place's state rows and vote rows into one table
row (numpy records, base64 text, so the table is portable SQL), written with the other
``recon_*`` tables; :func:`read` answers a place with one short row, and the evidence text of
the few votes shown is then read from ``recon_votes`` by position (``seq``).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import numpy as np

STATE_DTYPE = np.dtype([("day", "<i4"), ("side", "<i2"), ("contested", "i1"), ("since", "<i4"), ("n_support", "<i4"),
                        ("n_dispute", "<i4"), ("top", "<f8"), ("second", "<f8"), ("contested_mass", "<f8"),
                        ("total", "<f8")])
VOTE_DTYPE = np.dtype([("day", "<i4"), ("side", "<i2"), ("depth", "<i2"), ("voter", "<i4"), ("n_denials", "<i4"),
                       ("mass", "<f8"), ("seq", "<i8")])
COLUMNS = ("place_key", "sides", "voters", "claim_ids", "states", "votes")


def _pack(records: np.ndarray) -> str:
    return base64.b64encode(records.tobytes()).decode("ascii")


def _starts(codes: np.ndarray, n: int) -> np.ndarray:
    return np.searchsorted(codes, np.arange(n + 1))


def rows(place_keys: list[str], sides: list[str], states: Any, votes: dict[str, np.ndarray],
         vote_place: np.ndarray, vote_side: np.ndarray, vote_voter: np.ndarray, voter_names: list[str]) -> dict[str, list[Any]]:
    """The ``recon_lookup`` columns: one row per place.

    ``states`` is a :class:`~frontwatch.reconcile.timeline.States` (sorted by place, day);
    ``votes`` the ``recon_votes`` columns in stored order (sorted by place, day) with ``seq``;
    ``vote_place`` / ``vote_side`` / ``vote_voter`` their codes.
    """
    n = len(place_keys)
    srec = np.zeros(len(states.day), dtype=STATE_DTYPE)
    srec["day"], srec["side"], srec["contested"] = states.day, states.controller, states.contested
    srec["since"], srec["n_support"], srec["n_dispute"] = states.since, states.n_support, states.n_dispute
    srec["top"], srec["second"], srec["contested_mass"], srec["total"] = (states.top, states.second,
                                                                          states.contested_mass, states.total)
    vrec = np.zeros(len(vote_place), dtype=VOTE_DTYPE)
    vrec["day"], vrec["side"], vrec["depth"] = votes["day"], vote_side, votes["depth"]
    vrec["voter"], vrec["n_denials"], vrec["mass"], vrec["seq"] = vote_voter, votes["n_denials"], votes["mass"], votes["seq"]
    s_start, v_start = states.place_start, _starts(vote_place, n)
    claim_ids = np.asarray(votes["claim_id"], dtype=object)
    out: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    side_arr = np.array(sides, dtype=object)
    voter_arr = np.array(voter_names, dtype=object)
    for code, key in enumerate(place_keys):
        s = srec[s_start[code]:s_start[code + 1]].copy()
        v = vrec[v_start[code]:v_start[code + 1]].copy()
        used, inv = np.unique(np.concatenate((s["side"], v["side"])), return_inverse=True)
        used_sides = [None if c < 0 else side_arr[c] for c in used.tolist()]
        s["side"], v["side"] = inv[: len(s)], inv[len(s):]
        vused, vinv = np.unique(v["voter"], return_inverse=True)
        v["voter"] = vinv
        out["place_key"].append(key)
        out["sides"].append(json.dumps(used_sides))
        out["voters"].append(json.dumps(voter_arr[vused].tolist()))
        out["claim_ids"].append(json.dumps(claim_ids[v_start[code]:v_start[code + 1]].tolist()))
        out["states"].append(_pack(s))
        out["votes"].append(_pack(v))
    return out


@dataclass(frozen=True)
class PlaceLookup:
    """One place's packed states and votes, unpacked."""

    sides: list[str | None]
    voters: list[str]
    claim_ids: list[str]
    states: np.ndarray  # STATE_DTYPE records, by day
    votes: np.ndarray  # VOTE_DTYPE records, by day

    def state(self, day: int) -> dict[str, Any] | None:
        i = int(np.searchsorted(self.states["day"], day, side="right")) - 1
        if i < 0:
            return None
        r = self.states[i]
        side = self.sides[int(r["side"])]
        return {"day": int(r["day"]), "side": side, "controller": side, "top_mass": float(r["top"]),
                "second_mass": float(r["second"]), "contested_mass": float(r["contested_mass"]),
                "total_mass": float(r["total"]), "since": int(r["since"]), "n_support": int(r["n_support"]),
                "n_dispute": int(r["n_dispute"]), "contested": bool(r["contested"])}

    def votes_until(self, day: int) -> list[dict[str, Any]]:
        hi = int(np.searchsorted(self.votes["day"], day, side="right"))
        v = self.votes[:hi]
        return [{"day": int(d), "side": self.sides[int(s)], "mass": float(m), "depth": int(dp),
                 "claim_id": self.claim_ids[i], "voter": self.voters[int(w)], "n_denials": int(nd), "seq": int(q)}
                for i, (d, s, m, dp, w, nd, q) in enumerate(zip(v["day"].tolist(), v["side"].tolist(), v["mass"].tolist(),
                                                                v["depth"].tolist(), v["voter"].tolist(),
                                                                v["n_denials"].tolist(), v["seq"].tolist(), strict=True))]


def read(store: Any, key: str) -> PlaceLookup | None:
    """The packed row of ``key`` (None when the store has none: not reconciled since migration 011)."""
    found = store.read(f"SELECT {', '.join(COLUMNS[1:])} FROM recon_lookup WHERE place_key = ?", (key,))
    if not found:
        return None
    sides, voters, claim_ids, states, votes = found[0]
    return PlaceLookup(json.loads(sides), json.loads(voters), json.loads(claim_ids),
                       np.frombuffer(base64.b64decode(states), dtype=STATE_DTYPE),
                       np.frombuffer(base64.b64decode(votes), dtype=VOTE_DTYPE))
