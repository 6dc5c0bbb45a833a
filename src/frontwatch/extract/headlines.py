"""Places in all-caps headlines ("ISRAELI TANKS SEIZE RAFAH CROSSING").

The geoparser reads capitals as names, so a line in capitals gets no place (or every word as
one). Such a line is re-cased before it is geoparsed again on its own: a word takes the form
it has elsewhere in the report ("Chinshwehaw", "al-Ayadiya"), a common English word goes to
lower case first, any other word is capitalised. The places found are mapped back onto the original
line (offsets are kept: re-casing never changes a word's length).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from frontwatch.model import PlaceMention, Report

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_COMMON = frozenset(
    "a an the of in on at to by for from with into onto over under near after before as and or but is are was were be been has have "
    "had will would could may might says say said claims claim new more most all some its their his her after amid against "
    "army troops forces force soldiers rebels militants fighters jihadists militia militias police regime government gov "
    "seize seizes seized capture captures captured take takes took taken retake retakes retook recapture recaptures recaptured "
    "fall falls fell win wins won lose loses lost enter enters entered storm storms stormed push pushes pushed advance advances "
    "advanced close closes closing encircle encircles encircled besiege besieges besieged siege hold holds held control controls "
    "liberate liberates liberated free frees freed withdraw withdraws withdrew retreat retreats retreated flee flees fled "
    "attack attacks attacked kill kills killed strike strikes struck bomb bombs bombed shell shells shelled clash clashes "
    "battle battles fighting fight offensive assault raid raids ambush dead killed wounded civilians people children "
    "town towns city cities village villages border crossing base airbase airport port district province region capital "
    "key strategic last major big biggest north south east west northern southern eastern western central centre center "
    "hands hand handed over out back up down off near around outskirts suburbs gates heart edge "
    "tanks tank jets drones drone air airstrike airstrikes missile missiles rocket rockets artillery "
    "breaking live update updates latest exclusive report reports day days week weeks night".split()
)


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` written in capitals (three letters or more in at least two words)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        words = _WORD.findall(line)
        if len(letters) >= 8 and len(words) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def recase(line: str, context: str) -> str:
    """``line`` in headline case, each word in the form the ``context`` gives it (length kept)."""
    forms: dict[str, str] = {}
    for w in _WORD.findall(context):
        if not w.isupper() or len(w) <= 1:
            forms.setdefault(w.lower(), w)
            if w[0].isupper():
                forms[w.lower()] = w  # a capitalised form wins: it is a name
    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        form = low if low in _COMMON else forms.get(low) or w[:1].upper() + w[1:].lower()
        return form if len(form) == len(w) else w
    return _WORD.sub(one, line)


def geoparser_for(resources: object) -> Callable[[Report], Report] | None:
    """The registered geoparse stage bound to ``resources``, or None when there is none."""
    from frontwatch.pipeline import get_stage

    try:
        geoparse = get_stage("geoparse")
    except Exception:  # noqa: BLE001 - no geoparser: headlines in capitals keep no place
        return None
    return lambda r: geoparse(r, resources)  # type: ignore[no-any-return]


def add_caps_places(report: Report, geoparse: Callable[[Report], Report]) -> Report:
    """``report`` with the places of its all-caps lines (title or any field) read from the re-cased line."""
    extra: list[PlaceMention] = []
    dropped: set[int] = set()
    context = "\n".join(t for _, t in report.fields())
    for field_name, text in report.fields():
        for start, end in caps_lines(text):
            # the geoparser's reading of capitals ("BORDER", "TOWN") is replaced by the re-cased line's
            dropped.update(id(pm) for pm in report.places if pm.span.field == field_name and start <= pm.span.start < end)
            cased = recase(text[start:end], context)
            try:
                found = geoparse(Report(id=f"{report.id}#caps", body=cased, published=report.published))
            except Exception:  # noqa: BLE001 - a geoparser failure here must not lose the report
                continue
            for pm in found.places:
                s, e = start + pm.span.start, start + pm.span.end
                extra.append(dataclasses.replace(pm, span=report.span(field_name, s, e)))
    if not extra and not dropped:
        return report
    return report.with_(places=(*(pm for pm in report.places if id(pm) not in dropped), *extra))
