"""Publication dates and comment timestamps in the many shapes reports carry.

:func:`parse_published` reads a date (ISO 8601, RFC 2822, "13 December 2016", "Dec 13, 2016",
"13.12.2016", "2016/12/13", a timestamp) and returns the calendar day, or ``None`` when the
value is not a complete date (a year alone, a month alone or free text is *not* a date).
Numeric day/month orders follow dateutil: month first unless the first number exceeds 12,
except dotted ``DD.MM.YYYY`` which is read day first (its usual meaning).

:func:`parse_timestamp` reads comment times: the same shapes with a time of day, and
relative ones ("2 hours ago", "yesterday", "3d") resolved against the publication day.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from dateutil import parser as _dateutil

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_ANY = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2}))?$")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_HAS_DIGIT = re.compile(r"\d")
_WEEKDAY_AT = re.compile(r"\s+(?:at|@|um|à)\s+", re.I)
_RELATIVE = re.compile(
    r"^(?:(?P<n>\d+|an?|one)\s*(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdwy])"
    r"(?:\s+ago)?|(?P<word>just now|now|today|yesterday))$",
    re.I,
)
_UNIT_DAYS = {"s": 0.0, "m": 1 / 1440, "h": 1 / 24, "d": 1.0, "w": 7.0, "y": 365.0}
_SENTINELS = (dt.datetime(1901, 2, 3, 4, 5, 6), dt.datetime(1902, 3, 4, 7, 8, 9))


class _Parts:
    __slots__ = ("value", "has_time")

    def __init__(self, value: dt.datetime, has_time: bool) -> None:
        self.value = value
        self.has_time = has_time


def _dateutil_parse(text: str) -> _Parts | None:
    """Parse with dateutil twice (two defaults) to see which parts the text really gave."""
    try:
        a = _dateutil.parse(text, default=_SENTINELS[0])
        b = _dateutil.parse(text, default=_SENTINELS[1])
    except (ValueError, OverflowError, TypeError):
        return None
    if a.year != b.year or a.month != b.month or a.day != b.day:
        return None  # the year, month or day is missing
    has_time = a.hour == b.hour and a.minute == b.minute
    if a.second != b.second:
        a = a.replace(second=0, microsecond=0)
    return _Parts(a, has_time)


def _parse(value: str) -> _Parts | None:
    text = " ".join(str(value).split())
    if not text or len(text) > 64 or not _HAS_DIGIT.search(text):
        return None
    m = _ISO_DATE.match(text)
    if m:
        try:
            return _Parts(dt.datetime(int(m[1]), int(m[2]), int(m[3])), False)
        except ValueError:
            return None
    if _ISO_ANY.match(text):
        try:
            return _Parts(dt.datetime.fromisoformat(text.replace("Z", "+00:00")), True)
        except ValueError:
            pass
    m = _DOTTED.match(text)
    if m:
        try:
            hour, minute = (int(m[4]), int(m[5])) if m[4] else (0, 0)
            return _Parts(dt.datetime(int(m[3]), int(m[2]), int(m[1]), hour, minute), bool(m[4]))
        except ValueError:
            return None
    if _RFC2822.match(text):
        try:
            return _Parts(email.utils.parsedate_to_datetime(text), True)
        except (TypeError, ValueError, IndexError):
            pass
    return _dateutil_parse(_WEEKDAY_AT.sub(" ", text))


def parse_published(value: str | None) -> dt.date | None:
    """The calendar day ``value`` names, or ``None`` if it is not a complete date."""
    if not value:
        return None
    parts = _parse(value)
    if parts is None:
        return None
    year = parts.value.year
    if not 1900 <= year <= 2200:
        return None
    return parts.value.date()


def parse_timestamp(value: str, *, published: dt.date | None = None) -> dt.datetime | dt.date | None:
    """A comment time: a datetime when the text gives a time of day, else a date.

    Relative times ("2 hours ago", "3d", "yesterday") need ``published`` as the reference and
    resolve to a date (the day is all such a copy can tell); without it they give ``None``.
    """
    text = " ".join(value.split()).strip(" •·|-–—").strip()
    if not text:
        return None
    rel = _RELATIVE.match(text)
    if rel:
        if published is None:
            return None
        word = (rel["word"] or "").lower()
        if word in ("just now", "now", "today"):
            return published
        if word == "yesterday":
            return published - dt.timedelta(days=1)
        n_text = rel["n"].lower()
        n = 1 if n_text in ("a", "an", "one") else int(n_text)
        unit = rel["unit"].lower()
        key = "m" if unit.startswith("mi") or unit == "m" else ("m30" if unit.startswith("mo") else unit[0])
        days = 30.0 * n if key == "m30" else _UNIT_DAYS[key] * n
        return published - dt.timedelta(days=int(days))
    parts = _parse(text)
    if parts is None or not 1900 <= parts.value.year <= 2200:
        return None
    return parts.value if parts.has_time else parts.value.date()


def is_relative_time(value: str) -> bool:
    return bool(_RELATIVE.match(" ".join(value.split()).strip(" •·|-–—")))
