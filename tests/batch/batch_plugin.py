"""The plugin of small test stages that the batch tests load on every worker (``--plugin`` file)."""

from __future__ import annotations

from pathlib import Path

PLUGIN = '''
import os
from frontwatch.model import ControlClaim, Place, PlaceMention
from frontwatch.pipeline import stage

CRASH_ID = {crash_id!r}
CRASH_MARKER = {crash_marker!r}


@stage("batchtest_mark", assigns=["meta.words"])
def mark(report, resources):
    """Count words (a cheap, deterministic annotation)."""
    if "EXPLODE" in report.body:
        raise ValueError("this document explodes")
    meta = dict(report.meta)
    meta["words"] = len(report.body.split())
    meta["comment_words"] = sum(len(c.text.split()) for c in report.comments)
    return report.with_(meta=meta)


@stage("batchtest_crash", assigns=["crash"])
def crash(report, resources):
    """Kill this worker process once, on the report CRASH_ID."""
    if CRASH_ID and report.id == CRASH_ID and not os.path.exists(CRASH_MARKER):
        with open(CRASH_MARKER, "w") as fh:
            fh.write(str(os.getpid()))
        os._exit(17)
    return report


@stage("batchtest_claim", assigns=["places", "control_claims"])
def claim(report, resources):
    """A control claim on Kherson wherever the body names it (for reconciliation tests)."""
    i = report.body.find("Kherson")
    if i < 0:
        return report
    place = Place("ua:kherson", "Kherson", 46.6354, 32.6169, "city", "UA")
    mention = PlaceMention(report.span("body", i, i + 7), place, 1)
    side = "ua_army" if "Ukrainian" in report.body else "ru_army"
    evidence = report.span("body", 0, len(report.body))
    return report.with_(places=(mention,), control_claims=(ControlClaim(mention, side, "gained", evidence, as_of=report.published),))
'''


def make_plugin(
    folder: Path, crash_id: str | None = None, stages: tuple[str, ...] = ("batchtest_mark", "batchtest_crash")
) -> tuple[str, str]:
    """A plugin file and a pipeline file using its stages; returns (plugin, pipeline)."""
    plugin = folder / "batchtest_stages.py"
    marker = folder / "crashed.marker"
    plugin.write_text(PLUGIN.format(crash_id=crash_id, crash_marker=str(marker)), encoding="utf-8")
    pipeline = folder / "pipeline.toml"
    pipeline.write_text(f"stages = {list(stages)!r}\n".replace("'", '"'), encoding="utf-8")
    return str(plugin), str(pipeline)
