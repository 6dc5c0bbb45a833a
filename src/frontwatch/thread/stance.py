"""The ``stance`` stage: SDQC stance of every comment toward what it answers.

A small linear model trained on RumourEval 2017 (``scripts/train_stance.py``; weights in
``frontwatch/data/stance/sdqc.npz``) reads each comment with its target (see
:mod:`frontwatch.thread.targets`); a few rules for the conflict-thread genre decide the clear
cases first ("What is the status there?" is a query, "False report!" a denial). A comment in a
language the model does not read gets the label ``"unsupported language"`` with confidence 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import numpy as np

from frontwatch.model import Report, Span, Stance
from frontwatch.pipeline import Resources, stage
from frontwatch.thread.features import StanceInput, terms, words
from frontwatch.thread.lang import UNSUPPORTED, supported
from frontwatch.thread.linear import LinearModel
from frontwatch.thread.targets import infer_targets

MODEL_FILE = "sdqc.npz"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_LEADING_MENTIONS = re.compile(r"^\s*(?:@\w+[:,]?\s+)+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_DENY = re.compile(
    r"^\W*(?:(?:that'?s|this is|it'?s|that is|a|total(?:ly)?|complete(?:ly)?|pure|more|just|another)\s+)*"
    r"(?:false|fake|untrue|not true|wrong|lies?|lying|a lie|hoax|propaganda|nonsense|rubbish|bs|bullshit|"
    r"fake news|false report|false news|never happened|debunked|disinformation|misinformation|fabricated|"
    r"not the case|no way)\b",
    re.I,
)
_SUPPORT = re.compile(
    r"^\W*(?:(?:that'?s|this is|it'?s|can|i can)\s+)*(?:confirmed|confirm|true|correct|indeed|exactly|right|"
    r"spot on|yes,? (?:it|that|they) (?:is|did|was)|agreed|so true)\b",
    re.I,
)
_QUERY = re.compile(
    r"^\W*(?:what|why|how|who|where|when|which|is|are|was|were|does|do|did|can|could|has|have|any|anyone|"
    r"source|sources|link|proof|really|status)\b[^.!]*\?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Decision:
    label: str
    confidence: float
    start: int
    end: int
    rule: str = "model"


def default_model_path() -> Path:
    return Path(str(importlib_resources.files("frontwatch") / "data" / "stance" / MODEL_FILE))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel:
    return LinearModel.load(path or default_model_path())


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out or [(0, len(text))]


def rule_decision(text: str) -> Decision | None:
    """The genre rules: a short verdict or a bare question decides the label outright."""
    text = text.translate(_APOSTROPHES)
    lead = _LEADING_MENTIONS.match(text)
    offset = lead.end() if lead else 0
    body = text[offset:]
    n_words = len(body.split())
    for s, e in _sentences(body):
        s, e = s + offset, e + offset
        sentence = text[s:e]
        if n_words <= 12 and _DENY.match(sentence):
            return Decision("deny", 0.9, s, e, "short denial")
        if n_words <= 10 and _SUPPORT.match(sentence) and "?" not in sentence:
            return Decision("support", 0.85, s, e, "short confirmation")
    if n_words <= 15:
        sents = _sentences(body)
        if len(sents) == 1 and _QUERY.match(body):
            s, e = sents[0][0] + offset, sents[0][1] + offset
            return Decision("query", 0.9, s, e, "bare question")
    return None


def decide(model: LinearModel, item: StanceInput, use_rules: bool = True) -> Decision:
    """The stance of one comment: a rule when one fires, else the model, with its deciding sentence."""
    if use_rules:
        ruled = rule_decision(item.text)
        if ruled is not None:
            return ruled
    probs = model.scores(terms(item))
    k = int(probs.argmax())
    label = model.labels[k]
    s, e = _evidence(model, item.text, k, label)
    return Decision(label, float(probs[k]), s, e)


def _evidence(model: LinearModel, text: str, k: int, label: str) -> tuple[int, int]:
    sents = _sentences(text)
    if len(sents) == 1:
        return sents[0]
    if label == "query":
        for s, e in sents:
            if "?" in text[s:e]:
                return s, e
    best, best_score = sents[0], -np.inf
    w = model.weights
    for s, e in sents:
        score = 0.0
        for tok in set(words(text[s:e])):
            i = model.vocab.get("w:" + tok)
            if i is not None:
                score += float(w[i, k])
        if score > best_score:
            best, best_score = (s, e), score
    return best


def stances_for(report: Report, model: LinearModel) -> tuple[Stance, ...]:
    targets = infer_targets(report)
    out: list[Stance] = []
    for c in report.comments:
        t = targets[c.id]
        if not c.text.strip():
            continue
        if not supported(c):
            out.append(Stance(c.id, UNSUPPORTED, t.target, 0.0, None, None))
            continue
        item = StanceInput(c.text, t.text, t.parent_text, t.depth, False)
        d = decide(model, item)
        span: Span = report.span(c.id, d.start, d.end)
        claim = t.claim if d.label in ("support", "deny", "query") else None
        out.append(Stance(c.id, d.label, t.target, round(d.confidence, 4), span, claim))
    return tuple(out)


@stage("stance", requires=["control_claims"], assigns=["stances"])
def stance(report: Report, resources: Resources) -> Report:
    """SDQC stance of each comment toward the article or the comment it answers."""
    model = resources.get("thread.stance_model", load_model)
    return report.with_(stances=stances_for(report, model))
