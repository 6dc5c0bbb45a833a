"""The JSON contract of DESIGN.md: a :class:`~frontwatch.model.Report` as a plain dict.

``document(report)`` writes one entry of ``documents``; every field of the contract is always
present (lists empty and values ``null`` when a stage did not run). Annotations whose span lies
in a comment are written under that comment; the rest under the document. Fields may be added
here, never removed or renamed without a new major version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontwatch import __version__
from frontwatch.model import (
    ARTICLE_FIELDS,
    ActorMention,
    ControlClaim,
    Event,
    Flag,
    PlaceMention,
    Report,
    Source,
    Stance,
)


def _date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def place_json(m: PlaceMention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    p = m.place
    anchor = m.anchor
    parent = m.parent
    return {
        "text": m.span.text,
        "start": m.span.start,
        "end": m.span.end,
        "field": m.span.field,
        "name": p.name if p else m.span.text,
        "id": p.id if p else None,
        "lat": p.lat if p else (anchor.lat if anchor else (parent.lat if parent else None)),
        "lon": p.lon if p else (anchor.lon if anchor else (parent.lon if parent else None)),
        "feature": p.feature if p else None,
        "geonameid": p.geonameid if p else None,
        "country": p.country if p else (parent.country if parent else None),
        "admin1": p.admin1 if p else (parent.admin1 if parent else None),
        "geo_precision": m.geo_precision,
        "relation": m.relation,
        "anchor": anchor.name if anchor else None,
        "parent": parent.name if parent else None,
        "resolved": p is not None,
        "kind": m.kind,
        "approximate": bool(p and p.approximate),
    }


def actor_json(a: ActorMention | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "name": a.name,
        "id": a.actor.id if a.actor else None,
        "inter": a.actor.inter if a.actor else None,
        "side": a.actor.side if a.actor else None,
        "text": a.span.text,
        "loaded": a.loaded,
    }


def event_json(e: Event) -> dict[str, Any]:
    return {
        "type": e.type,
        "sub_type": e.sub_type,
        "plover": e.plover,
        "plover_mode": e.plover_mode,
        "actor1": actor_json(e.actor1),
        "actor2": actor_json(e.actor2),
        "assoc_actors": [actor_json(a) for a in e.assoc_actors],
        "place": place_json(e.place),
        "date": _date(e.date),
        "date_text": e.date_text,
        "time_precision": e.time_precision,
        "fatalities": e.fatalities,
        "modality": e.modality,
        "claimant": e.claimant,
        "evidence": e.evidence.to_json(),
    }


def claim_json(c: ControlClaim) -> dict[str, Any]:
    return {
        "place": place_json(c.place),
        "controller": c.controller,
        "previous_controller": c.previous_controller,
        "change": c.change,
        "as_of": _date(c.as_of),
        "as_of_precision": c.as_of_precision,
        "as_of_text": c.as_of_text,
        "modality": c.modality,
        "claimant": c.claimant,
        "evidence": c.evidence.to_json(),
    }


def stance_json(s: Stance | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "label": s.label,
        "target": s.target,
        "target_claim": s.target_claim,
        "confidence": round(s.confidence, 4),
        "evidence": s.evidence.to_json() if s.evidence else None,
    }


def source_json(s: Source) -> dict[str, Any]:
    return {"kind": s.kind, "name": s.name, "url": s.url, "start": s.span.start, "end": s.span.end, "text": s.span.text}


def flag_json(f: Flag) -> dict[str, Any]:
    return {
        "category": f.category,
        "start": f.span.start,
        "end": f.span.end,
        "text": f.span.text,
        "score": round(f.score, 4),
        "rationale": f.rationale,
        "target_group": f.target_group,
    }


def document(report: Report) -> dict[str, Any]:
    """One entry of the contract's ``documents`` list."""
    by_comment: dict[str, dict[str, list[Any]]] = {
        c.id: {"places": [], "events": [], "claims": [], "sources": [], "flags": []} for c in report.comments
    }
    stances: dict[str, Stance] = {}
    doc_places, doc_events, doc_claims = [], [], []
    for m in report.places:
        (doc_places if m.span.field in ARTICLE_FIELDS else by_comment[m.span.field]["places"]).append(place_json(m))
    for e in report.events:
        (doc_events if e.evidence.field in ARTICLE_FIELDS else by_comment[e.evidence.field]["events"]).append(event_json(e))
    for c in report.control_claims:
        (doc_claims if c.evidence.field in ARTICLE_FIELDS else by_comment[c.evidence.field]["claims"]).append(claim_json(c))
    for s in report.sources:
        by_comment[s.comment_id]["sources"].append(source_json(s))
    for f in report.flags:
        by_comment[f.comment_id]["flags"].append(flag_json(f))
    for st in report.stances:
        stances[st.comment_id] = st
    comments = []
    for c in report.comments:
        extra = by_comment[c.id]
        comments.append(
            {
                "id": c.id,
                "author": c.author,
                "posted": _date(c.posted),
                "parent": c.parent,
                "language": c.language,
                "split_confidence": round(c.split_confidence, 3),
                "text": c.text,
                "stance": stance_json(stances.get(c.id)),
                "claims": extra["claims"],
                "events": extra["events"],
                "places": extra["places"],
                "sources": extra["sources"],
                "flags": extra["flags"],
            }
        )
    return {
        "id": report.id,
        "path": report.path,
        "source": report.source,
        "url": report.url,
        "title": report.title,
        "published": _date(report.published),
        "language": report.language,
        "body": report.body,
        "places": doc_places,
        "events": doc_events,
        "control_claims": doc_claims,
        "comments": comments,
        "meta": dict(report.meta),
    }


def envelope(reports: list[Report]) -> dict[str, Any]:
    """The whole object ``frontwatch analyze --json`` prints."""
    return {"frontwatch": __version__, "documents": [document(r) for r in reports]}
