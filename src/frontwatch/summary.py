"""A summary of an analysed report that a person can read at a glance (``analyze`` without --json)."""

from __future__ import annotations

from frontwatch.model import ARTICLE_FIELDS, Report


def _where(field: str, report: Report) -> str:
    if field in ARTICLE_FIELDS:
        return field
    author = report.comment(field).author
    return f"comment {field}" + (f" ({author})" if author else "")


def render(report: Report) -> str:
    lines = [f"== {report.title or report.id}"]
    meta = [x for x in (report.source, report.published and report.published.isoformat(), report.language) if x]
    if meta:
        lines.append("   " + " · ".join(meta))
    lines.append(f"   body {len(report.body)} chars · {len(report.comments)} comments")
    if report.places:
        names = []
        for m in report.places:
            label = m.name + (f" ({m.relation} {m.anchor.name})" if m.relation and m.anchor else "")
            if label not in names:
                names.append(label)
        lines.append(f"   places ({len(report.places)}): " + ", ".join(names[:25]) + (" …" if len(names) > 25 else ""))
    for e in report.events:
        who = " vs ".join(a.name for a in (e.actor1, e.actor2) if a)
        where = e.place.name if e.place else "?"
        lines.append(f"   event  {e.sub_type} · {who or '?'} · {where} · {e.date or e.date_text or 'undated'} [{e.modality}]")
    for c in report.control_claims:
        by = f" per {c.claimant}" if c.claimant else ""
        lines.append(
            f"   claim  {c.place.name}: {c.change} {c.controller or '?'} [{c.modality}{by}] in {_where(c.evidence.field, report)}"
        )
    stances = {s.comment_id: s for s in report.stances}
    for s in report.sources:
        lines.append(f"   source {s.name} ({s.kind}) in {_where(s.comment_id, report)}")
    for f in report.flags:
        lines.append(f"   flag   {f.category} {f.score:.2f} “{f.span.text}” in {_where(f.comment_id, report)}")
    for c in report.comments:
        st = stances.get(c.id)
        if st and st.label != "comment":
            lines.append(f"   stance {st.label} ({st.confidence:.2f}) → {st.target}: “{c.text[:60]}”")
    return "\n".join(lines)
