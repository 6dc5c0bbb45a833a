"""Language identification (py3langid, offline) kept cheap and cautious.

Only the first :data:`SAMPLE_CHARS` characters are classified. A text shorter than
:data:`MIN_CHARS` characters or :data:`MIN_WORDS` words, or one the model is unsure about
(normalised probability below :data:`MIN_PROB`), gets the ``fallback`` language (a
comment's fallback is its report's language) instead of a wild guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 500
MIN_CHARS = 20
MIN_WORDS = 3
MIN_PROB = 0.5

_URL = re.compile(r"https?://\S+|www\.\S+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, fallback: str | None = None, *, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``fallback`` when the text is too short or unclear."""
    if not text:
        return fallback
    head = _URL.sub(" ", text[: sample + 100])[:sample]
    if len(head.strip()) < MIN_CHARS or len(_WORD.findall(head, 0, 200)) < MIN_WORDS:
        return fallback
    lang, prob = _identifier().classify(head)
    if prob < MIN_PROB:
        return fallback
    return str(lang)
