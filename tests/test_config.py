"""Settings: defaults, file, environment, overrides; the README documents every setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontwatch.config import SETTINGS, load_settings
from frontwatch.errors import ConfigError

README = Path(__file__).parents[1] / "README.md"


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "fw.toml"
    cfg.write_text('db = "from-file.duckdb"\nmax_upload_mb = 5\n')
    assert load_settings(cfg)["db"] == "from-file.duckdb"
    monkeypatch.setenv("FRONTWATCH_DB", "from-env.duckdb")
    monkeypatch.setenv("FRONTWATCH_READ_TOKEN", "yes")
    s = load_settings(cfg)
    assert s["db"] == "from-env.duckdb" and s["read_token"] is True and s["max_upload_mb"] == 5
    assert load_settings(cfg, db="cli.duckdb")["db"] == "cli.duckdb"


def test_unknown_setting_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "fw.toml"
    cfg.write_text("colour = 1\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(cfg)


def test_readme_documents_every_setting() -> None:
    text = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M))
    assert {s.name for s in SETTINGS} <= documented, "README's settings table is missing some"
