"""One exception tree; every class is also a builtin; messages are one line with a hint."""

from __future__ import annotations

import pytest

from frontwatch import errors


def test_every_error_derives_from_the_base_and_a_builtin() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert errors.FrontwatchError in classes
    for cls in classes:
        assert issubclass(cls, errors.FrontwatchError)
        if cls is not errors.FrontwatchError:
            assert any(b.__module__ == "builtins" and b is not Exception for b in cls.__mro__), cls


def test_one_line_with_where_and_hint() -> None:
    exc = errors.InputError("bad\nthing   here", where="a.jsonl:3", hint="fix line 3")
    assert str(exc) == "a.jsonl:3: bad thing here (hint: fix line 3)"
    assert "\n" not in str(exc)
    with pytest.raises(ValueError):
        raise exc
