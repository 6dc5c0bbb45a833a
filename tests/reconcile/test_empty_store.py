"""Regression: reconciling a store that holds no claims is a no-op, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.api import Frontwatch
from frontwatch.errors import NotFound


def test_reconcile_empty_store(db_path: Path) -> None:
    with Frontwatch(db=str(db_path)) as fw:
        summary = fw.reconcile()
        assert summary["claims"] == 0 and summary["places"] == 0 and summary["sources"] == 0
        with pytest.raises(NotFound):
            fw.status("Bab al-Nayrab")
