"""The actor dictionary: loading, merging a user's file, and finding actors in text.

The packaged dictionary (``frontwatch/data/actors.csv``) has the columns
``id,name,aliases,inter,side,country,valid_from,valid_to,source``; ``aliases`` are separated by
``|``; ``inter`` is the ACLED inter code (1-8); ``country`` is the ISO code of the theatre the
entry applies to (empty: anywhere); ``side`` groups actors of one coalition ("government",
"opposition", "sdf", "isis", "turkey", ...). A user file in the same format is merged over it:
a row with a known id replaces that actor. A malformed row raises
:class:`~frontwatch.errors.DictionaryError` naming the file and line.

Matching is token based (lower-cased, accents removed), longest alias first, so thousands of
aliases cost one dictionary lookup per word. Short all-capital aliases ("IS", "US", "SAA")
match only in capitals, and never inside an all-caps headline where "IS" is a verb.
Generic and partisan words ("militants", "regime forces", "pro-government") are matched from
:data:`GENERIC` and resolved to an actor in context by :func:`resolve_generic`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

from frontwatch.errors import DictionaryError
from frontwatch.model import Actor

COLUMNS = ("id", "name", "aliases", "inter", "side", "country", "valid_from", "valid_to", "source")
_TOKEN = re.compile(r"[^\W_]+")
#: Capitalised short aliases that are also English words: never matched in an all-caps context.
_CAPS_WORDS = frozenset({"IS", "US", "AA", "AS", "AN", "IT", "NO", "SO", "SAC", "CSP", "SLA", "ADF", "ISF", "NAF", "AQ"})

#: Generic and partisan words -> (role, loaded?). Roles: "nonstate" (the state's opponent in
#: context), "state" (the state forces of the document's country), "progov" (pro-government
#: forces of that country), "civilians", "protesters", "rioters".
GENERIC: dict[str, tuple[str, bool]] = {
    **{w: ("nonstate", True) for w in (
        "militants", "militant", "terrorists", "terrorist", "terrorist groups", "jihadists", "jihadist",
        "extremists", "takfiris", "takfiri", "mercenaries", "radicals",
        "terrorist forces", "jihadist groups", "bandits", "headchoppers", "rats",
    )},
    **{w: ("rebels", True) for w in (
        "rebels", "rebel", "insurgents", "insurgent", "so called moderate opposition", "so called moderate rebels",
        "moderate opposition",
    )},
    **{w: ("nonstate", False) for w in ("gunmen", "armed men", "armed groups", "armed group", "fighters", "militia", "militias", "militiamen")},
    **{w: ("rebels", False) for w in ("opposition", "opposition forces", "opposition fighters", "rebel fighters", "rebel forces", "rebel groups")},
    **{w: ("state", True) for w in ("regime forces", "regime troops", "regime", "the regime", "regime army", "regime soldiers")},
    **{w: ("state", False) for w in (
        "government forces", "government troops", "government soldiers", "army", "the army", "troops",
        "soldiers", "security forces", "military", "armed forces", "air force", "warplanes", "state forces",
        "police", "police officers", "policemen",
    )},
    "pro government": ("progov", True),
    "loyalists": ("progov", False),
    **{w: ("civilians", False) for w in ("civilians", "civilian", "residents", "villagers", "farmers", "displaced people", "children", "women")},
    **{w: ("protesters", False) for w in ("protesters", "demonstrators", "protestors", "students")},
    **{w: ("rioters", False) for w in ("rioters", "mob", "a mob")},
}
_NOT_AFTER_PROGOV = frozenset({"media", "sources", "outlets", "activists", "newspaper", "channel", "daily", "websites", "site", "tv", "press"})


@dataclass(frozen=True, slots=True)
class Match:
    """An alias found in text: characters ``start:end``; ``actors`` share the alias.

    ``generic`` holds the role of a generic word (then ``actors`` is empty); ``loaded`` the
    partisan word as written.
    """

    start: int
    end: int
    alias: str
    actors: tuple[Actor, ...] = ()
    generic: str | None = None
    loaded: str | None = None


def key(text: str) -> tuple[str, ...]:
    """Match key of a name: lower-case, accent-free word tokens."""
    return tuple(_fold(t) for t in _TOKEN.findall(text))


def _fold(token: str) -> str:
    token = token.lower()
    if token.isascii():
        return token
    return "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Alias:
    tokens: tuple[str, ...]
    exact: str | None  # the capitalised form a short acronym must have
    actors: tuple[Actor, ...]
    generic: str | None
    loaded: bool


class ActorDictionary:
    """Actors by id, and a token index of their aliases plus the generic words."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.id] = actor
        by_alias: dict[tuple[tuple[str, ...], str | None], list[Actor]] = {}
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                k = key(alias)
                if not k:
                    continue
                exact = alias if _is_acronym(alias) else None
                by_alias.setdefault((k, exact), [])
                if actor not in by_alias[(k, exact)]:
                    by_alias[(k, exact)].append(actor)
        self._index: dict[str, list[_Alias]] = {}
        for (k, exact), group in by_alias.items():
            self._index.setdefault(k[0], []).append(_Alias(k, exact, tuple(group), None, False))
        for word, (role, loaded) in GENERIC.items():
            k = key(word)
            self._index.setdefault(k[0], []).append(_Alias(k, None, (), role, loaded))
        for entries in self._index.values():
            entries.sort(key=lambda a: (-len(a.tokens), a.generic is not None))

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def search(self, name: str) -> list[Actor]:
        """Actors whose id, name or an alias contains ``name`` (case and accents ignored)."""
        needle = " ".join(key(name))
        return [
            a for a in self.actors.values()
            if needle in a.id or any(needle in " ".join(key(x)) for x in (a.name, *a.aliases))
        ]

    def find(self, text: str) -> list[Match]:
        """Every alias or generic word in ``text``, longest first, not overlapping."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        folded = [_fold(t[2]) for t in tokens]
        out: list[Match] = []
        i = 0
        n = len(tokens)
        while i < n:
            best: tuple[_Alias, int] | None = None
            for alias in self._index.get(folded[i], ()):
                size = len(alias.tokens)
                if i + size > n or tuple(folded[i : i + size]) != alias.tokens:
                    continue
                if alias.exact is not None and not _exact_ok(alias.exact, text, tokens[i][0], tokens[i + size - 1][1]):
                    continue
                if alias.generic == "progov" and i + size < n and folded[i + size] in _NOT_AFTER_PROGOV:
                    continue
                best = (alias, size)
                break
            if best is None:
                i += 1
                continue
            alias, size = best
            start, end = tokens[i][0], tokens[i + size - 1][1]
            words = text[start:end]
            out.append(Match(start, end, words, alias.actors, alias.generic, words if alias.loaded else None))
            i += size
        return _merge_compounds(text, out)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and " " not in alias


def _exact_ok(exact: str, text: str, start: int, end: int) -> bool:
    written = text[start:end]
    if written.replace(".", "") != exact.replace(".", ""):
        return False
    if exact.replace(".", "") in _CAPS_WORDS:
        window = text[max(0, start - 30) : end + 30]
        letters = [c for c in window if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
            return False
    return True


def _merge_compounds(text: str, matches: list[Match]) -> list[Match]:
    """'Jaish al-Fatah militants' is one mention of the named actor, keeping the loaded word."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.actors
            and m.generic in ("nonstate", "rebels", "state", "progov")
            and text[prev.end : m.start].strip() in ("", "'s", "’s")
        ):
            out[-1] = Match(prev.start, m.end, text[prev.start : m.end], prev.actors, None, m.loaded)
            continue
        out.append(m)
    return out


def choose(actors: Sequence[Actor], country: str | None, date: dt.date | None) -> Actor:
    """The actor an ambiguous alias means in a document about ``country`` on ``date``."""
    if len(actors) == 1:
        return actors[0]

    def rank(a: Actor) -> tuple[int, int, int]:
        valid = date is None or ((a.valid_from is None or a.valid_from <= date) and (a.valid_to is None or date < a.valid_to))
        here = 0 if country and a.country == country else (1 if a.country is None else 2)
        return (0 if valid else 1, here, actors.index(a))

    return min(actors, key=rank)


def load_default() -> ActorDictionary:
    """The packaged dictionary."""
    text = (importlib_resources.files("frontwatch") / "data" / "actors.csv").read_text(encoding="utf-8")
    return ActorDictionary(parse(text, "actors.csv"))


def load(extra: str | Path | None = None) -> ActorDictionary:
    """The packaged dictionary with the user's file ``extra`` (if any) merged over it."""
    base = load_default()
    if not extra:
        return base
    path = Path(extra)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError("actor file not found", where=str(path), hint="check the `actors` setting") from None
    except UnicodeDecodeError:
        raise DictionaryError("actor file is not UTF-8 text", where=str(path)) from None
    return ActorDictionary([*base.actors.values(), *parse(text, str(path))])


def parse(text: str, where: str) -> list[Actor]:
    """Actors from CSV ``text``; ``where`` names the file in errors (with the line number)."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise DictionaryError("actor file is empty", where=where, hint=f"first line: {','.join(COLUMNS)}")
    header = [h.strip().lower() for h in header]
    missing = [c for c in ("id", "name", "inter") if c not in header]
    if missing:
        raise DictionaryError(f"header lacks {', '.join(missing)}", where=f"{where}:1", hint=f"columns: {','.join(COLUMNS)}")
    actors: list[Actor] = []
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row) or row[0].startswith("#"):
            continue
        if len(row) != len(header):
            raise DictionaryError(
                f"expected {len(header)} fields, found {len(row)}", where=f"{where}:{line}",
                hint="quote fields that contain commas; separate aliases with |",
            )
        actors.append(_row(dict(zip(header, (c.strip() for c in row), strict=True)), f"{where}:{line}"))
    return actors


def _row(r: dict[str, str], where: str) -> Actor:
    if not r.get("id") or not r.get("name"):
        raise DictionaryError("id and name must not be empty", where=where)
    try:
        inter = int(r["inter"])
    except ValueError:
        raise DictionaryError(f"inter code {r['inter']!r} is not a number", where=where, hint="ACLED inter codes are 1-8") from None
    if not 1 <= inter <= 8:
        raise DictionaryError(f"inter code {inter} is not 1-8", where=where, hint="ACLED inter codes are 1-8")
    dates: list[dt.date | None] = []
    for col in ("valid_from", "valid_to"):
        value = r.get(col, "")
        try:
            dates.append(dt.date.fromisoformat(value) if value else None)
        except ValueError:
            raise DictionaryError(f"{col} {value!r} is not a date", where=where, hint="use YYYY-MM-DD or leave empty") from None
    aliases = tuple(a.strip() for a in r.get("aliases", "").split("|") if a.strip())
    return Actor(
        id=r["id"], name=r["name"], inter=inter, side=r.get("side") or None, aliases=aliases,
        country=(r.get("country") or "").upper() or None, valid_from=dates[0], valid_to=dates[1],
    )
