"""What each comment answers: the article, or an earlier comment (and the claim in it).

Where the page gives a reply tree (``Comment.parent``) that decides. In a flat thread the
target is inferred, in this order:

1. a quotation of the article ("“The only hope of militants is ...”") -> the article;
2. a quotation of an earlier comment -> that comment;
3. an address to an earlier commenter ("@Heiko", "Heiko, ...") -> that commenter's last comment;
4. a short reaction ("False report!", "Source?", "That's wrong") or one that opens with an
   anaphor ("There ...", "That ...") -> the comment just before; a short verdict (true / false)
   skips back (up to three comments) to the nearest comment that carries a claim;
5. otherwise -> the article.

``claim`` is ``"claim:<index into report.control_claims>"`` of the claim answered, when one
can be named: a claim in the target comment, or for the article the claim whose words the
comment shares most (else the article's last claim, the one nearest the thread).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.model import Comment, Report
from frontwatch.thread.features import STOPWORDS, words

_QUOTED = re.compile(r"[\"“«]([^\"”»]{12,})[\"”»]")
_ADDRESS = re.compile(r"^\s*@?([A-Z][\w.\-]+(?:[ _][A-Z][\w.\-]+)?)\s*[,:]")
_MENTION = re.compile(r"@([\w.\-]+)")
_ANAPHOR = re.compile(r"^\s*(?:there|that|this|those|these|it|he|she|they|so|no|yes|nope|wrong|true|false|agreed|source|link|proof|indeed)\b", re.I)
_VERDICT = re.compile(
    r"\b(?:false|fake|untrue|not true|wrong|lies?|hoax|propaganda|nonsense|rubbish|bs|never happened|debunked|"
    r"true|confirmed|correct|indeed|exactly|right)\b",
    re.I,
)
SHORT_WORDS = 8
LOOKBACK = 3


@dataclass(frozen=True, slots=True)
class Target:
    """What a comment answers: ``target`` is ``"article"`` or ``"comment:<id>"``."""

    target: str
    text: str
    parent_text: str
    depth: int
    claim: str | None = None
    how: str = "default"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 2}


def _claims_by_field(report: Report) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, claim in enumerate(report.control_claims):
        out.setdefault(claim.evidence.field, []).append(i)
    return out


def _best_claim(report: Report, indices: list[int], text: str, fallback_last: bool) -> str | None:
    if not indices:
        return None
    facts = [i for i in indices if report.control_claims[i].is_fact] or indices
    mine = _content(text)
    best, best_score = None, 0
    for i in facts:
        claim = report.control_claims[i]
        score = len(mine & _content(claim.evidence.text + " " + claim.place.span.text))
        if score > best_score:
            best, best_score = i, score
    if best is None:
        best = facts[-1] if fallback_last else facts[0]
    return f"claim:{best}"


def _article_text(report: Report) -> str:
    return report.title or report.body[:300]


def infer_targets(report: Report) -> dict[str, Target]:
    """The target of every comment of ``report``, by comment id."""
    claims = _claims_by_field(report)
    body_norm = _norm(report.title + " " + report.body)
    comments = report.comments
    by_id = {c.id: c for c in comments}
    depth: dict[str, int] = {}
    out: dict[str, Target] = {}
    article = _article_text(report)
    for pos, c in enumerate(comments):
        target = _infer_one(report, c, pos, comments, by_id, claims, body_norm, article, depth)
        depth[c.id] = target.depth
        out[c.id] = target
    return out


def _to_comment(report: Report, parent: Comment, depth: dict[str, int], claims: dict[str, list[int]],
                text: str, how: str) -> Target:
    d = depth.get(parent.id, 1) + 1
    claim = _best_claim(report, claims.get(parent.id, []), text, fallback_last=False)
    return Target(f"comment:{parent.id}", parent.text, parent.text, d, claim, how)


def _to_article(report: Report, claims: dict[str, list[int]], text: str, article: str, how: str) -> Target:
    indices = claims.get("title", []) + claims.get("body", [])
    return Target("article", article, article, 1, _best_claim(report, indices, text, fallback_last=True), how)


def _infer_one(
    report: Report,
    c: Comment,
    pos: int,
    comments: tuple[Comment, ...],
    by_id: dict[str, Comment],
    claims: dict[str, list[int]],
    body_norm: str,
    article: str,
    depth: dict[str, int],
) -> Target:
    text = c.text
    if c.parent and c.parent in by_id:
        return _to_comment(report, by_id[c.parent], depth, claims, text, "reply tree")
    earlier = comments[:pos]
    for quoted in _QUOTED.findall(text):
        q = _norm(quoted)[:80]
        if q and q in body_norm:
            return _to_article(report, claims, quoted, article, "quotes the article")
        for prev in reversed(earlier):
            if q and q in _norm(prev.text):
                return _to_comment(report, prev, depth, claims, text, "quotes a comment")
    names = [m.group(1) for m in _MENTION.finditer(text)]
    m = _ADDRESS.match(text)
    if m:
        names.append(m.group(1))
    for name in names:
        key = name.lower().replace("_", " ")
        for prev in reversed(earlier):
            author = (prev.author or "").lower()
            if author and (author == key or author.split()[0] == key.split()[0]):
                return _to_comment(report, prev, depth, claims, text, f"addresses {prev.author}")
    n_words = len(text.split())
    if earlier and (n_words <= SHORT_WORDS or _ANAPHOR.match(text)):
        if n_words <= SHORT_WORDS and _VERDICT.search(text) and "?" not in text:
            for prev in list(reversed(earlier))[:LOOKBACK]:
                if claims.get(prev.id):
                    return _to_comment(report, prev, depth, claims, text, "verdict on the nearest claim")
            if not claims.get(earlier[-1].id):
                return _to_article(report, claims, text, article, "verdict on the article's claim")
        return _to_comment(report, earlier[-1], depth, claims, text, "reacts to the comment before")
    return _to_article(report, claims, text, article, "default")
