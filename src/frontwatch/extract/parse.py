"""Sentence analysis shared by events and claims: actors, places and trigger words with roles.

A :class:`Doc` holds what the whole report tells about its context (the country most of its
places lie in, its publication date, the non-state actors it is about), so that a generic word
("militants", "government forces") resolves to the actor it denotes. :func:`analyse` turns one
sentence into a :class:`Parsed` sentence: actor mentions, place mentions (from the geoparser,
plus "the city"-style references to the last place, plus — for territorial verbs only — a
capitalised fallback when the geoparser found nothing there) and trigger :class:`Hit` s with
their agent, patient and governed places.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from frontwatch.extract import lexicon, people
from frontwatch.extract.actors import ActorDictionary, Match, choose
from frontwatch.model import Actor, ActorMention, PlaceMention, Report

_CLAUSE_BREAK = re.compile(r";|\s(?:but|while|whereas|although|though|however|meanwhile)\s|\.\s|\s[-–—]\s", re.IGNORECASE)
_REGION_CUT = re.compile(
    r",?\s+(?:located|situated|lying|which|that\s+(?:is|lies|was)|where|who|after|before|following|amid|when|while|despite|since|"
    r"as\s+(?:part|the|a)|in\s+(?:an?|the)\s+(?:operation|offensive|attack|assault|battle)|with\s+the\s+(?:help|support|backing)|"
    r"supported\s+by|backed\s+by|and\s+then)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(
    r"^(?:[\s,]|and|or|&|as\s+well\s+as|the|of|its|nearby|neighbou?rhoods?|districts?|quarters?|villages?|towns?|"
    r"areas?|hills?|stations?|suburbs?|areas?|positions?|parts?)*$",
    re.IGNORECASE,
)
_STORM_BUILDING = lexicon.Trigger("storm_building", re.compile(r"storm", re.IGNORECASE), "clash")
_SUBORDINATE = re.compile(r"\b(?:after|as|when|before|once|because|since|until|whereas|while)\s+", re.IGNORECASE)
#: "the Gaza side of the Rafah crossing": the place is the second name.
_SIDE_OF = re.compile(r"\s+(?:side|part|half|sector|section|end|edge|bank)\s+of\s+(?:the\s+)?", re.IGNORECASE)
#: "militants were encircled in the nearby town of al-Ayadiya": the place of a passive siege follows it.
_IN_PLACE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|inside|at)\s+(?:the\s+)?(?:(?:nearby|neighbouring|neighboring|besieged|key|strategic|northern|southern|eastern|western)\s+)?(?:(?:town|city|village|district|area|enclave)\s+of\s+)?$", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"\b(?:the|a|an|newly|recently|now|once|already|its|their)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s*(?:on|in|near|outside|just|north|south|east|west|the|a|some|about|close)\b[^,;]*$", re.IGNORECASE)
#: "Russia says Syrian forces have retaken X": the one who says it is not the one who did it.
_SAYS = re.compile(r"\s+(?:says|said|claims|claimed|reports|reported|announced|confirmed|insists|insisted|stated|believes)\b", re.IGNORECASE)
_FROM_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:from|of)\b|\s+by\b")
_NAME_AFTER = re.compile(r"\s+(?:control\s+of\s+)?(?:the\s+)?[A-Z\u0600-\u06FF]")
_NOT_TERRITORY = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:to\s+(?:hospital|prison|court|jail)|prisoners?|captives?|hostages?|into\s+custody|by\s+surprise|"
    r"from\s+captivity|into\s+account|charge\s+of|part\s+in|care\s+of)\b"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_COORDINATED = re.compile(r"^\s*(?:over\s+)?(?:by|to)?\s*,?\s*(?:or|and|and\s+then|then)\s*,?\s*$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|gets|get)\s+(?:\w+ly\s+|also\s+|now\s+|all\s+)?$", re.IGNORECASE)
_BY_AFTER = re.compile(r"^\s*(?:over\s+)?(?:by\b|,?\s*(?:or|and)\s+[\w\s]{1,30}?\s+(?:by|to)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Doc:
    """Context for resolving generic actor words in one report."""

    country: str | None
    date: dt.date | None
    nonstate: tuple[Actor, ...]
    dictionary: ActorDictionary

    def state_actor(self, role: str) -> Actor:
        cc = (self.country or "").lower()
        if role == "progov":
            found = self.dictionary.get(f"{cc}-progov") or self.dictionary.get(f"{cc}-military")
        else:
            found = self.dictionary.get(f"{cc}-military") or self._main_state_force()
        if found and found.country == self.country:
            return found
        name = "State Forces" if role == "state" else "Pro-Government Forces"
        return Actor(f"{cc or 'xx'}-{role}-unidentified", f"{name} ({self.country or 'unknown country'})", 1 if role == "state" else 3, "government", country=self.country)

    def _main_state_force(self) -> Actor | None:
        """The theatre's state forces when their id is not ``<cc>-military`` (Sudan's SAF: ``sd-saf``)."""
        if not self.country:
            return None
        found = [a for a in self.dictionary.actors.values() if a.country == self.country and a.inter == 1]
        forces = [a for a in found if "government" not in a.id]
        return (forces or found or [None])[0]

    def plain_actor(self, role: str) -> Actor:
        inter = {"civilians": 7, "protesters": 6, "rioters": 5}[role]
        cc = (self.country or "xx").lower()
        return Actor(f"{cc}-{role}", f"{role.capitalize()} ({self.country or 'unknown country'})", inter, None, country=self.country)

    def nonstate_actor(self, against: set[str], role: str = "nonstate") -> Actor:
        cc = (self.country or "").lower()
        for actor in self.nonstate:
            if (actor.side or actor.id) in against:
                continue
            if role == "rebels" and actor.side != "opposition" and (actor.inter != 2 or self.dictionary.get(f"{cc}-opposition")):
                continue  # "rebels" are the opposition where the theatre has one (Syria), else its leading rebel group (M23)
            if self.country and actor.country not in (None, self.country):
                continue
            return actor
        cc = (self.country or "").lower()
        found = self.dictionary.get(f"{cc}-opposition")
        if found and (found.side or found.id) not in against:
            return found
        if role == "rebels":
            return Actor(f"{cc or 'xx'}-opposition", f"Opposition Rebels ({self.country or 'unknown country'})", 2, "opposition", country=self.country)
        return Actor(f"{cc or 'xx'}-unidentified-armed-group", f"Unidentified Armed Group ({self.country or 'unknown country'})", 3, None, country=self.country)


def make_doc(report: Report, dictionary: ActorDictionary, found: dict[str, list[Match]] | None = None) -> Doc:
    """Focus country (where most places lie) and the non-state actors the report names most.

    ``found`` holds the actor matches of each field when the caller has them already.
    """
    countries: Counter[str] = Counter()
    for pm in report.places:
        place = pm.place or pm.parent
        if place is not None and place.country and pm.kind == "toponym":
            countries[place.country] += 2 if pm.span.field in ("title", "body") else 1
    country = countries.most_common(1)[0][0] if countries else None
    actor_countries: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    named: dict[str, Actor] = {}
    for weight_fields, weight in ((("title", "body"), 3), (None, 1)):
        for name, text in report.fields():
            if weight_fields is not None and name not in weight_fields:
                continue
            if weight_fields is None and name in ("title", "body"):
                continue
            for m in (found[name] if found is not None else dictionary.find(text)):
                if not m.actors:
                    continue
                actor = choose(m.actors, country, report.published)
                if actor.country and all(a.country == actor.country for a in m.actors):
                    actor_countries[actor.country] += 1
                if actor.inter in (2, 3, 4) and actor.side != "government":
                    counts[actor.id] += weight
                    first.setdefault(actor.id, len(first))
                    named[actor.id] = actor
    if actor_countries and (country is None or countries[country] < 2 * max(actor_countries.values())):
        # a named actor of one theatre outweighs one ambiguous place name ("Palmyra", New York)
        best = actor_countries.most_common(1)[0][0]
        if country is None or actor_countries[best] > actor_countries.get(country, 0):
            country = best
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))
    return Doc(country, report.published, tuple(named[a] for a in ranked), dictionary)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets relative to the sentence
    end: int
    actor: ActorMention


@dataclass(frozen=True, slots=True)
class PlaceRef:
    start: int
    end: int
    mention: PlaceMention


@dataclass
class Hit:
    trigger: lexicon.Trigger
    start: int
    end: int
    passive: bool = False
    agent: Mention | None = None
    patient: Mention | None = None
    recipient: Mention | None = None
    places: list[PlaceRef] = field(default_factory=list)
    assoc: list[Mention] = field(default_factory=list)


@dataclass
class Parsed:
    field: str
    offset: int  # sentence start in its field
    text: str
    actors: list[Mention]
    places: list[PlaceRef]
    hits: list[Hit]


def resolve_mentions(report: Report, field_name: str, offset: int, text: str, doc: Doc,
                     places: Sequence[PlaceRef], found: Sequence[Match] | None = None) -> list[Mention]:
    """Actor mentions of a sentence, generic words resolved against the document context.

    ``found`` are the sentence's alias matches (offsets in the sentence) when already known.
    """
    matches = [m for m in (doc.dictionary.find(text) if found is None else found) if not _covered_by_toponym(m, places, text)]
    named_starts = {m.start for m in matches if m.actors}
    matches = [m for m in matches if m.actors or not _of_named(text, m.end, named_starts)]  # "Fighters of the X": X
    named: list[tuple[Match, Actor]] = [(m, choose(m.actors, doc.country, doc.date)) for m in matches if m.actors]
    # the other parties of the sentence, not the source that speaks ("an AFC/M23 spokesperson said")
    against = {a.side or a.id for m, a in named if not _SPEAKER_AFTER.match(text, m.end)} | {"government"}
    out: list[Mention] = []
    named_iter = {id(m): a for m, a in named}
    for m in matches:
        if m.actors:
            actor = named_iter[id(m)]
        elif m.generic in ("state", "progov"):
            actor = doc.state_actor(m.generic)
        elif m.generic in ("nonstate", "rebels"):
            actor = doc.nonstate_actor(against, m.generic)
        else:
            actor = doc.plain_actor(m.generic or "civilians")
        span = report.span(field_name, offset + m.start, offset + m.end)
        out.append(Mention(m.start, m.end, ActorMention(actor, span, m.loaded)))
    return out


_SPEAKER_AFTER = re.compile(r"\s*(?:spokes(?:man|woman|person)|officials?|statement|sources?|media)\b", re.IGNORECASE)

_STATE_ACTS = re.compile(
    r"\s+(?:(?:has|had|have)\s+)?(?:(?:re)?captured|seized|(?:re)?took|retaken|occupied|annexed|invaded|attacked|bombed|struck|shelled|"
    r"withdrew|pulled\s+out|handed\s+over|besieged|(?:has|had|have)\s+(?:long\s+)?held)\b", re.IGNORECASE)


def _of_named(text: str, end: int, named_starts: set[int]) -> bool:
    m = re.match(r"\s+of\s+(?:the\s+)?", text[end : end + 12])
    return bool(m) and end + m.end() in named_starts


def _covered_by_toponym(m: Match, places: Sequence[PlaceRef], text: str = "") -> bool:
    """A country or capital name read as a place stays a place; an armed group's name is an actor.

    A country name that is the subject of a territorial or violent verb ("Israel captured Rafah") acts.
    """
    if not m.actors or not all(a.id.endswith("-government") for a in m.actors):
        return False
    if text and _STATE_ACTS.match(text, m.end):
        return False
    return any(p.start <= m.start and m.end <= p.end and p.mention.kind == "toponym" for p in places)


def drop_actor_places(refs: list[PlaceRef], actors: Sequence[Mention]) -> list[PlaceRef]:
    """Place mentions that overlap an armed group's name ("GNA", "Houthi-held") are not places."""
    return [
        r for r in refs
        if not any(a.start < r.end and r.start < a.end and not (a.actor.actor and a.actor.actor.id.endswith("-government")) for a in actors)
    ]


#: "government forces withdrew." at the end of a clause: the place is the one the sentence's other verb names.
BARE_WITHDRAWAL = re.compile(r"(?:withdr[ae]w|withdrawn|pulled\s+out|retreated)(?:\s+overnight)?\s*(?:[,.;]|$)")


def find_hits(text: str) -> list[Hit]:
    """Trigger words of a sentence, longest first, without overlaps.

    Storming or entering a building is an attack, not an advance into territory.
    """
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    low = text.lower()
    fast = len(low) == len(text)  # lower-casing kept every offset (true for almost all text)
    found: list[tuple[int, int, int, lexicon.Trigger]] = []
    for order, trig in enumerate(lexicon.TRIGGERS):
        for m in (trig.lower.finditer(low) if fast and trig.lower is not None else trig.pattern.finditer(text)):
            found.append((m.start(), -(m.end() - m.start()), order, trig))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    hits: list[Hit] = []
    for start, neglen, _, trig in found:
        end = start - neglen
        if any(start < h.end and h.start < end for h in hits):
            continue
        if trig.name == "withdraw" and not _FROM_AFTER.match(low, end) and not _NAME_AFTER.match(text, end) \
                and not BARE_WITHDRAWAL.match(low, start):
            continue  # "withdrew across the river", "lost two tanks": no place is given up
        if trig.kind == "control" and _NOT_TERRITORY.match(low, end):
            continue  # "taken to hospital", "held prisoner", "took Trump by surprise", "freed from captivity"
        if trig.name == "advance" and lexicon.BUILDING_OBJECT.match(text[end:]):
            trig = _STORM_BUILDING  # "stormed the Abu Shouk camp": an attack on a building or camp, not an advance
        verdict = people.verdict(trig.name, text, start, end)
        if verdict == "skip":
            continue
        if verdict == "people":
            trig = people.PERSON_CAPTURE
        hits.append(Hit(trig, start, end))
    hits.sort(key=lambda h: h.start)
    return hits


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        lo = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return lo, (m.start() if m else len(text))


def assign_roles(p: Parsed, fallback: Sequence[PlaceRef] = ()) -> None:
    """Agent, patient, recipient and governed places of every hit of sentence ``p``.

    ``fallback`` places are used by a territorial verb only when no known place is in reach.
    """
    text = p.text
    for i, hit in enumerate(p.hits):
        lo, hi = clause_bounds(text, hit.start, hit.end)
        nxt = next((h.start for h in p.hits[i + 1 :] if h.trigger.kind == "control"), hi)
        hi_gov = min(hi, nxt) if hit.trigger.kind == "control" else hi
        prev_end = max([h.end for h in p.hits[:i] if h.trigger.kind == "control"] + [lo])
        voice = hit.trigger.voice
        passive = voice == "passive" or (
            voice == "auto" and (bool(_BE_BEFORE.search(text[max(lo, hit.start - 20) : hit.start])) or bool(_BY_AFTER.match(text[hit.end : hi])))
        )
        hit.passive = passive
        before = [a for a in p.actors if lo <= a.start and a.end <= hit.start]
        if len(before) >= 2 and _SAYS.match(text, before[0].end):
            before = before[1:]  # "Russia says Syrian forces have retaken X"; but "the Arakan Army said it had seized X" keeps it
        before_any = [a for a in p.actors if a.end <= hit.start]
        cut = _REGION_CUT.search(text, hit.end, hi)
        after = [a for a in p.actors if hit.end <= a.start and a.end <= (cut.start() if cut and not passive_hint(text, hit, hi) else hi)]
        assoc_after = _assoc_split(text, after)
        after = [a for a in after if a not in assoc_after]
        hit.assoc = assoc_after + _assoc_split(text, before)
        before = [a for a in before if a not in hit.assoc]
        if passive:
            hit.agent = next((a for a in after if _preceded_by(text, a.start, ("by", "to")) or a.start - hit.end <= 2), None)
            source = next((a for a in after if _preceded_by(text, a.start, ("from",))), None)
            hit.patient = source or (before[-1] if before else None)
        elif voice == "nominal":
            # "after the liberation of X, pro-government ...": the main clause's subject; "... of X by Y": Y;
            # "the fall of Raqqa" names no taker unless "to Y" follows
            falls = text[hit.start : hit.end].lower().startswith("fall")
            hit.agent = next((a for a in after if _preceded_by(text, a.start, ("to", "by"))), None) if falls else before[0] if before else next((a for a in after if _preceded_by(text, a.start, ("by",))
                                                       or re.search(r",\s*$", text[max(0, a.start - 3) : a.start])), None)
            hit.patient = next((a for a in after if _preceded_by(text, a.start, ("from",))), None)
        else:
            sub = None
            for sub in _SUBORDINATE.finditer(text, lo, hit.start):
                pass
            own = [a for a in before if sub is not None and a.start >= sub.end()]
            if own:  # "X captured A after Y troops withdrew from B": Y withdrew
                before = own
            hit.agent = before[0] if before else (before_any[-1] if before_any and not after else None)
            if _ADJECTIVAL.search(text[max(lo, hit.start - 25) : hit.start]):
                hit.agent = None  # "fighting Isis in the now liberated city of X": the liberator is not named
            rest = [a for a in after if a is not hit.agent]
            if hit.trigger.kind in ("agreement", "clash") and len(before) >= 2 and re.search(r"\band\b", text[before[0].end : before[1].start]):
                rest = [before[1], *rest]  # "Russia and Ukraine agreed ...", "the SAF and the RSF clashed"
            if hit.agent is None and len(rest) >= 2 and hit.trigger.kind != "control":
                hit.agent, rest = rest[0], rest[1:]
            hit.patient = rest[0] if rest else None
            if hit.trigger.change == "handed_over":
                hit.recipient = next((a for a in after if _preceded_by(text, a.start, ("to",))), None)
        if hit.trigger.kind == "control":
            hit.places = _governed_places(p.text, p.places, hit, prev_end, hi_gov, passive, p.actors)
            if hit.trigger.change == "contested" and any(_preceded_by(text, r.start, ("from",)) for r in hit.places):
                hit.places = []  # "moved into the area from Deir ez-Zor and Raqqa": where they came from
            if passive and hit.trigger.kind == "control":
                # "Kotey, a father of two from west London, ... were seized": where people come from
                hit.places = [r for r in hit.places if not re.search(r"\bfrom\s+(?:the\s+)?(?:\w+\s+){0,1}$", text[max(0, r.start - 20) : r.start])
                              or r.start > hit.end]
            guessable = not (passive and (hit.trigger.name == "capture" or text[hit.start : hit.end].lower().startswith("free")))
            if not hit.places and fallback and guessable:  # people are captured and freed too: no guessing there
                hit.places = _governed_places(p.text, list(fallback), hit, prev_end, hi_gov, passive, p.actors, strict=True)
            prev = next((h for h in reversed(p.hits[:i]) if h.trigger.kind == "control"), None)
            if not hit.places and prev is not None and _COORDINATED.match(text[prev.end : hit.start]):
                hit.places = list(prev.places)
        else:
            hit.places = _event_places(p.text, p.places, hit, lo, hi) or _event_places(p.text, list(fallback), hit, lo, hi)


def passive_hint(text: str, hit: Hit, hi: int) -> bool:
    return bool(_BY_AFTER.match(text[hit.end : hi])) or hit.trigger.voice == "passive"


def _assoc_split(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for a in mentions:
        head = text[max(0, a.start - 45) : a.start]
        cue = lexicon.ASSOC_CUE.search(head)
        if cue and not re.search(r"[;.]", head[cue.end() :]):
            out.append(a)
    return out


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    head = text[max(0, start - 30) : start].lower().split()
    head = [w for w in head if w not in ("the", "a", "an", "its", "their", "some")]
    return bool(head) and head[-1].strip(",") in words


_ACTIVE_GAP = frozenset(
    "the of from out over in into inside control full complete total back town towns city cities village villages district "
    "districts neighbourhood neighbourhoods neighborhood neighborhoods quarter quarters area areas part parts eastern western "
    "northern southern east west north south key strategic nearby remaining rest entire whole besieged held positions position "
    "port military base airbase hill hills and its their large most much all several further deeper suburb suburbs outskirts "
    "centre center old new region province countryside locality border crossing last road highway defences defenses lines "
    "front adjacent near around town's city's remaining vital important main".split()
)
_PASSIVE_GAP = frozenset(
    "has have had been was were is are be being finally now reportedly fully completely also already recently largely entirely "
    "the town city village of and its quickly eventually briefly effectively virtually totally almost nearly partially partly "
    "then later once again reportedly allegedly apparently officially".split()
)


def _close(text: str, start: int, end: int, actors: Sequence[Mention], allowed: frozenset[str], limit: int = 2) -> bool:
    """True when the words between a verb and its place (actors aside) are the kind a place phrase has."""
    gap = list(text[start:end])
    for a in actors:
        if start <= a.start and a.end <= end:
            gap[a.start - start : a.end - start] = " " * (a.end - a.start)
    unknown = 0
    words = re.sub(r"\b(?:adjacent|next|close)\s+to\b", " ", "".join(gap).lower())
    for w in re.findall(r"[\w'’-]+", words):
        if w in ("to", "at", "for", "with", "by", "on", "about", "against"):
            unknown += 3  # "took a flight to Turkey", "take a swipe at Iran"
        elif w not in allowed and not w.isdigit():
            unknown += 1
    return unknown <= limit


def _governed_places(text: str, places: Sequence[PlaceRef], hit: Hit, prev_end: int, hi: int, passive: bool,
                     actors: Sequence[Mention] = (), *, strict: bool = False) -> list[PlaceRef]:
    """The places a territorial verb governs; ``strict`` for guessed names (nothing may stand between)."""
    group = _governed(text, places, hit, prev_end, hi, passive)
    if passive and hit.trigger.name == "besiege":
        inside = next((r for r in places if hit.end <= r.start <= hi and _IN_PLACE.fullmatch(text[hit.end : r.start])), None)
        if inside is not None:
            return [inside]
    if not group:
        return group
    nxt = next((r for r in places if r.start > group[0].end and _SIDE_OF.fullmatch(text[group[0].end : r.start])), None)
    if nxt is not None and len(group) == 1:
        group = [nxt]
    if group[0].start >= hit.end:
        return group if _close(text, hit.end, group[0].start, actors, _ACTIVE_GAP) else []
    if strict and (group[0].start == 0 or not text[: group[0].start].strip(" \"'“‘([")):
        return group if _close(text, group[-1].end, hit.start, actors, _PASSIVE_GAP, limit=0) else []
    gap_start = group[-1].end
    appositive = re.match(r"\s*,[^,;]{0,60},", text[gap_start : hit.start])
    if appositive:  # "eastern Ghouta, on the outskirts of Damascus, has been besieged"
        gap_start += appositive.end()
    return group if _close(text, gap_start, hit.start, actors, _PASSIVE_GAP) else []


def _governed(text: str, places: Sequence[PlaceRef], hit: Hit, prev_end: int, hi: int, passive: bool) -> list[PlaceRef]:
    if passive:
        region = [r for r in places if prev_end <= r.start and r.end <= hit.start]
        if region:
            head = _APPOSITIVE.search(text, prev_end, region[-1].start)
            if head is not None and re.match(r"\s*,", text[region[-1].end : hit.start]):
                outer = [r for r in region if r.end <= head.start()]
                if outer:  # "eastern Ghouta, on the outskirts of Damascus, has been besieged": Ghouta
                    region = outer
        if region or not re.match(r"\s+(?:out\s+)?(?:of|from)\b", text[hit.end : hit.end + 12]):
            return _list_group(text, region, from_end=True)
        # "X were expelled from Homs": the place follows
    cut = _REGION_CUT.search(text, hit.end, hi)
    end = cut.start() if cut else hi
    if hit.trigger.change == "handed_over":
        to = re.search(r"\bto\b", text[hit.end : end])
        region = [r for r in places if hit.end <= r.start and r.end <= (hit.end + to.start() if to else end)]
        if not region:  # "X was handed over to Y": the place comes first
            region = [r for r in places if prev_end <= r.start and r.end <= hit.start]
            return _list_group(text, region, from_end=True)
        return _list_group(text, region, from_end=False)
    region = [r for r in places if hit.end <= r.start and r.end <= end]
    return _list_group(text, region, from_end=False)


def _event_places(text: str, places: Sequence[PlaceRef], hit: Hit, lo: int, hi: int) -> list[PlaceRef]:
    after = [r for r in places if hit.end <= r.start and r.end <= hi]
    if after:
        return _list_group(text, after, from_end=False)
    before = sorted((r for r in places if lo <= r.start and r.end <= hit.start), key=lambda r: r.start)
    return before[-1:]


def _list_group(text: str, refs: list[PlaceRef], *, from_end: bool) -> list[PlaceRef]:
    """The places that form one list ("X, Y and the Z station") at the start (or end) of ``refs``."""
    if not refs:
        return []
    refs = sorted(refs, key=lambda r: r.start)
    if from_end:
        refs = refs[::-1]
    group = [refs[0]]
    for r in refs[1:]:
        a, b = (group[-1], r) if not from_end else (r, group[-1])
        gap = text[a.end : b.start]
        if b.start < a.end or (_LIST_GAP.match(gap.strip()) and re.search(r",|\b(?:and|or|as\s+well\s+as)\b|&", gap)):
            group.append(r)
        else:
            break
    return sorted(group, key=lambda r: r.start)
