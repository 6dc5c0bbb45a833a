"""Learned moderation models: recall for wording the rules have not seen.

One small logistic model per category (incitement, dehumanisation), trained by
``scripts/train_moderation.py`` on the project's own labelled conflict comments only, over the
words, bigrams and framing cues of :func:`frontwatch.thread.features.moderation_terms`. A
comment the rules leave unflagged is flagged when the model's probability passes
:data:`THRESHOLD`; the flag's span is its highest-scoring sentence that is not reported, quoted
or condemned.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from frontwatch.thread.features import moderation_terms
from frontwatch.thread.linear import LinearModel
from frontwatch.thread.rules import IDENTITY

CATEGORIES = ("incitement_to_violence", "dehumanisation", "threat", "insult", "identity_attack")
#: Probability above which a comment is flagged (chosen for precision: news sentences stay < 0.2%).
THRESHOLD = 0.7
#: Per-category thresholds (0.6 dehumanisation, 0.5 identity attacks), chosen on the
#: fresh heldout12 round and the news flag rate (threats stay at 0.7: lower flagged "find out more" in news).
THRESHOLDS = {"dehumanisation": 0.6, "identity_attack": 0.5}


def threshold(category: str) -> float:
    """The probability above which the learned model of ``category`` flags a comment."""
    return THRESHOLDS.get(category, THRESHOLD)


#: A learned flag also needs one of these words in its sentence: the model weighs wording, the
#: gate makes sure the sentence is about harming people (or calling them non-human) at all.
#: Each pattern is matched against single lower-case words (results cached per word).
_HARM_WORD: dict[str, re.Pattern[str]] = {
    "incitement_to_violence": re.compile(
        r"kill\w*|dead|death|die|dying|shoot|shot|execut\w*|hang\w*|burn\w*|bomb\w*|gas|gassed|slaughter\w*|"
        r"massacre\w*|exterminat\w*|wipe|wiped|destroy|blood\w*|bullets?|starv\w*|freeze|drone|shell|behead\w*|"
        r"murder\w*|breathing|alive|hell|graves?|nuke\w*|erase|flatten|raze|level|crush|annihilat\w*|torture|"
        r"lynch\w*|rope|noose|wall|mercy|prisoners|survivors|finish|eliminat\w*|purge|cleanse|drown\w*|poison\w*"
    ),
    "dehumanisation": re.compile(
        r"sub|subhumans?|human|humans|people|men|animals?|beasts?|vermin|rats?|cockroach\w*|roaches|insects?|"
        r"parasit\w*|lice|maggots?|termites?|leech\w*|locusts?|swarm|horde|pack|herd|pigs?|swine|dogs?|apes?|"
        r"monkeys?|hyenas?|jackals?|snakes?|vipers?|orcs?|savages?|plague|cancer|disease|virus|infect\w*|filth|scum|"
        r"pests?|breed\w*|creatures?|things|it"
    ),
    "threat": re.compile(
        r"dead|die|kill\w*|hang|burn|find|hunt\w*|pay|regret|coming|visit|blood|neck|throat|head|address|family|"
        r"children|sleep|next|list|end|slaughter\w*|cut|shoot|bullet"
    ),
    "identity_attack": re.compile(IDENTITY[3:-1]),
}
_YOU = frozenset({"you", "your", "youre", "u", "ya", "yourself"})
_VOCATIVE = re.compile(r"^\W*\w+\s*,")
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def _word_harm(word: str) -> frozenset[str]:
    return frozenset(cat for cat, rx in _HARM_WORD.items() if rx.fullmatch(word))


def harm_gates(text: str) -> set[str]:
    """The categories whose harm-word gate ``text`` opens."""
    words = _WORDS.findall(text.lower().replace("'", " "))
    out: set[str] = set()
    for w in words:
        out |= _word_harm(w)
    you = any(w in _YOU for w in words)
    if not you:
        out.discard("threat")
    if you or _VOCATIVE.match(text):
        out.add("insult")
    return out


def model_path(category: str) -> Path:
    return Path(str(importlib_resources.files("frontwatch") / "data" / "moderation" / f"{category}.npz"))


@lru_cache(maxsize=1)
def load_models() -> dict[str, LinearModel]:
    """The shipped models by category (an absent file leaves the rules alone)."""
    out = {}
    for cat in CATEGORIES:
        path = model_path(cat)
        if path.is_file():
            out[cat] = LinearModel.load(path)
    return out


def probability(model: LinearModel, text: str | dict[str, float]) -> float:
    """The model's probability of a flag for ``text`` (or its precomputed terms)."""
    terms = moderation_terms(text) if isinstance(text, str) else text
    k = model.labels.index("yes")
    rows = model.rows
    margin = float(model.bias[k] - model.bias[1 - k])
    for term, value in terms.items():
        row = rows.get(term)
        if row is not None:
            margin += value * (row[k] - row[1 - k])
    return 1.0 / (1.0 + math.exp(-margin))


def top_words(model: LinearModel, text: str, n: int = 3) -> list[str]:
    """The words of ``text`` that push the model most toward a flag (for the rationale)."""
    k = model.labels.index("yes")
    scored = []
    for term, value in moderation_terms(text).items():
        row = model.rows.get(term)
        if row is not None and term[:2] in ("w:", "b:"):
            scored.append((value * (row[k] - row[1 - k]), term[2:].replace("_", " ")))
    return [w for s, w in sorted(scored, reverse=True)[:n] if s > 0]
