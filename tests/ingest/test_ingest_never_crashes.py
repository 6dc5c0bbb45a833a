"""Whatever the bytes, ingestion returns reports or one-line errors; it never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.errors import FrontwatchError
from frontwatch.ingest import read_bytes, read_text
from frontwatch.ingest.decode import normalise_text
from frontwatch.model import Report

_pieces = st.sampled_from(
    ["\n", "\n\n", "\n\n\n", "Heiko Demonus", "False report!", "2 hours ago", "Reply", "Like · Reply · 2h",
     "What is the status there?", "The army said it took the town.", "Click to see the full-size map",
     "12 Comments", "Replying to Ryan Law", "— Ryan Law", "Source: X", "“Quoted line.”", "@Ryan", "<p>", "{", "•"]
)
_texts = st.lists(st.one_of(_pieces, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_text_splitter_offsets_always_slice_back(text: str) -> None:
    r = read_text(text)
    norm = normalise_text(text)
    ids = [c.id for c in r.comments]
    assert len(set(ids)) == len(ids)
    for c in r.comments:
        assert c.source_offset is not None and norm[c.source_offset : c.source_offset + len(c.text)] == c.text
        assert c.parent is None or c.parent in ids[: ids.index(c.id)]
        assert 0 < c.split_confidence <= 1


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=400), _texts.map(lambda t: t.encode("utf-8"))), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.rss"]))
def test_read_bytes_never_raises(data: bytes, name: str) -> None:
    for item in read_bytes(data, name=name):
        assert isinstance(item, (Report, FrontwatchError))
        if isinstance(item, FrontwatchError):
            assert "\n" not in item.one_line()
