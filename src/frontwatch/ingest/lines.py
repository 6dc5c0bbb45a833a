"""Line classification for plain-text reports (the copy-paste genre of article + thread).

Each non-blank line gets a kind:

- ``name``: a lone author line ("Heiko Demonus", "Bio_ Hazard", "Ryan Law says:",
  "— Ryan Law", "Ryan Law • 2 hours ago");
- ``time``: a lone timestamp ("2 hours ago", "December 13, 2016 at 4:12 pm", "3d");
- ``noise``: widget text copied with the thread ("Reply", "Like · Reply · 2h", "5 Likes");
- ``header``: a thread heading ("12 Comments", "Leave a Reply", "Sort by Best");
- ``boilerplate``: captions and page furniture ("Click to see the full-size map");
- ``replyto``: "Replying to Name" / "In reply to Name";
- ``text``: anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.ingest.dates import is_relative_time, parse_published

_SEP = re.compile(r"\s*(?:[•·|›»]|\s-\s|\s–\s|\s—\s)\s*")
_NOISE_WORDS = frozenset(
    """reply replies like likes liked share shares report flag upvote upvotes downvote vote votes
    edit edited delete permalink hide show view see more load translate translation ago
    collapse expand follow unfollow retweet retweets quote points point report abuse avatar
    comment comments older newer page previous next upvoted downvoted""".split()
)
_NOISE_TOKEN = re.compile(r"^(?:\d+[smhdwy]?|[↑↓▲▼+−\-–—•·|›»<>^()\[\]#/:,.]+|\d+:\d+)$")
_HEADER = re.compile(
    r"^(?:\d+\s+(?:comments?|replies|responses|reactions)|comments?(?:\s*\(\d+\))?|reader comments|"
    r"leave a (?:reply|comment)|post a comment|add a comment|join the discussion|discussion|"
    r"what do you think\??|comments are closed\.?|sort by\b.*|newest|oldest|best|top comments|"
    r"\d+\s+comments?\s*[•·|].*|showing \d+.*comments?|responses to .*|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\s+.{1,200})$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:click (?:here )?to\b.*|(?:see|view) (?:the )?(?:full[- ]size|larger|bigger) .*|"
    r"(?:informative|interactive|detailed|updated|full[- ]size) (?:map|infographic|graphic)\.?|"
    r"(?:map|photo|image|video|picture|infographic|graphic|source|credit|credits|via)\s*[:|–—].{0,120}|"
    r"(?:photo|image|video)\s*(?:by|courtesy of)\b.{0,80}|"
    r"share(?: this)?(?: (?:article|post|story))?:?|tweet|email|print|advertisement|sponsored|"
    r"read (?:more|also)\b.{0,120}|related(?: articles| posts| stories)?:?|tags?:.*|filed under:?.*|"
    r"subscribe\b.{0,80}|follow us\b.{0,80}|support (?:us|our work)\b.{0,80}|"
    r"(?:\(|\[)?(?:map|photo|image|video)(?:\)|\])?\.?)$",
    re.I,
)
_SHORT_CAPTION = re.compile(r"\b(?:map|photo|image|video|infographic|footage|screenshot)\b", re.I)
_REPLY_TO = re.compile(r"^(?:replying to|in reply to|reply to|replied to)\s+@?(.{1,40}?)[:.]?$", re.I)
_SAYS = re.compile(r"\s+(?:says|said|wrote|writes|replied|replies|commented)\s*:?$|:$", re.I)
_SIGNATURE = re.compile(r"^(?:[—–~]|-{1,2})\s*")
_BY = re.compile(r"^by\s+", re.I)
_ARROW = re.compile(r"\s*(?:→|->|➔|▶|►)\s*")
_TRAILING_TIME = re.compile(
    r"^(?P<name>.+?)\s+(?:on\s+)?(?P<time>(?:\d+|an?)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|"
    r"yesterday|just now)$",
    re.I,
)
_PARTICLES = frozenset("al el bin ibn abu abou bint de del der van von da di du le la y ben".split())
_FUNCTION_WORDS = frozenset(
    """the a an of to and or in on at is are was were be been it its this that these those not no yes
    what who why how when where which will would should could can may might must do does did
    i me my we our you your he she they them their his her there here so but if then than as for
    with from by about all any some just very too also only now still up out over into after before
    let lets let's don't dont isn't im i'm i've good bad great true false fake wrong right well
    thanks thank please see read map click full size more via""".split()
)
_ONE_WORD_COMMENTS = frozenset(
    """agreed exactly nonsense excellent thanks lol yes no true wrong indeed correct amen bravo
    godspeed fake propaganda liar lies rubbish bullshit wow great good bad sad finally source
    sources link proof what why how really congratulations congrats victory justice""".split()
)
_HANDLE = re.compile(r"^@?[\w.\-']*(?:\d|_)[\w.\-']*$")
_CAP = re.compile(r"^@?[A-Z\u00c0-\u024f\u0400-\u04ff][\w.\-'’]*$")
_ARABIC_NAME = re.compile(r"^[\u0600-\u06ff]+$")
_URL = re.compile(r"https?://|www\.", re.I)
#: Cheap test before a full date parse: a month name, a numeric date or a clock time.
_DATE_HINT = re.compile(
    r"\d{1,4}[-/.]\d{1,2}|\d{1,2}:\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
    r"|\d\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: offsets into the normalised text and what it looks like."""

    start: int
    end: int
    text: str
    gap: int  # blank lines before it
    kind: str
    author: str | None = None
    time: str | None = None
    #: For name lines: "above" or "below" when the line itself says which ("says:", "— Name").
    hint: str | None = None
    parent_author: str | None = None


def split_lines(text: str, start_at: int = 0) -> list[Line]:
    """Every non-blank line of ``text`` from ``start_at``, classified."""
    out: list[Line] = []
    gap = 99
    pos = start_at
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        raw = text[pos:nl]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            out.append(classify(stripped, s, s + len(stripped), gap))
            gap = 0
        else:
            gap += 1
        pos = nl + 1
    return out


def is_time(text: str) -> bool:
    t = text.strip(" •·|-–—()[]").strip()
    if not t or len(t) > 48:
        return False
    if is_relative_time(t) or t.lower() in ("edited", "(edited)"):
        return True
    if not _DATE_HINT.search(t):
        return False
    return parse_published(t) is not None


def is_noise(text: str) -> bool:
    parts = [p for p in _SEP.split(text) if p]
    seen_word = False
    for part in parts:
        if is_time(part):
            seen_word = True
            continue
        for tok in part.split():
            low = tok.lower().strip(".,:!()[]")
            if low in _NOISE_WORDS:
                seen_word = True
            elif not (_NOISE_TOKEN.match(tok) or not low):
                return False
    return seen_word or bool(text) and all(_NOISE_TOKEN.match(t) for t in text.split()) and any(
        ch in text for ch in "↑↓▲▼"
    )


_REPLY_STARTS = frozenset({"replying", "in", "reply", "replied"})
_WORDISH = re.compile(r"[a-z]+")


def _maybe_noise(text: str) -> bool:
    """Cheap pre-test of :func:`is_noise`: a widget word or a vote arrow is present."""
    return any(ch in text for ch in "↑↓▲▼") or any(w in _NOISE_WORDS for w in _WORDISH.findall(text.lower()))


def name_of(text: str) -> tuple[str, str | None] | None:
    """``(author, hint)`` if ``text`` is a lone author line, else ``None``."""
    hint: str | None = None
    t = text.strip()
    if _SIGNATURE.match(t) and len(t) > 2:
        t = _SIGNATURE.sub("", t)
        hint = "below"
    elif _BY.match(t):
        t = _BY.sub("", t)
    said = _SAYS.search(t)
    if said:
        t = t[: said.start()].strip()
        hint = "above"
    if not t or len(t) > 40 or _URL.search(t):
        return None
    if re.search(r"(?:^|\s)[A-Z]\.$", t):
        pass  # an initial: "Hassan K."
    elif t[-1] in ".!?,;:…\"”'»)":
        return None
    tokens = t.split()
    if not 1 <= len(tokens) <= 4:
        return None
    if len(tokens) == 1 and t.lower() in _ONE_WORD_COMMENTS:
        return None
    caps = 0
    for tok in tokens:
        low = tok.lower()
        if low in _FUNCTION_WORDS:
            return None
        if _CAP.match(tok) or _ARABIC_NAME.match(tok):
            caps += 1
        elif _HANDLE.match(tok) and any(ch.isalpha() for ch in tok):
            caps += 1
        elif low in _PARTICLES:
            continue
        else:
            return None
    if caps == 0:
        return None
    if all(tok.isupper() and len(tok) > 1 for tok in tokens):
        return None  # SHOUTED WORDS are a comment, not a name
    return t.lstrip("@"), hint


def classify(text: str, start: int, end: int, gap: int) -> Line:
    """The :class:`Line` for one stripped, non-blank line."""
    n = len(text)
    if n > 200:  # furniture and author lines are short; long lines are text (checked first: cheap)
        return Line(start, end, text, gap, "text")
    if _HEADER.match(text):
        return Line(start, end, text, gap, "header")
    words = text.split()
    if words[0].lower() in _REPLY_STARTS:
        m = _REPLY_TO.match(text)
        if m:
            return Line(start, end, text, gap, "replyto", parent_author=m[1].strip())
    if len(words) <= 8 and is_time(text):
        return Line(start, end, text, gap, "time", time=text)
    if n <= 120 and _BOILERPLATE.match(text):
        return Line(start, end, text, gap, "boilerplate")
    if len(words) <= 5 and _SHORT_CAPTION.search(text) and not text.endswith(("?", "!")):
        if name_of(text) is None:
            return Line(start, end, text, gap, "boilerplate")
    if not any(ch.isalpha() for ch in text):  # "•", "1", "—", "| |": widget debris
        return Line(start, end, text, gap, "noise")
    if n <= 80 and len(words) <= 10:
        if _maybe_noise(text) and is_noise(text):
            return Line(start, end, text, gap, "noise")
        named = _name_line(text)
        if named is not None:
            author, hint, time, parent = named
            return Line(start, end, text, gap, "name", author=author, time=time, hint=hint, parent_author=parent)
    return Line(start, end, text, gap, "text")


def _name_line(text: str) -> tuple[str, str | None, str | None, str | None] | None:
    """A name line, possibly with a time, widget words or a reply arrow on it."""
    parent: str | None = None
    arrow = _ARROW.split(text)
    if len(arrow) == 2:
        left, right = name_of(arrow[0]), name_of(arrow[1])
        if left and right:
            return left[0], left[1], None, right[0]
    parts = [p for p in _SEP.split(text) if p]
    if len(parts) > 1:
        got = name_of(parts[0])
        if got and all(is_time(p) or is_noise(p) for p in parts[1:]):
            time = next((p for p in parts[1:] if is_time(p)), None)
            return got[0], got[1], time, parent
        return None
    m = _TRAILING_TIME.match(text)
    if m:
        got = name_of(m["name"])
        if got:
            return got[0], got[1], m["time"], parent
    got = name_of(text)
    if got:
        return got[0], got[1], None, parent
    return None
