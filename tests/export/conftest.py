from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

from handbuilt import handbuilt_report  # noqa: E402

from frontwatch.store import SQLStore, open_store  # noqa: E402

#: A fixed write time, so golden files do not change with the clock.
UPDATED_AT = "2016-12-14 08:00:00"


@pytest.fixture
def store(db_path: Path) -> SQLStore:
    s = open_store(db_path)
    s.upsert([handbuilt_report()])
    s.write(f"UPDATE reports SET updated_at = TIMESTAMP '{UPDATED_AT}', ingested_at = TIMESTAMP '{UPDATED_AT}'")
    yield s
    s.close()
