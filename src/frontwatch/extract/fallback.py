"""Place mentions the geoparser did not give: capitalised names next to a territorial verb, and
"the city", "the town" referring to the last place named (used by the extract stage for claims).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.extract.parse import Mention, PlaceRef
from frontwatch.extract.sentences import is_shouting
from frontwatch.model import PlaceMention, Report

_COREF = re.compile(r"\b(?:the|this|that)\s+(?:city|town|village|area|neighbou?rhood|district|quarter|base|airport|airbase|settlement|suburb|locality|hill|region|province)\b", re.IGNORECASE)
_CAPS_SEQ = re.compile(r"\b(?:(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bani|beni|deir|tal|tell|jabal|jebel|wadi|ras|bab|kafr|ain|ayn|abu|umm|the)[-\s])?[A-Z][\w'’]*(?:[-\s](?:al-|el-|ad-|ash-|as-|ar-|of\s+)?[A-Z][\w'’]*)*"
    r"(?:\s+(?:station|airport|airbase|air\s+base|base|hill|district|neighbou?rhood|quarter|dam|bridge|crossing|square|gate|"
    r"roundabout|hospital|school|factory|citadel|castle|prison|camp|checkpoint|village|town|city|refinery|oilfield|field))?")
_PLACE_PREP = frozenset("of from in into over at near around across towards toward inside outside and or ,".split())
_TITLES = frozenset("president mr mrs ms dr general gen minister leader spokesman spokeswoman commander king prince sheikh".split())
_STARTERS = frozenset(
    "heavy fighting government rebel rebels troops forces militants clashes several two three many some most all on in at by "
    "for from with without during as when while if since despite although local state reports residents activists witnesses "
    "syrian iraqi russian turkish kurdish ukrainian yemeni libyan sudanese malian somali nigerian congolese israeli american "
    "saudi iranian fierce intense airstrikes shelling nobody everyone anyone".split()
)
_NOT_PLACE = frozenset(
    "The A An After Last Other This That These Those It He She They We I You Our Their Its His Her Today Yesterday Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November "
    "December Meanwhile However But And Or So Then Earlier Later Also According Sources Reports Officials Having Being Despite "
    "Although While With Without Since Until Once Now Still Even Following Before During".split()
)


def fallback_places(report: Report, field_name: str, offset: int, text: str, actors: Sequence[Mention],
                    known: Sequence[PlaceRef], dates: Sequence[tuple[int, int]]) -> list[PlaceRef]:
    """Capitalised names the geoparser did not mark, as unresolved mentions (for claims only)."""
    long_words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3 and not w.isupper()]
    if is_shouting(text) or (len(long_words) >= 3 and all(w[0].isupper() for w in long_words)):
        return []  # a headline in title case: every word would look like a name
    out: list[PlaceRef] = []
    for m in _CAPS_SEQ.finditer(text):
        s, e = m.start(), m.end()
        word = m.group(0)
        if word.split()[0] in _NOT_PLACE and len(word.split()) == 1:
            continue
        if word.startswith(("The ", "the ")):
            s += 4
            word = word[4:]
        if word.split()[0] in _NOT_PLACE or (s == 0 and word.lower() in _STARTERS):
            continue
        if any(a.start < e and s < a.end for a in actors) or any(k.start < e and s < k.end for k in known):
            continue
        before_words = re.findall(r"[\w'’]+|,", text[max(0, s - 40) : s].lower())
        prev = before_words[-1] if before_words else ""
        if prev in ("the",) and len(before_words) > 1:
            prev = before_words[-2]
        if not text[:s].strip(" \"'“‘(["):
            pass  # the first word: kept only where a passive verb follows at once (see _governed_places)
        elif prev not in _PLACE_PREP and not re.search(r"(?:ed|en|an|ook|ure|ize|ise|ate|over|back|held)$", prev):
            continue  # a name not introduced as a place: a person, an outlet, an actor
        if re.match(r"(?:['’]s\b|-backed|-led|-held)", text[e:]) or prev in _TITLES:
            continue
        if any(ds < e and s < de for ds, de in dates):
            continue
        span = report.span(field_name, offset + s, offset + e)
        out.append(PlaceRef(s, e, PlaceMention(span, None, 3)))
    return out


_SETTLEMENT_NOUN = re.compile(r"\s*(?:city|town|village|settlement|locality)\b", re.IGNORECASE)


def coref_places(report: Report, field_name: str, offset: int, text: str, last: PlaceMention | None,
                 known: Sequence[PlaceRef], last_settlement: PlaceMention | None = None) -> list[PlaceRef]:
    """'the city', 'the town': the last place named before, in the same field ('the city' skips a
    name the gazetteer does not know, such as 'Kavumu' in 'Kavumu airport', when a known one came before)."""
    out = []
    for m in _COREF.finditer(text):
        earlier = [k for k in known if k.end <= m.start()]
        if _SETTLEMENT_NOUN.match(text, m.start() + len(m.group(0).split()[0])):
            earlier = [k for k in earlier if k.mention.place is not None] or earlier
            fallback = last_settlement or last
        else:
            fallback = last
        antecedent = max(earlier, key=lambda k: k.start).mention if earlier else fallback
        if antecedent is None:
            continue
        if any(k.start < m.end() and m.start() < k.end for k in known):
            continue
        if re.match(r"\s+(?:of|adjacent|near|around|north|south|east|west|between|close|next|outside|surrounding|along|by)\b", text[m.end() :], re.IGNORECASE):
            continue  # "the area adjacent to the Citadel" is located by the place that follows
        if any(m.end() <= k.start < m.end() + 30 for k in known):
            continue
        out.append(PlaceRef(m.start(), m.end(), antecedent))
    return out
