from __future__ import annotations

from pathlib import Path

from frontwatch.synth import generate_report, generate_reports, report_text, write_text_files


def test_deterministic_and_realistic() -> None:
    a = list(generate_reports(5, seed=3))
    b = list(generate_reports(5, seed=3))
    assert a == b
    assert generate_report(4, seed=3) == a[4]
    assert list(generate_reports(1, seed=4))[0] != a[0]
    for r in a:
        assert 550 <= len(r.body.split()) <= 800
        assert 3 <= len(r.comments) <= 12
        assert len({r.id for r in a}) == 5


def test_text_files(tmp_path: Path) -> None:
    paths = write_text_files(tmp_path, 3, seed=1)
    assert [p.name for p in paths] == ["report-000000.txt", "report-000001.txt", "report-000002.txt"]
    first = generate_report(0, seed=1)
    text = paths[0].read_text(encoding="utf-8")
    assert text == report_text(first)
    assert text.startswith(first.title + "\n\n") and first.comments[-1].text in text
