"""The stage in a pipeline, the scoring command, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontwatch import cli
from frontwatch.errors import InputError, PipelineError
from frontwatch.extract import actors, evaluate
from frontwatch.extract.quotes import quoted_ranges
from frontwatch.extract.stage import run
from frontwatch.model import Report
from frontwatch.pipeline import Pipeline, Resources, get_stage

from extract_helpers import report


def test_stage_is_registered_and_needs_places() -> None:
    st = get_stage("extract")
    assert st.requires == ("places",) and set(st.assigns) == {"events", "control_claims"}
    with pytest.raises(PipelineError, match="needs places"):
        Pipeline(["extract"])


def test_stage_uses_the_users_actor_file(fixtures: Path) -> None:
    res = Resources({"actors": str(fixtures / "extract" / "actors_extra.csv")})
    r = report("The Green Brigade captured Tadef.", {"Tadef": "Tadef"})
    out = get_stage("extract")(r, res)
    assert [c.controller for c in out.control_claims] == ["opposition"]
    assert out.events[0].actor1 is not None and out.events[0].actor1.actor.id == "xx-green-brigade"


def test_spans_slice_back() -> None:
    r = report("Last night, government forces pushed ISIS from Tadef. The army took Ariha, SOHR said.", {"Tadef": "Tadef", "Ariha": "Ariha"})
    out = run(r, actors.load_default())
    for item in (*out.events, *out.control_claims):
        out.check_span(item.evidence)
    for e in out.events:
        for a in (e.actor1, e.actor2, *e.assoc_actors):
            if a is not None:
                out.check_span(a.span)


@pytest.mark.parametrize("body", [
    "the army took the village and then " * 2000,
    "SYRIAN ARMY TAKES BAB AL-NAYRAB IS FREE US FORCES WITHDRAW",
    "الجيش السوري سيطر على حي الشيخ سعيد. The Syrian army captured Sheikh Saeed (حي الشيخ سعيد) on Monday.",
    "",
    "???!!!...",
    "\u200f\u200e\n\n\t",
])
def test_bad_input_never_crashes(body: str) -> None:
    out = run(Report(id="x", body=body, title="ARMY TAKES TOWN", published=None), actors.load_default())
    for c in out.control_claims:
        out.check_span(c.evidence)


def test_no_date_keeps_relative_dates_unresolved() -> None:
    r = report("Last night, government forces captured Tadef.", {"Tadef": "Tadef"}, published=None)
    [c] = run(r, actors.load_default()).control_claims
    assert c.as_of is None and c.as_of_text == "Last night"


def test_quotes_of_the_article() -> None:
    article = "The only hope of militants is the assistance from their Western backers."
    comment = "“The only hope of militants is the assistance from their Western backers.”\n\nI think they are here now."
    [(s, e)] = quoted_ranges(comment, article)
    assert comment[s:e].startswith("“The only hope")


def test_gold_loading_errors_name_the_line(fixtures: Path) -> None:
    with pytest.raises(InputError, match="gold_bad.jsonl:2"):
        evaluate.load_gold(fixtures / "extract" / "gold_bad.jsonl")


def test_scoring_and_command(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = fixtures / "extract" / "gold_small.jsonl"

    def analyse(rec: evaluate.GoldRecord) -> Report:
        return run(report(rec.text, {"Tadef": "Tadef"}, published=rec.published), actors.load_default())

    s = evaluate.score(evaluate.load_gold(gold), analyse)
    out = s.to_json()
    assert out["claims"]["precision"] == 1.0 and out["claims"]["recall"] == 1.0
    assert out["claims_from_nonfactual"] == 0
    assert s.slots["date"].tp == 1
    assert cli.main(["eval", "events", "--gold", str(gold), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed[str(gold)]["records"] == 3 and printed[str(gold)]["claims_from_nonfactual"] == 0


def test_actor_search_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["actors", "search", "houthi", "--json"]) == 0
    assert "ye-houthis" in {r["id"] for r in json.loads(capsys.readouterr().out)}


def test_plover_scoring(tmp_path: Path) -> None:
    f = tmp_path / "plover.txt"
    f.write_text(json.dumps([
        {"id": "1", "event": "AGREE", "text": "Hungary and Romania agreed to cooperate on refugees."},
        {"id": "2", "event": "FIGHT", "text": "Rebels attacked an army base near Goma."},
        {"id": "3", "event": "DOCUMENT", "text": "ignored"},
    ]), encoding="utf-8")
    out = evaluate.score_plover(f, lambda rec: run(Report(id="p", body=rec.text), actors.load_default()))
    assert out["records"] == 2 and out["accuracy"] == 1.0


def test_published_dates_for_comments() -> None:
    from frontwatch.model import Comment
    c = Comment("c1", "Yesterday the army took Tadef.", author="A", posted=dt.datetime(2016, 12, 20, 10, 0))
    r = report("Nothing here.", {"Tadef": "Tadef"}, comments=(c,))
    [claim] = run(r, actors.load_default()).control_claims
    assert claim.as_of == dt.date(2016, 12, 19)
