"""Control claims: statements that a place changed hands, is contested, or is held.

Territorial verbs give one claim per place they govern ("purged militants from Salheen and
al-Qasileh, and the al-Madi station" gives three). The controller is the actor's side when it
has one (else its id):

- gained ("captured", "liberated", "pushed X from", "fell to", "took full control of"): the
  agent — after "by"/"to" in the passive — gains; the patient is the previous controller;
- handed_over ("handed over to"): the recipient; the giver is the previous controller;
- lost ("withdrew from", "abandoned"): the agent loses the place;
- contested ("besieged", "encircled", "penetrated defences in", "advanced into"): the
  controller is the side that still holds the place when it is named (the besieged, the
  defender), else None;
- held ("ISIS-held Raqqa", "under the control of the SDF", "held by the Houthis").
"""

from __future__ import annotations

import dataclasses
import re

from frontwatch.extract.events import Statement
from frontwatch.extract.parse import BARE_WITHDRAWAL, Mention, Parsed, PlaceRef
from frontwatch.model import Actor, ControlClaim

_HELD_AFTER = re.compile(r"^[-‐\s]?(?:held|controlled|occupied|dominated)\b", re.IGNORECASE)
_HELD_BY = re.compile(
    r"\b(?:under\s+(?:the\s+)?(?:full\s+|complete\s+|firm\s+)?control\s+of|controlled\s+by|held\s+by|occupied\s+by|"
    r"in\s+the\s+hands\s+of|(?:remains?|remained|still)\s+(?:in|under)\s+(?:the\s+)?(?:hands|control)\s+of)\s*",
    re.IGNORECASE,
)
_HOLDS = re.compile(
    r"\s+(?:still\s+|now\s+|firmly\s+|also\s+|effectively\s+)?(?:hold|holds|control|controls|(?:has|have|had)\s+(?:long\s+|always\s+)?(?:held|controlled)|"
    r"(?:is|are|remains?|remained)\s+(?:firmly\s+|still\s+|now\s+)?in\s+(?:full\s+|complete\s+|firm\s+)?control\s+of)\s+",
    re.IGNORECASE,
)
#: What may stand between "hold" and its place: "the village of", "most of the town of", "parts of".
_HOLD_GAP = re.compile(r"(?:(?:the|most|much|all|about|around|nearly|almost|over|some|\d+\s*(?:%|per\s*cent|percent)|parts?|of|key|strategic|nearby|towns?|city|villages?|districts?|port|areas?|centre|center|eastern|western|northern|southern|old|north|south|east|west|around|near)\s+)*", re.IGNORECASE)
_UNDER_X_CONTROL = re.compile(r"\bunder\s+(?:the\s+)?(?:full\s+|complete\s+)?(?P<who>[\w'’ -]{2,40}?)\s+control\b", re.IGNORECASE)


def controller_of(actor: Actor | None) -> str | None:
    """The side of ``actor`` (else its id); civilians, protesters and rioters control nothing."""
    if actor is None or actor.inter in (5, 6, 7):
        return None
    return actor.side or actor.id


def build(p: Parsed, statements: dict[int, Statement]) -> list[ControlClaim]:
    """The control claims of sentence ``p`` (every modality; the stage keeps the non-factual ones out)."""
    claims: list[ControlClaim] = []
    route = mentions_route(p.text)
    for i, hit in enumerate(p.hits):
        if hit.trigger.kind != "control":
            continue
        change = hit.trigger.change or "gained"
        agent = hit.agent.actor.actor if hit.agent else None
        patient = hit.patient.actor.actor if hit.patient else None
        if change == "handed_over":
            recipient = hit.recipient.actor.actor if hit.recipient else (agent if hit.passive else None)
            controller, previous = controller_of(recipient), (None if hit.passive else controller_of(agent))
        elif change == "contested":
            controller, previous = controller_of(patient), None
        elif change == "lost":
            controller, previous = controller_of(agent), None
        else:
            controller = controller_of(agent)
            previous = controller_of(patient)
            if previous is None and not hit.passive:
                previous = _sibling_previous(p, hit, controller)
        if previous == controller:
            previous = None
        if change in ("gained", "lost") and _ALMOST.search(p.text[max(0, hit.start - 16) : hit.start]):
            change, controller, previous = "contested", (previous if change == "gained" else controller), None  # "has almost lost X"
        for place in hit.places:
            if route and on_route(p.text, place.start, place.end):
                continue  # "took control of the road between Wad Madani and Sennar": the road, not the towns
            if change == "gained" and place.start > hit.end and _PARTIAL.search(p.text[hit.end : place.start]):
                if _claimable(place, p.text):
                    claims.append(_claim(place, previous, "contested", None, statements[i]))
                continue  # "regained positions in eastern Vovchansk", "occupied parts of the town": a foothold
            if hit.trigger.name == "expel" and not re.search(r"\b(?:from|out\s+of)\s+(?:the\s+)?(?:\w+\s+){0,3}$", p.text[max(0, place.start - 40) : place.start]):
                continue  # people are ousted and expelled; a place is left "from"
            if _claimable(place, p.text):
                claims.append(_claim(place, controller, change, previous, statements[i]))
    return claims


_TITLE_START = re.compile(r"(?:president|mr|mrs|ms|dr|minister|prime\s+minister)\.?\s", re.IGNORECASE)
_ALMOST = re.compile(r"\b(?:almost|nearly|partly|partially|close\s+to)\s+$", re.IGNORECASE)
_TITLES = re.compile(r"\b(?:president|mr|mrs|ms|dr|general|minister|leader|spokesman|commander|king|prince|sheikh|journalist|reporter)\.?\s+$", re.IGNORECASE)


def _claimable(place: PlaceRef, sentence: str = "") -> bool:
    """Whole countries do not change hands in a sentence ("took a flight to Turkey", "abandon Syria"),
    and a name with a title, a possessive or "who" after it is a person or an organisation."""
    p = place.mention.place
    if p is not None and p.feature == "country":
        return False
    if _TITLE_START.match(place.mention.span.text):
        return False  # "the fall of President Mobutu"
    if sentence:
        after = sentence[place.end : place.end + 8]
        if re.match(r"['’]s\b|,?\s+who\b", after) or _TITLES.search(sentence[max(0, place.start - 25) : place.start]):
            return False
    return True


def _sibling_previous(p: Parsed, hit: object, controller: str | None) -> str | None:
    for other in p.hits:
        if other is hit or other.trigger.kind != "control" or other.patient is None:
            continue
        prev = controller_of(other.patient.actor.actor)
        if prev != controller:
            return prev
    return None


#: A foothold, not the place: "positions in", "parts of", "the outskirts of", "several districts in".
_PARTIAL = re.compile(
    r"^\s*(?:(?:the|its|their|his|our|some|new|former|key|several)\s+)*(?:positions|parts|part|sections?|outskirts|edges?|(?:some|several|two|three|four|a\s+few|many)\s+"
    r"(?:areas|neighbou?rhoods|districts|quarters|streets|villages|buildings|blocks|positions))\s+(?:of|in|on)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: A road, highway or corridor named by its ends: the road changes hands, not the towns at its ends.
_ROUTE_BEFORE = re.compile(
    r"\b(?:road|roads|highway|motorway|route|supply\s+lines?|corridor|railway|rail\s+line)\s+(?:that\s+)?"
    r"(?:between|linking|connecting|from|to|leading\s+to|links|connects)\s+(?:[\w'’-]+\s+){0,5}?(?:(?:and|to|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3})?$",
    re.IGNORECASE,
)
_ROUTE_AFTER = re.compile(r"^(?:\s*[-–—]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+(?:road|highway|motorway|corridor|railway)\b")


_ROUTE_WORD = re.compile(r"road|highway|motorway|route|supply|corridor|rail", re.IGNORECASE)


def mentions_route(sentence: str) -> bool:
    return _ROUTE_WORD.search(sentence) is not None


def on_route(sentence: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` names an end of a road ("the road linking X to Y", "the X-Y highway")."""
    if not _ROUTE_WORD.search(sentence, max(0, start - 90), end + 50):
        return False  # the common case, cheaply
    return bool(_ROUTE_BEFORE.search(sentence[max(0, start - 90) : start]) or _ROUTE_AFTER.match(sentence[end : end + 50]))


def borrow_places(p: Parsed) -> None:
    """A bare withdrawal ("opposition factions entered the city, government forces withdrew"; "the SDF took
    Deir ez-Zor after the army withdrew") is from the place another territorial verb of the sentence names;
    without one it says nothing about territory and is dropped."""
    low = p.text.lower()
    keep = []
    for hit in p.hits:
        if hit.trigger.name == "withdraw" and not hit.places and BARE_WITHDRAWAL.match(low, hit.start):
            near = next((m for m in reversed(p.actors) if m.end <= hit.start and hit.start - m.end <= 3), None)
            agent = near or hit.agent  # "..., government forces withdrew": the subject right before the verb
            other = next((h for h in p.hits if h is not hit and h.trigger.kind == "control" and h.places
                          and h.trigger.change in ("gained", "contested")), None)
            if agent is None or other is None or (other.agent is not None and other.agent.actor.actor == agent.actor.actor):
                continue
            hit.agent, hit.places = agent, list(other.places)
            if other.patient is agent:
                other.patient = None  # the one who withdrew is not the defender left in the place
        keep.append(hit)
    p.hits[:] = keep


def has_held_cue(text: str) -> bool:
    return bool(re.search(r"[-‐](?:held|controlled|occupied)\b|\b(?:hold|holds|controls?|in\s+(?:full\s+)?control\s+of)\b", text, re.I)
                or _HELD_BY.search(text) or _UNDER_X_CONTROL.search(text))


def held(p: Parsed, statement_for: object, fallback: list[PlaceRef] | None = None) -> list[ControlClaim]:
    """Claims that a place is held: 'ISIS-held Raqqa', 'held by the Houthis', 'under SDF control'.

    ``fallback`` (unresolved capitalised names) is used when the geoparser found no place.
    """
    out: list[ControlClaim] = []
    text = p.text
    places = p.places or sorted(fallback or [], key=lambda r: r.start)
    for a in p.actors:
        m = _HELD_AFTER.match(text[a.end : a.end + 14])
        if m:
            reach = 40 if text[a.end : a.end + 1] in "-‐" else m.end() + 2  # "ISIS held Raqqa" only when the place follows
            place = next((r for r in places if a.end < r.start <= a.end + reach), None)
            if place is not None and _claimable(place, text):
                out.append(_claim(place, controller_of(a.actor.actor), "held", None, statement_for(a.end, a.end + 6)))  # type: ignore[operator]
    for a in p.actors:
        m = _HOLDS.match(text, a.end)
        if m:
            place = next((r for r in places if m.end() <= r.start <= m.end() + 40 and _HOLD_GAP.fullmatch(text[m.end() : r.start])), None)
            if place is not None and _claimable(place, text):
                out.append(_claim(place, controller_of(a.actor.actor), "held", None, statement_for(m.start(), m.end())))  # type: ignore[operator]
    for m in _HELD_BY.finditer(text):
        actor = _actor_at(p.actors, m.end(), m.end() + 12)
        place = _place_before(places, m.start(), text)
        if place is not None and not re.fullmatch(r"[\s,]*(?:(?:which|that)\s+(?:is|was|are|were|has\s+been|had\s+been)\s+|(?:is|was|are|were|remains?|remained|has\s+been|have\s+been|had\s+been)\s+)?(?:still\s+|now\s+|long\s+)?", text[place.end : m.start()]):
            place = None  # "a ceremony held by the SDF": the thing held is not the place
        if actor is not None and place is not None and _claimable(place, text):
            out.append(_claim(place, controller_of(actor.actor.actor), "held", None, statement_for(m.start(), m.end())))  # type: ignore[operator]
    for m in _UNDER_X_CONTROL.finditer(text):
        actor = _actor_at(p.actors, m.start("who"), m.end("who"))
        place = _place_before(places, m.start(), text)
        if actor is None and place is not None and m.group("who").strip().lower() in ("its", "their", "his", "our"):
            # "the government said the city was still under its control": the one who speaks before the place
            actor = next((a for a in reversed(p.actors) if a.end <= place.start), None)
        if actor is not None and place is not None and _claimable(place, text):
            out.append(_claim(place, controller_of(actor.actor.actor), "held", None, statement_for(m.start(), m.end())))  # type: ignore[operator]
    return out


def _actor_at(actors: list[Mention], lo: int, hi: int) -> Mention | None:
    return next((a for a in actors if lo <= a.start <= hi), None)


def _place_before(places: list[PlaceRef], pos: int, text: str) -> PlaceRef | None:
    before = [r for r in places if r.end <= pos and not re.search(r"[;.]", text[r.end : pos])]
    return before[-1] if before else None


_PART_OF = re.compile(
    r"\b(?:suburbs?|outskirts|parts?|districts?|areas?|pockets?|enclaves?|countryside|neighbou?rhoods?|corners?|edges?|"
    r"quarters?|villages?\s+(?:near|around))\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _claim(place: PlaceRef, controller: str | None, change: str, previous: str | None, st: Statement) -> ControlClaim:
    mention = place.mention
    if mention.relation is None and mention.span.field == st.evidence.field:
        head = st.evidence.text[max(0, mention.span.start - st.evidence.start - 40) : max(0, mention.span.start - st.evidence.start)]
        if _PART_OF.search(head):  # "a suburb of Damascus held by the opposition": a part of the place, not all of it
            mention = dataclasses.replace(mention, relation="part of", anchor=mention.place, geo_precision=max(mention.geo_precision, 2))
    return ControlClaim(
        place=mention, controller=controller, change=change, evidence=st.evidence,
        previous_controller=previous, as_of=st.date, as_of_precision=st.precision,  # type: ignore[arg-type]
        as_of_text=st.date_text, modality=st.modality, claimant=st.claimant,
    )
