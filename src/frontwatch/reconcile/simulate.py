"""A ground-truth scenario: a known control history, the outlets and commenters that report
it with set biases, the reports they would publish (text, in the article + thread genre),
and the claims those reports make (for evaluating reconciliation without the extractor).

The history runs over real places (coordinates approximate): an Aleppo front where the
government takes rebel-held neighbourhoods one by one after a siege, a long siege near
Damascus that ends in a capture, a rebel counter-offensive in Hama/Idlib, a town that changes
hands twice in the desert, a handover of a neighbourhood to the YPG, and a ceasefire during
which no place changes hands. Outlets: accurate, lagging (reports late, without dates),
partisan (announces its side's gains early, never admits its losses, invents a reversal now
and then; publishes twice as much), fabricating (random false captures); commenters repeat
rumours, true or not, and others answer "False report!".
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError

SIDES = ("government", "opposition", "sdf", "isis")
ACTOR_TEXT = {
    "government": ("Government forces", "The Syrian army", "Pro-government forces"),
    "opposition": ("Rebels", "Opposition fighters", "Rebel groups"),
    "sdf": ("The YPG", "Kurdish YPG fighters"),
    "isis": ("Islamic State fighters", "ISIS militants"),
}
HOLD_TEXT = {"government": "government forces", "opposition": "rebels", "sdf": "the YPG", "isis": "ISIS"}
SELF_CLAIMANT = {"government": ("The Syrian army", "it"), "opposition": ("Rebels", "they"),
                 "sdf": ("The YPG", "it"), "isis": ("ISIS", "it")}

# (id, name, parent city id or "", lat, lon) — coordinates approximate (public maps)
PLACES: tuple[tuple[str, str, str, float, float], ...] = (
    ("sim:aleppo", "Aleppo", "", 36.202, 37.158),
    ("sim:bab-al-nayrab", "Bab al-Nayrab", "sim:aleppo", 36.197, 37.172),
    ("sim:salaheddine", "Salaheddine", "sim:aleppo", 36.183, 37.130),
    ("sim:sheikh-saeed", "Sheikh Saeed", "sim:aleppo", 36.165, 37.170),
    ("sim:al-sukkari", "al-Sukkari", "sim:aleppo", 36.175, 37.150),
    ("sim:bustan-al-qasr", "Bustan al-Qasr", "sim:aleppo", 36.190, 37.135),
    ("sim:hanano", "Hanano", "sim:aleppo", 36.225, 37.185),
    ("sim:al-shaar", "al-Shaar", "sim:aleppo", 36.210, 37.180),
    ("sim:tariq-al-bab", "Tariq al-Bab", "sim:aleppo", 36.205, 37.190),
    ("sim:karm-al-jabal", "Karm al-Jabal", "sim:aleppo", 36.210, 37.170),
    ("sim:al-ansari", "al-Ansari", "sim:aleppo", 36.178, 37.140),
    ("sim:sheikh-maqsoud", "Sheikh Maqsoud", "sim:aleppo", 36.228, 37.160),
    ("sim:bustan-al-basha", "Bustan al-Basha", "sim:aleppo", 36.222, 37.168),
    ("sim:darayya", "Darayya", "", 33.458, 36.236),
    ("sim:douma", "Douma", "", 33.572, 36.402),
    ("sim:harasta", "Harasta", "", 33.558, 36.365),
    ("sim:madaya", "Madaya", "", 33.688, 36.099),
    ("sim:zabadani", "Zabadani", "", 33.725, 36.097),
    ("sim:morek", "Morek", "", 35.371, 36.686),
    ("sim:khan-shaykhun", "Khan Shaykhun", "", 35.441, 36.651),
    ("sim:saraqib", "Saraqib", "", 35.862, 36.800),
    ("sim:maarat-al-numan", "Maarat al-Numan", "", 35.648, 36.673),
    ("sim:palmyra", "Palmyra", "", 34.551, 38.268),
    ("sim:manbij", "Manbij", "", 36.528, 37.955),
    ("sim:al-rastan", "al-Rastan", "", 34.927, 36.733),
)
START = dt.date(2016, 9, 1)
MIN_DAYS = 30
#: Chance that an outlet covers a change of hands on each of the two days after it.
NEWS_COVER = 0.35
OUTLETS = ("Levant Wire", "Frontline Monitor", "Syria Report", "North Press Agency", "Arab Dispatch", "Orient Watch",
           "Valley Times", "Euphrates Post", "Damascus Daily", "Free Syria Voice", "Sham Insider", "Gulf Courier")
COMMENTERS = ("Karim Haddad", "Anna Berg", "Mike Dolan", "Sami Azar", "Lena Fischer", "Omar Nasser", "Jon Price",
              "Rita Mendes", "Yusuf Kaya", "Ella Stone")


@dataclass
class Outlet:
    name: str
    kind: str  # accurate, lagging, partisan, fabricating
    side: str | None = None
    rate: float = 0.6  # reports per day
    lag: int = 0


@dataclass
class Scenario:
    seed: int
    days: int
    truth: dict[str, list[str]]  # place id -> side per day
    contested: dict[str, list[bool]]
    outlets: list[Outlet]
    reports: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    stances: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def generate(cls, seed: int = 1, days: int = 90, bad_share: float = 0.3, n_outlets: int = 10) -> Scenario:
        if days < MIN_DAYS:
            raise InputError(f"a scenario needs at least {MIN_DAYS} days, not {days}", where="--days")
        if not 0.0 <= bad_share <= 0.9:
            raise InputError(f"--bad-share must be between 0 and 0.9, not {bad_share}", where="--bad-share")
        rng = random.Random(seed)
        truth, contested = _history(rng, days)
        n_bad = round(bad_share * n_outlets)
        names = rng.sample(OUTLETS, n_outlets)
        kinds: list[tuple[str, str | None]] = []
        bad_kinds = [("partisan", "government"), ("partisan", "opposition"), ("fabricating", None)]
        for i in range(n_bad):
            kinds.append(bad_kinds[i % len(bad_kinds)])
        kinds.append(("lagging", None))
        kinds += [("accurate", None)] * (n_outlets - len(kinds))
        outlets = []
        for name, (kind, side) in zip(names, kinds, strict=True):
            rate = 1.2 if kind == "partisan" else 0.6
            outlets.append(Outlet(name, kind, side, rate, lag=rng.randint(4, 8) if kind == "lagging" else 0))
        sc = cls(seed, days, truth, contested, outlets)
        _publish(sc, rng)
        return sc


def _history(rng: random.Random, days: int) -> tuple[dict[str, list[str]], dict[str, list[bool]]]:
    ctrl: dict[str, list[str]] = {}
    cont: dict[str, list[bool]] = {}
    init = {pid: "opposition" for pid, *_ in PLACES}
    init.update({"sim:aleppo": "government", "sim:sheikh-maqsoud": "sdf", "sim:manbij": "sdf",
                 "sim:palmyra": "government", "sim:harasta": "government", "sim:morek": "government",
                 "sim:al-rastan": "opposition"})
    changes: list[tuple[str, int, str, int]] = []  # place, day, new side, siege days before
    ceasefire = (int(days * 0.45), int(days * 0.62))
    free_days = [d for d in range(5, days - 3) if not ceasefire[0] <= d <= ceasefire[1]]
    aleppo = ["sim:bab-al-nayrab", "sim:hanano", "sim:al-shaar", "sim:tariq-al-bab", "sim:karm-al-jabal",
              "sim:salaheddine", "sim:al-sukkari", "sim:sheikh-saeed", "sim:al-ansari", "sim:bustan-al-qasr"]
    rng.shuffle(aleppo)
    front_days = sorted(rng.sample(free_days, len(aleppo)))
    for pid, d in zip(aleppo, front_days, strict=True):
        changes.append((pid, d, "government", rng.randint(3, 7)))
    changes.append(("sim:bustan-al-basha", rng.choice(free_days), "sdf", 0))  # handover
    changes.append(("sim:darayya", rng.choice(free_days[len(free_days) // 2:]), "government", 20))
    for pid in ("sim:morek", "sim:harasta"):
        changes.append((pid, rng.choice(free_days), "opposition", rng.randint(2, 5)))
    d1 = rng.choice(free_days[: len(free_days) // 2])
    d2 = rng.choice([d for d in free_days if d > d1 + 12] or [days - 4])
    changes += [("sim:palmyra", d1, "isis", 4), ("sim:palmyra", d2, "government", 6)]
    sieges = [("sim:madaya", 0, days), ("sim:zabadani", int(days * 0.2), int(days * 0.7))]
    for pid, *_ in PLACES:
        ctrl[pid] = [init[pid]] * days
        cont[pid] = [False] * days
    for pid, day, side, siege in sorted(changes, key=lambda c: c[1]):
        for d in range(day, days):
            ctrl[pid][d] = side
        for d in range(max(0, day - siege), min(days, day + 3)):
            cont[pid][d] = True
        for d in range(max(0, day - 2), day):
            cont[pid][d] = True
    for pid, a, b in sieges:
        for d in range(a, b):
            cont[pid][d] = True
    # the city is government-held throughout; its rebel quarters make it contested while they last
    return ctrl, cont


def _date_text(day: int) -> str:
    d = START + dt.timedelta(days=day)
    return f"{d.day} {d.strftime('%B')}"


def _publish(sc: Scenario, rng: random.Random) -> None:
    place_ids = [p[0] for p in PLACES]
    info = {p[0]: p for p in PLACES}
    n_report = 0
    changed_on = {d: [pid for pid in place_ids if d > 0 and sc.truth[pid][d] != sc.truth[pid][d - 1]]
                  for d in range(sc.days)}
    for day in range(sc.days):
        for outlet in sc.outlets:
            n = int(outlet.rate) + (1 if rng.random() < outlet.rate - int(outlet.rate) else 0)
            seen = max(0, day - outlet.lag)
            # a place that just changed hands is news: most outlets cover it within two days
            news = [pid for d in range(max(0, seen - 2), seen + 1) for pid in changed_on[d] if rng.random() < NEWS_COVER]
            if news and n == 0:
                n = 1
            for i in range(n):
                sentences = []
                chosen = rng.sample(place_ids, rng.randint(1, 3))
                if i == 0:
                    chosen = list(dict.fromkeys(news + chosen))
                for pid in chosen:
                    s = _outlet_claim(sc, rng, outlet, pid, day, info)
                    if s:
                        sentences.append(s)
                    if s and s["change"] == "contested" and outlet.kind != "fabricating" and rng.random() < 0.5:
                        # "... remains under siege by X. Rebels still hold it." names the holder too
                        holder = sc.truth[pid][max(0, day - outlet.lag)]
                        sentences.append({**s, "side": holder, "change": "held"})
                if not sentences:
                    continue
                n_report += 1
                _make_report(sc, rng, outlet, day, sentences, n_report, info)


def _outlet_claim(sc: Scenario, rng: random.Random, o: Outlet, pid: str, day: int,
                  info: dict[str, tuple[str, str, str, float, float]]) -> dict[str, Any] | None:
    """One claim sentence an outlet would write about place ``pid`` on ``day`` (or None)."""
    if pid == "sim:aleppo":
        return None  # the city as a whole: only the neighbourhoods are reported
    seen_day = max(0, day - o.lag)
    truth = sc.truth[pid]
    side = truth[seen_day]
    besieged = sc.contested[pid][seen_day] and (seen_day + 1 >= sc.days or truth[min(sc.days - 1, seen_day + 5)] == side)
    recent = [d for d in range(max(0, seen_day - 2), seen_day + 1) if d > 0 and truth[d] != truth[d - 1]]
    as_of: int | None = None if o.kind == "lagging" else seen_day
    change, modality, claimant = "held", "asserted", None
    if o.kind == "fabricating" and rng.random() < 0.45:
        side = rng.choice([s for s in SIDES[:3] if s != truth[day]])
        change = "gained"
        as_of = day - rng.randint(0, 2)
    elif o.kind == "partisan":
        own = o.side
        lost_recently = any(truth[d] == own for d in range(max(0, day - 15), day)) and truth[day] != own
        future = truth[min(sc.days - 1, day + 6)]
        if lost_recently:
            side, change = own, "held"  # never admits a loss
        elif future == own and truth[day] != own:
            side, change, as_of = own, "gained", day  # announces the gain early
        elif truth[day] != own and rng.random() < 0.12:
            side, change = own, "gained"  # an invented reversal
            modality, claimant = "reported", own
        elif recent:
            change = "gained"
    elif recent:
        change = "gained"
        as_of = recent[-1] if o.kind != "lagging" else None
    elif besieged:
        change = "contested"
        besieger = next((s for s in SIDES if s != side and any(truth[d] == s for d in range(sc.days))), "government")
        side = besieger
    if change == "held" and rng.random() < 0.5 and o.kind != "partisan":
        return None  # outlets mostly write about what changes
    return {"place": pid, "side": side, "change": change, "as_of": as_of, "modality": modality, "claimant": claimant,
            "prev": truth[max(0, seen_day - 3)]}


def _sentence(rng: random.Random, c: dict[str, Any], name: str, published_day: int) -> str:
    side, change = c["side"], c["change"]
    actor = rng.choice(ACTOR_TEXT[side])
    date = f" on {_date_text(c['as_of'])}" if c["as_of"] is not None and c["as_of"] != published_day else ""
    if c["modality"] == "reported":
        who, pron = SELF_CLAIMANT[side]
        return f"{who} said {pron} had retaken {name}."
    if change == "gained":
        if c["prev"] == "opposition" and side == "sdf":
            return f"Rebels handed over {name} to {HOLD_TEXT[side]}{date}."
        verb = rng.choice(("captured", "took full control of", "seized"))
        return f"{actor} {verb} {name}{date}."
    if change == "contested":
        return f"{name} remains under siege by {HOLD_TEXT[side]}."
    return f"{name} remains under the control of {HOLD_TEXT[side]}."


def _make_report(sc: Scenario, rng: random.Random, o: Outlet, day: int, claims: list[dict[str, Any]], n: int,
                 info: dict[str, tuple[str, str, str, float, float]]) -> None:
    rid = f"sim{sc.seed}-{n:05d}"
    published = START + dt.timedelta(days=day)
    url = f"https://{o.name.lower().replace(' ', '')}.example/{rid}"
    body_parts = []
    report_claims = []
    for c in claims:
        name = info[c["place"]][1]
        sent = _sentence(rng, c, name, day)
        body_parts.append(sent)
        report_claims.append((c, name, sent, "body", None))
    first = info[claims[0]["place"]][1]
    title = f"{first}: latest from the front"
    comments: list[tuple[str, str]] = []
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        author = rng.choice(COMMENTERS)
        pid = rng.choice([p[0] for p in PLACES[1:]])
        name = info[pid][1]
        true_side = sc.truth[pid][day]
        rumour_true = rng.random() < 0.5
        side = true_side if rumour_true else rng.choice([s for s in SIDES[:3] if s != true_side])
        phrase = rng.choice(ACTOR_TEXT[side]).removeprefix("The ")
        if not phrase.split()[0].isupper():
            phrase = phrase[0].lower() + phrase[1:]
        text = f"I've read that {phrase} have taken {name}."
        cid = f"c{len(comments) + 1}"
        comments.append((author, text))
        hc = {"place": pid, "side": side, "change": "gained", "as_of": None, "modality": "hearsay", "claimant": None}
        report_claims.append((hc, name, text, cid, author))
        if rng.random() < (0.6 if not rumour_true else 0.1):
            deny_id = f"c{len(comments) + 1}"
            comments.append((rng.choice([a for a in COMMENTERS if a != author]), "False report!"))
            sc.stances.append({"report_id": rid, "comment_id": deny_id, "label": "deny", "target": f"comment:{cid}",
                               "target_claim": None, "confidence": 0.9, "author": comments[-1][0],
                               "evidence_text": "False report!"})
    lines = [f"Source: {o.name}", f"Published: {published.isoformat()}", f"URL: {url}", "", title, "",
             "\n\n".join(body_parts), ""]
    for author, text in comments:
        lines += [author, text, ""]
    sc.reports.append({"id": rid, "source": o.name, "published": published.isoformat(), "url": url,
                       "text": "\n".join(lines)})
    for idx, (c, name, sent, fld, author) in enumerate(report_claims):
        parent = info[c["place"]][2]
        sc.claims.append({
            "claim_id": f"{rid}:{idx}", "report_id": rid, "idx": idx, "source": o.name, "url": url,
            "published": published.isoformat(), "field": fld, "comment_author": author, "place_id": c["place"],
            "place_name": name, "place_text": name, "lat": info[c["place"]][3], "lon": info[c["place"]][4],
            "place_parents": [parent] if parent else [], "geo_precision": 1, "relation": None, "anchor_name": None,
            "controller": c["side"], "previous_controller": None, "change": c["change"],
            "as_of": (START + dt.timedelta(days=c["as_of"])).isoformat() if c["as_of"] is not None else None,
            "as_of_precision": 1, "modality": c["modality"], "claimant": c["claimant"], "evidence_text": sent,
        })


def write_scenario(sc: Scenario, out: str | Path) -> dict[str, Any]:
    """Reports as text files under ``out/reports``, plus ``truth.json``, ``claims.jsonl``, ``stances.jsonl``."""
    folder = Path(out)
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    for r in sc.reports:
        (folder / "reports" / f"{r['id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
    truth = {
        "seed": sc.seed, "start": START.isoformat(), "days": sc.days,
        "places": [{"id": p[0], "name": p[1], "parent": p[2] or None, "lat": p[3], "lon": p[4],
                    "controller": sc.truth[p[0]], "contested": sc.contested[p[0]]} for p in PLACES],
        "outlets": [o.__dict__ for o in sc.outlets],
        "reports": [{k: v for k, v in r.items() if k != "text"} for r in sc.reports],
    }
    (folder / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    with open(folder / "claims.jsonl", "w", encoding="utf-8") as fh:
        for c in sc.claims:
            fh.write(json.dumps(c) + "\n")
    with open(folder / "stances.jsonl", "w", encoding="utf-8") as fh:
        for s in sc.stances:
            fh.write(json.dumps(s) + "\n")
    return {"reports": len(sc.reports), "claims": len(sc.claims), "stances": len(sc.stances), "out": str(folder)}
