"""The ``geoparse`` stage: fill ``report.places`` from the title, the body and every comment."""

from __future__ import annotations

from frontwatch.gazetteer.index import Gazetteer
from frontwatch.geoparse.recognise import Raw, Recogniser
from frontwatch.geoparse.resolve import Resolver
from frontwatch.model import PlaceMention, Report
from frontwatch.pipeline import Resources, stage


class Geoparser:
    """Recogniser and resolver over one gazetteer (build once, use for many reports)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recogniser = Recogniser(gazetteer)
        self.resolver = Resolver(gazetteer)

    def raws(self, report: Report) -> list[Raw]:
        out: list[Raw] = []
        for name, text in report.fields():
            if text:
                out.extend(self.recogniser.field(name, text))
        return out

    def mentions(self, report: Report, explain: bool = False) -> tuple[PlaceMention, ...]:
        return self.resolver.resolve(report, self.raws(report), explain=explain)

    def __call__(self, report: Report) -> Report:
        return report.with_(places=self.mentions(report))


def load_geoparser(resources: Resources | None = None) -> Geoparser:
    """The process-wide geoparser (the gazetteer from the ``gazetteer`` setting, else the built index)."""
    from frontwatch import gazetteer

    if resources is None:
        return Geoparser(gazetteer.load())
    path = resources.settings.get("gazetteer") or None
    gaz = resources.get("gazetteer", lambda: gazetteer.load(path))
    return resources.get("geoparser", lambda: Geoparser(gaz))


@stage("geoparse", requires=["report.body"], assigns=["places"])
def geoparse(report: Report, resources: Resources) -> Report:
    """Places named in the title, body and comments, with coordinates, precision and relations."""
    return load_geoparser(resources)(report)
