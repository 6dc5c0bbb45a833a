"""One report per line, in the ingest JSON Lines schema, plus its annotations.

The record is :func:`frontwatch.ingest.jsonl.report_to_record` of the stored report (so
``frontwatch ingest`` reads the file back into the same reports), with one more key,
``annotations``: the places, events and control claims of the JSON contract, and per comment
its stance, claims, events, places, sources and flags.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from frontwatch.export import open_out
from frontwatch.model import Comment, Report

_COMMENT_ANNOTATIONS = ("stance", "claims", "events", "places", "sources", "flags")


def _when(value: str | None) -> dt.date | dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def report_from_document(doc: dict[str, Any], offsets: dict[str, int] | None = None) -> Report:
    """The report's own fields (no annotations) back from its contract document.

    ``offsets`` gives comments' ``source_offset`` (kept in the comments table, not the document).
    """
    offsets = offsets or {}
    comments = tuple(
        Comment(
            id=c["id"],
            text=c["text"],
            author=c["author"],
            posted=_when(c["posted"]),
            parent=c["parent"],
            language=c["language"],
            split_confidence=c["split_confidence"],
            source_offset=offsets.get(c["id"]),
        )
        for c in doc["comments"]
    )
    return Report(
        id=doc["id"],
        body=doc["body"],
        title=doc["title"],
        source=doc["source"],
        url=doc["url"],
        published=dt.date.fromisoformat(doc["published"]) if doc["published"] else None,
        language=doc["language"],
        comments=comments,
        path=doc["path"],
        meta=doc["meta"],
    )


def annotations(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "places": doc["places"],
        "events": doc["events"],
        "control_claims": doc["control_claims"],
        "comments": {c["id"]: {k: c[k] for k in _COMMENT_ANNOTATIONS} for c in doc["comments"]},
    }


def document_record(doc: dict[str, Any], offsets: dict[str, int] | None = None) -> dict[str, Any]:
    from frontwatch.ingest.jsonl import report_to_record

    record = dict(report_to_record(report_from_document(doc, offsets)))
    record["annotations"] = annotations(doc)
    return record


def write(store: Any, out: str | Path | None) -> int:
    offsets: dict[str, dict[str, int]] = {}
    for rid, cid, offset in store.read("SELECT report_id, id, source_offset FROM comments WHERE source_offset IS NOT NULL"):
        offsets.setdefault(rid, {})[cid] = offset
    written = 0
    with open_out(out) as fh:
        for doc in store.iter_documents():
            record = document_record(doc, offsets.get(doc["id"]))
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str))
            fh.write("\n")
            written += 1
    return written
