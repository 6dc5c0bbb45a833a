"""JSON Lines of reports in frontwatch's own schema (docs/jsonl-schema.md).

One report per line. :func:`report_to_record` writes a report's ingested fields (not the
annotations stages add) and :func:`record_to_report` reads one back, so ingest -> export ->
ingest is lossless. A bad line is an :class:`~frontwatch.errors.InputError` naming
``path:LINE``; the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.ingest.base import make_report
from frontwatch.ingest.dates import parse_published, parse_timestamp
from frontwatch.ingest.decode import MAX_INPUT_BYTES, decode
from frontwatch.ingest.lang import detect
from frontwatch.model import Comment, Report

#: Keys of a report record, in the order :func:`report_to_record` writes them.
REPORT_KEYS = ("id", "url", "source", "title", "published", "language", "body", "comments", "meta", "path")
#: Keys of a comment record.
COMMENT_KEYS = ("id", "author", "posted", "parent", "text", "language", "split_confidence", "source_offset")


def _plain(value: Any) -> Any:
    """``value`` as plain JSON types (mappings to dicts, tuples to lists, dates to ISO strings)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def comment_to_record(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "author": comment.author,
        "posted": _iso(comment.posted),
        "parent": comment.parent,
        "text": comment.text,
        "language": comment.language,
        "split_confidence": comment.split_confidence,
        "source_offset": comment.source_offset,
    }


def report_to_record(report: Report) -> dict[str, Any]:
    """The JSON Lines record of ``report`` (plain JSON types; dates as ISO strings)."""
    record: dict[str, Any] = {
        "id": report.id,
        "url": report.url,
        "source": report.source,
        "title": report.title,
        "published": _iso(report.published),
        "language": report.language,
        "body": report.body,
        "comments": [comment_to_record(c) for c in report.comments],
        "meta": _plain(report.meta),
    }
    if report.path is not None:
        record["path"] = report.path
    return record


def _opt_str(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"field {key!r} must be a string or null, not {type(value).__name__}", where=where)


def _posted(value: Any, where: str) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"comment field 'posted' must be a string, not {type(value).__name__}", where=where)
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = parse_timestamp(value)
        if parsed is None:
            raise InputError(f"comment field 'posted': cannot read {value!r} as a time", where=where) from None
        return parsed


def _comment(item: Any, k: int, report_lang: str | None, where: str) -> Comment:
    if not isinstance(item, Mapping):
        raise InputError(f"comment {k} must be an object", where=where)
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(f"comment {k} needs a string 'text'", where=where)
    cid = item.get("id", f"c{k}")
    if not isinstance(cid, str) or not cid or cid in ("title", "body"):
        raise InputError(f"comment {k} has a bad 'id' {cid!r}", where=where)
    conf = item.get("split_confidence", 1.0)
    offset = item.get("source_offset")
    if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0 <= conf <= 1:
        raise InputError(f"comment {k}: 'split_confidence' must be a number from 0 to 1", where=where)
    if offset is not None and (not isinstance(offset, int) or isinstance(offset, bool) or offset < 0):
        raise InputError(f"comment {k}: 'source_offset' must be a non-negative integer", where=where)
    language = _opt_str(item, "language", where) if "language" in item else detect(text, report_lang, sample=300)
    return Comment(
        id=cid,
        text=text,
        author=_opt_str(item, "author", where),
        posted=_posted(item.get("posted"), where),
        parent=_opt_str(item, "parent", where),
        language=language,
        split_confidence=float(conf),
        source_offset=offset,
    )


def record_to_report(
    record: Any,
    where: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Report:
    """A Report from one record; ``InputError`` (at ``where``) naming the bad field otherwise."""
    if not isinstance(record, Mapping):
        raise InputError(f"a report record must be a JSON object, not {type(record).__name__}", where=where)
    body = record.get("body", "")
    title = record.get("title", "") or ""
    if not isinstance(body, str) or not isinstance(title, str):
        raise InputError("fields 'body' and 'title' must be strings", where=where)
    comments_in = record.get("comments") or []
    if not isinstance(comments_in, list):
        raise InputError("field 'comments' must be a list", where=where)
    if not body and not title and not comments_in:
        raise InputError("record has no 'body', 'title' or 'comments'", where=where, hint="see docs/jsonl-schema.md")
    day_text = record.get("published")
    day: dt.date | None = published
    if day_text is not None:
        if not isinstance(day_text, str) or (day := parse_published(day_text)) is None:
            raise InputError(f"field 'published': cannot read {day_text!r} as a date", where=where, hint="use YYYY-MM-DD")
    meta = record.get("meta") or {}
    if not isinstance(meta, Mapping):
        raise InputError("field 'meta' must be an object", where=where)
    rid = _opt_str(record, "id", where)
    language = _opt_str(record, "language", where) if "language" in record else detect(f"{title}\n{body}")
    comments = [_comment(item, k, language, where) for k, item in enumerate(comments_in, 1)]
    ids = [c.id for c in comments]
    if len(set(ids)) != len(ids):
        raise InputError("comment ids are not unique", where=where)
    return make_report(
        body=body,
        title=title,
        comments=comments,
        url=_opt_str(record, "url", where),
        source=_opt_str(record, "source", where) or source,
        published=day,
        language=language,
        path=_opt_str(record, "path", where) or path,
        meta=meta,
        report_id_=rid or None,
        detect_language=False,
    )


def _parse_line(line: str, where: str, **kw: Any) -> Report | FrontwatchError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", where=where, hint="one JSON object per line")
    try:
        return record_to_report(record, where, **kw)
    except FrontwatchError as exc:
        return exc


def read_jsonl_text(
    text: str, *, path: str, published: dt.date | None = None, source: str | None = None
) -> Iterator[Report | FrontwatchError]:
    """Reports from JSON Lines text (or one JSON object / array of objects spread over lines)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(f"invalid JSON array: {exc.msg}", where=f"{path}:{exc.lineno}")
            return
        for k, record in enumerate(records if isinstance(records, list) else [records], 1):
            try:
                yield record_to_report(record, f"{path}[{k}]", published=published, source=source, path=path)
            except FrontwatchError as exc:
                yield exc
        return
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        try:  # a single pretty-printed object
            record = json.loads(text)
        except json.JSONDecodeError:
            pass
        else:
            try:
                yield record_to_report(record, path, published=published, source=source, path=path)
            except FrontwatchError as exc:
                yield exc
            return
    yield from _read_lines(enumerate(lines, 1), path=path, published=published, source=source)


def _read_lines(
    numbered: Iterable[tuple[int, str]], *, path: str, published: dt.date | None, source: str | None
) -> Iterator[Report | FrontwatchError]:
    for lineno, line in numbered:
        if not line.strip():
            continue
        yield _parse_line(line, f"{path}:{lineno}", published=published, source=source, path=path)


def stream_jsonl(
    handle: IO[bytes], *, path: str, published: dt.date | None = None, source: str | None = None
) -> Iterator[Report | FrontwatchError]:
    """Reports from an open binary JSON Lines file, one line in memory at a time."""
    lineno = 0
    while True:
        raw = handle.readline(MAX_INPUT_BYTES + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > MAX_INPUT_BYTES and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line
                more = handle.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield InputError(
                f"line longer than the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit for one report",
                where=f"{path}:{lineno}",
            )
            continue
        if not raw.strip():
            continue
        text, _ = decode(raw)
        yield _parse_line(text, f"{path}:{lineno}", published=published, source=source, path=path)


def write_jsonl(reports: Iterable[Report], handle: IO[str]) -> int:
    """Write ``reports`` as JSON Lines to a text handle; returns how many were written."""
    n = 0
    for report in reports:
        handle.write(json.dumps(report_to_record(report), ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        n += 1
    return n
