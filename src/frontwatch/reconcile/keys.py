"""Normalising what claims name: controllers to sides, places to keys.

Controllers: the extractor gives an actor id or a side ("government"). Two ids of one side
("SAA", "Tiger Forces") must count as one controller, so every controller maps to its side
through the actor dictionary (``frontwatch.extract.actors``) when that is installed, and
through a small fallback table otherwise.

Places: a resolved place is keyed by its gazetteer id. An unresolved one ("quarters east of
Sheikh Maqsoud") is keyed by ``~`` and its normalised text, so it still gets a timeline and
``status`` can find it by a near spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from unidecode import unidecode

#: Fallback side of common names when the actor dictionary is absent or does not know one.
FALLBACK_SIDES: Mapping[str, str] = {
    **dict.fromkeys(
        ["government", "saa", "syrian army", "syrian arab army", "tiger forces", "regime", "pro-government",
         "ndf", "national defence forces", "army", "government forces", "loyalists", "republican guard"],
        "government"),
    **dict.fromkeys(
        ["opposition", "rebels", "rebel", "fsa", "free syrian army", "jaish al-fatah", "militants", "insurgents",
         "jabhat al-nusra", "nusra", "hts", "ahrar al-sham", "syrian opposition"],
        "opposition"),
    **dict.fromkeys(["ypg", "sdf", "kurds", "kurdish forces", "ypj", "kurdish"], "sdf"),
    **dict.fromkeys(["isis", "isil", "is", "islamic state", "daesh"], "isis"),
}


def _norm(text: str) -> str:
    text = unidecode(text or "").lower()
    text = re.sub(r"[’'`\"“”]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def norm_text(text: str) -> str:
    """Lower-case ASCII words: the form place texts and controllers are compared in."""
    return _norm(text)


@lru_cache(maxsize=1)
def _actor_side_lookup() -> Callable[[str], str | None] | None:
    """A function controller -> side from the extractor's actor dictionary, if present."""
    try:
        from frontwatch.extract import actors as actors_mod  # type: ignore[attr-defined]
    except Exception:  # the extractor is optional here
        return None
    for name in ("load", "load_actors", "default_dictionary", "dictionary"):
        loader = getattr(actors_mod, name, None)
        if callable(loader):
            try:
                dictionary = loader()
            except Exception:
                continue
            return _side_fn(dictionary)
    return None


def _side_fn(dictionary: Any) -> Callable[[str], str | None]:
    by_key: dict[str, str] = {}
    items = dictionary.values() if isinstance(dictionary, Mapping) else getattr(dictionary, "actors", dictionary)
    if isinstance(items, Mapping):
        items = items.values()
    try:
        for actor in items:
            side = getattr(actor, "side", None)
            if not side:
                continue
            by_key[_norm(actor.id)] = side
            by_key[_norm(actor.name)] = side
            for alias in getattr(actor, "aliases", ()):
                by_key.setdefault(_norm(alias), side)
    except TypeError:
        pass
    get = getattr(dictionary, "get", None)

    def side(controller: str) -> str | None:
        key = _norm(controller)
        if key in by_key:
            return by_key[key]
        if callable(get) and not isinstance(dictionary, Mapping):
            try:
                actor = get(controller)
            except Exception:
                actor = None
            if actor is not None and getattr(actor, "side", None):
                return actor.side
        return None

    return side


@lru_cache(maxsize=4096)
def side_of(controller: str | None) -> str | None:
    """The side a controller belongs to ("SAA" and "Tiger Forces" -> "government")."""
    if not controller:
        return None
    lookup = _actor_side_lookup()
    if lookup is not None:
        side = lookup(controller)
        if side:
            return _norm(side).replace(" ", "_")
    key = _norm(controller)
    if key in FALLBACK_SIDES:
        return FALLBACK_SIDES[key]
    for words in (key.replace(" forces", ""), key.split(" ")[0]):
        if words in FALLBACK_SIDES:
            return FALLBACK_SIDES[words]
    return key.replace(" ", "_") or None


def relative_name(place_text: str | None, relation: str | None = None, anchor_name: str | None = None) -> str:
    """How a place that is not a gazetteer entry is named: "east of Sheikh Maqsoud", "Tal Hamra"."""
    if relation and anchor_name:
        return f"{relation} {anchor_name}"
    text = place_text or ""
    if anchor_name and _norm(anchor_name) not in _norm(text):
        text = f"{text} ({anchor_name})"
    return text


def unresolved_key(place_text: str | None, anchor_name: str | None = None, relation: str | None = None) -> str:
    """The key of a place that is not a gazetteer entry: ``~`` + its normalised name."""
    return "~" + _norm(relative_name(place_text, relation, anchor_name))


def place_key(row: Mapping[str, Any]) -> str:
    """The timeline key of a claim row (see the module doc)."""
    from frontwatch.reconcile.weights import is_outside_relation

    pid = row.get("place_id")
    if pid and not is_outside_relation(row.get("relation")):
        return str(pid)
    return unresolved_key(row.get("place_text") or row.get("place_name"), row.get("anchor_name"),
                          row.get("relation") if pid else None)


class Gazetteer:
    """A guarded view of ``frontwatch.gazetteer.load()``: empty answers when it is absent."""

    def __init__(self, path: str | None = None) -> None:
        self._gaz: Any = None
        try:
            from frontwatch import gazetteer

            self._gaz = gazetteer.load(path or None)
        except Exception:  # the gazetteer is optional for reconciliation
            self._gaz = None

    @property
    def available(self) -> bool:
        return self._gaz is not None

    def get(self, place_id: str) -> Any:
        if self._gaz is None:
            return None
        try:
            return self._gaz.get(place_id)
        except Exception:
            return None

    def feature(self, place_id: str) -> str | None:
        place = self.get(place_id)
        return getattr(place, "feature", None)

    def lookup(self, name: str) -> list[Any]:
        """Gazetteer places named ``name`` (any spelling the gazetteer knows)."""
        if self._gaz is None:
            return []
        for method in ("lookup", "find"):
            fn = getattr(self._gaz, method, None)
            if callable(fn):
                try:
                    found = fn(name)
                except Exception:
                    continue
                if found is None:
                    return []
                if not isinstance(found, (list, tuple)):
                    found = [found]
                return [getattr(f, "place", f) for f in found]
        return []


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """One gazetteer view per process (loading it takes seconds)."""
    return Gazetteer()
