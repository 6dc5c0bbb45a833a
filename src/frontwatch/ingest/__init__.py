"""Ingestion: files, folders and request bodies in, :class:`~frontwatch.model.Report` out.

    >>> for item in read_paths(["reports/"], published=date(2016, 12, 13)):
    ...     print(item.id if isinstance(item, Report) else item.one_line())

Each file's shape is sniffed from its content (the extension is only a hint): plain text
(:mod:`.text`), HTML (:mod:`.html`), JSON Lines or JSON (:mod:`.jsonl`) and RSS/Atom
(:mod:`.feed`). Bad inputs are *yielded* as :class:`~frontwatch.errors.InputError` (one line,
``where`` = ``path`` or ``path:line``) so a batch goes on. ``published`` and ``source`` fill in
only for inputs that carry none.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontwatch.errors import FrontwatchError, InputError, InputNotFound
from frontwatch.ingest.decode import MAX_INPUT_BYTES, check_binary, decode, too_large
from frontwatch.ingest.html import read_html
from frontwatch.ingest.jsonl import read_jsonl_text, record_to_report, report_to_record, stream_jsonl
from frontwatch.ingest.text import read_text
from frontwatch.model import Report

__all__ = [
    "MAX_INPUT_BYTES",
    "SHAPES",
    "read_bytes",
    "read_file",
    "read_html",
    "read_paths",
    "read_text",
    "record_to_report",
    "report_to_record",
    "sniff",
]

#: The input shapes :func:`sniff` tells apart.
SHAPES = ("text", "html", "jsonl", "feed")
_HEAD = 65536
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".feed"})
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head)\b[^>]*>|<\/(?:p|div|article)>", re.I)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)


def sniff(head: str) -> str:
    """The shape of a text from its beginning: ``text``, ``html``, ``jsonl``, ``feed`` or ``xml``."""
    start = head.lstrip("\ufeff \t\r\n")[:4096]
    if start.startswith("<?xml"):
        if _FEED_ROOT.search(start):
            return "feed"
        return "html" if re.search(r"<html\b", start, re.I) else "xml"
    if re.match(r"(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", start, re.S | re.I):
        return "feed"
    if _HTML_START.match(start) or _HTML_ANYWHERE.search(start[:2048]):
        return "html"
    if start[:1] in "{[":
        return "jsonl"
    return "text"


def _is_url_list(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines()[:200] if ln.strip()]
    return bool(lines) and all(_URL_LINE.match(ln) for ln in lines)


def read_bytes(
    data: bytes,
    *,
    name: str,
    published: dt.date | None = None,
    source: str | None = None,
    shape: str | None = None,
) -> list[Report | FrontwatchError]:
    """Reports (and errors) from one in-memory input; ``shape`` forces ``"feed"`` etc."""
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise too_large(len(data), name)
        if not data.strip():
            raise InputError("empty input, no report in it", where=name)
        check_binary(data[:65536], name)
        declared = _CHARSET.search(data[:4096])
        text, _encoding = decode(data, declared=declared[1].decode("ascii") if declared else None)
        return list(_dispatch(text, name=name, published=published, source=source, shape=shape))
    except FrontwatchError as exc:
        return [exc]


def _dispatch(
    text: str, *, name: str, published: dt.date | None, source: str | None, shape: str | None
) -> Iterator[Report | FrontwatchError]:
    found = sniff(text)
    if not text.strip():
        raise InputError("empty input, no report in it", where=name)
    want_feed = shape == "feed" or (shape is None and Path(name).suffix.lower() in FEED_SUFFIXES)
    if _is_url_list(text):
        what = "an RSS/Atom feed" if want_feed else "a report"
        raise InputError(
            f"a list of URLs, not {what}",
            where=name,
            hint="frontwatch does not fetch pages: save each page and pass the files",
        )
    if want_feed and found != "feed":
        kind = {"html": "an HTML page", "jsonl": "JSON", "xml": "an XML document"}.get(found, "plain text")
        raise InputError(f"{kind}, not an RSS/Atom feed", where=name, hint="pass the feed's XML (its <rss> or <feed> document)")
    shape = shape if shape in SHAPES else found
    if shape == "feed":
        from frontwatch.ingest.feed import read_feed

        yield from read_feed(text, path=name, published=published, source=source)
    elif shape == "xml":
        raise InputError("an XML document that is neither RSS/Atom nor XHTML", where=name)
    elif shape == "html":
        yield read_html(text, path=name, published=published, source=source)
    elif shape == "jsonl":
        yield from read_jsonl_text(text, path=name, published=published, source=source)
    else:
        yield read_text(text, path=name, published=published, source=source)


def read_file(
    path: str | Path, *, published: dt.date | None = None, source: str | None = None
) -> Iterator[Report | FrontwatchError]:
    """Reports (and errors) from one file; JSON Lines files are streamed line by line."""
    where = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD)
            if not head.strip():
                raise InputError("empty file, no report in it", where=where)
            if len(head) < _HEAD:
                data = head  # the whole file
            else:
                check_binary(head, where)
                head_text, _ = decode(head[:4096].rsplit(b"\n", 1)[0])
                if sniff(head_text) == "jsonl" and not head.lstrip().startswith(b"["):
                    handle.seek(0)
                    if _is_json_object_line(handle.readline(MAX_INPUT_BYTES + 1)):
                        handle.seek(0)
                        yield from stream_jsonl(handle, path=where, published=published, source=source)
                        return
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_INPUT_BYTES:
                    raise too_large(size, where)
                handle.seek(0)
                data = handle.read(MAX_INPUT_BYTES + 1)
        yield from read_bytes(data, name=where, published=published, source=source)
    except FrontwatchError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror or exc})", where=where)


def _is_json_object_line(line: bytes) -> bool:
    import json

    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | FrontwatchError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, f) for f in files if not f.startswith("."))
            yield from sorted(found)
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError("not a regular file", where=str(path))
        else:
            yield InputNotFound("no such file or folder", where=str(path), hint="check the path")


def read_paths(
    paths: Iterable[str | Path], *, published: dt.date | None = None, source: str | None = None
) -> Iterator[Report | FrontwatchError]:
    """Every report in ``paths`` (files and folders, recursively, sorted, hidden files skipped).

    A bad file or line is yielded as an :class:`InputError` and the batch goes on.
    """
    for item in _expand(paths):
        if isinstance(item, FrontwatchError):
            yield item
        else:
            yield from read_file(item, published=published, source=source)
