"""Hand-built place mentions for extract tests (no geoparser needed)."""

from __future__ import annotations

import datetime as dt
import re

from frontwatch.model import Comment, Place, PlaceMention, Report

ALEPPO = Place("gn:170063", "Aleppo", 36.2, 37.16, "city", "SY", "Aleppo", parents=("gn:170062", "gn:163843"), geonameid=170063)


def place(name: str, country: str = "SY", feature: str = "neighbourhood") -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Place(f"cu:{slug}", name, 36.0, 37.0, feature, country, parents=("gn:170063", "gn:170062", "gn:163843"))


def report(body: str, names: dict[str, str] | None = None, *, title: str = "", comments: tuple[Comment, ...] = (),
           published: dt.date | None = dt.date(2016, 12, 13), relations: dict[str, tuple[str, str]] | None = None,
           country: str = "SY", kinds: dict[str, str] | None = None) -> Report:
    """A report whose place mentions are every occurrence of the keys of ``names`` (text -> place name)."""
    r = Report(id="r1", body=body, title=title, comments=comments, published=published, source="Test Wire")
    mentions = []
    for field_name, text in r.fields():
        for surface, name in (names or {}).items():
            for m in re.finditer(re.escape(surface), text):
                rel, anchor = (relations or {}).get(surface, (None, None))
                kind = (kinds or {}).get(surface, "toponym")
                mentions.append(PlaceMention(r.span(field_name, m.start(), m.end()), place(name, country), 1 if rel is None else 2,
                                             kind=kind, relation=rel, anchor=place(anchor, country) if anchor else None))
    return r.with_(places=tuple(mentions))
