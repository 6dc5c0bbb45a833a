"""One exception tree for frontwatch.

Every class derives from :class:`FrontwatchError` and also from the builtin that fits, so
callers can catch either (``except FrontwatchError`` or ``except ValueError``). A user-caused
error renders as a single line: what went wrong, where (file, line), and a hint.
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base class of every error frontwatch raises on purpose.

    ``where`` names the file (and line) or the request part at fault; ``hint`` tells the
    user what to do. ``code`` is a short machine-readable name used by the HTTP API.
    """

    code = "error"
    status = 400

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.message = " ".join(str(message).split())
        self.where = where
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class ConfigError(FrontwatchError, ValueError):
    """A setting, config file or pipeline definition is wrong."""

    code = "config_error"


class PipelineError(ConfigError):
    """A pipeline names an unknown stage or puts a stage before what it needs."""

    code = "pipeline_error"


class InputError(FrontwatchError, ValueError):
    """An input file or request body cannot be read as a report."""

    code = "bad_input"


class InputNotFound(InputError, FileNotFoundError):
    """An input path does not exist."""

    code = "not_found"
    status = 404


class StoreError(FrontwatchError, OSError):
    """The store cannot be opened, migrated or written."""

    code = "store_error"
    status = 500


class NotFound(FrontwatchError, LookupError):
    """A report, place or other record asked for does not exist."""

    code = "not_found"
    status = 404


class AmbiguousPlace(FrontwatchError, LookupError):
    """A place name matches several gazetteer entries; the message lists them."""

    code = "ambiguous_place"
    status = 409


class DictionaryError(FrontwatchError, ValueError):
    """A gazetteer, actor or lexicon file supplied by the user is malformed."""

    code = "bad_dictionary"


class AuthError(FrontwatchError, PermissionError):
    """A request lacks the API token a setting demands."""

    code = "unauthorized"
    status = 401


class StageError(FrontwatchError, RuntimeError):
    """A stage failed on one report for a reason that is not the user's (a bug); the run goes on."""

    code = "stage_error"
    status = 500
