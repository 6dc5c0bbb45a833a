"""Settings: declared once as a table of (name, default, help), read from a TOML file.

Order of precedence: command-line option > environment variable ``FRONTWATCH_<NAME>`` >
config file (``--config`` or ``./frontwatch.toml``) > the default below. The README's
settings table is checked against :data:`SETTINGS` by a test, so nothing goes undocumented.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "frontwatch.duckdb", "store: a DuckDB file path or a postgresql:// URL"),
    Setting("pipeline", "", "pipeline TOML file; empty means the packaged default"),
    Setting("gazetteer", "", "extra gazetteer file built by `frontwatch gazetteer build`; empty means packaged only"),
    Setting("actors", "", "extra actor dictionary file (CSV) merged over the packaged one"),
    Setting("source_priors", "", "TOML file of prior reliability per source (0..1)"),
    Setting("api_token", "", "token required by the API's writing endpoints; empty disables them"),
    Setting("read_token", False, "if true, reading endpoints of the API also require the token"),
    Setting("max_upload_mb", 50, "largest request body the API accepts, in MB"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def load_settings(path: str | Path | None = None, **overrides: Any) -> dict[str, Any]:
    """Settings from defaults, the config file, the environment and ``overrides`` (non-None)."""
    values = {s.name: s.default for s in SETTINGS}
    file = Path(path) if path else Path("frontwatch.toml")
    if path or file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("config file not found", where=str(file)) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", where=str(file)) from None
        for key, value in data.items():
            if key not in _BY_NAME:
                raise ConfigError(f"unknown setting {key!r}", where=str(file), hint=f"known: {', '.join(_BY_NAME)}")
            values[key] = value
    for s in SETTINGS:
        env = os.environ.get(f"FRONTWATCH_{s.name.upper()}")
        if env is not None:
            values[s.name] = _coerce(s, env)
    for key, value in overrides.items():
        if value is not None:
            if key not in _BY_NAME:
                raise ConfigError(f"unknown setting {key!r}")
            values[key] = value
    return values


def _coerce(setting: Setting, raw: str) -> Any:
    if isinstance(setting.default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(setting.default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"FRONTWATCH_{setting.name.upper()} must be a whole number, not {raw!r}") from None
    return raw
