from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from handbuilt import handbuilt_report  # noqa: E402

from frontwatch.model import Report  # noqa: E402


@pytest.fixture
def report() -> Report:
    return handbuilt_report()
