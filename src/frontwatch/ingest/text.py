"""Plain-text reports: headline, article body, then a reader thread copied from the page.

The layout (see ``docs/ingest.md``)::

    Source: Example Front News          <- optional header block (Source/Outlet, Published/Date,
    Published: 2016-12-13                  URL/Link, Title, Author/By, Language), then a blank line
    Headline of the report              <- first line, alone in its paragraph
    13 December 2016 / By A. Writer     <- optional dateline / byline
    Article paragraph ...               <- body
    Click to see the full-size map      <- captions and furniture -> meta["boilerplate"]
    Heiko Demonus                       <- thread: lone name lines, timestamps, "Reply" lines
    False report!                          and blank-line gaps separate the comments

The article/thread boundary is the change point that best separates news register (third
person, long declarative paragraphs) from thread register (first/second person, questions,
exclamations, links, short lines, author and widget lines), helped by double blank lines,
captions and thread headings ("12 Comments"). ``meta["split"]`` records where it fell and how
sure it is; each comment carries its own ``split_confidence``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

from frontwatch.ingest.base import make_report
from frontwatch.ingest.dates import parse_published, parse_timestamp
from frontwatch.ingest.decode import normalise_text
from frontwatch.ingest.lines import Line, split_lines
from frontwatch.model import Comment, Report

HEADER_KEYS: dict[str, str] = {
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "author": "author",
    "by": "author",
    "byline": "author",
    "language": "language",
    "lang": "language",
}
_HEADER_LINE = re.compile(r"^(" + "|".join(HEADER_KEYS) + r")\s*:\s*(.*)$", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
#: First- and second-person words: the register of a reader talking, not of a report.
_PRONOUNS = frozenset(
    "i i'm i've i'd i'll im ive me my mine we we're we've us our you you're you've your u ya "
    "je j'ai moi nous vous tu ich wir du euch yo nosotros vosotros я мы вы ты ми ви ти أنا نحن أنت انت".split()
)
#: Words and word pairs typical of comments (hearsay, verdicts, exhortation, slang).
_COMMENT_WORDS = frozenset(
    "think imo imho lol lmao fake propaganda should godspeed hope wtf nobody idiot idiots rats agree disagree".split()
)
_COMMENT_PAIRS = frozenset(
    {("other", "sources"), ("some", "sources"), ("i've", "read"), ("i", "read"), ("i", "heard"), ("false", "report"),
     ("not", "true"), ("let", "them"), ("kill", "them"), ("great", "news"), ("well", "done")}
)
#: Words and word pairs typical of news copy (attribution, agencies, weekdays).
_NEWS_WORDS = frozenset(
    "said says told announced stated statement spokesman spokeswoman spokesperson ministry agency correspondent "
    "reuters afp sana anadolu".split()
)
_NEWS_PAIRS = frozenset(
    {("according", "to"), ("reported", "that"), ("declined", "to"), ("not", "comment"), ("not", "immediately"),
     ("be", "reached")}
    | {("on", day) for day in "monday tuesday wednesday thursday friday saturday sunday".split()}
)
_CONNECTIVE = re.compile(
    r"^(?:but|and|also|however|so|moreover|then|meanwhile|besides|anyway|in the past|in the long|in the short|"
    r"on the other hand|plus|p\.?s\.?|edit|update|otherwise|still|yet|that said|because|or)\b",
    re.I,
)
_LONE_URL = re.compile(r"^https?://\S+$")
_QUOTE_OPEN = "“\"«„'‘>"
_QUOTE_CLOSE = "”\"»“'’"
_THREAD_PRIOR = 2.0


def _text_score(text: str) -> float:
    """Comment-likeness of one line of text (positive: thread register; negative: news)."""
    s = -0.3
    bare = _QUOTED.sub(" ", text) if ('"' in text or "“" in text or "«" in text) else text
    words = _TOKEN.findall(bare.lower().replace("’", "'"))
    wset = set(words)
    pairs = set(zip(words, words[1:]))
    if not wset.isdisjoint(_PRONOUNS):
        s += 1.0
    if text.endswith(("?", "؟")):
        s += 1.0
    elif "?" in bare or "؟" in bare:
        s += 0.4
    if "!" in bare:
        s += 0.5
    if ("http" in text or "www." in text) and _URL.search(text):
        s += 0.6
    if text[:1].islower():
        s += 0.6
    if len(text) < 60:
        s += 0.3
    elif len(text) > 400:
        s -= 0.6
    if not wset.isdisjoint(_COMMENT_WORDS) or not pairs.isdisjoint(_COMMENT_PAIRS) or "***" in bare or "!!" in bare:
        s += 0.7
    if not wset.isdisjoint(_NEWS_WORDS) or not pairs.isdisjoint(_NEWS_PAIRS):
        s -= 0.7
    return s


def _line_score(lines: Sequence[Line], i: int) -> float:
    line = lines[i]
    kind = line.kind
    if kind == "text":
        return _text_score(line.text)
    if kind == "name":
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prv = lines[i - 1] if i > 0 else None
        near_text = (nxt is not None and nxt.kind == "text" and nxt.gap <= 1) or (
            prv is not None and prv.kind == "text" and line.gap <= 1
        )
        return 2.5 if near_text else 1.0
    return {"time": 2.0, "noise": 2.5, "header": 3.0, "replyto": 2.5}.get(kind, 0.0)


def _read_header(lines: list[Line]) -> tuple[dict[str, str], int]:
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and (i == 0 or lines[i].gap == 0):
        m = _HEADER_LINE.match(lines[i].text)
        if not m:
            break
        header.setdefault(HEADER_KEYS[m[1].lower()], m[2].strip())
        i += 1
    if i and i < len(lines) and lines[i].gap == 0:
        return {}, 0  # not a header block: it runs straight into text
    return header, i


def _boundary(lines: list[Line], first: int) -> tuple[int, float, list[str]]:
    """Index of the first thread line (``len(lines)`` when there is no thread) and its confidence."""
    n = len(lines)
    scores = [_line_score(lines, i) for i in range(n)]
    suffix = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] + scores[i]
    starts = [i for i in range(first, n) if lines[i].gap >= 1]
    # the first paragraph belongs to the article unless it already is thread furniture
    candidates = [i for i in starts[1:]] if len(starts) > 1 else []
    if starts and lines[starts[0]].kind in ("name", "header", "noise"):
        candidates.insert(0, starts[0])
    results: list[tuple[float, int, list[str]]] = [(0.0, n, [])]
    max_gap = 0
    prev_start = first
    for b in candidates:
        for j in range(prev_start, b):
            if j > first:
                max_gap = max(max_gap, lines[j].gap)
        prev_start = b
        cues: list[str] = []
        bonus = 0.0
        if lines[b].gap >= 2 and max_gap <= 1:
            bonus += 1.5
            cues.append("double blank line")
        if b > 0 and lines[b - 1].kind == "boilerplate":
            bonus += 1.5
            cues.append("after caption/boilerplate")
        if lines[b].kind == "header" or (b > 0 and lines[b - 1].kind == "header"):
            bonus += 4.0
            cues.append("thread heading")
        if lines[b].kind in ("name", "time", "noise"):
            bonus += 0.6
            cues.append("author line")
        results.append((2 * suffix[b] + bonus - _THREAD_PRIOR, b, cues))
    results.sort(key=lambda r: -r[0])
    best_score, best, cues = results[0]

    def same_split(other: int) -> bool:  # differs from best only by captions in between
        lo, hi = min(best, other), max(best, other)
        return all(lines[j].kind == "boilerplate" for j in range(lo, hi))

    rivals = [r[0] for r in results[1:] if not same_split(r[1])]
    runner = rivals[0] if rivals else best_score - 6.0
    confidence = 1.0 / (1.0 + math.exp(-(best_score - runner) / 2.0))
    if best < n and not cues:
        cues.append("change of register")
    return best, round(confidence, 2), cues


def _layout(thread: list[Line]) -> str:
    above = below = 0.0
    idx = [i for i, line in enumerate(thread) if line.kind == "name"]
    content = [i for i, line in enumerate(thread) if line.kind in ("text", "name")]
    for i in idx:
        line = thread[i]
        if line.hint == "above":
            above += 2
        elif line.hint == "below":
            below += 2
        if content and i == content[0]:
            above += 2
        if content and i == content[-1]:
            below += 2
        nxt = thread[i + 1] if i + 1 < len(thread) else None
        prv = thread[i - 1] if i > 0 else None
        if nxt is not None and nxt.kind == "noise" and nxt.gap == 0:
            below += 1
        if nxt is not None and nxt.gap >= 2:
            below += 1
        if line.gap >= 2:
            above += 1
        if prv is not None and prv.kind == "text" and line.gap == 0:
            below += 0.5
        if nxt is not None and nxt.kind == "text" and nxt.gap <= 1:
            above += 0.5
    return "below" if below > above else "above"


def _is_quote(text: str) -> bool:
    return len(text) > 2 and text[0] in _QUOTE_OPEN and (text[0] == ">" or text.rstrip()[-1] in _QUOTE_CLOSE)


def _continues(prev: Line, nxt: Line) -> tuple[bool, float]:
    """Whether paragraph ``nxt`` (one blank line after ``prev``) continues the same comment."""
    if _is_quote(prev.text):
        return True, 0.75
    if prev.text.endswith(":"):
        return True, 0.7
    if nxt.text[:1].islower() and prev.text[-1:] not in ".!?":
        return True, 0.7
    if _CONNECTIVE.match(nxt.text) and len(prev.text) >= 60:
        return True, 0.65
    if len(prev.text) >= 200 and len(nxt.text) >= 150:
        return True, 0.6
    return False, 0.65 if min(len(prev.text), len(nxt.text)) < 120 else 0.55


class _Builder:
    """Accumulates thread lines into comments."""

    def __init__(self) -> None:
        self.done: list[dict[str, Any]] = []
        self.cur: dict[str, Any] | None = None
        self.pending: dict[str, Any] | None = None  # author waiting for text (name above)
        self.pending_parent: str | None = None

    def close(self, end_conf: float) -> None:
        if self.cur is not None:
            self.cur["conf"] = min(self.cur["conf"], end_conf)
            self.done.append(self.cur)
            self.cur = None

    def start(self, line: Line, conf: float, author: str | None = None, time: str | None = None,
              parent_author: str | None = None) -> None:
        self.cur = {
            "start": line.start, "end": line.end, "last": line, "author": author, "time": time,
            "conf": conf, "parent_author": parent_author or self.pending_parent,
        }
        self.pending_parent = None

    def extend(self, line: Line, conf: float) -> None:
        assert self.cur is not None
        self.cur["end"] = line.end
        self.cur["last"] = line
        self.cur["conf"] = min(self.cur["conf"], conf)


def _segment(thread: list[Line], layout: str, first_conf: float) -> list[dict[str, Any]]:
    """Comments (as dicts of offsets, author, time, confidence) from the thread's lines."""
    b = _Builder()
    for i, line in enumerate(thread):
        kind = line.kind
        if kind == "name":
            if layout == "above":
                if b.pending is not None and line.gap <= 1 and b.pending["parent"] is None:
                    b.pending["parent"] = line.author  # "Name" then the name it replies to (Disqus)
                    continue
                b.close(0.9)
                if b.pending is not None:  # two names apart: the first was a one-line comment
                    b.start(b.pending["line"], 0.4)
                    b.close(0.4)
                b.pending = {"author": line.author, "time": line.time, "line": line, "parent": line.parent_author}
            else:
                if b.cur is not None and b.cur["author"] is None:
                    b.cur["author"] = line.author
                    b.cur["time"] = b.cur["time"] or line.time
                    b.cur["parent_author"] = b.cur["parent_author"] or line.parent_author
                    b.close(0.9)
                elif b.cur is None and b.done and b.done[-1]["author"] is None:
                    b.done[-1]["author"] = line.author
                else:
                    b.close(0.6)
                    b.start(line, 0.4)
                    b.close(0.4)
        elif kind == "time":
            if b.pending is not None:
                b.pending["time"] = b.pending["time"] or line.time
            elif b.cur is not None:
                b.cur["time"] = b.cur["time"] or line.time
                b.close(0.85)
            elif b.done and b.done[-1]["time"] is None:
                b.done[-1]["time"] = line.time
        elif kind == "noise":
            if b.pending is None:
                b.close(0.9)
        elif kind == "replyto":
            b.close(0.85)
            b.pending_parent = line.parent_author
        elif kind == "text":
            if b.pending is not None:
                p = b.pending
                b.pending = None
                b.start(line, 0.9 if line.gap <= 1 else 0.75, p["author"], p["time"], p["parent"])
            elif b.cur is None:
                conf = first_conf if not b.done else (0.85 if line.gap >= 2 else 0.7)
                b.start(line, conf)
            elif line.gap == 0:
                b.extend(line, 0.9)
            elif line.gap >= 2:
                b.close(0.85)
                b.start(line, 0.85)
            else:
                joined, conf = _continues(b.cur["last"], line)
                if joined:
                    b.extend(line, conf)
                else:
                    b.close(conf)
                    b.start(line, conf)
    b.close(0.9)
    if b.pending is not None:  # a trailing "name" with nothing after it is a short comment
        b.start(b.pending["line"], 0.4)
        b.close(0.4)
    return b.done


def _is_byline(line: Line) -> bool:
    return line.text.lower().startswith("by ") and line.kind == "name"


def _is_dateline(line: Line) -> bool:
    return (line.kind == "time" and parse_published(line.text) is not None) or _is_byline(line)


def _same_name(a: str, b: str) -> bool:
    def key(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())

    return key(a) == key(b)


def _parent_of(item: dict[str, Any], earlier: list[tuple[str, str | None, str]]) -> str | None:
    """The id of the comment ``item`` replies to, when the text shows it."""
    wanted = item.get("parent_author")
    text: str = item["text"]
    if not wanted and text.startswith("@"):
        low = text[1:].lower()
        for cid, author, _ in reversed(earlier):
            if author and low.startswith(author.lower()):
                return cid
    if wanted:
        for cid, author, _ in reversed(earlier):
            if author and _same_name(author, wanted):
                return cid
    if _is_quote(text.split("\n", 1)[0]):
        quoted = text.split("\n", 1)[0].strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ")[:60]
        if len(quoted) >= 15:
            for cid, _, ctext in reversed(earlier):
                if quoted in ctext:
                    return cid
    return None


def read_text(
    text: str,
    *,
    path: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Report:
    """A Report from one plain text (article with or without its reader thread)."""
    norm = normalise_text(text)
    lines = split_lines(norm)
    header, i = _read_header(lines)
    meta: dict[str, Any] = {}
    if header.get("author"):
        meta["author"] = header["author"]
    title = header.get("title", "")
    page_url = header.get("url") or url
    if i < len(lines) and _LONE_URL.match(lines[i].text) and i + 1 < len(lines):
        page_url = page_url or lines[i].text  # a pasted page address above the headline
        i += 1
    if not title and i < len(lines):
        first = lines[i]
        j = i + 1
        while j < len(lines) and lines[j].gap == 0 and j <= i + 2 and _is_dateline(lines[j]):
            j += 1  # a dateline or byline straight under the headline
        alone = j >= len(lines) or lines[j].gap >= 1
        if alone and len(first.text) <= 250 and i + 1 < len(lines):
            title = first.text
            i += 1
    day = parse_published(header["published"]) if header.get("published") else None
    # a dateline or byline right under the headline
    for _ in range(2):
        if i >= len(lines) or not title:
            break
        line = lines[i]
        follows = i + 1 < len(lines)
        if line.kind == "time" and day is None and parse_published(line.text) and follows:
            day = parse_published(line.text)
            meta["dateline"] = line.text
            i += 1
        elif _is_byline(line) and follows:
            meta.setdefault("author", line.author)
            i += 1
        else:
            break
    day = day or published
    b, confidence, cues = _boundary(lines, i)
    article = lines[i:b]
    boilerplate = [line.text for line in article if line.kind == "boilerplate"]
    paragraphs: list[str] = []
    start: Line | None = None
    last: Line | None = None
    for line in article:
        if line.kind == "boilerplate":
            if start is not None and last is not None:
                paragraphs.append(norm[start.start : last.end])
            start = last = None
            continue
        if start is None or line.gap >= 1:
            if start is not None and last is not None:
                paragraphs.append(norm[start.start : last.end])
            start = line
        last = line
    if start is not None and last is not None:
        paragraphs.append(norm[start.start : last.end])
    body = "\n\n".join(paragraphs)
    thread = lines[b:]
    headings = [line.text for line in thread if line.kind == "header"]
    boilerplate += [line.text for line in thread if line.kind == "boilerplate"]
    thread = [line for line in thread if line.kind not in ("header", "boilerplate")]
    layout = _layout(thread) if thread else "none"
    items = _segment(thread, layout, confidence) if thread else []
    comments: list[Comment] = []
    earlier: list[tuple[str, str | None, str]] = []
    for k, item in enumerate(items, 1):
        cid = f"c{k}"
        item["text"] = norm[item["start"] : item["end"]]
        parent = _parent_of(item, earlier)
        posted = parse_timestamp(item["time"], published=day) if item.get("time") else None
        comments.append(
            Comment(
                id=cid,
                text=item["text"],
                author=item["author"],
                posted=posted,
                parent=parent,
                split_confidence=round(float(item["conf"]), 2),
                source_offset=item["start"],
            )
        )
        earlier.append((cid, item["author"], item["text"]))
    if boilerplate:
        meta["boilerplate"] = boilerplate
    if headings:
        meta["thread_headings"] = headings
    meta["split"] = {
        "boundary": lines[b].start if b < len(lines) else None,
        "confidence": confidence,
        "layout": layout,
        "cues": cues,
    }
    return make_report(
        body=body,
        title=title,
        comments=comments,
        url=page_url,
        source=header.get("source") or source,
        published=day,
        language=(header.get("language") or "").lower()[:2] or None,
        path=path,
        meta=meta,
    )
