"""JSON Lines: our schema, bad lines named by number, and a lossless round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.errors import InputError
from frontwatch.ingest import read_paths, record_to_report, report_to_record
from frontwatch.ingest.base import make_report
from frontwatch.ingest.jsonl import write_jsonl
from frontwatch.model import Comment, Report


def test_invalid_line_is_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = {"title": "Clashes near Marib", "body": "Fighting was reported west of Marib city on Sunday.", "published": "2021-02-14"}
    path = tmp_path / "reports.jsonl"
    path.write_text(
        json.dumps(good) + "\n" + '{"title": "broken", "body": \n' + "\n" + json.dumps({**good, "title": "Second"}) + "\n"
        + json.dumps({"body": 5}) + "\n" + json.dumps({**good, "published": "sometime"}) + "\n",
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Report", "InputError", "Report", "InputError", "InputError"]
    assert items[1].where == f"{path}:2" and "invalid JSON" in items[1].message
    assert items[3].where == f"{path}:5" and "'body'" in items[3].message
    assert items[4].where == f"{path}:6" and "published" in items[4].message
    assert items[0].published == dt.date(2021, 2, 14) and items[0].path == str(path)


def test_defaults_apply_only_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"body": "Shelling hit Avdiivka overnight, officials said.", "source": "A"}) + "\n")
    [r] = read_paths([path], published=dt.date(2023, 10, 11), source="B")
    assert isinstance(r, Report) and r.source == "A" and r.published == dt.date(2023, 10, 11)


def test_json_array_and_pretty_object(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"body": "One report text here."}, {"body": "Another report text."}], indent=2))
    (tmp_path / "b.json").write_text(json.dumps({"title": "Pretty", "body": "A single pretty-printed object."}, indent=2))
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Report", "Report", "Report"]
    assert items[2].title == "Pretty"


def test_comment_fields_are_validated() -> None:
    for bad in ({"body": "x", "comments": [{"author": "a"}]}, {"body": "x", "comments": "no"},
                {"body": "x", "comments": [{"text": "a", "id": "c1"}, {"text": "b", "id": "c1"}]},
                {"body": "x", "comments": [{"text": "a", "split_confidence": 3}]}, ["not", "an", "object"], {}):
        try:
            record_to_report(bad, "f.jsonl:1")
        except InputError as exc:
            assert exc.where == "f.jsonl:1"
        else:
            raise AssertionError(f"accepted {bad!r}")


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_opt = st.none() | st.text(min_size=1, max_size=20)
_posted = st.none() | st.dates() | st.datetimes(timezones=st.none() | st.just(dt.timezone.utc))
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10), lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3), max_leaves=6)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    n = draw(st.integers(0, 4))
    comments = [
        Comment(
            id=f"c{i + 1}",
            text=draw(_text),
            author=draw(_opt),
            posted=draw(_posted),
            parent=f"c{i}" if i and draw(st.booleans()) else None,
            language=draw(st.none() | st.sampled_from(["en", "ar", "fr"])),
            split_confidence=draw(st.floats(0, 1)),
            source_offset=draw(st.none() | st.integers(0, 10_000)),
        )
        for i in range(n)
    ]
    return make_report(
        body=draw(_text),
        title=draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)),
        comments=comments,
        url=draw(st.none() | st.just("https://example.org/a")),
        source=draw(_opt),
        published=draw(st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1))),
        language=draw(st.none() | st.sampled_from(["en", "uk"])),
        path=draw(_opt),
        meta=draw(st.dictionaries(st.text(min_size=1, max_size=8), _json, max_size=3)),
        detect_language=False,
    )


@settings(max_examples=150, deadline=None)
@given(reports())
def test_record_round_trip_is_lossless(report: Report) -> None:
    record = json.loads(json.dumps(report_to_record(report)))
    back = record_to_report(record, "x")
    assert back == report
    assert report_to_record(back) == record


def test_file_round_trip_through_read_paths(tmp_path: Path, samples: Path) -> None:
    originals = [r for r in read_paths([samples]) if isinstance(r, Report)]
    out = tmp_path / "export.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        assert write_jsonl(originals, handle) == len(originals)
    again = list(read_paths([out]))
    assert again == originals


def test_large_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    body = "Fighting was reported near the northern checkpoint of the town, officials said. " * 4
    lines = [json.dumps({"title": f"Report {i}", "body": body}) for i in range(400)]
    lines[149] = "{not json"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > 65536
    items = list(read_paths([path]))
    assert len(items) == 400
    bad = [i for i in items if isinstance(i, InputError)]
    assert [b.where for b in bad] == [f"{path}:150"]
