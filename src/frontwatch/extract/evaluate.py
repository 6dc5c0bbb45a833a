"""Scoring events and control claims against a gold file (``frontwatch eval events``).

Gold format (JSON Lines, one sentence or short passage per line; see docs/extract.md)::

    {"id": "dev-001", "text": "...", "published": "2017-03-08", "modality": "asserted",
     "events": [{"sub_type": "Government regains territory", "actor1": "government",
                 "actor2": "isis", "place": "Deir Hafer", "date": "2017-03-06", "fatalities": 3}],
     "claims": [{"place": "Deir Hafer", "controller": "government", "change": "gained",
                 "modality": "asserted"}]}

Only factual events and claims are listed; a record whose ``modality`` is questioned, denied
or hypothetical lists none, and every claim produced for it is counted as a claim from a
non-factual statement. An actor is given as an actor id or side; "civilians", "protesters"
and "rioters" match any actor of that ACLED inter code. Places match after normalising case,
accents, "al-" and punctuation, when one name contains the other.
"""

from __future__ import annotations

import dataclasses

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError, InputNotFound
from frontwatch.model import FACTUAL_MODALITIES, ActorMention, PlaceMention, Report

_ROLE_INTER = {"civilians": 7, "protesters": 6, "rioters": 5}


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    published: dt.date | None
    modality: str
    events: tuple[dict[str, Any], ...]
    claims: tuple[dict[str, Any], ...]


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Records of a gold JSONL file; a bad line is an InputError naming it."""
    file = Path(path)
    if not file.exists():
        raise InputNotFound("gold file not found", where=str(file))
    out = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            out.append(GoldRecord(
                str(r.get("id", n)), r["text"], dt.date.fromisoformat(r["published"]) if r.get("published") else None,
                r.get("modality", "asserted"), tuple(r.get("events", ())), tuple(r.get("claims", ())),
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"bad gold record: {exc}", where=f"{file}:{n}", hint="see docs/extract.md for the format") from None
    return out


def norm_place(name: str) -> str:
    name = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    name = re.sub(r"\b(?:al|el|ad|ar|as|ash|at|az|an)[-\s]", "", name)
    name = re.sub(r"\b(?:the|city|town|village|district|province|region|neighbou?rhood)\b", "", name)
    return re.sub(r"[^a-z0-9]", "", name)


def place_ok(gold: str | None, mention: PlaceMention | None) -> bool:
    if gold is None or mention is None:
        return gold is None and mention is None
    g = norm_place(gold)
    for name in (mention.name, mention.span.text, mention.anchor.name if mention.anchor else ""):
        p = norm_place(name)
        if p and g and (p == g or (min(len(p), len(g)) >= 4 and (p in g or g in p))):
            return True
    return False


def actor_ok(gold: str | None, mention: ActorMention | None) -> bool:
    if gold is None or mention is None or mention.actor is None:
        return False
    a = mention.actor
    if gold in _ROLE_INTER:
        return a.inter == _ROLE_INTER[gold]
    return gold in (a.id, a.side)


@dataclass
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self, name: str) -> dict[str, Any]:
        return {"metric": name, "precision": round(self.p, 3), "recall": round(self.r, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "predicted": self.pred, "gold": self.gold}


@dataclass
class Scores:
    records: int = 0
    claims: PRF = field(default_factory=PRF)
    claim_modality_ok: int = 0
    nonfactual_claims: int = 0
    subtypes: dict[str, PRF] = field(default_factory=dict)
    slots: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in ("actor1", "actor2", "place", "date", "fatalities")})
    errors: list[dict[str, Any]] = field(default_factory=list)

    def weighted_subtype_f1(self) -> float:
        total = sum(s.gold for s in self.subtypes.values())
        return sum(s.f1 * s.gold for s in self.subtypes.values()) / total if total else 0.0

    def micro_subtype(self) -> PRF:
        out = PRF()
        for s in self.subtypes.values():
            out.tp, out.pred, out.gold = out.tp + s.tp, out.pred + s.pred, out.gold + s.gold
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "claims": self.claims.row("claim"),
            "claim_modality_accuracy": round(self.claim_modality_ok / self.claims.tp, 3) if self.claims.tp else None,
            "claims_from_nonfactual": self.nonfactual_claims,
            "sub_type_weighted_f1": round(self.weighted_subtype_f1(), 3),
            "sub_type_micro": self.micro_subtype().row("sub_type"),
            "sub_types": {k: v.row(k) for k, v in sorted(self.subtypes.items())},
            "slots": {k: v.row(k) for k, v in self.slots.items()},
        }


def score(records: Iterable[GoldRecord], analyse: Callable[[GoldRecord], Report], *, keep_errors: bool = False) -> Scores:
    s = Scores()
    for rec in records:
        s.records += 1
        report = analyse(rec)
        _score_claims(s, rec, report, keep_errors)
        _score_events(s, rec, report, keep_errors)
    return s


def _score_claims(s: Scores, rec: GoldRecord, report: Report, keep: bool) -> None:
    pred = list(report.control_claims)
    if rec.modality not in FACTUAL_MODALITIES:
        s.nonfactual_claims += len(pred)
    s.claims.pred += len(pred)
    s.claims.gold += len(rec.claims)
    used: set[int] = set()
    for g in rec.claims:
        for i, c in enumerate(pred):
            if i in used or c.change != g["change"] or c.controller != g.get("controller") or not place_ok(g["place"], c.place):
                continue
            if g.get("as_of") and not (c.as_of is not None and c.as_of.isoformat().startswith(str(g["as_of"]))):
                continue  # a claim about the past must carry its own date ("in 2016 the army retook Aleppo")
            used.add(i)
            s.claims.tp += 1
            s.claim_modality_ok += c.modality == g.get("modality", "asserted")
            break
    if keep and (len(used) != len(pred) or len(used) != len(rec.claims)):
        s.errors.append({"id": rec.id, "kind": "claims", "text": rec.text, "gold": rec.claims,
                         "pred": [(c.place.name, c.controller, c.change, c.modality, c.as_of.isoformat() if c.as_of else None) for c in pred]})


def _score_events(s: Scores, rec: GoldRecord, report: Report, keep: bool) -> None:
    pred = [e for e in report.events if e.modality in FACTUAL_MODALITIES]
    gold_types = Counter(g["sub_type"] for g in rec.events)
    pred_types = Counter(e.sub_type for e in pred)
    for t in set(gold_types) | set(pred_types):
        prf = s.subtypes.setdefault(t, PRF())
        prf.gold += gold_types[t]
        prf.pred += pred_types[t]
        prf.tp += min(gold_types[t], pred_types[t])
    if keep and gold_types != pred_types:
        s.errors.append({"id": rec.id, "kind": "events", "text": rec.text, "gold": [g["sub_type"] for g in rec.events],
                         "pred": [(e.sub_type, e.modality) for e in report.events]})
    free = list(range(len(pred)))
    pairs = []
    for g in rec.events:
        ranked = sorted(free, key=lambda i: (pred[i].sub_type != g["sub_type"], not place_ok(g.get("place"), pred[i].place)))
        if ranked:
            pairs.append((g, pred[ranked[0]]))
            free.remove(ranked[0])
    for e in pred:
        for slot in ("actor1", "actor2", "place", "fatalities"):
            s.slots[slot].pred += getattr(e, slot) is not None
        s.slots["date"].pred += e.date is not None and e.date_text is not None  # dates stated in the text
    for g, e in pairs:
        s.slots["actor1"].tp += actor_ok(g.get("actor1"), e.actor1)
        s.slots["actor2"].tp += actor_ok(g.get("actor2"), e.actor2)
        s.slots["place"].tp += g.get("place") is not None and e.place is not None and place_ok(g.get("place"), e.place)
        s.slots["date"].tp += bool(g.get("date")) and e.date is not None and e.date.isoformat() == g.get("date")
        s.slots["fatalities"].tp += g.get("fatalities") is not None and e.fatalities == g.get("fatalities")
    for g in rec.events:
        for slot in ("actor1", "actor2", "place", "date", "fatalities"):
            s.slots[slot].gold += g.get(slot) is not None


def analyser(app: Any | None = None) -> Callable[[GoldRecord], Report]:
    """Runs the configured pipeline up to extract (geoparse when available) on a gold record."""
    from frontwatch.extract import headlines
    from frontwatch.ingest.text import read_text
    from frontwatch.extract import stage as extract_stage
    from frontwatch.pipeline import Resources, get_stage

    resources = app.resources if app is not None else Resources()
    try:
        geoparse = get_stage("geoparse")
    except Exception:  # the geoparser is optional for scoring; claims then use the fallback names
        geoparse = None
    dictionary = extract_stage.dictionary_for(resources)

    def run(rec: GoldRecord) -> Report:
        if "\n" in rec.text.strip():
            # a whole report (headline, article, thread): read as frontwatch reads a text file
            report = dataclasses.replace(read_text(rec.text, published=rec.published), id=rec.id)
        else:
            report = Report(id=rec.id, body=rec.text, published=rec.published)
        if geoparse is not None:
            report = geoparse(report, resources)
            report = headlines.add_caps_places(report, lambda r: geoparse(r, resources))
        return extract_stage.run(report, dictionary)

    return run


def score_plover(path: str | Path, analyse: Callable[[GoldRecord], Report]) -> dict[str, Any]:
    """Event-type accuracy on the PLOVER gold-standard records (a JSON list of records)."""
    from frontwatch.extract import plover

    file = Path(path)
    if file.is_dir():
        files = sorted(p for p in file.iterdir() if p.is_file() and p.suffix in (".txt", ".json", ".jsonl"))
        if not files:
            raise InputNotFound("no PLOVER record file in folder", where=str(file))
        file = files[0]
    if not file.exists():
        raise InputNotFound("PLOVER gold file not found", where=str(file))
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}", where=str(file)) from None
    per: dict[str, PRF] = {}
    right = total = 0
    for r in data:
        if not isinstance(r, dict) or not r.get("text") or r.get("event") in (None, "DOCUMENT"):
            continue
        gold = plover.RENAMED.get(r["event"], r["event"])
        guess = plover.classify(r["text"])
        if guess is None:
            report = analyse(GoldRecord(r.get("id", ""), r["text"], None, "asserted", (), ()))
            guess = next((e.plover for e in report.events if e.plover), None)
        total += 1
        right += guess == gold
        per.setdefault(gold, PRF()).gold += 1
        if guess:
            per.setdefault(guess, PRF()).pred += 1
        if guess == gold:
            per[gold].tp += 1
    support = sum(p.gold for p in per.values())
    weighted = sum(p.f1 * p.gold for p in per.values()) / support if support else 0.0
    return {"records": total, "accuracy": round(right / total, 3) if total else 0.0, "weighted_f1": round(weighted, 3),
            "types": {k: v.row(k) for k, v in sorted(per.items())}}
