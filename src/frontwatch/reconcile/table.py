"""Claim rows as columns: the one input shape of the timeline, built without per-claim loops.

:func:`columns_from_rows` turns store claim rows (dicts) into numpy columns;
:func:`prepare` turns columns into a :class:`ClaimTable`: integer codes for place keys,
sources and sides, a day number, a base weight (modality, precision, change, comment,
denials), and the copies of each claim that a larger place passes down to the places inside
it (at :data:`~frontwatch.reconcile.weights.HIERARCHY_FACTOR` per level).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from frontwatch.reconcile import keys, weights

#: An unresolved name joins the resolved place that took at least this share of the name's mentions.
NAME_SHARE = 0.75

#: Column names :func:`prepare` reads (a subset of the store's claim-row keys).
COLUMNS = (
    "claim_id", "source", "published", "field", "comment_author", "place_id", "place_name", "place_text",
    "place_parents", "geo_precision", "relation", "anchor_name", "controller", "previous_controller",
    "change", "as_of", "modality", "lat", "lon",
)
EPOCH = dt.date(1970, 1, 1)
#: Side code of a vote that says "contested" (siege, fighting) rather than who holds it.
CONTESTED = "(contested)"
MISSING_DAY = -(10**6)


def day_number(value: Any) -> int | None:
    """Days since 1970-01-01 of a date, datetime or ISO string (None stays None)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return (value - EPOCH).days


def day_date(n: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(n))


def columns_from_rows(rows: Iterable[Mapping[str, Any]]) -> dict[str, np.ndarray]:
    """Store claim rows (dicts) as numpy columns (object arrays, dates as day numbers)."""
    rows = list(rows)
    out: dict[str, np.ndarray] = {}
    for name in COLUMNS:
        if name in ("as_of", "published"):
            out[name] = np.array([day_number(r.get(name)) for r in rows], dtype=object)
        else:
            out[name] = _obj([r.get(name) for r in rows])
    return out


def _obj(values: Sequence[Any]) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)
    return arr


@dataclass
class ClaimTable:
    """Claims (and inherited copies) as parallel arrays; ``row`` points at the input claim."""

    place: np.ndarray  # int: index into place_keys
    source: np.ndarray  # int: index into sources
    side: np.ndarray  # int: index into sides (CONTESTED is a side code too)
    day: np.ndarray  # int: days since 1970
    weight: np.ndarray  # float: base weight (no reliability)
    depth: np.ndarray  # int: 0 direct, n inherited from a place n levels up
    row: np.ndarray  # int: index of the input claim
    place_keys: list[str]
    sources: list[str]
    sides: list[str]
    claim_ids: np.ndarray  # object: claim id of each input row
    is_change: np.ndarray  # bool: a first-hand claim that the place changed hands
    place_info: dict[str, dict[str, Any]] = field(default_factory=dict)
    denials: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.place)

    @property
    def contested_code(self) -> int:
        return self.sides.index(CONTESTED)


def _codes(values: np.ndarray) -> tuple[list[Any], np.ndarray]:
    uniq, inverse = np.unique(values.astype(str), return_inverse=True)
    return [str(u) for u in uniq], inverse.astype(np.int64)


def _parents(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [str(v) for v in value or ()]


def prepare(
    cols: Mapping[str, np.ndarray],
    stances: Iterable[Mapping[str, Any]] = (),
    claim_rows: Sequence[Mapping[str, Any]] | None = None,
    parents_of: Mapping[str, Sequence[str]] | None = None,
) -> ClaimTable:
    """A :class:`ClaimTable` from claim columns (see the module doc).

    ``parents_of`` (place id -> parent ids, nearest first) adds to the parents the claim rows
    carry, e.g. from the gazetteer.
    """
    n = len(cols["claim_id"])
    claim_ids = np.asarray(cols["claim_id"], dtype=object)
    if "day" in cols:  # precomputed by SQL: as_of, else published, in days since 1970 (MISSING_DAY if none)
        day = np.asarray(cols["day"]).astype(np.int64)
        has_day = day != MISSING_DAY
    else:
        published = np.asarray(cols["published"], dtype=object)
        as_of = np.asarray(cols["as_of"], dtype=object)
        day_obj = np.where(np.equal(as_of, None), published, as_of)
        has_day = ~np.equal(day_obj, None)
        day = np.where(has_day, day_obj, 0).astype(np.int64)

    field_ = np.asarray(cols["field"], dtype=object)
    is_comment = ~np.isin(field_.astype(str), weights.ARTICLE_FIELDS)
    change = np.asarray(cols["change"], dtype=object)
    prec_raw = np.asarray(cols["geo_precision"], dtype=object)
    prec = np.where(np.equal(prec_raw, None), 0, prec_raw).astype(np.int64)
    weight = weights.base_weights(np.asarray(cols["modality"], dtype=object), prec, change, is_comment)
    weight = np.where(has_day, weight, 0.0)

    # sides: a contested / lost claim votes "contested" rather than for a controller
    controller = np.asarray(cols["controller"], dtype=object)
    previous = np.asarray(cols["previous_controller"], dtype=object)
    ctrl_uniq, ctrl_inv = _codes(controller)
    ctrl_side = [keys.side_of(c) if c != "None" else None for c in ctrl_uniq]
    side_name = np.array([s or CONTESTED for s in ctrl_side], dtype=object)[ctrl_inv]
    change_s = change.astype(str)
    lost_to_new = (change_s == "lost") & ~np.equal(previous, None)  # "X lost it to <controller>"
    vote_contested = (change_s == "contested") | ((change_s == "lost") & ~lost_to_new)
    side_name = np.where(vote_contested, CONTESTED, side_name)
    sides, side = _codes(np.append(side_name, CONTESTED))
    side = side[:-1]

    # sources: the outlet for article claims, the commenter (at the outlet) for comment claims
    source = np.asarray(cols["source"], dtype=object).astype(str)
    author = np.asarray(cols["comment_author"], dtype=object)
    source = np.where(is_comment, "comment:" + np.where(np.equal(author, None), "anonymous", author).astype(str) + "@" + source, source)
    source_names, source_code = _codes(source)

    # place keys
    place_id = np.asarray(cols["place_id"], dtype=object)
    relation = np.asarray(cols["relation"], dtype=object)
    rel_uniq, rel_inv = _codes(relation)
    outside = np.array([r != "None" and weights.is_outside_relation(r) for r in rel_uniq], dtype=bool)[rel_inv]
    part = np.array([r != "None" and weights.is_part_relation(r) for r in rel_uniq], dtype=bool)[rel_inv]
    resolved = ~np.equal(place_id, None).astype(bool) & ~outside
    pkey = place_id.copy()
    texts = np.asarray(cols["place_text"], dtype=object)
    names = np.asarray(cols["place_name"], dtype=object)
    anchors = np.asarray(cols["anchor_name"], dtype=object)
    display = np.empty(n, dtype=object)
    for i in np.flatnonzero(~resolved):
        # "east of Sheikh Maqsoud" (an outside relation to a known place) or the bare text
        rel = relation[i] if outside[i] else None
        anchor = anchors[i] or (names[i] if outside[i] else None)
        display[i] = keys.relative_name(texts[i] or names[i], rel, anchor)
        pkey[i] = keys.unresolved_key(texts[i] or names[i], anchor, rel)
    # an unresolved mention that bears the name of a resolved place among the claims (the
    # geoparser resolved it elsewhere) is that place; when the name went to several places,
    # the one that took at least NAME_SHARE of the resolved mentions of it
    loose = np.flatnonzero(~resolved & ~outside)
    if len(loose):
        by_name: dict[str, dict[str, int]] = {}
        res_idx = np.flatnonzero(resolved)
        for label_col in (names, texts):
            labels = np.asarray(label_col[res_idx], dtype=object).astype(str)
            pairs, counts = np.unique(np.char.add(np.char.add(labels.astype("U"), "\x1f"),
                                                  pkey[res_idx].astype(str).astype("U")), return_counts=True)
            for pair, c in zip(pairs.tolist(), counts.tolist(), strict=True):
                label, key = pair.split("\x1f", 1)
                if label and label != "None":
                    slot = by_name.setdefault(keys.norm_text(label), {})
                    slot[key] = max(slot.get(key, 0), int(c))
        for i in loose:
            found = by_name.get(keys.norm_text(str(texts[i] or names[i] or "")), {})
            if not found or anchors[i]:
                continue
            best = max(found, key=lambda k: (found[k], k))
            if found[best] >= NAME_SHARE * sum(found.values()):
                pkey[i] = best
                resolved[i] = True
    place_keys, place = _codes(pkey)
    weight = np.where(part, weight * weights.PART_FACTOR, weight)

    # place info (name, coordinates, parents) from the first row of each key
    _, first = np.unique(place, return_index=True)
    info: dict[str, dict[str, Any]] = {}
    lat = cols.get("lat", np.full(n, None, dtype=object))
    lon = cols.get("lon", np.full(n, None, dtype=object))
    parents_col = cols.get("place_parents", np.full(n, None, dtype=object))
    for code, i in zip(range(len(place_keys)), first, strict=True):
        key = place_keys[code]
        pid = None if key.startswith("~") else key
        parents = list(parents_of.get(pid, ())) if (parents_of and pid) else []
        parents = parents or _parents(parents_col[i])
        info[key] = {
            "key": key, "place_id": pid,
            "name": (names[i] if pid else display[i]) or texts[i] or key.lstrip("~"),
            "text": texts[i], "anchor": anchors[i], "relation": relation[i],
            "lat": lat[i], "lon": lon[i], "geo_precision": int(prec[i]) if prec[i] else None,
            "parents": parents,
        }

    # denials
    denied: dict[str, list[dict[str, Any]]] = {}
    stances = list(stances)
    if stances:
        denied = weights.denials(stances, claim_rows or [{"claim_id": c, "report_id": str(c).rsplit(":", 1)[0],
                                                          "field": f} for c, f in zip(claim_ids, field_, strict=True)])
        if denied:
            factor = np.array([weights.denial_factor(len(denied.get(c, ()))) for c in claim_ids])
            weight = weight * factor

    row = np.arange(n, dtype=np.int64)
    depth = np.zeros(n, dtype=np.int64)
    keep = has_day
    firsthand = np.isin(np.asarray(cols["modality"], dtype=object).astype(str), ("asserted", "reported", "None"))
    is_change = np.isin(change_s, ("gained", "handed_over")) & firsthand & (side != sides.index(CONTESTED))
    table = ClaimTable(place[keep], source_code[keep], side[keep], day[keep], weight[keep], depth[keep], row[keep],
                       place_keys, source_names, sides, claim_ids, is_change[keep], info, denied)
    return _inherit(table)


def _inherit(table: ClaimTable) -> ClaimTable:
    """Add the copies of claims that larger places pass down to the places inside them."""
    index = {k: i for i, k in enumerate(table.place_keys)}
    anc, desc, dep = [], [], []
    for key, info in table.place_info.items():
        if key.startswith("~"):
            continue
        for level, parent in enumerate(info["parents"][: weights.HIERARCHY_DEPTH], start=1):
            if parent in index:
                anc.append(index[parent])
                desc.append(index[key])
                dep.append(level)
    if not anc:
        return table
    anc_a, desc_a, dep_a = np.array(anc), np.array(desc), np.array(dep)
    order = np.argsort(anc_a, kind="stable")
    anc_a, desc_a, dep_a = anc_a[order], desc_a[order], dep_a[order]
    n_places = len(table.place_keys)
    counts = np.bincount(anc_a, minlength=n_places)
    offsets = np.concatenate(([0], np.cumsum(counts)))
    # direct claims only (depth 0) pass down; unresolved keys have no children
    src = np.flatnonzero((table.depth == 0) & (counts[table.place] > 0))
    reps = counts[table.place[src]]
    claim_idx = np.repeat(src, reps)
    first = offsets[table.place[src]]
    within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    pair = np.repeat(first, reps) + within
    new_depth = dep_a[pair]

    def cat(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.concatenate((a, b))

    return ClaimTable(
        cat(table.place, desc_a[pair]), cat(table.source, table.source[claim_idx]), cat(table.side, table.side[claim_idx]),
        cat(table.day, table.day[claim_idx]),
        cat(table.weight, table.weight[claim_idx] * weights.HIERARCHY_FACTOR**new_depth),
        cat(table.depth, new_depth), cat(table.row, table.row[claim_idx]),
        table.place_keys, table.sources, table.sides, table.claim_ids, cat(table.is_change, table.is_change[claim_idx]),
        table.place_info, table.denials,
    )
