"""Language identification (py3langid, offline) kept cheap and cautious.

Only the first :data:`SAMPLE_CHARS` characters are classified. A text shorter than
:data:`MIN_CHARS` characters or :data:`MIN_WORDS` words, or one the model is unsure about
(normalised probability below :data:`MIN_PROB`), gets the ``fallback`` language (a
comment's fallback is its report's language) instead of a wild guess. Plain-ASCII text dense
in English function words is taken as English without running the model (the common case,
and a cheap one).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 500
MIN_CHARS = 20
MIN_WORDS = 3
MIN_PROB = 0.5

#: The languages considered: those of conflict reporting and its readers (py3langid codes).
#: Restricting the set makes short texts less error-prone and classification faster.
LANGUAGES: tuple[str, ...] = tuple(
    """en ar fr ru uk de es it pt nl pl tr fa ku ps ur he am so sw ha om az hy ka sr hr bs bg ro el
    zh ja ko hi bn id ms my th vi tl rw ln yo ig zu ca cs sk hu sv da no fi lt lv et be kk uz ky tg
    mn ne si ta te mg""".split()
)
#: English function words that no other language in :data:`LANGUAGES` uses as words; a text
#: of ASCII letters where they make a fifth of the words is English without asking the model.
_ENGLISH = frozenset(
    """the and of that this they with was were have has are you what there their from been will
    would not but which who it's i'm i've don't can't isn't these those than then them our your
    since every where about after before into over just some without they're we're let's could
    should his her she him its my""".split()
)
#: Short English words that other languages share: they count half, and only next to the above.
_ENGLISH_WEAK = frozenset("a an in is to it on at as be by or for all so no me we he us do".split())
_URL = re.compile(r"https?://\S+|www\.\S+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([lang for lang in LANGUAGES if lang in ident.nb_classes])
    return ident


def detect(text: str, fallback: str | None = None, *, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``fallback`` when the text is too short or unclear."""
    if not text:
        return fallback
    head = _URL.sub(" ", text[: sample + 100])[:sample]
    if len(head.strip()) < MIN_CHARS or len(_WORD.findall(head, 0, 200)) < MIN_WORDS:
        return fallback
    if head.isascii():
        words = _WORD.findall(head.lower(), 0, 400)
        strong = sum(1 for w in words if w in _ENGLISH)
        hits = strong + 0.5 * sum(1 for w in words if w in _ENGLISH_WEAK)
        if strong and hits >= 2 and hits >= 0.2 * len(words):
            return "en"  # fast path: dense English function words, no other script
    lang, prob = _identifier().classify(head)
    if prob < MIN_PROB:
        return fallback
    return str(lang)
