"""What every input shape shares: stable ids, the content hash and language detection.

- ``report.id`` is ``"r"`` + the first 16 hex digits of the SHA-1 of the URL when the report
  has one, else of its normalised content (title, body and comment texts, whitespace
  collapsed, Unicode NFC). Re-reading the same page gives the same id.
- ``meta["content_hash"]`` is the full SHA-1 of that normalised content, on every report.
- Comment ids are ``c1``, ``c2``, ... in reading order, unique within the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from frontwatch.ingest.lang import detect
from frontwatch.model import Comment, Report, frozen_map


def normalise_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if "#" in url:
        url = url.split("#", 1)[0]
    return url or None


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(title: str, body: str, comment_texts: Iterable[str]) -> str:
    """SHA-1 (hex) of the normalised content of a report."""
    h = hashlib.sha1()
    h.update(_collapse(title).encode("utf-8"))
    h.update(b"\x1e")
    h.update(_collapse(body).encode("utf-8"))
    for text in comment_texts:
        h.update(b"\x1f")
        h.update(_collapse(text).encode("utf-8"))
    return h.hexdigest()


def report_id(url: str | None, digest: str) -> str:
    """``r`` + 16 hex digits: from the URL when there is one, else from the content hash."""
    if url:
        return "r" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    return "r" + digest[:16]


def make_report(
    *,
    body: str,
    title: str = "",
    comments: Iterable[Comment] = (),
    url: str | None = None,
    source: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    path: str | None = None,
    meta: Mapping[str, Any] | None = None,
    report_id_: str | None = None,
    detect_language: bool = True,
) -> Report:
    """A finished Report: id, content hash, and languages (report and comments) filled in."""
    comments = tuple(comments)
    url = normalise_url(url)
    digest = content_hash(title, body, (c.text for c in comments))
    meta_out = dict(meta or {})
    meta_out["content_hash"] = digest
    if detect_language:
        if language is None:
            language = detect(f"{title}\n{body}" if body else title)
            if language is None and comments:
                language = detect("\n".join(c.text for c in comments[:5]))
        comments = tuple(
            c if c.language is not None else _with_language(c, detect(c.text, language, sample=300)) for c in comments
        )
    if isinstance(published, dt.datetime):
        published = published.date()
    return Report(
        id=report_id_ or report_id(url, digest),
        body=body,
        title=title,
        source=source,
        url=url,
        published=published,
        language=language,
        comments=comments,
        path=path,
        meta=frozen_map(meta_out),
    )


def _with_language(comment: Comment, language: str | None) -> Comment:
    if language is None:
        return comment
    return Comment(
        id=comment.id,
        text=comment.text,
        author=comment.author,
        posted=comment.posted,
        parent=comment.parent,
        language=language,
        split_confidence=comment.split_confidence,
        source_offset=comment.source_offset,
    )
