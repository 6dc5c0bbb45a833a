"""The thread commands through the real CLI: comment, eval stance, eval moderation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.cli import main


def _rumoureval(root: Path) -> Path:
    """A two-thread RumourEval-format split, written here."""
    split = root / "dev"
    labels = {}
    threads = {
        "100": ("Breaking: the dam has collapsed near the town", [("101", "Is this confirmed? Any source?", "query"),
                                                               ("102", "This is fake, the dam is fine", "deny")]),
        "200": ("Reports of a ceasefire in the north tonight", [("201", "Thoughts with everyone there", "comment")]),
    }
    for sid, (text, replies) in threads.items():
        t = split / "event" / sid
        (t / "source-tweet").mkdir(parents=True)
        (t / "replies").mkdir()
        (t / "source-tweet" / f"{sid}.json").write_text(json.dumps({"id": int(sid), "text": text}))
        labels[sid] = "support"
        for rid, rtext, lab in replies:
            (t / "replies" / f"{rid}.json").write_text(json.dumps({"id": int(rid), "text": rtext}))
            labels[rid] = lab
        (t / "structure.json").write_text(json.dumps({sid: {rid: [] for rid, _, _ in replies}}))
    ann = root / "dev-annotations"
    ann.mkdir()
    (ann / "subtaskA.json").write_text(json.dumps(labels))
    return split


def test_comment_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["comment", "Kill them all.", "--parent", "The militants are trapped in the pocket.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["flags"][0]["category"] == "incitement_to_violence"
    assert data["flags"][0]["target_group"] == "besieged militants"
    assert data["stance"]["target"] == "comment:c0"
    assert main(["comment", "What is the status there?"]) == 0
    assert "stance: query" in capsys.readouterr().out


def test_eval_stance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    split = _rumoureval(tmp_path)
    assert main(["eval", "stance", str(split), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["n"] == 5
    assert 0.0 <= data["macro_f1"] <= 1.0
    assert main(["eval", "stance", str(split)]) == 0
    assert "macro-F1" in capsys.readouterr().out


def test_eval_stance_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "stance", str(tmp_path / "nope")]) == 1
    assert "not found" in capsys.readouterr().err


def test_eval_moderation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labelled = tmp_path / "set.jsonl"
    labelled.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Kill them all.", "labels": ["incitement_to_violence"], "split": "dev"},
        {"text": "An air strike killed 12 people, medics said.", "labels": [], "split": "dev"},
    ]) + "\n")
    news = tmp_path / "news.xml"
    news.write_text("<articles><article><text>An air strike killed 12 people on Monday. The army said the town "
                    "was taken after heavy fighting.</text></article></articles>")
    assert main(["eval", "moderation", str(labelled), str(news), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["splits"]["dev"]["categories"]["incitement_to_violence"]["recall"] == 1.0
    assert data[1]["flagged"] == 0 and data[1]["sentences"] == 2


def test_shipped_labelled_set_is_large_enough() -> None:
    path = Path(__file__).parents[2] / "eval" / "moderation" / "conflict_comments.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)


def test_eval_stance_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stance.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"article": "Army takes the town", "parent": None, "text": "Is the bridge still open?", "label": "query"},
        {"article": "Army takes the town", "parent": "They took it at dawn.", "text": "False report!", "label": "deny"},
    ]) + "\n")
    assert main(["eval", "stance", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["n"] == 2 and data["accuracy"] == 1.0
