"""Building small reports with control claims for the reconcile tests (no extractor needed)."""

from __future__ import annotations

import datetime as dt
import hashlib

from frontwatch.model import Comment, ControlClaim, Place, PlaceMention, Report, Stance

ALEPPO = Place("t:aleppo", "Aleppo", 36.2, 37.16, "city", "SY", parents=("t:syria",))
NAYRAB = Place("t:nayrab", "Bab al-Nayrab", 36.197, 37.17, "neighbourhood", "SY", parents=("t:aleppo", "t:syria"))
SALHEEN = Place("t:salheen", "Salheen", 36.18, 37.17, "neighbourhood", "SY", parents=("t:aleppo", "t:syria"))
MAQSOUD = Place("t:maqsoud", "Sheikh Maqsoud", 36.23, 37.16, "neighbourhood", "SY", parents=("t:aleppo", "t:syria"))


def claim_report(
    source: str,
    published: str,
    sentences: list[tuple[str, str, Place | None, str, str, str]],
    comments: list[tuple[str, str, list[tuple[str, str, Place | None, str, str, str]]]] = (),
    stances: list[tuple[str, str, str, str | None]] = (),
) -> Report:
    """A report whose body is the sentences; each is (text, place text, place, controller, change, modality).

    comments: (author, text-with-claims as sentences...). stances: (comment index, label, target, target_claim).
    """
    body = " ".join(s[0] for s in sentences)
    rid = hashlib.sha1(f"{source}{published}{body}".encode()).hexdigest()[:12]
    comment_objs = []
    comment_claims = []
    for i, (author, _, sents) in enumerate(comments):
        text = " ".join(s[0] for s in sents) if sents else comments[i][1]
        comment_objs.append(Comment(f"c{i + 1}", text, author=author))
        comment_claims.append(sents)
    report = Report(rid, body, title=f"{source} report", source=source, url=f"https://{source}.example/{rid}",
                    published=dt.date.fromisoformat(published), comments=tuple(comment_objs))
    claims = []

    def add(field: str, text: str, sents: list[tuple[str, str, Place | None, str, str, str]]) -> None:
        pos = 0
        for sent, ptext, place, ctrl, change, modality in sents:
            start = text.index(sent, pos)
            pos = start + len(sent)
            pstart = text.index(ptext, start)
            rel = "east of" if place is None and " of " in ptext else None
            mention = PlaceMention(report.span(field, pstart, pstart + len(ptext)), place, 1 if place else 2,
                                   relation=rel, anchor=MAQSOUD if rel else None)
            claims.append(ControlClaim(mention, ctrl, change, report.span(field, start, start + len(sent)),
                                       modality=modality))

    add("body", body, sentences)
    for i, sents in enumerate(comment_claims):
        if sents:
            add(f"c{i + 1}", comment_objs[i].text, sents)
    st = tuple(Stance(f"c{ci}", label, target, 0.9, target_claim=tc) for ci, label, target, tc in stances)
    return report.with_(control_claims=tuple(claims), stances=st)
