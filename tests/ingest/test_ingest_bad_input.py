"""Bad inputs: each is one clear line (or handled correctly), and the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path

from frontwatch.errors import InputError, InputNotFound
from frontwatch.ingest import MAX_INPUT_BYTES, read_bytes, read_paths
from frontwatch.model import Report

ARTICLE = "Clashes near Manbij\n\nFighting was reported on the western edge of Manbij on Sunday, residents said.\n"


def only(items: list[object]) -> object:
    assert len(items) == 1
    return items[0]


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    errs = list(read_paths([tmp_path]))
    assert all(isinstance(e, InputError) for e in errs) and len(errs) == 2
    assert errs[0].one_line() == f"{tmp_path / 'blank.txt'}: empty file, no report in it"


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "b.txt").write_bytes(os.urandom(2048))
    (tmp_path / "c.txt").write_bytes(b"abc\x00def" * 100)
    errs = list(read_paths([tmp_path]))
    assert [type(e) for e in errs] == [InputError] * 3
    assert "binary file (a PDF document)" in errs[0].message
    assert all(e.message.startswith("binary file") for e in errs)


def test_arabic_cp1256_is_decoded() -> None:
    text = "اشتباكات في حلب\n\nقالت مصادر محلية إن الجيش سيطر على حي الشيخ مقصود بعد معارك عنيفة استمرت يومين.\n"
    r = only(read_bytes(text.encode("cp1256"), name="ar.txt"))
    assert isinstance(r, Report)
    assert r.title == "اشتباكات في حلب" and "الشيخ مقصود" in r.body
    assert r.language == "ar"


def test_latin1_mislabelled_as_utf8() -> None:
    text = "Combats à Gao\n\nDes affrontements ont éclaté près de l'aéroport de Gao, a-t-on appris de sources sécuritaires.\n"
    r = only(read_bytes(text.encode("latin-1"), name="fr.txt"))
    assert isinstance(r, Report) and "éclaté" in r.body and r.language == "fr"
    page = f'<html><head><meta charset="utf-8"><title>Gao</title></head><body><article><p>{text}</p></article></body></html>'
    r = only(read_bytes(page.encode("latin-1"), name="fr.html"))
    assert isinstance(r, Report) and "aéroport" in r.body


def test_mostly_utf8_with_a_few_bad_bytes() -> None:
    raw = ("Бои у Херсона\n\nВ Херсоне слышны взрывы у моста, сообщают местные жители.\n").encode() + b"\xff\n"
    r = only(read_bytes(raw, name="ru.txt"))
    assert isinstance(r, Report) and "Херсоне" in r.body


def test_file_above_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(ARTICLE.encode())
        chunk = b"The quick brown report repeats itself.\n" * 10_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    (tmp_path / "ok.txt").write_text(ARTICLE)
    items = list(read_paths([tmp_path]))
    assert isinstance(items[0], InputError) and isinstance(items[1], Report)
    assert items[0].message == f"input is 50.2 MB, above the {MAX_INPUT_BYTES // 2**20} MB limit for one report"
    assert only(read_bytes(b"x" * (MAX_INPUT_BYTES + 1), name="body")).message.startswith("input is 20.0 MB")  # type: ignore[attr-defined]


def test_missing_path_and_folder_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("Manbij", "Raqqa"))
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    items = list(read_paths([tmp_path / "nope.txt", tmp_path]))
    assert isinstance(items[0], InputNotFound) and items[0].where == str(tmp_path / "nope.txt")
    assert [i.path for i in items[1:]] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]  # type: ignore[union-attr]


def test_mixed_folder_of_every_shape(samples: Path) -> None:
    items = list(read_paths([samples]))
    assert all(isinstance(i, Report) for i in items)
    kinds = {Path(i.path).suffix for i in items}  # type: ignore[union-attr, arg-type]
    assert kinds == {".txt", ".html", ".jsonl", ".rss"}
    assert len(items) == 7
    assert len({i.id for i in items}) == 7  # type: ignore[union-attr]


def test_content_wins_over_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("<html><head><title>T</title></head><body><article><p>Shelling hit Kharkiv overnight, the governor said.</p></article></body></html>")
    (tmp_path / "story.html").write_text(ARTICLE)
    a, b = list(read_paths([tmp_path]))
    assert isinstance(a, Report) and a.title == "T" and "Kharkiv" in a.body
    assert isinstance(b, Report) and b.title == "Clashes near Manbij"
