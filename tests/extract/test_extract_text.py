"""Sentences, dates and modality."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.extract import dates, modality, sentences

PUB = dt.date(2016, 12, 13)  # a Tuesday


def test_split_sentences_and_lines() -> None:
    text = "Mr. Smith said the army took it. What now?\n\nHeiko\nFalse report!"
    assert [text[s:e] for s, e in sentences.split(text)] == ["Mr. Smith said the army took it.", "What now?", "Heiko", "False report!"]


def test_no_punctuation_and_very_long_text_are_cut() -> None:
    text = "the army took the village " * 400
    spans = sentences.split(text)
    assert len(spans) > 10 and all(e - s <= sentences.MAX_LEN for s, e in spans)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n،سA")), max_size=900))
def test_spans_are_ordered_and_inside(text: str) -> None:
    last = 0
    for s, e in sentences.split(text):
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e


def test_relative_dates() -> None:
    def one(text: str, pub: dt.date | None = PUB) -> tuple[dt.date | None, int]:
        ref = dates.resolve(text, pub)
        assert ref is not None, text
        return ref.date, ref.precision

    assert one("Last night, forces pushed") == (dt.date(2016, 12, 12), 1)
    assert one("after today's gains") == (PUB, 1)
    assert one("yesterday") == (dt.date(2016, 12, 12), 1)
    assert one("Tuesday afternoon, they left") == (PUB, 1)
    assert one("on Sunday") == (dt.date(2016, 12, 11), 1)
    assert one("on 12 December") == (dt.date(2016, 12, 12), 1)
    assert one("December 20") == (dt.date(2015, 12, 20), 1)  # after publication: last year
    assert one("last week") == (dt.date(2016, 12, 6), 2)
    assert one("this month") == (PUB, 3)
    assert one("in March 2015") == (dt.date(2015, 3, 15), 3)


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    ref = dates.resolve("Last night the army advanced", None)
    assert ref is not None and ref.date is None and ref.text == "Last night"
    assert dates.resolve("on 3 March 2016", None).date == dt.date(2016, 3, 3)  # type: ignore[union-attr]
    assert dates.resolve("they may attack", PUB) is None
    assert dates.default(None) == (None, None)


def m(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return modality.classify(sentence, i, i + len(word)).modality


def test_modalities() -> None:
    assert m("Government forces captured Tadef.", "captured") == "asserted"
    assert m("The army captured Tadef, SOHR said.", "captured") == "reported"
    assert m("According to the Syrian Observatory, the army captured Tadef.", "captured") == "reported"
    assert m("Other sources report quarters taken over by the YPG.", "taken over") == "hearsay"
    assert m("I've read the SAA has full control of east Aleppo.", "full control") == "hearsay"
    assert m("Has Palmyra fallen to ISIS?", "fallen") == "questioned"
    assert m("Palmyra has not fallen to ISIS.", "fallen") == "denied"
    assert m("Reports that Palmyra fell are false.", "fell") == "denied"
    assert m("The SAA should go east from Palmyra and take Sukhna.", "take") == "hypothetical"
    assert m("Moving to Deir Ezzor will be countered by the US.", "Moving") == "hypothetical"
    assert m("If turkey diverts forces, the army could take Raqqa.", "take") == "hypothetical"
    assert m("A deal with Erdogan would win Deir Ezzor.", "deal") == "hypothetical"
    assert m("Kill them all.", "Kill") == "hypothetical"
    assert m("Idlib can wait until the army secures Hama.", "secures") == "hypothetical"


def test_reported_source_is_named() -> None:
    s = "Houthi rebels seized Hodeidah, SOHR said."
    att = modality.classify(s, s.index("seized"), s.index("seized") + 6)
    assert att.source == "SOHR"
