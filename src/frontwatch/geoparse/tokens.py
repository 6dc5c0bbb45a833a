"""Tokenisation for recognition: words with their cached name-key parts, sentence starts,
Title Case lines, and the joins between the words of one name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontwatch.gazetteer.names import split_tokens, token_key

ARTICLE_CAP = re.compile(r"^(?:al|el|an|ar|as|ash|ad|az|at|en|ed|es|ez|ul|il)[-‑‐'’][A-Z]")
#: The rest of a hyphenated name after its head: a short connector, then a capital ("Port-au-Prince",
#: "Ras-al-Ain", "Deir-ez-Zor"); unlike "Texas-based" the whole word is one name.
HYPHEN_NAME = re.compile(r"[a-z]{1,4}[-‑‐'’][A-Z]")
_WORD_RE = re.compile(r"(?:[A-Z][a-z]{0,2}\.){2,}|[^\W\d_](?:[\w'’ʿ-]*[^\W_'’-])?")
_POSSESSIVE = ("'s", "’s")
_CONTRACTION = re.compile(r"^\w+['’](?:ve|ll|re|d|m|t)$", re.I)
_SENT_END = frozenset(".!?:;\"“”\n•|")


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    parts: tuple[str, ...]
    cap: bool
    sent_start: bool


@lru_cache(maxsize=300_000)
def word_parts(word: str) -> tuple[str, ...]:
    return tuple(token_key(t) for t in split_tokens(word))


def tokenize(text: str) -> list[Word]:
    words: list[Word] = []
    prev_end = 0
    for m in _WORD_RE.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        if "'" in w or "’" in w:
            if _CONTRACTION.match(w):
                prev_end = e
                continue
            if w.endswith(_POSSESSIVE):
                w, e = w[:-2], e - 2
        if s - prev_end == 1 and text[prev_end] == " ":
            sent_start = not words
        else:
            gap = text[prev_end:s]
            sent_start = not words or any(ch in _SENT_END for ch in gap)
            if sent_start and words and gap.strip(" ") == "." and words[-1].text in NAME_ABBREVIATIONS:
                sent_start = False  # "St. Louis", "Mt. Hermon": the name goes on
        cap = w[0].isupper() or ("-" in w and bool(ARTICLE_CAP.match(w)))
        if cap and "-" in w and not ARTICLE_CAP.match(w):
            head, _, rest = w.partition("-")
            if rest and (rest[0].islower() or (rest.isupper() and len(rest) <= 3)) and not HYPHEN_NAME.match(rest):
                # "Texas-based", "Russian-backed", "Gainesville-area", "Watertown-ML": the name is the head
                words.append(Word(s, s + len(head), head, word_parts(head), True, sent_start))
                s, w, cap, sent_start = s + len(head) + 1, rest, rest[0].isupper(), False
        words.append(Word(s, e, w, word_parts(w), cap, sent_start))
        prev_end = e
    return words


def _is_title_case(words: list[Word]) -> bool:
    content = [w for w in words if len(w.text) > 3]
    return len(content) >= 4 and sum(w.cap for w in content) / len(content) > 0.7


def title_case_lines(text: str, words: list[Word]) -> list[tuple[int, int]]:
    """Character ranges of lines written in Title Case (headlines; not lists of names)."""
    out: list[tuple[int, int]] = []
    k = 0
    n = len(words)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        line_words = []
        while k < n and words[k].start < end:
            if words[k].start >= start:
                line_words.append(words[k])
            k += 1
        if line.count(",") <= 1 and ";" not in line and _is_title_case(line_words):
            out.append((start, end))
        start = end + 1
    return out


#: Abbreviations that open place names and end in a full stop ("St. Louis", "Ft. Worth").
NAME_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})


def joins(gap: str) -> bool:
    """Words this far apart belong to one name: a space or a bare hyphen, not a spaced dash
    ("CHARLESTON, W.Va. -- Jim McMillon")."""
    return not gap.strip(" ") or gap == "-"
