"""The project's error tree.

Every message names what went wrong and, where it helps, what to do next.
A ``SourceError`` always names the file so a batch can report it in one line.
"""

from __future__ import annotations


class MinutesError(Exception):
    """Base of every error this project raises on purpose."""


class SourceError(MinutesError):
    """A file could not be turned into minutes (corrupt, encrypted, not minutes...)."""

    def __init__(self, path: str, reason: str, *, stage: str = "load") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.stage = stage


class NotMinutesError(SourceError):
    """A well-formed file that is not a minutes document (e.g. a committee list)."""


class ExtractError(MinutesError):
    """An extractor met something it cannot handle."""


class StoreError(MinutesError):
    """The SQLite store refused an operation."""


class ConfigError(MinutesError):
    """config.yaml has an unknown key or a bad value; the message names the key path.
    ``problems`` holds one line per bad key, so all of them are reported at once."""

    def __init__(self, message: str, problems: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems) or (message,)


class UsageError(MinutesError):
    """A command was called with options that do not fit together (exit 2)."""


class NotFound(UsageError):
    """A command was given an id or a path that the store does not hold."""


class DocumentNotFound(NotFound):
    """No stored document has that id or path. Its own class, not ``KeyError``,
    so a ``KeyError`` from a bug in an extractor is never taken for it."""
