"""RSS and Atom feeds (feedparser): each entry becomes a report.

Title, link (as ``url``), published (or updated) date, and the entry's content or summary
with the markup stripped as ``body``; ``source`` is the feed's title. Something that is not a
feed (an HTML page, a list of URLs) is one clear :class:`~frontwatch.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.ingest.base import make_report
from frontwatch.ingest.dates import parse_published
from frontwatch.model import Report

_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article)\b[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment:
        return "\n\n".join(" ".join(p.split()) for p in fragment.split("\n\n") if p.strip())
    import lxml.html

    marked = _BLOCK_TAGS.sub("\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # noqa: BLE001 - lxml raises several types on broken fragments
        text = re.sub(r"<[^>]+>", " ", marked)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def _entry_day(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    for key in ("published", "updated", "date"):
        if entry.get(key):
            day = parse_published(entry[key])
            if day:
                return day
    return None


def read_feed(
    text: str, *, path: str, published: dt.date | None = None, source: str | None = None
) -> Iterator[Report | FrontwatchError]:
    """Reports from the entries of an RSS/Atom feed document."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.get("version") and not parsed.entries:
        yield InputError("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> document)", where=path)
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        yield InputError("feed has no entries", where=path)
        return
    for k, entry in enumerate(parsed.entries, 1):
        where = f"{path}[entry {k}]"
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        if not content:
            content = entry.get("summary", "") or entry.get("description", "")
        body = html_to_text(content)
        title = html_to_text(entry.get("title", "")).replace("\n\n", " ")
        if not body and not title:
            yield InputError("feed entry has no title and no text", where=where)
            continue
        meta: dict[str, Any] = {"feed_entry": k}
        if entry.get("id"):
            meta["feed_entry_id"] = entry.id
        if entry.get("author"):
            meta["author"] = entry.author
        yield make_report(
            body=body,
            title=title,
            url=entry.get("link") or None,
            source=feed_title or source,
            published=_entry_day(entry) or published,
            path=path,
            meta=meta,
        )
