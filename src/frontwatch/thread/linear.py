"""A small multinomial logistic model over sparse named terms (numpy only).

Training is full-batch gradient descent (Adam) with L2 and per-class weights; prediction is a
dictionary lookup per term and a dot product. Saved as one compressed ``.npz``: the vocabulary,
float16 weights and the labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab), len(labels)) float32
    bias: np.ndarray  # (len(labels),) float32

    def scores(self, terms: dict[str, float]) -> np.ndarray:
        """Class probabilities for one item's terms (a plain-Python dot product: faster for short texts)."""
        rows = self.rows
        z = [float(b) for b in self.bias]
        k = len(z)
        for term, value in terms.items():
            row = rows.get(term)
            if row is not None:
                for j in range(k):
                    z[j] += value * row[j]
        top = max(z)
        e = np.exp(np.asarray(z) - top)
        return e / e.sum()

    @cached_property
    def rows(self) -> dict[str, tuple[float, ...]]:
        """Each term's weights as a tuple (built once, on first use)."""
        return {t: tuple(float(x) for x in self.weights[i]) for t, i in self.vocab.items()}

    def save(self, path: str | Path) -> None:
        names = np.array(sorted(self.vocab, key=self.vocab.__getitem__))
        np.savez_compressed(
            path,
            vocab=names,
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            labels=np.array(self.labels),
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["vocab"]]
            return cls(
                labels=tuple(str(x) for x in data["labels"]),
                vocab={n: i for i, n in enumerate(names)},
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
            )


def build_vocab(items: Sequence[dict[str, float]], min_df: int = 2, max_terms: int = 20000) -> dict[str, int]:
    df: Counter[str] = Counter()
    for t in items:
        df.update(t.keys())
    keep = [term for term, n in df.most_common() if n >= min_df or term.startswith("h:")][:max_terms]
    return {term: i for i, term in enumerate(sorted(keep))}


def _matrix(items: Sequence[dict[str, float]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, cols, vals = [], [], []
    for r, t in enumerate(items):
        for term, v in t.items():
            i = vocab.get(term)
            if i is not None:
                rows.append(r)
                cols.append(i)
                vals.append(v)
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(vals, dtype=np.float32)


def train(
    items: Sequence[dict[str, float]],
    labels: Sequence[str],
    label_set: Sequence[str],
    *,
    class_weight: dict[str, float] | None = None,
    l2: float = 1e-3,
    epochs: int = 300,
    lr: float = 0.05,
    min_df: int = 2,
    seed: int = 0,
) -> LinearModel:
    """Fit the model on term dicts ``items`` with gold ``labels``."""
    vocab = build_vocab(items, min_df=min_df)
    rows, cols, vals = _matrix(items, vocab)
    n, k, v = len(items), len(label_set), len(vocab)
    index = {lab: j for j, lab in enumerate(label_set)}
    y = np.array([index[lab] for lab in labels])
    onehot = np.zeros((n, k), dtype=np.float32)
    onehot[np.arange(n), y] = 1.0
    cw = np.array([(class_weight or {}).get(lab, 1.0) for lab in label_set], dtype=np.float32)
    sample_w = cw[y] / cw[y].sum()
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (v, k)).astype(np.float32)
    b = np.zeros(k, dtype=np.float32)
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = np.zeros((n, k), dtype=np.float32)
        np.add.at(z, rows, vals[:, None] * w[cols])
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None]
        gw = np.zeros_like(w)
        np.add.at(gw, cols, vals[:, None] * g[rows])
        gw += l2 * w
        gb = g.sum(axis=0)
        for param, grad, m, s in ((w, gw, m_w, v_w), (b, gb, m_b, v_b)):
            m *= beta1
            m += (1 - beta1) * grad
            s *= beta2
            s += (1 - beta2) * grad * grad
            mhat = m / (1 - beta1**step)
            shat = s / (1 - beta2**step)
            param -= lr * mhat / (np.sqrt(shat) + eps)
    return LinearModel(tuple(label_set), vocab, w, b)
