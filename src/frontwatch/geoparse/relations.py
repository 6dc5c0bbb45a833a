"""Locative cues and spatial relations around a name.

Looking at the text just before and just after a candidate name, these patterns say whether
the context is clearly locative ("the village of X", "X district", "south of X") and whether
the name is an anchor of a relation ("south of the Aleppo Citadel" -> relation "south of";
"the eastern part of Aleppo" -> "eastern part of"; "the area adjacent to X" -> "adjacent to").
They also spot metonymy: a place acting as an actor ("Turkey said", "Damascus denied",
"Russia and possibly China will just veto").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIR = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
_DIR_ADJ = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"

#: "... south of (the)" just before the name.
_REL_OF = re.compile(rf"\b(?P<dir>{_DIR})(?:ern)?\s+of\s+(?:the\s+)?$", re.I)
_REL_KM = re.compile(rf"\b(?P<dist>\d+(?:[.,]\d+)?)\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+(?:to\s+the\s+)?(?P<dir>{_DIR})\s+of\s+(?:the\s+)?$", re.I)
_REL_PART = re.compile(
    rf"\b(?P<dir>{_DIR_ADJ}|central|outer|inner)\s+(?P<what>part|parts|side|sides|outskirts|edge|edges|"
    rf"countryside|suburbs|districts|neighbou?rhoods|quarters|areas?|sector|sectors|half|reaches|flank|"
    rf"front|pocket|bank|entrance)\s+of\s+(?:the\s+)?$",
    re.I,
)
_REL_ADJ = re.compile(r"\b(?:area|areas|region|zone|quarters?|district|districts)?\s*(?P<rel>adjacent|next|close|near|nearby)\s+to\s+(?:the\s+)?$", re.I)
_REL_NEAR = re.compile(
    r"\b(?P<rel>near|nearby|outside|around|on the outskirts of|the outskirts of|outskirts of|in the vicinity of|"
    r"the countryside of|countryside of|the suburbs of|suburbs of|the vicinity of|close to|just outside|beyond)\s+(?:the\s+)?$",
    re.I,
)
#: "east Aleppo", "N Hama": a bare direction right before the name.
_REL_DIRWORD = re.compile(r"\b(?P<dir>(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?|[NSEW])\.?\s+$", re.I)

#: Strong cues before the name: "the village of", "the neighbourhoods of", "the town of".
_CUE_BEFORE = re.compile(
    r"\b(?P<what>village|villages|town|towns|city|cities|neighbou?rhood|neighbou?rhoods|district|districts|"
    r"quarter|quarters|suburb|suburbs|area|areas|region|province|provinces|governorate|camp|hill|hills|base|"
    r"airbase|airport|county|municipality|settlement|outpost|oblast|raion|state|islands?|port)\s+of\s+(?:the\s+)?$",
    re.I,
)
#: Strong cues after the name: "X district", "the al-Madi station".
_CUE_AFTER = re.compile(
    r"^\s+(?P<what>district|neighbou?rhood|quarter|station|village|town|area|camp|base|airbase|airport|"
    r"hospital|mosque|square|roundabout|bridge|crossing|checkpoint|countryside|suburb|province|governorate|"
    r"region|valley|plain|mountains?|hills?|dam|refinery|oilfield|gas field|junction|highway|road|front|"
    r"pocket|enclave|county|oblast|city)s?\b",
    re.I,
)
#: Weak cues: a preposition of place right before the name.
_CUE_PREP = re.compile(r"\b(?P<prep>in|at|near|from|to|into|towards|toward|outside|around|inside|across|through|of|between|via|entered|captured|seized|shelled|stormed|took|retook)\s+(?:the\s+)?$", re.I)
#: List continuation: "..., X and" keeps the previous cue alive ("the neighbourhoods of A, B and C").
_LIST_JOIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)(?:the\s+)?$", re.I)

_SPEECH = (
    r"said|says|say|denied|denies|deny|announced|announces|claimed|claims|accused|accuses|warned|warns|"
    r"condemned|condemns|rejected|rejects|veto|vetoed|vetoes|agreed|agrees|demanded|demands|insisted|insists|"
    r"threatened|threatens|urged|urges|called|calls|refused|refuses|confirmed|confirms|responded|responds|"
    r"backed|backs|supports|supported|sanctioned|sanctions|blamed|blames|recognized|recognised|recognizes|"
    r"protested|signed|signs|launched|launches|sent|sends|ordered|orders|wants|wanted|believes|believed|hopes|"
    r"fears|knows|negotiated|proposed|proposes|stated|states|told|tells|voted|votes|imposed|imposes|"
    r"intervened|invaded|invades|attacked|attacks|bombed|bombs|struck|strikes|deployed|deploys|withdrew|"
    r"withdraws|retaliated|diverts|diverted|decided|decides|chose|expelled|summoned|vowed|pledged|promised|"
    r"insists|admitted|admits|acknowledged|denounced|welcomed|welcomes|criticised|criticized|helped|helps|armed|"
    r"arms|funds|funded|trained|trains|supplied|supplies|allowed|allows"
)
_MODAL = r"(?:will|would|has|have|had|could|can|may|might|must|should|did|does|is|was|also|just|not|never|then|again|reportedly|officially|quickly|only|already|still|possibly|probably|really|finally|itself|too)"
_METONYM = re.compile(
    rf"^(?:\s*(?:,|and|or)\s+(?:possibly\s+|perhaps\s+|maybe\s+|even\s+)?[A-Z][\w.-]+)*(?:['’]s\s+(?:government|leadership|regime|president|foreign ministry)\s+)?"
    rf"\s+(?:{_MODAL}\s+)*(?:{_SPEECH})\b"
)


#: Any relation or strong cue before a name contains one of these (a cheap first test).
_REL_WORDS = ("north", "south", "east", "west", " of", "adjacent", "next", "close", "near", "outside",
              "around", "outskirts", "vicinity", "beyond", "central", "outer", "inner", " n ", " s ", " e ", " w ")


@dataclass(frozen=True, slots=True)
class Context:
    """What the text around a name says: relation to an anchor, cue strength, wanted feature."""

    relation: str | None = None
    cue: str | None = None  # "strong" or "weak"
    feature_hint: str | None = None  # the cue word: district, village, station, ...
    metonym: bool = False


def _dir_word(raw: str) -> str:
    d = raw.lower().replace("-", "").replace(" ", "")
    d = {"n": "north", "s": "south", "e": "east", "w": "west"}.get(d, d)
    return d[:-3] if d.endswith("ern") else d


def context(before: str, after: str) -> Context:
    """The context of a name preceded by ``before`` and followed by ``after`` (same field)."""
    tail = before[-60:]
    relation = None
    cue = None
    hint = None
    low = tail.lower()
    if not any(w in low for w in _REL_WORDS):
        m = None
        if _CUE_PREP.search(tail[-30:]):
            cue = "weak"
        if (m := _CUE_AFTER.match(after[:40])) is not None:
            cue, hint = "strong", m["what"].lower().rstrip("s")
        return Context(None, cue, hint, bool(_METONYM.match(after[:80])))
    m = _REL_KM.search(tail)
    if m:
        relation = f"{_dir_word(m['dir'])} of"
    elif m := _REL_OF.search(tail):
        relation = f"{_dir_word(m['dir'])} of"
    elif m := _REL_PART.search(tail):
        word = m["dir"].lower()
        adj = word if word in ("central", "outer", "inner") else _dir_word(word) + "ern"
        what = m["what"].lower()
        relation = f"{adj} {'part' if what in ('part', 'parts', 'side', 'sides', 'half', 'sector', 'sectors', 'reaches', 'flank') else what} of"
    elif m := _REL_ADJ.search(tail):
        relation = "adjacent to" if m["rel"].lower() == "adjacent" else "near"
    elif m := _REL_NEAR.search(tail):
        rel = m["rel"].lower()
        relation = "outskirts of" if "outskirts" in rel else "countryside of" if "countryside" in rel else "near"
    elif m := _REL_DIRWORD.search(tail[-12:]):
        relation = f"{_dir_word(m['dir'])}ern part of"
    if m := _CUE_BEFORE.search(tail):
        cue, hint = "strong", m["what"].lower().rstrip("s")
    elif m := _CUE_AFTER.match(after[:40]):
        cue, hint = "strong", m["what"].lower().rstrip("s")
    elif relation:
        cue = "strong"
    elif _CUE_PREP.search(tail[-30:]):
        cue = "weak"
    metonym = bool(_METONYM.match(after[:80])) and relation is None
    return Context(relation, cue, hint, metonym)


def continues_list(between: str) -> bool:
    """True if ``between`` (text between two names) joins them in a list ("A, B and C")."""
    return bool(_LIST_JOIN.match(between))
