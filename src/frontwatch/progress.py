"""One progress bar for long runs (tqdm on a terminal; silent with ``--quiet`` or when piped)."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class Progress:
    """A context manager whose ``update(n)`` advances a bar on stderr when it is a terminal."""

    def __init__(self, label: str, *, total: int | None = None, quiet: bool = False) -> None:
        self._bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit=" reports", file=sys.stderr, leave=False)

    def update(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
