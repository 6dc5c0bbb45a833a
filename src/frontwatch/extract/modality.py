"""Modality and attribution of a statement: who says it, and whether it is said as fact.

:func:`classify` looks at the sentence around a trigger word (a verb such as "captured"):

- ``questioned``: the sentence is a question ("Has Palmyra fallen?") or asks "whether";
- ``denied``: a negation scopes over the trigger ("has not fallen", "never took", "failed to
  capture", "denied that ... captured", "reports that ... fell are false");
- ``hypothetical``: a modal, conditional, plan or recommendation comes before the trigger
  ("should take", "would win", "will be countered", "if", "may", "needs to", "can wait",
  "plans to", "Let them ..."), or the sentence starts with the bare verb (an imperative);
- ``hearsay``: the writer passes on what others say without naming a checkable source
  ("other sources report", "I've read", "I heard", "reportedly", "rumours");
- ``reported``: a named source is cited ("SOHR said", "according to state media");
- otherwise ``asserted``.

Only asserted, reported and hearsay statements count as facts
(:data:`frontwatch.model.FACTUAL_MODALITIES`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_NEG = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|nobody|no\s+one|none\s+of|failed\s+to|fail\s+to|fails\s+to|unable\s+to|without|yet\s+to)\b|n['’]t\b",
    re.IGNORECASE,
)
_DENY = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refuted?|rejected\s+(?:reports|claims)|dismissed\s+(?:reports|claims)|"
    r"false\s+(?:reports?|claims?|news)|fake\s+news|no\s+truth|untrue|not\s+true)\b",
    re.IGNORECASE,
)
_DENY_AFTER = re.compile(r"\b(?:is|are|was|were)\s+(?:false|untrue|fake|baseless|fabricated|not\s+true|wrong|lies?)\b", re.IGNORECASE)
_HYPO = re.compile(
    r"\b(?:should|shouldn['’]t|would|wouldn['’]t|could|couldn['’]t|might|may|will|won['’]t|shall|must|can|cannot|can['’]t|"
    r"gonna|going\s+to|needs?(?:\s+to)?|needed|has\s+to|have\s+to|ought\s+to|"
    r"plan(?:s|ned|ning)?\s+to|aim(?:s|ed|ing)?\s+to|intend(?:s|ed)?\s+to|expected\s+to|expects?\s+to|likely\s+to|"
    r"about\s+to|ready\s+to|tr(?:y|ies|ied|ying)\s+to|attempt(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|"
    r"hope(?:s|d)?\s+to|wants?\s+to|wanted\s+to|wish(?:es)?\s+to|threaten(?:s|ed|ing)?\s+to|vow(?:s|ed)?\s+to|"
    r"prepar(?:e|es|ed|ing)\s+to|(?:is|are)\s+to|option|idea|if|unless|until|whether|in\s+order\s+to|"
    r"would-be|potential(?:ly)?|possibl[ey]|perhaps|maybe|let|lets|let['’]s|imagine|suppose|"
    r"in\s+case|plan\s+to|push\s+for|call(?:s|ed)?\s+(?:for|on)|urge[sd]?|demand(?:s|ed)?)\b",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\b(?:other\s+sources|some\s+sources|sources\s+(?:say|said|report|reported|claim)|i['’]ve\s+(?:read|heard|seen)|"
    r"i\s+(?:read|heard|have\s+read|have\s+heard)|(?:un)?confirmed\s+reports|there\s+are\s+reports|reports?\s+(?:say|said|suggest|claim)|"
    r"reportedly|allegedly|rumou?rs?|rumou?red|word\s+is|it\s+is\s+said|they\s+say|people\s+say|some\s+say|apparently|"
    r"according\s+to\s+(?:some|other|unconfirmed|local)\s+(?:sources|reports|activists)|"
    r"my\s+(?:cousin|brother|sister|friend|uncle|father|mother|family|relatives?|contacts?|neighbou?rs?)\s+(?:says|said|tells\s+me|told\s+me)|"
    r"heard\s+(?:from|that)|(?:someone|somebody|a\s+friend|people)\s+(?:on\s+\w+\s+)?(?:said|says|posted|wrote|told\s+me)|"
    r"my\s+\w+\s+(?:says|said|tells\s+me|told\s+me))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<acc>[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|al-)?[A-Z][\w'’.-]*){0,5}|[a-z]+\s+media|state\s+media|officials?|activists|monitors?|a\s+\w+\s+source)"
    r"|(?P<src>[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|al-)?[A-Z][\w'’.-]*){0,5}|state\s+media|(?:an?\s+)?(?:military|security|local)\s+sources?|officials?|activists|a\s+spokes(?:man|woman|person)|"
    r"(?:the|its|their|local|aid|a)\s+(?:army|military|ministry|commander|alliance|group|rebels|residents|witnesses|agenc(?:y|ies)|police|governor|spokes(?:man|woman|person)|monitor|observatory)|"
    r"(?:residents|witnesses|aid\s+agencies))"
    r"\s+(?:said|says|reported|reports|announced|claimed|claims|confirmed|stated|added|told\s+\w+)\b"
)
#: Sources named by a common noun: "a war monitor said", "humanitarian partners report", "according to the union",
#: "Russian milbloggers claimed", "geolocated footage indicates".
_ACCORDING = re.compile(
    r"\b(?:according\s+to|citing)\s+(?P<acc>(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[\w'’./-]+(?:\s+(?!that\b|a\b)[\w'’./-]+){0,3})",
    re.IGNORECASE,
)
_SAY_VERB = re.compile(r"\b(?:said|says|reported|reports|announced|claimed|claims|confirmed|stated|added|indicates?|shows?|suggests?)\b")
_SOURCE_NOUN = re.compile(
    r"\b(?P<src>(?:residents|officials|rescuers|monitors?|activists|partners|(?:mil)?bloggers|sources|witnesses|medics|"
    r"doctors|spokes(?:man|woman|person)|ministry|union|police|army|military|government|commanders?|agenc(?:y|ies)|media|footage|"
    r"imagery|videos?|images|observers|analysts|statement|report|reports))\s+(?:[\w'’]+\s+){0,4}?$"
)
_WORDS_BEFORE = re.compile(r"(?:[\w'’./-]+\s+){0,3}$")
#: Verification hedges ("a claim that could not be independently verified") keep a report reported.
_VERIFY_HEDGE = re.compile(
    r"\b(?:could|can)(?:\s*not|n['’]t)\s+(?:be\s+)?(?:independently\s+|immediately\s+)*(?:verified|confirmed)\b|"
    r"\b(?:has|have)\s+not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed|observed\s+confirmation)\b",
    re.IGNORECASE,
)
#: An analyst's hedge on a past fact ("Russian forces likely advanced into Petrivka"): not a hypothesis.
_HEDGE_BEFORE = re.compile(r"\b(?:likely|probably|almost\s+certainly|most\s+likely)\s+(?:(?:have|has|had)\s+)?$", re.IGNORECASE)
_BE_QUESTION = re.compile(
    r"^(?:has|have|had|is|are|was|were|did|do|does|will|would|can|could|should|who|what|when|where|why|how)\b", re.IGNORECASE
)
_IMPERATIVE = frozenset({"take", "capture", "attack", "kill", "seize", "liberate", "go", "move", "push", "strike", "bomb",
                         "retake", "recapture", "secure", "hit", "storm", "shell", "encircle", "besiege", "free"})
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|this|that|any|new|massive|major|possible|another)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"\b(?:will|would|could|might|may|should|can|must|shall)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|\s(?:but|while|whereas|although|though|however)\s|\.\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    modality: str
    source: str | None = None  # the named source of a reported statement
    cue: str | None = None


def classify(sentence: str, trigger: int = 0, trigger_end: int | None = None) -> Attribution:
    """Modality of the statement whose trigger word starts at ``trigger`` in ``sentence``."""
    trigger_end = trigger if trigger_end is None else trigger_end
    if "erifi" in sentence or "onfirm" in sentence:
        sentence = _VERIFY_HEDGE.sub(lambda m: " " * len(m.group(0)), sentence)
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, trigger):
        clause_start = m.end()
    before = sentence[clause_start:trigger]
    stripped = sentence.rstrip(" \"'”’)")
    if stripped.endswith("?") or (_BE_QUESTION.match(sentence.lstrip()) and "?" in sentence[trigger:]):
        return Attribution("questioned", cue="?")
    m = re.search(r"\bwhether\b", sentence[:trigger], re.IGNORECASE)
    if m:
        return Attribution("questioned", cue=m.group(0))
    m = _HYPO.search(sentence[:trigger])
    if m:
        return Attribution("hypothetical", cue=m.group(0))
    clause_after = sentence[trigger_end:]
    brk = _CLAUSE_BREAK.search(clause_after)
    clause_after = clause_after[: brk.start()] if brk else clause_after
    if _NOUN_BEFORE.search(sentence[max(0, trigger - 40) : trigger]):
        m = _MODAL_AFTER.search(clause_after)
        if m:
            return Attribution("hypothetical", cue=m.group(0))
    near = before[-45:]
    m = _NEG.search(near)
    if m:
        return Attribution("denied", cue=m.group(0))
    m = _DENY.search(sentence[_deny_scope(sentence, trigger):trigger]) or _DENY_AFTER.search(sentence[trigger_end:])
    if m:
        return Attribution("denied", cue=m.group(0))
    head = sentence[max(0, trigger - 30) : trigger]
    m = _PROPOSAL.search(head)
    if m:
        return Attribution("hypothetical", cue=m.group(0))  # "the bargain involved ceding Manbij": a proposal
    if re.search(r"\bto\s+$", head) and not re.search(r"\b(?:managed|able|succeeded|went\s+on)\s+to\s+$", head):
        return Attribution("hypothetical", cue="to")  # "the battle to retake Raqqa": an aim, not a result
    first = re.match(r"\s*[\"“‘']?(\w+)", sentence)
    if first and first.start(1) == trigger and first.group(1).lower() in _IMPERATIVE:
        return Attribution("hypothetical", cue=first.group(1))
    gerund = re.match(r"\w+ing\b", sentence[trigger:])
    if gerund:
        m = _HYPO.search(sentence[trigger_end:])
        if m and m.group(0).lower() in ("will", "would", "could", "might", "may", "should", "can", "must"):
            return Attribution("hypothetical", cue=m.group(0))
    att = _attribution(sentence)
    if att.modality == "asserted" and _HEDGE_BEFORE.search(sentence[max(0, trigger - 30) : trigger]):
        return Attribution("hearsay", cue="likely")  # hedged: the writer does not commit to it
    return att


_PROPOSAL = re.compile(r"\b(?:involv(?:e|es|ed|ing)|propos(?:e|es|ed|ing|al\s+for)|offer(?:s|ed|ing)?|would\s+mean|in\s+exchange\s+for)\s+$", re.IGNORECASE)
_NEW_SAYING = re.compile(r"\s(?:and|but)\s+(?:said|says|added|claimed|announced|insisted|reported)\b|;|\.\s", re.IGNORECASE)


def _deny_scope(sentence: str, trigger: int) -> int:
    """Where a denial before ``trigger`` can start: "denied losing X and said they had recaptured Y" denies X only."""
    start = 0
    for m in _NEW_SAYING.finditer(sentence, 0, trigger):
        start = m.end()
    return start


@lru_cache(maxsize=4096)
def _attribution(sentence: str) -> Attribution:
    """Hearsay, reported or asserted: a property of the whole sentence (cached per sentence)."""
    m = _HEARSAY.search(sentence)
    if m:
        return Attribution("hearsay", cue=m.group(0))
    m = _REPORTED.search(sentence)
    if m:
        source = (m.group("acc") or m.group("src") or "").strip()
        if source and source.lower() not in ("he", "she", "they", "it", "i", "we"):
            return Attribution("reported", source=source, cue=m.group(0))
    m = _ACCORDING.search(sentence)
    if m and m.group("acc").strip().lower() not in ("him", "her", "them", "it", "me", "us"):
        return Attribution("reported", source=m.group("acc").strip(), cue=m.group(0))
    for v in _SAY_VERB.finditer(sentence):  # a source named by a common noun: "a war monitor said", "footage ... indicates"
        k = _SOURCE_NOUN.search(sentence, max(0, v.start() - 70), v.start())
        if k:
            before = _WORDS_BEFORE.search(sentence, max(0, k.start() - 60), k.start())
            source = ((before.group(0) if before else "") + k.group("src")).strip()
            return Attribution("reported", source=source, cue=sentence[k.start() : v.end()])
    return Attribution("asserted")
