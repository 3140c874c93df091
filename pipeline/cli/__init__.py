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
    "forget",
    "fetch",
    "evaluate",
    "reextract",
    "query",
    "tracker",
    "problems",
    "serve",
    "link",
)

#: Command -> the module that defines it, so `minutes stats` imports one small
#: module, not the PDF stack and spaCy. A command missing here is still found:
#: an unknown name loads every module in COMMAND_MODULES.
COMMAND_HINTS = {
    "ingest": "ingest", "stats": "ingest", "meta": "meta", "fetch": "fetch", "evaluate": "evaluate",
    "reextract": "reextract", "actions": "query", "resolutions": "query", "amounts": "query",
    "schemes": "query", "search": "query", "export": "query", "serve": "serve", "link": "link",
    "flag": "link", "action": "link", "scheme": "link", "consistency": "link",
}

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FLAGGED = 0, 1, 2, 3


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists them all)."""

    def _load(self, module: str) -> None:
        importlib.import_module(f"{__package__}.commands.{module}").register(self)

    def _load_all(self) -> None:
        for name in COMMAND_MODULES:
            self._load(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_HINTS:
            self._load(COMMAND_HINTS[cmd_name])
        if cmd_name not in self.commands:
            self._load_all()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_all()
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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

