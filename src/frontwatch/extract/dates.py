"""Dates in the text, resolved against the publication date with ACLED time precision.

Precision follows ACLED: 1 the day is known, 2 the week, 3 the month. "last night" is the day
before publication; "today", "this morning" the day itself; "Tuesday (afternoon)" the most
recent Tuesday on or before publication; "on 12 December" that day in the publication year
(the year before if that would lie after publication); "last week" the middle of the week
before (precision 2); "this month" the publication date with precision 3. Without a
publication date a relative expression stays unresolved: the date is ``None`` and the text is
kept. An explicit date with a year ("12 December 2016") needs no publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_DAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx.lower()))  # matched against lower-cased text
    for name, rx in (
        ("dmy", r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"\b,?(?:\s+(\d{4}))?"),
        ("mdy", r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?"),
        ("iso", r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        ("last_night", r"\b(?:last|past)\s+night\b|\bovernight\b|\byesterday\s+(?:evening|night)\b"),
        ("yesterday", r"\byesterday(?:'s|’s)?\b"),
        ("today", r"\b(?:today(?:'s|’s)?|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)\b"),
        ("days_ago", r"\b(two|three|four|five|six|\d)\s+days\s+ago\b"),
        ("long_ago", r"\b(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(months?|years?)\s+ago\b"),
        ("weekday", r"\b(?:on\s+|last\s+)?" + _DAY_RE + _PART + r"\b"),
        ("last_week", r"\b(?:last|past|previous)\s+week\b|\ba\s+week\s+ago\b"),
        ("this_week", r"\b(?:this|earlier\s+this)\s+week\b"),
        ("last_month", r"\b(?:last|past|previous)\s+month\b"),
        ("this_month", r"\b(?:this|earlier\s+this)\s+month\b"),
        ("last_year", r"\b(?:last|past|previous)\s+year\b|\ba\s+year\s+ago\b"),
        ("in_month", r"\bin\s+" + _MONTH_RE + r"\b(?:\s+(\d{4}))?"),
        # background history: "in 2016 the army retook Aleppo", "in the 1967 war", "back in 2014"
        ("in_year", r"\b(?:in|of)\s+(?:early\s+|late\s+|mid-?\s*|the\s+(?:summer|spring|autumn|fall|winter)\s+of\s+)?(?:the\s+)?(1[89]\d\d|20\d\d)\b(?![-–/]|\s*(?:km|kilometres|people|troops|fighters|civilians|men|soldiers|families|residents))"),
    )
)


#: Cheap substring checks that let a pattern be skipped on text that cannot match it.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "last_night": ("night",), "yesterday": ("yesterday",), "today": ("today", "this", "tonight"), "days_ago": ("ago",), "long_ago": ("ago",),
    "weekday": ("day",), "last_week": ("week",), "this_week": ("week",), "last_month": ("month",), "last_year": ("year",), "this_month": ("month",),
    "iso": ("-",), "in_year": ("19", "20"),
}


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression: where it is, what it says, and what it resolves to (if anything)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int


def find(text: str, published: dt.date | None) -> list[DateRef]:
    """Every date expression in ``text``, left to right, resolved against ``published``."""
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for name, rx in PATTERNS:
        if name in _KEYWORDS and not any(k in low for k in _KEYWORDS[name]):
            continue
        for m in rx.finditer(low):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ref = _resolve(name, m, published, text[m.start() : m.end()])
            if ref is not None:
                found.append(ref)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    return found


def resolve(text: str, published: dt.date | None) -> DateRef | None:
    """The first date expression of ``text`` (a sentence or clause), or None."""
    refs = find(text, published)
    return refs[0] if refs else None


def default(published: dt.date | None) -> tuple[dt.date | None, int | None]:
    """Date and precision for a statement without a date expression: publication, week known."""
    return (published, 2) if published else (None, None)


def _resolve(name: str, m: re.Match[str], pub: dt.date | None, text: str) -> DateRef | None:
    date: dt.date | None = None
    precision = 1
    if name in ("dmy", "mdy"):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if name == "dmy" else (m.group(2), m.group(1), m.group(3))
        mon = _MONTHS.get(month.lower()[:3] if month.lower()[:4] != "sept" else "sep")
        if mon is None or not 1 <= int(day) <= 31:
            return None
        if name == "mdy" and month.lower() == "may" and not year:
            return None  # "may 5" is too often the modal verb
        date = _make(int(year) if year else None, mon, int(day), pub)
    elif name == "iso":
        try:
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    elif name == "last_year" and pub is not None:
        date, precision = dt.date(pub.year - 1, 7, 1), 3
    elif name == "in_year":
        year = int(m.group(1))
        if pub is not None and year > pub.year:
            return None
        date, precision = dt.date(year, 7, 1), 3
        if pub is not None and date > pub:
            date = pub
    elif pub is None:
        date = None
        precision = {"last_week": 2, "this_week": 2, "last_month": 3, "this_month": 3, "in_month": 3, "last_year": 3, "in_year": 3, "long_ago": 3}.get(name, 1)
    elif name == "last_night" or name == "yesterday":
        date = pub - dt.timedelta(days=1)
    elif name == "today":
        date = pub
    elif name == "long_ago":
        n = m.group(1).lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        months = count * (12 if m.group(2).startswith("year") else 1)
        y, mo = divmod(pub.year * 12 + pub.month - 1 - months, 12)
        date, precision = dt.date(y, mo + 1, 15), 3
    elif name == "days_ago":
        n = m.group(1).lower()
        date = pub - dt.timedelta(days=int(n) if n.isdigit() else _NUMBERS[n])
    elif name == "weekday":
        target = _DAYS[m.group(1).lower()]
        back = (pub.weekday() - target) % 7
        if m.group(0).startswith("last") and back == 0:
            back = 7
        date = pub - dt.timedelta(days=back)
    elif name == "last_week":
        date, precision = pub - dt.timedelta(days=7), 2
    elif name == "this_week":
        date, precision = pub, 2
    elif name == "last_month":
        first = pub.replace(day=1) - dt.timedelta(days=1)
        date, precision = first.replace(day=15), 3
    elif name == "this_month":
        date, precision = pub, 3
    elif name == "in_month":
        mon = _MONTHS.get(m.group(1).lower()[:3])
        if mon is None or (m.group(1).lower() == "may" and not m.group(2)):
            return None
        year = int(m.group(2)) if m.group(2) else (pub.year if mon <= pub.month else pub.year - 1)
        date, precision = dt.date(year, mon, 15), 3
    return DateRef(m.start(), m.end(), text, date, precision)


def _make(year: int | None, month: int, day: int, pub: dt.date | None) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        if pub is None:
            return None
        date = dt.date(pub.year, month, day)
        return date if date <= pub + dt.timedelta(days=1) else dt.date(pub.year - 1, month, day)
    except ValueError:
        return None
