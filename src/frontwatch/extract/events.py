"""Events: ACLED type and sub-type, PLOVER type and mode, actors, place, date and fatalities.

One sentence gives at most one event per kind of trigger (a territorial verb gives one per
place it governs, as ACLED codes one event per location). The sub-type comes from the verb and
from cues in the sentence: weapons (air strike, shelling, IED...), targets (civilians) and the
actor's side (a government's capture is "Government regains territory", anyone else's
"Non-state actor overtakes territory"; handing over and withdrawing are "Non-violent transfer
of territory"). Fatalities follow ACLED's conservative rule: the lowest number stated; vague
quantities count as their lowest reading (:data:`VAGUE`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from frontwatch.extract import lexicon
from frontwatch.extract.parse import Doc, Hit, Parsed
from frontwatch.model import ActorMention, Event, PlaceMention, Span

#: Vague fatality words -> the number counted (the lowest sensible reading, documented).
VAGUE: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a few": 3, "few": 3, "several": 3, "some": 3, "a number of": 3, "many": 10, "a dozen": 12, "dozens": 12,
    "dozens of": 12, "scores": 40, "scores of": 40, "hundreds": 100, "hundreds of": 100, "thousands": 1000, "thousands of": 1000,
}
_NUM = r"(?:\d[\d,]*|" + "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True)) + r")"
_QUAL = r"(?:at\s+least|some|about|around|nearly|almost|more\s+than|over|roughly|approximately|an\s+estimated|between)\s+"
_FATAL = re.compile(
    r"\b(?:" + _QUAL + r")?(?P<n>" + _NUM + r")(?:\s+(?:and|to|-)\s+\d+)?\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was|have\s+been|had\s+been|are|got)\s+)?"
    r"(?:killed|dead|died|slain|perished|deaths|fatalities|lost\s+their\s+lives|bodies|executed|massacred)\b"
    r"|\b(?:killing|killed|kills|left|leaving|death\s+toll\s+(?:rose\s+to|reached|of|stood\s+at))\s+(?:" + _QUAL + r")?(?P<m>" + _NUM + r")\b(?!\s+(?:wounded|injured))",
    re.IGNORECASE,
)


_FATAL_HINT = re.compile(r"kill|dead|died|death|slain|perish|lives|bodies|execut|massacr|toll|leaving|left", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Statement:
    """What every event and claim of one trigger shares: modality, claimant, date, evidence."""

    modality: str
    claimant: str | None
    date: object  # dt.date | None
    date_text: str | None
    precision: int | None
    evidence: Span


def fatalities(text: str) -> int | None:
    """The lowest number of dead stated in ``text``, or None."""
    if not _FATAL_HINT.search(text):
        return None
    found = []
    for m in _FATAL.finditer(text):
        raw = (m.group("n") or m.group("m") or "").lower()
        value = int(raw.replace(",", "")) if raw[:1].isdigit() else VAGUE.get(raw)
        if value is not None and value < 100000:
            found.append(value)
    return min(found) if found else None


def is_state_side(actor: ActorMention | None, doc: Doc) -> bool:
    """Government forces of the country or their affiliates (ACLED inter 1 is home state forces;
    foreign state forces are inter 8 and count as non-state for territory)."""
    if actor is None or actor.actor is None:
        return False
    a = actor.actor
    if a.side == "government":
        return True
    return a.inter == 1 and (doc.country is None or a.country in (None, doc.country))


def control_subtype(hit: Hit, doc: Doc) -> str:
    change = hit.trigger.change
    if change in ("handed_over", "lost"):
        return "Non-violent transfer of territory"
    if change in ("contested", "held"):
        return "Armed clash"
    if hit.agent is None:
        if hit.patient is not None and hit.patient.actor.actor is not None:
            lost_by_state = is_state_side(hit.patient.actor, doc)
            return "Non-state actor overtakes territory" if lost_by_state else "Government regains territory"
        return "Government regains territory" if hit.trigger.name == "retake" else "Non-state actor overtakes territory"
    return "Government regains territory" if is_state_side(hit.agent.actor, doc) else "Non-state actor overtakes territory"


def violent_subtype(text: str, hit: Hit) -> str:
    if hit.trigger.name == "capture_person":
        return "Abduction/forced disappearance"  # people captured or seized by an armed group
    if hit.trigger.name == "storm_building" and lexicon.KILLED_CIVILIANS.match(text, hit.end):
        return "Attack"  # "stormed the city and killed hundreds of civilians"
    for rx, sub in lexicon.VIOLENCE_SUBTYPES:
        if rx.search(text):
            return sub
    for rx, _, sub in lexicon.SUBTYPE_CUES:
        if rx.search(text):
            return sub
    target = hit.patient.actor.actor if hit.patient and hit.patient.actor.actor else None
    if target is not None and target.inter == 7:
        return "Attack"
    if target is None and lexicon.CIVILIAN_TARGET.search(text[hit.end :]) and not re.search(
        r"\b(?:soldiers|fighters|militants|troops|gunmen|rebels|members)\b", text[hit.end :], re.I
    ):
        return "Attack"
    return "Armed clash"


def sentence_subtypes(p: Parsed) -> list[tuple[Hit, str]]:
    """(hit, sub-type) for the events of one sentence."""
    text = p.text
    control = [h for h in p.hits if h.trigger.kind == "control" and h.trigger.change != "held"]
    kinds: dict[str, Hit] = {}
    for h in p.hits:
        if h.trigger.kind != "control":
            kinds.setdefault(h.trigger.kind, h)
    out: list[tuple[Hit, str]] = []
    if "arrest" in kinds and "protest" in kinds and re.search(r"\b(?:protesters|demonstrators|protestors)\b", text[kinds["protest"].start :], re.I) \
            and kinds["arrest"].start < kinds["protest"].start:
        kinds.pop("protest")
    if "disrupt" in kinds:
        kinds.pop("clash", None)
    if "riot" in kinds or "protest" in kinds:
        kinds.pop("looting", None)
    if "protest" in kinds:
        h = kinds.pop("protest")
        if lexicon.PROTEST_FORCE.search(text):
            sub = "Excessive force against protesters"
        elif lexicon.PROTEST_INTERVENTION.search(text):
            sub = "Protest with intervention"
        elif lexicon.RIOT_VIOLENT.search(text):
            sub = "Violent demonstration"
        else:
            sub = "Peaceful protest"
        out.append((h, sub))
        for k in ("clash", "violence", "riot", "arrest"):
            kinds.pop(k, None)
    if "riot" in kinds:
        h = kinds.pop("riot")
        out.append((h, "Mob violence" if lexicon.MOB.search(text) else "Violent demonstration"))
        kinds.pop("clash", None)
        kinds.pop("violence", None)
    violent = [kinds.pop(k) for k in ("clash", "violence") if k in kinds]
    if violent and not control:
        h = min(violent, key=lambda x: x.start)
        out.append((h, violent_subtype(text, h)))
    simple = {"agreement": "Agreement", "arrest": "Arrests", "looting": "Looting/property destruction",
              "disrupt": "Disrupted weapons use", "base": "Headquarters or base established", "change": "Change to group/activity"}
    for kind, h in kinds.items():
        if kind in simple:
            out.append((h, simple[kind]))
    return out


def build(p: Parsed, doc: Doc, statements: dict[int, Statement]) -> list[Event]:
    """The events of sentence ``p``; ``statements`` maps hit index to its modality and date."""
    events: list[Event] = []
    dead = fatalities(p.text)
    for i, hit in enumerate(p.hits):
        if hit.trigger.kind == "control" and hit.trigger.change != "held":
            sub = control_subtype(hit, doc)
            if hit.trigger.name == "advance" and lexicon.KILLED_CIVILIANS.match(p.text, hit.end):
                sub = "Attack"  # "stormed the city of X and killed hundreds of civilians": contested, and an attack
            sibling = next((h.patient for h in p.hits if h is not hit and h.trigger.kind == "control" and h.patient is not None
                            and hit.agent is not None and h.agent is hit.agent), None)
            for place in hit.places or [None]:
                ev = _event(sub, hit, place.mention if place else None, statements[i], dead)
                if ev.actor2 is None and sibling is not None:  # "after the liberation of X, Y purged militants from Z"
                    ev = dataclasses.replace(ev, actor2=sibling.actor)
                events.append(ev)
    index = {id(h): i for i, h in enumerate(p.hits)}
    for hit, sub in sentence_subtypes(p):
        for place in hit.places or [None]:
            ev = _event(sub, hit, place.mention if place else None, statements[index[id(hit)]], dead)
            events.append(_implicit_actors(ev, p, hit, doc))
    return events


_PROTEST_SUBS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
_VICTIM_SUBS = frozenset({
    "Attack", "Abduction/forced disappearance", "Sexual violence", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon", "Mob violence",
})
_ARMED_TARGET = re.compile(r"\b(?:soldiers|fighters|militants|troops|gunmen|rebels|members|positions|base|convoy|patrol|checkpoint|militiamen|police(?:men)?)\b", re.I)


def _implicit_actors(ev: Event, p: Parsed, hit: Hit, doc: Doc) -> Event:
    """Actors the text implies: protesters as actor1 of a protest, civilians as victims."""
    field, offset = ev.evidence.field, ev.evidence.start
    if ev.sub_type in _PROTEST_SUBS:
        protesters = next((m.actor for m in p.actors if m.actor.actor is not None and m.actor.actor.inter == 6), None)
        state = next((m.actor for m in p.actors if m.actor.actor is not None and m.actor.actor.inter in (1, 3)), None)
        if protesters is None:
            m = re.search(r"\b(?:protest\w*|demonstrat\w*|rall\w*|march\w*)", p.text, re.I)
            if m:
                protesters = ActorMention(doc.plain_actor("protesters"), Span(field, offset + m.start(), offset + m.end(), m.group(0), ev.evidence.doc))
        return dataclasses.replace(ev, actor1=protesters or ev.actor1, actor2=state if state is not None and state is not protesters else None)
    if ev.actor2 is None and ev.sub_type in _VICTIM_SUBS:
        rest = p.text[hit.end :]
        m = lexicon.CIVILIAN_TARGET.search(rest) or lexicon.CIVILIAN_TARGET.search(p.text[: hit.start])
        if m and not _ARMED_TARGET.search(rest):
            base = hit.end if lexicon.CIVILIAN_TARGET.search(rest) else 0
            span = Span(field, offset + base + m.start(), offset + base + m.end(), m.group(0), ev.evidence.doc)
            return dataclasses.replace(ev, actor2=ActorMention(doc.plain_actor("civilians"), span))
    return ev


def _event(sub: str, hit: Hit, place: PlaceMention | None, st: Statement, dead: int | None) -> Event:
    acled_type, plover, mode = lexicon.SUBTYPES[sub]
    actor1 = hit.agent.actor if hit.agent else None
    actor2 = hit.patient.actor if hit.patient else (hit.recipient.actor if hit.recipient else None)
    if hit.passive and hit.trigger.kind == "control":
        actor2 = hit.patient.actor if hit.patient else None
    return Event(
        type=acled_type, sub_type=sub, evidence=st.evidence, plover=plover, plover_mode=mode,
        actor1=actor1, actor2=actor2, assoc_actors=tuple(a.actor for a in hit.assoc), place=place,
        date=st.date, date_text=st.date_text, time_precision=st.precision,  # type: ignore[arg-type]
        fatalities=dead, modality=st.modality, claimant=st.claimant,
    )
