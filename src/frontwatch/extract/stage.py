"""The ``extract`` stage: events and control claims from every field of a report.

Title, body and every comment are split into sentences; each sentence gets its actors, places
(from the geoparse stage), dates and trigger words (:mod:`.parse`); each trigger gets its
modality and claimant (:mod:`.modality`). Events of every modality are kept (consumers treat
only :data:`~frontwatch.model.FACTUAL_MODALITIES` as facts); control claims are kept only
when factual — a question, denial, hypothesis or recommendation is never a claim.

Claimant: the named source of a reported statement ("SOHR"); otherwise the writer — the
report's source (outlet) for the article, the comment's author (or ``comment <id>``) for a
comment. Comment ranges that quote the article (:mod:`.quotes`) give no claims.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from frontwatch.extract import actors as actor_dict
from frontwatch.extract import claims as claim_rules
from frontwatch.extract import dates, events, headlines, lexicon, modality, parse, quotes, sentences
from frontwatch.extract import fallback as guess
from frontwatch.extract.actors import ActorDictionary
from frontwatch.model import FACTUAL_MODALITIES, ControlClaim, Event, PlaceMention, Report
from frontwatch.pipeline import Resources, stage

_NOT_EVENT_PLACES = ("demonym", "metonym")
T = TypeVar("T")


def dictionary_for(resources: Resources) -> ActorDictionary:
    """The actor dictionary (packaged, with the user's ``actors`` file merged), loaded once."""
    extra = resources.settings.get("actors") or None
    return resources.get(f"actors:{extra or ''}", lambda: actor_dict.load(extra))  # type: ignore[no-any-return]


@stage("extract", requires=["places"], assigns=["events", "control_claims"])
def extract(report: Report, resources: Resources) -> Report:
    """Events (ACLED and PLOVER types) and control claims, with modality and claimant."""
    if any(headlines.caps_lines(text) for _, text in report.fields()):
        geoparse = headlines.geoparser_for(resources)
        if geoparse is not None:
            report = headlines.add_caps_places(report, geoparse)
    return run(report, dictionary_for(resources))


def run(report: Report, dictionary: ActorDictionary) -> Report:
    """Annotate ``report`` with events and factual control claims."""
    found = {name: dictionary.find(text) for name, text in report.fields()}
    doc = parse.make_doc(report, dictionary, found)
    all_events: list[Event] = []
    all_claims: list[ControlClaim] = []
    article = f"{report.title}\n{report.body}"
    normalised: str | None = None
    for field_name, text in report.fields():
        if not text.strip():
            continue
        if field_name in ("title", "body"):
            writer = report.source or "article"
            base_date = report.published
            quoted: list[tuple[int, int]] = []
        else:
            comment = report.comment(field_name)
            writer = comment.author or f"comment {comment.id}"
            posted = comment.posted
            base_date = (posted.date() if isinstance(posted, dt.datetime) else posted) or report.published
            if normalised is None:
                normalised = quotes.normalise(article)
            quoted = quotes.quoted_ranges(text, article, normalised=normalised)
        ev, cl = _field(report, field_name, text, doc, writer, base_date, quoted, found[field_name])
        all_events.extend(ev)
        all_claims.extend(cl)
    return report.with_(events=tuple(all_events), control_claims=tuple(c for c in all_claims if c.modality in FACTUAL_MODALITIES))


def _field(report: Report, field_name: str, text: str, doc: parse.Doc, writer: str, base_date: dt.date | None,
           quoted: list[tuple[int, int]], found: list[actor_dict.Match]) -> tuple[list[Event], list[ControlClaim]]:
    # Triggers, actor names and dates are found once per field, then handed to each sentence.
    field_hits = parse.find_hits(text)
    field_dates = dates.find(text, base_date)
    every = sorted((pm for pm in report.places if pm.span.field == field_name), key=lambda pm: pm.span.start)
    mentions = [pm for pm in every if pm.kind not in _NOT_EVENT_PLACES]
    by_start = _Window(every, lambda pm: (pm.span.start, pm.span.end))
    event_places = _Window(mentions, lambda pm: (pm.span.start, pm.span.end))
    hit_window = _Window(field_hits, lambda h: (h.start, h.end))
    date_window = _Window(field_dates, lambda d: (d.start, d.end))
    found_window = _Window(found, lambda m: (m.start, m.end))
    out_events: list[Event] = []
    out_claims: list[ControlClaim] = []
    previous_events: list[int] = []
    last_place: PlaceMention | None = None
    last_settlement: PlaceMention | None = None  # the last place the gazetteer knows (not "Kavumu" of "Kavumu airport")
    for s_start, s_end in sentences.split(text):
        sent = text[s_start:s_end]
        here = event_places.inside(s_start, s_end)
        all_here = by_start.inside(s_start, s_end)
        if quotes.inside(quoted, s_start, s_end):
            last_place = here[-1] if here else last_place
            continue
        refs = [parse.PlaceRef(pm.span.start - s_start, pm.span.end - s_start, pm) for pm in here]
        refs += guess.coref_places(report, field_name, s_start, sent, last_place, refs, last_settlement)
        refs.sort(key=lambda r: r.start)
        hits = [parse.Hit(h.trigger, h.start - s_start, h.end - s_start) for h in hit_window.inside(s_start, s_end)]
        date_refs = [dataclasses.replace(d, start=d.start - s_start, end=d.end - s_start) for d in date_window.inside(s_start, s_end)]
        sent_found = [dataclasses.replace(m, start=m.start - s_start, end=m.end - s_start) for m in found_window.inside(s_start, s_end)]
        actors = parse.resolve_mentions(report, field_name, s_start, sent, doc, refs, sent_found)
        refs = parse.drop_actor_places(refs, actors)
        p = parse.Parsed(field_name, s_start, sent, actors, refs, hits)
        fallback: list[parse.PlaceRef] = []
        if any(h.trigger.kind == "control" for h in hits) or claim_rules.has_held_cue(sent):
            known = [parse.PlaceRef(pm.span.start - s_start, pm.span.end - s_start, pm) for pm in all_here]
            fallback = guess.fallback_places(report, field_name, s_start, sent, actors, known + refs, [(d.start, d.end) for d in date_refs])
        if hits:
            parse.assign_roles(p, fallback)
            claim_rules.borrow_places(p)
        statement_for = _statements(report, field_name, s_start, sent, date_refs, base_date, writer)
        st = {i: statement_for(h.start, h.end) for i, h in enumerate(hits)}
        new_events = events.build(p, doc, st)
        new_claims = claim_rules.build(p, st) + claim_rules.held(p, statement_for, fallback)
        if not new_events and lexicon.ASSOC_CUE.search(sent) and previous_events:
            _add_assoc(out_events, previous_events, actors)
        if new_events:
            previous_events = list(range(len(out_events), len(out_events) + len(new_events)))
        out_events.extend(new_events)
        out_claims.extend(new_claims)
        off_route = here if not claim_rules.mentions_route(sent) else [
            pm for pm in here if not claim_rules.on_route(sent, pm.span.start - s_start, pm.span.end - s_start)]
        if off_route:
            last_place = off_route[-1]  # "the town" is not an end of "the road between X and Y"
            settled = [pm for pm in off_route if pm.place is not None]
            last_settlement = settled[-1] if settled else last_settlement
        elif here and last_place is None:
            last_place = here[-1]
    return out_events, out_claims


class _Window(Generic[T]):
    """Items sorted by start; :meth:`inside` returns those wholly within a range (bisect, not a scan)."""

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        self.items = sorted(items, key=lambda x: bounds(x)[0])
        self.bounds = bounds
        self.starts = [bounds(x)[0] for x in self.items]

    def inside(self, start: int, end: int) -> list[T]:
        out = []
        for item in self.items[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]:
            if self.bounds(item)[1] <= end:
                out.append(item)
        return out


def _statements(report: Report, field_name: str, s_start: int, sent: str, date_refs: list[dates.DateRef],
                base_date: dt.date | None, writer: str) -> Callable[[int, int], events.Statement]:
    evidence = report.span(field_name, s_start, s_start + len(sent))
    if date_refs:
        ref = date_refs[0]
        when: tuple[dt.date | None, str | None, int | None] = (ref.date, ref.text, ref.precision)
    else:
        day, precision = dates.default(base_date)
        when = (day, None, precision)

    def statement(start: int, end: int) -> events.Statement:
        att = modality.classify(sent, start, end)
        claimant = att.source if att.modality == "reported" and att.source else writer
        return events.Statement(att.modality, claimant, when[0], when[1], when[2], evidence)

    return statement


def _add_assoc(out: list[Event], indices: list[int], mentions: list[parse.Mention]) -> None:
    for i in indices:
        ev = out[i]
        taken = {a.actor.id for a in (ev.actor1, ev.actor2, *ev.assoc_actors) if a is not None and a.actor is not None}
        extra = tuple(m.actor for m in mentions if m.actor.actor is not None and m.actor.actor.id not in taken)
        if extra:
            out[i] = dataclasses.replace(ev, assoc_actors=ev.assoc_actors + extra)
