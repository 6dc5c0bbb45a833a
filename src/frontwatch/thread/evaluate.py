"""Reading labelled data and scoring: RumourEval-format stance data and moderation sets.

RumourEval 2017 layout: ``SPLIT/<event>/<thread>/source-tweet/<id>.json``,
``.../replies/<id>.json``, ``.../structure.json`` (the reply tree), and the labels in
``SPLIT-annotations/subtaskA.json`` (or ``SPLIT/subtaskA.json``).
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from frontwatch.errors import InputError, InputNotFound
from frontwatch.model import SDQC
from frontwatch.thread.features import StanceInput


@dataclass(frozen=True)
class LabelledItem:
    id: str
    thread: str
    event: str
    item: StanceInput
    label: str


def find_annotations(split: Path) -> Path:
    for cand in (split.parent / f"{split.name}-annotations" / "subtaskA.json", split / "subtaskA.json"):
        if cand.is_file():
            return cand
    raise InputNotFound(
        "no subtaskA.json labels found",
        where=str(split),
        hint=f"put them in {split.name}-annotations/subtaskA.json beside the split, or pass --annotations",
    )


def _depths(tree: dict[str, Any], depth: int, out: dict[str, tuple[int, str | None]], parent: str | None) -> None:
    for key, sub in tree.items():
        out[key] = (depth, parent)
        if isinstance(sub, dict):
            _depths(sub, depth + 1, out, key)


def read_rumoureval(split: str | Path, annotations: str | Path | None = None) -> list[LabelledItem]:
    """Every labelled tweet of a RumourEval split, with the text of its source and parent."""
    root = Path(split)
    if not root.is_dir():
        raise InputNotFound("RumourEval split folder not found", where=str(root), hint="give the train or dev folder")
    ann_path = Path(annotations) if annotations else find_annotations(root)
    try:
        labels: dict[str, str] = json.loads(ann_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read labels: {exc}", where=str(ann_path)) from None
    out: list[LabelledItem] = []
    for structure in sorted(root.glob("*/*/structure.json")):
        thread_dir = structure.parent
        tweets: dict[str, str] = {}
        for f in list(thread_dir.glob("source-tweet/*.json")) + list(thread_dir.glob("replies/*.json")):
            data = json.loads(f.read_text(encoding="utf-8"))
            tweets[str(data["id"])] = data.get("text", "")
        tree = json.loads(structure.read_text(encoding="utf-8"))
        pos: dict[str, tuple[int, str | None]] = {}
        _depths(tree, 0, pos, None)
        source_id = next(iter(tree), thread_dir.name)
        source_text = tweets.get(source_id, "")
        for tid, text in tweets.items():
            if tid not in labels:
                continue
            depth, parent = pos.get(tid, (1, source_id))
            item = StanceInput(
                text=text,
                target_text=source_text if tid != source_id else "",
                parent_text=tweets.get(parent or "", "") if parent else "",
                depth=depth,
                is_source=tid == source_id,
            )
            out.append(LabelledItem(tid, thread_dir.name, thread_dir.parent.name, item, labels[tid]))
    if not out:
        raise InputError("no labelled tweets found", where=str(root), hint="is this a RumourEval split folder?")
    return out


@dataclass(frozen=True)
class Scores:
    accuracy: float
    macro_f1: float
    per_class: dict[str, dict[str, float]]
    n: int

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
                "per_class": {k: {m: round(v, 4) for m, v in d.items()} for k, d in self.per_class.items()}}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = SDQC) -> Scores:
    per: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        p, r, f = prf(tp, fp, fn)
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": float(tp + fn)}
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / max(len(gold), 1)
    macro = sum(d["f1"] for d in per.values()) / len(labels)
    return Scores(acc, macro, per, len(gold))


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON: {exc.msg}", where=f"{path}:{n}") from None


# -- moderation ---------------------------------------------------------------------------------
_NEWS_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def news_bodies(path: Path) -> Iterator[str]:
    """Article bodies from a geoparsing XML corpus (``<text>``) or the FA-KES ``.xlsx`` (long cells)."""
    if path.suffix.lower() == ".xlsx":
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.iter("{*}si"):
            text = "".join(t.text or "" for t in si.iter("{*}t"))
            if len(text) >= 300:
                yield text
        return
    try:
        tree = etree.parse(str(path), etree.XMLParser(recover=True, huge_tree=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"cannot read XML: {exc}", where=str(path)) from None
    for node in tree.iter("text"):
        if node.text and node.text.strip():
            yield node.text


def news_sentences(path: Path) -> Iterator[str]:
    for body in news_bodies(path):
        for sentence in _NEWS_SENTENCE.split(" ".join(body.split())):
            if len(sentence) > 20:
                yield sentence


def _final(cells: list[str]) -> str | None:
    """An annotator's final answer from (before Yes/No/Not sure, after Yes/No/Not sure) cells."""
    for block in (cells[3:6], cells[0:3]):
        for answer, cell in zip(("yes", "no", "unsure"), block):
            if cell.strip():
                return answer
    return None


def read_engelmann(path: Path) -> Iterator[tuple[str, bool]]:
    """(text, dehumanising) where both annotators' final answers agree; the rest is skipped."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    for row in rows[2:]:
        if len(row) < 13 or not row[0].strip():
            continue
        a, b = _final(row[1:7]), _final(row[7:13])
        if a == b and a in ("yes", "no"):
            yield row[0], a == "yes"


def read_davidson(path: Path) -> Iterator[tuple[str, int]]:
    """(tweet, class) with class 0 hate speech, 1 offensive, 2 neither."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["tweet"], int(row["class"])


def binary(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    tp = fp = fn = n = 0
    for gold, pred in pairs:
        n += 1
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p, r, f = prf(tp, fp, fn)
    return {"n": n, "positives": tp + fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def read_stance_jsonl(path: str | Path) -> list[LabelledItem]:
    """Our conflict-thread stance set: one comment a line, ``{"article", "parent", "text", "label"}``."""
    p = Path(path)
    out: list[LabelledItem] = []
    for n, row in enumerate(iter_jsonl(p), 1):
        if row.get("label") not in SDQC or not row.get("text"):
            raise InputError("expected {\"text\", \"label\"} with an SDQC label", where=f"{p}:{n}")
        parent = row.get("parent") or ""
        article = row.get("article") or ""
        item = StanceInput(row["text"], parent or article, parent or article, 2 if parent else 1)
        out.append(LabelledItem(str(row.get("id", n)), article, "conflict", item, row["label"]))
    return out
