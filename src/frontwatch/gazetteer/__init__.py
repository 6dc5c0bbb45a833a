"""The gazetteer: places with coordinates, feature types, parents and every way of writing them.

``load()`` returns the process-wide :class:`~frontwatch.gazetteer.index.Gazetteer`, building
the index first if it is missing (``frontwatch gazetteer build``). See docs/gazetteer.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontwatch.gazetteer.index import Gazetteer

__all__ = ["Gazetteer", "load"]


def load(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the built index), loaded once per process."""
    from frontwatch.gazetteer.index import load as _load

    return _load(path)


def __getattr__(name: str) -> Any:
    if name == "Gazetteer":
        from frontwatch.gazetteer.index import Gazetteer

        return Gazetteer
    raise AttributeError(name)
