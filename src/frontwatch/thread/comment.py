"""One comment on its own: stance, sources and flags (``frontwatch comment "TEXT"``)."""

from __future__ import annotations

from typing import Any

from frontwatch.contract import flag_json, source_json, stance_json
from frontwatch.model import Comment, Report
from frontwatch.pipeline import Resources
from frontwatch.thread.lang import comment_language
from frontwatch.thread.moderation import flags_for
from frontwatch.thread.sources import sources_for
from frontwatch.thread.stance import load_model, stances_for

COMMENT_ID = "c1"
PARENT_ID = "c0"


def analyze_comment(
    text: str, resources: Resources | None = None, *, parent: str | None = None, article: str | None = None,
    language: str | None = None,
) -> Report:
    """A one-comment report (with the parent comment and article text when given), analysed."""
    comments = []
    if parent:
        comments.append(Comment(PARENT_ID, parent))
    comments.append(Comment(COMMENT_ID, text, parent=PARENT_ID if parent else None, language=language))
    report = Report("comment", article or "", title="", comments=tuple(comments))
    model = resources.get("thread.stance_model", load_model) if resources else load_model()
    report = report.with_(sources=sources_for(report), flags=flags_for(report))
    return report.with_(stances=stances_for(report, model))


def comment_json(report: Report) -> dict[str, Any]:
    """The analysed comment as the contract's ``comments[]`` entry shape."""
    c = report.comment(COMMENT_ID)
    stance = next((s for s in report.stances if s.comment_id == COMMENT_ID), None)
    return {
        "text": c.text,
        "language": comment_language(c),
        "stance": stance_json(stance),
        "sources": [source_json(s) for s in report.sources if s.comment_id == COMMENT_ID],
        "flags": [flag_json(f) for f in report.flags if f.comment_id == COMMENT_ID],
    }
