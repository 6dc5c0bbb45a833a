"""The ``moderate`` stage: incitement, dehumanisation, threat, insult and identity-attack flags.

Rules (:mod:`frontwatch.thread.rules`) run sentence by sentence over each comment. A match is
dropped when the sentence reports, quotes, condemns or negates it — "an air strike killed 12",
"those who call to kill them all are criminals", a line in quotation marks, "nobody should kill
prisoners" — because reporting or condemning violence is not incitement. A flag whose words
name its victims by pronoun or metaphor ("Kill them all", "the rats") gets a ``target_group``:
the nearest group named before it in the comment, else in the comment it answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

from frontwatch.model import Comment, Flag, Report
from frontwatch.pipeline import Resources, stage
from frontwatch.thread import learned
from frontwatch.thread.features import moderation_terms
from frontwatch.thread.lang import supported
from frontwatch.thread.lexicon import IDIOMS, META, PEOPLE_NOUNS, PLAY, SARCASM
from frontwatch.thread.rules import COMBATANTS, IDENTITY, RULES, Rule, open_gates

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
_QUOTE_PAIRS = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|(?<!\w)'[^'\n]{6,}'(?!\w)")
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|reported|reports|according to|claimed|claims|warned|warns|chanted|shouted|"
    r"wrote|write|writes|written|painted|footage|video|photos? shows?|defector|quote|"
    r"(?:survivors?|witnesses|residents|activists|monitors?|locals|soldiers|officials)\s+(?:say|said|told|recall(?:ed)?|report(?:ed)?|claim(?:ed)?)|slogan|dates back|in a statement|announced|state media|"
    r"human rights watch|amnesty|the un\b|a un\b|un report|countered|argued|insisted|stated|declared|alleged|accused)\b",
    re.I,
)
_CONDEMN = re.compile(
    r"\b(?:those|people|anyone|whoever|who(?:ever)?)\s+(?:who\s+)?(?:calls?|called|says?|said|wants?|chants?|shouts?|write|writes)\b"
    r"|\bstop\s+(?:calling|saying|it\b)|\bcalling\s+(?:\w+\s+){0,3}\w+\s+(?:is|was)\b|\b(?:is|are)\s+(?:a\s+)?(?:war\s+)?crimes?\b"
    r"|\bracis[tm]\b|\bgenocide\s+starts\b|\bcondemn\w*|\bdisgrac\w*|\bshameful\b|\bmust\s+face\s+justice\b"
    r"|\bis\s+(?:exactly\s+)?(?:what|how)\s+(?:\w+\s+){0,3}(?:say|says|want|wants|starts?)\b|\bgeneralis\w+|\bgeneraliz\w+"
    r"|\bdehumani[sz]\w*|\btired\s+of\b|\bcalling\s+(?:them|people|\w+s)\s+(?:\"|“|')?\w+"
    r"|" + META + r"|\bthe\s+(?:phrase|term|expression|euphemism|words?)\b|\b(?:describes?|described|doctrine|rhetoric|(?:language|words|terms)\s+like)\b"
    r"|\b(?:make|makes|made|would\s+make)\s+us\s+(?:no\s+better|just\s+as\s+bad|as\s+bad)\b"
    r"|\bhate\s+(?:speech|the\s+kremlin)|\bnobody\s+was\s+arrested\b|\bcalled\s+(?:them|the\s+\w+)\b|\bcall\s+(?:\w+\s+)?\w+\s+\"",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:nobody|no\s+one|noone|never|shouldn'?t|should\s+not|mustn'?t|must\s+not|won'?t|will\s+not|not|stop)\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: Sentences about real animals, pests or diseases: their animal words are literal.
_LITERAL = re.compile(
    r"\b(?:flu|vets?|veterinar\w*|zoos?|farms?|pets?|kennels?|wildlife|species|livestock|poultry|cattle|animal\s+feed|"
    r"ate|gnaw\w*|chew(?:ed|ing)?|squeak\w*|droppings|nibbl\w*|warehouses?|granar\w*|"
    r"outbreak|insecticides?|pest\s+control|sniffer|stray|leash|bitten|owners?|breeders?|mold|mould|inspectors?|"
    r"tsetse|horses?|cows?|goats?|thoroughbreds?|breeding\s+season|floods?|drought|crops?|harvests?|rains|infected|hunting|shelters?|rabies|herds?|flock|dog\s+show|circus|sanctuary|rescued|fur|tigers?|birds?)\b",
    re.I,
)
#: Gaming and sport talk, and sarcasm: their killing words call for nothing.
_PLAY = re.compile(PLAY + "|" + IDIOMS, re.I)
_SARCASM = re.compile(SARCASM, re.I)
_NOT_FOR_PLAY = frozenset({"incitement_to_violence", "threat", "dehumanisation"})
#: A people named as the victims of an incitement (not "Russian soldiers", "Ukrainian soil").
_PEOPLE_VICTIM = regex.compile(
    r"\b(?!(?:refugees|migrants|immigrants|westerners|europeans|americans|yanks|zionists)\b)" + IDENTITY + r"\b(?!\s+(?:" + COMBATANTS[3:-1] + "|" + PEOPLE_NOUNS + r"|army|forces|soldiers?|troops|military|government|regime|"
    r"state|officers?|generals?|tanks?|jets?|positions?|lines|side|border|cit(?:y|ies)|towns?|villages?|territory|"
    r"soil|land|oblast|region|artillery|units?|convoys?|bases?|ships?|navy|air\s+force|police)\b)",
    regex.I,
)
#: A word echoed back as a question ("Orc? Really?") is talk about the word.
_ECHO = re.compile(r"^\W*[\w-]+\s*\?+\s*$")
_NOT_ALL = re.compile(r"\b(?:are|is)\s+not\b|\baren'?t\b|\bisn'?t\b|\bnot\s+all\b", re.I)
_ALWAYS_PEOPLE = re.compile(r"\b(?:sub-?humans?|untermensch\w*|orcs?)\b", re.I)
_GROUP = regex.compile(r"\b(?:" + COMBATANTS[3:-1] + "|" + IDENTITY[3:-1] + r")\b", regex.I)
_BESIEGED = re.compile(r"\b(?:pocket|besieged|encircled|siege|trapped|cauldron|kessel|surrounded)\b", re.I)
_PLURAL = {
    "jihadi": "jihadists", "jihadist": "jihadists", "jihadis": "jihadists", "terrorist": "terrorists",
    "arab": "Arabs", "muslim": "Muslims", "jew": "Jews", "kurd": "Kurds", "alawite": "Alawites", "sunni": "Sunnis",
    "shiite": "Shiites", "russian": "Russians", "ukrainian": "Ukrainians", "american": "Americans", "yank": "Americans",
    "yanks": "Americans", "syrian": "Syrians", "iraqi": "Iraqis", "afghan": "Afghans", "palestinian": "Palestinians",
    "israeli": "Israelis", "iranian": "Iranians", "turk": "Turks",
}
_ACRONYMS = {"isis", "fsa", "saa", "ypg", "sdf", "rsf"}


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int
    score: float = 0.0
    rationale: str = ""


def _learned_rule(category: str) -> Rule:
    return Rule(category, regex.compile(r"(?!)"), learned.threshold(category), "learned model", True)


_PEOPLE_RULE = Rule("identity_attack", regex.compile(r"(?!)"), 0.8, "call to violence against a people", True)
_SARCASM_TAG = re.compile(r"(?:^|\s)/s\b")
LEARNED_RULES = {cat: _learned_rule(cat) for cat in learned.CATEGORIES}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def _canonical(word: str) -> str:
    low = word.lower()
    if low in _ACRONYMS:
        return word.upper()
    return _PLURAL.get(low) or (word if word[:1].isupper() else low)


def _groups(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _canonical(m.group(0))) for m in _GROUP.finditer(text)]


def resolve_group(text: str, start: int, end: int, context: str = "") -> str | None:
    """The group a flag at ``text[start:end]`` is about: inside it, before it, after it, then ``context``."""
    groups = _groups(text)
    inside = [g for g in groups if start <= g[0] < end]
    before = [g for g in groups if g[1] <= start]
    after = [g for g in groups if g[0] >= end]
    pick = inside[0] if inside else before[-1] if before else after[0] if after else None
    besieged = bool(_BESIEGED.search(text))
    if pick is None and context:
        ctx = _groups(context)
        pick = ctx[-1] if ctx else None
        besieged = besieged or bool(_BESIEGED.search(context))
    if pick is None:
        return None
    name = pick[2]
    return f"besieged {name}" if besieged and regex.fullmatch(COMBATANTS, pick[2], regex.I) else name


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE_PAIRS.finditer(text)]


#: Predictions about a third party and wishes for survival are not calls to violence.
_PREDICTION = re.compile(
    r"\b(?:the\s+\w+|they|he|she|it|russia|the\s+regime|the\s+army)\s+(?:will|would|is\s+going\s+to|are\s+going\s+to|"
    r"might|may|could)\b|\b(?:get|make\s+it|come)\s+(?:out\s+)?(?:alive|safe|home)\b|\bsurvive\b",
    re.I,
)


#: Past-tense narration of violence with no call, wish or demand in it (for the learned models).
_NARRATIVE = re.compile(
    r"\b(?:was|were|been|being|had|has|have)\s+(?:\w+\s+)?(?:killed|shot|executed|exterminated|bombed|shelled|"
    r"burn(?:ed|t)|massacred|slaughtered|gassed|hanged|beheaded|wounded)\b|\b(?:killed|shot|executed|bombed|shelled|"
    r"massacred|slaughtered|saw|found|lay|lying)\s+(?:[\w-]+\s+){0,3}(?:dead|bodies|civilians|people|\d+)\b|\bkilling\s+of\b|"
    r"\b(?:gunmen|militants|soldiers|troops|fighters|police|forces|guards)\s+(?:then\s+)?(?:shoot|kill|execute|torture|beat|behead)\b",
    re.I,
)
_CALL = re.compile(r"\b(?:should|must|need|needs|let|deserve\w*|hope|want|wish|pray|time\s+to|please)\b", re.I)


def _suppressed(sentence: str) -> bool:
    return bool(_REPORTING.search(sentence) or _CONDEMN.search(sentence) or _PREDICTION.search(sentence)
                or _PLAY.search(sentence) or _SARCASM.search(sentence)
                or (_NARRATIVE.search(sentence) and not _CALL.search(sentence)))


def find_hits(text: str, use_learned: bool = True) -> list[Hit]:
    """Rule matches in ``text`` that survive the reporting, quoting, condemning and negation checks,
    then, for a category no rule found, the learned model's best sentence when it is sure enough."""
    text = text.translate(_APOSTROPHES)  # same length: offsets stay valid
    quotes = _quoted(text)
    hits: list[Hit] = []
    for s0, e0 in _sentences(text):
        sentence = text[s0:e0]
        gates = open_gates(sentence)
        if not gates:
            continue
        frames: dict[str, Any] | None = None
        for rule in RULES:
            if rule.category not in gates or (rule.needs is not None and not rule.needs.search(sentence)):
                continue
            for m in rule.pattern.finditer(sentence):
                if frames is None:
                    frames = {
                        "reported": bool(_REPORTING.search(sentence)),
                        "condemned": bool(_CONDEMN.search(sentence)),
                        "literal": [lm.span() for lm in _LITERAL.finditer(sentence)],
                        "play": bool(_PLAY.search(sentence) or _SARCASM.search(sentence) or _SARCASM_TAG.search(text)),
                    }
                reported, condemned, literal = frames["reported"], frames["condemned"], frames["literal"]
                s, e = m.span()
                while s < e and not sentence[s].isalnum():
                    s += 1
                while e > s and sentence[e - 1] in " ,;:":
                    e -= 1
                if e - s < 2:
                    continue
                a, b = s0 + s, s0 + e
                if any(qa <= a < qb for qa, qb in quotes):
                    continue
                own_label = rule.category == "dehumanisation" and bool(_ALWAYS_PEOPLE.search(sentence[s:e]))
                if condemned or (reported and rule.category != "insult" and not own_label):
                    continue
                if _ECHO.match(sentence) and rule.category in ("dehumanisation", "identity_attack"):
                    continue
                if rule.category == "identity_attack" and _NOT_ALL.search(sentence):
                    continue
                if rule.category != "insult" and _NEGATION.search(sentence[:s]):
                    continue
                if frames["play"] and rule.category in _NOT_FOR_PLAY:
                    continue
                outside = any(le <= s or ls >= e for ls, le in literal)
                if outside and rule.category == "dehumanisation" and not _ALWAYS_PEOPLE.search(sentence[s:e]):
                    continue
                hits.append(Hit(rule, a, b, rule.score, rule.rationale))
                if rule.category == "incitement_to_violence" and any(
                        a - 25 <= v.start() < b for v in _PEOPLE_VICTIM.finditer(text, s0, e0)):
                    hits.append(Hit(_PEOPLE_RULE, a, b, 0.8, "call to violence against a people"))
    if use_learned:
        hits += _learned_hits(text, quotes, {h.rule.category for h in hits})
    return _best(hits)


def _learned_hits(text: str, quotes: list[tuple[int, int]], found: set[str]) -> list[Hit]:
    out: list[Hit] = []
    terms: dict[str, float] | None = None
    gates = learned.harm_gates(text)
    for cat, model in learned.load_models().items():
        if cat in found or cat not in gates:
            continue
        if terms is None:
            terms = moderation_terms(text)
        if learned.probability(model, terms) <= learned.threshold(cat):
            continue
        best: tuple[float, int, int] | None = None
        for s0, e0 in _sentences(text):
            while s0 < e0 and not text[s0].isalnum():
                s0 += 1
            while e0 > s0 and text[e0 - 1].isspace():
                e0 -= 1
            sentence = text[s0:e0]
            if e0 - s0 < 2 or cat not in learned.harm_gates(sentence):
                continue
            if _suppressed(sentence) or any(qa <= s0 < qb for qa, qb in quotes):
                continue
            if cat == "dehumanisation" and _LITERAL.search(sentence):
                continue
            if cat == "identity_attack" and _NOT_ALL.search(sentence):
                continue
            p = learned.probability(model, sentence)
            if best is None or p > best[0]:
                best = (p, s0, e0)
        if best is None:
            continue
        p = max(best[0], learned.threshold(cat))
        cue = ", ".join(repr(w) for w in learned.top_words(model, text[best[1]:best[2]]))
        out.append(Hit(LEARNED_RULES[cat], best[1], best[2], round(min(p, 0.95), 3),
                       f"learned model ({cat.replace('_', ' ')}): wording like {cue or 'labelled examples'}"))
    return out


def _best(hits: list[Hit]) -> list[Hit]:
    """One hit per category per overlapping region: the highest score, then the longest."""
    hits.sort(key=lambda h: (h.rule.category, -h.score, -(h.end - h.start)))
    kept: list[Hit] = []
    for h in hits:
        if any(k.rule.category == h.rule.category and k.start < h.end and h.start < k.end for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: (h.start, h.rule.category))
    return kept


def flags_for_comment(report: Report, comment: Comment, context: str = "") -> list[Flag]:
    out: list[Flag] = []
    for h in find_hits(comment.text):
        group = resolve_group(comment.text, h.start, h.end, context) if h.rule.resolve_target else None
        score = min(0.99, h.score + (0.05 if group else 0.0))
        rationale = h.rationale + (f"; target: {group}" if group else "")
        out.append(Flag(comment.id, h.rule.category, report.span(comment.id, h.start, h.end), round(score, 3),
                        rationale, group))
    return out


def flags_for(report: Report) -> tuple[Flag, ...]:
    by_id = {c.id: c for c in report.comments}
    out: list[Flag] = []
    previous = ""
    for c in report.comments:
        parent = by_id.get(c.parent or "")
        context = parent.text if parent else previous
        if c.text.strip() and supported(c):
            out.extend(flags_for_comment(report, c, context))
        previous = c.text
    return tuple(out)


@stage("moderate", requires=["report.comments"], assigns=["flags"])
def moderate(report: Report, resources: Resources) -> Report:
    """Incitement, dehumanisation, threat, insult and identity-attack flags on comment spans."""
    return report.with_(flags=flags_for(report))
