"""The data model: read-only values that every stage reads and returns.

A :class:`Report` is the one document type. Stages never mutate it: they return a copy with
more annotations (``dataclasses.replace``). Every annotation points at the text that supports
it through a :class:`Span`: a character range in a named field of the report — ``"title"``,
``"body"`` or a comment id — that always slices back to its ``text``.

Annotations live on the report, not on comments: a place, event or claim found in a comment
has a span whose ``field`` is that comment's id. :mod:`frontwatch.contract` sorts them into
the article and the comments when it writes the JSON contract.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from frontwatch.errors import InputError

ARTICLE_FIELDS = ("title", "body")

Modality = Literal["asserted", "reported", "hearsay", "questioned", "denied", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "reported", "hearsay", "questioned", "denied", "hypothetical")
#: Only these modalities make a statement a claim that counts as (reported) fact.
FACTUAL_MODALITIES: frozenset[str] = frozenset({"asserted", "reported", "hearsay"})

Change = Literal["gained", "lost", "held", "contested", "handed_over"]
CHANGES: tuple[str, ...] = ("gained", "lost", "held", "contested", "handed_over")

SDQC: tuple[str, ...] = ("support", "deny", "query", "comment")

FLAG_CATEGORIES: tuple[str, ...] = (
    "incitement_to_violence",
    "dehumanisation",
    "threat",
    "insult",
    "identity_attack",
)

#: ACLED time precision: 1 the day is known, 2 the week, 3 the month (or worse).
TIME_PRECISIONS = (1, 2, 3)
#: ACLED geo precision: 1 the town or neighbourhood itself, 2 near or part of it, 3 the region.
GEO_PRECISIONS = (1, 2, 3)


def frozen_map(data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only view of a copy of ``data`` (for ``meta`` fields of frozen values)."""
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of field ``field`` of document ``doc``; ``text`` is that slice."""

    field: str
    start: int
    end: int
    text: str
    doc: str = ""

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets {self.start}:{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}:{self.end}")

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment. ``parent`` is the id of the comment it replies to, if known."""

    id: str
    text: str
    author: str | None = None
    posted: dt.datetime | dt.date | None = None
    parent: str | None = None
    language: str | None = None
    #: How sure ingestion is that this comment's boundaries and author are right (0..1).
    split_confidence: float = 1.0
    #: Offset of the comment in the original input text, when it came from one flat text.
    source_offset: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    id: str
    name: str
    lat: float
    lon: float
    feature: str  # country, admin1, admin2, city, town, village, neighbourhood, landmark, ...
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    alt_names: tuple[str, ...] = ()
    #: Gazetteer ids from the nearest parent up: neighbourhood -> city -> admin1 -> country.
    parents: tuple[str, ...] = ()
    geonameid: int | None = None
    population: int = 0
    source: str = ""
    #: True when the coordinate is approximate (derived, not surveyed or cited).
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry considered for a mention, with its score (for ``--explain``)."""

    place: Place
    score: float
    why: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text.

    ``place`` is ``None`` when unresolved; then ``parent`` may hold the resolved place it is
    attached to (the city in focus) and ``candidates`` what was considered. ``kind`` is
    ``"toponym"``, ``"demonym"`` ("Syrian") or ``"metonym"`` ("Damascus denied").
    ``relation`` is e.g. ``"south of"`` with ``anchor`` the place it is relative to.
    """

    span: Span
    place: Place | None
    geo_precision: int
    kind: str = "toponym"
    relation: str | None = None
    anchor: Place | None = None
    parent: Place | None = None
    candidates: tuple[Candidate, ...] = ()

    @property
    def name(self) -> str:
        return self.place.name if self.place else self.span.text


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor from the actor dictionary."""

    id: str
    name: str
    inter: int  # ACLED inter code 1-8
    side: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as the text names it: ``loaded`` keeps a partisan word ("terrorists")."""

    actor: Actor | None
    span: Span
    loaded: str | None = None

    @property
    def name(self) -> str:
        return self.actor.name if self.actor else self.span.text


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # ACLED event type
    sub_type: str  # ACLED sub-event type
    evidence: Span
    plover: str | None = None
    plover_mode: str | None = None
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actors: tuple[ActorMention, ...] = ()
    place: PlaceMention | None = None
    date: dt.date | None = None
    date_text: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    modality: str = "asserted"
    claimant: str | None = None


@dataclass(frozen=True, slots=True)
class ControlClaim:
    """A statement that ``controller`` holds / took / lost ``place``."""

    place: PlaceMention
    controller: str | None  # actor id or side
    change: str  # one of CHANGES
    evidence: Span
    previous_controller: str | None = None
    as_of: dt.date | None = None
    as_of_precision: int | None = None
    as_of_text: str | None = None
    modality: str = "asserted"
    claimant: str | None = None

    @property
    def is_fact(self) -> bool:
        return self.modality in FACTUAL_MODALITIES


@dataclass(frozen=True, slots=True)
class Stance:
    """SDQC stance of comment ``comment_id`` towards ``target``.

    ``target`` is ``"article"`` or ``"comment:<id>"``; ``target_claim`` optionally points at
    the claim answered (``"claim:<index into report.control_claims>"``).
    """

    comment_id: str
    label: str  # one of SDQC
    target: str
    confidence: float
    evidence: Span | None = None
    target_claim: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A source cited in a comment: a URL with its outlet, a named outlet, or "other sources"."""

    comment_id: str
    kind: str  # url, outlet, vague
    name: str
    span: Span
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A moderation flag on a comment span."""

    comment_id: str
    category: str  # one of FLAG_CATEGORIES
    span: Span
    score: float
    rationale: str = ""
    target_group: str | None = None


@dataclass(frozen=True)
class Report:
    """An article with its reader thread and every annotation the stages have added."""

    id: str
    body: str
    title: str = ""
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    comments: tuple[Comment, ...] = ()
    path: str | None = None
    meta: Mapping[str, Any] = field(default_factory=frozen_map)
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()
    control_claims: tuple[ControlClaim, ...] = ()
    stances: tuple[Stance, ...] = ()
    sources: tuple[Source, ...] = ()
    flags: tuple[Flag, ...] = ()

    def field_text(self, name: str) -> str:
        """The text of field ``name``: ``"title"``, ``"body"`` or a comment id."""
        if name == "title":
            return self.title
        if name == "body":
            return self.body
        for comment in self.comments:
            if comment.id == name:
                return comment.text
        raise KeyError(f"report {self.id} has no field {name!r}")

    def fields(self) -> Iterable[tuple[str, str]]:
        """Every text field as ``(name, text)``: title, body, then each comment."""
        yield "title", self.title
        yield "body", self.body
        for comment in self.comments:
            yield comment.id, comment.text

    def comment(self, comment_id: str) -> Comment:
        for comment in self.comments:
            if comment.id == comment_id:
                return comment
        raise KeyError(f"report {self.id} has no comment {comment_id!r}")

    def span(self, field_name: str, start: int, end: int) -> Span:
        """A span into one of this report's fields, with its text sliced from the field."""
        text = self.field_text(field_name)
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside field {field_name!r} of length {len(text)}")
        return Span(field_name, start, end, text[start:end], doc=self.id)

    def check_span(self, span: Span) -> None:
        """Raise ``InputError`` unless ``span`` slices back to its text in this report."""
        try:
            actual = self.field_text(span.field)[span.start : span.end]
        except KeyError as exc:
            raise InputError(str(exc), where=self.path or self.id) from exc
        if actual != span.text:
            raise InputError(
                f"span {span.field}[{span.start}:{span.end}] reads {actual!r}, not {span.text!r}",
                where=self.path or self.id,
            )

    def with_(self, **changes: Any) -> Report:
        """A copy with ``changes`` applied (stages use this to add annotations)."""
        return dataclasses.replace(self, **changes)
