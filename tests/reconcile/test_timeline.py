from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rows import row

from frontwatch.reconcile import keys, timeline
from frontwatch.reconcile.engine import reconcile_rows
from frontwatch.reconcile.table import columns_from_rows, day_number, prepare


def side_on(result, key: str, day: str) -> tuple[str | None, float]:
    t, s = result.table, result.states
    code = t.place_keys.index(key)
    i = timeline.state_row(s, code, day_number(day))
    if i < 0:
        return None, 0.0
    c = s.controller[i]
    conf = float(timeline.confidence_at(s.top[i], s.total[i], day_number(day) - s.day[i]))
    return (t.sides[c] if c >= 0 else None), conf


def test_control_changes_and_since() -> None:
    rows = [row("A", "2016-11-01", "x", "rebels", "held"), row("B", "2016-11-02", "x", "rebels", "held"),
            row("A", "2016-11-10", "x", "SAA", "gained"), row("B", "2016-11-11", "x", "Tiger Forces", "gained")]
    r = reconcile_rows(rows)
    assert side_on(r, "x", "2016-11-05")[0] == "opposition"
    assert side_on(r, "x", "2016-11-12")[0] == "government"
    code = r.table.place_keys.index("x")
    i = timeline.state_row(r.states, code, day_number("2016-11-12"))
    assert r.states.since[i] == day_number("2016-11-10")
    assert side_on(r, "x", "2016-10-01")[0] is None


def test_volume_does_not_win() -> None:
    # one outlet repeats itself daily; three others each said otherwise once, recently
    rows = [row("Loud", f"2016-11-{d:02d}", "x", "rebels", "held") for d in range(1, 21)]
    rows += [row(s, "2016-11-19", "x", "SAA", "held") for s in ("A", "B", "C")]
    r = reconcile_rows(rows)
    assert side_on(r, "x", "2016-11-20")[0] == "government"


def test_hearsay_and_hypothetical_weigh_less() -> None:
    rows = [row("A", "2016-11-01", "x", "SAA", "held", modality="hearsay"),
            row("B", "2016-11-01", "x", "rebels", "held", modality="asserted"),
            row("C", "2016-11-01", "x", "YPG", "gained", modality="hypothetical"),
            row("D", "2016-11-01", "x", "YPG", "gained", modality="questioned")]
    r = reconcile_rows(rows)
    assert side_on(r, "x", "2016-11-01")[0] == "opposition"
    assert side_on(r, "x", "2016-11-01")[0] != keys.side_of("YPG")


def test_parent_informs_children_not_the_reverse() -> None:
    rows = [row("A", "2016-12-01", "aleppo", "SAA", "held", parents=("syria",)),
            row("B", "2016-12-01", "nayrab", "rebels", "held", parents=("aleppo", "syria")),
            row("C", "2016-12-01", "salheen", "rebels", "held", parents=("aleppo", "syria"), modality="hearsay"),
            row("D", "2016-12-01", "qasileh", "YPG", "held", parents=("aleppo",))]
    r = reconcile_rows(rows)
    # a neighbourhood's own asserted claim outweighs the city-wide one passed down to it ...
    assert side_on(r, "nayrab", "2016-12-02")[0] == "opposition"
    # ... but the city-wide claim outweighs a hearsay claim about the neighbourhood
    assert side_on(r, "salheen", "2016-12-02")[0] == "government"
    # neighbourhood claims never settle the city
    assert side_on(r, "aleppo", "2016-12-02")[0] == "government"
    inherited = r.table.depth > 0
    assert set(np.array(r.table.place_keys)[r.table.place[inherited]]) == {"nayrab", "salheen", "qasileh"}


def test_denial_lowers_confidence_but_keeps_claim() -> None:
    c = row("A", "2016-12-13", None, "YPG", "handed_over", modality="hearsay", field="c1", author="h",
            text="quarters east of Sjeikh Maqsud", relation="east of", anchor="Sheikh Maqsoud", report="rep")
    denial = {"report_id": "rep", "comment_id": "c2", "label": "deny", "target": "comment:c1", "target_claim": None}
    plain = reconcile_rows([c])
    denied = reconcile_rows([c], [denial])
    key = plain.table.place_keys[0]
    assert key == "~east of sheikh maqsoud"
    side_a, conf_a = side_on(plain, key, "2016-12-13")
    side_b, conf_b = side_on(denied, key, "2016-12-13")
    assert side_a == side_b == keys.side_of("YPG")
    assert 0 < conf_b < conf_a < 0.5
    assert "rep:0" in denied.table.denials


def test_contested_flag_on_siege_and_fresh_contradiction() -> None:
    rows = [row("A", "2016-11-01", "x", "rebels", "held"), row("B", "2016-11-02", "x", "SAA", "contested"),
            row("C", "2016-11-02", "x", "SAA", "contested")]
    r = reconcile_rows(rows)
    code = r.table.place_keys.index("x")
    i = timeline.state_row(r.states, code, day_number("2016-11-02"))
    assert r.states.contested[i]
    assert r.table.sides[r.states.controller[i]] == "opposition"


def brute_force(table, vote) -> dict[tuple[int, int], np.ndarray]:
    """Masses per (place, day) straight from the definition (no contested claims here).

    Each source's vote about a place: its first day's claims (the strongest sets the day's mass);
    each later day keeps (1 - UPDATE) of the faded previous vote and adds UPDATE of the new
    claims. On a day, the mass is each source's latest vote, faded since.
    """
    by = defaultdict(list)
    for i in range(len(table)):
        by[(int(table.place[i]), int(table.source[i]))].append(i)
    n_sides = len(table.sides)
    history: dict[tuple[int, int], list[tuple[int, np.ndarray]]] = {}
    for key, idx in by.items():
        days = sorted({int(table.day[i]) for i in idx})
        v = None
        out = []
        for day in days:
            group = [i for i in idx if table.day[i] == day]
            a = np.array([table.weight[i] * vote[i] for i in group])
            share = a.max() / a.sum() if a.sum() > 0 else 0.0
            own = np.zeros(n_sides)
            for i, ai in zip(group, a, strict=True):
                own[table.side[i]] += ai * share
            if v is None:
                v = own
            else:
                v = (1 - timeline.UPDATE) * v * math.exp(-(day - out[-1][0]) / timeline.TAU) + timeline.UPDATE * own
            out.append((day, v))
        history[key] = out
    result = {}
    rows = sorted({(int(p), int(d)) for p, d in zip(table.place, table.day, strict=True)})
    for p, d in rows:
        mass = np.zeros(n_sides)
        for (pp, _), hist in history.items():
            seen = [(day, v) for day, v in hist if pp == p and day <= d]
            if seen:
                day, v = seen[-1]
                mass += v * math.exp(-(d - day) / timeline.TAU)
        result[(p, d)] = mass
    return result


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 400), st.integers(0, 3),
                          st.sampled_from(["asserted", "reported", "hearsay"])), min_size=1, max_size=30))
def test_vectorised_masses_match_definition(items) -> None:
    ctrl = ["SAA", "rebels", "YPG", "ISIS"]
    rows = [row(f"s{s}", str(np.datetime64("2015-01-01") + d), f"p{p}", ctrl[c], "held", modality=m)
            for p, s, d, c, m in items]
    table = prepare(columns_from_rows(rows))
    vote = np.linspace(0.5, 2.0, len(table))
    states = timeline.compute(table, vote)
    expected = brute_force(table, vote)
    assert len(states.day) == len(expected)
    for i, (p, d) in enumerate(zip(states.place, states.day, strict=True)):
        mass = expected[(int(p), int(d))]
        votes = mass.copy()
        votes[table.contested_code] = -1
        assert math.isclose(states.top[i], votes.max(), rel_tol=1e-9, abs_tol=1e-9)
        assert math.isclose(states.total[i], mass.sum(), rel_tol=1e-9, abs_tol=1e-9)


def test_unresolved_mention_joins_the_resolved_place_of_the_same_name() -> None:
    rows = [row("A", "2016-11-01", "gn:1", "SAA", "held", text="Manbij"),
            row("B", "2016-11-02", None, "YPG", "held", text="Manbij"),
            row("C", "2016-11-02", None, "YPG", "held", text="Tal Hamra")]
    rows[0]["place_name"] = "Manbij"
    r = reconcile_rows(rows)
    assert set(r.table.place_keys) == {"gn:1", "~tal hamra"}


def test_unresolved_name_joins_the_place_that_took_most_of_its_mentions() -> None:
    rows = [row(s, "2016-11-01", "gn:1", "SAA", "held", text="Palmyra") for s in "ABCD"]
    rows += [row("E", "2016-11-01", "gn:2", "SAA", "held", text="Palmyra")]  # the geoparser's stray reading
    rows += [row("F", "2016-11-02", None, "ISIS", "held", text="Palmyra")]
    r = reconcile_rows(rows)
    assert "~palmyra" not in r.table.place_keys
    # an even split is no evidence for either place: the mention keeps its own key
    even = [row("A", "2016-11-01", "gn:1", "SAA", "held", text="Tell"), row("B", "2016-11-01", "gn:2", "SAA", "held", text="Tell"),
            row("C", "2016-11-02", None, "ISIS", "held", text="Tell")]
    assert "~tell" in reconcile_rows(even).table.place_keys


def test_early_announcements_weigh_less_than_holding_reports() -> None:
    """A source whose capture reports run ahead of everyone else's loses weight on those, not on the rest."""
    rows = []
    for i, place in enumerate(f"gn:{n}" for n in range(12)):
        d = 1 + 2 * i
        rows += [row("Early", f"2016-11-{d:02d}", place, "SAA", "gained"),  # announced 6 days early
                 row("Early", f"2016-11-{d:02d}", f"gn:h{i}", "SAA", "held")]
        for src in ("A", "B", "C"):
            rows += [row(src, f"2016-11-{d:02d}", place, "rebels", "held"),
                     row(src, f"2016-11-{d + 6:02d}", place, "SAA", "gained"),
                     row(src, f"2016-11-{d:02d}", f"gn:h{i}", "SAA", "held")]
    r = reconcile_rows(rows)
    t = r.table
    early = t.sources.index("Early")
    m_change = (t.source == early) & t.is_change
    m_held = (t.source == early) & ~t.is_change
    claim_vote = r.states.claim_mass / np.maximum(t.weight, 1e-12)  # each claim's reliability weight
    assert claim_vote[m_change].mean() < 0.5 * claim_vote[m_held].mean()
