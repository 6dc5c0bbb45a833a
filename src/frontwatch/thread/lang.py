"""Which comments the thread models can read: English only, for now.

A comment's ``language`` is set by ingestion when it knows; otherwise it is detected here. A
cheap check comes first (English function words, Latin script); py3langid decides only the
comments that check leaves open, and a short comment is never called foreign on a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontwatch.model import Comment

SUPPORTED = frozenset({"en"})
UNSUPPORTED = "unsupported language"

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    """the a an and or but is are was were be been to of in on at for with from by this that these those
    it they them their we you he she his her i my me our not no yes what why how who where when will would
    can could should there here have has had do does did all just only so if as than then now""".split()
)


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)


@lru_cache(maxsize=1)
def _identifier() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=8192)
def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text``, ``None`` when there is too little text to tell."""
    if _latin_share(text) < 0.5:
        lang, _ = _identifier().classify(text)  # type: ignore[attr-defined]
        return str(lang)
    tokens = [t.lower() for t in _WORD.findall(text)]
    if not tokens:
        return None
    english = sum(1 for t in tokens if t in _ENGLISH)
    if english and english / len(tokens) >= 0.12:
        return "en"
    if len(tokens) < 6:
        return None  # "False report!", "Godspeed saa": too short to call foreign
    lang, prob = _identifier().classify(text)  # type: ignore[attr-defined]
    return str(lang) if prob >= 0.8 else None


def comment_language(comment: Comment) -> str | None:
    return comment.language or detect(comment.text)


def supported(comment: Comment) -> bool:
    """True unless the comment is known or detected to be in a language the models do not read."""
    lang = comment_language(comment)
    return lang is None or lang.split("-")[0].lower() in SUPPORTED
