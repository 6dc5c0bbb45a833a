"""The CLI: gazetteer info/search/collisions, geoparse TEXT, eval geoparse (on our own tiny corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.cli import main

FIX = Path(__file__).parents[1] / "fixtures" / "geoparse"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_info_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    info = run(capsys, "gazetteer", "info", "--json")
    assert info["places"] > 200_000 and info["attribution"]
    rows = run(capsys, "gazetteer", "search", "Sjeikh Maqsud", "--json", "--limit", "2")
    assert rows[0]["id"] == "cu:sheikh-maqsoud" and "gn:170063" in rows[0]["parents"]


def test_geoparse_text_with_explain(capsys: pytest.CaptureFixture[str]) -> None:
    rows = run(capsys, "geoparse", "Clashes south of the Aleppo Citadel and in Tripoli.", "--explain", "--json")
    by = {r["text"]: r for r in rows}
    assert by["Aleppo Citadel"]["relation"] == "south of" and by["Aleppo Citadel"]["geo_precision"] == 2
    assert by["Tripoli"]["candidates"] and all("why" in c for c in by["Tripoli"]["candidates"])


def test_collisions_reports_rates(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "gazetteer", "collisions", "--sample", "200", "--json")
    assert 0 <= out["key_false_match_rate"] <= 1 and out["sampled_names"] == 200


def test_eval_on_a_tiny_xml_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIX / "mosul.txt").read_text(encoding="utf-8")
    start = text.index("Erbil")
    xml = tmp_path / "tiny.xml"
    xml.write_text(
        "<articles><article docid='1'><text>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</text>"
        f"<toponyms><toponym><start>{start}</start><end>{start + 5}</end><phrase>Erbil</phrase>"
        "<gaztag geonameid='95446'><lat>36.19</lat><lon>44.01</lon></gaztag></toponym></toponyms>"
        "</article></articles>",
        encoding="utf-8",
    )
    [r] = run(capsys, "eval", "geoparse", str(xml), "--json")
    assert r["articles"] == 1 and r["recall"] == 1.0 and r["acc_161km"] == 100.0


def test_missing_corpus_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "geoparse", "/nonexistent/lgl.xml"]) == 1
    assert "not found" in capsys.readouterr().err
