"""Text features for the stance model, shared by training (scripts/train_stance.py) and inference.

A comment is turned into named terms with values: word unigrams and bigrams of the normalised
text and hand features (question mark, denial and support cues, URL,
depth in the thread, word overlap with the target and with the parent). Terms are looked up in
the model's vocabulary, so the same function serves both sides and unknown terms cost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"[a-z0-9_']+|[?!]")
_QUOTE = re.compile(r"[\"“”«»]")

QUESTION_WORDS = frozenset(
    "what why how who where when which is are does do did can could would will should any anyone source".split()
)
DENY_CUES = frozenset(
    """false fake hoax lie lies lying liar untrue wrong nonsense rubbish bullshit bs propaganda debunked
    debunk rumor rumour rumours rumors unconfirmed misinformation disinformation denied denies deny
    fabricated fabrication staged nope no not never isn't wasn't aren't doesn't didn't""".split()
)
SUPPORT_CUES = frozenset(
    """confirmed confirms confirm true indeed yes officially breaking reports reported according
    correct exactly right source sources""".split()
)
STOPWORDS = frozenset("the a an of to in on at and or is are was were be it this that".split())


def normalise(text: str) -> str:
    """Lower-cased text with URLs, @mentions and numbers replaced by placeholders."""
    text = _URL.sub(" urlx ", text)
    text = _MENTION.sub(" userx ", text)
    text = _NUMBER.sub("0", text)
    return text.lower()


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


@dataclass(frozen=True, slots=True)
class StanceInput:
    """What the model sees of one comment: its text and the text of what it answers."""

    text: str
    target_text: str = ""
    parent_text: str = ""
    depth: int = 1
    is_source: bool = False


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / (len(a) ** 0.5 * len(b) ** 0.5)


def terms(item: StanceInput) -> dict[str, float]:
    """Every term of ``item`` with its value (the input of the linear model)."""
    raw = item.text
    toks = words(raw)
    out: dict[str, float] = {}
    for tok in toks:
        out["w:" + tok] = 1.0
    for a, b in zip(toks, toks[1:]):
        out["b:" + a + "_" + b] = 1.0
    norm = " " + " ".join(toks) + " "
    content = {t for t in toks if t not in STOPWORDS and len(t) > 2}
    stripped = raw.strip()
    if "?" in raw:
        out["h:has_q"] = 1.0
    if stripped.endswith("?"):
        out["h:ends_q"] = 1.0
    if toks and toks[0] in QUESTION_WORDS:
        out["h:starts_qword"] = 1.0
    if "!" in raw:
        out["h:has_excl"] = 1.0
    if _URL.search(raw):
        out["h:url"] = 1.0
    if _QUOTE.search(raw):
        out["h:quote"] = 1.0
    n_deny = sum(1 for t in toks if t in DENY_CUES)
    if n_deny:
        out["h:deny_cue"] = min(n_deny, 3) / 3.0
    n_support = sum(1 for t in toks if t in SUPPORT_CUES)
    if n_support:
        out["h:support_cue"] = min(n_support, 3) / 3.0
    n_words = len([t for t in toks if t not in ("?", "!", "userx", "urlx")])
    if n_words <= 4:
        out["h:short"] = 1.0
    out["h:len"] = min(n_words, 40) / 40.0
    if item.is_source:
        out["h:source"] = 1.0
    else:
        out["h:depth1"] = 1.0 if item.depth <= 1 else 0.0
        out["h:deep"] = 1.0 if item.depth > 1 else 0.0
    if toks and toks[0] in ("rt", "mt") or " rt userx" in norm or "“userx" in norm:
        out["h:retweet"] = 1.0
    if item.target_text:
        sim = _overlap(content, _content(item.target_text))
        out["h:sim_target"] = sim
        for cut in (0.3, 0.5, 0.7):
            if sim > cut:
                out[f"h:sim_target>{cut}"] = 1.0
    if item.parent_text and item.parent_text != item.target_text:
        out["h:sim_parent"] = _overlap(content, _content(item.parent_text))
    out["h:bias"] = 1.0
    return out


def _content(text: str) -> set[str]:
    return {t for t in words(text) if t not in STOPWORDS and len(t) > 2}


_REPORTED_CUES = re.compile(r"\b(?:said|says|told|reported|according to|claimed|warned|chanted|shouted|wrote|footage|video|shows?)\b", re.I)
_CONDEMN_CUES = re.compile(r"\b(?:criminals?|ashamed|shame|disgust\w*|condemn\w*|war crimes?|genocide|horrif\w*|chilling|stop calling|calling for|racis\w*)\b", re.I)


def moderation_terms(text: str) -> dict[str, float]:
    """Terms of the learned moderation models: words, bigrams and framing cues."""
    toks = words(text)
    out: dict[str, float] = {"h:bias": 1.0}
    for tok in toks:
        out["w:" + tok] = 1.0
    for a, b in zip(toks, toks[1:]):
        out["b:" + a + "_" + b] = 1.0
    if _REPORTED_CUES.search(text):
        out["f:reported"] = 1.0
    if _CONDEMN_CUES.search(text):
        out["f:condemn"] = 1.0
    if _QUOTE.search(text):
        out["f:quote"] = 1.0
    return out
