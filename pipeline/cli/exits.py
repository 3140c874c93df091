"""Exit codes, and the one table that maps the project's errors to them.

Commands do not catch errors to choose an exit code: they raise (or let
through) an error of the tree in ``pipeline/errors.py``, and the group in
``pipeline/cli/__init__.py`` prints it as one line per problem on stderr and
exits with the code this table gives. Click's own usage errors (an unknown
option, a missing argument) keep Click's message and exit 2.
"""

from __future__ import annotations

from ..errors import ConfigError, MinutesError, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FLAGGED = 0, 1, 2, 3

#: Error class -> exit code; the first class the error is an instance of wins.
EXIT_CODES: tuple[tuple[type[MinutesError], int], ...] = (
    (ConfigError, EXIT_USAGE),  # a bad config.yaml / --config: nothing was done
    (UsageError, EXIT_USAGE),  # options that do not fit, an id or path the store does not hold
    (MinutesError, EXIT_FAILED),  # an input or the store failed
)


def exit_code(exc: MinutesError) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))


def error_lines(exc: MinutesError) -> list[str]:
    """What stderr shows: one line per bad config key, else one line."""
    if isinstance(exc, ConfigError):
        return [f"config error: {problem}" for problem in exc.problems]
    return [f"error: {exc}"]


__all__ = ["EXIT_CODES", "EXIT_FAILED", "EXIT_FLAGGED", "EXIT_OK", "EXIT_USAGE", "error_lines", "exit_code"]
