"""The `minutes` command: thin wrappers that parse options, call a library
function and format its result. Commands live in ``pipeline/cli/commands/``, one
module per family; this module holds the group.

Exit codes: 0 success, 1 some inputs failed, 2 usage error, 3 something flagged.
A command raises an error of the project's tree; the group prints it and maps
it to an exit code through the one table in ``pipeline/cli/exits.py``.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from .. import __version__
from ..errors import MinutesError
from .commands import evaluate, fetch, forget, ingest, link, meta, problems, query, reextract, serve, tracker
from .commands.common import one_line
from .exits import EXIT_FAILED, EXIT_FLAGGED, EXIT_OK, EXIT_USAGE, error_lines, exit_code

#: Command modules, in the order `minutes --help` lists their commands.
COMMAND_MODULES = (ingest, meta, forget, fetch, evaluate, reextract, query, tracker, problems, serve, link)


class MinutesGroup(click.Group):
    """Runs a command; an error of the project's tree becomes its lines on
    stderr and its exit code (exits.EXIT_CODES), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MinutesError as exc:
            for line in error_lines(exc):
                click.echo(one_line(line), err=True)
            ctx.exit(exit_code(exc))


@click.group(
    cls=MinutesGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="minutes")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail to stderr.")
def main(verbose: bool) -> None:
    """Minutes Miner: turn UK council minutes into a queryable record of
    decisions, actions, money and schemes, and track follow-through.

    \b
    Example:
      minutes ingest corpus/ && minutes stats
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


for _module in COMMAND_MODULES:
    _module.register(main)

__all__ = ["EXIT_FAILED", "EXIT_FLAGGED", "EXIT_OK", "EXIT_USAGE", "main"]
