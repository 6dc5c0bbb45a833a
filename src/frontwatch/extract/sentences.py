"""A fast sentence splitter that copes with missing punctuation, very long sentences and caps.

Sentences end at ``.``, ``!`` or ``?`` followed by space and a capital, digit or quote, and at
blank lines or line breaks. Text without punctuation is cut at line breaks, and any piece
longer than :data:`MAX_LEN` characters is cut again at ``;``, ``,`` or a space so no rule
ever has to scan an unbounded sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_LEN = 400
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")

_ABBREV = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st u.s u.k u.n jan feb mar apr jun jul aug sep sept oct nov dec "
    "no vs etc approx e.g i.e al km".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])|[.!?]+[\"'”’)\]]*\s*$|\n\s*")


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0)[:1] == "." and _is_abbrev(text, m.start()):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _is_abbrev(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    for s, e in _cut_long(text, start, end):
        out.append((s, e))


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_LEN:
        limit = start + MAX_LEN
        cut = -1
        for pattern in (r"[;:]\s", r",\s", r"\s"):
            best = -1
            for m in re.finditer(pattern, text[start + MAX_LEN // 2 : limit]):
                best = start + MAX_LEN // 2 + m.end()
            if best > 0:
                cut = best
                break
        if cut <= start:
            cut = limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def is_shouting(text: str) -> bool:
    """True when most letters of ``text`` are capitals (an all-caps headline)."""
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper + lower >= 6 and upper > 0.7 * (upper + lower)
