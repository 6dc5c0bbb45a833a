"""The data model: spans always slice back to their text; values are read-only."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.errors import InputError
from frontwatch.model import Comment, Report, Span


def make_report() -> Report:
    return Report(
        id="r1",
        title="Army takes Bab al-Nayrab",
        body="The army took Bab al-Nayrab. Rebels denied it.",
        comments=(Comment(id="c1", text="False report!", author="Heiko"),),
    )


def test_span_must_fit_its_offsets() -> None:
    with pytest.raises(ValueError):
        Span("body", 0, 5, "abc")
    with pytest.raises(ValueError):
        Span("body", 5, 2, "")


def test_report_span_slices_every_field() -> None:
    report = make_report()
    assert report.span("title", 0, 4).text == "Army"
    assert report.span("body", 4, 8).text == "army"
    assert report.span("c1", 0, 5).text == "False"
    with pytest.raises(ValueError):
        report.span("body", 0, 10_000)
    with pytest.raises(KeyError):
        report.span("c9", 0, 1)


def test_values_are_frozen() -> None:
    report = make_report()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.body = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        report.meta["x"] = 1  # type: ignore[index]
    assert report.with_(title="New").title == "New" and report.title != "New"


def test_check_span_names_the_report() -> None:
    report = make_report()
    report.check_span(report.span("body", 0, 3))
    with pytest.raises(InputError, match="r1"):
        report.check_span(Span("body", 0, 3, "xyz"))


@given(st.text(min_size=0, max_size=200), st.data())
def test_any_span_slices_back(text: str, data: st.DataObject) -> None:
    report = Report(id="p", body=text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = report.span("body", start, end)
    assert report.field_text(span.field)[span.start : span.end] == span.text
    report.check_span(span)
