"""The `minutes` command: thin wrappers that parse options, call a library
function and format its result. Commands live in ``pipeline/cli/commands/``, one
module per family; this module holds the group and the shared options.

Exit codes: 0 success, 1 some inputs failed, 2 usage error, 3 something flagged.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__

COMMAND_MODULES = (
    "ingest",
    "meta",
    "fetch",
    "evaluate",
    "reextract",
    "query",
    "tracker",
    "problems",
    "serve",
    "link",
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FLAGGED = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__package__}.commands.{_name}").register(main)
