"""Name keys: one spelling-independent key per place name.

Romanised Arabic (and other names) are written many ways: ``Sheikh Maqsoud``, ``Sjeikh
Maqsud``, ``al-Shaykh Maqsud``; ``Deir ez-Zor``, ``Dayr al-Zawr``, ``Deir Ezzor``. Two keys
make those meet without merging different places:

* :func:`name_key` — token by token: Arabic script transliterated, accents and ʿayn dropped,
  articles (al-, el-, ash-, ...) removed, common title words unified (Sheikh/Shaykh/Sjeikh/
  Cheikh, Deir/Dayr/Dair, Tell/Tal, Jabal/Jebel, Ain/Ein/Ayn, Kafr/Kfar), letters that
  transliterations swap merged (q/k, ou/oo/u, ee/i, e/a/i), doubled letters single, endings
  -eh/-ah/-a unified. Keys of equal names are equal.
* :func:`skeleton` — the consonants of the key without spaces, a looser second key that
  catches assimilated articles ("Ezzor" / "ez-Zor") and vowel-less spellings ("Salhin").

Keys are built token by token (:func:`token_key`) so the recogniser can join the keys of
consecutive words without recomputing them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

#: Arabic letters -> Latin, close to common English transliteration (consonant skeleton).
ARABIC: dict[str, str] = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "u", "ي": "i", "ى": "a", "پ": "p", "چ": "ch", "ژ": "zh",
    "ک": "k", "گ": "g", "ی": "i", "ە": "a", "ۆ": "o", "ێ": "e", "ڵ": "l", "ڕ": "r",
    "ـ": "", "\u064b": "", "\u064c": "", "\u064d": "", "\u064e": "a", "\u064f": "u",
    "\u0650": "i", "\u0651": "", "\u0652": "",
}
_ARABIC_TABLE = str.maketrans(ARABIC)
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_ARABIC_ARTICLE_RE = re.compile(r"(?<![\u0600-\u06ff])ال")

#: Definite articles as written before a hyphen (al-Bab, ash-Sham, ez-Zor).
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed", "adh", "an", "en",
     "ar", "er", "at", "et", "ath", "az", "ez"}
)
#: Articles dropped even when written as a separate word ("Al Bab", "El Fasher").
FREE_ARTICLES: frozenset[str] = frozenset({"al", "el"})

#: Title words written many ways -> one form (applied to whole lowercase ASCII tokens).
TITLE_WORDS: dict[str, str] = {}
for _canon, _forms in {
    "shaykh": "sheikh shaykh sjeikh cheikh shaikh sheik shaik shekh shiekh scheich sheykh shikh",
    "dayr": "deir dayr dair deyr dier dyr dir",
    "tal": "tell tal tall tel",
    "jabal": "jabal jebel jabel djebel jbel jebal gebel",
    "ayn": "ain ein ayn ayin aïn",
    "kafr": "kafr kfar kafar kefr kfr",
    "abu": "abu abou abo",
    "bani": "bani beni bany",
    "bayt": "beit bayt bait beyt",
    "khirbat": "khirbat khirbet kherbet khirbit",
    "marj": "marj merj",
    "wadi": "wadi wady ouadi oued",
    "umm": "umm um om oum",
    "hayy": "hayy hay hayi",
    "saint": "saint st",
    "mount": "mount mt",
    "fort": "fort ft",
}.items():
    for _form in _forms.split():
        TITLE_WORDS[_form] = _canon

_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
_VOWEL_RE = re.compile(r"[aeiou]+")


def ascii_fold(text: str) -> str:
    """Lowercase ASCII: Arabic transliterated, accents stripped, ʿayn/hamza and apostrophes dropped."""
    if _ARABIC_RE.search(text):
        text = _ARABIC_ARTICLE_RE.sub("", text).translate(_ARABIC_TABLE)
    text = text.replace("ʿ", "").replace("ʾ", "").replace("'", "").replace("’", "").replace("‘", "").replace("`", "")
    return unidecode(text).lower().replace("'", "")


def split_tokens(text: str) -> list[str]:
    """ASCII-folded tokens of ``text`` with articles removed (``"Bab al-Nayrab"`` -> bab, nayrab)."""
    folded = ascii_fold(text)
    out: list[str] = []
    for raw in folded.split():
        parts = [p for p in _SPLIT_RE.split(raw) if p]
        last = len(parts) - 1
        for i, part in enumerate(parts):
            if i < last and part in ARTICLES:
                continue  # "al-" before a hyphen
            if last == 0 and part in FREE_ARTICLES:
                continue  # a free-standing "al"/"el" word
            out.append(part)
    return out


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """The key of one ASCII-folded, article-free token."""
    if token in TITLE_WORDS:
        return TITLE_WORDS[token]
    t = token
    if t.isdigit():
        return t
    t = t.replace("sj", "sh").replace("sch", "sh").replace("ch", "sh").replace("dj", "j")
    t = t.replace("ph", "f").replace("th", "t").replace("dh", "d").replace("kh", "x")
    t = t.replace("ck", "k").replace("q", "k").replace("c", "k").replace("w", "u")
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ie", "i")
    t = t.replace("ey", "ay").replace("ei", "ay").replace("ai", "ay")
    t = _DOUBLE_RE.sub(r"\1", t)
    # endings -eh, -ah, -a, -e (Raqqeh, Raqqah, Raqqa) -> -a
    if len(t) > 3 and t.endswith("h") and t[-2] in "aei":
        t = t[:-1]
    if len(t) > 3 and t.endswith("e"):
        t = t[:-1] + "a"
    # vowels: e is written for both a (Deraa) and i (Idleb); o for u. a, i, u stay apart.
    t = t.replace("e", "i").replace("o", "u")
    t = _DOUBLE_RE.sub(r"\1", t)
    return t


def token_skeleton(tkey: str) -> str:
    """Consonants of a token key."""
    return _DOUBLE_RE.sub(r"\1", _VOWEL_RE.sub("", tkey))


@lru_cache(maxsize=200_000)
def folded(text: str) -> str:
    """ASCII-folded, article-free, lowercase tokens joined by spaces (how a name is *written*)."""
    return " ".join(split_tokens(text))


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The primary key of a name: token keys joined by spaces ("" for a name of articles only)."""
    return " ".join(token_key(t) for t in split_tokens(name))


def skeleton(name: str) -> str:
    """The secondary key: consonant skeleton of :func:`name_key`, without spaces."""
    return skeleton_of_key(name_key(name))


def skeleton_of_key(key: str) -> str:
    return _DOUBLE_RE.sub(r"\1", "".join(token_skeleton(t) for t in key.split()))


def slug(name: str) -> str:
    """A lowercase ASCII slug for ids (``"Bab al-Nayrab"`` -> ``"bab-al-nayrab"``)."""
    return "-".join(p for p in _SPLIT_RE.split(ascii_fold(name)) if p)
