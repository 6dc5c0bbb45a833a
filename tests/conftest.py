"""Shared fixtures. Fixture texts live in tests/fixtures (written by us); samples ship in the package."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1] / "src" / "frontwatch" / "data" / "samples"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh DuckDB file path (the store creates it)."""
    return tmp_path / "test.duckdb"
