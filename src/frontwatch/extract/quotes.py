"""Quoted article lines in comments: a comment that quotes the article repeats, it does not claim.

A range of a comment is a quote when it is a ``>``-prefixed line, or text in quotation marks,
or a sentence of six words or more, that appears (after normalising case, quotes and spaces)
in the article's title or body. Statements inside quotes give no claims of the commenter.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“”«»„](?P<q>[^\"“”«»„\n]{12,})[\"“”«»„]")
_WORD = re.compile(r"[^\W_]+")


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def normalise(article: str) -> str:
    """The article as :func:`quoted_ranges` compares it (compute once per report)."""
    return _norm(article)


def quoted_ranges(comment: str, article: str, *, normalised: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of ``comment`` that quote ``article`` (``normalised``: its :func:`normalise`)."""
    norm_article = normalised if normalised is not None else _norm(article)
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"(?m)^\s*>.*$", comment):
        out.append((m.start(), m.end()))
    for m in _QUOTED.finditer(comment):
        words = _norm(m.group("q"))
        if words and len(words.split()) >= 4 and words in norm_article:
            out.append((m.start(), m.end()))
    for m in re.finditer(r"[^.!?\n]+[.!?]?", comment):
        words = _norm(m.group(0))
        if len(words.split()) >= 6 and words in norm_article:
            out.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps a quoted range."""
    return any(s < end and start < e for s, e in ranges)
