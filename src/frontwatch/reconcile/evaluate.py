"""Figures: control accuracy, contested-day accuracy and calibration on simulated scenarios
(against two baselines), and reconcile time / status latency at scale."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from frontwatch.reconcile.engine import Reconciled, reconcile_columns, reconcile_rows
from frontwatch.reconcile.keys import norm_text, side_of
from frontwatch.reconcile.simulate import START, Scenario, write_scenario
from frontwatch.reconcile.table import day_number
from frontwatch.reconcile.timeline import confidence_at

MAJORITY_WINDOW = 30
#: Days at the start of a scenario left out (nobody has reported most places yet).
WARMUP = 5
N_BINS = 10


def predictions(result: Reconciled, key: str, first: int, last: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per method: predicted side (object array) and confidence for each day first..last."""
    t, s = result.table, result.states
    n = last - first + 1
    sides = np.array(list(t.sides) + [None], dtype=object)
    if key not in t.place_keys:
        none = np.full(n, None, dtype=object), np.zeros(n)
        return {"reconcile": none, "latest": none, "majority": none}
    code = t.place_keys.index(key)
    lo, hi = int(s.place_start[code]), int(s.place_start[code + 1])
    days = np.arange(first, last + 1)
    idx = lo + np.searchsorted(s.day[lo:hi], days, side="right") - 1
    ok = idx >= lo
    idx_c = np.where(ok, idx, lo)
    ctrl = np.where(ok, s.controller[idx_c], -1)
    raw = s.top[idx_c] * np.exp(-(days - s.day[idx_c]) / 30.0)
    conf = np.where(ok, confidence_at(s.top[idx_c], s.total[idx_c], days - s.day[idx_c]), 0.0)
    out = {"reconcile": (sides[np.where(ctrl >= 0, ctrl, len(t.sides))], conf), "raw": (None, raw)}
    # baselines over the same direct, factual, non-"contested" claims
    m = (t.place == code) & (t.depth == 0) & (t.weight > 0) & (t.side != t.contested_code)
    order = np.lexsort((t.row[m], t.day[m]))
    cd, cs = t.day[m][order], t.side[m][order]
    latest = np.full(n, None, dtype=object)
    major = np.full(n, None, dtype=object)
    major_conf = np.zeros(n)
    for i, d in enumerate(days):
        j = int(np.searchsorted(cd, d, side="right"))
        if j == 0:
            continue
        latest[i] = t.sides[cs[j - 1]]
        k = int(np.searchsorted(cd, d - MAJORITY_WINDOW, side="right"))
        window = cs[k:j] if j > k else cs[:j]
        counts = Counter(window.tolist())
        best, c = counts.most_common(1)[0]
        major[i], major_conf[i] = t.sides[best], c / len(window)
    out["latest"] = (latest, np.ones(n))
    out["majority"] = (major, major_conf)
    return out


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = N_BINS) -> float:
    """Expected calibration error with equal-width bins."""
    if len(conf) == 0:
        return float("nan")
    which = np.minimum((conf * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = which == b
        if sel.any():
            total += sel.sum() * abs(conf[sel].mean() - correct[sel].mean())
    return float(total / len(conf))


def scored_place_days(
    results: Sequence[tuple[Reconciled, dict[str, str]]], truths: Sequence[Mapping[str, Any]]
) -> Iterator[tuple[dict[str, Any], np.ndarray, np.ndarray]]:
    """Per scored place: every method's (prediction, confidence) by day, the true side, contested days.

    Days before WARMUP are not scored; the simulated city itself is not (its quarters are).
    """
    for (result, key_of), truth in zip(results, truths, strict=True):
        first = day_number(truth["start"]) + WARMUP  # type: ignore[operator]
        last = day_number(truth["start"]) + truth["days"] - 1  # type: ignore[operator]
        for place in truth["places"]:
            if place["id"] == "sim:aleppo":
                continue
            tr = np.array([side_of(c) for c in place["controller"][WARMUP:]], dtype=object)
            ct = np.array(place["contested"][WARMUP:], dtype=bool)
            yield predictions(result, key_of.get(place["id"], ""), first, last), tr, ct


def score(sc_truth: Mapping[str, Any], results: Sequence[tuple[Reconciled, dict[str, str]]]) -> dict[str, Any]:
    """Accuracy on settled / contested days and ECE for each method, pooled over scenarios."""
    pooled: dict[str, dict[str, list[Any]]] = {}
    for preds, tr, ct in scored_place_days(results, sc_truth):
        preds.pop("raw", None)
        for method, (pred, conf) in preds.items():
            d = pooled.setdefault(method, {"correct": [], "contested": [], "conf": []})
            d["correct"].append(pred == tr)
            d["contested"].append(ct)
            d["conf"].append(conf)
    out: dict[str, Any] = {}
    for method, d in pooled.items():
        correct = np.concatenate(d["correct"]).astype(bool)
        contested = np.concatenate(d["contested"])
        conf = np.concatenate(d["conf"])
        out[method] = {
            "accuracy": round(float(correct.mean()), 4),
            "settled_accuracy": round(float(correct[~contested].mean()), 4),
            "contested_accuracy": round(float(correct[contested].mean()), 4),
            "ece": round(ece(conf, correct), 4),
            "place_days": int(len(correct)), "contested_days": int(contested.sum()),
        }
    return out


def _keys_by_text(result: Reconciled, truth: Mapping[str, Any]) -> dict[str, str]:
    """Simulated place id -> the place key most of the claims naming it went to (pipeline mode).

    The reports name each simulated place by its name; the geoparser decides which gazetteer
    entry (or unresolved key) that is. A place the geoparser split or missed counts against the
    pipeline (its other claims are lost to another key).
    """
    t = result.table
    texts = np.asarray(result.cols["place_text"], dtype=object)
    direct = t.depth == 0
    votes: dict[str, Counter[str]] = {}
    for row, place in zip(t.row[direct], t.place[direct], strict=True):
        votes.setdefault(norm_text(str(texts[row])), Counter())[t.place_keys[place]] += 1
    out = {}
    for p in truth["places"]:
        c = votes.get(norm_text(p["name"]))
        out[p["id"]] = c.most_common(1)[0][0] if c else ""
    return out


def run_direct(sc: Scenario) -> tuple[Reconciled, dict[str, str]]:
    result = reconcile_rows(sc.claims, sc.stances)
    return result, {p: p for p in sc.truth}


def run_pipeline(sc: Scenario, folder: Path, config: str | None) -> tuple[Reconciled, dict[str, str], dict[str, Any]]:
    """Write the reports, ingest them through the real pipeline into a fresh store, reconcile."""
    from frontwatch.api import Frontwatch
    from frontwatch.reconcile.engine import load_columns

    write_scenario(sc, folder)
    db = folder / "eval.duckdb"
    with Frontwatch(config, db=str(db)) as fw:
        t0 = time.perf_counter()
        ingest = fw.ingest([folder / "reports"])
        seconds = time.perf_counter() - t0
        cols, rows = load_columns(fw.store)
        stances = [s for s in fw.store.stance_rows() if s.get("label") == "deny"]
        info = {"ingested": ingest.stored, "failed": ingest.failed, "claims_extracted": int(len(cols["claim_id"])),
                "claims_simulated": len(sc.claims), "ingest_seconds": round(seconds, 1)}
    if not len(cols["claim_id"]):
        return reconcile_rows([], []), {}, info
    result = reconcile_columns(cols, stances, rows)
    truth = _truth_dict(sc)
    return result, _keys_by_text(result, truth), info


def _truth_dict(sc: Scenario) -> dict[str, Any]:
    from frontwatch.reconcile.simulate import PLACES

    return {"start": START.isoformat(), "days": sc.days,
            "places": [{"id": p[0], "name": p[1], "controller": sc.truth[p[0]], "contested": sc.contested[p[0]]}
                       for p in PLACES]}


def fit_calibration(results: Sequence[tuple[Reconciled, dict[str, str]]], truths: Sequence[Mapping[str, Any]]) -> dict[str, list[float]]:
    """A monotone map raw confidence -> accuracy (pool adjacent violators over 10 quantile bins)."""
    from frontwatch.reconcile import timeline

    saved = timeline.CALIBRATION_X, timeline.CALIBRATION_Y
    timeline.CALIBRATION_X, timeline.CALIBRATION_Y = (0.0, 1.0), (0.0, 1.0)
    confs, corrects = [], []
    try:
        for preds, tr, _contested in scored_place_days(results, truths):
            pred, conf = preds["reconcile"]
            confs.append(conf)
            corrects.append(pred == tr)
    finally:
        timeline.CALIBRATION_X, timeline.CALIBRATION_Y = saved
    conf = np.concatenate(confs)
    correct = np.concatenate(corrects).astype(float)
    edges = np.unique(np.quantile(conf, np.linspace(0, 1, 11)))
    xs, ys, ws = [], [], []
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        sel = (conf >= a) & (conf <= b)
        if sel.any():
            xs.append(float(conf[sel].mean()))
            ys.append(float(correct[sel].mean()))
            ws.append(float(sel.sum()))
    # pool adjacent violators
    i = 0
    while i < len(ys) - 1:
        if ys[i] > ys[i + 1]:
            w = ws[i] + ws[i + 1]
            ys[i] = (ys[i] * ws[i] + ys[i + 1] * ws[i + 1]) / w
            xs[i] = (xs[i] * ws[i] + xs[i + 1] * ws[i + 1]) / w
            ws[i] = w
            del xs[i + 1], ys[i + 1], ws[i + 1]
            i = max(i - 1, 0)
        else:
            i += 1
    return {"x": [0.0] + [round(x, 4) for x in xs] + [1.0], "y": [0.0] + [round(y, 4) for y in ys] + [max(ys[-1], 0.0)]}


def run_eval(seeds: Sequence[int], days: int = 90, bad_share: float = 0.3, direct: bool = True, pipeline: bool = True,
             fit: bool = False, config: str | None = None) -> dict[str, Any]:
    scenarios = [Scenario.generate(seed, days, bad_share) for seed in seeds]
    truths = [_truth_dict(sc) for sc in scenarios]
    out: dict[str, Any] = {"seeds": list(seeds), "days": days, "bad_share": bad_share,
                           "outlets": [[f"{o.kind}{'/' + o.side if o.side else ''}" for o in sc.outlets] for sc in scenarios][0]}
    if direct:
        results = [run_direct(sc) for sc in scenarios]
        out["claims_direct"] = score(truths, results)
        out["claims_direct"]["sources"] = _source_table(results[0][0], scenarios[0])
        if fit:
            out["calibration_fit"] = fit_calibration(results, truths)
    if pipeline:
        from frontwatch.errors import FrontwatchError

        try:
            with tempfile.TemporaryDirectory(prefix="fw-sim-") as tmp:
                runs = [run_pipeline(sc, Path(tmp) / f"seed{sc.seed}", config) for sc in scenarios]
        except FrontwatchError as exc:  # a stage not built yet: report the direct figures only
            out["pipeline_error"] = exc.one_line()
        else:
            out["pipeline"] = score(truths, [(r, k) for r, k, _ in runs])
            out["pipeline"]["ingest"] = [info for _, _, info in runs]
    return out


def _source_table(result: Reconciled, sc: Scenario) -> list[dict[str, Any]]:
    kind = {o.name: f"{o.kind}{'/' + o.side if o.side else ''}" for o in sc.outlets}
    return [{"source": r.source, "kind": kind[r.source], "reliability": round(r.reliability, 3),
             "weight": round(r.weight, 3), "claims": r.n_claims}
            for r in result.reliability if r.source in kind]


def print_report(result: Mapping[str, Any]) -> None:
    print(f"seeds {result['seeds']}, {result['days']} days, {int(result['bad_share'] * 100)}% partisan/fabricating outlets")
    for mode in ("claims_direct", "pipeline"):
        if mode not in result:
            continue
        figs = result[mode]
        label = "simulated claims fed directly (no extractor)" if mode == "claims_direct" else "full pipeline (text -> ingest -> store -> reconcile)"
        print(f"\n== {label}")
        if mode == "pipeline":
            for info in figs["ingest"]:
                print(f"   ingest: {info}")
        print(f"   {'method':<10} {'settled':>8} {'contested':>9} {'all':>6} {'ECE':>6}")
        for method in ("reconcile", "latest", "majority"):
            f = figs[method]
            print(f"   {method:<10} {f['settled_accuracy']:8.3f} {f['contested_accuracy']:9.3f} {f['accuracy']:6.3f} {f['ece']:6.3f}")
        best = max(figs["latest"]["contested_accuracy"], figs["majority"]["contested_accuracy"])
        print(f"   contested-day margin over the better baseline: {100 * (figs['reconcile']['contested_accuracy'] - best):+.1f} points"
              f"  ({figs['reconcile']['place_days']} place-days, {figs['reconcile']['contested_days']} contested)")
        if "sources" in figs:
            print("   source reliability (first seed):")
            for s in figs["sources"]:
                print(f"     {s['source']:<22} {s['kind']:<22} reliability {s['reliability']:.2f} weight {s['weight']:.2f} ({s['claims']} claims)")
    if "pipeline_error" in result:
        print(f"\n== full pipeline: not run ({result['pipeline_error']})")
    if "calibration_fit" in result:
        print(f"\ncalibration fit: CALIBRATION_X = {tuple(result['calibration_fit']['x'])}")
        print(f"                 CALIBRATION_Y = {tuple(result['calibration_fit']['y'])}")


# -- scale ---------------------------------------------------------------------------------
def build_scale_store(path: str, n_claims: int, n_places: int, seed: int = 7) -> Any:
    """A store with ``n_claims`` synthetic claims over ``n_places`` places (SQL-generated)."""
    from frontwatch.store import open_store

    store = open_store(path)
    n_cities = max(1, n_places // 20)
    n_reports = max(1, n_claims // 4)
    sources = 40
    con = store.con
    con.execute(f"SELECT setseed({(seed % 100) / 100})")
    con.execute(
        "INSERT INTO reports (id, source, url, title, published, body, n_comments) "
        f"SELECT 'r' || CAST(i AS TEXT), 'outlet' || CAST(i % {sources} AS TEXT), 'https://x.example/' || CAST(i AS TEXT), "
        f"'t', DATE '2016-01-01' + CAST(floor(random() * 365) AS INTEGER), 'b', 0 FROM range({n_reports}) t(i)"
    )
    con.execute(
        "INSERT INTO claims (report_id, idx, field, place_id, place_name, place_text, lat, lon, place_parents, "
        "geo_precision, controller, change, modality, evidence_text) "
        f"SELECT 'r' || CAST(i // 4 AS TEXT), CAST(i % 4 AS INTEGER), 'body', 'p' || CAST(pl AS TEXT), "
        "'Place ' || CAST(pl AS TEXT), 'Place ' || CAST(pl AS TEXT), 35.0, 37.0, "
        f"CASE WHEN pl < {n_cities} THEN '[]' ELSE '[\"p' || CAST(pl % {n_cities} AS TEXT) || '\"]' END, 1, "
        "CASE WHEN random() < 0.7 THEN (CASE WHEN pl % 3 = 0 THEN 'government' WHEN pl % 3 = 1 THEN 'opposition' "
        "ELSE 'kurdish' END) ELSE (CASE WHEN random() < 0.5 THEN 'SAA' ELSE 'rebels' END) END, "
        "CASE WHEN random() < 0.2 THEN 'gained' WHEN random() < 0.1 THEN 'contested' ELSE 'held' END, "
        "CASE WHEN random() < 0.7 THEN 'asserted' WHEN random() < 0.6 THEN 'reported' ELSE 'hearsay' END, "
        "'Synthetic claim sentence.' "
        f"FROM (SELECT i, CAST(floor(random() * {n_places}) AS INTEGER) AS pl FROM range({n_claims}) t(i))"
    )
    return store


def run_scale(n_claims: int, n_places: int, n_queries: int, keep: str | None = None) -> dict[str, Any]:
    """Reconcile time and ``status`` latency on a synthetic store (DuckDB, this process, one thread)."""
    import os

    from frontwatch.reconcile.index import StatusIndex

    with tempfile.TemporaryDirectory(prefix="fw-scale-") as tmp:
        path = keep or os.path.join(tmp, "scale.duckdb")
        t0 = time.perf_counter()
        store = build_scale_store(path, n_claims, n_places)
        store.con.execute("SET threads = 1")
        build_s = time.perf_counter() - t0
        try:
            index = StatusIndex(store, memory=False)
            t1, c1 = time.perf_counter(), time.process_time()
            summary = index.reconcile()
            reconcile_s, reconcile_cpu = time.perf_counter() - t1, time.process_time() - c1
            rng = np.random.default_rng(1)
            places = [f"p{i}" for i in rng.integers(0, n_places, n_queries)]
            days = [dt.date(2016, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 365, n_queries)]
            latency: dict[str, np.ndarray] = {}
            t2 = time.perf_counter()
            memory = StatusIndex(store, memory=True)
            memory.ensure()
            load_s = time.perf_counter() - t2
            plain = StatusIndex(store, memory=False, packed=False)
            for name, ix in (("lookup", index), ("sql", plain), ("memory", memory)):
                ix.status(places[0], days[0])
                lat, cpu = [], []
                for place, day in zip(places, days, strict=True):
                    q0, c0 = time.perf_counter(), time.process_time()
                    ix.status(place, day)
                    lat.append(time.perf_counter() - q0)
                    cpu.append(time.process_time() - c0)
                latency[name] = np.array(lat) * 1000
                latency[name + "_cpu"] = np.array(cpu) * 1000
            # a one-shot CLI: a fresh index per query (freshness check, place, lookup, evidence;
            # the process start and opening the store are not counted)
            lat, cpu = [], []
            for place, day in zip(places, days, strict=True):
                q0, c0 = time.perf_counter(), time.process_time()
                StatusIndex(store, memory=False, gazetteer=index._gaz).status(place, day)
                lat.append(time.perf_counter() - q0)
                cpu.append(time.process_time() - c0)
            latency["oneshot"], latency["oneshot_cpu"] = np.array(lat) * 1000, np.array(cpu) * 1000
        finally:
            store.close()
    return {
        "claims": n_claims, "places": n_places, "threads": 1, "build_store_s": round(build_s, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "reconcile_wall_s": round(reconcile_s, 1), "reconcile_cpu_s": round(reconcile_cpu, 1),
        "reconcile_breakdown_wall_s": summary["seconds"],
        "votes": summary["votes"], "state_rows": summary["state_rows"],
        "status_queries": n_queries,
        "status_oneshot_p50_ms": round(float(np.percentile(latency["oneshot"], 50)), 2),
        "status_oneshot_p99_ms": round(float(np.percentile(latency["oneshot"], 99)), 2),
        "status_oneshot_cpu_p50_ms": round(float(np.percentile(latency["oneshot_cpu"], 50)), 2),
        "status_oneshot_cpu_p99_ms": round(float(np.percentile(latency["oneshot_cpu"], 99)), 2),
        "status_lookup_p50_ms": round(float(np.percentile(latency["lookup"], 50)), 2),
        "status_lookup_p99_ms": round(float(np.percentile(latency["lookup"], 99)), 2),
        "status_lookup_cpu_p50_ms": round(float(np.percentile(latency["lookup_cpu"], 50)), 2),
        "status_lookup_cpu_p99_ms": round(float(np.percentile(latency["lookup_cpu"], 99)), 2),
        "status_sql_p50_ms": round(float(np.percentile(latency["sql"], 50)), 2),
        "status_sql_p99_ms": round(float(np.percentile(latency["sql"], 99)), 2),
        "memory_index_load_s": round(load_s, 1),
        "status_memory_p50_ms": round(float(np.percentile(latency["memory"], 50)), 2),
        "status_memory_p99_ms": round(float(np.percentile(latency["memory"], 99)), 2),
        "status_sql_cpu_p50_ms": round(float(np.percentile(latency["sql_cpu"], 50)), 2),
        "status_sql_cpu_p99_ms": round(float(np.percentile(latency["sql_cpu"], 99)), 2),
        "status_memory_cpu_p50_ms": round(float(np.percentile(latency["memory_cpu"], 50)), 2),
        "status_memory_cpu_p99_ms": round(float(np.percentile(latency["memory_cpu"], 99)), 2),
    }
