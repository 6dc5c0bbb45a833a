"""Resolution: choose one gazetteer place per recognised name, using the whole document.

Two passes over every name of the report (title, body and comments together):

1. a provisional choice per name from its prior (feature, population, source) and spelling
   (the exact written form beats a merely equal key) gives the document's *focus*: the
   country most names fall in, and the cities named;
2. each candidate is scored again: prior + spelling + in the focus country + inside a named
   city (a neighbourhood of the Aleppo named nearby) + parent of other names + near other
   names + fits the cue word ("X district" wants a district).

Then each mention gets its ACLED geo_precision (1 the place itself, 2 part of/near a place,
3 region or country), its relation and anchor, and its top candidates with their scores.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from frontwatch.gazetteer.index import Gazetteer, distance_km
from frontwatch.gazetteer.names import folded, name_key
from frontwatch.geoparse.recognise import Raw
from frontwatch.geoparse.scoring import (
    APPOSITION_BONUS,
    AREA_FEATURES,
    COUNTRY_LIKE,
    COVER_BONUS,
    COVER_MIN,
    FACILITY_CITY_MENTIONS,
    FACILITY_KEEP_DEG,
    FACILITY_OVERRIDES,
    FACILITY_RE,
    FAR_LOOSE_KM,
    FOCUS_ADMIN_BONUS,
    FOCUS_BONUS,
    HINT_FEATURES,
    MAJOR_POPULATION,
    MAX_CANDIDATES,
    NAMED_REGION_BONUS,
    NEAR_BANDS,
    REGION_CAP,
    ROUNDS,
    SITE_FEATURES,
    SITE_HINTS,
    SPANS_BONUS,
    SURE_MARGIN,
    SURE_NEAR_BANDS,
    URBAN_HINTS,
    geo_precision,
)
from frontwatch.model import Candidate, Place, PlaceMention, Report

_fold = folded


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._country_num: dict[str, int] = {}
        feats = gazetteer._t["feature"]
        countries = gazetteer._t["country"]
        for i, f in enumerate(feats):
            if f == "country" and countries[i]:
                self._country_num.setdefault(countries[i], i)

    def demonym_place(self, code: str) -> Place | None:
        from frontwatch.geoparse.demonyms import REGION_DEMONYMS

        pid = REGION_DEMONYMS.get(code)  # before countries: "EU" is a region tag, not a country code
        if pid is None:
            return self.country_place(code) if len(code) == 2 else None
        try:
            return self.gaz.get(pid)
        except LookupError:
            return None

    def country_place(self, iso: str) -> Place | None:
        i = self._country_num.get(iso)
        return self.gaz.place(i) if i is not None else None

    def _spelling(self, i: int, folded: str, written: str) -> float:
        """Bonus for the written form: the place's own name, or a curated alias, beats a key match."""
        t = self.gaz._t
        upper = written.isupper() and len(written) > 1
        name = t["names"][i]
        if (name == written) if upper else (_fold(name) == folded):
            return 0.5
        alts = t["alts"][i]
        if alts:
            hit = written in alts.split("\x1f") if upper else any(_fold(a) == folded for a in alts.split("\x1f"))
            if hit:
                return 0.5 if t["source"][i] == "curated" else 0.2
        return -0.3 if upper else 0.0

    def resolve(self, report: Report, raws: Sequence[Raw], explain: bool = False) -> tuple[PlaceMention, ...]:
        g = self.gaz
        base: list[list[tuple[int, float, str]]] = []
        for raw in raws:
            cands: list[tuple[int, float, str]] = []
            if raw.nums:
                folded = _fold(raw.text)
                bonus = {"name": 1.0, "skeleton": 0.55, "fuzzy": 0.4}.get(raw.how, 0.5)
                for i in raw.nums:
                    sp = self._spelling(i, folded, raw.text)
                    cands.append((i, g.importance(i) + bonus + sp, raw.how + (", spelled so" if sp else "")))
                cands.sort(key=lambda c: c[1], reverse=True)
                del cands[MAX_CANDIDATES:]
            base.append(cands)
        self._typos(raws, base)
        self._appositions(report, raws, base)
        # two rounds: the second takes its context from the first round's choices (needless
        # when they are the first guesses the first round started from)
        first = [None if raw.kind == "demonym" or not c else c[0][0] for raw, c in zip(raws, base)]
        cover = self._covering_admin1(raws, base)
        picks, mentions = self._decide(report, raws, base, None, explain, True, cover)
        for _ in range(ROUNDS - 1):
            if picks == first:
                break
            first = picks
            picks, mentions = self._decide(report, raws, base, picks, explain, True, cover)
        return mentions

    def _covering_admin1(self, raws: Sequence[Raw], base: list[list[tuple[int, float, str]]]) -> int | None:
        """The one state/province holding a reading of more of the document's distinct names than
        any other ("Hall County" and "Forsyth County": both in Georgia), if it holds at least two."""
        g = self.gaz
        support: Counter[int] = Counter()
        seen: set[str] = set()
        for raw, cands in zip(raws, base):
            if raw.kind == "demonym" or raw.tentative or len(cands) < 1:
                continue
            name = _fold(raw.text)
            if name in seen:
                continue
            seen.add(name)
            states: set[int] = set()
            for i, _, _ in cands:
                if g.feature_of(i) == "admin1":
                    states.add(i)
                    continue
                for q in g.parents_of(i):
                    if g.feature_of(q) == "admin1":
                        states.add(q)
                        break
            support.update(states)
        top = support.most_common(2)
        if not top or top[0][1] < COVER_MIN or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def _appositions(self, report: Report, raws: Sequence[Raw], base: list[list[tuple[int, float, str]]]) -> None:
        """"Richmond, Va.", "Toronto, Ontario": readings of the first inside a reading of the second
        (and those readings of the second) gain :data:`APPOSITION_BONUS`."""
        texts: dict[str, str] | None = None
        g = self.gaz
        for k in range(len(raws) - 1):
            a, b = raws[k], raws[k + 1]
            if a.field != b.field or not base[k] or not base[k + 1] or not 1 <= b.start - a.end <= 3:
                continue
            if a.kind == "demonym" or b.kind == "demonym":
                continue
            if texts is None:
                texts = dict(report.fields())
            if texts.get(a.field, "")[a.end : b.start].strip() != ",":
                continue
            outer = {j for j, _, _ in base[k + 1]}
            hit_outer: set[int] = set()
            inner = []
            for i, sc, why in base[k]:
                ins = outer.intersection(g.parents_of(i))
                if ins:
                    hit_outer |= ins
                    inner.append((i, sc + APPOSITION_BONUS, why + ", inside the place named after it"))
                else:
                    inner.append((i, sc, why))
            if not hit_outer:
                continue
            inner.sort(key=lambda c: c[1], reverse=True)
            base[k] = inner
            base[k + 1] = sorted(((j, sc + APPOSITION_BONUS if j in hit_outer else sc, why + (", contains the place named before it" if j in hit_outer else ""))
                                  for j, sc, why in base[k + 1]), key=lambda c: c[1], reverse=True)

    def _typos(self, raws: Sequence[Raw], base: list[list[tuple[int, float, str]]]) -> None:
        """Unknown names in a clearly locative context: try fuzzy matches (typos) among the
        places of the country most other names are in."""
        todo = [k for k, raw in enumerate(raws)
                if not base[k] and raw.cue == "strong" and raw.kind != "demonym" and not raw.plain_word]
        if not todo:
            return
        g = self.gaz
        votes = Counter(g.country_of(c[0][0]) for c in base if c)
        votes.pop(None, None)
        if not votes:
            return
        country = votes.most_common(1)[0][0]
        for k in todo:
            raw = raws[k]
            key = name_key(raw.text)
            if len(key) < 5:
                continue
            cands = []
            for fk, ratio in g.fuzzy_keys(key, country, limit=3, cutoff=85.0):
                for i in g.key_numbers(fk):
                    if g.country_of(i) == country:
                        cands.append((i, g.importance(i) + ratio / 100.0 - 0.35, f"fuzzy {ratio:.0f}"))
            if cands:
                cands.sort(key=lambda c: c[1], reverse=True)
                base[k] = cands[:MAX_CANDIDATES]
                raw.how = "fuzzy"

    def _decide(self, report: Report, raws: Sequence[Raw], base: list[list[tuple[int, float, str]]],
                chosen: list[int | None] | None, explain: bool, build: bool, cover: int | None = None,
                ) -> tuple[list[int | None], tuple[PlaceMention, ...]]:
        g = self.gaz
        # pass 1: focus country and named cities. Each distinct name votes once; an ambiguous
        # name (its runner-up in another country scores close) votes little.
        votes: Counter[str] = Counter()
        provisional: list[int | None] = []
        voted: set[str] = set()
        for raw, cands in zip(raws, base):
            if raw.kind == "demonym":
                if raw.demonym and len(raw.demonym) == 2 and raw.text not in voted:
                    voted.add(raw.text)
                    votes[raw.demonym] += 0.5
                provisional.append(None)
                continue
            best = chosen[len(provisional)] if chosen is not None else (cands[0][0] if cands else None)
            provisional.append(best)
            if best is None or raw.tentative:
                continue
            cc = g.country_of(best)
            name = _fold(raw.text)
            if cc and name not in voted:
                voted.add(name)
                rival = next((sc for c, sc, _ in cands[1:] if g.country_of(c) != cc), None)
                votes[cc] += 1.0 if rival is None or cands[0][1] - rival > 0.5 else 0.3
        focus = votes.most_common(1)[0][0] if votes else None
        focus_bonus = FOCUS_BONUS
        city_counts: Counter[int] = Counter()
        anchors: list[tuple[float, float]] = []
        sure: list[tuple[float, float]] = []  # places of names with no close rival reading
        for best, cands in zip(provisional, base):
            if best is None:
                continue
            if g.feature_of(best) in ("city", "town") and (focus is None or g.country_of(best) == focus):
                city_counts[best] += 1
            if g.feature_of(best) not in AREA_FEATURES:
                if len(anchors) < 12:
                    anchors.append(g.point(best))
                if len(sure) < 12 and (len(cands) == 1 or cands[0][1] - cands[1][1] >= SURE_MARGIN):
                    sure.append(g.point(best))
        named_cities = set(city_counts)
        provisional_set = {p for p in provisional if p is not None}
        parent_of_named: set[int] = set()
        admin_votes: Counter[int] = Counter()
        for p in provisional_set:
            parent_of_named.update(g.parents_of(p))
        for p in provisional_set:
            for q in g.parents_of(p):
                if g.feature_of(q) in ("admin1", "admin2"):
                    admin_votes[q] += 1
        focus_admins = {q for q, n in admin_votes.most_common(2) if n >= 2}

        # pass 2: context scores
        mentions: list[PlaceMention] = []
        focus_city = self._focus_city(city_counts, raws, provisional)
        firm = {p for raw, p in zip(raws, provisional) if p is not None and not raw.tentative}
        texts = dict(report.fields())
        picks: list[int | None] = []
        chosen_count = Counter(p for p in provisional if p is not None)
        for k, (raw, cands) in enumerate(zip(raws, base)):
            picks.append(None)
            span = report.span(raw.field, raw.start, raw.end) if build else None
            if raw.kind == "demonym":
                if span is not None:
                    mentions.append(PlaceMention(span, self.demonym_place(raw.demonym or ""), 3, kind="demonym"))
                continue
            if cands and raw.how in ("skeleton", "fuzzy") and raw.hint in URBAN_HINTS and focus_city is not None:
                # a loose match for "the neighbourhood of X" must lie in the city being discussed
                flat, flon = g.point(focus_city)
                cands = [c for c in cands if _nearest_deg(flat, flon, [g.point(c[0])], floor=-1.0) < 0.2]
            if not cands:
                if span is None:
                    continue
                parent = g.place(focus_city) if focus_city is not None else (self.country_place(focus) if focus else None)
                prec = 2 if parent is not None and parent.feature not in AREA_FEATURES else 3
                mentions.append(PlaceMention(span, None, prec, kind=raw.kind, relation=raw.relation, parent=parent))
                continue
            scored: list[tuple[float, int, str]] = []
            written = _fold(raw.text)
            if len(cands) == 1 and not explain:  # nothing to choose between
                scored.append((cands[0][1], cands[0][0], cands[0][2]))
                cands = []
            for i, s, why in cands:
                notes = [why, f"prior {s:.2f}"]
                cc = g.country_of(i)
                if (g.feature_of(i) == "country" or g._ids[i] in COUNTRY_LIKE) and "spelled so" in why and not any(
                        g.country_of(c) == focus and c != i and g.feature_of(c) in ("admin1", "admin2") for c, _, _ in cands):
                    s += 0.8  # a country's own name means the country ("Brazil", "Norway")
                    notes.append("a country's own name")
                region = 0.0  # focus country, named region, focus region, covering state: one evidence
                if focus and cc == focus:
                    region += focus_bonus
                    notes.append(f"in focus country {focus}")
                elif cc is None:
                    region += SPANS_BONUS  # continents, seas: no country to be in, fit any focus
                    notes.append("spans countries")
                parents = g.parents_of(i)
                inside = named_cities.intersection(parents)
                if inside:
                    s += 1.2
                    notes.append("inside a named city")
                own = provisional[k]
                named_parent = {q for q in provisional_set.intersection(parents)
                                if g.feature_of(q) != "country" and (q != own or chosen_count[q] > 1)}
                if named_parent and not inside:
                    region += NAMED_REGION_BONUS
                    notes.append("inside a named region")
                elif focus_admins.intersection(parents):
                    region += FOCUS_ADMIN_BONUS
                    notes.append("in the region most names are in")
                if cover is not None and (i == cover or cover in parents):
                    region += COVER_BONUS
                    notes.append("in the state that holds most of the names")
                s += min(region, REGION_CAP)
                if i in parent_of_named and i not in provisional_set:
                    s += 0.4
                    notes.append("contains other names")
                if anchors and g.feature_of(i) not in AREA_FEATURES:
                    lat, lon = g.point(i)
                    near = _nearest_deg(lat, lon, anchors)
                    for limit, bonus in NEAR_BANDS:
                        if near < limit:
                            s += bonus
                            notes.append(f"within {limit:g} degrees of other names")
                            break
                    if sure and _fold(g._t["names"][i]) == written:  # its own name, not an alias
                        near = _nearest_deg(lat, lon, sure)
                        for limit, bonus in SURE_NEAR_BANDS:
                            if near < limit:
                                s += bonus
                                notes.append(f"within {limit:g} degrees of an unambiguous name")
                                break
                if g.feature_of(i) == "admin1" and raw.hint not in ("province", "governorate", "oblast", "region") and any(g.feature_of(c) == "city" and i in g.parents_of(c) for c, _, _ in cands):
                    s -= 0.5  # "New York": the city rather than the state of the same name
                    notes.append("a city of that name is inside it")
                if raw.hint and g.feature_of(i) in HINT_FEATURES.get(raw.hint, ()):
                    s += 0.5
                    notes.append(f"fits '{raw.hint}'")
                scored.append((s, i, "; ".join(notes)))
            scored.sort(reverse=True)
            best_score, best, _ = scored[0]
            if raw.tentative and best not in firm and g.country_of(best) != focus:
                continue  # a lowercase word the document gives no reason to read as this place
            if focus is not None and self._far_loose(raw, best, focus, k, raws, provisional):
                if span is not None:  # an honest unknown part of the place being discussed
                    parent = self._focus_place(focus, focus_city, provisional)
                    prec = 2 if parent is not None and parent.feature not in AREA_FEATURES else 3
                    mentions.append(PlaceMention(span, None, prec, kind="toponym", relation=raw.relation, parent=parent))
                continue
            if (focus_city is not None and best != focus_city and g.feature_of(best) in FACILITY_OVERRIDES
                    and city_counts[focus_city] >= FACILITY_CITY_MENTIONS and self._facility(report, raw, texts)):
                flat, flon = g.point(focus_city)
                blat, blon = g.point(best)
                if _nearest_deg(flat, flon, [(blat, blon)], floor=-1.0) > FACILITY_KEEP_DEG:
                    if span is not None:  # a street or building of the city being discussed
                        mentions.append(PlaceMention(span, None, 2, kind="toponym", relation=raw.relation,
                                                     parent=g.place(focus_city)))
                    continue
            picks[-1] = best
            if span is None:
                continue
            place = g.place(best)
            anchor = place if raw.relation else None
            keep = scored[: 8 if explain else 3]
            cand_out = tuple(Candidate(g.place(i), round(s, 3), why) for s, i, why in keep)
            kind = raw.kind
            if kind == "metonym" and place.feature not in ("country", "city", "admin1"):
                kind = "toponym"
            prec = geo_precision(place, raw.relation)
            if raw.hint in SITE_HINTS and place.feature not in SITE_FEATURES and prec == 1:
                prec = 2
            mentions.append(PlaceMention(span, place, prec, kind=kind,
                                         relation=raw.relation, anchor=anchor, candidates=cand_out))
        return picks, tuple(mentions)

    def _loose(self, raw: Raw, i: int) -> bool:
        """Whether ``i`` was reached only through a loose key: a skeleton or fuzzy match, or an
        equal key with none of the place's names written so (curated aliases count as written)."""
        if raw.how in ("skeleton", "fuzzy"):
            return True
        if raw.how != "name" or self.gaz.source_of(i) == "curated":
            return False
        return _fold(self.gaz._t["names"][i]) != _fold(raw.text)

    def _major(self, i: int) -> bool:
        g = self.gaz
        return (g.feature_of(i) in AREA_FEATURES or g._ids[i] in COUNTRY_LIKE or i in g._capitals
                or g.population_of(i) >= MAJOR_POPULATION)

    def _far_loose(self, raw: Raw, best: int, focus: str, k: int, raws: Sequence[Raw],
                   provisional: Sequence[int | None]) -> bool:
        """A loose reading outside the focus country, far from every other place the document
        names (and from the focus country itself), and not a major place."""
        g = self.gaz
        cc = g.country_of(best)
        if cc is None or cc == focus or not self._loose(raw, best) or self._major(best):
            return False
        written = _fold(raw.text)
        points: list[tuple[float, float]] = []
        country = self.country_place(focus)
        if country is not None:
            points.append((country.lat, country.lon))
        for j, p in enumerate(provisional):
            if p is None or j == k or p == best or _fold(raws[j].text) == written:
                continue
            if g.country_of(p) != focus and self._loose(raws[j], p):
                continue  # another far namesake is no support
            points.append(g.point(p))
        if not points:
            return False
        lat, lon = g.point(best)
        return min(distance_km(lat, lon, a, b) for a, b in points) > FAR_LOOSE_KM

    def _focus_place(self, focus: str, focus_city: int | None, provisional: Sequence[int | None]) -> Place | None:
        """The place a document is about: its focus city, else its most named town or village in
        the focus country, else the country."""
        g = self.gaz
        counts = Counter(p for p in provisional if p is not None and g.country_of(p) == focus
                         and g.feature_of(p) in ("city", "town", "village"))
        if counts:
            top = max(counts, key=lambda c: (counts[c], g.population_of(c)))
            if focus_city is None or counts[top] > counts[focus_city]:
                return g.place(top)
        if focus_city is not None:
            return g.place(focus_city)
        return self.country_place(focus)

    @staticmethod
    def _facility(report: Report, raw: Raw, texts: dict[str, str]) -> bool:
        text = texts.get(raw.field, "")
        return bool(text) and FACILITY_RE.match(text, raw.end) is not None

    def _focus_city(self, city_counts: Counter[int], raws: Sequence[Raw], provisional: Sequence[int | None]) -> int | None:
        """The city being discussed: the most named one (bigger wins ties), else the parent city of named neighbourhoods."""
        g = self.gaz
        if city_counts:
            return max(city_counts, key=lambda c: (city_counts[c], g.population_of(c)))
        for p in provisional:
            if p is None:
                continue
            for q in g.parents_of(p):
                if g.feature_of(q) in ("city", "town"):
                    return q
        return None


def _nearest_deg(lat: float, lon: float, anchors: list[tuple[float, float]], floor: float = 1e-10) -> float:
    """Smallest distance in degrees (equirectangular, cheap) to any anchor other than itself."""
    c = math.cos(math.radians(lat))
    best = 1e9
    for alat, alon in anchors:
        d = (alat - lat) ** 2 + ((alon - lon) * c) ** 2
        if floor < d < best:
            best = d
    return math.sqrt(best)
